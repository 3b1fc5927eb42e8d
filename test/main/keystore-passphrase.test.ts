/**
 * The passphrase in a run: a restarted store is locked until it is given, three wrong ones in a
 * row lock it out for 30 seconds (a fake clock), the error says how many tries are left and how
 * long to wait, and a key file changed on disk gives an error, never a crash or a wrong key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keystore } from '../../electron/services/keystore/keystore';
import { keyIdOfPublicKey } from '../../electron/services/keys';
import { fakeClock, PASSPHRASE, signsVerifiably, tempUserData } from './fixtures/keystore-kit';

const WRONG = 'not the passphrase';
const keyFile = (userData: string, role: string) => join(userData, 'keys', `${role}.key.json`);

async function storeWithChairKey() {
  const userData = tempUserData();
  const clock = fakeClock();
  await new Keystore(userData).create('chair', PASSPHRASE);
  return { userData, clock, store: new Keystore(userData, { now: clock.now }) };
}

function editKeyFile(userData: string, role: string, edit: (file: Record<string, any>) => void) {
  const file = JSON.parse(readFileSync(keyFile(userData, role), 'utf8'));
  edit(file);
  writeFileSync(keyFile(userData, role), JSON.stringify(file));
}

describe('unlocking with the passphrase', () => {
  it('a restarted store is locked until the passphrase is given again', async () => {
    const { store } = await storeWithChairKey();
    expect(await store.status()).toMatchObject({ protection: 'passphrase', passphraseSet: true, unlocked: false });
    await expect(store.signer('chair')).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED', message: expect.stringContaining('passphrase') });
    expect(await store.unlock(PASSPHRASE)).toMatchObject({ unlocked: true });
    expect(signsVerifiably(await store.signer('chair'))).toBe(true);
  });

  it('tells the tries left, locks out for 30 seconds after the third wrong one, and works after the pause', async () => {
    const { store, clock } = await storeWithChairKey();
    await expect(store.unlock(WRONG)).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG', message: expect.stringContaining('2 tries left') });
    await expect(store.unlock(WRONG)).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG', message: expect.stringContaining('1 try left') });
    await expect(store.unlock(WRONG)).rejects.toMatchObject({ code: 'KEY_LOCKED_OUT', message: expect.stringContaining('wait 30 seconds') });

    // During the pause not even the right passphrase is checked.
    clock.advance(10_000);
    await expect(store.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'KEY_LOCKED_OUT', message: expect.stringContaining('wait 20 seconds') });
    clock.advance(19_500);
    await expect(store.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'KEY_LOCKED_OUT', message: expect.stringContaining('wait 1 second ') });
    expect((await store.status()).unlocked).toBe(false);

    clock.advance(500);
    expect(await store.unlock(PASSPHRASE)).toMatchObject({ unlocked: true });
    expect(signsVerifiably(await store.signer('chair'))).toBe(true);
  });

  it('gives three tries again after the pause, and after a right passphrase', async () => {
    const { store, clock } = await storeWithChairKey();
    for (let i = 0; i < 3; i++) await store.unlock(WRONG).catch(() => undefined);
    clock.advance(30_000);
    await expect(store.unlock(WRONG)).rejects.toMatchObject({ message: expect.stringContaining('2 tries left') });
    await store.unlock(PASSPHRASE);
    await expect(store.unlock(WRONG)).rejects.toMatchObject({ message: expect.stringContaining('2 tries left') });
  });

  it('counts tries made all at once one by one (a renderer cannot race past the pause)', async () => {
    const { store } = await storeWithChairKey();
    const answers = await Promise.allSettled([WRONG, WRONG, WRONG, PASSPHRASE, PASSPHRASE].map((p) => store.unlock(p)));
    expect(answers.map((a) => (a.status === 'rejected' ? (a.reason as { code: string }).code : 'unlocked'))).toEqual([
      'KEY_PASSPHRASE_WRONG',
      'KEY_PASSPHRASE_WRONG',
      'KEY_LOCKED_OUT',
      'KEY_LOCKED_OUT',
      'KEY_LOCKED_OUT',
    ]);
  });

  it('counts a wrong passphrase given to make the second key as a try, and makes nothing', async () => {
    const { store, userData } = await storeWithChairKey();
    await expect(store.create('secretary', WRONG)).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG', message: expect.stringContaining('2 tries left') });
    await expect(store.create('secretary')).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED' });
    expect((await store.status()).secretary).toBeNull();
    // The right one unlocks and makes it, sealed with the same passphrase.
    await store.create('secretary', PASSPHRASE);
    const next = new Keystore(userData);
    await next.unlock(PASSPHRASE);
    expect(signsVerifiably(await next.signer('secretary'))).toBe(true);
  });
});

describe('a key file changed on disk', () => {
  it('a file that is not a key file: KEYSTORE_UNREADABLE naming it', async () => {
    const { store, userData } = await storeWithChairKey();
    writeFileSync(keyFile(userData, 'chair'), '{"role": "chair", ');
    await expect(store.status()).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE', message: expect.stringContaining(keyFile(userData, 'chair')) });
    await expect(store.signer('chair')).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE' });
  });

  it('a changed field of the seal: refused by name', async () => {
    const { store, userData } = await storeWithChairKey();
    editKeyFile(userData, 'chair', (f) => void (f.privateKey.N = 2 ** 30));
    await expect(store.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE', message: expect.stringContaining('privateKey.N') });
  });

  it('a changed byte of the encrypted key fails like a wrong passphrase, and the file is not used', async () => {
    const { store, userData } = await storeWithChairKey();
    editKeyFile(userData, 'chair', (f) => {
      const bytes = Buffer.from(f.privateKey.ciphertext, 'base64');
      bytes[5]! ^= 0x01;
      f.privateKey.ciphertext = bytes.toString('base64');
    });
    await expect(store.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG' });
    await expect(store.signer('chair')).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED' });
  });

  it('one damaged key of two: the other still opens and the damaged one is named', async () => {
    const userData = tempUserData();
    const first = new Keystore(userData);
    await first.create('chair', PASSPHRASE);
    await first.create('secretary');
    editKeyFile(userData, 'secretary', (f) => {
      const tag = Buffer.from(f.privateKey.tag, 'base64');
      tag[0]! ^= 0xff;
      f.privateKey.tag = tag.toString('base64');
    });
    const store = new Keystore(userData);
    await expect(store.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE', message: expect.stringContaining(keyFile(userData, 'secretary')) });
    expect(signsVerifiably(await store.signer('chair'))).toBe(true);
    await expect(store.signer('secretary')).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE' });
  });

  it('another public key put in the file (the one exported would not verify): refused before it is shown or signs', async () => {
    const { store, userData } = await storeWithChairKey();
    const original = readFileSync(keyFile(userData, 'chair'), 'utf8');
    const stranger = generateKeyPairSync('ed25519').publicKey;
    editKeyFile(userData, 'chair', (f) => void (f.publicKeyPem = stranger.export({ type: 'spki', format: 'pem' }).toString()));
    await expect(store.status()).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE', message: expect.stringContaining('keyid does not match its publicKeyPem') });

    // With its keyid changed too, the file agrees with itself, but not with the private key it seals.
    writeFileSync(keyFile(userData, 'chair'), original);
    editKeyFile(userData, 'chair', (f) => {
      f.publicKeyPem = stranger.export({ type: 'spki', format: 'pem' }).toString();
      f.keyid = keyIdOfPublicKey(stranger);
    });
    await expect(store.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE', message: expect.stringContaining('is not the key its keyid') });
    await expect(store.signer('chair')).rejects.toMatchObject({ code: 'KEYSTORE_UNREADABLE' });
  });
});
