/**
 * Everything in a decrypted backup checked before the page is given a row of it: manifest.json is
 * a backup manifest of this app's database version; the ZIP holds exactly manifest.json, rows.json
 * and the evidence the manifest lists; rows.json has the manifest's SHA-256 and size, is
 * dexie-export-import's JSON of that version, and holds as many rows of each table as the manifest
 * says; its audit table is an unbroken chain (shared/audit-chain.ts) ending at the manifest's
 * auditHead; each evidence entry's bytes have the SHA-256 of its name and the manifest's size.
 * rows.json is inflated into `rowsOut` on the way, for restoreNext to hand on in pieces, and the
 * chain's hashes go into `chainOut` (raw, 32 bytes an entry: witness/witness-restart.ts), from which
 * restoreFinish begins the witness again.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { AuditChainWalker, type AuditBreak } from '../../../shared/audit-chain';
import { backupManifestSchema, type BackupManifest } from '../../../shared/api';
import { formatJsonPath } from '../../../shared/json-path';
import { CouncilError } from '../../../shared/result';
import { brokenWords, nodeHash } from '../audit-export';
import { openBackupZip, BackupZipError, type BackupZip } from './backup-zip-read';
import { MANIFEST_ENTRY, ROWS_ENTRY } from './backup-write';
import { DexieRowsError, DexieRowsScan } from './dexie-rows-scan';
import { JsonSpineError } from './json-spine';

/** The table the audit log is in. */
export const AUDIT_TABLE = 'audit';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface CheckedBackup {
  manifest: BackupManifest;
  zip: BackupZip;
  /** The audit chain checked: entries 1 to `entries`, their hashes in `file`. */
  chain: { file: string; entries: number };
}

const damaged = (name: string, what: string) => new CouncilError('BACKUP_DAMAGED', `The backup ${name} is damaged: ${what}. Nothing was restored.`);

async function readWhole(zip: BackupZip, name: string, entryName: string, max: number): Promise<Buffer> {
  const entry = zip.entries.get(entryName)!;
  if (entry.uncompressedSize > max) throw damaged(name, `${entryName} is larger than ${max} bytes`);
  const parts: Buffer[] = [];
  await streamEntry(zip, entryName, (chunk) => void parts.push(chunk));
  return Buffer.concat(parts);
}

function parseManifest(name: string, bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(name, `${MANIFEST_ENTRY} is not JSON`);
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw damaged(name, `${MANIFEST_ENTRY} is not a backup manifest: ${formatJsonPath(issue.path as (string | number)[]) || 'the manifest'} ${issue.message}`);
  }
  return parsed.data;
}

/** The ZIP holds what the manifest lists, and nothing else. */
function checkNames(name: string, zip: BackupZip, manifest: BackupManifest): void {
  const listed = new Set([MANIFEST_ENTRY, ROWS_ENTRY]);
  for (const e of manifest.evidence) {
    const entry = `evidence/${e.sha256}`;
    if (listed.has(entry)) throw damaged(name, `its manifest lists ${entry} twice`);
    listed.add(entry);
  }
  for (const entry of zip.entries.keys()) if (!listed.has(entry)) throw damaged(name, `it holds ${JSON.stringify(entry)}, which its manifest does not list`);
  for (const entry of listed) if (!zip.entries.has(entry)) throw damaged(name, `${entry}, which its manifest lists, is not in it`);
}

/** The bytes of an entry streamed through `each`; their SHA-256 and size. */
async function streamEntry(zip: BackupZip, entryName: string, each: (chunk: Buffer) => void | Promise<void>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of await zip.stream(zip.entries.get(entryName)!)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      await each(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof CouncilError || e instanceof BackupZipError) throw e;
    throw new BackupZipError(`${entryName} cannot be read (${(e as Error).message})`);
  }
  return { sha256: hash.digest('hex'), bytes };
}

function sameCounts(name: string, manifest: BackupManifest, what: string, counts: Map<string, number>): void {
  const tables = new Set([...Object.keys(manifest.tables), ...counts.keys()]);
  for (const table of tables) {
    const expected = manifest.tables[table];
    const got = counts.get(table);
    if (expected === undefined) throw damaged(name, `${ROWS_ENTRY} ${what} the table "${table}", which the manifest does not list`);
    if (got === undefined) throw damaged(name, `${ROWS_ENTRY} ${what} no table "${table}"; the manifest says it holds ${expected} rows`);
    if (got !== expected) throw damaged(name, `${ROWS_ENTRY} ${what} ${got} rows of the table "${table}"; the manifest says ${expected}`);
  }
}

/**
 * An audit row as the app stored it. dexie-export-import writes each row through Typeson, which
 * names every array of the row in a `$types` key beside it ("arrayNonindexKeys", revived as the
 * array itself): an audit row, plain JSON, carries no other type, so that key is set aside. A row
 * with any other type is left as it is, and the chain's check names it.
 */
export function storedAuditRow(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !Object.hasOwn(row, '$types')) return row;
  const { $types: types, ...stored } = row as Record<string, unknown>;
  const plain = typeof types === 'object' && types !== null && Object.values(types).every((t) => t === 'arrayNonindexKeys');
  return plain ? stored : row;
}

/** rows.json: hashed, inflated into `rowsOut`, scanned; its counts and its audit chain against the manifest. Answers the chain's length. */
async function checkRows(name: string, zip: BackupZip, manifest: BackupManifest, rowsOut: string, chainOut: string): Promise<number> {
  const walker = new AuditChainWalker(nodeHash);
  let broken: AuditBreak | null = null;
  let lastSequence: number | null = null;
  /** Hashes of entries that continued the chain, not yet in chainOut (the walker starts at 1 and allows no gap). */
  let hashes: Buffer[] = [];
  const scan = new DexieRowsScan((table, row) => {
    if (table !== AUDIT_TABLE || broken) return;
    broken = walker.step(storedAuditRow(row));
    if (!broken) {
      lastSequence = (row as { sequence: number }).sequence;
      hashes.push(Buffer.from(walker.head!, 'hex'));
    }
  });
  let scanError: Error | null = null;
  let summary: ReturnType<DexieRowsScan['end']> | null = null;
  const out = await open(rowsOut, 'wx', 0o600);
  const chain = await open(chainOut, 'wx', 0o600).catch(async (e: unknown) => {
    await out.close();
    throw e;
  });
  const flushChain = async () => {
    if (hashes.length === 0) return;
    const bytes = Buffer.concat(hashes);
    hashes = [];
    await chain.writeFile(bytes);
  };
  let got: { sha256: string; bytes: number };
  try {
    got = await streamEntry(zip, ROWS_ENTRY, async (chunk) => {
      await out.writeFile(chunk);
      if (scanError) return;
      try {
        scan.write(chunk);
      } catch (e) {
        scanError = e as Error;
      }
      await flushChain();
    });
    if (!scanError) {
      try {
        summary = scan.end();
      } catch (e) {
        scanError = e as Error;
      }
    }
    await flushChain();
  } finally {
    await out.close();
    await chain.close();
  }
  if (got.sha256 !== manifest.rows.sha256 || got.bytes !== manifest.rows.bytes) {
    throw damaged(name, `${ROWS_ENTRY} is ${got.bytes} bytes with SHA-256 ${got.sha256}; the manifest says ${manifest.rows.bytes} bytes with SHA-256 ${manifest.rows.sha256}`);
  }
  if (scanError || summary === null) {
    const e = scanError as Error | null;
    if (e instanceof DexieRowsError || e instanceof JsonSpineError) throw damaged(name, `${ROWS_ENTRY} is not dexie-export-import's JSON: ${e.message}`);
    throw e ?? damaged(name, `${ROWS_ENTRY} could not be read to its end`);
  }
  if (summary.databaseVersion !== manifest.dbVersion) {
    throw damaged(name, `${ROWS_ENTRY} is of database version ${summary.databaseVersion}; the manifest says ${manifest.dbVersion}`);
  }
  sameCounts(name, manifest, 'declares', summary.declared);
  sameCounts(name, manifest, 'holds', summary.found);
  if (broken) throw new CouncilError('BACKUP_AUDIT_BROKEN', `The audit log in the backup ${name} (${ROWS_ENTRY}) is broken: ${brokenWords(broken)}. Nothing was restored.`);
  const head = walker.head === null ? null : { sequence: lastSequence!, hash: walker.head };
  const expected = manifest.auditHead;
  if (head?.sequence !== expected?.sequence || head?.hash !== expected?.hash) {
    const words = (h: typeof head) => (h === null ? 'no entry' : `entry ${h.sequence} (hash ${h.hash})`);
    throw new CouncilError('BACKUP_AUDIT_BROKEN', `The audit log in the backup ${name} (${ROWS_ENTRY}) ends at ${words(head)}; its manifest says ${words(expected)}. Nothing was restored.`);
  }
  return walker.entries;
}

async function checkEvidence(name: string, zip: BackupZip, manifest: BackupManifest): Promise<void> {
  for (const e of manifest.evidence) {
    const entry = `evidence/${e.sha256}`;
    const got = await streamEntry(zip, entry, () => undefined);
    if (got.sha256 !== e.sha256) throw damaged(name, `the bytes of ${entry} have the SHA-256 ${got.sha256}, not the one of its name`);
    if (got.bytes !== e.bytes) throw damaged(name, `${entry} is ${got.bytes} bytes; the manifest says ${e.bytes}`);
  }
}

/** Checks the decrypted ZIP at `zipPath`; it stays open for restoreNext (close it when done). */
export async function checkBackupZip(zipPath: string, out: { rows: string; chain: string }, name: string, dbVersion: number): Promise<CheckedBackup> {
  let zip: BackupZip;
  try {
    zip = await openBackupZip(zipPath);
  } catch (e) {
    throw e instanceof BackupZipError ? damaged(name, e.message) : e;
  }
  try {
    if (!zip.entries.has(MANIFEST_ENTRY)) throw damaged(name, `it holds no ${MANIFEST_ENTRY}`);
    const manifest = parseManifest(name, await readWhole(zip, name, MANIFEST_ENTRY, MAX_MANIFEST_BYTES));
    if (manifest.dbVersion !== dbVersion) {
      throw new CouncilError(
        'BACKUP_VERSION',
        `The backup ${name} holds database version ${manifest.dbVersion}; this app's is version ${dbVersion}. Restore it with the Council Desk that made it. Nothing was restored.`,
      );
    }
    checkNames(name, zip, manifest);
    const entries = await checkRows(name, zip, manifest, out.rows, out.chain);
    await checkEvidence(name, zip, manifest);
    return { manifest, zip, chain: { file: out.chain, entries } };
  } catch (e) {
    zip.close();
    if (e instanceof BackupZipError) throw damaged(name, e.message);
    throw e;
  }
}
