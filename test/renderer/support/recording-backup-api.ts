/**
 * A main process's backup calls that keep what the page sends: the manifest backupBegin was given,
 * and every piece of every entry in order. `failAppend`: the append of that number (1-based) fails.
 */
import { createHash } from 'node:crypto';
import type { BackupManifest, BackupResult } from '../../../shared/contract/backup';
import { ApiError } from '../../../renderer/common/council-api';
import type { BackupApi } from '../../../renderer/settings/backup/backup-api';

export const BACKUP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';

export interface SentPiece {
  entry: string;
  bytes: Uint8Array;
  last: boolean;
}

export function recordingBackupApi(options: { failAppend?: number; cancelDialog?: boolean } = {}) {
  const sent: SentPiece[] = [];
  const calls: string[] = [];
  let manifest: BackupManifest | null = null;
  let appends = 0;
  const api: Pick<BackupApi, 'backupBegin' | 'backupAppend' | 'backupFinish' | 'backupCancel'> = {
    backupBegin: async (arg) => {
      calls.push('begin');
      if (options.cancelDialog) return null;
      manifest = arg.manifest;
      return { backupId: BACKUP_ID };
    },
    backupAppend: async ({ entry, bytes, last }) => {
      appends += 1;
      calls.push(`append ${entry}${last ? ' last' : ''}`);
      if (appends === options.failAppend) throw new ApiError('BACKUP_WRITE_FAILED' as never, 'The disk is full.');
      sent.push({ entry, bytes: bytes.slice(), last });
      return { bytesWritten: bytes.byteLength };
    },
    backupFinish: async (): Promise<BackupResult> => {
      calls.push('finish');
      return { name: 'council-desk-backup-20230302-060000-manual.cdbackup', paths: ['/sync/backup/council-desk-backup-20230302-060000-manual.cdbackup'], bytes: 1234, sha256: 'ab'.repeat(32), removed: [] };
    },
    backupCancel: async ({ backupId }) => {
      calls.push(`cancel ${backupId}`);
    },
  };
  /** Every entry's bytes put together, by entry name. */
  const entries = (): Map<string, Uint8Array> => {
    const out = new Map<string, Uint8Array>();
    for (const piece of sent) {
      const before = out.get(piece.entry) ?? new Uint8Array(0);
      const joined = new Uint8Array(before.byteLength + piece.bytes.byteLength);
      joined.set(before);
      joined.set(piece.bytes, before.byteLength);
      out.set(piece.entry, joined);
    }
    return out;
  };
  return { api: api as BackupApi, sent, calls, entries, manifest: () => manifest };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
