/**
 * The awkward cases a council meets, and where in a demo bundle they go. Each kind maps to a flag
 * of FORMATS.md (or, for no-loss, to the "reject: no loss shown" suggestion). Every case carries at
 * most one awkward kind, so a test can count them.
 */
import { Random } from './random';

export const AWKWARD_KINDS = [
  'no-loss', // sales did not drop in the outage week
  'claim-exceeds', // the claim is well above what the sales show
  'duplicate-registration', // two cases, one registration number (one written with hyphens)
  'duplicate-bank-account', // two businesses paid into one account
  'missing-documents', // a required document kind is absent
  'invalid-registration', // the registration number's check digit is wrong
  'no-sales-data', // empty dailySales
  'no-complete-baseline-week', // days missing so no baseline week is whole
  'duplicate-evidence', // the same file bytes in two cases
] as const;
export type AwkwardKind = (typeof AWKWARD_KINDS)[number];

export const PAIR_KINDS: ReadonlySet<AwkwardKind> = new Set(['duplicate-registration', 'duplicate-bank-account', 'duplicate-evidence']);

export type AwkwardRole =
  | { kind: AwkwardKind; role: 'single'; occurrence: number }
  /** `original` is the earlier case of a pair; `copy` repeats something of the case at `partner`. */
  | { kind: AwkwardKind; role: 'original' | 'copy'; partner: number; occurrence: number };

/** Cases per occurrence: the commoner problems come up more often. */
const CASES_PER_OCCURRENCE: Record<AwkwardKind, number> = {
  'missing-documents': 25,
  'claim-exceeds': 30,
  'no-loss': 40,
  'duplicate-registration': 60,
  'duplicate-bank-account': 60,
  'invalid-registration': 60,
  'no-sales-data': 60,
  'no-complete-baseline-week': 60,
  'duplicate-evidence': 60,
};

/** How many times each kind occurs in a bundle of `count` cases: every kind once from 20 cases on. */
export function awkwardCounts(count: number): Record<AwkwardKind, number> {
  const counts = Object.fromEntries(AWKWARD_KINDS.map((k) => [k, 0])) as Record<AwkwardKind, number>;
  if (count >= 20) {
    for (const kind of AWKWARD_KINDS) counts[kind] = Math.max(1, Math.floor(count / CASES_PER_OCCURRENCE[kind]));
    return counts;
  }
  // Small bundles: a few kinds, at most a third of the cases.
  let budget = Math.floor(count / 3);
  for (const kind of AWKWARD_KINDS) {
    const cost = PAIR_KINDS.has(kind) ? 2 : 1;
    if (cost <= budget) {
      counts[kind] = 1;
      budget -= cost;
    }
  }
  return counts;
}

/** For each case index, its awkward role or null (an ordinary case). Deterministic for a seed. */
export function planAwkwardCases(count: number, seed: number): (AwkwardRole | null)[] {
  const rng = Random.derive(seed, 0xa11c);
  const counts = awkwardCounts(count);
  const entries: { kind: AwkwardKind; pair: number | null; first: boolean }[] = [];
  let pairNo = 0;
  for (const kind of AWKWARD_KINDS) {
    for (let n = 0; n < counts[kind]; n++) {
      if (PAIR_KINDS.has(kind)) {
        entries.push({ kind, pair: pairNo, first: true }, { kind, pair: pairNo, first: false });
        pairNo++;
      } else {
        entries.push({ kind, pair: null, first: true });
      }
    }
  }
  // One position in each of `entries.length` equal stretches of the bundle: spread, not clustered.
  const slots = entries.length;
  const positions = Array.from({ length: slots }, (_, j) => {
    const from = Math.floor((j * count) / slots);
    const to = Math.floor(((j + 1) * count) / slots) - 1;
    return rng.int(from, Math.max(from, to));
  });
  const shuffled = rng.shuffle(entries);
  const plan: (AwkwardRole | null)[] = Array.from({ length: count }, () => null);
  const pairPositions = new Map<number, number[]>();
  shuffled.forEach((entry, i) => {
    const position = positions[i]!;
    if (entry.pair === null) plan[position] = { kind: entry.kind, role: 'single', occurrence: 0 };
    else pairPositions.set(entry.pair, [...(pairPositions.get(entry.pair) ?? []), position]);
  });
  // Singles are numbered in case order, so "every other one" alternates along the bundle.
  const occurrences = new Map<AwkwardKind, number>();
  for (const role of plan) {
    if (role?.role !== 'single') continue;
    role.occurrence = occurrences.get(role.kind) ?? 0;
    occurrences.set(role.kind, role.occurrence + 1);
  }
  // Pairs too are numbered in the order their first case comes in the bundle.
  const pairsInOrder = [...pairPositions.entries()].sort((x, y) => Math.min(...x[1]) - Math.min(...y[1]));
  for (const [pair, [a, b]] of pairsInOrder as [number, number[]][]) {
    const kind = entries.find((e) => e.pair === pair)!.kind;
    const occurrence = occurrences.get(kind) ?? 0;
    occurrences.set(kind, occurrence + 1);
    const [first, second] = [Math.min(a!, b!), Math.max(a!, b!)];
    plan[first] = { kind, role: 'original', partner: second, occurrence };
    plan[second] = { kind, role: 'copy', partner: first, occurrence };
  }
  return plan;
}
