/**
 * The audit log against main's witness file (db/audit-witness-check.ts), into the audit store's
 * `witness` (audit-status.ts, the one home of the chain's state): checked at start-up (app/boot.ts)
 * and with "Check again", and again whenever main refuses a hash as another than it witnessed.
 * A log found rewritten is announced (assertively), unless its own chain is found broken: that is
 * said first and alone (the header shows both). Then whatever the log holds beyond the
 * witness is sent to it, so a profile restored or witnessed for the first time catches up.
 */
import { announce } from '../common/announcer';
import { describeError } from '../common/council-api';
import { currentLanguage, i18n } from '../common/i18n';
import { auditWitnessOf, type AuditWitnessSender } from '../db/audit-witness';
import { checkAgainstWitness } from '../db/audit-witness-check';
import type { CouncilDb } from '../db/schema';
import { auditStoreGeneration, useAuditStore, type AuditStatus, type WitnessStatus } from './audit-status';
import { witnessSentence } from './audit-words';

/** The chain's own check once it is no longer running. */
function chainChecked(): Promise<AuditStatus> {
  return new Promise((resolve) => {
    const { status } = useAuditStore.getState();
    if (status.state !== 'checking') return resolve(status);
    const stop = useAuditStore.subscribe(({ status: next }) => {
      if (next.state === 'checking') return;
      stop();
      resolve(next);
    });
  });
}

const running = new WeakMap<AuditWitnessSender, Promise<void>>();

/** Checks `db`'s log against the witness of the sender witnessing it; nothing when none does. */
export function runWitnessCheck(db: CouncilDb, sender: AuditWitnessSender | undefined = auditWitnessOf(db)): Promise<void> {
  if (!sender) return Promise.resolve();
  const now = running.get(sender);
  if (now) return now;
  sender.onConflict ??= () => void runWitnessCheck(db, sender);
  const mine = auditStoreGeneration();
  const set = (witness: WitnessStatus) => {
    if (mine === auditStoreGeneration()) useAuditStore.setState({ witness });
  };
  set({ state: 'checking' });
  const run = (async () => {
    try {
      const witness = await sender.port.getWitness();
      const check = await checkAgainstWitness(db, witness);
      set({ state: 'checked', check });
      if (!check.holds) {
        const chain = await chainChecked();
        const broken = chain.state === 'checked' && !chain.check.intact;
        if (!broken && mine === auditStoreGeneration()) announce(witnessSentence(i18n.t.bind(i18n), check, currentLanguage()), 'assertive');
      }
      sender.learned(witness.entries.at(-1)?.sequence ?? 0);
    } catch (err) {
      set({ state: 'failed', error: describeError(err) });
    }
    await sender.send();
  })();
  running.set(sender, run);
  return run.finally(() => running.delete(sender));
}
