/**
 * Backup and restore (electron/services/backup/ in main, renderer/settings/backup/ in the page).
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 *
 * Only the page can read IndexedDB, and only main may write files and hold the passphrase's key:
 * the page streams the database to main (its rows as dexie-export-import's JSON, each evidence
 * file's bytes beside them), and main writes them as one encrypted file. Restoring goes the other
 * way: main decrypts and checks everything (every segment's tag, every hash, the manifest's counts
 * and the audit chain) before the page is given a single row to write.
 *
 * The file: `council-desk-backup-<yyyymmdd-hhmmss>-<kind>.cdbackup` (UTC). A ZIP (manifest.json,
 * rows.json, evidence/<sha256>) encrypted with AES-256-GCM in segments under a key made from the
 * passphrase with scrypt; electron/services/backup/backup-format.ts describes the bytes.
 */
import { z } from 'zod';
import type { WitnessRestart } from '../audit-witness';
import type { EvidenceBytes } from '../bundle-import';
import { dialogLanguage, filePath, passphrase, uuid, type ArgSchemasOf } from './arg-schemas';

/** Why a backup is made: by the user ("Back up now"), or by the app after a meeting closed or a decision file was exported. */
export const BACKUP_KINDS = ['manual', 'meeting-closed', 'decision-export'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** What a backup holds, as the page counted it: main checks what arrives against it, and restore checks it again. */
export interface BackupManifest {
  format: 1;
  /** When the page began reading the database (ISO 8601, UTC). */
  createdAt: string;
  /** The IndexedDB schema version the rows are in: only a backup of the same version restores. */
  dbVersion: number;
  /** Rows per table, as read. */
  tables: Record<string, number>;
  /** The last audit entry read; null when the log is empty. */
  auditHead: { sequence: number; hash: string } | null;
  /** rows.json: dexie-export-import's JSON of every table, each document's blob left out (null). */
  rows: { sha256: string; bytes: number };
  /** Each evidence file once (documents sharing bytes share an entry), as evidence/<sha256>. */
  evidence: { sha256: string; bytes: number }[];
}

export interface BackupFileInfo {
  name: string;
  path: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

export interface BackupStatus {
  /** Whether main holds a backup passphrase's key now (automatic backups need it). */
  passphraseSet: boolean;
  /** Whether that key is kept across restarts (in the system's secret store; Electron safeStorage). */
  passphraseRemembered: boolean;
  /** `<sync>/backup/` of the sync folder in use. */
  folder: string;
  /** The backups in that folder, newest first. */
  backups: BackupFileInfo[];
}

/** A backup as written. */
export interface BackupResult {
  name: string;
  /** `<sync>/backup/<name>`, then the chosen folder's. */
  paths: string[];
  bytes: number;
  /** SHA-256 (hex) of the encrypted file as written. */
  sha256: string;
  /** Automatic backups removed by the keeping rule (the last 10, and the newest of each month). */
  removed: string[];
}

/** A backup opened for restoring: everything in it was checked; the page may now read it. */
export interface RestoreOpened {
  restoreId: string;
  name: string;
  manifest: BackupManifest;
}

/**
 * The next piece of an opened backup: rows.json in pieces first (at most 8 MiB each), then each
 * evidence file whole, in the manifest's order; done once all were given (and again after that).
 * Main hands over Uint8Arrays; browser mode's bridge may hand large ones on as ranges of its
 * answer's Blob, as it does an import's evidence (EvidenceBytes: evidenceBytesSize, slice()).
 */
export type RestorePiece =
  | { kind: 'rows'; bytes: EvidenceBytes; last: boolean }
  | { kind: 'evidence'; sha256: string; bytes: EvidenceBytes }
  | { kind: 'done' };

export interface BackupHandlers {
  getBackupStatus(arg: undefined): Promise<BackupStatus>;
  /** Sets the passphrase backups are encrypted under (main keeps only the scrypt key). remember: keep it across restarts where the system can (else for this run). */
  setBackupPassphrase(arg: { passphrase: string; remember?: boolean }): Promise<BackupStatus>;
  forgetBackupPassphrase(arg: undefined): Promise<BackupStatus>;
  /**
   * Starts a backup. chooseFolder: also ask main's folder dialog for a place of the user's own
   * (cancelled: null, nothing begun); folder: that place as the in-app picker chose it (browser mode,
   * which has no dialog), instead of the dialog. Refused: BACKUP_PASSPHRASE_NOT_SET, BACKUP_RUNNING
   * (one at a time; a backup left without a call for 10 minutes is dropped), SYNC_FOLDER_MISSING,
   * BACKUP_TOO_LARGE (beyond what the ZIP inside can hold: electron/services/backup/backup-limits.ts).
   */
  backupBegin(arg: { kind: BackupKind; manifest: BackupManifest; chooseFolder?: boolean; folder?: string; language?: 'ko' | 'en' }): Promise<{ backupId: string } | null>;
  /** One piece of an entry: 'rows.json' or 'evidence/<sha256>'; entries come one after the other, each ended with last. */
  backupAppend(arg: { backupId: string; entry: string; bytes: Uint8Array; last: boolean }): Promise<{ bytesWritten: number }>;
  /**
   * Ends it: every entry of the manifest must have come with its hash and size (BACKUP_INCOMPLETE, naming
   * the entry), then the file is made whole on disk (temporary name, fsync, rename) in every target.
   */
  backupFinish(arg: { backupId: string }): Promise<BackupResult>;
  /** Drops a backup under way; nothing of it is left on disk. */
  backupCancel(arg: { backupId: string }): Promise<void>;
  /**
   * Opens a backup to restore: main's file dialog, or the path the in-app picker chose (browser mode).
   * Null when the dialog is cancelled. dbVersion: the IndexedDB schema version the page will write
   * the rows in (db.verno). Refused, naming what failed, before the page writes anything:
   * BACKUP_UNREADABLE (no such file, or not a backup), BACKUP_PASSPHRASE_WRONG, BACKUP_DAMAGED (a
   * segment, an entry or its hash, rows.json against the manifest), BACKUP_AUDIT_BROKEN (the audit
   * chain in it, naming the entry), BACKUP_VERSION (a backup of another database version). Opening
   * another closes the one open before.
   */
  restoreOpen(arg: { passphrase: string; path?: string; dbVersion: number }): Promise<RestoreOpened | null>;
  restoreNext(arg: { restoreId: string }): Promise<RestorePiece>;
  /**
   * The page wrote every piece of the open restore and checked what it wrote (before it commits the
   * restore's end): main begins the audit log's witness again with the backup's audit chain as it
   * checked it in restoreOpen, fsync'd, and keeps the witness before beside it
   * (`audit-witness-before-restore-<yyyymmdd-hhmmss>.ndjson` in the user-data folder, never removed),
   * so the witness agrees with the restored log; getWitness then names the restore (restart). Only
   * for the restore open, once every piece was given (BACKUP_INCOMPLETE), once (BACKUP_UNKNOWN
   * again, or for any other restoreId); the restore is then closed. WITNESS_WRITE_FAILED: the
   * witness is as it was.
   */
  restoreFinish(arg: { restoreId: string }): Promise<WitnessRestart>;
  restoreClose(arg: { restoreId: string }): Promise<void>;
}

const backupId = z.strictObject({ backupId: uuid });
const restoreId = z.strictObject({ restoreId: uuid });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const backupManifestSchema = z.strictObject({
  format: z.literal(1),
  createdAt: z.iso.datetime(),
  dbVersion: z.number().int().min(1).max(10_000),
  tables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), count),
  auditHead: z.strictObject({ sequence: count, hash: sha256 }).nullable(),
  rows: z.strictObject({ sha256, bytes: count }),
  evidence: z.array(z.strictObject({ sha256, bytes: count })).max(1_000_000),
}) satisfies z.ZodType<BackupManifest>;

/** The most bytes one backupAppend carries. */
export const BACKUP_APPEND_MAX_BYTES = 64 * 1024 * 1024;

export const backupArgSchemas = {
  getBackupStatus: z.undefined(),
  setBackupPassphrase: z.strictObject({ passphrase, remember: z.boolean().optional() }),
  forgetBackupPassphrase: z.undefined(),
  backupBegin: z.strictObject({
    kind: z.enum(BACKUP_KINDS),
    manifest: backupManifestSchema,
    chooseFolder: z.boolean().optional(),
    folder: filePath.optional(),
    language: dialogLanguage.optional(),
  }),
  backupAppend: z.strictObject({
    backupId: uuid,
    entry: z.union([z.literal('rows.json'), z.string().regex(/^evidence\/[0-9a-f]{64}$/)]),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= BACKUP_APPEND_MAX_BYTES, { error: `at most ${BACKUP_APPEND_MAX_BYTES} bytes a piece` }),
    last: z.boolean(),
  }),
  backupFinish: backupId,
  backupCancel: backupId,
  restoreOpen: z.strictObject({ passphrase: z.string().min(1).max(1024), path: filePath.optional(), dbVersion: z.number().int().min(1).max(10_000) }),
  restoreNext: restoreId,
  restoreFinish: restoreId,
  restoreClose: restoreId,
} as const satisfies ArgSchemasOf<BackupHandlers>;
