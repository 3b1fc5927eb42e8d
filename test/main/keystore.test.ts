/**
 * The keystore's promises to the rest of main and to the user: keys that sign what their public
 * key verifies, key files of mode 0600 in a 0700 folder, no private half in anything it answers,
 * a key made at first use when it can be protected, a key file never replaced, and the system's
 * secret store used when there is one.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keystore } from '../../electron/services/keystore/keystore';
import { safeStorageSecrets } from '../../electron/services/keystore/secret-port';
import { memorySecretPort } from '../support/memory-secret-port';
import { fakeClock, keyFolderNames, PASSPHRASE, signsVerifiably, tempUserData } from './fixtures/keystore-kit';

const keyFile = (userData: string, role: string) => join(userData, 'keys', `${role}.key.json`);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('Keystore with a passphrase (no system secret store)', () => {
  it('makes a chair key whose signatures verify with its public key, in a 0600 file of a 0700 folder', async () => {
    const userData = tempUserData();
    const clock = fakeClock();
    const store = new Keystore(userData, { now: clock.now });
    const keys = await store.create('chair', PASSPHRASE);

    expect(keys).toMatchObject({ protection: 'passphrase', passphraseSet: true, unlocked: true, secretary: null });
    expect(keys.chair).toEqual({
      role: 'chair',
      keyid: expect.stringMatching(/^[0-9a-f]{64}$/),
      publicKeyPem: expect.stringContaining('-----BEGIN PUBLIC KEY-----'),
      createdAt: new Date(clock.now()).toISOString(),
      imported: false,
    });
    const signer = await store.signer('chair');
    expect(signer.keyid).toBe(keys.chair!.keyid);
    expect(signsVerifiably(signer, keys.chair!.publicKeyPem)).toBe(true);

    expect(statSync(join(userData, 'keys')).mode & 0o777).toBe(0o700);
    expect(statSync(keyFile(userData, 'chair')).mode & 0o777).toBe(0o600);
    expect(keyFolderNames(userData)).toEqual(['chair.key.json']); // no temporary file left behind
    const file = readJson(keyFile(userData, 'chair'));
    expect(file).toMatchObject({ role: 'chair', keyid: keys.chair!.keyid, protection: 'passphrase', imported: false });
    expect(JSON.stringify(file)).not.toContain('PRIVATE KEY');
  });

  it('answers nothing private: the status and the signer hold public halves only', async () => {
    const store = new Keystore(tempUserData());
    await store.create('chair', PASSPHRASE);
    const keys = await store.create('secretary');
    for (const key of [keys.chair!, keys.secretary!]) {
      expect(Object.keys(key).sort()).toEqual(['createdAt', 'imported', 'keyid', 'publicKeyPem', 'role']);
    }
    const signer = await store.signer('secretary');
    expect(Object.keys(signer).sort()).toEqual(['keyid', 'publicKeyPem', 'sign']);
    const answers = JSON.stringify([keys, signer, await store.publicKey('chair'), await store.status()]);
    expect(answers).not.toMatch(/PRIVATE KEY|ciphertext|salt/i);
    expect(answers).not.toContain(PASSPHRASE);
  });

  it('needs a passphrase of at least 8 characters for the first key, and seals later keys with the one in use', async () => {
    const userData = tempUserData();
    const store = new Keystore(userData);
    await expect(store.create('chair')).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_NEEDED' });
    await expect(store.create('chair', 'short')).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_NEEDED', message: expect.stringMatching(/at least 8 characters/) });
    expect(keyFolderNames(userData)).toEqual([]);

    await store.create('chair', PASSPHRASE);
    const keys = await store.create('secretary');
    expect(keys.secretary?.role).toBe('secretary');

    // Both open with the one passphrase in the next run.
    const next = new Keystore(userData);
    expect(await next.status()).toMatchObject({ passphraseSet: true, unlocked: false });
    await next.unlock(PASSPHRASE);
    expect(signsVerifiably(await next.signer('chair'))).toBe(true);
    expect(signsVerifiably(await next.signer('secretary'))).toBe(true);
  });

  it('makes the key at first use once a passphrase was given, and otherwise says what is missing', async () => {
    const userData = tempUserData();
    const store = new Keystore(userData);
    await expect(store.signer('chair')).rejects.toMatchObject({ code: 'KEY_MISSING', message: expect.stringContaining('no chair key') });

    const before = await store.unlock(PASSPHRASE);
    expect(before).toMatchObject({ protection: 'passphrase', passphraseSet: false, unlocked: true, chair: null });
    const signer = await store.signer('chair');
    expect(signsVerifiably(signer)).toBe(true);
    expect((await store.status()).chair).toMatchObject({ keyid: signer.keyid, imported: false });
    expect((await store.signer('chair')).keyid).toBe(signer.keyid); // made once

    // Next run, locked: the chair key cannot sign and the secretary key cannot be made.
    const next = new Keystore(userData);
    await expect(next.signer('chair')).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED' });
    await expect(next.signer('secretary')).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED' });
    expect(keyFolderNames(userData)).toEqual(['chair.key.json']);
  });

  it('never replaces a key file: a second chair key is refused and the first one stays', async () => {
    const userData = tempUserData();
    const store = new Keystore(userData);
    const first = await store.create('chair', PASSPHRASE);
    const bytes = readFileSync(keyFile(userData, 'chair'));

    await expect(store.create('chair', PASSPHRASE)).rejects.toMatchObject({ code: 'KEY_EXISTS', message: expect.stringContaining('already has a chair key') });
    // Another store on the same folder (a second window's main, a race) is refused the same way.
    const other = new Keystore(userData);
    await expect(other.create('chair', PASSPHRASE)).rejects.toMatchObject({ code: 'KEY_EXISTS' });

    expect(readFileSync(keyFile(userData, 'chair')).equals(bytes)).toBe(true);
    expect((await store.status()).chair?.keyid).toBe(first.chair?.keyid);
    expect((await store.signer('chair')).keyid).toBe(first.chair?.keyid);
  });
});

describe('Keystore with the system secret store', () => {
  it('protects keys with it: always unlocked, no passphrase, and another run signs at once', async () => {
    const userData = tempUserData();
    const secrets = memorySecretPort();
    const store = new Keystore(userData, { secrets });
    expect(await store.status()).toEqual({ protection: 'safe-storage', passphraseSet: false, unlocked: true, chair: null, secretary: null });

    const keys = await store.create('chair');
    expect(keys).toMatchObject({ protection: 'safe-storage', passphraseSet: false, unlocked: true });
    expect(secrets.encrypted).toBe(1);
    expect(readJson(keyFile(userData, 'chair'))).toMatchObject({ protection: 'safe-storage', keyid: keys.chair!.keyid });
    expect(statSync(keyFile(userData, 'chair')).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile(userData, 'chair'), 'utf8')).not.toContain('PRIVATE KEY');

    const next = new Keystore(userData, { secrets });
    const signer = await next.signer('chair');
    expect(signer.keyid).toBe(keys.chair!.keyid);
    expect(signsVerifiably(signer, keys.chair!.publicKeyPem)).toBe(true);
  });

  it('makes a missing key at first use', async () => {
    const userData = tempUserData();
    const store = new Keystore(userData, { secrets: memorySecretPort() });
    const signer = await store.signer('secretary');
    expect(signsVerifiably(signer)).toBe(true);
    expect(await store.status()).toMatchObject({ chair: null, secretary: { keyid: signer.keyid, imported: false } });
    expect(keyFolderNames(userData)).toEqual(['secretary.key.json']);
  });

  it("cannot use a key file the system's store cannot open (another account or computer), and says which file", async () => {
    const userData = tempUserData();
    await new Keystore(userData, { secrets: memorySecretPort() }).create('chair');
    const elsewhere = new Keystore(userData, { secrets: memorySecretPort() });
    await expect(elsewhere.signer('chair')).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE', message: expect.stringContaining(keyFile(userData, 'chair')) });
  });

  it('keeps the keys made with it when the store is gone for a while, and does not fall back to a passphrase for them', async () => {
    const userData = tempUserData();
    const secrets = memorySecretPort();
    const store = new Keystore(userData, { secrets });
    await store.create('chair');
    secrets.available = false;
    const later = new Keystore(userData, { secrets });
    expect(await later.status()).toMatchObject({ protection: 'safe-storage', unlocked: false });
    await expect(later.signer('chair')).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED' });
    await expect(later.create('secretary', PASSPHRASE)).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED' });
    secrets.available = true;
    expect(signsVerifiably(await later.signer('chair'))).toBe(true);
  });
});

describe("safeStorageSecrets (Electron's safeStorage as the keystore's SecretPort)", () => {
  // A safeStorage that encrypts strings as Electron's does: UTF-8 text in, opaque bytes out.
  const fakeSafeStorage = (backend: string, available = true) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`sealed:${text}`, 'utf8').reverse(),
    decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8').replace(/^sealed:/, ''),
  });

  it('gives back any bytes unchanged', () => {
    const secrets = safeStorageSecrets(fakeSafeStorage('gnome_libsecret'), 'linux');
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const sealed = secrets.encrypt(bytes);
    expect(secrets.decrypt(sealed)).toEqual(bytes);
  });

  it("counts Linux's basic_text backend (a key the same on every computer) as not available", () => {
    expect(safeStorageSecrets(fakeSafeStorage('gnome_libsecret'), 'linux').isAvailable()).toBe(true);
    expect(safeStorageSecrets(fakeSafeStorage('basic_text'), 'linux').isAvailable()).toBe(false);
    expect(safeStorageSecrets(fakeSafeStorage('unknown'), 'darwin').isAvailable()).toBe(true);
    expect(safeStorageSecrets(fakeSafeStorage('gnome_libsecret', false), 'linux').isAvailable()).toBe(false);
  });
});
