/**
 * Edits of the trust file in use (Settings → Trust). An edit never changes a file the user chose,
 * nor the built-in demo trust file: the first one writes the app's own `<userData>/trust.json`
 * (atomically, checked by parseTrustFile before it replaces anything) and switches the security
 * settings to it; later edits rewrite that file.
 *
 * - The own file starts with the keys of the file in use. From the built-in demo trust file it
 *   starts empty: the private half of the demo key is published with the app, so that key is never
 *   carried into a file that looks like the user's own (the confirmation says so).
 * - Trusting a key (add, trustDeviceKeys) asks the native confirmation first (trust-confirm.ts);
 *   declined: CONFIRMATION_DECLINED, nothing written. Removing one raises protection and asks none.
 * - A key already trusted is refused (TRUST_KEY_EXISTS, naming its entry), never merged: to trust
 *   it in other roles or under another name, remove it and add it again, with the confirmation.
 * - A name is 1 to 200 characters without control characters (a line break in a name could pass
 *   for another line of the confirmation); roles are kept in TRUST_ROLES order, each once.
 * Edits and exports run one at a time. Each edit is logged here too: the renderer's audit entry
 * is its own (renderer/settings/trust/trust-edits.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeviceKey, DialogLanguage, TrustInfo, TrustKeyRequest } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import { TRUST_ROLES, type TrustedKey, type TrustRole } from '../../../shared/schemas/trust-file';
import { writeFileAtomic } from '../atomic-write';
import type { DialogPort } from '../dialog-port';
import { keyIdOfPublicKey, parsePublicKeyPem } from '../keys';
import type { SecuritySettingsStore } from '../security-settings';
import { parseTrustFile, readTrustFileText } from '../trust-file';
import { trustConfirmationFor } from './trust-confirm';

/** The app's own trust file, in the user-data folder. */
export const OWN_TRUST_FILE = 'trust.json';

/** The trust file in use: where, whether it is the built-in one, its text as read and its keys. */
export interface TrustInUse {
  path: string;
  builtIn: boolean;
  text: string;
  keys: TrustedKey[];
}

/** The trust file the settings name (null: the built-in one at `builtInTrust`), read and checked. */
export async function readTrustInUse(trustFile: string | null, builtInTrust: string): Promise<TrustInUse> {
  const file = trustFile ?? builtInTrust;
  const { text, trust } = await readTrustFileText(file);
  return { path: file, builtIn: trustFile === null, text, keys: trust.keys };
}

/** What the renderer is told about a trust file: never the PEMs. */
export function trustInfoOf({ path: file, builtIn, keys }: Pick<TrustInUse, 'path' | 'builtIn' | 'keys'>): TrustInfo {
  return { path: file, builtIn, keys: keys.map(({ keyid, name, roles }) => ({ keyid, name, roles })) };
}

export interface DeviceKeyNames {
  chairName: string;
  secretaryName: string;
  language?: DialogLanguage;
}

export interface TrustStoreOptions {
  /** The user-data folder: the own trust file is OWN_TRUST_FILE in it. */
  userDataDir: string;
  /** The built-in demo trust file, in use while the settings name none. */
  builtInTrust: string;
  security: SecuritySettingsStore | Promise<SecuritySettingsStore>;
  dialogs: DialogPort;
  log?: Pick<Console, 'info'>;
}

const PREFIX = 'council-desk: trust:';
const NAME_MAX = 200;
/** Control characters and text-direction marks: either could make a name read as something else. */
const UNSHOWABLE = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export class TrustStore {
  readonly ownFile: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TrustStoreOptions) {
    this.ownFile = path.join(options.userDataDir, OWN_TRUST_FILE);
  }

  /** The trust file in use now, read and checked (TRUST_FILE_INVALID when it cannot be used). */
  async inUse(): Promise<TrustInUse> {
    return readTrustInUse((await this.options.security).get().trustFile, this.options.builtInTrust);
  }

  /** Trusts one key from a PEM, after the confirmation. */
  add(request: TrustKeyRequest): Promise<TrustInfo> {
    return this.edit(async (inUse) => {
      const key = trustedKeyOf('The key', request.publicKeyPem, request.name, request.roles);
      return this.trusting(inUse, [key], request.language);
    });
  }

  /** Stops trusting a key of the file in use (TRUST_KEY_UNKNOWN when it is not there). */
  remove(keyid: string): Promise<TrustInfo> {
    return this.edit(async (inUse) => {
      const key = inUse.keys.find((k) => k.keyid === keyid);
      if (!key) throw new CouncilError('TRUST_KEY_UNKNOWN', `The trust file in use (${inUse.path}) does not trust the key ${keyid}, so it cannot be removed.`);
      this.log(`removed ${describe(key)}`);
      return startingKeys(inUse).filter((k) => k.keyid !== keyid);
    });
  }

  /** Trusts this device's chair key (role chair) and secretary key (role secretary), with one confirmation. */
  trustDeviceKeys(chair: DeviceKey, secretary: DeviceKey, names: DeviceKeyNames): Promise<TrustInfo> {
    return this.edit(async (inUse) => {
      if (chair.keyid === secretary.keyid) {
        throw new CouncilError('TRUST_KEY_INVALID', `This device's chair and secretary keys are one and the same key (${chair.keyid}); give the secretary a key of its own first.`);
      }
      const keys = [
        trustedKeyOf("This device's chair key", chair.publicKeyPem, names.chairName, ['chair']),
        trustedKeyOf("This device's secretary key", secretary.publicKeyPem, names.secretaryName, ['secretary']),
      ];
      return this.trusting(inUse, keys, names.language);
    });
  }

  /** Writes the trust file in use, as it is, to `target` (an export for the payment side). */
  exportTo(target: string): Promise<TrustInfo> {
    return this.inTurn(async () => {
      const inUse = await this.inUse();
      try {
        await writeFileAtomic(target, new TextEncoder().encode(inUse.text));
      } catch (e) {
        throw new CouncilError('TRUST_WRITE_FAILED', `The trust file could not be exported to ${target}: ${(e as Error).message}`);
      }
      this.log(`exported ${inUse.path} to ${target}`);
      return trustInfoOf(inUse);
    });
  }

  /** The keys after trusting `keys` too, once none is trusted already and the user confirmed. */
  private async trusting(inUse: TrustInUse, keys: TrustedKey[], language: DialogLanguage | undefined): Promise<TrustedKey[]> {
    const start = startingKeys(inUse);
    for (const key of keys) {
      const known = start.find((k) => k.keyid === key.keyid);
      if (known) {
        throw new CouncilError(
          'TRUST_KEY_EXISTS',
          `The key ${key.keyid} is already trusted, as "${known.name}" (${known.roles.join(', ')}); remove it first to trust it under another name or in other roles.`,
        );
      }
    }
    const request = trustConfirmationFor({ keys, file: this.ownFile, demoLeftOut: inUse.builtIn && inUse.keys.length > 0 }, language);
    if (!(await this.options.dialogs.confirm(request))) {
      this.log(`declined trusting ${keys.map(describe).join('; ')}`);
      throw new CouncilError('CONFIRMATION_DECLINED', 'Trusting the key was not confirmed, so the trust file stays as it was.');
    }
    this.log(`trusted ${keys.map(describe).join('; ')}`);
    return [...start, ...keys];
  }

  /** Works out the new keys from the file in use, writes the own file, and makes it the one in use. */
  private edit(make: (inUse: TrustInUse) => Promise<TrustedKey[]>): Promise<TrustInfo> {
    return this.inTurn(async () => {
      const security = await this.options.security;
      const keys = await make(await this.inUse());
      await this.write(keys);
      if (security.get().trustFile !== this.ownFile) await security.useOwnTrustFile(this.ownFile);
      return trustInfoOf({ path: this.ownFile, builtIn: false, keys });
    });
  }

  private async write(keys: TrustedKey[]): Promise<void> {
    const text = `${JSON.stringify({ keys }, null, 2)}\n`;
    const check = async (temp: string) => void parseTrustFile(await readFile(temp, 'utf8'), this.ownFile);
    try {
      await writeFileAtomic(this.ownFile, new TextEncoder().encode(text), { check });
    } catch (e) {
      throw new CouncilError('TRUST_WRITE_FAILED', `The trust file ${this.ownFile} could not be written, so it stays as it was: ${(e as Error).message}`);
    }
  }

  private inTurn<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private log(line: string): void {
    (this.options.log ?? console).info(`${PREFIX} ${line}`);
  }
}

/** What an edit starts from: the keys in use, but none of the built-in demo trust file's. */
function startingKeys(inUse: TrustInUse): TrustedKey[] {
  return inUse.builtIn ? [] : inUse.keys;
}

function describe(key: Pick<TrustedKey, 'keyid' | 'name' | 'roles'>): string {
  return `${key.keyid} "${key.name}" (${key.roles.join(', ')})`;
}

/** A trust file entry from a PEM, a name and roles, each checked; the PEM as node:crypto writes it. */
export function trustedKeyOf(what: string, pem: string, name: string, roles: readonly string[]): TrustedKey {
  let publicKeyPem: string;
  let keyid: string;
  try {
    const key = parsePublicKeyPem(pem);
    publicKeyPem = key.export({ type: 'spki', format: 'pem' }).toString();
    keyid = keyIdOfPublicKey(key);
  } catch (e) {
    throw new CouncilError('TRUST_KEY_INVALID', `${what} ${(e as Error).message}.`);
  }
  return { keyid, name: checkName(what, name), roles: checkRoles(what, roles), publicKeyPem };
}

function checkName(what: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > NAME_MAX) {
    throw new CouncilError('TRUST_KEY_INVALID', `${what}'s name must be 1 to ${NAME_MAX} characters (it has ${trimmed.length}).`);
  }
  if (UNSHOWABLE.test(trimmed)) {
    throw new CouncilError('TRUST_KEY_INVALID', `${what}'s name holds a control character (a line break, a tab or a text-direction mark); write it on one line.`);
  }
  return trimmed;
}

function checkRoles(what: string, roles: readonly string[]): TrustRole[] {
  const unknown = roles.filter((r) => !(TRUST_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new CouncilError('TRUST_KEY_INVALID', `${what} has an unknown role "${unknown[0]}"; the roles are ${TRUST_ROLES.join(', ')}.`);
  }
  const chosen = TRUST_ROLES.filter((r) => roles.includes(r));
  if (chosen.length === 0) throw new CouncilError('TRUST_KEY_INVALID', `${what} needs at least one role (${TRUST_ROLES.join(', ')}).`);
  return chosen;
}
