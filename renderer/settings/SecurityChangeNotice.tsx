/**
 * How the last change of a security setting ended, when not as asked: the user declined the main
 * process's confirmation (nothing changed, which is no error), or it failed with a code.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorInfo } from '../common/council-api';
import { ErrorNotice } from '../common/ErrorNotice';

export type ChangeProblem = { kind: 'declined' } | { kind: 'failed'; error: ErrorInfo };

export function changeProblemOf(err: unknown): ChangeProblem {
  const error = describeError(err);
  switch (error.code) {
    case 'CONFIRMATION_DECLINED':
      return { kind: 'declined' };
    default:
      return { kind: 'failed', error };
  }
}

/** Runs a change and keeps what went wrong with it, for SecurityChangeNotice. */
export function useSecurityChange() {
  const [problem, setProblem] = useState<ChangeProblem | null>(null);
  async function run(change: () => Promise<unknown>): Promise<void> {
    setProblem(null);
    try {
      await change();
    } catch (err) {
      setProblem(changeProblemOf(err));
    }
  }
  return { problem, run };
}

export function SecurityChangeNotice({ problem }: { problem: ChangeProblem | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.kind === 'declined') {
    return (
      <p role="status" className="notice notice--info" data-testid="change-declined">
        {t('settings.declined')}
      </p>
    );
  }
  return <ErrorNotice title={t('settings.changeFailed')} error={problem.error} />;
}
