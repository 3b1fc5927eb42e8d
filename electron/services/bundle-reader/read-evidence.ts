/**
 * Every other file the manifest lists, in sorted path order (UTF-8 bytes, as the bundle writer
 * stores them): its SHA-256 compared with the manifest's, its content with the media type its
 * case declares, and, while no error has been found, its bytes handed to onEvidencePiece in pieces.
 * A listed file no case points to is read and hashed but not handed on (a warning). Once the
 * error cap is reached the remaining files are not read at all (one warning says how many): the
 * bundle is refused already, and reading on would cost time for errors nobody sees.
 */
import { createHash, hash as hashOnce } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { abortError, Turns } from './abort';
import type { EvidenceReference } from './case-line-check';
import { ScanScratch } from './deflate-scan';
import { entryBytes, entryChunks, isSmallEntry, ownsItsBuffer } from './entry-chunks';
import { displayName } from './entry-names';
import { PieceGatherer } from './evidence-pieces';
import { EvidenceHasher } from './evidence-hasher';
import { EvidenceReadAhead, type ByteRange } from './evidence-read-ahead';
import { EvidenceResults } from './evidence-results';
import { fastRange, scanEvidence, type ScanContext } from './evidence-scan';
import { CASES_FILE, checkListedHash } from './files-check';
import { MAX_EVIDENCE_PIECE_BYTES } from './limits';
import { mediaCheck, type MediaCheck } from './media-check';
import { fromCoded, problem, type CodedProblem } from './problem-codes';
import { settle, type ReadStage } from './read-stage';
import type { EvidencePiece } from '../../../shared/bundle-import';

/**
 * The fast path's evidence hashed on a worker thread (evidence-hasher.ts) from this much on, when
 * there are two cores or more: the worker's start (some 30 ms of a core) is then a few per cent of
 * the hashing it takes off this thread. Like that, the same CPU in all, on two threads.
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
  const hasher = fastBytes > 0 && (stage.evidence?.hashWorker ?? (fastBytes >= HASH_WORKER_MIN_BYTES && availableParallelism() >= 2)) ? new EvidenceHasher() : null;
  const ahead = fastBytes > 0 ? new EvidenceReadAhead(reader.zip.file, fast.map((r) => r ?? { start: 0, end: 0 }), hasher) : null;
  const scan: ScanContext | null = ahead === null ? null : { reader, ahead, scratch: new ScanScratch(), turns: new Turns(), hasher };
  try {
    await readFiles(stage, files, fast, scan, references, mentioned);
  } finally {
    await ahead?.close();
    await hasher?.close();
  }
}

async function readFiles(
  stage: ReadStage,
  files: string[],
  fast: (ByteRange | null)[],
  scan: ScanContext | null,
  references: ReadonlyMap<string, EvidenceReference>,
  mentioned: ReadonlySet<string>,
): Promise<void> {
  const { reader, directory, manifest: info, onEvidencePiece } = stage;
  const { log } = reader;
  const turns = scan?.turns ?? new Turns();
  // the fast path's findings, logged in file order as their digests come (evidence-results.ts)
  const results = new EvidenceResults(log, () => scan?.hasher?.flush());
  const notChecked = (from: number) => {
    log.filesNotChecked = files.length - from;
    log.notice('evidence', reader.bundleFile, null, '', problem('FILES_NOT_CHECKED', { count: files.length - from, maxErrors: log.maxErrors }));
  };
  for (const [at, name] of files.entries()) {
    const turn = turns.due(reader.signal);
    if (turn) await turn;
    results.applyReady();
    if (results.stoppedAt !== null) return notChecked(results.stoppedAt);
    if (results.empty && log.full) return notChecked(at);
    const entry = directory.entries.get(name)!;
    const ref = references.get(name);
    const unreferenced = ref === undefined && !mentioned.has(name);
    if (scan !== null && fast[at] !== null) {
      const checks = ref ? mediaChecks(ref) : [];
      const sha256 = await scanEvidence(scan, at, name, entry, checks.map((c) => c.check));
      if (sha256 !== null) {
        results.add(at, sha256, (hex) => {
          if (unreferenced) log.warn('evidence', displayName(name), null, '', problem('EVIDENCE_UNREFERENCED'));
          endChecks(name, ref, checks, stage);
          checkListedHash(name, hex, info.manifest, info.file, log);
        });
        await results.room();
        continue;
      }
      // not sure: read the ordinary way, which finds and words what is wrong, with checks made anew
    }
    // the ordinary way logs as it reads: everything found before first
    await results.drain();
    if (results.stoppedAt !== null) return notChecked(results.stoppedAt);
    if (log.full) return notChecked(at);
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
      continue;
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
  await results.drain();
  if (results.stoppedAt !== null) notChecked(results.stoppedAt);
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
