/**
 * What the notary refuses to sign (issue 12, item 2), each with a message naming the decision and
 * the field, and nothing asked, signed or written: the ledger as it was, the outbox as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { totalsOf } from '../../shared/decisions/payload-check';
import { generateKeyPair } from '../../electron/services/keys';
import { disposeNotaryKits, fakeChairKeys, notaryKit, type NotaryKit } from '../support/notary-kit';

let k: NotaryKit;
beforeEach(() => {
  k = notaryKit();
});
afterEach(disposeNotaryKits);

/** What the user data and the sync folder hold now. */
function snapshot() {
  const pending = join(k.userData, 'notary', 'pending');
  return { ledger: k.ledgerText(), outbox: k.outboxNames(), pending: existsSync(pending) ? readdirSync(pending) : [], confirms: k.confirms.length };
}

async function expectRefused(payload: unknown, code: string, ...parts: string[]): Promise<void> {
  const before = snapshot();
  const refused = k.handlers.exportDecisions({ payload });
  await expect(refused).rejects.toMatchObject({ code });
  const message = await refused.catch((e: Error) => e.message);
  for (const part of parts) expect(message).toContain(part);
  expect(snapshot()).toEqual(before);
}

/** A payload with its first file already signed, and the second one to bend. */
async function afterFirstFile(): Promise<DecisionFilePayload> {
  const first = await k.handlers.exportDecisions({ payload: k.payload() });
  return k.payload({ sequence: 2, previous: first.payloadSha256, firstCase: 4 });
}

describe('the notary refuses', () => {
  it('a wrong tally, naming the decision and the field', async () => {
    const p = k.payload();
    p.decisions[1]!.tally.approve += 1;
    await expectRefused(p, 'DECISION_REFUSED', 'decisions[1] (caseId 1015-000002).tally.approve: the tally says approve 4, but the votes, the attendance and the counting rules give 3');
  });

  it('a wrong total', async () => {
    const p = k.payload();
    p.totals.amount += 10_000;
    await expectRefused(p, 'DECISION_REFUSED', 'totals.amount: totals.amount is 90,000, but the file\'s decisions give 80,000');
  });

  it('an award above the claimed loss', async () => {
    const p = k.payload();
    const d = p.decisions[0]!;
    d.award = d.suggested.claimedLoss + 10_000;
    d.proposal.amount = d.award;
    d.rationale = '손실 전액과 부대 비용';
    p.totals = totalsOf(p.decisions);
    await expectRefused(p, 'DECISION_REFUSED', 'decisions[0] (caseId 1015-000001).award: the award 260,000 exceeds the claimed loss 250,000');
  });

  it('a skipped sequence', async () => {
    await expectRefused(k.payload({ sequence: 2, previous: 'c'.repeat(64) }), 'DECISION_REFUSED', 'sequence: is 2, but nothing was signed yet for meeting 2023-03-02, so the next file is sequence 1');
    const next = await afterFirstFile();
    await expectRefused({ ...next, sequence: 3 }, 'DECISION_REFUSED', 'sequence: is 3, but the ledger\'s last file for meeting 2023-03-02 is sequence 1, so the next file is sequence 2');
  });

  it('a previous that is not the payload signed last', async () => {
    const next = await afterFirstFile();
    await expectRefused({ ...next, previous: 'd'.repeat(64) }, 'DECISION_REFUSED', `previous: is ${'d'.repeat(64)}, but must be ${next.previous}`);
    await expectRefused({ ...next, previous: null }, 'DECISION_REFUSED', 'previous: is null');
  });

  it('a replayed sequence with other content, and never signs it', async () => {
    const first = await k.handlers.exportDecisions({ payload: k.payload() });
    const other = k.payload({ decisions: 2 });
    await expectRefused(other, 'DECISION_SEQUENCE_TAKEN', `sequence: 1 of meeting 2023-03-02 was signed before with other content (${first.fileName}`, 'next file is sequence 2');
    await expectRefused({ ...k.payload(), createdAt: '2023-03-02T18:00:00+09:00' }, 'DECISION_SEQUENCE_TAKEN', 'sequence: 1');
  });

  it('a case again at a revision already signed for the meeting', async () => {
    const next = await afterFirstFile();
    next.decisions[0] = { ...k.payload().decisions[0]! };
    await expectRefused(next, 'DECISION_REFUSED', 'decisions[0] (caseId 1015-000001).revision: is 1, but revision 1 of case 1015-000001 was already signed for meeting 2023-03-02');
  });

  it('a payload naming another signer key than this device\'s chair key', async () => {
    const other = generateKeyPair();
    await expectRefused(k.payload({ keyid: other.keyid }), 'DECISION_REFUSED', `signer.keyid: is ${other.keyid}, but this device's chair key is ${k.pair.keyid}`);
  });

  it('to release a file whose signature does not verify with the chair key (a signer gone wrong)', async () => {
    k.service.stop();
    const pair = generateKeyPair();
    const broken = { ...fakeChairKeys(pair), signer: async () => ({ keyid: pair.keyid, publicKeyPem: pair.publicKeyPem, sign: () => new Uint8Array(64) }) };
    k = notaryKit({ pair, keys: broken });
    await expect(k.handlers.exportDecisions({ payload: k.payload() })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('does not verify with its public key; nothing was released') });
    expect(k.confirms).toHaveLength(1); // asked, then signed: the signature is what failed
    expect(snapshot()).toMatchObject({ ledger: null, outbox: [], pending: [] });
  });

  it('a payload the decisions schema does not accept, naming the decision and the field', async () => {
    const p = k.payload({ decisions: 5 }) as unknown as { decisions: { tally: Record<string, unknown> }[] };
    p.decisions[3]!.tally.approve = '4';
    await expectRefused(p, 'DECISION_REFUSED', 'decisions[3] (caseId 1015-000004).tally.approve: ');
    await expectRefused({ ...k.payload(), extra: true }, 'DECISION_REFUSED', 'extra');
    await expectRefused(null, 'DECISION_REFUSED');
    await expectRefused({ ...k.payload(), council: 'lone \ud800 surrogate' }, 'DECISION_REFUSED', 'RFC 8785');
  });

  it('everything while its ledger cannot be read, and never resets it', async () => {
    const startWith = (ledger: string) => {
      k.service.stop();
      const root = mkdtempSync(join(tmpdir(), 'cd-notary-'));
      mkdirSync(join(root, 'user-data', 'notary'), { recursive: true });
      mkdirSync(join(root, 'sync'));
      writeFileSync(join(root, 'user-data', 'notary', 'ledger.json'), ledger);
      k = notaryKit({ root });
    };
    const broken = '{"format": "council-desk/notary-ledger", "version": 1, "meetings": [';
    startWith(broken);
    await expectRefused(k.payload(), 'LEDGER_UNREADABLE', 'ledger.json cannot be read', 'never reset');
    await expect(k.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).rejects.toMatchObject({ code: 'LEDGER_UNREADABLE' });
    await expect(k.handlers.getOutboxStatus(undefined)).rejects.toMatchObject({ code: 'LEDGER_UNREADABLE' });
    await expect(k.handlers.retryOutbox(undefined)).rejects.toMatchObject({ code: 'LEDGER_UNREADABLE' });
    expect(k.ledgerText()).toBe(broken);
    // a ledger whose files do not run 1, 2, 3 is not one either
    const file = { sequence: 2, fileName: 'decisions-m-0002.dsse.json', payloadSha256: 'a'.repeat(64), auditHead: 'a'.repeat(64), keyid: 'b'.repeat(64), signedAt: '2023-03-02T17:00:00Z', state: 'written' };
    startWith(JSON.stringify({ format: 'council-desk/notary-ledger', version: 1, keys: [], meetings: [{ meetingId: 'm', revisions: [], files: [file] }] }));
    await expectRefused(k.payload(), 'LEDGER_UNREADABLE', 'meetings[0].files[0].sequence: is 2, expected 1');
  });
});
