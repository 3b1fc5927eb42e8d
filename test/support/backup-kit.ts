/**
 * Backups in tests: a small council database in fake-indexeddb exported by dexie-export-import
 * itself (the page's format, byte for byte), its manifest, the backup handlers on a temporary
 * user-data folder, home and sync folder with a cheap scrypt, and the calls of a backup and a
 * restore as the page makes them. craftBackupFile seals any ZIP entries as a backup file, for the
 * damage main's own writer would never let through.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import { auditEntryHash } from '../../shared/audit-chain';
import type { BackupHandlers, BackupKind, BackupManifest, RestorePiece } from '../../shared/api';
import type { EvidenceBytes } from '../../shared/bundle-import';
import type { AuditEntry } from '../../shared/schemas/audit-entry';
import { NO_DIALOGS, type DialogPort } from '../../electron/services/dialog-port';
import type { FeatureContext } from '../../electron/services/feature-context';
import type { SecretPort } from '../../electron/services/keystore/secret-port';
import { createBackupHandlers, type BackupHandlerOptions } from '../../electron/services/backup/backup-handlers';
import { encodeHeader, newHeader, SegmentSealer } from '../../electron/services/backup/backup-format';
import { deriveBackupKey, newKdf, type BackupKey } from '../../electron/services/backup/backup-key';
import { BackupZipStream } from '../../electron/services/backup/backup-zip-stream';

/** scrypt's least cost the reader accepts: quick enough for a test to make many keys. */
export const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 } as const;
export const PASSPHRASE = 'correct horse battery staple';
export const DB_VERSION = 7;

// dexie-export-import looks for `self` when loaded, and reads Blobs with a FileReader when importing.
const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;
g.FileReader ??= class {
  result: ArrayBuffer | null = null;
  onload: ((ev: { target: unknown }) => void) | null = null;
  onerror: ((ev: { target: unknown }) => void) | null = null;
  onabort: (() => void) | null = null;
  error: unknown = null;
  readAsArrayBuffer(blob: Blob) {
    blob.arrayBuffer().then(
      (r) => {
        this.result = r;
        this.onload?.({ target: this });
      },
      (e: unknown) => {
        this.error = e;
        this.onerror?.({ target: this });
      },
    );
  }
};
const exportImport = import('dexie-export-import');

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The tables of the app's database that a backup's checks look at, keyed as the app keys them. */
const STORES = {
  audit: '++sequence, at, entity',
  decisions: '[caseId+revision], caseId, meetingId, outcome',
  documents: '[bundleId+file], caseId, sha256',
  settings: '&key',
};

let dbCount = 0;

export function emptyCouncilDb(): Dexie {
  dbCount += 1;
  const db = new Dexie(`council-desk-test-${process.pid}-${dbCount}`);
  db.version(DB_VERSION).stores(STORES);
  return db;
}

/** `n` audit entries, chained as the renderer chains them. */
export function auditChain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const body = {
      at: new Date(Date.UTC(2025, 0, 1, 9, 0, i)).toISOString(),
      entity: 'decision',
      entityId: `C-${i}`,
      action: 'decided',
      actor: 'member-1',
      detail: { outcome: i % 2 === 0 ? 'approved' : 'rejected', note: `결정 ${i}` },
      prevHash: entries.at(-1)?.hash ?? null,
    };
    entries.push({ sequence: i, ...body, hash: auditEntryHash(body) });
  }
  return entries;
}

export interface CouncilData {
  db: Dexie;
  evidence: Uint8Array[];
  audit: AuditEntry[];
}

/** A database with `auditEntries` chained entries, a decision for each, and a document per evidence file. */
export async function councilDb(opts: { auditEntries?: number; evidence?: Uint8Array[] } = {}): Promise<CouncilData> {
  const db = emptyCouncilDb();
  const audit = auditChain(opts.auditEntries ?? 5);
  const evidence = opts.evidence ?? [randomBytes(3 * 1024 * 1024 + 5), new TextEncoder().encode('작은 증거 파일'), randomBytes(70_000)];
  await db.table('audit').bulkAdd(audit.map(({ sequence: _s, ...rest }) => rest));
  await db.table('decisions').bulkAdd(audit.map((a) => ({ caseId: a.entityId, revision: 1, meetingId: 'M-2025-01', outcome: a.detail.outcome })));
  await db.table('documents').bulkAdd(evidence.map((bytes, i) => ({ bundleId: 'B-1', file: `evidence/${i}.bin`, caseId: `C-${i + 1}`, sha256: sha256(bytes), blob: null })));
  await db.table('settings').add({ key: 'operator', value: 'member-1' });
  return { db, evidence, audit };
}

/** The rows as the page sends them: dexie-export-import's JSON of every table. */
export async function exportRows(db: Dexie): Promise<Uint8Array> {
  const { exportDB } = await exportImport;
  return new Uint8Array(await (await exportDB(db)).arrayBuffer());
}

export async function importRows(db: Dexie, rows: Uint8Array): Promise<void> {
  const { importInto } = await exportImport;
  await db.open();
  // The page restores into its own database of the same name; here each test's database has its own.
  await importInto(db, new Blob([new Uint8Array(rows)]), { acceptNameDiff: true });
}

export async function tableCounts(db: Dexie): Promise<Record<string, number>> {
  await db.open();
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

export async function manifestOf(db: Dexie, rows: Uint8Array, evidence: readonly Uint8Array[]): Promise<BackupManifest> {
  const last = (await db.table('audit').orderBy('sequence').last()) as AuditEntry | undefined;
  const unique = new Map(evidence.map((e) => [sha256(e), e.length]));
  return {
    format: 1,
    createdAt: '2025-01-01T09:00:00.000Z',
    dbVersion: db.verno,
    tables: await tableCounts(db),
    auditHead: last ? { sequence: last.sequence, hash: last.hash } : null,
    rows: { sha256: sha256(rows), bytes: rows.length },
    evidence: [...unique].map(([sha, bytes]) => ({ sha256: sha, bytes })),
  };
}

export interface BackupKitOptions extends BackupHandlerOptions {
  root?: string;
  dialogs?: Partial<DialogPort>;
  secrets?: SecretPort;
  /** No sync folder chosen: the default one in the home folder. */
  defaultSync?: boolean;
}

export interface BackupKit {
  root: string;
  home: string;
  userData: string;
  sync: string;
  backupFolder: string;
  handlers: BackupHandlers;
}

/** The backup handlers on `root` (a new temporary folder unless given: the app started again). */
export function backupKit(opts: BackupKitOptions = {}): BackupKit {
  const root = opts.root ?? mkdtempSync(join(tmpdir(), 'cd-backup-'));
  const home = join(root, 'home');
  const userData = join(root, 'user data');
  const sync = opts.defaultSync ? join(home, 'Council Desk', 'sync') : join(root, 'sync');
  mkdirSync(home, { recursive: true });
  if (!opts.defaultSync) mkdirSync(sync, { recursive: true });
  const ctx = {
    paths: { userDataDir: userData },
    dialogs: { ...NO_DIALOGS, ...opts.dialogs },
    mode: 'electron',
    home,
    syncFolder: async () => sync,
    secrets: opts.secrets,
  } as unknown as FeatureContext;
  const handlers = createBackupHandlers(ctx, { scrypt: CHEAP_SCRYPT, ...opts });
  return { root, home, userData, sync, backupFolder: join(sync, 'backup'), handlers };
}

export interface BackupInput {
  manifest: BackupManifest;
  rows: Uint8Array;
  evidence: readonly Uint8Array[];
}

export async function backupInput(data: CouncilData): Promise<BackupInput> {
  const rows = await exportRows(data.db);
  return { manifest: await manifestOf(data.db, rows, data.evidence), rows, evidence: data.evidence };
}

/** Sends the rows in pieces of `pieceBytes`, then each evidence file (once per hash), as the page does. */
export async function sendEntries(h: BackupHandlers, backupId: string, input: BackupInput, pieceBytes = 4096): Promise<void> {
  for (let at = 0; at < input.rows.length; at += pieceBytes) {
    const end = Math.min(input.rows.length, at + pieceBytes);
    await h.backupAppend({ backupId, entry: 'rows.json', bytes: input.rows.subarray(at, end), last: end === input.rows.length });
  }
  const sent = new Set<string>();
  for (const e of input.evidence) {
    const sha = sha256(e);
    if (sent.has(sha)) continue;
    sent.add(sha);
    const half = Math.floor(e.length / 2);
    await h.backupAppend({ backupId, entry: `evidence/${sha}`, bytes: e.subarray(0, half), last: false });
    await h.backupAppend({ backupId, entry: `evidence/${sha}`, bytes: e.subarray(half), last: true });
  }
}

/** A whole backup through the calls; its result. */
export async function writeBackup(h: BackupHandlers, input: BackupInput, opts: { kind?: BackupKind; chooseFolder?: boolean; folder?: string } = {}) {
  const begun = await h.backupBegin({ kind: opts.kind ?? 'manual', manifest: input.manifest, chooseFolder: opts.chooseFolder, folder: opts.folder });
  if (begun === null) throw new Error('the backup was not begun');
  await sendEntries(h, begun.backupId, input);
  return h.backupFinish({ backupId: begun.backupId });
}

/** The bytes either form holds (browser mode's bridge hands large ones on as ranges of its answer's Blob). */
export async function bytesOf(bytes: EvidenceBytes): Promise<Uint8Array> {
  return ArrayBuffer.isView(bytes) ? bytes : new Uint8Array(await (bytes.slice() as unknown as Blob).arrayBuffer());
}

/** Every piece of an opened restore: rows.json joined, the evidence by hash, and the order they came in. */
export async function readRestore(h: BackupHandlers, restoreId: string) {
  const rowParts: Uint8Array[] = [];
  const evidence = new Map<string, Uint8Array>();
  const kinds: RestorePiece['kind'][] = [];
  for (;;) {
    const piece = await h.restoreNext({ restoreId });
    kinds.push(piece.kind);
    if (piece.kind === 'done') break;
    if (piece.kind === 'rows') rowParts.push(await bytesOf(piece.bytes));
    else evidence.set(piece.sha256, await bytesOf(piece.bytes));
  }
  return { rows: new Uint8Array(Buffer.concat(rowParts)), evidence, kinds };
}

export async function cheapKey(passphrase = PASSPHRASE): Promise<BackupKey> {
  return deriveBackupKey(passphrase, newKdf(CHEAP_SCRYPT));
}

/** Any entries sealed as a backup file at `path`, bypassing the writer's checks. */
export async function craftBackupFile(path: string, key: BackupKey, entries: readonly { name: string; bytes: Uint8Array }[], kind: BackupKind = 'manual'): Promise<void> {
  const header = newHeader(key.kdf, key.keyCheck, kind, '2025-01-01T09:00:00.000Z');
  const headerBytes = encodeHeader(header);
  const zip = new BackupZipStream(new Date('2025-01-01T09:00:00Z'));
  for (const e of entries) {
    zip.begin(e.name, e.name.endsWith('.json'));
    await zip.push(e.bytes, true);
  }
  zip.end();
  const sealer = new SegmentSealer(key.aesKey, headerBytes, header);
  const parts: Uint8Array[] = [headerBytes];
  for (const piece of zip.take()) parts.push(...sealer.push(piece));
  parts.push(sealer.end());
  writeFileSync(path, Buffer.concat(parts));
}
