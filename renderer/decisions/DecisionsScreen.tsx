/** Decisions: how many are recorded (none yet, until meetings exist), the audit log, and what this screen will do. */
import { useTranslation } from 'react-i18next';
import { ComingLater } from '../common/ComingLater';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { formatCount } from '../common/format/numbers';
import { useAsyncValue } from '../common/use-async-value';
import { useUiStore } from '../common/ui-store';
import { AuditLogPanel } from './AuditLogPanel';

export function DecisionsScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const recorded = useAsyncValue(() => db.decisions.count(), [db]);

  return (
    <ScreenFrame screen="decisions" title={t('decisions.title')} intro={t('decisions.intro')}>
      {recorded.state === 'done' && <p className="stat">{t('decisions.recorded', { count: formatCount(recorded.value, language) })}</p>}
      <AuditLogPanel />
      <ComingLater items={[t('decisions.later1'), t('decisions.later2'), t('decisions.later3')]} />
    </ScreenFrame>
  );
}
