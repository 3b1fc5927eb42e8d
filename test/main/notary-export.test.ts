/**
 * The notary's decision files (issue 12, items 2 and 3): what it writes into <sync>/outbox/ verifies
 * against the chair key, carries the payload as RFC 8785 bytes, goes out once per payload, chains
 * by sequence and previous, and nothing is signed when the chair declines the confirmation.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { totalsOf } from '../../shared/decisions/payload-check';
import { decodePayload, verifyEnvelope, verifyEnvelopeWithKey } from '../../electron/services/dsse-signing';
import { reopenedDecision } from '../support/decision-payloads';
import { disposeNotaryKits, notaryKit, type NotaryKit } from '../support/notary-kit';
import { trustFor } from './fixtures/tiny-bundle';

const kit = (): NotaryKit => notaryKit();
afterEach(disposeNotaryKits);

function readEnvelope(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('the notary writes decision files', () => {
  it('writes a file that verifies against the chair key, with the payload as its RFC 8785 bytes, and the key beside it', async () => {
    const k = kit();
    const payload = k.payload();
    const result = await k.handlers.exportDecisions({ payload, language: 'ko' });
    const fileName = 'decisions-2023-03-02-0001.dsse.json';
    expect(result).toEqual({
      fileName,
      meetingId: '2023-03-02',
      sequence: 1,
      payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      state: 'written',
      existed: false,
      path: join(k.outbox, fileName),
    });
    expect(k.outboxNames()).toEqual([fileName]);

    const envelope = readEnvelope(result.path!);
    const withKey = verifyEnvelopeWithKey(envelope, k.pair.publicKeyPem, { payloadType: PAYLOAD_TYPE_DECISIONS });
    expect(withKey.ok).toBe(true);
    const asChair = verifyEnvelope(envelope, [trustFor(k.pair.publicKeyPem, '의장', ['chair'])], { role: 'chair', payloadType: PAYLOAD_TYPE_DECISIONS });
    expect(asChair).toMatchObject({ ok: true, signer: { keyid: k.pair.keyid, name: '의장' } });

    const body = decodePayload(envelope as { payload: string });
    const text = new TextDecoder().decode(body);
    expect(JSON.parse(text)).toEqual(payload);
    // re-canonicalising the decoded payload gives the very same bytes, and the hash the result names
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(createHash('sha256').update(body).digest('hex')).toBe(result.payloadSha256);

    expect(readFileSync(join(k.sync, 'keys', `${k.pair.keyid}.pub.pem`), 'utf8')).toBe(k.pair.publicKeyPem);
    expect(await k.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).toEqual({
      meetingId: '2023-03-02',
      lastSequence: 1,
      lastPayloadSha256: result.payloadSha256,
      files: [{ sequence: 1, fileName, payloadSha256: result.payloadSha256, state: 'written' }],
    });
    // once its bookkeeping is done, the ledger on disk says written and the kept copy is gone
    await k.service.settled();
    expect(JSON.parse(k.ledgerText()!)).toMatchObject({ meetings: [{ meetingId: '2023-03-02', files: [{ sequence: 1, fileName, state: 'written' }] }] });
    expect(readdirSync(join(k.userData, 'notary', 'pending'))).toEqual([]);
  });

  it('asks the chair to confirm what is signed: the meeting, the number of decisions, the total amount and the file', async () => {
    const k = kit();
    await k.handlers.exportDecisions({ payload: k.payload(), language: 'ko' });
    await k.handlers.exportDecisions({ payload: k.payload({ sequence: 2, previous: (await k.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).lastPayloadSha256, firstCase: 10, decisions: 5 }), language: 'en' });
    expect(k.confirms).toHaveLength(2);
    const [ko, en] = k.confirms;
    expect(ko!.confirmLabel).toBe('서명');
    expect(ko!.detail).toContain('회의: 2023-03-02');
    expect(ko!.detail).toContain('의결 3건: 지원 2건, 기각 1건, 보류 0건');
    expect(ko!.detail).toContain('지원금 합계: 80,000원'); // 30,000 + 50,000, and a rejection
    expect(ko!.detail).toContain('decisions-2023-03-02-0001.dsse.json');
    expect(en!.confirmLabel).toBe('Sign');
    expect(en!.detail).toContain('Meeting: 2023-03-02');
    expect(en!.detail).toContain('5 decisions: 3 awarded, 1 rejected, 1 deferred');
    expect(en!.detail).toContain('KRW 480,000'); // 30,000 + 50,000 + 400,000
    expect(en!.detail).toContain('decisions-2023-03-02-0002.dsse.json');
  });

  it('answers the same payload again as it was: nothing new is signed, asked or written', async () => {
    const k = kit();
    const payload = k.payload();
    const first = await k.handlers.exportDecisions({ payload });
    const bytes = readFileSync(first.path!);
    const mtime = statSync(first.path!).mtimeMs;
    await k.service.settled();
    const ledger = k.ledgerText();
    const again = await k.handlers.exportDecisions({ payload: structuredClone(payload) });
    expect(again).toEqual({ ...first, existed: true });
    expect(k.confirms).toHaveLength(1);
    expect(k.outboxNames()).toEqual([first.fileName]);
    expect(readFileSync(first.path!)).toEqual(bytes);
    expect(statSync(first.path!).mtimeMs).toBe(mtime);
    await k.service.settled();
    expect(k.ledgerText()).toBe(ledger);
  });

  it('chains the next file by sequence and previous, and takes a reopened case at its next revision', async () => {
    const k = kit();
    const first = await k.handlers.exportDecisions({ payload: k.payload() });
    const reopened = reopenedDecision(k.payload().decisions[0]!, first);
    const next = k.payload({ sequence: 2, previous: first.payloadSha256, firstCase: 4, decisions: 2 });
    next.decisions.push(reopened);
    next.totals = totalsOf(next.decisions);
    const second = await k.handlers.exportDecisions({ payload: next });
    expect(second).toMatchObject({ sequence: 2, fileName: 'decisions-2023-03-02-0002.dsse.json', state: 'written', existed: false });
    expect(k.outboxNames()).toEqual([first.fileName, second.fileName]);
    const body = decodePayload(readEnvelope(second.path!) as { payload: string });
    expect(JSON.parse(new TextDecoder().decode(body))).toMatchObject({ sequence: 2, previous: first.payloadSha256 });
    expect(verifyEnvelopeWithKey(readEnvelope(second.path!), k.pair.publicKeyPem).ok).toBe(true);
    const ledger = await k.handlers.getDecisionLedger({ meetingId: '2023-03-02' });
    expect(ledger).toMatchObject({ lastSequence: 2, lastPayloadSha256: second.payloadSha256 });
    expect(ledger.files.map((f) => f.sequence)).toEqual([1, 2]);
  });

  it('signs and writes nothing when the chair declines the confirmation, and the sequence stays free', async () => {
    const k = kit();
    k.answer.confirm = false;
    await expect(k.handlers.exportDecisions({ payload: k.payload(), language: 'en' })).rejects.toMatchObject({ code: 'CONFIRMATION_DECLINED' });
    expect(k.confirms).toHaveLength(1);
    expect(existsSync(k.outbox)).toBe(false);
    expect(k.ledgerText()).toBeNull();
    expect(await k.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).toMatchObject({ lastSequence: 0, files: [] });
    k.answer.confirm = true;
    const other = k.payload({ decisions: 2 });
    await expect(k.handlers.exportDecisions({ payload: other })).resolves.toMatchObject({ sequence: 1, state: 'written', existed: false });
  });

  it('asks in Korean and English both when the caller names no language', async () => {
    const k = kit();
    await k.handlers.exportDecisions({ payload: k.payload() });
    expect(k.confirms[0]!.confirmLabel).toBe('서명 / Sign');
    expect(k.confirms[0]!.detail).toMatch(/80,000원[\s\S]*KRW 80,000/);
  });
});
