/**
 * Keeping the export rows in step with the notary: a row left 'signing' (the app stopped before
 * the notary's answer was recorded) is settled against the meeting's ledger, and a 'queued' row
 * becomes 'written' once the ledger says its file is in the sync folder. The outbox status (main
 * retries by itself; the screen asks it while something waits, and offers Retry) is the cue.
 */
import type { DecisionLedger, OutboxStatus } from '../../../shared/api';
import type { CouncilApi } from '../../common/council-api';
import type { CouncilDb } from '../../db/schema';
import { dropSigning, recordSigned, recordWritten } from './export-records';

export type OutboxApi = Pick<CouncilApi, 'getDecisionLedger' | 'getOutboxStatus' | 'retryOutbox'>;

const nowIso = () => new Date().toISOString();

/** Where main writes a file: `<sync folder>/outbox/<name>`, with the folder's own separator. */
export function outboxPath(syncFolder: string | null, fileName: string): string | null {
  if (syncFolder === null || syncFolder === '') return null;
  const sep = syncFolder.includes('\\') && !syncFolder.includes('/') ? '\\' : '/';
  return `${syncFolder.replace(/[\\/]+$/, '')}${sep}outbox${sep}${fileName}`;
}

const ledgerFile = (ledger: DecisionLedger, sequence: number) => ledger.files.find((f) => f.sequence === sequence);

/** The meeting's rows left 'signing': recorded as signed when the ledger holds that very payload, else dropped (never signed). */
export async function settleSigning(db: CouncilDb, api: Pick<CouncilApi, 'getDecisionLedger'>, meetingId: string, at: string = nowIso()): Promise<void> {
  const left = await db.exports.where('meetingId').equals(meetingId).filter((r) => r.state === 'signing').toArray();
  if (left.length === 0) return;
  const ledger = await api.getDecisionLedger({ meetingId });
  for (const row of left) {
    const file = ledgerFile(ledger, row.sequence);
    if (file && file.payloadSha256 === row.payloadSha256) {
      await recordSigned(db, meetingId, row.sequence, { fileName: file.fileName, payloadSha256: file.payloadSha256, state: file.state, path: null }, at, true);
    } else {
      await dropSigning(db, meetingId, row.sequence);
    }
  }
}

/** Queued rows whose file the ledger says is written are recorded written. Returns how many. */
export async function settleQueued(db: CouncilDb, api: Pick<CouncilApi, 'getDecisionLedger'>, status: OutboxStatus, at: string = nowIso()): Promise<number> {
  const queued = await db.exports.where('state').equals('queued').toArray();
  const waiting = new Set(status.queued.map((q) => `${q.meetingId}/${q.sequence}`));
  const left = queued.filter((r) => !waiting.has(`${r.meetingId}/${r.sequence}`));
  let written = 0;
  for (const meetingId of new Set(left.map((r) => r.meetingId))) {
    const ledger = await api.getDecisionLedger({ meetingId });
    for (const row of left.filter((r) => r.meetingId === meetingId)) {
      if (ledgerFile(ledger, row.sequence)?.state !== 'written') continue;
      await recordWritten(db, meetingId, row.sequence, outboxPath(status.syncFolder, row.fileName), at);
      written += 1;
    }
  }
  return written;
}

/** How many files this device has queued, waiting for the sync folder. */
export function queuedCount(db: CouncilDb): Promise<number> {
  return db.exports.where('state').equals('queued').count();
}

export interface OutboxCheck {
  status: OutboxStatus;
  /** Queued files recorded written by this check. */
  written: number;
}

/** The outbox as main sees it now, with the rows it has written since recorded. */
export async function refreshOutbox(db: CouncilDb, api: OutboxApi): Promise<OutboxCheck> {
  const status = await api.getOutboxStatus();
  return { status, written: await settleQueued(db, api, status) };
}

/** Asks main to try the queued files again now, then records what it wrote. */
export async function retryQueued(db: CouncilDb, api: OutboxApi): Promise<OutboxCheck> {
  const status = await api.retryOutbox();
  return { status, written: await settleQueued(db, api, status) };
}
