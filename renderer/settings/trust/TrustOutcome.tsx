/**
 * How the last trust edit of a form ended: done (a sentence saying what changed), declined (the
 * user did not confirm the main process's dialog: nothing changed, which is no error), or failed
 * with a code. Each form keeps its own, shown beside it.
 */
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/ErrorNotice';
import { changeProblemOf, type ChangeProblem } from '../SecurityChangeNotice';

export type TrustOutcome = { kind: 'done'; message: string } | ChangeProblem;

/** Runs an edit that answers what to say (null: nothing, as when a save dialog was cancelled). */
export function useTrustEdit() {
  const [outcome, setOutcome] = useState<TrustOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(edit: () => Promise<string | null>): Promise<void> {
    setOutcome(null);
    setBusy(true);
    try {
      const message = await edit();
      setOutcome(message === null ? null : { kind: 'done', message });
    } catch (err) {
      setOutcome(changeProblemOf(err));
    } finally {
      setBusy(false);
    }
  }
  return { outcome, busy, run };
}

export function TrustOutcomeNotice({ outcome, failedTitle, ref }: { outcome: TrustOutcome | null; failedTitle: string; ref?: Ref<HTMLParagraphElement> }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'done':
      return (
        <p ref={ref} tabIndex={-1} role="status" className="notice notice--success">
          {outcome.message}
        </p>
      );
    case 'declined':
      return (
        <p role="status" className="notice notice--info">
          {t('trust.declined')}
        </p>
      );
    case 'failed':
      return <ErrorNotice title={failedTitle} error={outcome.error} />;
  }
}
