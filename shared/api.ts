/**
 * THE contract between renderer/ and electron/: every call the renderer can make, its argument
 * and its result. electron/ipc.ts binds each name to `council:<name>`; preload.ts exposes exactly
 * these names; browser mode (council-desk serve) and the end-to-end tests carry the same calls to
 * the same handlers over its loopback HTTP bridge. A call's types follow from its name.
 */
import { z } from 'zod';
import type { BundleSummary, ImportBeginResult, ImportChunk, InboxEntry } from './bundle-import';
import type { Member } from './council';
import { MEETING_ID_PATTERN } from './decisions/decision-file-name';
import type { Result } from './result';
import { securitySettingsChangeSchema, type SecuritySettings, type SecuritySettingsChange, type SecuritySettingsInUse } from './schemas/security-settings';
import { TRUST_ROLES, type TrustRole } from './schemas/trust-file';
import type { DecisionFilePayload } from './decisions/decision-file-schema';
import { LANGUAGES, type Language } from './i18n/language';
import { agendaSchema, caseParticularsMapSchema } from './minutes/minutes-input-schema';
import type { CaseParticulars, MinutesInput } from './minutes/minutes-model';
import type { MinutesProgress } from './minutes/minutes-steps';
import { isoDateTime } from './schemas/amounts';
import { witnessAuditArgSchema, type AuditWitness, type WitnessHead } from './audit-witness';

export const API_CHANNEL_PREFIX = 'council:';
/** The name of the object preload.ts puts on `window`. */
export const API_GLOBAL = 'councilDesk';

export interface AppInfo {
  name: string;
  version: string;
  /** process.platform of the main process, e.g. linux, win32, darwin. */
  platform: string;
  /** Whether the demo council's bundle is available to load. */
  demoAvailable: boolean;
  /**
   * 'electron': the desktop app, with native file dialogs. 'browser': `council-desk serve`, the same
   * app in Chromium or Chrome over a loopback bridge, where the in-app file picker (browseFolder)
   * stands in for the native dialogs.
   */
  mode: AppMode;
}

export type AppMode = 'electron' | 'browser';

/** What the in-app file picker asks for: bundle files (.cdbundle), trust files (.json), or folders only. */
export type BrowseKind = 'bundle' | 'trust' | 'folder' | 'key' | 'decision';

/** One folder as the in-app file picker shows it: its subfolders and the files of the kind asked for. */
export interface FolderListing {
  /** The folder listed, absolute. */
  path: string;
  /** Its parent folder; null at the top of the file system. */
  parent: string | null;
  folders: { name: string; path: string }[];
  files: { name: string; path: string }[];
  /** True when the folder held more entries than are listed. */
  truncated: boolean;
}

/**
 * The demo council: its name and members. The renderer imports its bundle, which only the main
 * process knows where to find, with importDemoBegin, through the streaming import like any other
 * bundle (checked against the built-in demo trust file, signature required).
 */
export interface DemoCouncil {
  councilName: string;
  members: Member[];
}

/** The trust file in use: the one the user chose, or the built-in demo trust file. */
export interface TrustInfo {
  path: string;
  builtIn: boolean;
  keys: { keyid: string; name: string; roles: TrustRole[] }[];
}

/** The language the main process's own dialogs speak; without it they say everything in both. */
export type DialogLanguage = 'ko' | 'en';

/**
 * A change of the security settings. `language`: the app's, for the confirmation dialog that a
 * change lowering a protection needs.
 */
export interface SecuritySettingsRequest {
  change: SecuritySettingsChange;
  language?: DialogLanguage;
}

/**
 * What names an audit-log export, `audit-<name>.ndjson`: a meeting's id or a date (FORMATS.md:
 * 1 to 64 of A-Z a-z 0-9 - _ .). Never a path: the folder is the main process's own setting.
 */
export const AUDIT_EXPORT_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The most text an audit-log export may carry (100,000 entries take about 40 MB). */
export const AUDIT_EXPORT_MAX_CHARS = 100_000_000;

/** An audit-log export as written: where, how many entries, the last one's hash. */
export interface AuditExportResult {
  /** The file, absolute: `<sync folder>/audit-<name>.ndjson`, or `audit-<name>-2.ndjson`, ... when that name holds another file. */
  path: string;
  entries: number;
  /** The hash of the last entry (what a decision file's auditHead names). */
  head: string;
  /** True when the very same file was there already: nothing was written. */
  existed: boolean;
}

/** The two keys a device holds (FORMATS.md: the chair signs decision files, the secretary the minutes). */
export const DEVICE_KEY_ROLES = ['chair', 'secretary'] as const;
export type DeviceKeyRole = (typeof DEVICE_KEY_ROLES)[number];

/** One of this device's keys, as the renderer may see it: never the private half. */
export interface DeviceKey {
  role: DeviceKeyRole;
  keyid: string;
  publicKeyPem: string;
  createdAt: string;
  /** True when imported from a PKCS#8 PEM file, false when made on this device. */
  imported: boolean;
}

/** This device's keys and how their private halves are kept at rest. */
export interface DeviceKeys {
  /** 'safe-storage': the system's keychain (Electron safeStorage); 'passphrase': scrypt and AES-256-GCM. */
  protection: 'safe-storage' | 'passphrase';
  /** Whether a passphrase was set (passphrase protection, once the first key exists). */
  passphraseSet: boolean;
  /** Whether the keys can sign now (safe-storage: always; passphrase: once given in this run). */
  unlocked: boolean;
  chair: DeviceKey | null;
  secretary: DeviceKey | null;
}

/** What the notary answers for an export of decisions. */
export interface DecisionExportResult {
  fileName: string;
  meetingId: string;
  sequence: number;
  /** SHA-256 (hex) of the payload bytes (what the next file's `previous` names). */
  payloadSha256: string;
  /** 'written': in <sync>/outbox/, read back and verified; 'queued': signed, waiting for the sync folder to come back. */
  state: 'written' | 'queued';
  /** True when this very payload had been signed before: nothing new was signed. */
  existed: boolean;
  /** Where it was written; null while queued. */
  path: string | null;
}

/** What the notary's ledger says it signed for one meeting. */
export interface DecisionLedger {
  meetingId: string;
  /** 0 when nothing was signed yet for the meeting. */
  lastSequence: number;
  /** The last signed file's payload SHA-256: the next file's `previous`; null before the first. */
  lastPayloadSha256: string | null;
  files: { sequence: number; fileName: string; payloadSha256: string; state: 'written' | 'queued' }[];
}

/** The outbox as main sees it: the sync folder, whether it is there, and what waits for it. */
export interface OutboxStatus {
  syncFolder: string | null;
  available: boolean;
  queued: { fileName: string; meetingId: string; sequence: number }[];
  /** Why the last try to write failed (the folder gone, the disk full); null when nothing failed. */
  lastError: string | null;
}

/** A problem found in a received file: where (JSON path), a stable code, and its English sentence. */
export interface ReceivedProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * How a received decision file stands in its meeting's chain, among the files received with it:
 * first (sequence 1), follows (its previous is the file before it), gap (an earlier sequence is
 * missing), previous-mismatch (previous names another payload than the file before it: a reorder
 * or a replaced file), duplicate (two different files with one meeting and sequence).
 */
export type ChainStatus = 'first' | 'follows' | 'gap' | 'previous-mismatch' | 'duplicate';

/** A decision file from another device (the inbox, or "Open decision file…"), verified by main. */
export interface ReceivedDecisionFile {
  fileName: string;
  path: string;
  status: 'verified' | 'failed';
  /** Why it failed (empty when verified). */
  problems: ReceivedProblem[];
  /** The trusted key that verified it; null when none did. */
  verifiedBy: { keyid: string; name: string } | null;
  signer: { memberId: string; name: string; role: string; keyid: string } | null;
  meetingId: string | null;
  sequence: number | null;
  payloadSha256: string | null;
  chain: ChainStatus | null;
  /** The verified payload (null when it failed): shown read-only, compared with this device's decisions. */
  payload: DecisionFilePayload | null;
}

/** A key to trust, from a PEM the user gave, with a name and roles. */
export interface TrustKeyRequest {
  name: string;
  roles: TrustRole[];
  publicKeyPem: string;
  language?: DialogLanguage;
}

/**
 * What the renderer gives for a meeting's minutes: what only it knows (the agenda with the
 * suggestions, each case's particulars, when the meeting opened and closed, the sign-off names and
 * who the secretary is). The decision files, the council, the place, the rules and the attendance
 * main takes from the files it signed for the meeting, never from here.
 */
export interface MinutesExportRequest {
  meetingId: string;
  /** The languages to make the PDF and DOCX in; both when not given. */
  languages?: Language[];
  /**
   * Ask main's folder dialog for a folder of the secretary's own, besides `<sync>/minutes/`.
   * Cancelled: the answer is null and nothing is made or written (the secretary asked for a folder).
   */
  chooseFolder?: boolean;
  meeting: { startedAt: string | null; closedAt: string | null };
  agenda: MinutesInput['agenda'];
  cases: Record<string, CaseParticulars>;
  signers: { chairName: string; secretaryName: string };
  /** The secretary, as the meeting's roster names them: who signs the attestation. */
  secretary: { memberId: string; name: string };
  dialogLanguage?: DialogLanguage;
  /** The renderer's name for this run (a UUID), to ask getMinutesProgress how far it has come. */
  runId?: string;
  /**
   * Make the minutes again: the earlier ones in a target folder (the files of that name, the
   * earlier attestation and every file it lists) are moved into its `earlier/<when>/` first.
   * Without it, minutes already there are refused (MINUTES_EXIST) and nothing is made.
   */
  again?: boolean;
}

/** What the preview needs: the minutes as the export would make them, in one language. */
export type MinutesPreviewRequest = Pick<MinutesExportRequest, 'meetingId' | 'meeting' | 'agenda' | 'cases' | 'signers'> & { language: Language };

/** The minutes files main made and wrote, and the attestation that lists them. */
export interface MinutesExportResult {
  /** Each file (PDF and DOCX per language, then the payment list as CSV and XLSX), its SHA-256 and where it is. */
  files: { name: string; sha256: string; paths: string[] }[];
  attestation: {
    fileName: string;
    /** `<sync>/minutes/…`, then the chosen folder's. */
    paths: string[];
    /** True when the same content had been attested before: nothing new was signed. */
    existed: boolean;
    /** SHA-256 (hex) of its payload bytes. */
    payloadSha256: string;
    createdAt: string;
  };
  /** The folders the earlier minutes were moved into (making them again), in the targets' order. */
  earlier: string[];
}

/** The main-process side of every call: handlers implement this. */
export interface ApiHandlers {
  getAppInfo(arg: undefined): Promise<AppInfo>;
  loadDemoCouncil(arg: undefined): Promise<DemoCouncil>;
  /** File dialogs; null when the user cancels. */
  chooseBundleFile(arg: undefined): Promise<string | null>;
  chooseTrustFile(arg: undefined): Promise<string | null>;
  chooseFolder(arg: undefined): Promise<string | null>;
  /**
   * Browser mode only (the in-app file picker): a folder's subfolders and files of the kind asked
   * for; path null: the home folder. In Electron it is refused (BROWSE_NOT_AVAILABLE): a window that
   * renders untrusted evidence must not list the disk.
   */
  browseFolder(arg: { path: string | null; kind: BrowseKind }): Promise<FolderListing>;
  /** Writes text (a validation report) where the user says; null when the user cancels. */
  saveTextFile(arg: { suggestedName: string; text: string }): Promise<string | null>;
  /**
   * The trust file in use, as the main process's settings say (the chosen one, or the built-in
   * demo trust file), and whom it trusts. No argument: the renderer cannot name a file to read.
   */
  describeTrust(arg: undefined): Promise<TrustInfo>;
  /** The security settings the main process holds (and imports use), with the sync folder they give. */
  getSecuritySettings(arg: undefined): Promise<SecuritySettingsInUse>;
  /**
   * Changes some of them and answers all of them. A change that lowers a protection (signature
   * checks off, another trust file) is made only once the user confirms a native dialog; refused:
   * CONFIRMATION_DECLINED, nothing changed.
   */
  setSecuritySettings(arg: SecuritySettingsRequest): Promise<SecuritySettingsInUse>;
  /**
   * The .cdbundle files in the inbox/ of the sync folder in use (the chosen one, else the default;
   * the default one not made yet: none). No argument: the renderer cannot name a folder to list.
   */
  listInbox(arg: undefined): Promise<InboxEntry[]>;
  /** Starts importing a bundle file, checked as the security settings say. */
  importBegin(arg: { path: string }): Promise<ImportBeginResult>;
  /** Starts importing the demo council's bundle (built-in demo trust file, signature required). */
  importDemoBegin(arg: undefined): Promise<ImportBeginResult>;
  importNext(arg: { importId: string }): Promise<ImportChunk>;
  importCancel(arg: { importId: string }): Promise<void>;
  /**
   * Shows the meeting's projector view (large type, no personal data) in a second window on the
   * second display. opened false: there is no second window here (browser mode, tests), and the
   * renderer opens the projector route (PROJECTOR_HASH_PREFIX) itself.
   */
  openProjector(arg: { meetingId: string }): Promise<{ opened: boolean }>;
  /**
   * Writes the audit log into the sync folder in use (the chosen one, else the default, made if
   * missing; a chosen one that is gone: SYNC_FOLDER_MISSING), as `audit-<name>.ndjson`. `lines`: the log, one entry a line, oldest first (FORMATS.md). The main
   * process checks every entry's shape, hash and link itself and refuses a broken chain
   * (AUDIT_CHAIN_BROKEN) or a malformed line (AUDIT_LOG_INVALID), naming the line; it never
   * overwrites a different file (the next free name is taken).
   */
  exportAuditLog(arg: { name: string; lines: string }): Promise<AuditExportResult>;
  // ---- keys (electron/services/keystore/): private halves never leave main ----
  getDeviceKeys(arg: undefined): Promise<DeviceKeys>;
  /** Makes the role's key (refused when one exists: KEY_EXISTS). Passphrase protection: the passphrase sets it (first key) or must match. */
  createDeviceKey(arg: { role: DeviceKeyRole; passphrase?: string }): Promise<DeviceKeys>;
  /**
   * Imports the role's key from a PKCS#8 PEM file: the one main's file dialog gives (no path), or in
   * browser mode the one the in-app file picker chose (path). Null when the dialog is cancelled.
   */
  importDeviceKey(arg: { role: DeviceKeyRole; passphrase?: string; path?: string }): Promise<DeviceKeys | null>;
  /** Passphrase protection: unlocks the keys for this run. Wrong: KEY_PASSPHRASE_WRONG; after three, KEY_LOCKED_OUT for a pause. */
  unlockDeviceKeys(arg: { passphrase: string }): Promise<DeviceKeys>;

  // ---- decisions (electron/services/notary/): main is the notary ----
  /** What the notary signed for a meeting: the next file's sequence and previous follow it. */
  getDecisionLedger(arg: { meetingId: string }): Promise<DecisionLedger>;
  /**
   * Signs a decision file with this device's chair key once the payload passes every check
   * (schema, recounts, totals, awards, sequence and previous against the ledger) and the signer
   * confirmed the native dialog, and writes it into <sync>/outbox/ (or queues it when the folder is
   * gone). Refused: DECISION_REFUSED naming the decision and the field; CONFIRMATION_DECLINED.
   */
  exportDecisions(arg: { payload: unknown; language?: DialogLanguage }): Promise<DecisionExportResult>;
  getOutboxStatus(arg: undefined): Promise<OutboxStatus>;
  /** Tries the queued files again now (main also retries by itself). */
  retryOutbox(arg: undefined): Promise<OutboxStatus>;
  /** The decision files (*.dsse.json) in <sync>/inbox/, each verified against the trust file (role chair). */
  listInboxDecisions(arg: undefined): Promise<ReceivedDecisionFile[]>;
  /** "Open decision file…": main's file dialog (or browser mode's picked path), then the same verification; null when cancelled. */
  openDecisionFile(arg: { path?: string }): Promise<ReceivedDecisionFile | null>;

  // ---- trust (electron/services/trust-store/): edits go to the app's own trust file ----
  /** Trusts a key; asks the native confirmation first (CONFIRMATION_DECLINED). */
  addTrustedKey(arg: TrustKeyRequest): Promise<TrustInfo>;
  removeTrustedKey(arg: { keyid: string }): Promise<TrustInfo>;
  /** Trusts this device's chair key (role chair) and secretary key (role secretary) in one step, with the native confirmation. */
  trustDeviceKeys(arg: { chairName: string; secretaryName: string; language?: DialogLanguage }): Promise<TrustInfo>;
  /** Writes the trust file in use where the user says (main's save dialog), for the payment side; null when cancelled. */
  exportTrustFile(arg: undefined): Promise<string | null>;

  // ---- minutes (electron/services/minutes/): main makes the files and attests them ----
  /**
   * Makes the meeting's minutes (PDF and DOCX in each language, the payment list as CSV and XLSX)
   * from the decision files main signed for it, writes them into `<sync>/minutes/` (and the folder
   * chosen), and signs the attestation with the secretary's key after the native confirmation.
   * Null when the folder dialog was cancelled. Refused: MINUTES_NOT_READY (a decision file not yet
   * in the sync folder), MINUTES_INVALID (the agenda or particulars do not fit the files, naming
   * the case), MINUTES_PDF_UNAVAILABLE (no printing here: browser mode with no Chromium or Chrome found), CONFIRMATION_DECLINED.
   */
  exportMinutes(arg: MinutesExportRequest): Promise<MinutesExportResult | null>;
  /** How far the exportMinutes run of that runId has come; null when none is under way. */
  getMinutesProgress(arg: { runId: string }): Promise<MinutesProgress | null>;
  /**
   * The minutes' body as the PDF prints it (minutesBodyHtml: every text escaped, no script, no
   * style attribute), made from main's decision files as exportMinutes makes them, to be shown in
   * a shadow root with MINUTES_CSS. Refused as exportMinutes is (MINUTES_NOT_READY, MINUTES_INVALID).
   */
  previewMinutes(arg: MinutesPreviewRequest): Promise<{ html: string }>;

  // ---- witness (electron/services/witness/): main's append-only copy of the audit chain's hashes ----
  /**
   * Appends to `<userData>/audit-witness.ndjson` (fsync'd) the entries above the last witnessed
   * sequence; one at or below it is ignored when its hash is the witnessed one and refused
   * (WITNESS_CONFLICT, nothing written) when not: the chain was rewritten. Answers the last
   * witnessed entry; null while none is. `entries: []` only asks for it.
   */
  witnessAudit(arg: { entries: WitnessHead[] }): Promise<WitnessHead | null>;
  /** Every witnessed entry, oldest first (a torn last line skipped and said so; the file never truncated). */
  getWitness(arg: undefined): Promise<AuditWitness>;
}

/** The projector view's route: the app's page with this hash and the meeting id after it. */
export const PROJECTOR_HASH_PREFIX = '#projector=';

export type ApiMethod = keyof ApiHandlers;
export type ApiArg<M extends ApiMethod> = Parameters<ApiHandlers[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<ApiHandlers[M]>>;

const filePath = z.string().min(1).max(4096);
/** A passphrase for the keys: long enough to resist guessing, short enough to type. */
const passphrase = z.string().min(8).max(1024);
const importId = z.strictObject({ importId: z.string().regex(/^[0-9a-f-]{36}$/) });
const runId = z.string().regex(/^[0-9a-f-]{36}$/);
const minutesMeetingTimes = z.strictObject({ startedAt: isoDateTime.nullable(), closedAt: isoDateTime.nullable() });
const minutesSigners = z.strictObject({ chairName: z.string().trim().min(1).max(200), secretaryName: z.string().trim().min(1).max(200) });

/** Each call's argument schema: the main process validates every argument with these. */
export const apiArgSchemas = {
  getAppInfo: z.undefined(),
  loadDemoCouncil: z.undefined(),
  chooseBundleFile: z.undefined(),
  chooseTrustFile: z.undefined(),
  chooseFolder: z.undefined(),
  browseFolder: z.strictObject({ path: filePath.nullable(), kind: z.enum(['bundle', 'trust', 'folder', 'key', 'decision']) }),
  saveTextFile: z.strictObject({
    suggestedName: z.string().regex(/^[^/\\:*?"<>|\0]{1,200}$/),
    text: z.string().max(50_000_000),
  }),
  // describeTrust and listInbox take no path: they use the main process's own settings.
  describeTrust: z.undefined(),
  getSecuritySettings: z.undefined(),
  setSecuritySettings: z.strictObject({ change: securitySettingsChangeSchema, language: z.enum(['ko', 'en']).optional() }),
  listInbox: z.undefined(),
  // Only the path: how the bundle is checked is the main process's own setting, never the caller's.
  importBegin: z.strictObject({ path: filePath }),
  importDemoBegin: z.undefined(),
  importNext: importId,
  importCancel: importId,
  openProjector: z.strictObject({ meetingId: z.string().regex(MEETING_ID_PATTERN) }),
  // A name, never a path; the lines are checked entry by entry by the handler (audit-export.ts).
  exportAuditLog: z.strictObject({ name: z.string().regex(AUDIT_EXPORT_NAME), lines: z.string().max(AUDIT_EXPORT_MAX_CHARS) }),
  getDeviceKeys: z.undefined(),
  createDeviceKey: z.strictObject({ role: z.enum(DEVICE_KEY_ROLES), passphrase: passphrase.optional() }),
  importDeviceKey: z.strictObject({ role: z.enum(DEVICE_KEY_ROLES), passphrase: passphrase.optional(), path: filePath.optional() }),
  unlockDeviceKeys: z.strictObject({ passphrase }),
  getDecisionLedger: z.strictObject({ meetingId: z.string().regex(MEETING_ID_PATTERN) }),
  // The payload is checked by the notary itself (the full decisions schema and every recount), so its problems name the decision and the field.
  exportDecisions: z.strictObject({ payload: z.unknown(), language: z.enum(['ko', 'en']).optional() }),
  getOutboxStatus: z.undefined(),
  retryOutbox: z.undefined(),
  listInboxDecisions: z.undefined(),
  openDecisionFile: z.strictObject({ path: filePath.optional() }),
  addTrustedKey: z.strictObject({
    name: z.string().trim().min(1).max(200),
    roles: z.array(z.enum(TRUST_ROLES)).min(1).max(TRUST_ROLES.length),
    publicKeyPem: z.string().min(1).max(10_000),
    language: z.enum(['ko', 'en']).optional(),
  }),
  removeTrustedKey: z.strictObject({ keyid: z.string().regex(/^[0-9a-f]{64}$/) }),
  trustDeviceKeys: z.strictObject({ chairName: z.string().trim().min(1).max(200), secretaryName: z.string().trim().min(1).max(200), language: z.enum(['ko', 'en']).optional() }),
  exportTrustFile: z.undefined(),
  exportMinutes: z.strictObject({
    meetingId: z.string().regex(MEETING_ID_PATTERN),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length).refine((l) => new Set(l).size === l.length, { error: 'must name each language once' }).optional(),
    chooseFolder: z.boolean().optional(),
    meeting: minutesMeetingTimes,
    agenda: agendaSchema,
    cases: caseParticularsMapSchema,
    signers: minutesSigners,
    secretary: z.strictObject({ memberId: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(200) }),
    dialogLanguage: z.enum(['ko', 'en']).optional(),
    runId: runId.optional(),
    again: z.boolean().optional(),
  }),
  getMinutesProgress: z.strictObject({ runId }),
  previewMinutes: z.strictObject({
    meetingId: z.string().regex(MEETING_ID_PATTERN),
    language: z.enum(LANGUAGES),
    meeting: minutesMeetingTimes,
    agenda: agendaSchema,
    cases: caseParticularsMapSchema,
    signers: minutesSigners,
  }),
  // ---- witness ----
  witnessAudit: witnessAuditArgSchema,
  getWitness: z.undefined(),
} as const satisfies { [M in ApiMethod]: z.ZodType<ApiArg<M>> };

export const API_METHODS = Object.keys(apiArgSchemas) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiArgSchemas, name);
}

/** What the renderer sees on `window.councilDesk`: each call answers with a Result, never throws. */
export type ApiBridge = { [M in ApiMethod]: (arg: ApiArg<M>) => Promise<Result<ApiValue<M>>> } & {
  /**
   * The path of a file dropped on the window (Electron's webUtils.getPathForFile), answered in the
   * preload itself, not over IPC. "" when the file has no path (not from the file system).
   */
  pathForFile(file: object): string;
};

export type { AuditWitness, WitnessEntry, WitnessHead } from './audit-witness';
export type { BundleSummary, MinutesProgress, SecuritySettings, SecuritySettingsChange, SecuritySettingsInUse };
export { MEETING_ID_PATTERN };
