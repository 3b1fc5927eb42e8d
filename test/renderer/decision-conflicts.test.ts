/**
 * Received decisions against this device's (decisions/inbox/decision-conflicts.ts): each kind of
 * comparison, the highest revision among the verified files standing for its case (FORMATS.md),
 * and a failed file counting for nothing.
 */
import { describe, expect, it } from 'vitest';
import { compareReceived, fileStandings, groupByCase, highestReceived } from '../../renderer/decisions/inbox/decision-conflicts';
import { samplePayload } from '../support/decision-payloads';
import { decision } from './support/meeting-council';
import { CHAIR_KEYID, failedFile, verifiedFile, withDecision } from './support/received-files';

// The sample's first three cases: 1015-000001 award 30,000, 1015-000002 award 50,000, 1015-000003 reject.
const C1 = '1015-000001';
const C2 = '1015-000002';
const C3 = '1015-000003';
const FILE = verifiedFile(samplePayload({ keyid: CHAIR_KEYID }));

const kinds = (comparisons: ReturnType<typeof compareReceived>) => Object.fromEntries([...comparisons].map(([caseId, c]) => [caseId, c.kind]));

describe('comparing received decisions with this device', () => {
  it('finds each case the same, in conflict, or not here', () => {
    const here = [decision(C1, 'award', { award: 30_000 }), decision(C2, 'reject')];
    const comparisons = compareReceived([FILE], here);
    expect(kinds(comparisons)).toEqual({ [C1]: 'same', [C2]: 'conflict', [C3]: 'not-here' });
    expect(comparisons.get(C2)).toMatchObject({ differs: ['outcome', 'award'], here: { outcome: 'reject', award: null }, received: { entry: { outcome: 'award', award: 50_000 }, file: FILE } });
    expect(comparisons.get(C3)?.here).toBeNull();
  });

  it('calls another award on the same revision a conflict, naming the award alone', () => {
    const comparisons = compareReceived([FILE], [decision(C2, 'award', { award: 40_000 })]);
    expect(comparisons.get(C2)).toMatchObject({ kind: 'conflict', differs: ['award'] });
  });

  it('tells a newer revision elsewhere from a newer one here, and compares no older revision', () => {
    const file = verifiedFile(withDecision(samplePayload(), C1, { revision: 2, outcome: 'reject', award: null, tier: null }));
    const here = [
      decision(C1, 'award', { award: 30_000 }),
      decision(C2, 'reject'), // revision 1 disagrees with the file, but revision 2 here is newer
      decision(C2, 'award', { revision: 2, award: 50_000 }),
    ];
    const comparisons = compareReceived([file], here);
    expect(comparisons.get(C1)).toMatchObject({ kind: 'newer-elsewhere', here: { revision: 1 }, received: { entry: { revision: 2 } } });
    expect(comparisons.get(C2)).toMatchObject({ kind: 'newer-here', here: { revision: 2 }, differs: [] });
  });

  it('takes the highest revision across files, whichever comes first, and marks the older one superseded', () => {
    const first = verifiedFile(samplePayload());
    const later = verifiedFile(withDecision(samplePayload({ sequence: 2, previous: 'e'.repeat(64), decisions: 1 }), C1, { revision: 2, outcome: 'reject', award: null, tier: null }));
    const here = [decision(C1, 'award', { award: 30_000 })];
    for (const files of [
      [first, later],
      [later, first],
    ]) {
      const comparisons = compareReceived(files, here);
      expect(comparisons.get(C1)).toMatchObject({ kind: 'newer-elsewhere', received: { file: later, entry: { revision: 2, outcome: 'reject' } } });
    }
    const highest = highestReceived([first, later]);
    const standings = fileStandings(first, highest, groupByCase(here));
    expect(standings.map((s) => [s.entry.caseId, s.standing.kind])).toEqual([
      [C1, 'superseded'],
      [C2, 'not-here'],
      [C3, 'not-here'],
    ]);
    expect(standings[0]!.standing).toMatchObject({ kind: 'superseded', by: { file: later, entry: { revision: 2 } } });
  });

  it('lets no failed file count, even one that carries a payload', () => {
    const tampered = { ...failedFile('decisions-2023-03-02-0002.dsse.json', [{ path: '', code: 'SIGNATURE_INVALID', message: 'The signature does not verify.' }]) };
    const failedWithPayload = { ...tampered, payload: withDecision(samplePayload(), C1, { revision: 5, outcome: 'reject', award: null, tier: null }) };
    const here = [decision(C1, 'award', { award: 30_000 })];
    expect(compareReceived([tampered], here).size).toBe(0);
    const comparisons = compareReceived([FILE, failedWithPayload], here);
    expect(comparisons.get(C1)).toMatchObject({ kind: 'same', received: { file: FILE, entry: { revision: 1 } } });
    expect(fileStandings(failedWithPayload, highestReceived([FILE, failedWithPayload]), groupByCase(here))).toEqual([]);
  });
});
