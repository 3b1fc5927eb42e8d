/**
 * Checks the whole audit log as stored: every entry's hash, every link, no sequence number missing
 * (shared/audit-chain.ts). Read in chunks by sequence, outside any transaction: a long read
 * transaction would hold up every change meanwhile, and an entry appended during the check is
 * simply read with the next chunk. The chunks also give the UI its turn between them.
 *
 * The end of the log has nothing after it to notice its loss: removing the newest entries leaves
 * a chain that checks. Only an outside copy of the head (a decision file's auditHead, the
 * minutes) shows that.
 */
import { AuditChainWalker, auditExportLine, type AuditBreak } from '../../shared/audit-chain';
import type { AuditRow } from './rows';
import type { CouncilDb } from './schema';

export type AuditCheck = { intact: true; entries: number; head: string | null } | ({ intact: false; entries: number } & AuditBreak);

/** Rows read at a time: large enough that Dexie's cost per call is small, small enough that the UI gets its turn every few tens of milliseconds. */
export const AUDIT_CHUNK = 1000;

/**
 * Every row, oldest first, a chunk at a time; `visit` returns false to stop. The next chunk is
 * asked for before this one is visited, so the database reads it while this one is hashed.
 */
async function eachChunk(db: CouncilDb, chunk: number, visit: (rows: AuditRow[]) => boolean): Promise<void> {
  const read = (after: number | null): Promise<AuditRow[]> => (after === null ? db.audit.orderBy(':id') : db.audit.where(':id').above(after)).limit(chunk).toArray();
  let pending = read(null);
  for (;;) {
    const rows = await pending;
    if (rows.length === 0) return;
    pending = read(rows[rows.length - 1]!.sequence);
    if (!visit(rows)) {
      await pending.catch(() => undefined); // not left to fail unheard
      return;
    }
  }
}

export async function checkAuditLog(db: CouncilDb, { chunk = AUDIT_CHUNK }: { chunk?: number } = {}): Promise<AuditCheck> {
  const walker = new AuditChainWalker();
  let broken: AuditBreak | null = null;
  await eachChunk(db, chunk, (rows) => {
    for (const row of rows) {
      broken = walker.step(row);
      if (broken) return false;
    }
    return true;
  });
  if (broken === null) return { intact: true, entries: walker.entries, head: walker.head };
  return { intact: false, entries: await db.audit.count(), ...(await refineLink(db, broken)) };
}

/**
 * A link that points elsewhere in the log tells of entries moved (two rows' contents swapped),
 * not of one altered: say which entry it belongs after. Only a broken chain pays for this scan.
 */
async function refineLink(db: CouncilDb, broken: AuditBreak): Promise<AuditBreak> {
  if (broken.what !== 'link' || broken.prevHash === null) return broken;
  const { prevHash } = broken;
  const target = await db.audit.filter((row) => row.hash === prevHash).first();
  if (!target) return broken;
  return { what: 'order', brokenAt: broken.brokenAt, follows: target.sequence, prevHash, expected: broken.expected };
}

/** The log as its export holds it (FORMATS.md): one entry a line, oldest first, as stored. */
export async function readAuditLines(db: CouncilDb, { chunk = AUDIT_CHUNK }: { chunk?: number } = {}): Promise<{ lines: string; entries: number }> {
  const parts: string[] = [];
  let entries = 0;
  await eachChunk(db, chunk, (rows) => {
    for (const row of rows) parts.push(`${auditExportLine(row)}\n`);
    entries += rows.length;
    return true;
  });
  return { lines: parts.join(''), entries };
}
