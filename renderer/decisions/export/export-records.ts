/**
 * The export rows of decision files (db/rows.ts ExportRow) and their audit entries. A row is
 * written 'signing' before the payload goes to the notary, so a crash before its answer is
 * recorded leaves a trace to settle against the notary's ledger (outbox.ts); the answer makes it
 * 'queued' or 'written' with its audit entry (entity 'export', action 'sign'), and a queued file
 * written later gets one more ('write'). Each change and its entry commit together.
 */
import type { DecisionExportResult } from '../../../shared/api';
import { appendAudit } from '../../db/audit';
import type { ExportRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';

const scope = (db: CouncilDb) => [db.exports, db.audit, db.settings];

export class ExportRecordError extends Error {
  override name = 'ExportRecordError';
}

/** Every export row of the meeting, by sequence. */
export function meetingExports(db: CouncilDb, meetingId: string): Promise<ExportRow[]> {
  return db.exports.where('meetingId').equals(meetingId).sortBy('sequence');
}

/** Notes the file about to be signed. Refused when this device holds another file of that sequence. */
export async function recordSigning(db: CouncilDb, row: Omit<ExportRow, 'state' | 'path' | 'writtenAt'>): Promise<ExportRow> {
  const signing: ExportRow = { ...row, state: 'signing', path: null, writtenAt: null };
  await db.transaction('rw', [db.exports], async () => {
    const there = await db.exports.get([row.meetingId, row.sequence]);
    if (there && there.state !== 'signing') {
      throw new ExportRecordError(
        `This device recorded ${there.fileName} already, but the notary's ledger says the meeting's next file is sequence ${row.sequence}: the ledger and this device disagree, so nothing was signed.`,
      );
    }
    await db.exports.put(signing);
  });
  return signing;
}

/** The notary refused or the call failed: the file was not signed, and its row goes. */
export async function dropSigning(db: CouncilDb, meetingId: string, sequence: number): Promise<void> {
  await db.transaction('rw', [db.exports], async () => {
    const there = await db.exports.get([meetingId, sequence]);
    if (there?.state === 'signing') await db.exports.delete([meetingId, sequence]);
  });
}

type Signed = Pick<DecisionExportResult, 'fileName' | 'payloadSha256' | 'state' | 'path'>;

/**
 * The notary signed the file: its row says where it stands, with its audit entry. `recovered`:
 * learnt from the ledger after the answer itself was lost.
 */
export async function recordSigned(db: CouncilDb, meetingId: string, sequence: number, signed: Signed, at: string, recovered = false): Promise<ExportRow> {
  return db.transaction('rw', scope(db), async () => {
    const row = await db.exports.get([meetingId, sequence]);
    if (!row) throw new ExportRecordError(`The export of ${signed.fileName} is no longer recorded on this device.`);
    const done: ExportRow = { ...row, fileName: signed.fileName, payloadSha256: signed.payloadSha256, state: signed.state, path: signed.path, writtenAt: signed.state === 'written' ? at : null };
    await db.exports.put(done);
    await appendAudit(db, {
      at,
      entity: 'export',
      entityId: done.fileName,
      action: 'sign',
      detail: { meetingId, sequence, fileName: done.fileName, payloadSha256: done.payloadSha256, state: done.state, path: done.path, decisions: done.decisions, recovered },
    });
    return done;
  });
}

/** A queued file is in the sync folder now. */
export async function recordWritten(db: CouncilDb, meetingId: string, sequence: number, path: string | null, at: string): Promise<void> {
  await db.transaction('rw', scope(db), async () => {
    const row = await db.exports.get([meetingId, sequence]);
    if (row?.state !== 'queued') return;
    await db.exports.put({ ...row, state: 'written', path, writtenAt: at });
    await appendAudit(db, {
      at,
      entity: 'export',
      entityId: row.fileName,
      action: 'write',
      detail: { meetingId, sequence, fileName: row.fileName, payloadSha256: row.payloadSha256, state: 'written', path },
    });
  });
}
