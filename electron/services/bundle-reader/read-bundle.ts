/**
 * Reads a case bundle streaming and checks everything FORMATS.md asks, in this order: the ZIP's
 * directory (entry count, names, links, declared sizes), the manifest and its signature, the files
 * it lists, each line of cases.ndjson, then every other listed file in sorted path order. All
 * errors are collected up to maxErrors unless one is fatal; then the rest of cases.ndjson is only
 * counted and no more files are read, so the work is bounded by the bytes, not by what they
 * hold. The callbacks see only what was sound so far. Never throws for a bad bundle: only an abort (AbortError) or a callback's own
 * error rejects.
 */
import { basename } from 'node:path';
import type { BundleSummary, EvidencePiece } from '../../../shared/bundle-import';
import type { BundleReport } from '../../../shared/bundle-report';
import type { BundleManifest } from '../../../shared/schemas/bundle-manifest';
import type { CaseRecord } from '../../../shared/schemas/case-record';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { abortError, throwIfAborted } from './abort';
import type { CaseLineOptions } from './case-line-pipeline';
import type { EntryReader } from './entry-chunks';
import { checkListedFiles } from './files-check';
import { InflateBudget, resolveLimits, type BundleLimits } from './limits';
import { findManifest, parseManifest, readManifestBytes, type ManifestInfo, type ManifestSighting } from './manifest-reader';
import { problem } from './problem-codes';
import { FatalBundleError, ProblemLog } from './problem-log';
import { releaseCaseLinePool } from './case-line-warm-pool';
import { readCases, startCaseWorkers, type CaseWorkers } from './read-cases';
import { evidenceFiles, readEvidence } from './read-evidence';
import type { ReadStage } from './read-stage';
import { closeZipArchive, openZipArchive, type ZipArchive } from './zip-archive';
import { readBundleDirectory, type BundleDirectory } from './zip-directory';

export interface ReadBundleOptions {
  /** Display name used in messages; default: basename(path). */
  fileName?: string;
  /** From a trust file. */
  trust: TrustedKey[];
  /** Refuse unsigned bundles and bundles not signed by a trusted bundle-issuer key. */
  requireSignature: boolean;
  limits?: Partial<BundleLimits>;
  /** Abort: close the file, reject with an Error whose name is 'AbortError'. */
  signal?: AbortSignal;
  /** Once manifest, signature and directory checks passed, before any case. */
  onManifest?: (summary: BundleSummary) => void | Promise<void>;
  /** Each valid case line, in file order, all cases before any evidence; awaited. */
  onCase?: (record: CaseRecord, line: number) => void | Promise<void>;
  /** Inflated evidence bytes in pieces (<= 1 MiB), files in sorted path order, last: true on each file's final piece; awaited. */
  onEvidencePiece?: (piece: EvidencePiece) => void | Promise<void>;
  /** How case lines are checked (worker threads or this one): the same report either way. */
  caseLines?: CaseLineOptions;
  /** How evidence only checked is read (tests, the benchmark): the same report either way. */
  evidence?: EvidenceOptions;
}

export interface EvidenceOptions {
  /** false: every file is read the ordinary way, none through the fast path (evidence-scan.ts). Default true. */
  fastPath?: boolean;
  /** The fast path's SHA-256 on a worker thread (evidence-hasher.ts): true, false, or (default) when the files are large enough and there are two cores. */
  hashWorker?: boolean;
}

/** The report, and the manifest when it could be read (the verify command prints from it). */
export interface BundleReading {
  report: BundleReport;
  manifest: BundleManifest | null;
  manifestSha256: string | null;
}

export async function readBundle(path: string, options: ReadBundleOptions): Promise<BundleReport> {
  return (await readBundleWithManifest(path, options)).report;
}

export async function readBundleWithManifest(path: string, options: ReadBundleOptions): Promise<BundleReading> {
  const fileName = options.fileName ?? basename(path);
  const limits = resolveLimits(options.limits);
  const { signal } = options;
  const log = new ProblemLog(limits.maxErrors);
  const seen: ManifestSighting = { bundleId: null, caseCount: null, signature: null, manifestSha256: null };
  let manifest: BundleManifest | null = null;
  let zip: ZipArchive | null = null;
  let caseWorkers: CaseWorkers | undefined;
  try {
    throwIfAborted(signal);
    zip = await openBundleFile(path, fileName, log);
    throwIfAborted(signal);
    const reader: EntryReader = { zip, bundleFile: fileName, budget: new InflateBudget(limits), log, signal };
    const directory = await readBundleDirectory(zip, fileName, limits, log);
    throwIfAborted(signal);
    caseWorkers = startCaseWorkers(directory, options.onCase, log, options.caseLines);
    const found = findManifest(directory.entries, fileName, log);
    const info = parseManifest(await readManifestBytes(reader, found.file, found.entry), found.file, options, log, seen);
    manifest = info.manifest;
    if (info.manifest.caseCount > limits.maxCases) {
      log.fatal('limits', info.file, null, 'caseCount', problem('LIMIT_CASES_DECLARED', { count: info.manifest.caseCount, max: limits.maxCases }));
    }
    checkListedFiles(directory, info.manifest, info.file, log);
    const stage: ReadStage = { reader, directory, manifest: info, onCase: options.onCase, onEvidencePiece: options.onEvidencePiece, caseLines: options.caseLines, caseWorkers, evidence: options.evidence };
    if (!log.failed && options.onManifest) {
      await options.onManifest(summaryOf(fileName, info, directory, stage));
      throwIfAborted(signal);
    }
    const cases = await readCases(stage);
    await readEvidence(stage, cases.evidence, cases.mentioned);
  } catch (e) {
    if (signal?.aborted) throw abortError();
    if (!(e instanceof FatalBundleError)) throw e;
  } finally {
    releaseCaseLinePool(caseWorkers?.pool, caseWorkers?.script ?? null);
    closeZipArchive(zip);
  }
  const signature = seen.signature;
  const report: BundleReport = {
    valid: log.errorCount === 0,
    fileName,
    bundleId: seen.bundleId,
    caseCount: seen.caseCount,
    signedBy: signature?.state === 'trusted' ? { keyid: signature.keyid, name: signature.name } : null,
    signature,
    errors: log.errors,
    warnings: log.warnings,
    errorCount: log.errorCount,
    linesNotChecked: log.linesNotChecked,
    filesNotChecked: log.filesNotChecked,
  };
  return { report, manifest, manifestSha256: seen.manifestSha256 };
}

/** Opens the ZIP; a missing, unreadable or non-ZIP file is a fatal 'zip' problem naming the bundle. */
async function openBundleFile(path: string, fileName: string, log: ProblemLog): Promise<ZipArchive> {
  try {
    return await openZipArchive(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const detail = (e as Error).message;
    if (code === 'ENOENT') log.fatal('zip', fileName, null, '', problem('BUNDLE_NOT_FOUND'));
    if (code === 'EISDIR') log.fatal('zip', fileName, null, '', problem('BUNDLE_IS_FOLDER'));
    if (code === 'EACCES' || code === 'EPERM') log.fatal('zip', fileName, null, '', problem('BUNDLE_PERMISSION_DENIED'));
    return log.fatal('zip', fileName, null, '', problem('NOT_A_ZIP', { detail }));
  }
}

function summaryOf(fileName: string, info: ManifestInfo, directory: BundleDirectory, stage: ReadStage): BundleSummary {
  const files = evidenceFiles(stage);
  return {
    fileName,
    manifest: info.manifest,
    manifestSha256: info.sha256,
    signature: info.signature,
    caseCount: info.manifest.caseCount,
    evidenceCount: files.length,
    bytesTotal: files.reduce((sum, name) => sum + directory.entries.get(name)!.uncompressedSize, 0),
  };
}
