/**
 * Decisions: how many are recorded, each meeting's decisions with their files and "Export
 * decisions" (MeetingDecisions), other devices' decision files, and the audit log.
 */
import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { formatCount } from '../common/format/numbers';
import { useAsyncValue } from '../common/use-async-value';
import { useUiStore } from '../common/ui-store';
import { AuditLogPanel } from './AuditLogPanel';
import { MeetingDecisions } from './MeetingDecisions';
import { InboxDecisionsPanel } from './inbox';

export function DecisionsScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const recorded = useAsyncValue(() => db.decisions.count(), [db]);

  return (
    <ScreenFrame screen="decisions" title={t('decisions.title')} intro={t('decisions.intro')}>
      {recorded.state === 'done' && <p className="stat">{t('decisions.recorded', { count: formatCount(recorded.value, language) })}</p>}
      <MeetingDecisions />
      <InboxDecisionsPanel />
      <AuditLogPanel />
    </ScreenFrame>
  );
}
