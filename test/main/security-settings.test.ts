/**
 * The security settings the main process keeps in the user-data folder: safe defaults from a
 * missing or broken file, changes written and read back, and a native confirmation (through the
 * dialog port) before any change that lowers a protection.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmRequest, DialogPort } from '../../electron/services/dialog-port';
import { NO_DIALOGS } from '../../electron/services/dialog-port';
import { readSecuritySettings, SECURITY_SETTINGS_FILE, SecuritySettingsStore } from '../../electron/services/security-settings';
import { generateKeyPair } from '../../electron/services/keys';
import { DEFAULT_SECURITY_SETTINGS } from '../../shared/schemas/security-settings';
import { makeTempDir, trustFor } from './fixtures/tiny-bundle';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function userData(): string {
  const t = makeTempDir('council-desk-user-data-');
  cleanups.push(t.remove);
  return t.dir;
}

function quietLog() {
  return { info: vi.fn<(m: string) => void>(), warn: vi.fn<(m: string) => void>() };
}

/** Dialogs that answer confirmations from a queue (declined when empty) and keep what they were asked. */
function confirming(...answers: boolean[]): DialogPort & { asked: ConfirmRequest[] } {
  const asked: ConfirmRequest[] = [];
  return { ...NO_DIALOGS, asked, confirm: async (request) => (asked.push(request), answers.shift() ?? false) };
}

function trustFileIn(dir: string, names: string[]): string {
  const file = join(dir, 'council-trust.json');
  writeFileSync(file, JSON.stringify({ keys: names.map((name) => trustFor(generateKeyPair().publicKeyPem, name)) }));
  return file;
}

const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, SECURITY_SETTINGS_FILE), 'utf8'));

describe('reading the settings file', () => {
  it('gives the safe defaults when there is no file yet, and says so', async () => {
    const log = quietLog();
    expect(await readSecuritySettings(join(userData(), SECURITY_SETTINGS_FILE), log)).toEqual({ requireSignature: true, trustFile: null, syncFolder: null });
    expect(log.info.mock.calls[0]?.[0]).toMatch(/does not exist yet; using the safe defaults/);
  });

  it('gives the safe defaults, never a crash, for a file that is not JSON or not of the schema', async () => {
    const dir = userData();
    const file = join(dir, SECURITY_SETTINGS_FILE);
    for (const [text, said] of [
      ['{"version": 1, "requireSignature": fal', /is not valid JSON/],
      ['{"version": 1, "requireSignature": "no", "trustFile": null, "syncFolder": null}', /is not a valid settings file[\s\S]*requireSignature/],
      ['{"version": 2, "requireSignature": false, "trustFile": null, "syncFolder": null}', /is not a valid settings file[\s\S]*version/],
      ['[]', /is not a valid settings file/],
    ] as const) {
      writeFileSync(file, text);
      const log = quietLog();
      expect(await readSecuritySettings(file, log)).toEqual(DEFAULT_SECURITY_SETTINGS);
      expect(log.warn.mock.calls[0]?.[0]).toMatch(said);
    }
  });

  it('reads a file it wrote back, once, at open', async () => {
    const dir = userData();
    const sync = join(dir, 'sync');
    mkdirSync(sync);
    const store = await SecuritySettingsStore.open(dir, { dialogs: confirming(true), log: quietLog() });
    await store.change({ change: { requireSignature: false, syncFolder: sync } });
    expect(onDisk(dir)).toEqual({ version: 1, requireSignature: false, trustFile: null, syncFolder: sync });
    const again = await SecuritySettingsStore.open(dir, { dialogs: NO_DIALOGS, log: quietLog() });
    expect(again.get()).toEqual({ requireSignature: false, trustFile: null, syncFolder: sync });
    // Kept in memory: a file changed behind the app's back is not read again.
    writeFileSync(join(dir, SECURITY_SETTINGS_FILE), '{}');
    expect(again.get().requireSignature).toBe(false);
  });
});

describe('changing the settings', () => {
  it('asks before turning signature checks off; declined, nothing changes and the refusal has its own code', async () => {
    const dir = userData();
    const dialogs = confirming(false);
    const log = quietLog();
    const store = await SecuritySettingsStore.open(dir, { dialogs, log });
    await expect(store.change({ change: { requireSignature: false }, language: 'en' })).rejects.toMatchObject({ code: 'CONFIRMATION_DECLINED' });
    expect(store.get().requireSignature).toBe(true);
    expect(() => onDisk(dir)).toThrow(); // nothing was written
    expect(dialogs.asked).toEqual([
      {
        title: 'Change a security setting',
        message: 'This change lowers a protection. Change it?',
        detail: 'Require signed bundles is turned off: bundles not signed by a trusted key will be imported.',
        confirmLabel: 'Turn off',
      },
    ]);
    expect(log.warn.mock.calls.at(-1)?.[0]).toContain('declined: requireSignature true -> false');
  });

  it('turns signature checks off once confirmed, and back on without asking', async () => {
    const dir = userData();
    const dialogs = confirming(true);
    const log = quietLog();
    const store = await SecuritySettingsStore.open(dir, { dialogs, log });
    expect(await store.change({ change: { requireSignature: false }, language: 'ko' })).toMatchObject({ requireSignature: false });
    expect(dialogs.asked[0]).toMatchObject({ title: '보안 설정 바꾸기', confirmLabel: '끄기' });
    expect(dialogs.asked[0]?.detail).toContain('신뢰하는 키로 서명되지 않은 사건 묶음도 불러오게 됩니다');
    expect(log.info.mock.calls.at(-1)?.[0]).toContain('confirmed: requireSignature true -> false');
    expect(onDisk(dir).requireSignature).toBe(false);

    expect(await store.change({ change: { requireSignature: true } })).toMatchObject({ requireSignature: true });
    expect(dialogs.asked).toHaveLength(1);
    expect(onDisk(dir).requireSignature).toBe(true);
    expect(log.info.mock.calls.at(-1)?.[0]).toContain('changed: requireSignature false -> true');
  });

  it('names the trust file and the keys it trusts, in Korean and English when no language is given', async () => {
    const dir = userData();
    const trust = trustFileIn(dir, ['사무국 발행 키', 'Second issuer']);
    const dialogs = confirming(true, true);
    const store = await SecuritySettingsStore.open(dir, { dialogs, log: quietLog() });
    expect(await store.change({ change: { trustFile: trust } })).toMatchObject({ trustFile: trust });
    const asked = dialogs.asked[0]!;
    expect(asked.title).toBe('보안 설정 바꾸기 / Change a security setting');
    expect(asked.confirmLabel).toBe('바꾸기 / Change');
    expect(asked.detail).toContain(`사건 묶음의 서명을 이 신뢰 파일로 확인합니다: ${trust}\n이 파일이 신뢰하는 키 2개: 사무국 발행 키, Second issuer`);
    expect(asked.detail).toContain(`Bundles will be checked against this trust file: ${trust}\nIt trusts 2 keys: 사무국 발행 키, Second issuer`);

    // Going back to the built-in demo trust file asks too: anyone can sign with the demo key.
    expect(await store.change({ change: { trustFile: null }, language: 'en' })).toMatchObject({ trustFile: null });
    expect(dialogs.asked[1]?.detail).toContain('The built-in demo trust file will be used again');
    expect(onDisk(dir).trustFile).toBeNull();
  });

  it('refuses a trust file that is not one before asking anything, and a relative path', async () => {
    const dir = userData();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"keys": [{"keyid": "00"}]}');
    const dialogs = confirming(true);
    const store = await SecuritySettingsStore.open(dir, { dialogs, log: quietLog() });
    await expect(store.change({ change: { trustFile: broken } })).rejects.toMatchObject({ code: 'TRUST_FILE_INVALID' });
    await expect(store.change({ change: { trustFile: join(dir, 'none.json') } })).rejects.toMatchObject({ code: 'TRUST_FILE_INVALID' });
    await expect(store.change({ change: { trustFile: 'council-trust.json' } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(dialogs.asked).toEqual([]);
    expect(store.get()).toEqual(DEFAULT_SECURITY_SETTINGS);
  });

  it('sets and clears the sync folder without asking, but only to a folder that exists', async () => {
    const dir = userData();
    const dialogs = confirming();
    const store = await SecuritySettingsStore.open(dir, { dialogs, log: quietLog() });
    await expect(store.change({ change: { syncFolder: join(dir, 'nowhere') } })).rejects.toMatchObject({ code: 'SYNC_FOLDER_MISSING' });
    expect(await store.change({ change: { syncFolder: dir } })).toMatchObject({ syncFolder: dir });
    expect(await store.change({ change: { syncFolder: null } })).toMatchObject({ syncFolder: null });
    expect(dialogs.asked).toEqual([]);
  });

  it('asks nothing and writes nothing for a change to what is already in force', async () => {
    const dir = userData();
    const dialogs = confirming();
    const store = await SecuritySettingsStore.open(dir, { dialogs, log: quietLog() });
    expect(await store.change({ change: { requireSignature: true, trustFile: null } })).toEqual(DEFAULT_SECURITY_SETTINGS);
    expect(dialogs.asked).toEqual([]);
    expect(() => onDisk(dir)).toThrow();
  });

  it('keeps the settings in force when the file cannot be written', async () => {
    const dir = userData();
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the user-data folder should be');
    const store = await SecuritySettingsStore.open(blocked, { dialogs: confirming(true), log: quietLog() });
    await expect(store.change({ change: { requireSignature: false } })).rejects.toMatchObject({ code: 'SETTINGS_WRITE_FAILED' });
    expect(store.get().requireSignature).toBe(true);
  });
});
