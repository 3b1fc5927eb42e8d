/**
 * This device's two Ed25519 keys, the chair's and the secretary's (FORMATS.md "Keys and
 * signatures"): made here or imported from PKCS#8 PEM, kept encrypted in `<userData>/keys/`
 * (key-file.ts), and used to sign only in the main process: no return value ever holds a private
 * half. With the system's secret store (SecretPort) the keys are always ready; without it they are
 * sealed with one passphrase, set with the first key and given again in every run (unlock), with
 * three tries and then a pause (passphrase-tries.ts). A key missing when it is first needed to
 * sign is made then, when it can be protected.
 */
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { DEVICE_KEY_ROLES, type DeviceKey, type DeviceKeyRole, type DeviceKeys } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { DeviceKeyAccess, DeviceSigner } from '../feature-context';
import { keyIdOfPublicKey, parsePrivateKeyPem } from '../keys';
import { createKeyFile, deviceKeyOf, keyFilePath, readKeyFile, type KeyFile, type KeyProtection } from './key-file';
import { openWithPassphrase, sealWithPassphrase } from './key-file-crypto';
import { PassphraseTries } from './passphrase-tries';
import type { SecretPort } from './secret-port';

/** As shared/api.ts's argument schema asks of a passphrase. */
export const MIN_PASSPHRASE_LENGTH = 8;

export interface KeystoreOptions {
  /** The system's secret store; none (or not available): passphrase protection. */
  secrets?: SecretPort;
  /** Milliseconds since the epoch: the passphrase pause and createdAt (tests pass a fake clock). */
  now?: () => number;
}

type KeyFiles = Record<DeviceKeyRole, KeyFile | null>;

const LOCKED_MESSAGE = "This device's keys are locked: give their passphrase in Settings (Device keys) before signing.";

export class Keystore implements DeviceKeyAccess {
  private readonly tries: PassphraseTries;
  private readonly now: () => number;
  /** The passphrase given in this run (passphrase protection); null: locked. */
  private passphrase: string | null = null;
  /** Private keys decrypted in this run, with the keyid of the file they came from. */
  private readonly opened = new Map<DeviceKeyRole, { keyid: string; key: KeyObject }>();
  /** One operation at a time: the tries are counted in order, and a key is made once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly userDataDir: string,
    private readonly options: KeystoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.tries = new PassphraseTries(this.now);
  }

  status(): Promise<DeviceKeys> {
    return this.serial(async () => this.statusOf(await this.readFiles()));
  }

  /** Makes the role's key. Passphrase protection: `passphrase` sets it (first key) or must be the one in use. */
  create(role: DeviceKeyRole, passphrase?: string): Promise<DeviceKeys> {
    return this.serial(async () => {
      await this.add(role, newPrivateKey(), false, passphrase);
      return this.statusOf(await this.readFiles());
    });
  }

  /** Imports the role's key from an unencrypted Ed25519 PKCS#8 PEM; `from` names it in errors (a file's path). */
  importPem(role: DeviceKeyRole, pemText: string, passphrase?: string, from = 'the key to import'): Promise<DeviceKeys> {
    return this.serial(async () => {
      await this.add(role, parsePrivateKeyPem(pemText, from), true, passphrase);
      return this.statusOf(await this.readFiles());
    });
  }

  /** Passphrase protection: opens the keys for this run. With no key yet, the passphrase is kept for the first one. */
  unlock(passphrase: string): Promise<DeviceKeys> {
    return this.serial(async () => {
      const files = await this.readFiles();
      if (protectionOf(files, this.secretsAvailable()) === 'safe-storage') return this.statusOf(files);
      await this.unlockWith(files, passphrase);
      return this.statusOf(files);
    });
  }

  async publicKey(role: DeviceKeyRole): Promise<DeviceKey | null> {
    const file = await readKeyFile(this.userDataDir, role);
    return file && deviceKeyOf(file);
  }

  /** The role's signer; the key is made now when there is none and it can be protected. */
  signer(role: DeviceKeyRole): Promise<DeviceSigner> {
    return this.serial(async () => {
      let files = await this.readFiles();
      if (files[role] === null) {
        const protection = protectionOf(files, this.secretsAvailable());
        if (protection === 'passphrase' && this.passphrase === null) {
          if (hasPassphraseFiles(files)) throw new CouncilError('KEYSTORE_LOCKED', LOCKED_MESSAGE);
          throw new CouncilError('KEY_MISSING', `This device has no ${role} key yet. Make or import one in Settings (Device keys), with a passphrase to protect it.`);
        }
        await this.add(role, newPrivateKey(), false);
        files = await this.readFiles();
      }
      const file = files[role]!;
      const key = await this.open(file);
      return {
        keyid: file.keyid,
        publicKeyPem: file.publicKeyPem,
        sign: (message: Uint8Array) => new Uint8Array(sign(null, message, key)),
      };
    });
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private secretsAvailable(): boolean {
    return this.options.secrets?.isAvailable() ?? false;
  }

  private async readFiles(): Promise<KeyFiles> {
    const [chair, secretary] = await Promise.all(DEVICE_KEY_ROLES.map((role) => readKeyFile(this.userDataDir, role)));
    return { chair: chair ?? null, secretary: secretary ?? null };
  }

  private statusOf(files: KeyFiles): DeviceKeys {
    const protection = protectionOf(files, this.secretsAvailable());
    return {
      protection,
      passphraseSet: protection === 'passphrase' && hasPassphraseFiles(files),
      unlocked: protection === 'safe-storage' ? this.secretsAvailable() : this.passphrase !== null,
      chair: files.chair && deviceKeyOf(files.chair),
      secretary: files.secretary && deviceKeyOf(files.secretary),
    };
  }

  private async add(role: DeviceKeyRole, key: KeyObject, imported: boolean, passphrase?: string): Promise<void> {
    const files = await this.readFiles();
    const existing = files[role];
    if (existing !== null) {
      throw new CouncilError('KEY_EXISTS', `This device already has a ${role} key (${existing.keyid}); a key is never replaced, so move ${keyFilePath(this.userDataDir, role)} away first to make or import another.`);
    }
    const keyid = keyIdOfPublicKey(createPublicKey(key));
    const other = DEVICE_KEY_ROLES.find((r) => files[r]?.keyid === keyid);
    if (other !== undefined) throw new CouncilError('KEY_EXISTS', `This key is already this device's ${other} key; the chair and the secretary sign with keys of their own.`);

    const pem = new TextEncoder().encode(key.export({ type: 'pkcs8', format: 'pem' }).toString());
    const facts = {
      version: 1 as const,
      role,
      keyid,
      publicKeyPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
      createdAt: new Date(this.now()).toISOString(),
      imported,
    };
    const protection = protectionOf(files, this.secretsAvailable());
    if (protection === 'safe-storage') {
      const secrets = this.requireSecrets();
      await createKeyFile(this.userDataDir, { ...facts, protection, privateKey: { ciphertext: Buffer.from(secrets.encrypt(pem)).toString('base64') } });
    } else {
      const pass = await this.passphraseToSeal(files, passphrase);
      await createKeyFile(this.userDataDir, { ...facts, protection, privateKey: await sealWithPassphrase(pem, pass) });
    }
    this.opened.set(role, { keyid, key });
  }

  /**
   * The passphrase a new key is sealed with: the one given, checked against the keys there are (a
   * wrong one counts as a try) or, before the first key, set; else the one given earlier in this run.
   */
  private async passphraseToSeal(files: KeyFiles, given: string | undefined): Promise<string> {
    if (given !== undefined && given !== this.passphrase) await this.unlockWith(files, given);
    if (this.passphrase !== null) return this.passphrase;
    throw hasPassphraseFiles(files)
      ? new CouncilError('KEYSTORE_LOCKED', LOCKED_MESSAGE)
      : new CouncilError('KEY_PASSPHRASE_NEEDED', `A passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters is needed to protect this device's first key (this computer has no system secret store the app can use).`);
  }

  private async unlockWith(files: KeyFiles, passphrase: string): Promise<void> {
    this.tries.assertAllowed();
    const sealed = DEVICE_KEY_ROLES.map((role) => files[role]).filter((f): f is KeyFile & { protection: 'passphrase' } => f?.protection === 'passphrase');
    if (sealed.length === 0) {
      // No key yet: this passphrase will protect the first one.
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new CouncilError('KEY_PASSPHRASE_NEEDED', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`);
      }
      this.passphrase = passphrase;
      return;
    }
    const opened = await Promise.all(sealed.map((file) => openWithPassphrase(file.privateKey, passphrase).then((pem) => ({ file, pem }), () => ({ file, pem: null }))));
    const good = opened.filter((o) => o.pem !== null);
    if (good.length === 0) this.tries.wrong();
    this.tries.right();
    this.passphrase = passphrase;
    for (const { file, pem } of good) this.remember(file, pem!);
    const damaged = opened.find((o) => o.pem === null);
    if (damaged) {
      throw new CouncilError('KEYSTORE_UNREADABLE', `The key file ${keyFilePath(this.userDataDir, damaged.file.role)} does not open with the passphrase that opens the other key: it was changed or damaged. Restore it from a backup, or move it away and make or import the key again.`);
    }
  }

  /** The decrypted private key of a key file, checked to be the key the file names. */
  private async open(file: KeyFile): Promise<KeyObject> {
    const cached = this.opened.get(file.role);
    if (cached?.keyid === file.keyid) return cached.key;
    const path = keyFilePath(this.userDataDir, file.role);
    let pem: Uint8Array;
    if (file.protection === 'safe-storage') {
      const secrets = this.requireSecrets();
      try {
        pem = secrets.decrypt(Buffer.from(file.privateKey.ciphertext, 'base64'));
      } catch {
        throw new CouncilError('KEYSTORE_UNREADABLE', `The system's secret store cannot decrypt the key file ${path}: it was made under another user account or computer, or changed.`);
      }
    } else {
      if (this.passphrase === null) throw new CouncilError('KEYSTORE_LOCKED', LOCKED_MESSAGE);
      try {
        pem = await openWithPassphrase(file.privateKey, this.passphrase);
      } catch {
        throw new CouncilError('KEYSTORE_UNREADABLE', `The key file ${path} does not open with the passphrase given in this run: it was changed or damaged.`);
      }
    }
    return this.remember(file, pem);
  }

  private remember(file: KeyFile, pem: Uint8Array): KeyObject {
    const path = keyFilePath(this.userDataDir, file.role);
    let key: KeyObject;
    try {
      key = parsePrivateKeyPem(new TextDecoder().decode(pem), `the private key in ${path}`);
    } catch (e) {
      throw new CouncilError('KEYSTORE_UNREADABLE', (e as Error).message);
    }
    if (keyIdOfPublicKey(createPublicKey(key)) !== file.keyid) {
      throw new CouncilError('KEYSTORE_UNREADABLE', `The private key in ${path} is not the key its keyid (${file.keyid}) names: the file was changed.`);
    }
    this.opened.set(file.role, { keyid: file.keyid, key });
    return key;
  }

  private requireSecrets(): SecretPort {
    const secrets = this.options.secrets;
    if (!secrets?.isAvailable()) {
      throw new CouncilError('KEYSTORE_LOCKED', "The system's secret store that protects this device's keys is not available now; sign in to the desktop session's keyring and start the app again.");
    }
    return secrets;
  }
}

/** The existing keys' protection; with none yet, the secret store's when it is available. */
function protectionOf(files: KeyFiles, secretsAvailable: boolean): KeyProtection {
  return files.chair?.protection ?? files.secretary?.protection ?? (secretsAvailable ? 'safe-storage' : 'passphrase');
}

function hasPassphraseFiles(files: KeyFiles): boolean {
  return DEVICE_KEY_ROLES.some((role) => files[role]?.protection === 'passphrase');
}

function newPrivateKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}
