/**
 * What the ZIP inside a backup can hold. It is written by fflate's streaming Zip, which has no
 * ZIP64: every size and offset is 32 bits and the count of entries 16 bits, and beyond them it
 * would write a broken file without a word. So a backup is refused before it begins when its
 * manifest says it could go beyond them: at most 65,535 entries (manifest.json, rows.json and
 * 65,533 evidence files), and at most 4 GiB - 1 byte of ZIP (every entry with its headers, rows.json
 * counted as if deflate could not shrink it, and the central directory).
 */
import type { BackupManifest } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';

export const MAX_ZIP_ENTRIES = 0xffff;
/** 0xFFFFFFFF itself means "see the ZIP64 record" to a reader. */
export const MAX_ZIP_BYTES = 0xffff_fffe;
export const MAX_EVIDENCE_FILES = MAX_ZIP_ENTRIES - 2;

const LOCAL_HEADER = 30;
const DATA_DESCRIPTOR = 16;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

/** The most bytes deflate can turn `n` bytes into: stored blocks of at most 16 KiB, 5 bytes a block, and a little. */
export function deflateBound(n: number): number {
  return n + 5 * Math.ceil(n / 16_384) + 64;
}

/** The largest ZIP the entries can make: names and sizes of each entry, and deflate's worst for the deflated ones. */
export function zipBound(entries: readonly { name: string; bytes: number; deflated: boolean }[]): number {
  let total = END_RECORD;
  for (const e of entries) {
    const name = Buffer.byteLength(e.name, 'utf8');
    total += LOCAL_HEADER + name + (e.deflated ? deflateBound(e.bytes) : e.bytes) + DATA_DESCRIPTOR + CENTRAL_HEADER + name;
  }
  return total;
}

const GIB = 1024 ** 3;

/** Throws BACKUP_TOO_LARGE when the backup could go beyond what the ZIP can hold. */
export function checkBackupFits(manifest: BackupManifest, manifestBytes: number): void {
  if (manifest.evidence.length > MAX_EVIDENCE_FILES) {
    throw new CouncilError(
      'BACKUP_TOO_LARGE',
      `This backup would hold ${manifest.evidence.length} evidence files; a backup file holds at most ${MAX_EVIDENCE_FILES} (its ZIP has no ZIP64). Nothing was written.`,
    );
  }
  const bound = zipBound([
    { name: 'manifest.json', bytes: manifestBytes, deflated: true },
    { name: 'rows.json', bytes: manifest.rows.bytes, deflated: true },
    ...manifest.evidence.map((e) => ({ name: `evidence/${e.sha256}`, bytes: e.bytes, deflated: false })),
  ]);
  if (bound > MAX_ZIP_BYTES) {
    throw new CouncilError(
      'BACKUP_TOO_LARGE',
      `This backup would be up to ${(bound / GIB).toFixed(2)} GiB; a backup file holds at most 4 GiB (its ZIP has no ZIP64). Nothing was written.`,
    );
  }
}
