/**
 * In the header, only while the audit log is known to be broken, or rewritten (a witnessed entry
 * it no longer holds: witness-status.ts): a small button naming the entry (and, rewritten, when it
 * was witnessed), which opens the Decisions screen where the details are. Announced by
 * audit-status.ts and witness-status.ts, not here.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n';
import { useUiStore } from '../common/ui-store';
import './decisions.css';
import { useAuditStore } from './audit-status';

export function AuditBrokenNotice() {
  const { t } = useTranslation();
  const status = useAuditStore((s) => s.status);
  const witness = useAuditStore((s) => s.witness);
  const language = useUiStore((s) => s.language);
  const setScreen = useUiStore((s) => s.setScreen);
  const broken = status.state === 'checked' && !status.check.intact ? status.check.brokenAt : null;
  const rewritten = witness.state === 'checked' && !witness.check.holds ? witness.check : null;
  return (
    <>
      {broken !== null && (
        <button type="button" className="audit-broken-notice" data-testid="audit-broken-notice" title={t('audit.headerBrokenTitle')} onClick={() => setScreen('decisions')}>
          {t('audit.headerBroken', { sequence: broken })}
        </button>
      )}
      {rewritten && (
        <button type="button" className="audit-broken-notice" data-testid="audit-rewritten-notice" title={t('audit.headerBrokenTitle')} onClick={() => setScreen('decisions')}>
          {t('audit.witness.header', { sequence: rewritten.sequence, at: formatDateTime(rewritten.at, language) })}
        </button>
      )}
    </>
  );
}
