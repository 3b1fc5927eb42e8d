/**
 * Case bundles: the inbox, and the streaming import of a bundle (electron/services/bundle-import-session.ts).
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';
import type { ImportBeginResult, ImportChunk, InboxEntry } from '../bundle-import';
import { filePath, uuid } from './arg-schemas';

export interface BundleHandlers {
  /**
   * The .cdbundle files in the inbox/ of the sync folder in use (the chosen one, else the default;
   * the default one not made yet: none). No argument: the renderer cannot name a folder to list.
   */
  listInbox(arg: undefined): Promise<InboxEntry[]>;
  /** Starts importing a bundle file, checked as the security settings say. */
  importBegin(arg: { path: string }): Promise<ImportBeginResult>;
  /** Starts importing the demo council's bundle (built-in demo trust file, signature required). */
  importDemoBegin(arg: undefined): Promise<ImportBeginResult>;
  importNext(arg: { importId: string }): Promise<ImportChunk>;
  importCancel(arg: { importId: string }): Promise<void>;
}

const importId = z.strictObject({ importId: uuid });

export const bundleArgSchemas = {
  listInbox: z.undefined(),
  // Only the path: how the bundle is checked is the main process's own setting, never the caller's.
  importBegin: z.strictObject({ path: filePath }),
  importDemoBegin: z.undefined(),
  importNext: importId,
  importCancel: importId,
} as const satisfies ArgSchemasOf<BundleHandlers>;
