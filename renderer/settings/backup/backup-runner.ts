/**
 * One backup, from the page's side: the database read in one transaction (backup-snapshot.ts),
 * rows.json hashed, the manifest built, then backupBegin, every entry streamed to main with
 * backupAppend in pieces (rows.json first, then each evidence file, each hashed again as it goes:
 * a stored file that no longer has its document's hash stops the backup, naming the document),
 * and backupFinish, which makes the file whole on disk. Anything that fails after backupBegin
 * cancels the backup in main, so nothing of it is left. Each step awaits, so the app stays usable.
 */
import type { Language } from '../../../shared/i18n';
import type { BackupKind, BackupManifest, BackupResult } from '../../../shared/api';
import { ApiError } from '../../common/council-api';
import type { CouncilDb } from '../../db/schema';
import type { BackupApi } from './backup-api';
import { readBackupSnapshot, type BackupSnapshot } from './backup-snapshot';
import { BACKUP_PIECE_BYTES, blobPieces, hashInSteps, hexDigest, newHasher, sha256OfBlob } from './blob-pieces';

export type BackupPhase = 'reading' | 'preparing' | 'writing';

/** How far a backup is: rows read (reading), bytes of rows.json hashed (preparing), bytes sent to main (writing). */
export interface BackupProgress {
  phase: BackupPhase;
  done: number;
  total: number;
}

export interface BackupRequest {
  kind: BackupKind;
  /** Also write it into a folder the user chooses in main's dialog. */
  chooseFolder?: boolean;
  /** Also write it into this folder, as the in-app picker chose it (browser mode, which has no dialog). */
  folder?: string;
  language?: Language;
}

export type BackupOutcome = { kind: 'written'; result: BackupResult; manifest: BackupManifest } | { kind: 'cancelled' };

export interface RunOptions {
  /** The most bytes one backupAppend carries (tests pass a small one). */
  pieceBytes?: number;
}

export async function runBackup(
  db: CouncilDb,
  api: Pick<BackupApi, 'backupBegin' | 'backupAppend' | 'backupFinish' | 'backupCancel'>,
  request: BackupRequest,
  onProgress: (p: BackupProgress) => void = () => {},
  { pieceBytes = BACKUP_PIECE_BYTES }: RunOptions = {},
): Promise<BackupOutcome> {
  onProgress({ phase: 'reading', done: 0, total: 0 });
  const snapshot = await readBackupSnapshot(db, (done, total) => onProgress({ phase: 'reading', done, total }));
  const manifest = await buildManifest(snapshot, onProgress);
  const begun = await api.backupBegin({ kind: request.kind, manifest, chooseFolder: request.chooseFolder, folder: request.folder, language: request.language });
  if (begun === null) return { kind: 'cancelled' };
  const { backupId } = begun;
  try {
    const total = manifest.rows.bytes + manifest.evidence.reduce((sum, e) => sum + e.bytes, 0);
    let done = 0;
    const sent = (bytes: number) => {
      done += bytes;
      onProgress({ phase: 'writing', done, total });
    };
    onProgress({ phase: 'writing', done, total });
    for await (const { bytes, last } of blobPieces(snapshot.rows, pieceBytes)) {
      await api.backupAppend({ backupId, entry: 'rows.json', bytes, last });
      sent(bytes.byteLength);
    }
    for (const file of snapshot.evidence) await sendEvidence(api, backupId, file, pieceBytes, sent);
    const result = await api.backupFinish({ backupId });
    return { kind: 'written', result, manifest };
  } catch (err) {
    // Main drops what it holds of this backup; its own failure to do so is not the one to report.
    await api.backupCancel({ backupId }).catch(() => undefined);
    throw err;
  }
}

async function buildManifest(snapshot: BackupSnapshot, onProgress: (p: BackupProgress) => void): Promise<BackupManifest> {
  const total = snapshot.rows.size;
  let done = 0;
  onProgress({ phase: 'preparing', done, total });
  const rowsSha256 = await sha256OfBlob(snapshot.rows, (bytes) => {
    done += bytes;
    onProgress({ phase: 'preparing', done, total });
  });
  return {
    format: 1,
    createdAt: snapshot.createdAt,
    dbVersion: snapshot.dbVersion,
    tables: snapshot.tables,
    auditHead: snapshot.auditHead,
    rows: { sha256: rowsSha256, bytes: total },
    evidence: snapshot.evidence.map((e) => ({ sha256: e.sha256, bytes: e.blob.size })),
  };
}

/** One evidence file in pieces; its last piece goes only once the bytes are known to be those its hash names. */
async function sendEvidence(api: Pick<BackupApi, 'backupAppend'>, backupId: string, file: BackupSnapshot['evidence'][number], pieceBytes: number, sent: (bytes: number) => void): Promise<void> {
  const hasher = newHasher();
  const entry = `evidence/${file.sha256}`;
  for await (const { bytes, last } of blobPieces(file.blob, pieceBytes)) {
    await hashInSteps(hasher, bytes);
    if (last) {
      const found = hexDigest(hasher);
      if (found !== file.sha256) {
        const { bundleId, file: name } = file.document;
        throw new ApiError('BACKUP_EVIDENCE_CHANGED', `The stored evidence ${name} of bundle ${bundleId} no longer has the SHA-256 its document names (${file.sha256}; its bytes give ${found}).`);
      }
    }
    await api.backupAppend({ backupId, entry, bytes, last });
    sent(bytes.byteLength);
  }
}
