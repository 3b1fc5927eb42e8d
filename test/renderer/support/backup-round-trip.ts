/**
 * A backup made with the runner (against a recording main process) and played back as main's
 * restore calls would give it: rows.json in pieces, then each evidence file whole, then done.
 * `change` alters what is given (a test's damaged main, a lost answer).
 */
import { vi } from 'vitest';
import type { BackupManifest, RestorePiece } from '../../../shared/contract/backup';
import type { CouncilDb } from '../../../renderer/db/schema';
import { runBackup } from '../../../renderer/settings/backup/backup-runner';
import type { RestoreApi } from '../../../renderer/settings/backup/restore-runner';
import { recordingBackupApi } from './recording-backup-api';

export const RESTORE_ID = '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
export const BACKUP_NAME = 'council-desk-backup-20230302-060000-manual.cdbackup';

export interface MadeBackup {
  manifest: BackupManifest;
  entries: Map<string, Uint8Array>;
}

export async function makeBackup(db: CouncilDb): Promise<MadeBackup> {
  const main = recordingBackupApi();
  const outcome = await runBackup(db, main.api, { kind: 'manual' });
  if (outcome.kind !== 'written') throw new Error('no backup');
  return { manifest: outcome.manifest, entries: main.entries() };
}

/** The pieces main would give, rows.json cut in `rowPieces`. */
export function restorePieces({ manifest, entries }: MadeBackup, rowPieces = 3): RestorePiece[] {
  const rows = entries.get('rows.json')!;
  const size = Math.ceil(rows.byteLength / rowPieces);
  const pieces: RestorePiece[] = [];
  for (let at = 0; at < rows.byteLength; at += size) pieces.push({ kind: 'rows', bytes: rows.slice(at, at + size), last: at + size >= rows.byteLength });
  for (const { sha256 } of manifest.evidence) pieces.push({ kind: 'evidence', sha256, bytes: entries.get(`evidence/${sha256}`)! });
  pieces.push({ kind: 'done' });
  return pieces;
}

export function playbackRestoreApi(backup: MadeBackup, options: { manifest?: BackupManifest; pieces?: RestorePiece[]; failAt?: number } = {}) {
  const pieces = options.pieces ?? restorePieces(backup);
  let next = 0;
  const api = {
    restoreOpen: vi.fn<RestoreApi['restoreOpen']>(async () => ({ restoreId: RESTORE_ID, name: BACKUP_NAME, manifest: options.manifest ?? backup.manifest })),
    restoreNext: vi.fn<RestoreApi['restoreNext']>(async () => {
      if (next === options.failAt) throw Object.assign(new Error('The backup file went away.'), { code: 'BACKUP_UNREADABLE' });
      const piece = pieces[next];
      next += 1;
      if (!piece) throw new Error('read past the end');
      return piece;
    }),
    // main begins the witness again: what it answers (a test gives its own to watch the order)
    restoreFinish: vi.fn<RestoreApi['restoreFinish']>(async () => ({
      restoreId: RESTORE_ID,
      backup: BACKUP_NAME,
      backupCreatedAt: (options.manifest ?? backup.manifest).createdAt,
      at: '2023-03-02T06:30:00.000Z',
      previous: null,
      entries: (options.manifest ?? backup.manifest).auditHead?.sequence ?? 0,
    })),
    restoreClose: vi.fn<RestoreApi['restoreClose']>(async () => undefined),
  };
  return api;
}
