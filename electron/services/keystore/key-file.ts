/**
 * One of this device's keys on disk: `<userData>/keys/<role>.key.json` (folder 0700, file 0600),
 * the public half in clear and the private PKCS#8 PEM encrypted, by the system's secret store
 * ('safe-storage') or a passphrase (key-file-crypto.ts). A key file is created once and never
 * replaced: a lost private key cannot be brought back.
 */
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEVICE_KEY_ROLES, type DeviceKey, type DeviceKeyRole } from '../../../shared/api';
import { parseStrictJson } from '../../../shared/json/strict-json';
import { wordIssues } from '../../../shared/problems/zod-wording';
import { CouncilError } from '../../../shared/result';
import { createFileAtomic } from '../atomic-create';
import { keyIdOfPublicKeyPem } from '../keys';
import { passphraseSealSchema } from './key-file-crypto';

/** Far above any key file; a bigger one is not ours. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

const keyFacts = {
  version: z.literal(1),
  role: z.enum(DEVICE_KEY_ROLES),
  keyid: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a lowercase hex SHA-256 (64 characters)' }),
  publicKeyPem: z.string().includes('-----BEGIN PUBLIC KEY-----', { error: 'must be a PEM public key (SPKI)' }),
  createdAt: z.iso.datetime(),
  imported: z.boolean(),
};

export const keyFileSchema = z.discriminatedUnion('protection', [
  z.strictObject({ ...keyFacts, protection: z.literal('safe-storage'), privateKey: z.strictObject({ ciphertext: z.base64().min(1) }) }),
  z.strictObject({ ...keyFacts, protection: z.literal('passphrase'), privateKey: passphraseSealSchema }),
]);
export type KeyFile = z.infer<typeof keyFileSchema>;
export type KeyProtection = KeyFile['protection'];

export const keysFolder = (userDataDir: string) => join(userDataDir, 'keys');
export const keyFilePath = (userDataDir: string, role: DeviceKeyRole) => join(keysFolder(userDataDir), `${role}.key.json`);

/** What the renderer may see of a key file: never the private half. */
export function deviceKeyOf(file: KeyFile): DeviceKey {
  return { role: file.role, keyid: file.keyid, publicKeyPem: file.publicKeyPem, createdAt: file.createdAt, imported: file.imported };
}

function unreadable(path: string, why: string): CouncilError {
  return new CouncilError('KEYSTORE_UNREADABLE', `The key file ${path} cannot be used: ${why}. Restore it from a backup, or move it away and make or import the key again.`);
}

/** The role's key file; null when there is none. A file that is not a key file: KEYSTORE_UNREADABLE naming it. */
export async function readKeyFile(userDataDir: string, role: DeviceKeyRole): Promise<KeyFile | null> {
  const path = keyFilePath(userDataDir, role);
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw unreadable(path, 'it is not a file');
    if (info.size > MAX_KEY_FILE_BYTES) throw unreadable(path, `it is ${info.size} bytes, far more than a key file holds`);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof CouncilError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadable(path, (e as Error).message);
  }
  const json = parseStrictJson(text);
  if (!json.ok) throw unreadable(path, json.error === 'not-json' ? `it is not JSON (${json.detail})` : `it holds the field "${json.duplicate.key}" twice`);
  const parsed = keyFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issues = wordIssues(parsed.error.issues, json.value).map((i) => `${i.path || 'the file'} ${i.message}`);
    throw unreadable(path, issues.join('; '));
  }
  const file = parsed.data;
  if (file.role !== role) throw unreadable(path, `it holds the ${file.role} key, not the ${role} key`);
  let keyid: string;
  try {
    keyid = keyIdOfPublicKeyPem(file.publicKeyPem);
  } catch (e) {
    throw unreadable(path, `publicKeyPem ${(e as Error).message}`);
  }
  if (keyid !== file.keyid) throw unreadable(path, `keyid does not match its publicKeyPem (whose keyid is ${keyid})`);
  return file;
}

/** Writes a new key file, 0600 in a 0700 folder; KEY_EXISTS, and nothing written, when the role has one. */
export async function createKeyFile(userDataDir: string, file: KeyFile): Promise<void> {
  const folder = keysFolder(userDataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700); // mkdir's mode passes through the umask, and an existing folder keeps its own
  const path = keyFilePath(userDataDir, file.role);
  const bytes = new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
  if (!(await createFileAtomic(path, bytes, { mode: 0o600 }))) {
    throw new CouncilError('KEY_EXISTS', `This device already has a ${file.role} key (${path}); a key file is never replaced, so move it away first to make or import another.`);
  }
  await chmod(path, 0o600);
}
