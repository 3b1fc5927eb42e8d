/**
 * The security settings (shared/schemas/security-settings.ts), held by the main process: read once
 * from a JSON file of the user-data folder at start and kept in memory; a change is checked, and
 * written atomically before it takes effect. Imports use these, never what a caller sends.
 *
 * A missing or broken file gives the safe defaults (signatures required, the built-in trust file,
 * no sync folder chosen: the default one is used) and says so in the log: never a crash. A change
 * that lowers a protection (signature checks off, another trust file, or back to the demo one) is
 * made only once the user confirms a dialog that says what changes; every accepted or declined
 * change is logged.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SecuritySettingsRequest } from '../../shared/api';
import { CouncilError } from '../../shared/result';
import {
  DEFAULT_SECURITY_SETTINGS,
  SECURITY_SETTINGS_VERSION,
  securitySettingsFileSchema,
  type SecuritySettings,
  type SecuritySettingsChange,
} from '../../shared/schemas/security-settings';
import type { TrustFile } from '../../shared/schemas/trust-file';
import { writeFileAtomic } from './atomic-write';
import type { DialogPort } from './dialog-port';
import { confirmationFor, type Lowering } from './security-confirm';
import { readTrustFile } from './trust-file';

export const SECURITY_SETTINGS_FILE = 'security-settings.json';

export type SettingsLog = Pick<Console, 'info' | 'warn'>;

const PREFIX = 'council-desk: security settings:';

/** The settings in `file`, or the defaults (logged) when it is missing or not a valid settings file. */
export async function readSecuritySettings(file: string, log: SettingsLog = console): Promise<SecuritySettings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') log.info(`${PREFIX} ${file} does not exist yet; using the safe defaults.`);
    else log.warn(`${PREFIX} cannot read ${file} (${(e as Error).message}); using the safe defaults.`);
    return { ...DEFAULT_SECURITY_SETTINGS };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    log.warn(`${PREFIX} ${file} is not valid JSON (${(e as Error).message}); using the safe defaults.`);
    return { ...DEFAULT_SECURITY_SETTINGS };
  }
  const parsed = securitySettingsFileSchema.safeParse(json);
  if (!parsed.success) {
    log.warn(`${PREFIX} ${file} is not a valid settings file; using the safe defaults.\n${z.prettifyError(parsed.error)}`);
    return { ...DEFAULT_SECURITY_SETTINGS };
  }
  const { requireSignature, trustFile, syncFolder } = parsed.data;
  return { requireSignature, trustFile, syncFolder };
}

export interface SecuritySettingsOptions {
  dialogs: DialogPort;
  log?: SettingsLog;
  /** How a chosen trust file is read and checked (tests may count the reads). */
  readTrust?: (path: string) => Promise<TrustFile>;
}

export class SecuritySettingsStore {
  private current: SecuritySettings;
  /** Changes run one after another: one dialog at a time, one write at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: SettingsLog;
  private readonly readTrust: (path: string) => Promise<TrustFile>;

  private constructor(
    readonly file: string,
    initial: SecuritySettings,
    private readonly options: SecuritySettingsOptions,
  ) {
    this.current = initial;
    this.log = options.log ?? console;
    this.readTrust = options.readTrust ?? readTrustFile;
  }

  /** Reads the settings file of `userDataDir` (once) and keeps its settings in memory. */
  static async open(userDataDir: string, options: SecuritySettingsOptions): Promise<SecuritySettingsStore> {
    const file = path.join(userDataDir, SECURITY_SETTINGS_FILE);
    return new SecuritySettingsStore(file, await readSecuritySettings(file, options.log), options);
  }

  get(): SecuritySettings {
    return { ...this.current };
  }

  /** Applies a change (after the confirmation it needs) and answers the settings now in force. */
  change(request: SecuritySettingsRequest): Promise<SecuritySettings> {
    return this.inTurn(() => this.apply(request));
  }

  /**
   * Makes the app's own trust file (trust-store/) the one in use, without a confirmation: it holds
   * the keys of the file in use and those the user confirmed trusting, and nothing else.
   */
  useOwnTrustFile(file: string): Promise<SecuritySettings> {
    return this.inTurn(async () => {
      const change = { trustFile: absolute(file, 'trustFile') };
      return this.current.trustFile === change.trustFile ? this.get() : this.save(change, false);
    });
  }

  private inTurn(step: () => Promise<SecuritySettings>): Promise<SecuritySettings> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply({ change, language }: SecuritySettingsRequest): Promise<SecuritySettings> {
    const before = this.current;
    const effective = changedOnly(before, change);
    if (Object.keys(effective).length === 0) return this.get();
    const lowerings = await this.check(before, effective);
    if (lowerings.length > 0 && !(await this.options.dialogs.confirm(confirmationFor(lowerings, language)))) {
      this.log.warn(`${PREFIX} declined: ${describeChange(before, effective)}`);
      throw new CouncilError('CONFIRMATION_DECLINED', 'The change was not confirmed, so the security settings stay as they were.');
    }
    return this.save(effective, lowerings.length > 0);
  }

  /** Writes the settings with `change` applied, then keeps them. */
  private async save(change: SecuritySettingsChange, confirmed: boolean): Promise<SecuritySettings> {
    const before = this.current;
    const described = describeChange(before, change);
    const next: SecuritySettings = { ...before, ...change };
    try {
      const text = `${JSON.stringify({ version: SECURITY_SETTINGS_VERSION, ...next }, null, 2)}\n`;
      await writeFileAtomic(this.file, new TextEncoder().encode(text), { mode: 0o600 });
    } catch (e) {
      this.log.warn(`${PREFIX} could not write ${this.file}: ${described} not made (${(e as Error).message})`);
      throw new CouncilError('SETTINGS_WRITE_FAILED', `The security settings could not be saved in ${this.file}: ${(e as Error).message}`);
    }
    this.current = next;
    this.log.info(`${PREFIX} ${confirmed ? 'confirmed' : 'changed'}: ${described}`);
    return this.get();
  }

  /** Refuses what cannot be used (a relative path, a broken trust file, no such folder); lists what lowers a protection. */
  private async check(before: SecuritySettings, change: SecuritySettingsChange): Promise<Lowering[]> {
    const lowerings: Lowering[] = [];
    if (change.requireSignature === false && before.requireSignature) lowerings.push({ kind: 'signature-off' });
    if (change.trustFile !== undefined) {
      if (change.trustFile === null) lowerings.push({ kind: 'built-in-trust' });
      else {
        const trust = await this.readTrust(absolute(change.trustFile, 'trustFile'));
        lowerings.push({ kind: 'trust-file', path: change.trustFile, keys: trust.keys });
      }
    }
    if (change.syncFolder) await requireFolder(absolute(change.syncFolder, 'syncFolder'));
    return lowerings;
  }
}

/** The part of a change that differs from the settings in force. */
function changedOnly(current: SecuritySettings, change: SecuritySettingsChange): SecuritySettingsChange {
  const out: Record<string, unknown> = {};
  for (const key of ['requireSignature', 'trustFile', 'syncFolder'] as const) {
    if (change[key] !== undefined && change[key] !== current[key]) out[key] = change[key];
  }
  return out as SecuritySettingsChange;
}

function describeChange(before: SecuritySettings, change: SecuritySettingsChange): string {
  return Object.entries(change)
    .map(([key, value]) => `${key} ${JSON.stringify(before[key as keyof SecuritySettings])} -> ${JSON.stringify(value)}`)
    .join(', ');
}

function absolute(file: string, field: string): string {
  if (!path.isAbsolute(file)) throw new CouncilError('BAD_ARGUMENT', `${field}: must be an absolute path, not "${file}".`);
  return file;
}

async function requireFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new CouncilError('SYNC_FOLDER_MISSING', `The sync folder ${folder} does not exist or is not a folder.`);
}
