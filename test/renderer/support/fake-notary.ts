/**
 * A notary and outbox for the fake bridge, answering as main does: a device whose chair key is
 * kept by the system keychain (made on first use unless `chairKey` says otherwise), a ledger per
 * meeting, exportDecisions that refuses a payload the schema, the recounts or the chain refuse, and
 * signs and writes the rest into `<syncFolder>/outbox/`, or queues it while the folder is gone.
 */
import type { DeviceKeys, DecisionLedger } from '../../../shared/api';
import { canonicalJson } from '../../../shared/canonical-json';
import { decisionFileName } from '../../../shared/decisions/decision-file-name';
import { decisionFilePayloadSchema, type DecisionFilePayload } from '../../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../../shared/decisions/payload-check';
import { fail, ok } from '../../../shared/result';
import { sha256Hex } from '../../../shared/sha256';
import type { FakeBridge } from './fake-bridge';

export const CHAIR_KEYID = 'e'.repeat(64);

export interface NotaryOptions {
  syncFolder?: string;
  /** 'made': the chair key exists; 'none': made on first use (safe-storage); 'passphrase': none, and none can be made here. */
  chairKey?: 'made' | 'none' | 'passphrase';
}

export function fakeNotary(bridge: FakeBridge, options: NotaryOptions = {}) {
  const syncFolder = options.syncFolder ?? '/media/usb/sync';
  let available = true;
  const ledgers = new Map<string, DecisionLedger>();
  const signed: DecisionFilePayload[] = [];
  const chair = { role: 'chair' as const, keyid: CHAIR_KEYID, publicKeyPem: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n', createdAt: '2023-03-01T09:00:00+09:00', imported: false };
  let keys: DeviceKeys = {
    protection: options.chairKey === 'passphrase' ? 'passphrase' : 'safe-storage',
    passphraseSet: false,
    unlocked: options.chairKey !== 'passphrase',
    chair: (options.chairKey ?? 'made') === 'made' ? chair : null,
    secretary: null,
  };
  const ledgerOf = (meetingId: string): DecisionLedger => ledgers.get(meetingId) ?? { meetingId, lastSequence: 0, lastPayloadSha256: null, files: [] };
  const queued = () => [...ledgers.values()].flatMap((l) => l.files.filter((f) => f.state === 'queued').map((f) => ({ fileName: f.fileName, meetingId: l.meetingId, sequence: f.sequence })));
  const status = () => ({ syncFolder, available, queued: queued(), lastError: available ? null : `${syncFolder} is not reachable.` });

  bridge.getDeviceKeys.mockImplementation(async () => ok(keys));
  bridge.createDeviceKey.mockImplementation(async ({ role }) => {
    if (keys.protection === 'passphrase') return fail('KEY_PASSPHRASE_NEEDED', 'A passphrase is needed to make a key.');
    keys = { ...keys, [role]: { ...chair, role } };
    return ok(keys);
  });
  bridge.getDecisionLedger.mockImplementation(async ({ meetingId }) => ok(structuredClone(ledgerOf(meetingId))));
  bridge.getOutboxStatus.mockImplementation(async () => ok(status()));
  bridge.retryOutbox.mockImplementation(async () => {
    if (available) for (const l of ledgers.values()) for (const f of l.files) f.state = 'written';
    return ok(status());
  });
  bridge.exportDecisions.mockImplementation(async ({ payload: raw }) => {
    const parsed = decisionFilePayloadSchema.safeParse(raw);
    if (!parsed.success) return fail('DECISION_REFUSED', `The payload does not match the decisions schema at ${parsed.error.issues[0]!.path.join('.')}.`);
    const payload = parsed.data;
    const problem = checkDecisionPayload(payload)[0];
    if (problem) return fail('DECISION_REFUSED', `${problem.path}: ${problem.message}`);
    const ledger = ledgerOf(payload.meeting.meetingId);
    if (payload.sequence !== ledger.lastSequence + 1 || payload.previous !== ledger.lastPayloadSha256) {
      return fail('DECISION_SEQUENCE_TAKEN', `sequence: the ledger's next file for ${ledger.meetingId} is ${ledger.lastSequence + 1}.`);
    }
    const payloadSha256 = sha256Hex(canonicalJson(payload));
    const fileName = decisionFileName(ledger.meetingId, payload.sequence);
    const state = available ? ('written' as const) : ('queued' as const);
    ledgers.set(ledger.meetingId, { ...ledger, lastSequence: payload.sequence, lastPayloadSha256: payloadSha256, files: [...ledger.files, { sequence: payload.sequence, fileName, payloadSha256, state }] });
    signed.push(payload);
    return ok({ fileName, meetingId: ledger.meetingId, sequence: payload.sequence, payloadSha256, state, existed: false, path: available ? `${syncFolder}/outbox/${fileName}` : null });
  });

  return {
    syncFolder,
    /** Every payload signed, in order. */
    signed,
    ledger: ledgerOf,
    /** The sync folder pulled out (false) or back (true); main writes the queue only when retried. */
    setAvailable(value: boolean) {
      available = value;
    },
  };
}
