/**
 * Importing this device's key from a PKCS#8 PEM (one made by `council-desk keygen`, say): the
 * keyid is the one keygen printed, it signs what the .pub.pem verifies, and anything that is not
 * an unencrypted Ed25519 private key is refused with a sentence saying what it is. Through the
 * API: the file comes from main's dialog (or browser mode's picker, as a path), null when cancelled.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { appPathsFrom } from '../../electron/services/app-paths';
import { NO_DIALOGS, type OpenFileKind } from '../../electron/services/dialog-port';
import { Keystore } from '../../electron/services/keystore/keystore';
import { writeKeyPair } from '../../electron/services/keys';
import { memorySecretPort } from '../support/memory-secret-port';
import { keyFolderNames, PASSPHRASE, signsVerifiably, tempUserData } from './fixtures/keystore-kit';

function keygen(name = 'chair') {
  const dir = tempUserData();
  const written = writeKeyPair(dir, name);
  return { ...written, privatePem: readFileSync(written.privateKeyPath, 'utf8'), publicPem: readFileSync(written.publicKeyPath, 'utf8') };
}

describe('Keystore.importPem', () => {
  it("imports keygen's PKCS#8 key: the same keyid, marked imported, signing what its .pub.pem verifies", async () => {
    const made = keygen();
    const userData = tempUserData();
    const store = new Keystore(userData);
    const keys = await store.importPem('chair', made.privatePem, PASSPHRASE);
    expect(keys.chair).toMatchObject({ role: 'chair', keyid: made.keyid, publicKeyPem: made.publicPem, imported: true });
    expect(signsVerifiably(await store.signer('chair'), made.publicPem)).toBe(true);
    // Encrypted at rest: the PEM's base64 body is nowhere in the key file.
    const body = made.privatePem.split('\n')[1]!;
    expect(readFileSync(join(userData, 'keys', 'chair.key.json'), 'utf8')).not.toContain(body);

    const next = new Keystore(userData);
    await next.unlock(PASSPHRASE);
    expect((await next.signer('chair')).keyid).toBe(made.keyid);
  });

  it('imports into the system secret store too', async () => {
    const made = keygen('secretary');
    const store = new Keystore(tempUserData(), { secrets: memorySecretPort() });
    const keys = await store.importPem('secretary', made.privatePem);
    expect(keys).toMatchObject({ protection: 'safe-storage', secretary: { keyid: made.keyid, imported: true } });
    expect(signsVerifiably(await store.signer('secretary'), made.publicPem)).toBe(true);
  });

  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const encrypted = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret123' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  it.each([
    ['a public key', () => keygen().publicPem, /is a public key; expected an Ed25519 private key/],
    ['an RSA key', () => rsa.privateKey, /is a rsa key, but Council Desk uses Ed25519 keys only/],
    ['an encrypted PKCS#8 key', () => encrypted.privateKey, /is encrypted; Council Desk needs an unencrypted Ed25519 PKCS#8 key/],
    ['garbage', () => 'hello, I am not a key', /is not a PKCS#8 PEM private key/],
    ['a damaged PEM', () => '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', /cannot be read as a PKCS#8 private key/],
  ])('refuses %s with a sentence naming it, and writes nothing', async (_what, pem, message) => {
    const userData = tempUserData();
    const store = new Keystore(userData);
    await expect(store.importPem('chair', pem(), PASSPHRASE, '/keys/given.pem')).rejects.toMatchObject({ code: 'KEY_INVALID', message: expect.stringMatching(message) });
    await expect(store.importPem('chair', pem(), PASSPHRASE, '/keys/given.pem')).rejects.toMatchObject({ message: expect.stringContaining('/keys/given.pem') });
    expect(keyFolderNames(userData)).toEqual([]);
  });

  it('refuses the chair key as the secretary key, and any key over an existing one', async () => {
    const made = keygen();
    const store = new Keystore(tempUserData(), { secrets: memorySecretPort() });
    await store.importPem('chair', made.privatePem);
    await expect(store.importPem('secretary', made.privatePem)).rejects.toMatchObject({ code: 'KEY_EXISTS', message: expect.stringContaining("already this device's chair key") });
    await expect(store.importPem('chair', keygen().privatePem)).rejects.toMatchObject({ code: 'KEY_EXISTS' });
    expect((await store.status()).chair?.keyid).toBe(made.keyid);
  });
});

describe('the keys through the API', () => {
  function api(opened: string | null, secrets = memorySecretPort()) {
    const asked: OpenFileKind[] = [];
    const dialogs = { ...NO_DIALOGS, openFile: async (kind: OpenFileKind) => (asked.push(kind), opened) };
    const userData = tempUserData();
    const handlers = createApiHandlers({ appVersion: 't', platform: 'linux', paths: appPathsFrom(tempUserData(), userData), dialogs, secrets });
    return { handlers, asked, call: (method: string, arg: unknown) => dispatchApiCall(handlers, method, arg) };
  }

  it("imports the file main's dialog chose (a key file), and answers null when it was cancelled", async () => {
    const made = keygen();
    const chosen = api(made.privateKeyPath);
    const keys = await chosen.handlers.importDeviceKey({ role: 'chair' });
    expect(chosen.asked).toEqual(['key']);
    expect(keys?.chair).toMatchObject({ keyid: made.keyid, imported: true });
    expect(await chosen.handlers.getDeviceKeys(undefined)).toEqual(keys);

    const cancelled = api(null);
    expect(await cancelled.handlers.importDeviceKey({ role: 'chair' })).toBeNull();
    expect((await cancelled.handlers.getDeviceKeys(undefined)).chair).toBeNull();
  });

  it('imports the path browser mode gives, and refuses a missing file or one too big to be a key', async () => {
    const made = keygen('secretary');
    const { handlers, asked } = api(null);
    expect((await handlers.importDeviceKey({ role: 'secretary', path: made.privateKeyPath }))?.secretary?.keyid).toBe(made.keyid);
    expect(asked).toEqual([]);

    const missing = join(tempUserData(), 'nowhere.pem');
    await expect(handlers.importDeviceKey({ role: 'chair', path: missing })).rejects.toMatchObject({ code: 'KEY_NOT_FOUND', message: expect.stringContaining(missing) });
    const big = join(tempUserData(), 'big.pem');
    writeFileSync(big, `${made.privatePem}${'#'.repeat(70 * 1024)}`);
    await expect(handlers.importDeviceKey({ role: 'chair', path: big })).rejects.toMatchObject({ code: 'KEY_INVALID', message: expect.stringMatching(/too big/) });
  });

  it('makes, unlocks and answers the keys as Results, with no private half in any', async () => {
    const { call } = api(null, memorySecretPort({ available: false }));
    expect(await call('createDeviceKey', { role: 'chair', passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    const made = await call('createDeviceKey', { role: 'chair', passphrase: PASSPHRASE });
    expect(made).toMatchObject({ ok: true, value: { protection: 'passphrase', passphraseSet: true, unlocked: true } });
    expect(await call('createDeviceKey', { role: 'chair' })).toMatchObject({ ok: false, error: { code: 'KEY_EXISTS' } });
    expect(await call('unlockDeviceKeys', { passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'KEY_PASSPHRASE_WRONG' } });
    expect(await call('unlockDeviceKeys', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(JSON.stringify(await call('getDeviceKeys', undefined))).not.toContain('PRIVATE KEY');
  });
});
