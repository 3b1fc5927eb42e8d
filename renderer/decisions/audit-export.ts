/**
 * Exporting the audit log: read it from Dexie, one entry a line (db/audit-check.ts), and hand it to
 * the main process, which checks it again and writes it into the sync folder (shared/api.ts
 * exportAuditLog). The file is named for a meeting when there is one, else for today's date.
 */
import type { AuditExportResult } from '../../shared/api';
import type { CouncilApi } from '../common/council-api';
import { readAuditLines } from '../db/audit-check';
import type { CouncilDb } from '../db/schema';

/** Today's date, YYYY-MM-DD, in this device's time zone: the day the secretary sees. */
export function auditExportName(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export async function exportAuditLog(db: CouncilDb, api: Pick<CouncilApi, 'exportAuditLog'>, name: string = auditExportName()): Promise<AuditExportResult> {
  const { lines } = await readAuditLines(db);
  return api.exportAuditLog({ name, lines });
}
