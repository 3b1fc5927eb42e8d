/** A stand-in for the preload bridge: answers like the main process does, with Results. */
import { vi } from 'vitest';
import type { AppInfo, ApiBridge, BackupFileInfo, DemoCouncil, SecuritySettings, SecuritySettingsInUse, TrustInfo, WitnessEntry } from '../../../shared/api';
import type { InboxEntry } from '../../../shared/bundle-import';
import { fail, ok, type ErrorCode, type Result } from '../../../shared/result';
import { DEFAULT_SECURITY_SETTINGS } from '../../../shared/schemas/security-settings';

export const APP_INFO: AppInfo = { name: 'Council Desk', version: '0.1.0-test', platform: 'linux', demoAvailable: true, mode: 'electron' };

export const DEMO_TRUST: TrustInfo = {
  path: '/app/demo/trust.json',
  builtIn: true,
  keys: [{ keyid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', name: '카카오 1015 소상공인 지원센터', roles: ['bundle-issuer'] }],
};

type Fn<M extends keyof ApiBridge> = ApiBridge[M];

/** The fake main process's default sync folder (`<home>/Council Desk/sync`), in use while none is chosen. */
export const FAKE_DEFAULT_SYNC = '/home/secretary/Council Desk/sync';

/** The settings as the fake main process answers them: with the sync folder in use. */
export function inUse(settings: SecuritySettings): SecuritySettingsInUse {
  return { ...settings, syncFolderInUse: settings.syncFolder ?? FAKE_DEFAULT_SYNC };
}

/**
 * Every call of the bridge as a vi.fn, with harmless answers; a test overrides what it needs. The
 * security settings are the main process's: `security` is where they start, setSecuritySettings
 * applies a change as a main process whose user confirms every dialog (a test makes it decline),
 * and describeTrust and listInbox answer for the trust file and sync folder in use at the time
 * (with none chosen, FAKE_DEFAULT_SYNC, whose inbox is empty until a test fills it).
 */
export function fakeBridge(demo: DemoCouncil | Result<DemoCouncil>, appInfo: AppInfo = APP_INFO, security: Partial<SecuritySettings> = {}) {
  const reply = 'ok' in demo ? demo : ok(demo);
  let settings: SecuritySettings = { ...DEFAULT_SECURITY_SETTINGS, ...security };
  const inboxes = new Map<string, InboxEntry[]>();
  // ---- witness ----
  const witnessed: WitnessEntry[] = [];
  // ---- backup ----
  const backup = { passphraseSet: false, passphraseRemembered: false, backups: [] as BackupFileInfo[], running: null as { id: string; kind: BackupFileInfo['kind']; bytes: number } | null };
  const backupFolder = () => `${inUse(settings).syncFolderInUse}/backup`;
  const backupStatus = () => ok({ passphraseSet: backup.passphraseSet, passphraseRemembered: backup.passphraseRemembered, folder: backupFolder(), backups: backup.backups.map((b) => ({ ...b })) });
  const bridge = {
    getAppInfo: vi.fn<Fn<'getAppInfo'>>(async () => ok(appInfo)),
    loadDemoCouncil: vi.fn<Fn<'loadDemoCouncil'>>(async () => reply),
    chooseBundleFile: vi.fn<Fn<'chooseBundleFile'>>(async () => ok(null)),
    chooseTrustFile: vi.fn<Fn<'chooseTrustFile'>>(async () => ok(null)),
    chooseFolder: vi.fn<Fn<'chooseFolder'>>(async () => ok(null)),
    browseFolder: vi.fn<Fn<'browseFolder'>>(async () => fail('BROWSE_NOT_AVAILABLE', 'Folders are listed only in browser mode.')),
    saveTextFile: vi.fn<Fn<'saveTextFile'>>(async ({ suggestedName }) => ok(`/home/secretary/${suggestedName}`)),
    // Like main, describeTrust and listInbox take no argument and answer from the settings held.
    describeTrust: vi.fn<Fn<'describeTrust'>>(async () =>
      settings.trustFile === null ? ok(DEMO_TRUST) : fail('TRUST_FILE_INVALID', `${settings.trustFile} is not a trust file.`),
    ),
    getSecuritySettings: vi.fn<Fn<'getSecuritySettings'>>(async () => ok(inUse(settings))),
    setSecuritySettings: vi.fn<Fn<'setSecuritySettings'>>(async ({ change }) => {
      settings = { ...settings, ...change };
      return ok(inUse(settings));
    }),
    listInbox: vi.fn<Fn<'listInbox'>>(async () => ok(inboxes.get(inUse(settings).syncFolderInUse) ?? [])),
    importBegin: vi.fn<Fn<'importBegin'>>(async ({ path }) => fail('BUNDLE_READ_FAILED', `${path} could not be read.`)),
    importDemoBegin: vi.fn<Fn<'importDemoBegin'>>(async () => fail('BUNDLE_READ_FAILED', 'The demo bundle could not be read.')),
    importNext: vi.fn<Fn<'importNext'>>(async () => fail('IMPORT_UNKNOWN', 'This import has ended or was cancelled.')),
    importCancel: vi.fn<Fn<'importCancel'>>(async () => ok(undefined)),
    // As in browser mode: no second window; the renderer opens the projector route itself.
    openProjector: vi.fn<Fn<'openProjector'>>(async () => ok({ opened: false })),
    // Like main, into the sync folder in use, and without checking the chain (a test makes it refuse).
    exportAuditLog: vi.fn<Fn<'exportAuditLog'>>(async ({ name, lines }) => {
      const entries = lines.split('\n').filter((l) => l !== '');
      const head = entries.length > 0 ? (JSON.parse(entries.at(-1)!) as { hash: string }).hash : '';
      return ok({ path: `${inUse(settings).syncFolderInUse}/audit-${name}.ndjson`, entries: entries.length, head, existed: false });
    }),
    // A device with no keys yet and no system secret store; a test that changes keys gives its own answers.
    getDeviceKeys: vi.fn<Fn<'getDeviceKeys'>>(async () => ok({ protection: 'passphrase', passphraseSet: false, unlocked: false, chair: null, secretary: null })),
    // The decisions and trust calls: a test that uses one gives its own answer.
    createDeviceKey: vi.fn<Fn<'createDeviceKey'>>(async () => notFaked('createDeviceKey')),
    importDeviceKey: vi.fn<Fn<'importDeviceKey'>>(async () => notFaked('importDeviceKey')),
    unlockDeviceKeys: vi.fn<Fn<'unlockDeviceKeys'>>(async () => notFaked('unlockDeviceKeys')),
    // A notary that signed nothing yet and an outbox with nothing queued (support/fake-notary.ts signs).
    getDecisionLedger: vi.fn<Fn<'getDecisionLedger'>>(async ({ meetingId }) => ok({ meetingId, lastSequence: 0, lastPayloadSha256: null, files: [] })),
    exportDecisions: vi.fn<Fn<'exportDecisions'>>(async () => notFaked('exportDecisions')),
    // The default sync folder is made only when something is written into it: not yet here.
    getOutboxStatus: vi.fn<Fn<'getOutboxStatus'>>(async () => ok({ syncFolder: inUse(settings).syncFolderInUse, available: settings.syncFolder !== null, queued: [], lastError: null })),
    retryOutbox: vi.fn<Fn<'retryOutbox'>>(async () => ok({ syncFolder: inUse(settings).syncFolderInUse, available: settings.syncFolder !== null, queued: [], lastError: null })),
    // Like listInbox: the inbox of the sync folder in use, empty here (a test gives its own files);
    // "Open decision file…" as a dialog the user cancels.
    listInboxDecisions: vi.fn<Fn<'listInboxDecisions'>>(async () => ok([])),
    openDecisionFile: vi.fn<Fn<'openDecisionFile'>>(async () => ok(null)),
    addTrustedKey: vi.fn<Fn<'addTrustedKey'>>(async () => notFaked('addTrustedKey')),
    removeTrustedKey: vi.fn<Fn<'removeTrustedKey'>>(async () => notFaked('removeTrustedKey')),
    trustDeviceKeys: vi.fn<Fn<'trustDeviceKeys'>>(async () => notFaked('trustDeviceKeys')),
    exportTrustFile: vi.fn<Fn<'exportTrustFile'>>(async () => notFaked('exportTrustFile')),
    exportMinutes: vi.fn<Fn<'exportMinutes'>>(async () => notFaked('exportMinutes')),
    getMinutesProgress: vi.fn<Fn<'getMinutesProgress'>>(async () => notFaked('getMinutesProgress')),
    previewMinutes: vi.fn<Fn<'previewMinutes'>>(async () => notFaked('previewMinutes')),
    // ---- witness ----
    // Like main's witness file, in memory: entries above the last appended, a repeat with the same hash ignored, another refused.
    witnessAudit: vi.fn<Fn<'witnessAudit'>>(async ({ entries }) => {
      const at = new Date().toISOString();
      for (const { sequence, hash } of entries) {
        const last = witnessed.at(-1);
        if (last === undefined || sequence > last.sequence) witnessed.push({ sequence, hash, at });
        else {
          const held = witnessed.find((w) => w.sequence === sequence);
          if (held && held.hash !== hash) return fail('WITNESS_CONFLICT', `Audit entry ${sequence} was witnessed at ${held.at} with another hash.`);
        }
      }
      const last = witnessed.at(-1);
      return ok(last ? { sequence: last.sequence, hash: last.hash } : null);
    }),
    getWitness: vi.fn<Fn<'getWitness'>>(async () => ok({ entries: witnessed.map((w) => ({ ...w })), tornTail: false, skippedLines: [] })),
    // ---- backup ----
    // Like main: a passphrase held for this run (remembered when asked), one backup at a time whose
    // pieces are counted, finished into the list (newest first); restore as a dialog the user cancels
    // (a test gives its own restoreOpen and restoreNext answers).
    getBackupStatus: vi.fn<Fn<'getBackupStatus'>>(async () => backupStatus()),
    setBackupPassphrase: vi.fn<Fn<'setBackupPassphrase'>>(async ({ remember }) => {
      Object.assign(backup, { passphraseSet: true, passphraseRemembered: remember === true });
      return backupStatus();
    }),
    forgetBackupPassphrase: vi.fn<Fn<'forgetBackupPassphrase'>>(async () => {
      Object.assign(backup, { passphraseSet: false, passphraseRemembered: false });
      return backupStatus();
    }),
    backupBegin: vi.fn<Fn<'backupBegin'>>(async ({ kind }) => {
      if (!backup.passphraseSet) return fail('BACKUP_PASSPHRASE_NOT_SET', 'No backup passphrase is set.');
      if (backup.running) return fail('BACKUP_RUNNING', 'Another backup is being written.');
      backup.running = { id: `00000000-0000-4000-8000-${String(backup.backups.length + 1).padStart(12, '0')}`, kind, bytes: 0 };
      return ok({ backupId: backup.running.id });
    }),
    backupAppend: vi.fn<Fn<'backupAppend'>>(async ({ backupId, bytes }) => {
      if (backup.running?.id !== backupId) return fail('BACKUP_UNKNOWN', 'This backup has ended or was cancelled.');
      backup.running.bytes += bytes.byteLength;
      return ok({ bytesWritten: backup.running.bytes });
    }),
    backupFinish: vi.fn<Fn<'backupFinish'>>(async ({ backupId }) => {
      const running = backup.running;
      if (running?.id !== backupId) return fail('BACKUP_UNKNOWN', 'This backup has ended or was cancelled.');
      backup.running = null;
      const createdAt = new Date().toISOString();
      const name = `council-desk-backup-${createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${running.kind}.cdbackup`;
      const info: BackupFileInfo = { name, path: `${backupFolder()}/${name}`, kind: running.kind, createdAt, bytes: running.bytes };
      backup.backups.unshift(info);
      return ok({ name, paths: [info.path], bytes: running.bytes, sha256: '0'.repeat(64), removed: [] });
    }),
    backupCancel: vi.fn<Fn<'backupCancel'>>(async () => {
      backup.running = null;
      return ok(undefined);
    }),
    restoreOpen: vi.fn<Fn<'restoreOpen'>>(async () => ok(null)),
    restoreNext: vi.fn<Fn<'restoreNext'>>(async () => fail('BACKUP_UNKNOWN', 'No backup is open to restore.')),
    restoreFinish: vi.fn<Fn<'restoreFinish'>>(async () => fail('BACKUP_UNKNOWN', 'No backup is open to restore.')),
    restoreClose: vi.fn<Fn<'restoreClose'>>(async () => ok(undefined)),
    pathForFile: vi.fn<Fn<'pathForFile'>>(() => ''),
  } satisfies ApiBridge;
  window.councilDesk = bridge;
  return Object.assign(bridge, {
    /** What the fake main process holds now, read without a call (for a test's own answers). */
    held: (): SecuritySettings => ({ ...settings }),
    /** Changes what the fake main process holds without a call, as main's own trust edits switch the trust file. */
    hold(change: Partial<SecuritySettings>) {
      settings = { ...settings, ...change };
    },
    /** Puts `entries` in the fake main process's `<syncFolder>/inbox`, listed while that is the sync folder in use. */
    setInbox(syncFolder: string, entries: InboxEntry[]) {
      inboxes.set(syncFolder, entries);
    },
    // ---- witness ----
    /** What the fake main process's witness file holds now. */
    witnessed: (): WitnessEntry[] => witnessed.map((w) => ({ ...w })),
    // ---- backup ----
    /** The backups the fake main process lists now, newest first. */
    backups: (): BackupFileInfo[] => backup.backups.map((b) => ({ ...b })),
  });
}

export type FakeBridge = ReturnType<typeof fakeBridge>;

export function failingBridge(code: ErrorCode, message: string) {
  return fakeBridge(fail(code, message));
}

/** The answer of a call a test did not fake: a failure that names it. */
function notFaked(method: string) {
  return fail('INTERNAL', `${method} is not faked in this test`);
}
