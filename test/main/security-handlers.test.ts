/**
 * The API's side of the security settings: imports are checked as the main process's own
 * settings say, a caller cannot hand importBegin a policy of its own, nor name describeTrust a
 * trust file or listInbox a folder (both follow the settings held: the sync folder chosen, else
 * the default one), and changing the settings goes through the confirmation.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { appPathsFrom } from '../../electron/services/app-paths';
import { writeBundleFile } from '../../electron/services/bundle-zip-writer';
import type { ConfirmRequest } from '../../electron/services/dialog-port';
import { NO_DIALOGS } from '../../electron/services/dialog-port';
import { defaultSyncFolder } from '../../electron/services/feature-context';
import { generateKeyPair } from '../../electron/services/keys';
import type { ImportBeginResult } from '../../shared/bundle-import';
import { makeTempDir, tinyBundleContent, trustFor } from './fixtures/tiny-bundle';

const root = join(__dirname, '..', '..');
const temp = makeTempDir('council-desk-security-handlers-');
afterAll(temp.remove);

let counter = 0;
/** The API of a device with its own user-data folder and its own home (never the real one), not made yet. */
function handlers(...answers: boolean[]) {
  counter += 1;
  const asked: ConfirmRequest[] = [];
  const dialogs = { ...NO_DIALOGS, confirm: async (r: ConfirmRequest) => (asked.push(r), answers.shift() ?? false) };
  const paths = appPathsFrom(root, join(temp.dir, `user-data-${counter}`));
  const home = join(temp.dir, `home-${counter}`);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return { api: createApiHandlers({ appVersion: '0.1.0-test', platform: 'linux', paths, dialogs, home }), asked, home };
}

const problemCodes = (begun: ImportBeginResult) => (begun.started ? [] : begun.report.errors.map((p) => p.code));

describe('importBegin under the main process\'s settings', () => {
  it('refuses an unsigned bundle while signatures are required, and imports it once the user turned that off', async () => {
    const unsigned = join(temp.dir, 'unsigned.cdbundle');
    await writeBundleFile(unsigned, tinyBundleContent());
    const { api, asked, home } = handlers(true);
    expect(await api.getSecuritySettings(undefined)).toEqual({ requireSignature: true, trustFile: null, syncFolder: null, syncFolderInUse: defaultSyncFolder(home) });
    const refused = await api.importBegin({ path: unsigned });
    expect(refused.started).toBe(false);
    expect(problemCodes(refused)).toContain('UNSIGNED_REFUSED');

    expect(await api.setSecuritySettings({ change: { requireSignature: false } })).toMatchObject({ requireSignature: false });
    expect(asked).toHaveLength(1);
    const begun = await api.importBegin({ path: unsigned });
    expect(begun).toMatchObject({ started: true, summary: { signature: { state: 'unsigned' } } });
    if (begun.started) await api.importCancel({ importId: begun.importId });
  });

  it('checks signatures against the trust file chosen in the main process', async () => {
    const key = generateKeyPair();
    const signed = join(temp.dir, 'council-signed.cdbundle');
    await writeBundleFile(signed, tinyBundleContent(), { privateKeyPem: key.privateKeyPem });
    const trustFile = join(temp.dir, 'council-trust.json');
    writeFileSync(trustFile, JSON.stringify({ keys: [trustFor(key.publicKeyPem, '사무국 발행 키')] }));
    const { api } = handlers(true);

    // The built-in demo trust file does not know the key.
    expect(problemCodes(await api.importBegin({ path: signed }))).toContain('UNTRUSTED_SIGNER_REFUSED');
    await api.setSecuritySettings({ change: { trustFile }, language: 'ko' });
    expect(await api.describeTrust(undefined)).toMatchObject({ path: trustFile, builtIn: false, keys: [{ name: '사무국 발행 키' }] });
    const begun = await api.importBegin({ path: signed });
    expect(begun).toMatchObject({ started: true, summary: { signature: { state: 'trusted', name: '사무국 발행 키' } } });
    if (begun.started) await api.importCancel({ importId: begun.importId });
  });

  it('leaves the settings as they were when the confirmation is declined', async () => {
    const { api, asked } = handlers(false);
    await expect(api.setSecuritySettings({ change: { requireSignature: false }, language: 'en' })).rejects.toMatchObject({ code: 'CONFIRMATION_DECLINED' });
    expect(asked[0]?.detail).toContain('bundles not signed by a trusted key will be imported');
    expect((await api.getSecuritySettings(undefined)).requireSignature).toBe(true);
  });
});

describe('the argument schemas, as ipc.ts runs them', () => {
  it('refuse an importBegin that brings its own signature policy or trust file', async () => {
    const { api } = handlers();
    for (const arg of [
      { path: '/inbox/batch8.cdbundle', requireSignature: false },
      { path: '/inbox/batch8.cdbundle', trustFile: '/tmp/evil-trust.json' },
      { path: '/inbox/batch8.cdbundle', trustFile: null, requireSignature: false },
    ]) {
      const reply = await dispatchApiCall(api, 'importBegin', arg);
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
      expect(!reply.ok && reply.error.message).toMatch(/importBegin/);
    }
    expect((await api.getSecuritySettings(undefined)).requireSignature).toBe(true);
  });

  it('refuse a settings change with an unknown key, nothing to change, or an argument for the demo import', async () => {
    const { api, asked } = handlers(true);
    for (const [method, arg] of [
      ['setSecuritySettings', { change: { requireSignature: false, allowUnsigned: true } }],
      ['setSecuritySettings', { change: {} }],
      ['setSecuritySettings', { change: { requireSignature: 'no' } }],
      ['setSecuritySettings', { requireSignature: false }],
      ['setSecuritySettings', { change: { trustFile: null }, language: 'fr' }],
      ['importDemoBegin', { path: '/tmp/other.cdbundle' }],
    ] as const) {
      expect(await dispatchApiCall(api, method, arg)).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    }
    expect(asked).toEqual([]);
  });
});

describe('describeTrust and listInbox follow the main process\'s settings, not the caller', () => {
  it('refuse any argument: a trust file to read, a folder to list', async () => {
    const { api } = handlers();
    for (const [method, arg] of [
      ['describeTrust', { trustFile: '/etc/passwd' }],
      ['describeTrust', { trustFile: null }],
      ['describeTrust', {}],
      ['describeTrust', '/etc/passwd'],
      ['listInbox', { syncFolder: '/home/secretary' }],
      ['listInbox', {}],
      ['listInbox', '/home/secretary'],
    ] as const) {
      const reply = await dispatchApiCall(api, method, arg);
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
      expect(!reply.ok && reply.error.message).toContain(method);
    }
  });

  it('describe the trust file in use: the built-in one, the confirmed new one, and not a declined one', async () => {
    const key = generateKeyPair();
    const trustFile = join(temp.dir, 'followed-trust.json');
    writeFileSync(trustFile, JSON.stringify({ keys: [trustFor(key.publicKeyPem, '사무국 발행 키')] }));
    const other = join(temp.dir, 'declined-trust.json');
    writeFileSync(other, JSON.stringify({ keys: [trustFor(generateKeyPair().publicKeyPem, '다른 키')] }));
    const { api, asked } = handlers(true, false);

    const builtIn = await dispatchApiCall(api, 'describeTrust', undefined);
    expect(builtIn).toMatchObject({ ok: true, value: { path: join(root, 'build', 'demo', 'demo-trust.json'), builtIn: true } });
    await api.setSecuritySettings({ change: { trustFile } });
    expect(await dispatchApiCall(api, 'describeTrust', undefined)).toMatchObject({
      ok: true,
      value: { path: trustFile, builtIn: false, keys: [{ keyid: key.keyid, name: '사무국 발행 키', roles: ['bundle-issuer'] }] },
    });
    await expect(api.setSecuritySettings({ change: { trustFile: other } })).rejects.toMatchObject({ code: 'CONFIRMATION_DECLINED' });
    expect(asked).toHaveLength(2);
    expect(await dispatchApiCall(api, 'describeTrust', undefined)).toMatchObject({ ok: true, value: { path: trustFile } });
  });

  it('list the inbox of the sync folder in use: the chosen one, else the default one', async () => {
    const sync = join(temp.dir, 'sync-followed');
    mkdirSync(join(sync, 'inbox'), { recursive: true });
    await writeBundleFile(join(sync, 'inbox', 'batch1.cdbundle'), tinyBundleContent());
    writeFileSync(join(sync, 'batch-outside-inbox.cdbundle'), '');
    const { api, home } = handlers();
    const defaultSync = defaultSyncFolder(home);

    // None chosen, and the default folder not made yet: an empty inbox, and nothing made by looking.
    expect(await dispatchApiCall(api, 'listInbox', undefined)).toEqual({ ok: true, value: [] });
    expect(existsSync(defaultSync)).toBe(false);
    await expect(api.setSecuritySettings({ change: { syncFolder: sync } })).resolves.toMatchObject({ syncFolder: sync, syncFolderInUse: sync });
    const listed = await dispatchApiCall(api, 'listInbox', undefined);
    expect(listed).toMatchObject({
      ok: true,
      value: [{ path: join(sync, 'inbox', 'batch1.cdbundle'), fileName: 'batch1.cdbundle', bundleId: '1015-2023-T01' }],
    });
    expect(listed.ok && listed.value).toHaveLength(1);

    // Cleared: the default folder's inbox again, listed once it is there.
    await expect(api.setSecuritySettings({ change: { syncFolder: null } })).resolves.toMatchObject({ syncFolder: null, syncFolderInUse: defaultSync });
    expect(await dispatchApiCall(api, 'listInbox', undefined)).toEqual({ ok: true, value: [] });
    mkdirSync(join(defaultSync, 'inbox'), { recursive: true });
    await writeBundleFile(join(defaultSync, 'inbox', 'batch2.cdbundle'), tinyBundleContent());
    expect(await dispatchApiCall(api, 'listInbox', undefined)).toMatchObject({ ok: true, value: [{ path: join(defaultSync, 'inbox', 'batch2.cdbundle'), fileName: 'batch2.cdbundle' }] });
  });

  it('say SYNC_FOLDER_MISSING, and make nothing, when the chosen sync folder is gone', async () => {
    const stick = join(temp.dir, 'usb-stick-sync');
    mkdirSync(stick);
    const { api } = handlers();
    await api.setSecuritySettings({ change: { syncFolder: stick } });
    rmSync(stick, { recursive: true });
    expect(await dispatchApiCall(api, 'listInbox', undefined)).toMatchObject({ ok: false, error: { code: 'SYNC_FOLDER_MISSING', message: expect.stringContaining(stick) } });
    expect(existsSync(stick)).toBe(false);
  });
});
