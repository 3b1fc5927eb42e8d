/**
 * The notary's fast payload check (shared/decisions/decision-file-fast-check.ts) only ever says
 * yes to what the decisions schema accepts, and then gives the very value zod's parse gives (keys
 * in the schema's order, -0 kept): sound payloads bent in one or two places (every field removed,
 * null, undefined, wrong types, numbers at and past each limit, NaN, -0, Infinity, strings at and
 * past each length in plain, Hangul, astral and lone surrogate characters, unknown and __proto__
 * keys, keys reordered, holes and extra properties in lists, class instances, null prototypes,
 * getters), judged both ways.
 */
import { describe, expect, it } from 'vitest';
import { fastDecisionPayload } from '../../shared/decisions/decision-file-fast-check';
import { decisionFilePayloadSchema, type DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { seeded } from '../bench/bench-bundles';
import { at, reopenedDecision, samplePayload } from '../support/decision-payloads';

/** Payloads reaching every branch of the schema: reopened decisions both ways, earlier proposals, a quorum of atLeast. */
function soundPayloads(): DecisionFilePayload[] {
  const plain = samplePayload({ decisions: 6 });
  const richer = samplePayload({ decisions: 5, sequence: 2, previous: 'c'.repeat(64) });
  const d = richer.decisions;
  d[0] = reopenedDecision(d[0]!, { fileName: '2023-03-02.0001.dsse.json', payloadSha256: 'd'.repeat(64) });
  d[1] = { ...d[1]!, reopened: { reason: '다시 심의', previousRevision: null } };
  d[2] = { ...d[2]!, earlierProposals: [{ no: 1, outcome: 'defer', amount: null, closedAt: at(5), votes: d[2]!.votes, tally: d[2]!.tally }], proposal: { ...d[2]!.proposal, no: 2 } };
  richer.meeting.rules = { ...richer.meeting.rules, quorum: { type: 'atLeast', count: 3 }, passing: 'two-thirds-of-present', tie: 'chair-decides' };
  richer.meeting.attendance[5] = { ...richer.meeting.attendance[5]!, leftAt: at(60) };
  return [plain, richer];
}

const sound = soundPayloads();

const ASTRAL = '😀';
const strings = (n: number) => ['', 'a', '\ud800', `${'a'.repeat(n - 1)}\ud800`, 'a'.repeat(n - 1), 'a'.repeat(n), 'a'.repeat(n + 1), ASTRAL.repeat(Math.floor(n / 2)), ASTRAL.repeat(Math.floor(n / 2) + 1), `${'a'.repeat(n - 1)}${ASTRAL}`, '가'.repeat(n), '가'.repeat(n + 1)];
const LIMITS: Record<string, number> = { council: 500, place: 500, name: 200, policyId: 200, file: 200, rationale: 10_000, reason: 2000, memberId: 64, tier: 64, caseId: 64, meetingId: 64, bundleId: 128, bundleIds: 128, missingDocuments: 64 };
const NUMBERS = [0, -0, 1, -1, 1.5, 2, 3, 999, 1000, 1001, 9999, 10_000, 10_001, 100_000, 1_000_000, 1_000_001, 1e13, 1e13 + 1, 2 ** 53 - 1, 2 ** 53, NaN, Infinity, -Infinity];
const TEXTS = ['x', '1', ' ', 'council-desk/decisions', 'council-desk/decision', 'chair', 'member', 'secretary', 'Chair', 'approve', 'reject', 'abstain', 'none', 'recused', 'award', 'defer', 'majority', 'atLeast', 'majority-of-present', 'majority-of-cast', 'two-thirds-of-present', 'fails', 'chair-decides', '2023-03-02', '2024-02-29', '2023-02-29', '2023-13-01', ' 2023-03-02', '2023-03-02T14:00:00+09:00', '2023-03-02T14:00:00Z', '2023-03-02T14:00:00', '2023-03-02T14:00+09:00', '2023-03-02T14:00:00.123+09:00', '2023-02-29T14:00:00+09:00', '2023-03-02T24:00:00+09:00', '2023-03-02T14:00:00+24:00', '2023-03-02T14:00:00+09:00\n', '.', '..', '...', '1015-000001', '1015-000001/x', '가', 'a'.repeat(64), 'a'.repeat(65), 'f'.repeat(64), 'F'.repeat(64), 'f'.repeat(63), 'g'.repeat(64)];
/** What JSON can say (and -0, NaN and Infinity, which a JavaScript caller can). */
const PLAIN_VALUES: unknown[] = [null, true, false, [], {}, [1], { a: 1 }, ...NUMBERS, ...TEXTS];

class Holder {
  constructor(source: object) {
    Object.assign(this, source);
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

type Place = [Record<string, unknown> | unknown[], string | number];

/** Every place in the payload where a value sits (its parent and key), grouped by its path with list indexes left out. */
function places(node: unknown, path = '', out = new Map<string, Place[]>()): Map<string, Place[]> {
  const add = (sig: string, place: Place) => out.set(sig, [...(out.get(sig) ?? []), place]);
  if (Array.isArray(node)) node.slice(0, 3).forEach((v, i) => (add(`${path}[]`, [node, i]), places(v, `${path}[]`, out)));
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) add(`${path}.${k}`, [node as Record<string, unknown>, k]), places(v, `${path}.${k}`, out);
  return out;
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/**
 * Bends one place; true when the payload is still what JSON (or a JavaScript caller passing data)
 * says, where the fast check must agree with zod both ways, not only on its yes.
 */
function bend(payload: Record<string, unknown>, random: () => number): boolean {
  // every kind of place as likely as another: ten thousand votes must not crowd out the council's name
  const [parent, key] = pick(random, pick(random, [...places(payload).values()]));
  const p = parent as any;
  const value = p[key];
  const limit = LIMITS[String(Array.isArray(parent) ? '' : key)] ?? 200;
  const roll = random();
  if (roll < 0.25) p[key] = pick(random, strings(limit));
  else if (roll < 0.55) p[key] = structuredClone(pick(random, PLAIN_VALUES));
  else if (roll < 0.62 && !Array.isArray(parent)) delete p[key];
  else if (roll < 0.68 && !Array.isArray(parent)) define(parent, pick(random, ['extra', '__proto__', 'Format', 'reopened', 'vote', 'count', 'constructor']), pick(random, [1, null, 'x', { reason: 'r', previousRevision: null }]));
  else if (roll < 0.72 && !Array.isArray(parent)) {
    // the same keys in another order: zod gives them in the schema's
    const entries = Object.entries(parent).reverse();
    for (const [k] of entries) delete p[k];
    for (const [k, v] of entries) define(parent, k, v);
  } else if (roll < 0.76 && Array.isArray(parent)) parent.push(...Array.from({ length: pick(random, [1, 50, 100, 1000]) }, () => structuredClone(parent[0])));
  else if (roll < 0.8) p[key] = Array.from({ length: pick(random, [0, 1, 49, 50, 51, 101, 1001]) }, () => structuredClone(Array.isArray(value) ? value[0] ?? 'a' : value));
  else if (roll < 0.84) p[key] = pick(random, NUMBERS);
  else return bendOddly(parent, key, random);
  return true;
}

/** What only a JavaScript caller can pass: zod may accept some of it, the fast check answers "not sure". */
function bendOddly(parent: Record<string, unknown> | unknown[], key: string | number, random: () => number): false {
  const p = parent as any;
  const value = p[key];
  const roll = random();
  if (roll < 0.2) p[key] = undefined;
  else if (roll < 0.3) p[key] = new Date(0);
  else if (roll < 0.4 && value !== null && typeof value === 'object') p[key] = Array.isArray(value) ? Object.assign([...value], { extra: 1 }) : new Holder(value);
  else if (roll < 0.5 && value !== null && typeof value === 'object' && !Array.isArray(value)) p[key] = Object.assign(Object.create(null), value);
  else if (roll < 0.6 && Array.isArray(value) && value.length > 0) {
    const holed = [...value];
    delete holed[holed.length - 1];
    p[key] = holed;
  } else if (roll < 0.7 && !Array.isArray(parent)) Object.defineProperty(parent, key, { get: () => value, enumerable: true, configurable: true });
  else if (roll < 0.8 && !Array.isArray(parent)) Object.defineProperty(parent, key, { value, enumerable: false, configurable: true, writable: true });
  else if (!Array.isArray(parent) && value !== null && typeof value === 'object') p[key] = Object.create(value);
  else p[key] = [value];
  return false;
}

/** A yes is zod's yes, with zod's very value: the same keys in the same order, -0 where zod keeps -0. */
function expectSameAsZod(fast: DecisionFilePayload, raw: unknown): void {
  const zod = decisionFilePayloadSchema.safeParse(raw);
  expect(zod.success, JSON.stringify(raw).slice(0, 400)).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
}

describe('the fast decision payload check', () => {
  it('accepts the sound payloads, giving what zod gives, and keeps the notary on its fast path for them', () => {
    for (const p of [...sound, samplePayload({ decisions: 200 })]) {
      const fast = fastDecisionPayload(p);
      expect(fast).not.toBeNull();
      expectSameAsZod(fast!, p);
    }
  });

  it('gives keys in the schema\'s order when the payload holds them in another, as zod does', () => {
    const p = structuredClone(sound[1]!) as unknown as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(p).reverse());
    const fast = fastDecisionPayload(reversed);
    expect(fast).not.toBeNull();
    expect(Object.keys(fast!)).toEqual(Object.keys(p));
    expectSameAsZod(fast!, reversed);
  });

  it('says yes exactly where zod does for data, and only where zod does for anything else, over 12,000 bent payloads', () => {
    const random = seeded(2026);
    let accepted = 0;
    let refused = 0;
    let unsureOfOdd = 0;
    for (let i = 0; i < 12_000; i += 1) {
      const raw = structuredClone(pick(random, sound)) as unknown as Record<string, unknown>;
      let plain = bend(raw, random);
      if (plain && random() < 0.3) plain = bend(raw, random);
      const fast = fastDecisionPayload(raw);
      if (fast !== null) {
        accepted += 1;
        expectSameAsZod(fast, raw);
      } else if (plain) {
        refused += 1;
        // no more than zod refuses either, so a sound payload never takes the slow way
        if (decisionFilePayloadSchema.safeParse(raw).success) { process.env.FCDBG = "1"; fastDecisionPayload(raw); process.env.FCDBG = ""; }
        expect(decisionFilePayloadSchema.safeParse(raw).success, JSON.stringify(raw).slice(0, 400)).toBe(false);
      } else {
        unsureOfOdd += 1;
      }
    }
    // every answer was given often, so no side of the comparison is empty
    expect(accepted).toBeGreaterThan(1_500);
    expect(refused).toBeGreaterThan(4_000);
    expect(unsureOfOdd).toBeGreaterThan(500);
  });

  it('is not sure when Object.prototype holds something enumerable, which zod takes for an unknown key', () => {
    const p = sound[0]!;
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(decisionFilePayloadSchema.safeParse(p).success).toBe(false);
      expect(fastDecisionPayload(p)).toBeNull();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(fastDecisionPayload(p)).not.toBeNull();
  });

  it('answers "not sure" rather than throwing when a getter throws', () => {
    const p = structuredClone(sound[0]!) as unknown as Record<string, unknown>;
    Object.defineProperty(p, 'council', { get: () => { throw new Error('no'); }, enumerable: true });
    expect(fastDecisionPayload(p)).toBeNull();
  });
});
