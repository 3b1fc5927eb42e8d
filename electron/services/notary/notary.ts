/**
 * The notary (DESIGN.md, "The main process is the notary"): main signs a decision file only when
 * the payload passes the full decisions schema, every recount (payload-check.ts), the chair key it
 * names is this device's, its sequence and `previous` follow the ledger, no case goes out again at
 * a revision already signed, and the signer confirmed the native dialog. It never signs two
 * different payloads for one meeting and sequence; the same payload again is answered as it was.
 * Order, so that no crash releases what the ledger does not hold: sign, keep the file in
 * pending/, record it in the ledger, then write it into the outbox (outbox-queue.ts).
 */
import { createHash } from 'node:crypto';
import type { DecisionExportResult, DialogLanguage } from '../../../shared/api';
import { canonicalJsonBytes } from '../../../shared/canonical-json';
import { fastDecisionPayload } from '../../../shared/decisions/decision-file-fast-check';
import { decisionFileName } from '../../../shared/decisions/decision-file-name';
import { decisionFilePayloadSchema, type DecisionFilePayload } from '../../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../../shared/decisions/payload-check';
import { PAYLOAD_TYPE_DECISIONS } from '../../../shared/dsse';
import { CouncilError } from '../../../shared/result';
import type { DialogPort } from '../dialog-port';
import { signBody } from '../dsse-signing';
import type { DeviceKeyAccess, DeviceSigner } from '../feature-context';
import { decisionConfirmation, summaryOf } from './decision-confirm';
import type { LedgerFile, NotaryLedger } from './ledger';
import type { OneAtATime } from './one-at-a-time';
import { signatureHolds, signedFileOf, type SignedFile } from './outbox';
import type { OutboxQueue } from './outbox-queue';
import { refusal, schemaRefusal, type Refused } from './refusal';

/** The points between the notary's own steps (after the kept copy; after the ledger's record), for crash tests. */
export type NotaryStep = 'kept' | 'recorded';

export interface NotaryOptions {
  ledger: () => Promise<NotaryLedger>;
  keys: DeviceKeyAccess;
  dialogs: DialogPort;
  queue: OutboxQueue;
  /** The same as the queue's: one export or retry at a time. */
  serial: OneAtATime;
  now?: () => Date;
  onStep?: (step: NotaryStep) => void | Promise<void>;
}

/** A payload past every check that needs no ledger: parsed, recounted, named to this device's chair key, as RFC 8785 bytes. */
interface Checked {
  payload: DecisionFilePayload;
  signer: DeviceSigner;
  body: Uint8Array;
  payloadSha256: string;
  fileName: string;
}

export class Notary {
  constructor(private readonly o: NotaryOptions) {}

  async exportDecisions(raw: unknown, language?: DialogLanguage): Promise<DecisionExportResult> {
    const c = await this.check(raw);
    const { meetingId, sequence } = { meetingId: c.payload.meeting.meetingId, sequence: c.payload.sequence };
    return this.o.serial(async () => {
      const ledger = await this.o.ledger();
      const signed = ledger.fileAt(meetingId, sequence);
      if (signed !== undefined) return this.again(c, signed, ledger);
      const refused = chainProblems(ledger, c.payload);
      if (refused.length > 0) throw refusal(refused, c.payload);
      if (!(await this.o.dialogs.confirm(decisionConfirmation(summaryOf(c.payload, c.fileName), language)))) {
        throw new CouncilError('CONFIRMATION_DECLINED', `Signing ${c.fileName} was declined; nothing was signed or written.`);
      }
      const file = this.sign(c);
      // the signature is checked while the copy is written
      const [holds, kept] = await Promise.allSettled([signatureHolds(file), this.o.queue.keep(file)]);
      if (kept.status === 'rejected') throw kept.reason;
      if (holds.status === 'rejected' || !holds.value) {
        await this.o.queue.discard(c.fileName);
        throw new CouncilError('INTERNAL', `The signature the chair key ${c.signer.keyid} made does not verify with its public key; nothing was released.`);
      }
      await this.o.onStep?.('kept');
      const entry: LedgerFile = {
        sequence,
        fileName: c.fileName,
        payloadSha256: c.payloadSha256,
        auditHead: c.payload.auditHead,
        keyid: c.signer.keyid,
        signedAt: (this.o.now?.() ?? new Date()).toISOString(),
        state: 'queued',
      };
      try {
        await ledger.record(meetingId, entry, c.payload.decisions.map((d) => [d.caseId, d.revision] as const), c.signer.publicKeyPem);
      } catch (e) {
        await this.o.queue.discard(c.fileName);
        throw e;
      }
      await this.o.onStep?.('recorded');
      const delivered = await this.o.queue.deliver(meetingId, sequence, file);
      return { fileName: c.fileName, meetingId, sequence, payloadSha256: c.payloadSha256, existed: false, ...delivered };
    });
  }

  private async check(raw: unknown): Promise<Checked> {
    // the fast check's yes is zod's, with zod's value; on its "not sure" zod judges, and words any refusal
    const payload = fastDecisionPayload(raw) ?? parsedOrRefused(raw);
    const problems = checkDecisionPayload(payload);
    if (problems.length > 0) throw refusal(problems, payload);
    const signer = await this.o.keys.signer('chair');
    if (payload.signer.keyid !== signer.keyid) {
      throw refusal([{ path: 'signer.keyid', message: `is ${payload.signer.keyid}, but this device's chair key is ${signer.keyid}` }], payload);
    }
    let body: Uint8Array;
    try {
      body = canonicalJsonBytes(payload);
    } catch (e) {
      throw refusal([{ path: '', message: `the payload cannot be serialised by RFC 8785 (${(e as Error).message})` }], payload);
    }
    const payloadSha256 = createHash('sha256').update(body).digest('hex');
    return { payload, signer, body, payloadSha256, fileName: decisionFileName(payload.meeting.meetingId, payload.sequence) };
  }

  private sign(c: Checked): SignedFile {
    return signedFileOf(c.fileName, signBody(PAYLOAD_TYPE_DECISIONS, c.body, c.signer), c.body, c.signer.publicKeyPem);
  }

  /** The sequence was signed: the same payload is answered as it stands (a queued file is tried again); another is refused. */
  private async again(c: Checked, signed: LedgerFile, ledger: NotaryLedger): Promise<DecisionExportResult> {
    const { meetingId, sequence } = { meetingId: c.payload.meeting.meetingId, sequence: c.payload.sequence };
    if (signed.payloadSha256 !== c.payloadSha256) {
      const next = ledger.view(meetingId).lastSequence + 1;
      throw new CouncilError(
        'DECISION_SEQUENCE_TAKEN',
        `The decision file was not signed: sequence: ${sequence} of meeting ${meetingId} was signed before with other content (${signed.fileName}, payload SHA-256 ${signed.payloadSha256}), and a sequence is never signed twice; the meeting's next file is sequence ${next}.`,
      );
    }
    const answer = { fileName: c.fileName, meetingId, sequence, payloadSha256: c.payloadSha256, existed: true };
    if (signed.state === 'written') return { ...answer, state: 'written', path: await this.o.queue.outboxPathOf(c.fileName) };
    // Ed25519 signs deterministically: should the kept copy be gone, signing the same payload again gives the very same file.
    let file: SignedFile;
    try {
      file = await this.o.queue.load({ ...signed, meetingId }, ledger);
    } catch {
      file = this.sign(c);
      await this.o.queue.keep(file);
    }
    return { ...answer, ...(await this.o.queue.deliver(meetingId, sequence, file)) };
  }
}

/** The payload as the decisions schema parses it, or its refusal in zod's words. */
function parsedOrRefused(raw: unknown): DecisionFilePayload {
  const parsed = decisionFilePayloadSchema.safeParse(raw);
  if (!parsed.success) throw schemaRefusal(parsed.error, raw);
  return parsed.data;
}

/** Where the payload does not follow what the ledger signed for its meeting: sequence, previous, and each case's revision. */
function chainProblems(ledger: NotaryLedger, payload: DecisionFilePayload): Refused[] {
  const meetingId = payload.meeting.meetingId;
  const { lastSequence, lastPayloadSha256 } = ledger.view(meetingId);
  const problems: Refused[] = [];
  if (payload.sequence !== lastSequence + 1) {
    const said = lastSequence === 0 ? `nothing was signed yet for meeting ${meetingId}` : `the ledger's last file for meeting ${meetingId} is sequence ${lastSequence}`;
    problems.push({ path: 'sequence', message: `is ${payload.sequence}, but ${said}, so the next file is sequence ${lastSequence + 1}` });
  } else if (payload.previous !== lastPayloadSha256) {
    const expected = lastPayloadSha256 === null ? 'null, for the meeting\'s first file' : `${lastPayloadSha256}, the payload SHA-256 of sequence ${lastSequence}`;
    problems.push({ path: 'previous', message: `is ${payload.previous ?? 'null'}, but must be ${expected}` });
  }
  for (const [i, d] of payload.decisions.entries()) {
    const signed = ledger.revisionOf(meetingId, d.caseId);
    if (d.revision <= signed) {
      problems.push({ path: `decisions[${i}].revision`, message: `is ${d.revision}, but revision ${signed} of case ${d.caseId} was already signed for meeting ${meetingId}: a re-decided case goes out as a later revision` });
    }
  }
  return problems;
}
