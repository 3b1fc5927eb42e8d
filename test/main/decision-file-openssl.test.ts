/**
 * A decision file made the way the app makes it (the payload by RFC 8785, signed by dsse-signing)
 * verifies with nothing but openssl and jq, by FORMATS.md's recipe, and recounts by the rules
 * with nothing but the bytes the recipe decoded; re-canonicalising those bytes gives them back.
 * openssl and jq are required where the tests run (Debian: apt-get install openssl jq).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { decisionFilePayloadSchema } from '../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../shared/decisions/payload-check';
import { verifyDecisionFile } from '../../electron/services/decision-files/verify-decision-file';
import { samplePayload } from '../support/decision-payloads';
import { missingRecipeTools, runRecipe } from '../support/openssl-recipe';
import { makeSigner, payloadChain, payloadSha256, writeDecisionFile } from '../support/signed-decision-file';
import { bundleFolder } from './fixtures/read-helpers';
import { textOf } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-decision-openssl-');
const chair = makeSigner();

describe("a decision file by FORMATS.md's openssl and jq recipe", () => {
  it('runs where openssl and jq are installed', () => {
    expect(missingRecipeTools(), 'FORMATS.md promises decision files verify with openssl 3 and jq alone: install them (Debian: apt-get install openssl jq) so this can be checked').toEqual([]);
  });

  it('verifies a file the app made, and the decoded payload recounts by the rules with nothing but itself', async () => {
    const payload = samplePayload({ keyid: chair.keyid, decisions: 10 });
    const file = writeDecisionFile(dir, payload, chair.privateKeyPem);
    const r = runRecipe(readFileSync(file, 'utf8'), chair.publicKeyPem);
    expect(r.output).toContain('Signature Verified Successfully');
    expect(r.status).toBe(0);

    const decoded = decisionFilePayloadSchema.parse(JSON.parse(textOf(r.body)));
    expect(checkDecisionPayload(decoded)).toEqual([]);
    expect(decoded).toEqual(payload);

    // The hash openssl takes of the bytes is the one verify reports and the next file's previous names.
    const verified = await verifyDecisionFile(file, [chair.trusted]);
    expect(verified.valid).toBe(true);
    expect(r.bodySha256).toBe(verified.payloadSha256);
    expect(r.bodySha256).toBe(payloadSha256(payload));
  });

  it('fails the recipe for a file changed after signing, and for another key', () => {
    const payload = samplePayload({ keyid: chair.keyid, meetingId: 'changed' });
    const envelope = JSON.parse(readFileSync(writeDecisionFile(dir, payload, chair.privateKeyPem), 'utf8'));
    const raised = { ...payload, totals: { ...payload.totals, amount: payload.totals.amount + 1 } };
    envelope.payload = Buffer.from(canonicalJson(raised)).toString('base64');
    const r = runRecipe(JSON.stringify(envelope), chair.publicKeyPem);
    expect(r.output).toContain('Signature Verification Failure');
    expect(r.status).not.toBe(0);

    const original = readFileSync(writeDecisionFile(dir, payload, chair.privateKeyPem), 'utf8');
    expect(runRecipe(original, makeSigner('다른 키').publicKeyPem).status).not.toBe(0);
  });
});

describe('re-canonicalising a payload', () => {
  it('gives the very bytes that were signed, for files of every size and kind of decision', () => {
    const payloads = [samplePayload({ decisions: 1 }), samplePayload({ decisions: 5 }), ...payloadChain(3, { keyid: chair.keyid }), samplePayload({ decisions: 200, meetingId: 'big_meeting.2023' })];
    for (const payload of payloads) {
      const text = readFileSync(writeDecisionFile(dir, payload, chair.privateKeyPem), 'utf8');
      const body = Buffer.from(JSON.parse(text).payload, 'base64');
      const again = Buffer.from(canonicalJson(JSON.parse(body.toString('utf8'))));
      expect(again.equals(body), `${payload.meeting.meetingId} ${payload.sequence}`).toBe(true);
      expect(body.toString('utf8')).toBe(canonicalJson(payload));
    }
  });
});
