/**
 * The notary as the app makes it (createDecisionService), on a temporary user-data folder, home and
 * sync folder, with a chair key made by node:crypto standing in for the keystore and a confirmation
 * dialog that records what it was asked and answers as the test says. A second kit on the same
 * root is the app started again.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { CouncilError } from '../../shared/result';
import type { DeviceKeyRole } from '../../shared/api';
import type { DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { appPathsFrom } from '../../electron/services/app-paths';
import { NO_DIALOGS, type ConfirmRequest } from '../../electron/services/dialog-port';
import { defaultSyncFolder, type DeviceKeyAccess, type FeatureContext } from '../../electron/services/feature-context';
import { verifyEnvelopeWithKey } from '../../electron/services/dsse-signing';
import { generateKeyPair, type KeyPair } from '../../electron/services/keys';
import { SecuritySettingsStore } from '../../electron/services/security-settings';
import { createDecisionService, type DecisionService, type DecisionServiceOptions } from '../../electron/services/notary/notary-handlers';
import { samplePayload, type SamplePayloadOptions } from './decision-payloads';

/** A hard link that fails as it does from the user-data folder to a USB stick: the outbox then writes a copy. */
export async function acrossFileSystems(): Promise<void> {
  throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
}

/** This device's keys as the keystore would give them: a key pair for each role given. */
export function fakeDeviceKeys(pairs: Partial<Record<DeviceKeyRole, KeyPair>>): DeviceKeyAccess {
  return {
    publicKey: async (role) => {
      const pair = pairs[role];
      return pair ? { role, keyid: pair.keyid, publicKeyPem: pair.publicKeyPem, createdAt: '2023-03-01T09:00:00+09:00', imported: false } : null;
    },
    signer: async (role) => {
      const pair = pairs[role];
      if (!pair) throw new CouncilError('KEY_MISSING', `This device has no ${role} key yet.`);
      const privateKey = createPrivateKey(pair.privateKeyPem);
      return { keyid: pair.keyid, publicKeyPem: pair.publicKeyPem, sign: (message) => new Uint8Array(sign(null, message, privateKey)) };
    },
  };
}

/** This device's keys as the keystore would give them: a chair key only. */
export function fakeChairKeys(pair: KeyPair): DeviceKeyAccess {
  return fakeDeviceKeys({ chair: pair });
}

export interface NotaryKitOptions extends DecisionServiceOptions {
  /** An earlier kit's root: the same user-data folder, home and sync folder (the app started again). */
  root?: string;
  pair?: KeyPair;
  /** The chair key the device holds; `pair` unless a test gives another. */
  keys?: DeviceKeyAccess;
  /** No sync folder chosen: the default one in the home folder, not made by the kit. */
  defaultSync?: boolean;
}

export interface NotaryKit {
  root: string;
  userData: string;
  /** The sync folder in use (chosen in the settings and made by the kit, unless defaultSync). */
  sync: string;
  outbox: string;
  pair: KeyPair;
  /** What the kit's handlers were made with (other features' services are made on it too). */
  ctx: FeatureContext;
  service: DecisionService;
  handlers: DecisionService['handlers'];
  /** Every confirmation asked for, in order. */
  confirms: ConfirmRequest[];
  /** What the confirmation answers (true unless a test says). */
  answer: { confirm: boolean };
  /** A sample payload named to this kit's chair key. */
  payload(opts?: SamplePayloadOptions): DecisionFilePayload;
  /** The names in outbox/ (none when it is not there). */
  outboxNames(): string[];
  ledgerText(): string | null;
  /** The payload of the decision file at `path`, which must verify with this kit's chair key and hold RFC 8785 bytes; throws otherwise. */
  verified(path: string): DecisionFilePayload;
}

export function verifiedPayload(path: string, publicKeyPem: string): DecisionFilePayload {
  const result = verifyEnvelopeWithKey(JSON.parse(readFileSync(path, 'utf8')), publicKeyPem, { payloadType: PAYLOAD_TYPE_DECISIONS });
  if (!result.ok) throw new Error(`${path} does not verify: ${result.message}`);
  const text = new TextDecoder().decode(result.body);
  if (canonicalJson(JSON.parse(text)) !== text) throw new Error(`${path}: the payload is not RFC 8785 bytes`);
  return JSON.parse(text) as DecisionFilePayload;
}

const made: NotaryKit[] = [];

/** Stops every kit made so far and removes their folders (a test file's afterEach). */
export async function disposeNotaryKits(): Promise<void> {
  const kits = made.splice(0);
  for (const k of kits) {
    k.service.stop();
    await k.service.settled();
  }
  for (const root of new Set(kits.map((k) => k.root))) rmSync(root, { recursive: true, force: true });
}

export function notaryKit(opts: NotaryKitOptions = {}): NotaryKit {
  const root = opts.root ?? mkdtempSync(join(tmpdir(), 'cd-notary-'));
  const userData = join(root, 'user-data');
  const home = join(root, 'home');
  const sync = opts.defaultSync ? defaultSyncFolder(home) : join(root, 'sync');
  for (const dir of [userData, home]) mkdirSync(dir, { recursive: true });
  if (opts.root === undefined && !opts.defaultSync) mkdirSync(sync);
  const pair = opts.pair ?? generateKeyPair();
  const confirms: ConfirmRequest[] = [];
  const answer = { confirm: true };
  const dialogs = {
    ...NO_DIALOGS,
    confirm: async (request: ConfirmRequest) => {
      confirms.push(request);
      return answer.confirm;
    },
  };
  const ctx: FeatureContext = {
    paths: appPathsFrom(root, userData),
    dialogs,
    mode: 'electron',
    home,
    security: SecuritySettingsStore.open(userData, { dialogs, log: { info: () => undefined, warn: () => undefined } }),
    keys: opts.keys ?? fakeChairKeys(pair),
    trustedKeys: async () => [],
    syncFolder: async () => sync,
  };
  const service = createDecisionService(ctx, opts);
  const outbox = join(sync, 'outbox');
  const kit: NotaryKit = {
    root,
    userData,
    sync,
    outbox,
    pair,
    ctx,
    service,
    handlers: service.handlers,
    confirms,
    answer,
    payload: (p = {}) => samplePayload({ keyid: pair.keyid, ...p }),
    outboxNames: () => {
      try {
        return readdirSync(outbox).sort();
      } catch {
        return [];
      }
    },
    ledgerText: () => {
      try {
        return readFileSync(join(userData, 'notary', 'ledger.json'), 'utf8');
      } catch {
        return null;
      }
    },
    verified: (path) => verifiedPayload(path, pair.publicKeyPem),
  };
  made.push(kit);
  return kit;
}
