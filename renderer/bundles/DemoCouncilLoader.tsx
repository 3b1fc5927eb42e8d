/**
 * "데모 협의체 불러오기": asks the main process for the demo council (its members), stores the
 * members (and the secretary as the operator) in one transaction, then imports the demo bundle
 * through the streaming import like any other bundle (importDemoBegin: the main process knows the
 * file, and checks it against the built-in demo trust file, signature required) and opens the
 * Bundles screen, or hands over to `onLoaded` (the welcome asks who is at the keyboard first). Busy with a progress bar while it works; on failure, the error's code
 * and message (or the validation report's count and first problems), and the button works again.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { describeError, type ErrorInfo } from '../common/council-api';
import { storeDemoMembers } from './demo-import';
import { formatCount } from '../common/format/numbers';
import { importBundle } from './import/import-bundle';
import type { ImportOutcome, ImportProgressEvent } from './import/import-outcome';
import { progressFraction } from './import/progress-estimate';
import { problemLine } from './report/report-text';
import { useCouncilStore } from '../common/council-store';
import { useUiStore } from '../common/ui-store';
import { ErrorNotice } from '../common/ErrorNotice';
import { useServices } from '../common/services';
import { ProgressBar } from '../common/ProgressBar';

type Phase =
  | { phase: 'idle' }
  | { phase: 'busy'; progress: ImportProgressEvent | null }
  | { phase: 'failed'; error: ErrorInfo };

/** Problems quoted in the error when the demo bundle fails its checks. */
const PROBLEMS_QUOTED = 3;

interface Props {
  /** The installation has no demo council: the button is disabled and says why. */
  unavailable?: boolean;
  /** Another action shown beside the button (the welcome's "start empty"). */
  beside?: ReactNode;
  /** What follows a successful load, in place of opening the Bundles screen. */
  onLoaded?: () => Promise<void>;
}

/** Why an import of the demo bundle did not succeed, as a code and a message; null when it did. */
export function demoImportError(t: TFunction, outcome: ImportOutcome): ErrorInfo | null {
  switch (outcome.kind) {
    case 'imported':
    case 'already-imported':
      return null;
    case 'refused':
      return { code: outcome.code, message: outcome.message };
    case 'invalid': {
      const { report } = outcome;
      const problems = report.errors.slice(0, PROBLEMS_QUOTED).map((p) => problemLine(t, p));
      return { code: 'BUNDLE_INVALID', message: t('welcome.invalid', { count: Math.max(report.errorCount, report.errors.length), problems: problems.join('; ') }) };
    }
    case 'cancelled':
      return { code: 'IMPORT_CANCELLED', message: t('welcome.cancelled') };
  }
}

function DemoProgress({ progress }: { progress: ImportProgressEvent | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const n = (value: number) => formatCount(value, language);
  const percent = progress ? Math.floor(progressFraction(progress) * 100) : null;
  const counts = progress
    ? t('progress.counts', { cases: n(progress.casesRead), casesTotal: n(progress.casesTotal), evidence: n(progress.evidenceRead), evidenceTotal: n(progress.evidenceTotal) })
    : t('progress.checking');
  return (
    <div className="demo-loader__progress">
      <ProgressBar label={t('progress.label')} percent={percent} valueText={percent === null ? counts : `${t('progress.percent', { percent })} · ${counts}`} />
      <p data-testid="demo-import-counts">{counts}</p>
    </div>
  );
}

export function DemoCouncilLoader({ unavailable = false, beside, onLoaded }: Props) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const statusId = useId();
  const busy = state.phase === 'busy';

  async function load() {
    if (busy) return;
    setState({ phase: 'busy', progress: null });
    try {
      const demo = await api.loadDemoCouncil();
      await storeDemoMembers(db, demo);
      const outcome = await importBundle(db, api, { demo: true }, { onProgress: (progress) => setState({ phase: 'busy', progress }) });
      const error = demoImportError(t, outcome);
      if (error) {
        // The council store is not reloaded: the welcome (and this error) stays, and a retry
        // stores the same members again (a no-op) before importing again.
        setState({ phase: 'failed', error });
        return;
      }
      if (onLoaded) {
        await onLoaded();
      } else {
        useUiStore.getState().setScreen('bundles');
        await useCouncilStore.getState().load(db);
      }
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
      {state.phase === 'busy' && <DemoProgress progress={state.progress} />}
      {state.phase === 'failed' && <ErrorNotice title={t('welcome.failed')} error={state.error} />}
    </div>
  );
}
