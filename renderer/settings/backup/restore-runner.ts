/**
 * One restore, from the page's side. It is refused over a profile with data unless that profile
 * was backed up first (priorBackup). Main opens the backup and checks everything in it (every
 * segment, every hash, the manifest's counts, the audit chain) before answering: a refusal names
 * what failed, and nothing is written. Then rows.json is read whole, and only then is anything
 * written: the marker and the clearing (restore-marker.ts), the rows (dexie-export-import's
 * importInto), each evidence file back into the documents that name its SHA-256, and the end
 * (restore-complete.ts): a check that the tables hold what the manifest counts and the audit log
 * ends where the backup's did, main's restoreFinish (the witness begun again with the backup's
 * chain, the old one kept), then the transaction that removes the marker and records the restore.
 * A failure part way clears the profile again. The witness hears nothing of the log until it is
 * whole and checked; then the restore's own entry is sent to the witness main began again.
 */
import { dexieExportImport } from './dexie-export-import';
import { evidenceBytesSize, type EvidenceBytes } from '../../../shared/bundle-import';
import type { BackupManifest, RestoreOpened, RestorePiece } from '../../../shared/api';
import { ApiError, describeError, type ErrorInfo } from '../../common/council-api';
import { auditWitnessOf } from '../../db/audit-witness';
import type { CouncilDb } from '../../db/schema';
import type { BackupApi } from './backup-api';
import { held } from './backup-audit';
import { hasData, profileDataWords, readProfileData } from './profile-data';
import { checkFailed, checkRestored, completeRestore } from './restore-complete';
import { beginRestoreWrite, undoInterruptedRestore } from './restore-marker';

export type RestorePhase = 'opening' | 'reading' | 'rows' | 'evidence' | 'checking';

/** How far a restore is: bytes of rows.json read, rows written, evidence files written. */
export interface RestoreProgress {
  phase: RestorePhase;
  done: number;
  total: number;
}

export interface RestoreRequest {
  passphrase: string;
  /** The backup as the in-app file picker chose it (browser mode); else main's dialog asks. */
  path?: string;
  /** The backup just made of this profile's data: only then may a profile with data be restored over. */
  priorBackup: string | null;
}

export type RestoreOutcome =
  | { kind: 'cancelled' }
  | { kind: 'restored'; name: string; manifest: BackupManifest }
  /** cleared: the failure came once writing had begun, and the profile was cleared again; else nothing was written. */
  | { kind: 'failed'; error: ErrorInfo; cleared: boolean };

export type RestoreApi = Pick<BackupApi, 'restoreOpen' | 'restoreNext' | 'restoreFinish' | 'restoreClose'>;

/** Resolves with how it ended; never rejects. */
export async function runRestore(db: CouncilDb, api: RestoreApi, request: RestoreRequest, onProgress: (p: RestoreProgress) => void = () => {}): Promise<RestoreOutcome> {
  let opened: RestoreOpened | null;
  try {
    const data = await readProfileData(db);
    if (hasData(data) && request.priorBackup === null) {
      throw new ApiError('RESTORE_PROFILE_NOT_EMPTY', `This profile holds ${profileDataWords(data)}: back it up first, then restore.`);
    }
    onProgress({ phase: 'opening', done: 0, total: 0 });
    opened = await api.restoreOpen({ passphrase: request.passphrase, path: request.path, dbVersion: db.verno });
  } catch (err) {
    return { kind: 'failed', error: describeError(err), cleared: false };
  }
  if (opened === null) return { kind: 'cancelled' };
  const { restoreId, name, manifest } = opened;
  const witness = auditWitnessOf(db);
  const release = witness?.hold() ?? (() => {});
  let writing = false;
  try {
    const rows = await readRows(api, restoreId, manifest, onProgress);
    writing = true;
    await beginRestoreWrite(db, { name, startedAt: new Date().toISOString(), priorBackup: request.priorBackup, restoreId, backup: held(manifest) });
    await importRows(db, rows, onProgress);
    await writeEvidence(db, api, restoreId, manifest, onProgress);
    onProgress({ phase: 'checking', done: 0, total: 0 });
    // Checked, then the witness begun again, then committed (restore-complete.ts: each step safe to be cut off after).
    await checkRestored(db, manifest);
    await api.restoreFinish({ restoreId });
    witness?.restarted();
    await completeRestore(db, restoreId);
  } catch (err) {
    // Half a backup is no profile: cleared again, as it was (or as the backup just made holds it).
    const cleared = writing && (await undoInterruptedRestore(db).then((marker) => marker !== null, () => false));
    return { kind: 'failed', error: describeError(err), cleared };
  } finally {
    release();
    await api.restoreClose({ restoreId }).catch(() => undefined);
  }
  void witness?.send();
  return { kind: 'restored', name, manifest };
}

/**
 * A document's Blob of an evidence file's bytes: main gives a Uint8Array; browser mode's bridge
 * may hand them on as a range of its answer's Blob (common/http-bridge.ts), sliced, not copied.
 */
function blobOf(bytes: EvidenceBytes, type: string): Blob {
  return ArrayBuffer.isView(bytes) ? new Blob([bytes as BlobPart], { type }) : (bytes.slice(0, bytes.size, type) as Blob);
}

/** rows.json, every piece of it, before anything is written. */
async function readRows(api: RestoreApi, restoreId: string, manifest: BackupManifest, onProgress: (p: RestoreProgress) => void): Promise<Blob> {
  const parts: BlobPart[] = [];
  let done = 0;
  const total = manifest.rows.bytes;
  onProgress({ phase: 'reading', done, total });
  for (;;) {
    const piece: RestorePiece = await api.restoreNext({ restoreId });
    if (piece.kind !== 'rows') throw checkFailed(`The backup gave ${piece.kind === 'done' ? 'its end' : `evidence/${piece.sha256}`} before rows.json was whole.`);
    const { bytes } = piece;
    parts.push((ArrayBuffer.isView(bytes) ? bytes : bytes.slice()) as BlobPart);
    done += evidenceBytesSize(bytes);
    onProgress({ phase: 'reading', done, total });
    if (piece.last) break;
  }
  if (done !== total) throw checkFailed(`rows.json has ${done} bytes; the manifest says ${total}.`);
  return new Blob(parts, { type: 'application/json' });
}

async function importRows(db: CouncilDb, rows: Blob, onProgress: (p: RestoreProgress) => void): Promise<void> {
  onProgress({ phase: 'rows', done: 0, total: 0 });
  await (await dexieExportImport()).importInto(db, rows, {
    // The marker stays in settings; the summaries the cases write are put again by their own rows.
    overwriteValues: true,
    // A backup of another profile's database name (a test's) restores as well: the version is what must agree.
    acceptNameDiff: true,
    progressCallback: (p) => {
      onProgress({ phase: 'rows', done: p.completedRows, total: p.totalRows ?? 0 });
      return true;
    },
  });
}

/** Each evidence file into every document that names its SHA-256, with the document's media type. */
async function writeEvidence(db: CouncilDb, api: RestoreApi, restoreId: string, manifest: BackupManifest, onProgress: (p: RestoreProgress) => void): Promise<void> {
  const total = manifest.evidence.length;
  let done = 0;
  onProgress({ phase: 'evidence', done, total });
  for (;;) {
    const piece: RestorePiece = await api.restoreNext({ restoreId });
    if (piece.kind === 'done') break;
    if (piece.kind !== 'evidence') throw checkFailed('The backup gave more of rows.json after it ended.');
    const { sha256, bytes } = piece;
    await db.documents
      .where('sha256')
      .equals(sha256)
      .modify((doc) => {
        doc.blob = blobOf(bytes, doc.mediaType);
      });
    done += 1;
    onProgress({ phase: 'evidence', done, total });
  }
  if (done !== total) throw checkFailed(`The backup gave ${done} evidence files; the manifest says ${total}.`);
}
