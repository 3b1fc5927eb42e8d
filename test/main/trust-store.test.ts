/**
 * Settings → Trust in the main process: every edit goes to the app's own trust file (never the
 * one the user chose, nor the built-in one), the result is a trust file parseTrustFile accepts,
 * a new key is trusted only once the user confirmed the native dialog, and the export is the
 * trust file in use as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceKey, DeviceKeyRole } from '../../shared/api';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { appPathsFrom } from '../../electron/services/app-paths';
import type { ConfirmRequest, DialogPort } from '../../electron/services/dialog-port';
import { NO_DIALOGS } from '../../electron/services/dialog-port';
import type { DeviceKeyAccess, FeatureContext } from '../../electron/services/feature-context';
import { generateKeyPair, type KeyPair } from '../../electron/services/keys';
import { SecuritySettingsStore } from '../../electron/services/security-settings';
import { parseTrustFile } from '../../electron/services/trust-file';
import { OWN_TRUST_FILE } from '../../electron/services/trust-store/trust-store';
import { createTrustHandlers } from '../../electron/services/trust-store/trust-store-handlers';
import { makeTempDir, trustFor } from './fixtures/tiny-bundle';

const root = join(__dirname, '..', '..');
const cleanups: (() => void)[] = [];
beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.restoreAllMocks();
});

/** A stand-in for the keystore: the keys it is given, public halves only. */
function deviceKeys(pairs: Partial<Record<DeviceKeyRole, KeyPair>>): DeviceKeyAccess {
  return {
    publicKey: async (role): Promise<DeviceKey | null> => {
      const pair = pairs[role];
      return pair ? { role, keyid: pair.keyid, publicKeyPem: pair.publicKeyPem, createdAt: '2025-03-01T09:00:00.000Z', imported: false } : null;
    },
    signer: async () => {
      throw new Error('not used');
    },
  };
}

interface Setup {
  /** The confirmations answered so far (from `answers`, declined when they run out). */
  asked: ConfirmRequest[];
  answers: boolean[];
  saveTo: string | null;
}

/** A user-data folder, a built-in trust file of one demo key, a user-chosen trust file of two keys. */
async function setup(keys: DeviceKeyAccess = deviceKeys({})) {
  const temp = makeTempDir('council-desk-trust-store-');
  cleanups.push(temp.remove);
  const state: Setup = { asked: [], answers: [], saveTo: null };
  const dialogs: DialogPort = {
    ...NO_DIALOGS,
    confirm: async (request) => (state.asked.push(request), state.answers.shift() ?? false),
    saveFile: async () => state.saveTo,
  };
  const userDataDir = join(temp.dir, 'user-data');
  mkdirSync(userDataDir);
  const builtIn = join(temp.dir, 'demo-trust.json');
  writeFileSync(builtIn, JSON.stringify({ keys: [trustFor(generateKeyPair().publicKeyPem, '데모 사무국')] }));
  const chosen = join(temp.dir, 'council-trust.json');
  const chosenKeys = [trustFor(generateKeyPair().publicKeyPem, '사무국 발행 키'), trustFor(generateKeyPair().publicKeyPem, '정한결', ['chair', 'member'])];
  writeFileSync(chosen, JSON.stringify({ keys: chosenKeys }));
  const paths = { ...appPathsFrom(root, userDataDir), demoTrust: builtIn };
  const security = SecuritySettingsStore.open(userDataDir, { dialogs, log: { info: () => undefined, warn: () => undefined } });
  const ctx: FeatureContext = {
    paths,
    dialogs,
    mode: 'electron',
    home: temp.dir,
    security,
    keys,
    trustedKeys: async () => [],
    syncFolder: async () => join(temp.dir, 'sync'),
  };
  const own = join(userDataDir, OWN_TRUST_FILE);
  /** The user chooses the council's trust file in Settings (confirmed). */
  const chooseCouncilTrust = async () => {
    state.answers.push(true);
    await (await security).change({ change: { trustFile: chosen } });
    state.asked.length = 0;
  };
  const trustFileInUse = async () => (await security).get().trustFile;
  return { asked: state.asked, state, temp: temp.dir, api: createTrustHandlers(ctx), security, paths, builtIn, chosen, chosenKeys, own, chooseCouncilTrust, trustFileInUse };
}

const keysOf = (file: string) => parseTrustFile(readFileSync(file, 'utf8'), file).keys;

describe('adding a key', () => {
  it('writes the app\'s own trust file with the chosen file\'s keys and the new one, and never touches the chosen file', async () => {
    const s = await setup();
    await s.chooseCouncilTrust();
    const chosenBefore = readFileSync(s.chosen);
    const key = generateKeyPair();
    s.state.answers.push(true);

    const info = await s.api.addTrustedKey({ name: '  결제 담당 검증 키 ', roles: ['chair'], publicKeyPem: key.publicKeyPem, language: 'ko' });

    expect(readFileSync(s.chosen)).toEqual(chosenBefore);
    const written = keysOf(s.own);
    expect(written.map((k) => k.keyid)).toEqual([...s.chosenKeys.map((k) => k.keyid), key.keyid]);
    expect(written[2]).toEqual({ keyid: key.keyid, name: '결제 담당 검증 키', roles: ['chair'], publicKeyPem: key.publicKeyPem });
    expect(await s.trustFileInUse()).toBe(s.own);
    // The switch is written, not only held: the next start uses the own file too.
    expect((await SecuritySettingsStore.open(s.paths.userDataDir, { dialogs: NO_DIALOGS, log: { info: () => undefined, warn: () => undefined } })).get().trustFile).toBe(s.own);
    expect(info).toEqual({ path: s.own, builtIn: false, keys: written.map(({ keyid, name, roles }) => ({ keyid, name, roles })) });
    // describeTrust, as the renderer asks it afterwards, says the same.
    const api = createApiHandlers({ appVersion: 't', platform: 'linux', paths: s.paths, dialogs: NO_DIALOGS, security: s.security });
    expect(await api.describeTrust(undefined)).toEqual(info);

    expect(s.asked).toHaveLength(1);
    expect(s.asked[0]!.detail).toContain('이름: 결제 담당 검증 키');
    expect(s.asked[0]!.detail).toContain('역할: 위원장');
    expect(s.asked[0]!.detail).toContain(`키 ID: ${key.keyid}`);
    expect(s.asked[0]!.confirmLabel).toBe('신뢰하기');
  });

  it('changes nothing when the confirmation is declined', async () => {
    const s = await setup();
    await s.chooseCouncilTrust();
    const chosenBefore = readFileSync(s.chosen);
    s.state.answers.push(false);
    await expect(s.api.addTrustedKey({ name: 'Payment desk', roles: ['chair'], publicKeyPem: generateKeyPair().publicKeyPem, language: 'en' })).rejects.toMatchObject({
      code: 'CONFIRMATION_DECLINED',
    });
    expect(s.asked.map((r) => r.title)).toEqual(['Trust a key']);
    expect(s.asked[0]!.detail).toContain('Name: Payment desk\nRoles: Chair\nKey ID: ');
    expect(existsSync(s.own)).toBe(false);
    expect(readFileSync(s.chosen)).toEqual(chosenBefore);
    expect(await s.trustFileInUse()).toBe(s.chosen);
  });

  it('starts the own file from the built-in demo trust file without its demo key, and says so', async () => {
    const s = await setup();
    const builtInBefore = readFileSync(s.builtIn);
    const key = generateKeyPair();
    s.state.answers.push(true);
    await s.api.addTrustedKey({ name: '사무국 발행 키', roles: ['bundle-issuer'], publicKeyPem: key.publicKeyPem });
    expect(readFileSync(s.builtIn)).toEqual(builtInBefore);
    expect(keysOf(s.own).map((k) => k.keyid)).toEqual([key.keyid]);
    expect(await s.trustFileInUse()).toBe(s.own);
    // No language given: Korean, then English.
    expect(s.asked[0]!.detail).toContain('데모 키는 옮기지 않습니다');
    expect(s.asked[0]!.detail).toContain('The demo key of the built-in demo trust file is not carried over.');
  });

  it('rewrites its own file on the next edit, and keeps both of two adds made at once', async () => {
    const s = await setup();
    await s.chooseCouncilTrust();
    const [a, b] = [generateKeyPair(), generateKeyPair()];
    s.state.answers.push(true, true);
    await Promise.all([
      s.api.addTrustedKey({ name: 'A', roles: ['member'], publicKeyPem: a.publicKeyPem }),
      s.api.addTrustedKey({ name: 'B', roles: ['member', 'secretary', 'member'], publicKeyPem: b.publicKeyPem }),
    ]);
    const written = keysOf(s.own);
    expect(written.slice(2).map((k) => [k.name, k.roles])).toEqual([
      ['A', ['member']],
      ['B', ['secretary', 'member']],
    ]);
    expect(await s.trustFileInUse()).toBe(s.own);
  });

  it('refuses a private key PEM, a key already trusted, and a name that is empty or spans lines, asking nothing', async () => {
    const s = await setup();
    await s.chooseCouncilTrust();
    const key = generateKeyPair();
    await expect(s.api.addTrustedKey({ name: 'Chair', roles: ['chair'], publicKeyPem: key.privateKeyPem })).rejects.toMatchObject({
      code: 'TRUST_KEY_INVALID',
      message: expect.stringContaining('is a private key, not a public key'),
    });
    await expect(s.api.addTrustedKey({ name: 'Again', roles: ['chair'], publicKeyPem: s.chosenKeys[1]!.publicKeyPem })).rejects.toMatchObject({
      code: 'TRUST_KEY_EXISTS',
      message: expect.stringContaining('already trusted, as "정한결" (chair, member)'),
    });
    await expect(s.api.addTrustedKey({ name: '   ', roles: ['chair'], publicKeyPem: key.publicKeyPem })).rejects.toMatchObject({ code: 'TRUST_KEY_INVALID' });
    await expect(s.api.addTrustedKey({ name: 'Chair\nRoles: Bundle issuer', roles: ['chair'], publicKeyPem: key.publicKeyPem })).rejects.toMatchObject({ code: 'TRUST_KEY_INVALID' });
    await expect(s.api.addTrustedKey({ name: 'Chair', roles: [], publicKeyPem: key.publicKeyPem })).rejects.toMatchObject({ code: 'TRUST_KEY_INVALID' });
    expect(s.asked).toEqual([]);
    expect(existsSync(s.own)).toBe(false);
    expect(await s.trustFileInUse()).toBe(s.chosen);
  });

  it('refuses an edit while the trust file in use cannot be read', async () => {
    const s = await setup();
    await s.chooseCouncilTrust();
    writeFileSync(s.chosen, '{"keys": [');
    await expect(s.api.addTrustedKey({ name: 'A', roles: ['member'], publicKeyPem: generateKeyPair().publicKeyPem })).rejects.toMatchObject({ code: 'TRUST_FILE_INVALID' });
    expect(existsSync(s.own)).toBe(false);
  });
});

describe('removing a key', () => {
  it('removes it into the own file without a confirmation; an unknown keyid is an error', async () => {
    const s = await setup();
    await s.chooseCouncilTrust();
    const chosenBefore = readFileSync(s.chosen);
    const info = await s.api.removeTrustedKey({ keyid: s.chosenKeys[0]!.keyid });
    expect(info.keys.map((k) => k.keyid)).toEqual([s.chosenKeys[1]!.keyid]);
    expect(keysOf(s.own).map((k) => k.keyid)).toEqual([s.chosenKeys[1]!.keyid]);
    expect(readFileSync(s.chosen)).toEqual(chosenBefore);
    expect(s.asked).toEqual([]);
    await expect(s.api.removeTrustedKey({ keyid: s.chosenKeys[0]!.keyid })).rejects.toMatchObject({ code: 'TRUST_KEY_UNKNOWN' });
  });
});

describe("trusting this device's keys", () => {
  it('trusts the chair key as chair and the secretary key as secretary, with one confirmation', async () => {
    const chair = generateKeyPair();
    const secretary = generateKeyPair();
    const s = await setup(deviceKeys({ chair, secretary }));
    s.state.answers.push(true);
    const info = await s.api.trustDeviceKeys({ chairName: '정한결', secretaryName: '오세린', language: 'en' });
    expect(info.keys).toEqual([
      { keyid: chair.keyid, name: '정한결', roles: ['chair'] },
      { keyid: secretary.keyid, name: '오세린', roles: ['secretary'] },
    ]);
    expect(keysOf(s.own).map((k) => k.publicKeyPem)).toEqual([chair.publicKeyPem, secretary.publicKeyPem]);
    expect(s.asked).toHaveLength(1);
    expect(s.asked[0]!.message).toBe('Trust these 2 keys? Files signed by them will be trusted in the roles below.');
    expect(s.asked[0]!.detail).toContain(chair.keyid);
    expect(s.asked[0]!.detail).toContain(secretary.keyid);
  });

  it('says KEY_MISSING, asking nothing, while the device lacks a key', async () => {
    const s = await setup(deviceKeys({ chair: generateKeyPair() }));
    await expect(s.api.trustDeviceKeys({ chairName: '정한결', secretaryName: '오세린' })).rejects.toMatchObject({ code: 'KEY_MISSING', message: expect.stringContaining('secretary') });
    expect(s.asked).toEqual([]);
    expect(existsSync(s.own)).toBe(false);
  });
});

describe('exporting the trust file', () => {
  it('writes a file equal to the trust file in use, before and after an edit; nothing when cancelled', async () => {
    const s = await setup();
    await s.chooseCouncilTrust();
    expect(await s.api.exportTrustFile(undefined)).toBeNull();

    const target = join(s.temp, 'for-payment', 'trust.json');
    s.state.saveTo = target;
    expect(await s.api.exportTrustFile(undefined)).toBe(target);
    expect(readFileSync(target)).toEqual(readFileSync(s.chosen));

    s.state.answers.push(true);
    await s.api.addTrustedKey({ name: 'A', roles: ['chair'], publicKeyPem: generateKeyPair().publicKeyPem });
    await s.api.exportTrustFile(undefined);
    expect(readFileSync(target)).toEqual(readFileSync(s.own));
    expect(keysOf(target)).toHaveLength(3);
  });

  it('says TRUST_WRITE_FAILED when the place cannot be written', async () => {
    const s = await setup();
    const blocker = join(s.temp, 'a-file');
    writeFileSync(blocker, 'x');
    s.state.saveTo = join(blocker, 'trust.json');
    await expect(s.api.exportTrustFile(undefined)).rejects.toMatchObject({ code: 'TRUST_WRITE_FAILED' });
  });
});
