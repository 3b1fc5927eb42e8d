/** What a file in the sync folder's inbox is, next to the bundles already stored. */
import type { InboxEntry } from '../../../shared/bundle-import';
import type { BundleRow } from '../../db/rows';

export type InboxState = 'new' | 'imported' | 'conflict' | 'unreadable';

export function inboxState(entry: InboxEntry, bundles: readonly Pick<BundleRow, 'bundleId' | 'manifestSha256' | 'status'>[]): InboxState {
  if (entry.bundleId === null || entry.manifestSha256 === null) return 'unreadable';
  const stored = bundles.find((b) => b.bundleId === entry.bundleId && b.status === 'ready');
  if (!stored) return 'new';
  return stored.manifestSha256 === entry.manifestSha256 ? 'imported' : 'conflict';
}
