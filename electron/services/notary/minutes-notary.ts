/**
 * The notary for minutes (DESIGN.md, "The main process is the notary"; FORMATS.md, "Minutes
 * attestation"): main signs `minutes-<meetingId>.dsse.json` with the secretary's key, trusting
 * nothing the renderer sends but who the secretary is. The files it lists are those main made and
 * wrote, hashed here from their bytes; the decision files, their payload hashes, the council and
 * the totals (each case at its highest revision) come from what the notary's ledger says it signed
 * for the meeting, read back from the sync folder's outbox and checked against the ledger's hashes.
 * It attests only when every decision file of the meeting is in the outbox, after the native
 * confirmation; the attestation is created atomically in `<sync>/minutes/` and the folder the
 * secretary chose, never over a different file, then read back and verified with the files beside
 * it. The same content attested again is answered as it stands (`existed`), signing nothing new.
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { DialogLanguage } from '../../../shared/api';
import { canonicalJson, canonicalJsonBytes } from '../../../shared/canonical-json';
import { MEETING_ID_PATTERN } from '../../../shared/decisions/decision-file-name';
import { PAYLOAD_TYPE_MINUTES } from '../../../shared/dsse';
import { formatJsonPath } from '../../../shared/json-path';
import { MINUTES_FORMAT, MINUTES_VERSION, minutesAttestationSchema, type MinutesAttestation } from '../../../shared/minutes/attestation-schema';
import { minutesAttestationFileName, minutesExportNames } from '../../../shared/minutes/file-names';
import { totalsAtHighestRevision } from '../../../shared/minutes/highest-revision';
import type { MinutesDecisionFileInput } from '../../../shared/minutes/minutes-model';
import { CouncilError } from '../../../shared/result';
import { SYNC_SUBFOLDERS } from '../../../shared/sync-folder/folders';
import { createFileAtomic } from '../atomic-create';
import type { DialogPort } from '../dialog-port';
import { signBody } from '../dsse-signing';
import { isDefaultSyncFolder, type DeviceKeyAccess, type DeviceSigner, type FeatureContext } from '../feature-context';
import { minutesTargets, readBack, type MinutesFile } from '../minutes/minutes-files';
import { findDecisionFile, verifyMinutesAttestation } from '../minutes/verify-minutes-attestation';
import type { NotaryLedger } from './ledger';
import { minutesConfirmation, minutesSummaryOf } from './minutes-confirm';
import { laneOf } from './notary-handlers';
import type { OneAtATime } from './one-at-a-time';
import { signedFileOf, writeKey } from './outbox';

export interface MinutesNotaryOptions {
  ledger: () => Promise<NotaryLedger>;
  keys: DeviceKeyAccess;
  dialogs: DialogPort;
  /** The decision notary's lane: no decision file is signed while the minutes read them. */
  serial: OneAtATime;
  syncFolder: () => Promise<string>;
  /** Whether a missing sync folder may be made: the default one, in the home folder. */
  mayCreate: (syncFolder: string) => boolean;
  now?: () => Date;
}

export interface AttestMinutesRequest {
  meetingId: string;
  /** The files main made and wrote (writeMinutesFiles), under their export names. */
  files: readonly MinutesFile[];
  /** The secretary, as the meeting's roster names them. */
  signer: { memberId: string; name: string };
  language?: DialogLanguage;
  /** The folder the secretary chose, besides `<sync>/minutes/`: absolute. */
  folder?: string;
  /**
   * The decision files the minutes were made from (signedDecisionFiles): refused (MINUTES_NOT_READY)
   * when the ledger's are others by now, a decision signed meanwhile, so the attestation binds the files the minutes describe.
   */
  describes?: readonly { fileName: string; payloadSha256: string }[];
}

export interface MinutesAttestationResult {
  fileName: string;
  meetingId: string;
  payloadSha256: string;
  /** Where the attestation is: `<sync>/minutes/…`, then the chosen folder's. */
  paths: string[];
  payload: MinutesAttestation;
  /** True when the same content was attested before: nothing new was signed. */
  existed: boolean;
}

const requestSchema = z.strictObject({
  meetingId: z.string().regex(MEETING_ID_PATTERN, { error: 'must be 1 to 64 of A-Z a-z 0-9 - _ .' }),
  files: z.array(z.strictObject({ name: z.string(), bytes: z.instanceof(Uint8Array) })).min(1, { error: 'must list at least one minutes file' }),
  signer: z.strictObject({ memberId: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(200) }),
  language: z.enum(['ko', 'en']).optional(),
  folder: z.string().refine(isAbsolute, { error: 'must be a full path' }).optional(),
  describes: z.array(z.strictObject({ fileName: z.string(), payloadSha256: z.string() })).optional(),
});

const filesKey = (files: readonly { fileName: string; payloadSha256: string }[]) => files.map((f) => `${f.fileName} ${f.payloadSha256}`).join('\n');

function refused(why: string): CouncilError {
  return new CouncilError('MINUTES_REFUSED', `The minutes attestation was not signed: ${why}.`);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The payload's content, its moment of signing aside: the same content attested twice is one attestation. */
const contentOf = ({ createdAt: _at, ...content }: MinutesAttestation) => canonicalJson(content);

export class MinutesNotary {
  constructor(private readonly o: MinutesNotaryOptions) {}

  /** The folders minutes go into: `<sync>/minutes/` (made when missing), then the chosen folder. */
  async targets(folder?: string): Promise<string[]> {
    const sync = await this.o.syncFolder();
    return minutesTargets(sync, { createSync: this.o.mayCreate(sync), chosen: folder });
  }

  async attestMinutes(raw: AttestMinutesRequest): Promise<MinutesAttestationResult> {
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) throw refused(parsed.error.issues.map((i) => `${formatJsonPath(i.path)}: ${i.message}`).join('; '));
    const req = parsed.data;
    const allowed = minutesExportNames(req.meetingId);
    const files: Record<string, string> = {};
    for (const f of req.files) {
      if (!allowed.includes(f.name) || Object.hasOwn(files, f.name)) throw refused(`files: ${JSON.stringify(f.name)} is not one of the meeting's export names (${allowed.join(', ')}) given once`);
      files[f.name] = sha256(f.bytes);
    }
    return this.o.serial(async () => {
      const decisions = await this.signedDecisions(req.meetingId);
      if (req.describes !== undefined && filesKey(req.describes) !== filesKey(decisions.files)) {
        throw new CouncilError('MINUTES_NOT_READY', `A decision file of meeting ${req.meetingId} was signed while its minutes were made: make the minutes again, so they describe every decision file.`);
      }
      const signer = await this.o.keys.signer('secretary');
      const payload: MinutesAttestation = {
        format: MINUTES_FORMAT,
        version: MINUTES_VERSION,
        council: decisions.files.at(-1)!.payload.council,
        meetingId: req.meetingId,
        files,
        decisionFiles: Object.fromEntries(decisions.files.map((f) => [f.fileName, f.payloadSha256])),
        totals: totalsAtHighestRevision(decisions.files),
        signer: { memberId: req.signer.memberId, name: req.signer.name, role: 'secretary', keyid: signer.keyid },
        createdAt: (this.o.now?.() ?? new Date()).toISOString(),
      };
      const checked = minutesAttestationSchema.safeParse(payload);
      if (!checked.success) throw refused(checked.error.issues.map((i) => `${formatJsonPath(i.path)}: ${i.message}`).join('; '));
      const fileName = minutesAttestationFileName(req.meetingId);
      const targets = await this.targets(req.folder);
      const before = await this.attestedBefore(targets, fileName, payload, signer);
      if (before !== null) return this.release(targets, fileName, before.bytes, before.payload, signer, true);
      if (!(await this.o.dialogs.confirm(minutesConfirmation(minutesSummaryOf(payload, fileName), req.language)))) {
        throw new CouncilError('CONFIRMATION_DECLINED', `Signing ${fileName} was declined; nothing was signed or written.`);
      }
      const body = canonicalJsonBytes(payload);
      const file = signedFileOf(fileName, signBody(PAYLOAD_TYPE_MINUTES, body, signer), body, signer.publicKeyPem);
      return this.release(targets, fileName, file.bytes, payload, signer, false);
    });
  }

  /**
   * The meeting's signed decision files, in sequence order, as read back from the sync folder's
   * outbox and checked against the ledger: what the minutes are made from. MINUTES_NOT_READY when
   * none was signed, one is still queued or one is not in the outbox.
   */
  async signedDecisionFiles(meetingId: string): Promise<MinutesDecisionFileInput[]> {
    return this.o.serial(async () => (await this.signedDecisions(meetingId)).files);
  }

  /** What the ledger says was signed for the meeting, every file in the outbox and read back as signed. */
  private async signedDecisions(meetingId: string): Promise<{ files: MinutesDecisionFileInput[] }> {
    const signed = (await this.o.ledger()).view(meetingId).files;
    if (signed.length === 0) {
      throw new CouncilError('MINUTES_NOT_READY', `No decision file was signed for meeting ${meetingId} yet: export all decisions first, then make the minutes.`);
    }
    const queued = signed.filter((f) => f.state === 'queued').map((f) => f.fileName);
    if (queued.length > 0) {
      throw new CouncilError(
        'MINUTES_NOT_READY',
        `The decision file${queued.length === 1 ? '' : 's'} ${queued.join(', ')} of meeting ${meetingId} ${queued.length === 1 ? 'waits' : 'wait'} for the sync folder: export all decisions first (the outbox tries again; "Retry" does at once), then make the minutes.`,
      );
    }
    const outbox = join(await this.o.syncFolder(), SYNC_SUBFOLDERS.outbox);
    const files: MinutesDecisionFileInput[] = [];
    for (const f of signed) {
      const found = await findDecisionFile([outbox], f.fileName, f.payloadSha256);
      if (found.status === 'not-found') {
        throw new CouncilError('MINUTES_NOT_READY', `The decision file ${f.fileName}, signed for meeting ${meetingId}, is not in ${outbox}: the minutes list the decision files of the sync folder in use.`);
      }
      if (found.payload === undefined) {
        const why = found.status === 'changed' ? `its payload is not the one the ledger recorded (SHA-256 ${f.payloadSha256})` : String(found.problem?.params.detail ?? found.status);
        throw refused(`${found.path} is not the decision file the notary signed: ${why}`);
      }
      files.push({ fileName: f.fileName, payloadSha256: f.payloadSha256, payload: found.payload });
    }
    return { files };
  }

  /**
   * An attestation already in a target: the same content signed by this secretary key is the one to
   * answer with; any other is never overwritten (MINUTES_WRITE_FAILED, before anything is signed).
   */
  private async attestedBefore(targets: readonly string[], fileName: string, payload: MinutesAttestation, signer: DeviceSigner): Promise<{ bytes: Uint8Array; payload: MinutesAttestation } | null> {
    let found: { bytes: Uint8Array; payload: MinutesAttestation } | null = null;
    for (const target of targets) {
      const path = join(target, fileName);
      const there = await verifyMinutesAttestation(path, [trustedSecretary(signer, payload)], { folder: target });
      if (there.errors.length === 1 && there.errors[0]!.code === 'MINUTES_FILE_NOT_FOUND') continue;
      if (there.payload === null || contentOf(there.payload) !== contentOf(payload)) {
        throw new CouncilError(
          'MINUTES_WRITE_FAILED',
          `${path} already holds another minutes attestation of meeting ${payload.meetingId}; it was not overwritten and nothing was signed. Move it away (into the sync folder's backup/, say) to attest the minutes anew.`,
        );
      }
      found ??= { bytes: new Uint8Array(await readFile(path)), payload: there.payload };
    }
    return found;
  }

  /**
   * Creates the attestation in each target that lacks it (one there already must be of the same
   * content), and verifies each with the files beside it; one made here that fails is removed.
   */
  private async release(targets: readonly string[], fileName: string, bytes: Uint8Array, payload: MinutesAttestation, signer: DeviceSigner, existed: boolean): Promise<MinutesAttestationResult> {
    const sync = await this.o.syncFolder();
    await writeKey(join(sync, SYNC_SUBFOLDERS.keys), signer.keyid, signer.publicKeyPem, { code: 'MINUTES_WRITE_FAILED', file: 'minutes attestation' });
    const paths = targets.map((t) => join(t, fileName));
    const made: string[] = [];
    try {
      for (const path of paths) {
        const created = await createFileAtomic(path, bytes);
        if (created) {
          made.push(path);
          await readBack(path, sha256(bytes), true);
        }
        const back = await verifyMinutesAttestation(path, [trustedSecretary(signer, payload)]);
        if (!back.valid || back.payload === null || contentOf(back.payload) !== contentOf(payload)) {
          const why = back.valid ? 'it is an attestation of other content, made meanwhile' : back.errors.slice(0, 3).map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}`).join('; ');
          throw new CouncilError('MINUTES_WRITE_FAILED', `${path} did not verify once written: ${why}.${created ? ' It was removed.' : ''}`);
        }
      }
    } catch (e) {
      for (const path of made) await rm(path, { force: true });
      throw e;
    }
    return { fileName, meetingId: payload.meetingId, payloadSha256: sha256(canonicalJsonBytes(payload)), paths, payload, existed };
  }
}

function trustedSecretary(signer: DeviceSigner, payload: MinutesAttestation) {
  return { keyid: signer.keyid, name: payload.signer.name, roles: ['secretary' as const], publicKeyPem: signer.publicKeyPem };
}

/** The minutes notary of the app, in the decision notary's lane of its user-data folder. */
export function createMinutesNotary(ctx: FeatureContext, opts: { now?: () => Date } = {}): MinutesNotary {
  const { serial, ledger } = laneOf(ctx.paths.userDataDir);
  return new MinutesNotary({
    ledger,
    keys: ctx.keys,
    dialogs: ctx.dialogs,
    serial,
    syncFolder: () => ctx.syncFolder(),
    mayCreate: (folder) => isDefaultSyncFolder(folder, ctx.home),
    now: opts.now,
  });
}
