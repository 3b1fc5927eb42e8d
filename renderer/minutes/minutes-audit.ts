/**
 * The minutes in the audit log: each making of a meeting's minutes is an entry (entity 'minutes',
 * action 'export', the attestation's name as its id) naming the attestation's payload hash, every
 * file with its SHA-256, where they went, and the folders the earlier minutes were moved into when
 * they were made again. The Minutes screen reads the meeting's last one back to say they were made.
 */
import type { MinutesExportResult } from '../../shared/api';
import { appendAudit } from '../db/audit';
import type { CouncilDb } from '../db/schema';

export interface MinutesMade {
  meetingId: string;
  attestation: string;
  payloadSha256: string;
  createdAt: string;
  files: Record<string, string>;
  paths: string[];
  earlier: string[];
  /** The same content had been attested before: nothing new was signed. */
  existed?: boolean;
}

/** Records the making; answers it as lastMinutesMade would read it back. */
export async function recordMinutesMade(db: CouncilDb, meetingId: string, result: MinutesExportResult): Promise<MinutesMade & { at: string }> {
  const { attestation } = result;
  const detail: MinutesMade = {
    meetingId,
    attestation: attestation.fileName,
    payloadSha256: attestation.payloadSha256,
    createdAt: attestation.createdAt,
    files: Object.fromEntries(result.files.map((f) => [f.name, f.sha256])),
    paths: attestation.paths,
    earlier: result.earlier,
  };
  const row = await db.transaction('rw', [db.audit, db.settings], () =>
    appendAudit(db, { entity: 'minutes', entityId: attestation.fileName, action: 'export', detail: { ...detail, existed: attestation.existed } }),
  );
  return { ...detail, existed: attestation.existed, at: row.at };
}

/** The meeting's minutes as last made on this device (its audit entry); null when never. */
export async function lastMinutesMade(db: CouncilDb, meetingId: string): Promise<(MinutesMade & { at: string }) | null> {
  const entries = await db.audit.where('entity').equals('minutes').toArray();
  for (const entry of entries.reverse()) {
    const detail = entry.detail as Partial<MinutesMade> | null;
    if (detail?.meetingId === meetingId && typeof detail.attestation === 'string') return { ...(detail as MinutesMade), at: entry.at };
  }
  return null;
}
