/**
 * In the header, only while the audit log is known to be broken: a small button naming the entry,
 * which opens the Decisions screen where the details are. Announced by audit-status.ts, not here.
 */
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../common/ui-store';
import './decisions.css';
import { useAuditStore } from './audit-status';

export function AuditBrokenNotice() {
  const { t } = useTranslation();
  const status = useAuditStore((s) => s.status);
  const setScreen = useUiStore((s) => s.setScreen);
  if (status.state !== 'checked' || status.check.intact) return null;
  return (
    <button type="button" className="audit-broken-notice" data-testid="audit-broken-notice" title={t('audit.headerBrokenTitle')} onClick={() => setScreen('decisions')}>
      {t('audit.headerBroken', { sequence: status.check.brokenAt })}
    </button>
  );
}
