/**
 * The audit log's state as the app knows it: checked at start-up (app/boot.ts) and again on
 * demand (the Decisions screen), shown there and, when broken, in the header too; and beside it
 * how the log stands against main's witness of it (witness-status.ts). One check runs
 * at a time: asking while one runs waits for it. The outcome is said through the announcer: a
 * broken chain always (assertively), an intact one only when the user asked.
 */
import { create } from 'zustand';
import { describeError, type ErrorInfo } from '../common/council-api';
import { announce } from '../common/announcer';
import { currentLanguage, i18n } from '../common/i18n';
import { checkAuditLog, type AuditCheck } from '../db/audit-check';
import type { WitnessCheck } from '../db/audit-witness-check';
import type { CouncilDb } from '../db/schema';
import { auditBreakSentence, auditHeadline } from './audit-words';

export type AuditStatus =
  | { state: 'unchecked' }
  | { state: 'checking' }
  | { state: 'checked'; check: AuditCheck }
  | { state: 'failed'; error: ErrorInfo };

/** The log against main's witness file: a witnessed entry it no longer holds shows it rewritten. */
export type WitnessStatus =
  | { state: 'unchecked' }
  | { state: 'checking' }
  | { state: 'checked'; check: WitnessCheck }
  | { state: 'failed'; error: ErrorInfo };

export const useAuditStore = create<{ status: AuditStatus; witness: WitnessStatus }>()(() => ({ status: { state: 'unchecked' }, witness: { state: 'unchecked' } }));

let running: Promise<AuditStatus> | null = null;
/** Grows with each reset: a check begun before a reset (a test's) leaves the store alone. */
let generation = 0;
/** Whether someone asked for the check running: asking while it runs counts too. */
let askedFor = false;

export function resetAuditStore(): void {
  running = null;
  askedFor = false;
  generation += 1;
  useAuditStore.setState({ status: { state: 'unchecked' }, witness: { state: 'unchecked' } });
}

/** Grows with each reset: another check of the store's (witness-status.ts) leaves it alone after one. */
export function auditStoreGeneration(): number {
  return generation;
}

function say(status: AuditStatus, asked: boolean): void {
  const t = i18n.t.bind(i18n);
  if (status.state === 'failed') announce(t('audit.checkFailed'), 'assertive');
  if (status.state !== 'checked') return;
  const { check } = status;
  if (!check.intact) announce(`${auditHeadline(t, check, currentLanguage())}. ${auditBreakSentence(t, check)}`, 'assertive');
  else if (asked) announce(auditHeadline(t, check, currentLanguage()));
}

/** Checks the whole log; `asked`: the user asked (an intact log is then announced too). */
export function runAuditCheck(db: CouncilDb, { asked }: { asked: boolean }): Promise<AuditStatus> {
  askedFor ||= asked;
  if (running) return running;
  useAuditStore.setState({ status: { state: 'checking' } });
  const mine = generation;
  running = (async (): Promise<AuditStatus> => {
    let status: AuditStatus;
    try {
      status = { state: 'checked', check: await checkAuditLog(db) };
    } catch (err) {
      status = { state: 'failed', error: describeError(err) };
    }
    if (mine === generation) {
      running = null;
      useAuditStore.setState({ status });
      say(status, askedFor);
      askedFor = false;
    }
    return status;
  })();
  return running;
}

/**
 * Checks again only if the log changed since the last check (its last entry or its count), or
 * was never checked: what the Decisions screen does as it opens, so the state it shows is the
 * log's, not start-up's, without re-hashing a long log that has not changed.
 */
export async function refreshAuditCheck(db: CouncilDb): Promise<void> {
  const { status } = useAuditStore.getState();
  if (status.state === 'checking') return;
  if (status.state === 'checked') {
    const { check } = status;
    const [last, count] = await Promise.all([db.audit.orderBy(':id').last(), db.audit.count()]);
    const same = count === check.entries && (!check.intact || (last?.hash ?? null) === check.head);
    if (same) return;
  }
  await runAuditCheck(db, { asked: false });
}
