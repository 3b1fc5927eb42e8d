/**
 * The audit log against its witness, on the Decisions screen under the chain's own state: matched
 * (with how many entries are witnessed), or the first witnessed entry the log no longer holds,
 * when it was witnessed, and the hashes that differ; and lines of the witness file skipped.
 */
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { useUiStore } from '../common/ui-store';
import type { WitnessStatus } from './audit-status';
import { witnessSentence } from './audit-words';

export function WitnessStatusText({ witness }: { witness: WitnessStatus }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (witness.state === 'unchecked') return null;
  if (witness.state === 'checking') return <p data-testid="audit-witness">{t('audit.witness.checking')}</p>;
  if (witness.state === 'failed') return <ErrorNotice title={t('audit.witness.failed')} error={witness.error} />;
  const { check } = witness;
  return (
    <div className={check.holds ? 'audit-status' : 'audit-status audit-status--broken'}>
      <p data-testid="audit-witness" className={check.holds ? undefined : 'audit-status__headline'}>
        {witnessSentence(t, check, language)}
      </p>
      {!check.holds && (
        <dl className="audit-values">
          <div>
            <dt>{t('audit.witness.witnessedHash')}</dt>
            <dd className="path-text">{check.witnessedHash}</dd>
          </div>
          <div>
            <dt>{t('audit.witness.foundHash')}</dt>
            <dd className="path-text">{check.found ?? t('audit.noHash')}</dd>
          </div>
        </dl>
      )}
      {check.skippedLines > 0 && <p className="screen__note">{t('audit.witness.skipped', { count: check.skippedLines })}</p>}
    </div>
  );
}
