/**
 * The first pass over a bundle: its structure, no file data. Finds the end records, bounds the
 * central directory's size and entry count before reading it, then checks each record (name,
 * kind of entry, encryption, compression, declared sizes; the real counting of inflated bytes
 * happens in entry-chunks.ts), and last the byte layout (zip-layout.ts: local headers against the
 * directory, no overlaps, nothing hidden between entries). A damaged layout stops the reading.
 * Keeps one compact record per entry that may be read, by name.
 */
import { declaredSizeBreach, type BundleLimits } from './limits';
import { problem } from './problem-codes';
import { collisionKey, collisionProblem, decodeEntryName, displayName, entryNameProblem, rawNameProblem } from './entry-names';
import { entryKind } from './entry-types';
import { FatalBundleError, type ProblemLog } from './problem-log';
import { DEFLATED, STORED, type ZipArchive, type ZipRecord } from './zip-archive';
import { centralRecords, type CentralRecord } from './zip-central-records';
import { readZipEnd, ZipEndProblem, type ZipEnd } from './zip-end-records';
import { checkLocalHeader, ZipLayout, type Checked } from './zip-layout';

const ENCRYPTED_FLAG = 0x1;
/** Local headers read ahead of the entry being checked. */
const HEADERS_AHEAD = 8;

export interface BundleDirectory {
  /** Plain-file entries that may be read, by name, in directory order. */
  entries: Map<string, ZipRecord>;
  /** Names refused for what they are (bad name, link, encrypted...): not "missing", not "unlisted". */
  refused: Set<string>;
}

export async function readBundleDirectory(zip: ZipArchive, bundleFile: string, limits: BundleLimits, log: ProblemLog): Promise<BundleDirectory> {
  const end = await zipEnd(zip, bundleFile, log);
  if (end.entryCount > limits.maxEntries) {
    log.fatal('limits', bundleFile, null, '', problem('LIMIT_ENTRIES', { count: end.entryCount, max: limits.maxEntries }));
  }
  if (end.directorySize > limits.maxDirectoryBytes) {
    log.fatal('limits', bundleFile, null, '', problem('LIMIT_DIRECTORY_SIZE', { sizeBytes: end.directorySize, maxBytes: limits.maxDirectoryBytes }));
  }
  if (end.directoryOffset + end.directorySize !== end.endRecordsStart) {
    log.fatal('zip', bundleFile, null, '', problem('ZIP_DIRECTORY_MISPLACED'));
  }
  const entries = new Map<string, ZipRecord>();
  const refused = new Set<string>();
  const byKey = new Map<string, string>();
  const layout = new ZipLayout(end.entryCount);
  let declaredTotal = 0;

  // Local headers are read a few entries ahead (their reads under way together in the thread pool)
  // and taken in directory order: what each entry finds is logged in that order, as one at a time.
  const ahead: { entry: CentralRecord; checked: Promise<Checked> }[] = [];
  const start = (entry: CentralRecord): void => {
    const checked = checkLocalHeader(entry, zip.file, end.directoryOffset);
    checked.catch(() => {}); // one let go (a fatal problem before it) may fail unobserved
    ahead.push({ entry, checked });
  };
  const check = async (): Promise<void> => {
    const { entry, checked: pending } = ahead.shift()!;
    const name = flat(decodeEntryName(entry));
    const shown = displayName(name);
    const checked = await pending;
    layout.add(entry.index, shown, entry.localHeaderOffset, checked);
    const record = entryRecord(entry, name, shown);
    if (record !== null && 'end' in checked) record.dataOffset = checked.dataOffset;
  };
  const entryRecord = (entry: CentralRecord, name: string, shown: string): ZipRecord | null => {
    const refuse = (kind: 'entry-name' | 'zip', coded: Parameters<ProblemLog['error']>[4]): null => {
      log.error(kind, shown, null, '', coded);
      refused.add(name);
      return null;
    };
    const nameProblem = rawNameProblem(entry) ?? entryNameProblem(name);
    if (nameProblem !== null) return refuse('entry-name', nameProblem);
    const kind = entryKind(entry, name);
    if (kind.kind === 'refused') return refuse(kind.coded.code === 'NAME_SYMLINK' ? 'entry-name' : 'zip', kind.coded);
    if (kind.kind === 'folder') return null; // an empty folder carries nothing
    if ((entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0) return refuse('zip', problem('ENTRY_ENCRYPTED'));
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      return refuse('zip', problem('ENTRY_COMPRESSION_METHOD', { method: entry.compressionMethod }));
    }
    if (entry.compressionMethod === STORED && entry.compressedSize !== entry.uncompressedSize) {
      return refuse('zip', problem('ENTRY_STORED_SIZES_DIFFER', { packedBytes: entry.compressedSize, sizeBytes: entry.uncompressedSize }));
    }
    const earlier = entries.has(name) ? name : byKey.get(collisionKey(name));
    if (earlier !== undefined) {
      log.error('entry-name', shown, null, '', collisionProblem(name, earlier));
      if (earlier !== name) refused.add(name); // an exact duplicate: the first one stands for the name
      return null;
    }
    const breach = declaredSizeBreach(shown, entry.compressedSize, entry.uncompressedSize, limits);
    if (breach) log.fatal('limits', shown, null, '', breach);
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) {
      log.fatal('limits', bundleFile, null, '', problem('LIMIT_TOTAL_DECLARED', { maxBytes: limits.maxTotalBytes }));
    }
    const record: ZipRecord = {
      compressionMethod: entry.compressionMethod,
      crc32: entry.crc32,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      dataOffset: -1,
    };
    entries.set(name, record);
    byKey.set(collisionKey(name), name);
    return record;
  };

  const records = centralRecords(zip.file, end.directoryOffset, end.directorySize, end.entryCount);
  try {
    for (;;) {
      let next: IteratorResult<CentralRecord>;
      try {
        next = await records.next();
      } catch (e) {
        // a damaged record: the entries before it are checked first, as when read one at a time
        while (ahead.length > 0) await check();
        throw e;
      }
      if (next.done) break;
      start(next.value);
      if (ahead.length >= HEADERS_AHEAD) await check();
    }
    while (ahead.length > 0) await check();
  } catch (e) {
    if (e instanceof FatalBundleError) throw e;
    // A damaged record, or the file failing to read under us: either way the directory is unusable.
    log.fatal('zip', bundleFile, null, '', problem('ZIP_DIRECTORY_DAMAGED', { detail: (e as Error).message }));
  }
  const broken = layout.finish(end.directoryOffset, bundleFile, log);
  // Two views of one ZIP: nothing in it can be trusted to be what another tool would unpack.
  if (broken > 0) throw new FatalBundleError(log.errors.find((p) => p.kind === 'zip') ?? log.errors[0]!);
  return { entries, refused };
}

async function zipEnd(zip: ZipArchive, bundleFile: string, log: ProblemLog): Promise<ZipEnd> {
  try {
    return await readZipEnd(zip.file);
  } catch (e) {
    if (e instanceof ZipEndProblem) return log.fatal('zip', bundleFile, null, '', e.coded);
    return log.fatal('zip', bundleFile, null, '', problem('NOT_A_ZIP', { detail: (e as Error).message }));
  }
}

/**
 * The same string, flat: a name decoded byte by byte (CP437) is a rope of hundreds of pieces,
 * and every later look at it (regular expressions, hashing it as a Map key) would walk the rope
 * again; V8 flattens a string in place when asked for a character code.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}
