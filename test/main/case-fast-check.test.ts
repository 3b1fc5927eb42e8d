/**
 * The compiled case check (case-fast-check.ts) only ever says yes to what the shared zod schema
 * accepts, and then gives the very record zod gives: thousands of cases, each a sound case bent
 * in one or two places (types, lengths at and past each limit in plain, Hangul, astral and lone
 * surrogate characters, dates off the calendar, date-times, amounts, enums, keys missing, extra or
 * named __proto__, lists too long), judged both ways.
 */
import { describe, expect, it } from 'vitest';
import { fastCaseRecord, keysOfAcceptedCase } from '../../electron/services/bundle-reader/case-fast-check';
import { keysInValue } from '../../shared/json/strict-json';
import { parseCaseRecord } from '../../electron/services/bundle-reader/case-schema';
import { caseRecordSchema } from '../../shared/schemas/case-record';
import { seeded } from '../bench/bench-bundles';
import { casesOf, tinyParts } from './fixtures/bundle-parts';

const sound = casesOf(tinyParts());

const ASTRAL = '😀';
const strings = (n: number) => ['', 'a', '\ud800', `${'a'.repeat(n - 1)}\ud800`, `${'a'.repeat(n)}\udc00`, `${ASTRAL}`.repeat(n + 1).slice(1), 'a'.repeat(n - 1), 'a'.repeat(n), 'a'.repeat(n + 1), ASTRAL.repeat(Math.floor(n / 2)), ASTRAL.repeat(Math.floor(n / 2) + 1), ASTRAL.repeat(n), `${'a'.repeat(n - 1)}${ASTRAL}`, '가'.repeat(n), '가'.repeat(n + 1)];
const LIMITS: Record<string, number> = { name: 200, representative: 100, category: 64, region: 200, kind: 64, title: 500, file: 512, statement: 20_000, services: 64 };
const VALUES = [null, true, 0, -1, 1.5, -0, 1e13, 1e13 + 1, 2 ** 53, '1', [], {}, 'x', '2022-02-29', '2024-02-29', '2022-13-01', '2022-10-15', ' 2022-10-15', '2023-03-02T14:00:00+09:00', '2023-03-02T14:00:00Z', '2023-03-02T14:00:00', '2023-02-29T14:00:00+09:00', '2023-03-02T24:00:00+09:00', '2023-03-02T14:00:00.123+09:00', 'application/pdf', 'APPLICATION/PDF', 'image/gif', '123-45-67891', '1234567891', '123-4567891', '12-345-67891', '١٢٣-45-67891', '.', '..', '...', 'a'.repeat(64), 'a'.repeat(65), '1015-000001', '1015-000001/x', 'deadbeefdeadbeef', 'DEADBEEFDEADBEEF', 'f'.repeat(65)];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

type Place = [Record<string, unknown> | unknown[], string | number];

/** Every place in the case where a value sits (its parent and key), grouped by its path with list indexes left out. */
function places(node: unknown, path = '', out = new Map<string, Place[]>()): Map<string, Place[]> {
  const add = (sig: string, place: Place) => out.set(sig, [...(out.get(sig) ?? []), place]);
  if (Array.isArray(node)) node.forEach((v, i) => (add(`${path}[]`, [node, i]), places(v, `${path}[]`, out)));
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) add(`${path}.${k}`, [node as Record<string, unknown>, k]), places(v, `${path}.${k}`, out);
  return out;
}

function bend(record: Record<string, unknown>, random: () => number): void {
  // every kind of place as likely as another: a case's sixty daily sales must not crowd out its name
  const [parent, key] = pick(random, pick(random, [...places(record).values()]));
  const limit = LIMITS[String(key)] ?? (Array.isArray(parent) ? 64 : 200);
  const roll = random();
  if (roll < 0.35) (parent as any)[key] = pick(random, strings(limit));
  else if (roll < 0.7) (parent as any)[key] = structuredClone(pick(random, VALUES));
  else if (roll < 0.8 && !Array.isArray(parent)) delete (parent as any)[key];
  else if (roll < 0.88 && !Array.isArray(parent)) Object.defineProperty(parent, pick(random, ['extra', '__proto__', 'caseid']), { value: 1, enumerable: true, configurable: true, writable: true });
  else if (Array.isArray(parent)) parent.push(...Array.from({ length: pick(random, [1, 20, 100, 400]) }, () => structuredClone(parent[0])));
  else (parent as any)[key] = Array.from({ length: pick(random, [0, 20, 21, 100, 101, 400, 401]) }, () => structuredClone((parent as any)[key]?.[0] ?? 'a'));
}

describe('the compiled case check', () => {
  it('accepts the sound cases, giving what zod gives', () => {
    for (const c of sound) {
      const zod = caseRecordSchema.safeParse(structuredClone(c));
      expect(zod.success).toBe(true);
      expect(fastCaseRecord(structuredClone(c))).toStrictEqual(zod.data);
    }
  });

  it('says yes exactly where zod does, and then gives the same record, over 20,000 bent cases', () => {
    const random = seeded(1015);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const record = structuredClone(pick(random, sound));
      bend(record, random);
      if (random() < 0.3) bend(record, random);
      const zod = caseRecordSchema.safeParse(structuredClone(record));
      const fast = fastCaseRecord(structuredClone(record));
      if (fast !== null) {
        accepted += 1;
        expect(zod.success, JSON.stringify(record).slice(0, 400)).toBe(true);
        expect(fast).toStrictEqual(zod.data);
        // the key count the duplicate-key check takes on trust for an accepted case
        expect(keysOfAcceptedCase(fast)).toBe(keysInValue(record));
      } else {
        refused += 1;
        // no more than zod refuses either, so a sound case never takes the slow way
        expect(zod.success, JSON.stringify(record).slice(0, 400)).toBe(false);
        // a no is never the end: the reader's parse is zod's verdict itself
        expect(parseCaseRecord(structuredClone(record)).success).toBe(false);
      }
    }
    // both answers were given often, so neither side of the comparison is empty
    expect(accepted).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(2_000);
  });
});
