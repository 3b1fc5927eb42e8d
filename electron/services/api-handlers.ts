/**
 * The main-process side of the contract (shared/api.ts). Plain Node: ipc.ts binds these to
 * Electron, browser mode (browser-mode/server.ts) serves them over its loopback bridge, and the
 * end-to-end harness through that server; tests call them directly.
 */
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { ApiHandlers, AppMode, SecuritySettings, SecuritySettingsInUse } from '../../shared/api';
import { DEMO_COUNCIL_NAME, DEMO_MEMBERS } from '../../shared/council';
import { CouncilError } from '../../shared/result';
import type { AppPaths } from './app-paths';
import { writeFileAtomic } from './atomic-write';
import { exportAuditLog } from './audit-export';
import { BundleImportSessions } from './bundle-import-session';
import { listFolder } from './browser-mode/folder-listing';
import type { DialogPort } from './dialog-port';
import { NO_WINDOWS, type WindowPort } from './window-port';
import type { PrintPort } from './minutes/print-port';
import { listInbox } from './inbox';
import { SecuritySettingsStore } from './security-settings';
import { readTrustFile } from './trust-file';
import { isDefaultSyncFolder, syncFolderInUse, type FeatureContext } from './feature-context';
import { Keystore } from './keystore/keystore';
import { createKeyHandlers } from './keystore/keystore-handlers';
import type { SecretPort } from './keystore/secret-port';
import { createDecisionHandlers } from './notary/notary-handlers';
import { createReceivedDecisionHandlers } from './decision-files/decision-files-handlers';
import { createTrustHandlers } from './trust-store/trust-store-handlers';
import { createMinutesHandlers } from './minutes/minutes-handlers';
import { readTrustInUse, trustInfoOf } from './trust-store/trust-store';
import { createWitnessHandlers } from './witness/witness-handlers';
import { WitnessFile, witnessFilePath } from './witness/witness-file';
import { createBackupHandlers } from './backup/backup-handlers';

export interface HandlerContext {
  appVersion: string;
  platform: string;
  paths: AppPaths;
  dialogs: DialogPort;
  /** 'electron' (the default) or 'browser' (council-desk serve): only browser mode lists folders. */
  mode?: AppMode;
  /** Where the in-app file picker starts; the user's home folder unless a test says otherwise. */
  home?: string;
  /** Shared by every window; tests pass their own to tune chunk sizes. */
  imports?: BundleImportSessions;
  /** The security settings; by default read from paths.userDataDir as the handlers are made. */
  security?: Promise<SecuritySettingsStore>;
  /** Windows beyond the main one (the projector); none by default. */
  windows?: WindowPort;
  /** How the minutes' HTML becomes a PDF: Electron's printToPDF in a hidden window (main.ts), a headless Chromium in browser mode (serve.ts); none when there is no browser to print with. */
  print?: PrintPort;
  /** The system's secret store for this device's keys (Electron's safeStorage); none: passphrase protection. */
  secrets?: SecretPort;
}

async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

export function createApiHandlers(ctx: HandlerContext): ApiHandlers {
  const imports = ctx.imports ?? new BundleImportSessions();
  // Read once, at start; every call after that uses the settings kept in memory.
  const security = ctx.security ?? SecuritySettingsStore.open(ctx.paths.userDataDir, { dialogs: ctx.dialogs });
  const trustOf = (trustFile: string | null) => readTrustFile(trustFile ?? ctx.paths.demoTrust);
  const mode = ctx.mode ?? 'electron';
  const requireDemoBundle = async () => {
    if (!(await fileExists(ctx.paths.demoBundle))) {
      throw new CouncilError('DEMO_MISSING', `The demo bundle was not found at ${ctx.paths.demoBundle}. Run "npm run build" to make it.`);
    }
  };

  const home = ctx.home ?? homedir();
  const keystore = new Keystore(ctx.paths.userDataDir, { secrets: ctx.secrets });
  const witness = new WitnessFile(witnessFilePath(ctx.paths.userDataDir));
  const inUse = (settings: SecuritySettings): SecuritySettingsInUse => ({ ...settings, syncFolderInUse: syncFolderInUse(settings.syncFolder, home) });
  const features: FeatureContext = {
    paths: ctx.paths,
    dialogs: ctx.dialogs,
    mode,
    home,
    security,
    keys: keystore,
    trustedKeys: async () => (await trustOf((await security).get().trustFile)).keys,
    syncFolder: async () => syncFolderInUse((await security).get().syncFolder, home),
    print: ctx.print,
    secrets: ctx.secrets,
  };

  return {
    ...createKeyHandlers(features, keystore),
    ...createDecisionHandlers(features),
    ...createReceivedDecisionHandlers(features),
    ...createTrustHandlers(features),
    ...createMinutesHandlers(features),
    // One witness file: the restore's restoreFinish begins it again in the same lane the appends go through.
    ...createWitnessHandlers(features, { file: witness }),
    ...createBackupHandlers(features, { witness }),

    async getAppInfo() {
      return {
        name: 'Council Desk',
        version: ctx.appVersion,
        platform: ctx.platform,
        demoAvailable: await fileExists(ctx.paths.demoBundle),
        mode,
      };
    },

    async loadDemoCouncil() {
      await requireDemoBundle();
      return { councilName: DEMO_COUNCIL_NAME, members: DEMO_MEMBERS.map((m) => ({ ...m, conflicts: m.conflicts.map((c) => ({ ...c })) })) };
    },

    chooseBundleFile: () => ctx.dialogs.openFile('bundle'),
    chooseTrustFile: () => ctx.dialogs.openFile('trust'),
    chooseFolder: () => ctx.dialogs.openFolder(),

    async browseFolder({ path, kind }) {
      if (mode !== 'browser') {
        throw new CouncilError('BROWSE_NOT_AVAILABLE', 'Folders are listed only in browser mode; the desktop app chooses files with the system\'s file dialog.');
      }
      return listFolder(path ?? ctx.home ?? homedir(), kind);
    },

    async saveTextFile({ suggestedName, text }) {
      const target = await ctx.dialogs.saveFile(suggestedName);
      if (target === null) return null;
      await writeFileAtomic(target, new TextEncoder().encode(text));
      return target;
    },

    // The trust file and the sync folder are the settings' own: the renderer names no path here.
    describeTrust: async () => trustInfoOf(await readTrustInUse((await security).get().trustFile, ctx.paths.demoTrust)),

    getSecuritySettings: async () => inUse((await security).get()),
    setSecuritySettings: async (request) => inUse(await (await security).change(request)),

    async listInbox() {
      const sync = await features.syncFolder();
      return listInbox(sync, { missingIsEmpty: isDefaultSyncFolder(sync, home) });
    },

    async importBegin({ path }) {
      const { trustFile, requireSignature } = (await security).get();
      const trust = await trustOf(trustFile);
      return imports.begin(path, trust.keys, requireSignature);
    },
    async importDemoBegin() {
      // The demo bundle is the app's own: always the built-in demo trust file, always signed.
      await requireDemoBundle();
      const trust = await trustOf(null);
      return imports.begin(ctx.paths.demoBundle, trust.keys, true);
    },
    importNext: ({ importId }) => imports.next(importId),
    importCancel: ({ importId }) => imports.cancel(importId),
    openProjector: async ({ meetingId }) => ({ opened: await (ctx.windows ?? NO_WINDOWS).openProjector(meetingId) }),

    // Into the sync folder in use, never one the renderer names.
    async exportAuditLog(request) {
      const sync = await features.syncFolder();
      return exportAuditLog(sync, request, { createFolder: isDefaultSyncFolder(sync, home) });
    },
  };
}
