import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPair, keyIdOfPrivateKeyPem, keyIdOfPublicKeyPem, readPrivateKey, writeKeyPair } from '../../electron/services/keys';
import { makeTempDir } from './fixtures/tiny-bundle';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function temp(): string {
  const t = makeTempDir();
  cleanups.push(t.remove);
  return t.dir;
}

describe('keys', () => {
  it('generates Ed25519 PEM pairs whose keyid is the SHA-256 of the SPKI DER', () => {
    const pair = generateKeyPair();
    expect(pair.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(pair.publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    const der = createPublicKey(pair.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(der.length).toBe(44); // Ed25519 SPKI: 12-byte header + 32-byte key
    expect(pair.keyid).toBe(createHash('sha256').update(der).digest('hex'));
    expect(pair.keyid).toMatch(/^[0-9a-f]{64}$/);
    expect(keyIdOfPrivateKeyPem(pair.privateKeyPem)).toBe(pair.keyid);
    expect(generateKeyPair().keyid).not.toBe(pair.keyid);
  });

  it('refuses keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(() => keyIdOfPublicKeyPem(rsa.publicKey)).toThrow(/rsa key, but Council Desk uses Ed25519 keys only/);
    expect(() => keyIdOfPublicKeyPem('not a key')).toThrow(/not a PEM public key/);
  });

  it('refuses a private key where a public key belongs, though node:crypto would take its public half', () => {
    const pair = generateKeyPair();
    expect(() => keyIdOfPublicKeyPem(pair.privateKeyPem)).toThrow(/is a private key, not a public key/);
    expect(() => keyIdOfPublicKeyPem(`${pair.publicKeyPem}${pair.privateKeyPem}`)).toThrow(/is a private key/);
  });

  it('writes NAME.key.pem with mode 0600 and NAME.pub.pem, creating the directory', () => {
    const dir = join(temp(), 'nested', 'keys');
    const written = writeKeyPair(dir, 'chair');
    expect(written.privateKeyPath).toBe(join(dir, 'chair.key.pem'));
    expect(written.publicKeyPath).toBe(join(dir, 'chair.pub.pem'));
    expect(statSync(written.privateKeyPath).mode & 0o777).toBe(0o600);
    expect(statSync(written.publicKeyPath).mode & 0o077).toBe(0o044);
    const privatePem = readFileSync(written.privateKeyPath, 'utf8');
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(keyIdOfPublicKeyPem(readFileSync(written.publicKeyPath, 'utf8'))).toBe(written.keyid);
    expect(keyIdOfPrivateKeyPem(privatePem)).toBe(written.keyid);
  });

  it('refuses to overwrite either key file and leaves the old ones alone', () => {
    const dir = temp();
    const first = writeKeyPair(dir, 'chair');
    const before = readFileSync(first.privateKeyPath, 'utf8');
    expect(() => writeKeyPair(dir, 'chair')).toThrow(/chair\.key\.pem already exists; refusing to overwrite/);
    expect(readFileSync(first.privateKeyPath, 'utf8')).toBe(before);

    writeFileSync(join(dir, 'member.pub.pem'), 'old');
    expect(() => writeKeyPair(dir, 'member')).toThrow(/member\.pub\.pem already exists/);
    expect(existsSync(join(dir, 'member.key.pem'))).toBe(false);
  });

  it('refuses key names that are paths', () => {
    expect(() => writeKeyPair(temp(), '../evil')).toThrow(/key name "..\/evil" must be/);
  });

  it('reads a private key back, with clear errors for missing and wrong files', () => {
    const dir = temp();
    const written = writeKeyPair(dir, 'sec');
    expect(keyIdOfPrivateKeyPem(readPrivateKey(written.privateKeyPath))).toBe(written.keyid);
    expect(() => readPrivateKey(join(dir, 'nope.key.pem'))).toThrow(/private key file not found: .*nope\.key\.pem/);
    expect(() => readPrivateKey(written.publicKeyPath)).toThrow(/sec\.pub\.pem is a public key; expected an Ed25519 private key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    writeFileSync(join(dir, 'rsa.key.pem'), rsa.privateKey);
    expect(() => readPrivateKey(join(dir, 'rsa.key.pem'))).toThrow(/rsa\.key\.pem is a rsa key, but Council Desk uses Ed25519 keys only/);
    writeFileSync(join(dir, 'junk.key.pem'), 'hello');
    expect(() => readPrivateKey(join(dir, 'junk.key.pem'))).toThrow(/junk\.key\.pem is not a PKCS#8 PEM private key/);
  });
});
