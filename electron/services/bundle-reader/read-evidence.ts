/**
 * Every other file the manifest lists, in sorted path order (UTF-8 bytes, as the bundle writer
 * stores them): its SHA-256 compared with the manifest's, its content with the media type its
 * case declares, and, while no error has been found, its bytes handed to onEvidencePiece in pieces.
 * A listed file no case points to is read and hashed but not handed on (a warning). Once the
 * error cap is reached the remaining files are not read at all (one warning says how many): the
 * bundle is refused already, and reading on would cost time for errors nobody sees.
 */
import { createHash } from 'node:crypto';
import { abortError } from './abort';
import type { EvidenceReference } from './case-line-check';
import { entryChunks } from './entry-chunks';
import { displayName } from './entry-names';
import { PieceGatherer } from './evidence-pieces';
import { CASES_FILE, checkListedHash } from './files-check';
import { MAX_EVIDENCE_PIECE_BYTES } from './limits';
import { mediaCheck, type MediaCheck } from './media-check';
import { fromCoded, problem, type CodedProblem } from './problem-codes';
import { settle, type ReadStage } from './read-stage';

function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The listed files after the manifest and cases.ndjson, in the order they are read. */
export function evidenceFiles(stage: Pick<ReadStage, 'directory' | 'manifest'>): string[] {
  const { directory, manifest } = stage;
  return [...directory.entries.keys()].filter((name) => name !== manifest.file && name !== CASES_FILE && Object.hasOwn(manifest.manifest.files, name)).sort(byUtf8);
}

export async function readEvidence(stage: ReadStage, references: ReadonlyMap<string, EvidenceReference>, mentioned: ReadonlySet<string>): Promise<void> {
  const { reader, directory, manifest: info, onEvidencePiece } = stage;
  const { log, signal } = reader;
  const files = evidenceFiles(stage);
  for (const [at, name] of files.entries()) {
    if (log.full) {
      log.filesNotChecked = files.length - at;
      log.notice('evidence', reader.bundleFile, null, '', problem('FILES_NOT_CHECKED', { count: files.length - at, maxErrors: log.maxErrors }));
      return;
    }
    const entry = directory.entries.get(name)!;
    const ref = references.get(name);
    if (ref === undefined && !mentioned.has(name)) log.warn('evidence', displayName(name), null, '', problem('EVIDENCE_UNREFERENCED'));
    const checks = ref ? mediaChecks(ref) : [];
    const gatherer = ref && onEvidencePiece ? new PieceGatherer(MAX_EVIDENCE_PIECE_BYTES) : null;
    let handing = gatherer !== null;
    const hash = createHash('sha256');
    for await (const chunk of entryChunks(reader, name, entry)) {
      hash.update(chunk);
      for (const c of checks) c.check.push(chunk);
      handing = handing && !log.failed && checks.every((c) => c.check.problem === null);
      if (!handing) continue;
      for (const bytes of gatherer!.push(chunk)) {
        const pending = settle(onEvidencePiece!({ file: name, bytes, last: false }));
        if (pending) await pending;
        if (signal?.aborted) throw abortError();
      }
    }
    for (const c of checks) {
      if (c.check.end() !== null) {
        const params = { mediaType: c.mediaType, line: ref!.line, index: c.index, ...c.check.details };
        log.error('evidence', displayName(name), null, '', fromCoded({ code: c.check.code!, params } as CodedProblem));
      }
    }
    checkListedHash(name, hash.digest('hex'), info.manifest, info.file, log);
    if (handing && !log.failed) {
      const pending = settle(onEvidencePiece!({ file: name, bytes: gatherer!.end(), last: true }));
      if (pending) await pending;
      if (signal?.aborted) throw abortError();
    }
  }
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
