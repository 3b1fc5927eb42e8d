/**
 * Writes signed decision files into `<sync>/outbox/` (FORMATS.md, "Sync folder"): each created
 * atomically and never over a different file (atomic-create.ts), after the signer's public key in
 * `<sync>/keys/<keyid>.pub.pem`, then read back and verified. A chosen sync folder that is not
 * there (a USB stick pulled, a network share down) is never made again here, so nothing lands on
 * the disk under an empty mount point: the file waits (outbox-queue.ts).
 */
import { createPublicKey, verify } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDecisionFileName } from '../../../shared/decisions/decision-file-name';
import { CouncilError, type ErrorCode } from '../../../shared/result';
import type { DsseEnvelope } from '../../../shared/schemas/dsse-envelope';
import { preAuthEncoding } from '../../../shared/dsse';
import { createFileAtomic, linkFileAtomic, parseTempName, type CreateStep } from '../atomic-create';
import { decodeBase64 } from '../dsse-signing';
import { keyIdOfPublicKeyPem } from '../keys';

/** A signed decision file: its bytes, and the parts its signature is checked on. */
export interface SignedFile {
  fileName: string;
  /** What is written: the envelope as JSON. */
  bytes: Uint8Array;
  payloadType: string;
  /** The payload bytes (BODY). */
  body: Uint8Array;
  sig: Uint8Array;
  keyid: string;
  publicKeyPem: string;
}

/** The file an envelope is written as: its JSON, indented, with a final newline. */
export function signedFileOf(fileName: string, envelope: DsseEnvelope, body: Uint8Array, publicKeyPem: string): SignedFile {
  const signature = envelope.signatures[0]!;
  return {
    fileName,
    bytes: new TextEncoder().encode(`${JSON.stringify(envelope, null, 2)}\n`),
    payloadType: envelope.payloadType,
    body,
    sig: decodeBase64(signature.sig) ?? new Uint8Array(),
    keyid: signature.keyid ?? '',
    publicKeyPem,
  };
}

const verified = new WeakSet<SignedFile>();

/** Whether the signature of `file` verifies with its signer's public key: checked once per file, on libuv's thread pool, so it runs beside the file's writes. */
export async function signatureHolds(file: SignedFile): Promise<boolean> {
  if (verified.has(file)) return true;
  const pae = preAuthEncoding(file.payloadType, file.body);
  const key = createPublicKey(file.publicKeyPem);
  const holds = await new Promise<boolean>((resolve, reject) => verify(null, pae, key, file.sig, (e, ok) => (e ? reject(e) : resolve(ok))));
  if (holds) verified.add(file);
  return holds;
}

/** Whether a process with this id still runs (EPERM: it runs, as another user). This one's own temporary files count as live. */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of `targets` a crashed writer left in `dir` (never a live writer's). */
export async function cleanStaleTemps(dir: string, targets: (name: string) => boolean): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const temp = parseTempName(name);
    if (temp !== null && targets(temp.target) && !alive(temp.pid)) await rm(join(dir, name), { force: true });
  }
}

const KEY_FILE = /^[0-9a-f]{64}\.pub\.pem$/;

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Makes `dir` inside a folder known to be there; one made meanwhile by another writer is fine. */
export async function mkdirIn(dir: string): Promise<void> {
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
}

export interface OutboxOptions {
  /** Awaited at each step of writing a decision file (the crash test stops a process there). */
  onStep?: (step: CreateStep) => void | Promise<void>;
  /** Tests pass one that fails as across file systems, to reach the copy. */
  link?: (existing: string, created: string) => Promise<void>;
}

export class Outbox {
  private readonly cleaned = new Set<string>();

  constructor(private readonly opts: OutboxOptions = {}) {}

  /**
   * Writes `file` into `<sync>/outbox/`, reads it back and verifies it; returns its path. A missing
   * folder is SYNC_FOLDER_MISSING (made only when `createFolder`, the default sync folder), a name
   * holding another file DECISION_WRITE_FAILED, a file that does not read back as written
   * DECISION_READBACK_FAILED; the file system's own errors pass as they are. `kept`, the file's
   * durable copy (pending/), is linked into the outbox where it can be (the same file system);
   * elsewhere (a USB stick) the bytes are written anew.
   */
  async write(syncFolder: string, file: SignedFile, opts: { createFolder: boolean; kept?: string }): Promise<string> {
    if (opts.createFolder) await mkdir(syncFolder, { recursive: true });
    if (!(await isDirectory(syncFolder))) {
      throw new CouncilError('SYNC_FOLDER_MISSING', `The sync folder ${syncFolder} is not there (a USB stick pulled, or a network share down?).`);
    }
    const outbox = join(syncFolder, 'outbox');
    const keys = join(syncFolder, 'keys');
    await mkdirIn(outbox);
    await mkdirIn(keys);
    if (!this.cleaned.has(syncFolder)) {
      await cleanStaleTemps(outbox, (name) => parseDecisionFileName(name) !== null);
      await cleanStaleTemps(keys, (name) => KEY_FILE.test(name));
      this.cleaned.add(syncFolder);
    }
    await writeKey(keys, file.keyid, file.publicKeyPem);
    const path = join(outbox, file.fileName);
    const linked = opts.kept === undefined ? null : await linkFileAtomic(opts.kept, path, this.opts);
    const created = linked ?? (await createFileAtomic(path, file.bytes, { onStep: this.opts.onStep }));
    if (!created && !Buffer.from(await readFile(path)).equals(file.bytes)) {
      throw new CouncilError('DECISION_WRITE_FAILED', `${path} already holds a different file; it was not overwritten. The signed file is kept and is written once that name is free.`);
    }
    await readBack(path, file, created);
    return path;
  }
}

/** What a key file holding another key stops: its error code and the kind of file not written beside it. */
export interface KeyRefusal {
  code: ErrorCode;
  file: string;
}

/** `<keys>/<keyid>.pub.pem`: made once; one already there must hold the same key. */
export async function writeKey(keysDir: string, keyid: string, publicKeyPem: string, refusal: KeyRefusal = { code: 'DECISION_WRITE_FAILED', file: 'decision file' }): Promise<void> {
  const path = join(keysDir, `${keyid}.pub.pem`);
  let there = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (there === null) {
    if (await createFileAtomic(path, new TextEncoder().encode(publicKeyPem))) return;
    there = await readFile(path, 'utf8'); // another writer's, made meanwhile
  }
  let same = false;
  try {
    same = keyIdOfPublicKeyPem(there) === keyid;
  } catch {
    same = false;
  }
  if (!same) throw new CouncilError(refusal.code, `${path} holds another key than ${keyid}; it was not overwritten, and no ${refusal.file} was written beside it.`);
}

/** The file as read from the disk must be the bytes written, whose signature verifies with the signer's public key. */
async function readBack(path: string, file: SignedFile, created: boolean): Promise<void> {
  const back = await readFile(path);
  const problem = !back.equals(file.bytes)
    ? 'its bytes differ from those written'
    : !(await signatureHolds(file))
      ? `its signature does not verify with key ${file.keyid}`
      : null;
  if (problem === null) return;
  if (created) await rm(path, { force: true });
  throw new CouncilError('DECISION_READBACK_FAILED', `${path} did not read back as written: ${problem}. ${created ? 'It was removed; ' : ''}the signed file is kept and written again at the next try.`);
}
