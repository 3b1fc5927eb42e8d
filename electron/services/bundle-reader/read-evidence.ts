/**
 * Every other file the manifest lists, in sorted path order (UTF-8 bytes, as the bundle writer
 * stores them): its SHA-256 compared with the manifest's, its content with the media type its
 * case declares, and, while no error has been found, its bytes handed to onEvidencePiece in pieces.
 * A listed file no case points to is read and hashed but not handed on (a warning). Once the
 * error cap is reached the remaining files are not read at all (one warning says how many): the
 * bundle is refused already, and reading on would cost time for errors nobody sees.
 */
import { createHash, hash as hashOnce } from 'node:crypto';
import { abortError, Turns } from './abort';
import type { EvidenceReference } from './case-line-check';
import { ScanScratch } from './deflate-scan';
import { entryBytes, entryChunks, isSmallEntry, ownsItsBuffer } from './entry-chunks';
import { displayName } from './entry-names';
import { PieceGatherer } from './evidence-pieces';
import { releaseEvidenceHasher, takeEvidenceHasher, type FileSums } from './evidence-hasher';
import { EvidenceReadAhead, type ByteRange } from './evidence-read-ahead';
import { EvidenceResults } from './evidence-results';
import { fastRange, scanEvidence, type ScanContext } from './evidence-scan';
import { CASES_FILE, checkListedHash } from './files-check';
import { MAX_EVIDENCE_PIECE_BYTES } from './limits';
import { mediaCheck, type MediaCheck } from './media-check';
import { fromCoded, problem, type CodedProblem } from './problem-codes';
import { machineRoom } from './read-cases';
import { settle, type ReadStage } from './read-stage';
import type { ZipRecord } from './zip-archive';
import type { EvidencePiece } from '../../../shared/bundle-import';

/**
 * The fast path's evidence is hashed on a worker thread (evidence-hasher.ts) from this much on,
 * when a core is left idle (machineRoom, as for the case lines' workers): the worker's start
 * (some 30 ms of a core) is then a few per cent of the hashing it takes off this thread. On cores
 * other programs keep busy it gains nothing and loses some (measured on the shared 2-core build
 * machine at loads of 5-12, 35 runs each way: about 15 % slower in the median than hashing here,
 * where each block is hashed while it is still in the cache), so there this thread hashes.
 */
const HASH_WORKER_MIN_BYTES = 64 * 1024 * 1024;

/**
 * Names sorted by their UTF-8 bytes. Each name's bytes are made once, as a latin1 string (one
 * character per byte), so the comparisons are plain string comparisons in the same order: not
 * two Buffer.from per comparison, 1.6 million of them for 50,000 files.
 */
export function sortedByUtf8(names: string[]): string[] {
  const keyed = names.map((name) => ({ name, key: Buffer.from(name, 'utf8').toString('latin1') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.name);
}

/** The listed files after the manifest and cases.ndjson, in the order they are read. */
export function evidenceFiles(stage: Pick<ReadStage, 'directory' | 'manifest'>): string[] {
  const { directory, manifest } = stage;
  return sortedByUtf8([...directory.entries.keys()].filter((name) => name !== manifest.file && name !== CASES_FILE && Object.hasOwn(manifest.manifest.files, name)));
}

export async function readEvidence(stage: ReadStage, references: ReadonlyMap<string, EvidenceReference>, mentioned: ReadonlySet<string>): Promise<void> {
  const { reader, directory, onEvidencePiece } = stage;
  const files = evidenceFiles(stage);
  // the files the fast path takes (evidence-scan.ts), their packed bytes read ahead in that order
  const fast = files.map((name) => (stage.evidence?.fastPath === false ? null : fastRange(directory.entries.get(name)!, references.get(name), references.has(name) && onEvidencePiece !== undefined)));
  const fastBytes = fast.reduce((sum, r) => sum + (r === null ? 0 : r.end - r.start), 0);
  const { worker, reason } = hashWorkerFor(fastBytes, stage.evidence?.hashWorker);
  stage.evidence?.onPlan?.({ fastFiles: fast.filter((r) => r !== null).length, fastBytes, files: files.length, hashWorker: worker, reason });
  const hasher = worker ? takeEvidenceHasher() : null;
  const ahead = fastBytes > 0 ? new EvidenceReadAhead(reader.zip.file, fast.map((r) => r ?? { start: 0, end: 0 }), hasher) : null;
  const scan: ScanContext | null = ahead === null ? null : { reader, ahead, scratch: new ScanScratch(), turns: new Turns(), hasher };
  try {
    await readFiles(stage, files, fast, scan, references, mentioned);
  } finally {
    await ahead?.close();
    if (hasher !== null) await releaseEvidenceHasher(hasher);
  }
}

/** Whether a worker thread shares the hashing (see HASH_WORKER_MIN_BYTES), and why not when the cores are busy. */
function hashWorkerFor(fastBytes: number, asked: boolean | undefined): { worker: boolean; reason: string | null } {
  if (fastBytes === 0) return { worker: false, reason: null };
  if (asked !== undefined) return { worker: asked, reason: null };
  if (fastBytes < HASH_WORKER_MIN_BYTES) return { worker: false, reason: null };
  const { cores, load, workers } = machineRoom();
  if (workers > 0) return { worker: true, reason: null };
  return { worker: false, reason: cores < 2 ? 'one core' : `the cores are busy (a load average of ${load.toFixed(1)} besides this process, on ${cores} cores)` };
}

async function readFiles(
  stage: ReadStage,
  files: string[],
  fast: (ByteRange | null)[],
  scan: ScanContext | null,
  references: ReadonlyMap<string, EvidenceReference>,
  mentioned: ReadonlySet<string>,
): Promise<void> {
  const { reader, directory, manifest: info } = stage;
  const { log } = reader;
  const turns = scan?.turns ?? new Turns();
  // the fast path's findings, taken in file order as their sums come (evidence-results.ts)
  const results = new EvidenceResults(log, () => scan?.hasher?.flush());
  const notChecked = (from: number) => {
    log.filesNotChecked = files.length - from;
    log.notice('evidence', reader.bundleFile, null, '', problem('FILES_NOT_CHECKED', { count: files.length - from, maxErrors: log.maxErrors }));
  };
  for (const [at, name] of files.entries()) {
    const turn = turns.due(reader.signal);
    if (turn) await turn;
    await results.applyReady();
    if (results.stoppedAt !== null) return notChecked(results.stoppedAt);
    if (results.empty && log.full) return notChecked(at);
    const entry = directory.entries.get(name)!;
    const ref = references.get(name);
    const unreferenced = ref === undefined && !mentioned.has(name);
    const ordinarily = () => readOrdinarily(stage, name, entry, ref, unreferenced);
    if (scan !== null && fast[at] !== null) {
      const checks = ref ? mediaChecks(ref) : [];
      const sums = await scanEvidence(scan, at, entry, checks.map((c) => c.check));
      if (sums !== null) {
        const take = ({ sha256, crc32 }: FileSums): boolean => {
          // the checks the ordinary way makes as the bytes come: the CRC-32, then the limits
          if (crc32 !== entry.crc32) return false;
          const counter = reader.budget.entry(displayName(name), entry);
          if (!counter.fits(entry.uncompressedSize)) return false;
          counter.add(entry.uncompressedSize);
          if (unreferenced) log.warn('evidence', displayName(name), null, '', problem('EVIDENCE_UNREFERENCED'));
          endChecks(name, ref, checks, stage);
          checkListedHash(name, sha256, info.manifest, info.file, log);
          return true;
        };
        results.add(at, sums, { take, redo: ordinarily });
        await results.room();
        continue;
      }
      // not sure: read the ordinary way, which finds and words what is wrong, with checks made anew
    }
    // the ordinary way logs as it reads: everything found before first
    await results.drain();
    if (results.stoppedAt !== null) return notChecked(results.stoppedAt);
    if (log.full) return notChecked(at);
    await ordinarily();
  }
  await results.drain();
  if (results.stoppedAt !== null) notChecked(results.stoppedAt);
}

/** One file read the ordinary way (entry-chunks.ts): hashed, checked and handed on as it inflates. */
async function readOrdinarily(stage: ReadStage, name: string, entry: ZipRecord, ref: EvidenceReference | undefined, unreferenced: boolean): Promise<void> {
  const { reader, manifest: info, onEvidencePiece } = stage;
  const { log } = reader;
  if (unreferenced) log.warn('evidence', displayName(name), null, '', problem('EVIDENCE_UNREFERENCED'));
  const checks = ref ? mediaChecks(ref) : [];
  const handsOn = ref !== undefined && onEvidencePiece !== undefined;
  // a small file is read whole, hashed in one call and handed on as its one piece
  if (isSmallEntry(entry)) {
    const bytes = await entryBytes(reader, name, entry);
    for (const c of checks) c.check.push(bytes);
    endChecks(name, ref, checks, stage);
    checkListedHash(name, hashOnce('sha256', bytes, 'hex'), info.manifest, info.file, log);
    if (handsOn && !log.failed) await handOn(stage, { file: name, bytes: ownsItsBuffer(bytes) ? bytes : new Uint8Array(bytes), last: true });
    return;
  }
  const gatherer = handsOn ? new PieceGatherer(MAX_EVIDENCE_PIECE_BYTES) : null;
  let handing = gatherer !== null;
  const hash = createHash('sha256');
  for await (const chunk of entryChunks(reader, name, entry)) {
    hash.update(chunk);
    for (const c of checks) c.check.push(chunk);
    handing = handing && !log.failed && checks.every((c) => c.check.problem === null);
    if (!handing) continue;
    for (const bytes of gatherer!.push(chunk)) await handOn(stage, { file: name, bytes, last: false });
  }
  endChecks(name, ref, checks, stage);
  checkListedHash(name, hash.digest('hex'), info.manifest, info.file, log);
  if (handing && !log.failed) await handOn(stage, { file: name, bytes: gatherer!.end(), last: true });
}

/** Ends the media checks, logging what each found as an error (so nothing more of the file is handed on). */
function endChecks(name: string, ref: EvidenceReference | undefined, checks: ReturnType<typeof mediaChecks>, stage: ReadStage): void {
  for (const c of checks) {
    if (c.check.end() !== null) {
      const params = { mediaType: c.mediaType, line: ref!.line, index: c.index, ...c.check.details };
      stage.reader.log.error('evidence', displayName(name), null, '', fromCoded({ code: c.check.code!, params } as CodedProblem));
    }
  }
}

/** One piece to onEvidencePiece, awaited only when it answers with a promise. */
async function handOn(stage: ReadStage, piece: EvidencePiece): Promise<void> {
  const pending = settle(stage.onEvidencePiece!(piece));
  if (pending) await pending;
  if (stage.reader.signal?.aborted) throw abortError();
}

/** One check per distinct media type the case's documents give this file. */
function mediaChecks(ref: EvidenceReference): { index: number; mediaType: string; check: MediaCheck }[] {
  const seen = new Set<string>();
  const out: { index: number; mediaType: string; check: MediaCheck }[] = [];
  for (const doc of ref.documents) {
    if (seen.has(doc.mediaType)) continue;
    seen.add(doc.mediaType);
    out.push({ index: doc.index, mediaType: doc.mediaType, check: mediaCheck(doc.mediaType) });
  }
  return out;
}
