/**
 * "데모 협의체 불러오기": asks the main process for the demo council, stores it in one transaction,
 * then opens the Bundles screen. Busy while it works; on failure, the error's code and message.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/council-api';
import { storeDemoCouncil } from '../db/demo-import';
import { useCouncilStore } from '../store/council-store';
import { useUiStore } from '../store/ui-store';
import { ErrorNotice } from './ErrorNotice';
import { useServices } from './services';

type Phase = { phase: 'idle' } | { phase: 'busy' } | { phase: 'failed'; error: { code: string; message: string } };

interface Props {
  /** The installation has no demo council: the button is disabled and says why. */
  unavailable?: boolean;
  /** Another action shown beside the button (the welcome's "start empty"). */
  beside?: ReactNode;
}

export function DemoCouncilLoader({ unavailable = false, beside }: Props) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const statusId = useId();
  const busy = state.phase === 'busy';

  async function load() {
    if (busy) return;
    setState({ phase: 'busy' });
    try {
      const demo = await api.loadDemoCouncil();
      await storeDemoCouncil(db, demo);
      useUiStore.getState().setScreen('bundles');
      await useCouncilStore.getState().load(db);
      setState({ phase: 'idle' });
    } catch (err) {
      setState({ phase: 'failed', error: describeError(err) });
    }
  }

  return (
    <div className="demo-loader" aria-busy={busy}>
      <div className="demo-loader__actions">
        <button type="button" className="button button--primary" disabled={busy || unavailable} aria-describedby={statusId} onClick={() => void load()}>
          {t('welcome.loadDemo')}
        </button>
        {beside}
      </div>
      <p id={statusId} role="status" className="demo-loader__status">
        {busy ? t('welcome.busy') : unavailable ? t('welcome.demoUnavailable') : ''}
      </p>
      {state.phase === 'failed' && <ErrorNotice title={t('welcome.failed')} error={state.error} />}
    </div>
  );
}
