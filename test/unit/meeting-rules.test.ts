/** The counting rules as data (FORMATS.md, "Counting rules"): the schema takes the example and nothing else. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTING_RULES, countingRulesSchema } from '../../shared/meeting/rules';

const EXAMPLE = '{"quorum": {"type": "majority"}, "passing": "majority-of-present", "recusedInBase": false, "tie": "fails"}';

describe('countingRulesSchema', () => {
  it('accepts the FORMATS.md example, which is the default', () => {
    const parsed = countingRulesSchema.parse(JSON.parse(EXAMPLE));
    expect(parsed).toEqual(DEFAULT_COUNTING_RULES);
  });

  it('accepts every option', () => {
    for (const passing of ['majority-of-present', 'majority-of-cast', 'two-thirds-of-present']) {
      for (const tie of ['fails', 'chair-decides']) {
        const rules = { quorum: { type: 'atLeast', count: 3 }, passing, recusedInBase: true, tie };
        expect(countingRulesSchema.safeParse(rules).success, JSON.stringify(rules)).toBe(true);
      }
    }
  });

  const base = JSON.parse(EXAMPLE) as Record<string, unknown>;
  const refused: [string, unknown][] = [
    ['an unknown key', { ...base, chairVotes: true }],
    ['an unknown key in the quorum', { ...base, quorum: { type: 'majority', count: 3 } }],
    ['an unknown quorum type', { ...base, quorum: { type: 'twoThirds' } }],
    ['atLeast without a count', { ...base, quorum: { type: 'atLeast' } }],
    ['atLeast 0', { ...base, quorum: { type: 'atLeast', count: 0 } }],
    ['atLeast 2.5', { ...base, quorum: { type: 'atLeast', count: 2.5 } }],
    ['atLeast as a string', { ...base, quorum: { type: 'atLeast', count: '3' } }],
    ['an unknown passing rule', { ...base, passing: 'unanimous' }],
    ['an unknown tie rule', { ...base, tie: 'coin-toss' }],
    ['recusedInBase as a string', { ...base, recusedInBase: 'false' }],
    ['a missing key', { quorum: base.quorum, passing: base.passing, tie: base.tie }],
    ['not an object', 'majority'],
  ];

  it.each(refused)('refuses %s', (_name, value) => {
    expect(countingRulesSchema.safeParse(value).success).toBe(false);
  });
});
