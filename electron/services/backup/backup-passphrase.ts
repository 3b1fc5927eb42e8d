/**
 * The backup passphrase as main holds it: only the scrypt key it gives (backup-key.ts), with its
 * salt, never the passphrase. For this run in memory; remembered, also in
 * `<userData>/backup-key.json`, sealed by the system's secret store (SecretPort: Electron's
 * safeStorage), so automatic backups go on after a restart. Without a secret store nothing is
 * kept on disk: the passphrase is asked again in the next run. Forgetting removes both.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupStatus } from '../../../shared/api';
import { writeFileAtomic } from '../atomic-write';
import type { SecretPort } from '../keystore/secret-port';
import { scryptParamsSchema } from './backup-format';
import { backupKeyOf, deriveBackupKey, newKdf, DEFAULT_SCRYPT_COST, type BackupKey, type ScryptCost } from './backup-key';

export const BACKUP_KEY_FILE = 'backup-key.json';

const keptKeySchema = z.strictObject({ format: z.literal(1), kdf: scryptParamsSchema, sealedKey: z.string().min(1) });

export class BackupPassphrase {
  private key: BackupKey | null = null;
  private remembered = false;
  private readonly file: string;

  constructor(
    userDataDir: string,
    private readonly secrets?: SecretPort,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {
    this.file = join(userDataDir, BACKUP_KEY_FILE);
  }

  /** Takes the remembered key, when there is one and the secret store opens it (else none: the passphrase is asked again). */
  async load(): Promise<void> {
    if (!this.secrets?.isAvailable()) return;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return;
    }
    try {
      const kept = keptKeySchema.parse(JSON.parse(text));
      this.key = backupKeyOf(kept.kdf, this.secrets.decrypt(Buffer.from(kept.sealedKey, 'base64')));
      this.remembered = true;
    } catch (e) {
      console.warn(`council-desk: the remembered backup passphrase in ${this.file} could not be opened (${(e as Error).message}); it must be given again.`);
    }
  }

  current(): BackupKey | null {
    return this.key;
  }

  status(): Pick<BackupStatus, 'passphraseSet' | 'passphraseRemembered'> {
    return { passphraseSet: this.key !== null, passphraseRemembered: this.key !== null && this.remembered };
  }

  async set(passphrase: string, remember: boolean): Promise<void> {
    const key = await deriveBackupKey(passphrase, newKdf(this.cost));
    const keep = remember && this.secrets?.isAvailable() === true;
    if (keep) {
      const sealedKey = Buffer.from(this.secrets!.encrypt(Buffer.concat([key.aesKey, key.checkKey]))).toString('base64');
      await writeFileAtomic(this.file, new TextEncoder().encode(`${JSON.stringify({ format: 1, kdf: key.kdf, sealedKey })}\n`), { mode: 0o600 });
    } else {
      await rm(this.file, { force: true });
    }
    this.key = key;
    this.remembered = keep;
  }

  async forget(): Promise<void> {
    await rm(this.file, { force: true });
    this.key = null;
    this.remembered = false;
  }
}
