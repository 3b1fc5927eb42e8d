/**
 * The shape of every reply that crosses from electron/ to renderer/.
 * Electron passes only an error's message across IPC, so errors travel as plain data.
 */

/**
 * Every code an error of the main process can carry: what api-dispatch.ts and ipc.ts answer
 * themselves, and every CouncilError thrown in electron/. A new code goes here first, so a
 * `switch` on a code in the renderer is checked. (The codes of a bundle's problems are not among
 * them: those travel inside a validation report, shared/bundle-report.ts, not as errors.)
 */
export const ERROR_CODES = [
  // api-dispatch.ts and ipc.ts: the call itself was refused or failed
  'BAD_ARGUMENT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'INTERNAL',
  // the calls of shared/api.ts
  'DEMO_MISSING',
  'TRUST_FILE_INVALID',
  'SYNC_FOLDER_MISSING',
  'SYNC_FOLDER_UNREADABLE',
  'IMPORT_BUSY',
  'IMPORT_UNKNOWN',
  'BUNDLE_READ_FAILED',
  'CONFIRMATION_DECLINED',
  'SETTINGS_WRITE_FAILED',
  // exportAuditLog
  'AUDIT_LOG_EMPTY',
  'AUDIT_LOG_INVALID',
  'AUDIT_CHAIN_BROKEN',
  'AUDIT_EXPORT_NAMES_TAKEN',
  'AUDIT_EXPORT_FAILED',
  // browseFolder, browser mode's in-app file picker
  'BROWSE_NOT_AVAILABLE',
  'FOLDER_NOT_ABSOLUTE',
  'FOLDER_NOT_FOUND',
  'NOT_A_FOLDER',
  'FOLDER_UNREADABLE',
  // services the command line uses (keys, signing, writing bundles)
  'KEY_EXISTS',
  'KEY_INVALID',
  'KEY_NOT_FOUND',
  'ENVELOPE_INVALID',
  'BUNDLE_CONTENT_INVALID',
  'BUNDLE_INVALID',
  // the keystore
  'KEY_PASSPHRASE_NEEDED',
  'KEY_PASSPHRASE_WRONG',
  'KEY_LOCKED_OUT',
  'KEYSTORE_LOCKED',
  'KEYSTORE_UNREADABLE',
  'KEY_MISSING',
  // the notary, the outbox and received decision files
  'DECISION_REFUSED',
  'DECISION_SEQUENCE_TAKEN',
  'DECISION_WRITE_FAILED',
  'DECISION_READBACK_FAILED',
  'LEDGER_UNREADABLE',
  // the minutes notary: minutes files and their attestation
  'MINUTES_NOT_READY',
  'MINUTES_REFUSED',
  'MINUTES_WRITE_FAILED',
  /** No printing to PDF here (browser mode without a Chromium or Chrome to print with): no minutes are made. */
  'MINUTES_PDF_UNAVAILABLE',
  /** Minutes of the meeting are in a target folder already: make them again (`again`) to move those aside. */
  'MINUTES_EXIST',
  // trust edits
  'TRUST_KEY_INVALID',
  'TRUST_KEY_EXISTS',
  'TRUST_KEY_UNKNOWN',
  'TRUST_WRITE_FAILED',
  // the minutes (shared/minutes/): the meeting's data and its decision files do not fit together
  'MINUTES_INVALID',
  // ---- witness: the audit log's witness file (electron/services/witness/) ----
  /** A hash sent for an entry already witnessed differs from the witnessed one: the audit log was rewritten. */
  'WITNESS_CONFLICT',
  'WITNESS_WRITE_FAILED',
  'WITNESS_UNREADABLE',
  // ---- backup: the encrypted backup file and its restore (electron/services/backup/) ----
  /** No backup passphrase is held: set one first (automatic backups are skipped until then). */
  'BACKUP_PASSPHRASE_NOT_SET',
  /** The passphrase does not open this backup. */
  'BACKUP_PASSPHRASE_WRONG',
  /** Another backup is being written (one at a time). */
  'BACKUP_RUNNING',
  /** The backup or restore named has ended, was cancelled, or never was. */
  'BACKUP_UNKNOWN',
  /** An entry of the manifest did not come, or came with other bytes than the manifest says (the message names it). */
  'BACKUP_INCOMPLETE',
  /** More than the backup file can hold (the ZIP inside has no ZIP64): the message says the limit. */
  'BACKUP_TOO_LARGE',
  'BACKUP_WRITE_FAILED',
  /** The file is not there, cannot be read, or is no Council Desk backup. */
  'BACKUP_UNREADABLE',
  /** A segment, an entry or a hash of the backup does not check (the message names which). */
  'BACKUP_DAMAGED',
  /** The audit chain in the backup is broken (the message names the entry). */
  'BACKUP_AUDIT_BROKEN',
  /** The backup holds another database version than this app's. */
  'BACKUP_VERSION',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

export interface ApiErrorInfo {
  /** Stable, machine-readable: one of ERROR_CODES. */
  code: ErrorCode;
  /** A sentence a secretary can read. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: ApiErrorInfo } {
  return { ok: false, error: { code, message } };
}

/** An error a handler throws on purpose; its code and message reach the renderer as they are. */
export class CouncilError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CouncilError';
  }
}
