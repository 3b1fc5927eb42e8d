/**
 * The demo council's one declared conflict (shared/council.ts, member m3) meets exactly one case of
 * the demo bundle the build makes (make-demo-bundle --cases 60 --seed 1015): 1015-000011, an
 * ordinary tier T2 case with no flag, so the demo meeting shows one suggested recusal.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoBundleContent } from '../../electron/services/demo-data';
import { assessCase } from '../../shared/assessment';
import { DEMO_MEMBERS } from '../../shared/council';
import { suggestedRecusals } from '../../shared/meeting/conflicts';
import { caseRecordSchema } from '../../shared/schemas/case-record';
import { registrationKey } from '../../shared/duplicate-flags';

describe('the demo conflict', () => {
  it('suggests 이도현 a recusal on 1015-000011 only, an unflagged T2 case', async () => {
    const content = await generateDemoBundleContent({ cases: 60, seed: 1015 });
    const cases = content.cases.map((c) => caseRecordSchema.parse(c));
    const suggested = cases.flatMap((c) =>
      suggestedRecusals(
        { bundleId: content.manifest.bundleId, registrationNo: c.business.registrationNo, businessName: c.business.name, region: c.business.region },
        DEMO_MEMBERS,
      ).map((s) => [c.caseId, s.memberId, s.conflictId]),
    );
    expect(suggested).toEqual([['1015-000011', 'm3', 'm3-c1']]);

    const chosen = cases.find((c) => c.caseId === '1015-000011')!;
    const assessment = assessCase(chosen, content.manifest.incident, content.manifest.policy);
    expect(assessment.tier?.id).toBe('T2');
    expect(assessment.flags).toEqual([]);
    // No other case shares its number (so no duplicate flag either).
    expect(cases.filter((c) => registrationKey(c.business.registrationNo) === registrationKey(chosen.business.registrationNo))).toHaveLength(1);
  });
});
