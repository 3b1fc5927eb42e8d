/**
 * Zip-bomb limits of the bundle reader: how many entries, how large the ZIP's table of contents
 * (its central directory), how many inflated bytes per entry and in all, and
 * how far an entry may inflate beyond its compressed size. The sizes a ZIP's directory declares
 * are only a first look; what counts is the bytes actually inflated, so every chunk is counted and
 * reading stops the moment a limit is crossed.
 */
import type { CodedMessage } from '../../../shared/problems/problem';
import { problem, type ProblemCode } from './problem-codes';

export interface BundleLimits {
  maxEntries: number;
  /**
   * The central directory's size, checked from the end record before the directory is read (it
   * is read whole). 64 MiB holds 200,000 entries with 255-byte names (46 + 255 bytes each, about
   * 57 MiB) with room for extra fields; more would only be a way to make the reader allocate.
   */
  maxDirectoryBytes: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Inflated bytes per compressed byte, checked once an entry has inflated more than RATIO_GUARD_FLOOR. */
  maxCompressionRatio: number;
  /** How many errors the report keeps; once found, checking stops (the rest is only counted). */
  maxErrors: number;
  /**
   * Cases in one bundle. Checking a sound case costs tens of microseconds, and identical-looking
   * small cases compress a hundredfold, so without a cap a 10 MB bundle could hold millions of
   * them and keep the reader busy for minutes. 100,000 is 200 times a real batch (451 cases).
   */
  maxCases: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = Object.freeze({
  maxEntries: 200_000,
  maxDirectoryBytes: 64 * MiB,
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 4 * GiB,
  maxCompressionRatio: 200,
  maxErrors: 1000,
  maxCases: 100_000,
});

/** Below this many inflated bytes an entry's compression ratio is not judged (tiny files compress oddly). */
export const RATIO_GUARD_FLOOR = 1 * MiB;
/** The manifest is read whole, so it has its own small cap. */
export const MAX_MANIFEST_BYTES = 16 * MiB;
/** One line of cases.ndjson; a real case is a few KB. */
export const MAX_CASE_LINE_BYTES = 1 * MiB;
/** How deep a case line or the manifest may nest lists and groups (a case nests 3 deep), checked before JSON.parse. */
export const MAX_JSON_DEPTH = 64;
/** How many values one case line may hold (a case at its schema's limits holds about 2,500), checked before JSON.parse. */
export const MAX_CASE_LINE_VALUES = 10_000;
/**
 * Case lines shorter than this go to JSON.parse without the shape check: the check costs a
 * quarter of JSON.parse on a real 3 KB case, while JSON.parse of the worst short line (nested as
 * deep as it can be, or all keys) costs about 75 ns a byte, four times a real case's, so the at
 * most 1,000 lines before the error cap cost at most 16 MiB x 75 ns, about 1.2 s, unchecked.
 */
export const SHAPE_CHECK_MIN_LINE_BYTES = 16 * 1024;
/** The largest piece of evidence handed to onEvidencePiece. */
export const MAX_EVIDENCE_PIECE_BYTES = 1 * MiB;

/** The defaults with the caller's overrides; a limit that is not a positive number is a programming error. */
export function resolveLimits(overrides: Partial<BundleLimits> = {}): BundleLimits {
  const limits = { ...DEFAULT_BUNDLE_LIMITS };
  for (const key of Object.keys(DEFAULT_BUNDLE_LIMITS) as (keyof BundleLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) throw new RangeError(`bundle limit ${key} must be a positive number, got ${String(value)}`);
    limits[key] = value;
  }
  return limits;
}

/** 1536 MiB -> "1.5 GiB", 300 -> "300 bytes": sizes as people read them. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [GiB, 'GiB'],
    [MiB, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1)).toLocaleString('en-US')} ${unit}`;
  }
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Why a limit stops reading: the message names the entry, the caller adds kind 'limits'. */
export interface LimitBreach extends CodedMessage<ProblemCode> {
  file: string | null;
}

/**
 * Counts inflated bytes for the whole bundle. `entry()` starts counting one entry; its `add()`
 * returns the breach as soon as one happens, so the caller can destroy the stream at once.
 */
export class InflateBudget {
  private total = 0;
  constructor(readonly limits: BundleLimits) {}

  get totalBytes(): number {
    return this.total;
  }

  /** Counting for one entry of the sizes its directory record declares. */
  entry(file: string, declared: { compressedSize: number; uncompressedSize: number }, maxBytes = this.limits.maxEntryBytes): EntryBudget {
    return new EntryBudget(this, file, declared.compressedSize, declared.uncompressedSize, maxBytes);
  }

  /** @internal */
  addTotal(bytes: number): LimitBreach | null {
    this.total += bytes;
    if (this.total > this.limits.maxTotalBytes) {
      return { file: null, ...problem('LIMIT_TOTAL', { maxBytes: this.limits.maxTotalBytes }) };
    }
    return null;
  }
}

export class EntryBudget {
  private inflated = 0;
  constructor(
    private readonly budget: InflateBudget,
    readonly file: string,
    private readonly compressedSize: number,
    private readonly declaredSize: number,
    private readonly maxBytes: number,
  ) {}

  get bytes(): number {
    return this.inflated;
  }

  /** Whether add(bytes) would find no breach, without counting them. Every limit only grows with the count, so an entry that fits whole fits chunk by chunk too. */
  fits(bytes: number): boolean {
    const inflated = this.inflated + bytes;
    const { maxCompressionRatio, maxTotalBytes } = this.budget.limits;
    if (inflated > this.maxBytes || inflated > this.declaredSize) return false;
    if (inflated > RATIO_GUARD_FLOOR && inflated > maxCompressionRatio * Math.max(this.compressedSize, 1)) return false;
    return this.budget.totalBytes + bytes <= maxTotalBytes;
  }

  add(bytes: number): LimitBreach | null {
    this.inflated += bytes;
    const totalBreach = this.budget.addTotal(bytes);
    const { maxCompressionRatio } = this.budget.limits;
    if (this.inflated > this.maxBytes) {
      return { file: this.file, ...problem('LIMIT_ENTRY_SIZE', { maxBytes: this.maxBytes }) };
    }
    if (this.inflated > this.declaredSize) {
      return { file: this.file, ...problem('LIMIT_BEYOND_DECLARED', { declaredBytes: this.declaredSize }) };
    }
    if (this.inflated > RATIO_GUARD_FLOOR && this.inflated > maxCompressionRatio * Math.max(this.compressedSize, 1)) {
      return { file: this.file, ...ratioProblem(this.compressedSize, maxCompressionRatio) };
    }
    return totalBreach;
  }
}

/** After the last byte: the entry must have inflated to exactly its declared size; null when it did. */
export function shortfallProblem(budget: EntryBudget, declaredSize: number): CodedMessage<ProblemCode> | null {
  return budget.bytes < declaredSize ? problem('ENTRY_CUT_SHORT', { actualBytes: budget.bytes, declaredBytes: declaredSize }) : null;
}

export function ratioProblem(compressedSize: number, ratio: number): CodedMessage<ProblemCode> {
  return problem('LIMIT_RATIO', { ratio, packedBytes: compressedSize });
}

/** The first look, on the sizes the ZIP's directory declares: the breach, or null. */
export function declaredSizeBreach(file: string, compressedSize: number, uncompressedSize: number, limits: BundleLimits): LimitBreach | null {
  if (uncompressedSize > limits.maxEntryBytes) {
    return { file, ...problem('LIMIT_ENTRY_SIZE_DECLARED', { sizeBytes: uncompressedSize, maxBytes: limits.maxEntryBytes }) };
  }
  if (uncompressedSize > RATIO_GUARD_FLOOR && uncompressedSize > limits.maxCompressionRatio * Math.max(compressedSize, 1)) {
    return { file, ...ratioProblem(compressedSize, limits.maxCompressionRatio) };
  }
  return null;
}
