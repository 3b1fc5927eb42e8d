/**
 * Before an import writes anything: whether the bundle fits in the storage left. The main process
 * has read the ZIP's directory, so the bundle's inflated size is known (BundleSummary.bytesTotal:
 * the case lines and every evidence file); stored, the evidence Blobs take their bytes and the
 * case rows somewhat more than their lines, so with a margin of 10% on top. When the browser's
 * estimate says less is left, the user is asked whether to go on (the import may then fail part
 * way with STORAGE_FULL, and be rolled back whole) or to cancel it before anything is written.
 */
import type { BundleSummary } from '../../../shared/bundle-import';
import { readStorageFigures, type StorageFigures } from '../../common/storage';
import type { CouncilDb } from '../../db/schema';

/** The margin on the bundle's size: what the rows and indexes add to the bytes read. */
export const SPACE_MARGIN = 0.1;

/** A bundle that the storage left will not hold, as the question shows it. */
export interface SpaceShortfall {
  fileName: string;
  bundleId: string;
  /** The bundle's inflated bytes. */
  bytesTotal: number;
  /** What the import needs: bytesTotal with the margin. */
  needed: number;
  figures: StorageFigures;
}

/** Asked when the bundle does not fit: true to import anyway, false to cancel before anything is written. */
export type ConfirmLowSpace = (shortfall: SpaceShortfall) => Promise<boolean>;

/** The bytes an import of `bytesTotal` needs, with the margin. */
export function spaceNeeded(bytesTotal: number): number {
  return Math.ceil(bytesTotal * (1 + SPACE_MARGIN));
}

/** The shortfall, or null when what is left holds the bundle (or the browser does not say). */
export function spaceShortfall(summary: BundleSummary, fileName: string, figures: StorageFigures | null): SpaceShortfall | null {
  if (figures === null) return null;
  const needed = spaceNeeded(summary.bytesTotal);
  if (figures.available >= needed) return null;
  return { fileName, bundleId: summary.manifest.bundleId, bytesTotal: summary.bytesTotal, needed, figures };
}

/**
 * Whether the import goes on: yes when it fits, when nobody is there to ask, or when the same
 * bundle is stored already (the import then says so and writes nothing); else the user's answer.
 */
export async function goOnDespiteSpace(
  db: CouncilDb,
  summary: BundleSummary,
  fileName: string,
  confirm: ConfirmLowSpace | undefined,
  read: () => Promise<StorageFigures | null> = readStorageFigures,
): Promise<boolean> {
  if (!confirm) return true;
  const prior = await db.bundles.get(summary.manifest.bundleId);
  if (prior?.status === 'ready') return true;
  const shortfall = spaceShortfall(summary, fileName, await read());
  return shortfall === null || confirm(shortfall);
}
