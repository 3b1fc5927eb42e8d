/**
 * The app itself: what it is, the file dialogs and the in-app file picker, and the projector window.
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';
import type { Member } from '../council';
import { MEETING_ID_PATTERN } from '../decisions/decision-file-name';
import { filePath } from './arg-schemas';

export interface AppInfo {
  name: string;
  version: string;
  /** process.platform of the main process, e.g. linux, win32, darwin. */
  platform: string;
  /** Whether the demo council's bundle is available to load. */
  demoAvailable: boolean;
  /**
   * 'electron': the desktop app, with native file dialogs. 'browser': `council-desk serve`, the same
   * app in Chromium or Chrome over a loopback bridge, where the in-app file picker (browseFolder)
   * stands in for the native dialogs.
   */
  mode: AppMode;
}

export type AppMode = 'electron' | 'browser';

/** What the in-app file picker asks for: bundle files (.cdbundle), trust files (.json), keys (.pem), decision files (.dsse.json), backups (.cdbackup), or folders only. */
export type BrowseKind = 'bundle' | 'trust' | 'folder' | 'key' | 'decision' | 'backup';

/** One folder as the in-app file picker shows it: its subfolders and the files of the kind asked for. */
export interface FolderListing {
  /** The folder listed, absolute. */
  path: string;
  /** Its parent folder; null at the top of the file system. */
  parent: string | null;
  folders: { name: string; path: string }[];
  files: { name: string; path: string }[];
  /** True when the folder held more entries than are listed. */
  truncated: boolean;
}

/**
 * The demo council: its name and members. The renderer imports its bundle, which only the main
 * process knows where to find, with importDemoBegin, through the streaming import like any other
 * bundle (checked against the built-in demo trust file, signature required).
 */
export interface DemoCouncil {
  councilName: string;
  members: Member[];
}

/** The language the main process's own dialogs speak; without it they say everything in both. */
export type DialogLanguage = 'ko' | 'en';

export interface AppHandlers {
  getAppInfo(arg: undefined): Promise<AppInfo>;
  loadDemoCouncil(arg: undefined): Promise<DemoCouncil>;
  /** File dialogs; null when the user cancels. */
  chooseBundleFile(arg: undefined): Promise<string | null>;
  chooseTrustFile(arg: undefined): Promise<string | null>;
  chooseFolder(arg: undefined): Promise<string | null>;
  /**
   * Browser mode only (the in-app file picker): a folder's subfolders and files of the kind asked
   * for; path null: the home folder. In Electron it is refused (BROWSE_NOT_AVAILABLE): a window that
   * renders untrusted evidence must not list the disk.
   */
  browseFolder(arg: { path: string | null; kind: BrowseKind }): Promise<FolderListing>;
  /** Writes text (a validation report) where the user says; null when the user cancels. */
  saveTextFile(arg: { suggestedName: string; text: string }): Promise<string | null>;
  /**
   * Shows the meeting's projector view (large type, no personal data) in a second window on the
   * second display. opened false: there is no second window here (browser mode, tests), and the
   * renderer opens the projector route (PROJECTOR_HASH_PREFIX) itself.
   */
  openProjector(arg: { meetingId: string }): Promise<{ opened: boolean }>;
}

export const appArgSchemas = {
  getAppInfo: z.undefined(),
  loadDemoCouncil: z.undefined(),
  chooseBundleFile: z.undefined(),
  chooseTrustFile: z.undefined(),
  chooseFolder: z.undefined(),
  browseFolder: z.strictObject({ path: filePath.nullable(), kind: z.enum(['bundle', 'trust', 'folder', 'key', 'decision', 'backup']) }),
  saveTextFile: z.strictObject({
    suggestedName: z.string().regex(/^[^/\\:*?"<>|\0]{1,200}$/),
    text: z.string().max(50_000_000),
  }),
  openProjector: z.strictObject({ meetingId: z.string().regex(MEETING_ID_PATTERN) }),
} as const satisfies ArgSchemasOf<AppHandlers>;
