/**
 * The audit log against its witness (audit-witness.ts, shared/audit-witness.ts): every entry the
 * main process witnessed must still be in the log with the hash witnessed. One that is missing or
 * has another hash tells of a log rewritten (every entry recomputed, so its own chain still
 * checks) or cut. A log longer than the witness is fine: the rest is witnessed next.
 */
import type { AuditWitness, WitnessRestart } from '../../shared/audit-witness';
import { AUDIT_CHUNK } from './audit-check';
import type { CouncilDb } from './schema';

interface WitnessRead {
  /** Entries the witness holds. */
  witnessed: number;
  /** Lines of the witness file skipped as it was read (a torn last line among them). */
  skippedLines: number;
  /** The restore that began the witness again (its first entries are that backup's chain); null when none did. */
  restart: Pick<WitnessRestart, 'backup' | 'at'> | null;
}

export type WitnessCheck =
  | ({ holds: true } & WitnessRead)
  | ({
      holds: false;
      /** The first witnessed entry the log no longer holds, when it was witnessed and with what hash. */
      sequence: number;
      at: string;
      witnessedHash: string;
      /** Its hash in the log now; null when the log has no entry of that sequence. */
      found: string | null;
    } & WitnessRead);

export async function checkAgainstWitness(db: CouncilDb, witness: AuditWitness, { chunk = AUDIT_CHUNK }: { chunk?: number } = {}): Promise<WitnessCheck> {
  const { entries } = witness;
  const restart = witness.restart ? { backup: witness.restart.backup, at: witness.restart.at } : null;
  const read: WitnessRead = { witnessed: entries.length, skippedLines: witness.skippedLines.length + (witness.tornTail ? 1 : 0), restart };
  for (let start = 0; start < entries.length; start += chunk) {
    const part = entries.slice(start, start + chunk);
    const rows = await db.audit.bulkGet(part.map((e) => e.sequence));
    for (const [i, entry] of part.entries()) {
      const row = rows[i];
      if (row?.hash !== entry.hash) return { holds: false, sequence: entry.sequence, at: entry.at, witnessedHash: entry.hash, found: row?.hash ?? null, ...read };
    }
  }
  return { holds: true, ...read };
}
