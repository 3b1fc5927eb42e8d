/**
 * Ed25519 keys, through node:crypto only. A public key travels as SPKI PEM, a private key as
 * PKCS#8 PEM in a file of mode 0600 (FORMATS.md). keyid = lowercase hex SHA-256 of the SPKI DER.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CouncilError } from '../../shared/result';

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  keyid: string;
}

export interface WrittenKeyPair {
  keyid: string;
  privateKeyPath: string;
  publicKeyPath: string;
}

/** A key name becomes a file name: letters, digits, dots, hyphens, underscores; no path. */
const KEY_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, keyid: keyIdOfPublicKeyPem(publicKey) };
}

/** The keyid of an Ed25519 public key object. */
export function keyIdOfPublicKey(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * Parses an SPKI PEM and insists on Ed25519. Throws a CouncilError('KEY_INVALID') otherwise, and
 * for a private key PEM too: node:crypto would take its public half without a word, so a private
 * key pasted where a public one belongs would be accepted (and the secret shown and stored).
 */
export function parsePublicKeyPem(pem: string): KeyObject {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) {
    throw new CouncilError('KEY_INVALID', 'is a private key, not a public key; give the public key (-----BEGIN PUBLIC KEY-----) and keep the private key secret');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new CouncilError('KEY_INVALID', 'is not a PEM public key (SPKI)');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CouncilError('KEY_INVALID', `is a ${key.asymmetricKeyType ?? 'unknown'} key, but Council Desk uses Ed25519 keys only`);
  }
  return key;
}

/** keyid = lowercase hex SHA-256 of the SPKI DER bytes of an Ed25519 public key given as PEM. */
export function keyIdOfPublicKeyPem(pem: string): string {
  return keyIdOfPublicKey(parsePublicKeyPem(pem));
}

/** Parses a PKCS#8 PEM and insists on an unencrypted Ed25519 key. */
export function parsePrivateKeyPem(pem: string, where = 'the private key'): KeyObject {
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    throw new CouncilError('KEY_INVALID', `${where} is encrypted; Council Desk needs an unencrypted Ed25519 PKCS#8 key`);
  }
  if (!pem.includes('-----BEGIN PRIVATE KEY-----')) {
    const what = pem.includes('-----BEGIN PUBLIC KEY-----') ? 'a public key' : 'not a PKCS#8 PEM private key';
    throw new CouncilError('KEY_INVALID', `${where} is ${what}; expected an Ed25519 private key (-----BEGIN PRIVATE KEY-----)`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    throw new CouncilError('KEY_INVALID', `${where} cannot be read as a PKCS#8 private key (${(e as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CouncilError('KEY_INVALID', `${where} is a ${key.asymmetricKeyType ?? 'unknown'} key, but Council Desk uses Ed25519 keys only`);
  }
  return key;
}

/** The SPKI PEM of the public half of a private key. */
export function publicKeyPemOf(privateKeyPem: string): string {
  return createPublicKey(parsePrivateKeyPem(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** The keyid of the public half of a private key. */
export function keyIdOfPrivateKeyPem(privateKeyPem: string): string {
  return keyIdOfPublicKey(createPublicKey(parsePrivateKeyPem(privateKeyPem)));
}

/**
 * Writes NAME.key.pem (PKCS#8, mode 0600) and NAME.pub.pem (SPKI) into dir, creating dir when
 * needed. Refuses to overwrite either file: a lost private key cannot be brought back.
 */
export function writeKeyPair(dir: string, name: string): WrittenKeyPair {
  if (!KEY_NAME.test(name)) {
    throw new CouncilError('BAD_ARGUMENT', `key name "${name}" must be 1 to 100 letters, digits, dots, hyphens or underscores (no path)`);
  }
  const privateKeyPath = join(dir, `${name}.key.pem`);
  const publicKeyPath = join(dir, `${name}.pub.pem`);
  for (const path of [privateKeyPath, publicKeyPath]) {
    if (existsSync(path)) throw new CouncilError('KEY_EXISTS', `${path} already exists; refusing to overwrite a key file`);
  }
  mkdirSync(dir, { recursive: true });
  const pair = generateKeyPair();
  // 'wx' fails if the file appeared in the meantime.
  writeExclusive(privateKeyPath, pair.privateKeyPem, 0o600);
  try {
    writeExclusive(publicKeyPath, pair.publicKeyPem, 0o644);
  } catch (e) {
    unlinkSync(privateKeyPath);
    throw e;
  }
  return { keyid: pair.keyid, privateKeyPath, publicKeyPath };
}

function writeExclusive(path: string, text: string, mode: number): void {
  try {
    writeFileSync(path, text, { flag: 'wx', mode });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CouncilError('KEY_EXISTS', `${path} already exists; refusing to overwrite a key file`);
    throw e;
  }
  chmodSync(path, mode); // the mode given at creation passes through the umask; make it exact

}

/** Reads and checks an Ed25519 PKCS#8 private key file; returns its PEM text. */
export function readPrivateKey(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CouncilError('KEY_NOT_FOUND', `private key file not found: ${path}`);
    if (code === 'EISDIR') throw new CouncilError('KEY_INVALID', `${path} is a directory, not a private key file`);
    throw new CouncilError('KEY_INVALID', `cannot read private key file ${path}: ${(e as Error).message}`);
  }
  parsePrivateKeyPem(pem, path);
  return pem;
}

/** Reads and checks an Ed25519 SPKI public key file; returns its PEM text. */
export function readPublicKey(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CouncilError('KEY_NOT_FOUND', `public key file not found: ${path}`);
    throw new CouncilError('KEY_INVALID', `cannot read public key file ${path}: ${(e as Error).message}`);
  }
  try {
    parsePublicKeyPem(pem);
  } catch (e) {
    throw new CouncilError('KEY_INVALID', `${path} ${(e as Error).message}`);
  }
  return pem;
}
