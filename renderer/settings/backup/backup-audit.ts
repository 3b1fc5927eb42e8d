/**
 * The backups in the audit log: each backup made is an entry (entity 'backup', action 'export',
 * its file name as the id), and each restore one (action 'restore'), the first entry of the
 * restored log after the backup's own last one.
 */
import type { BackupKind, BackupManifest, BackupResult } from '../../../shared/api';
import { appendAudit } from '../../db/audit';
import type { AuditRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';

/** What both entries say of the backup: what it holds, as its manifest counts it (a restore's marker keeps it too). */
export interface BackupHeld {
  createdAt: string;
  tables: Record<string, number>;
  evidence: number;
  auditHead: BackupManifest['auditHead'];
}

export function held(manifest: BackupManifest): BackupHeld {
  return {
    createdAt: manifest.createdAt,
    tables: manifest.tables,
    evidence: manifest.evidence.length,
    auditHead: manifest.auditHead,
  };
}

export function recordBackupMade(db: CouncilDb, kind: BackupKind, manifest: BackupManifest, result: BackupResult): Promise<AuditRow> {
  return db.transaction('rw', [db.audit, db.settings], () =>
    appendAudit(db, {
      entity: 'backup',
      entityId: result.name,
      action: 'export',
      detail: { kind, ...held(manifest), bytes: result.bytes, sha256: result.sha256, paths: result.paths, removed: result.removed },
    }),
  );
}

/** Inside the restore's last transaction (with audit and settings in its scope), after the restored rows were checked. */
export function recordRestore(db: CouncilDb, name: string, backup: BackupHeld, priorBackup: string | null): Promise<AuditRow> {
  return appendAudit(db, { entity: 'backup', entityId: name, action: 'restore', detail: { ...backup, priorBackup } });
}
