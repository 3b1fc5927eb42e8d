/**
 * The notary signs what zod's parse of the payload gives, whether its fast check vouched for the
 * payload (shared/decisions/decision-file-fast-check.ts) or zod judged it: a payload with its keys
 * in another order is signed as the schema orders it, and one the fast check is not sure of but
 * the schema accepts (an optional key holding undefined) is still signed, by zod's way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fastDecisionPayload } from '../../shared/decisions/decision-file-fast-check';
import { decisionFilePayloadSchema } from '../../shared/decisions/decision-file-schema';
import { disposeNotaryKits, notaryKit } from '../support/notary-kit';

afterEach(disposeNotaryKits);

describe('the notary and its fast payload check', () => {
  it('signs a payload whose keys come in another order as zod gives it', async () => {
    const k = notaryKit();
    const payload = k.payload();
    const reversed = Object.fromEntries(Object.entries(payload).reverse());
    expect(fastDecisionPayload(reversed)).not.toBeNull();
    const result = await k.handlers.exportDecisions({ payload: reversed as typeof payload });
    expect(result.state).toBe('written');
    expect(k.verified(result.path!)).toStrictEqual(decisionFilePayloadSchema.parse(payload));
  });

  it('signs, by zod\'s way, a payload the fast check is not sure of but the schema accepts', async () => {
    const k = notaryKit();
    const payload = k.payload();
    const bent = { ...payload, decisions: payload.decisions.map((d, i) => (i === 0 ? { ...d, reopened: undefined } : d)) };
    expect(fastDecisionPayload(bent)).toBeNull();
    expect(decisionFilePayloadSchema.safeParse(bent).success).toBe(true);
    const result = await k.handlers.exportDecisions({ payload: bent });
    expect(result.state).toBe('written');
    expect(k.verified(result.path!)).toStrictEqual(payload);
  });
});
