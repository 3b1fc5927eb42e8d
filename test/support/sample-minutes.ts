/**
 * A meeting's minutes for the exports' tests (DOCX, XLSX, PDF): built by buildMinutes from a chain
 * of two sample decision files (test/support/decision-payloads.ts: ten decisions, awards of 30,000,
 * 50,000 and 400,000, rejections, deferrals, a recusal), an agenda with one case left undecided,
 * and Korean business names, one with a comma and quotes and one starting with "=" (a spreadsheet
 * must keep it as text).
 */
import type { Reason } from '../../shared/assessment/types';
import { buildMinutes } from '../../shared/minutes/minutes-model';
import type { CaseParticulars, Minutes, MinutesInput } from '../../shared/minutes/minutes-model';
import { decisionFileName } from '../../shared/decisions/decision-file-name';
import { SAMPLE_ATTENDANCE } from './decision-payloads';
import { payloadChain, payloadSha256 } from './signed-decision-file';

const NAMES = ['을지로 "한결" 분식, 2호점', '=카카오 꽃집', '서촌 책방 온기', '망원 국수집', '성수 수제화 공방'];

/** A case left on the agenda with no decision. */
export const UNDECIDED_CASE_ID = '1015-000099';

function particulars(caseId: string, i: number): CaseParticulars {
  return {
    businessName: NAMES[i % NAMES.length]!,
    registrationNo: `0${String(120_000_000 + i * 7919).slice(0, 9)}`,
    representative: ['김민준', '이서연', '박지호', '최수아', '정우진'][i % 5]!,
    bankAccountFingerprint: `${String(i).padStart(2, '0')}${'f'.repeat(14)}`,
    bundleId: '1015-2023-B07',
  };
}

export function sampleMinutesInput(): MinutesInput {
  const payloads = payloadChain(2, { decisions: 5 });
  const decisionFiles = payloads.map((payload) => ({
    fileName: decisionFileName(payload.meeting.meetingId, payload.sequence),
    payloadSha256: payloadSha256(payload),
    payload,
  }));
  const decided = payloads.flatMap((p) => p.decisions);
  const caseIds = [...decided.map((d) => d.caseId), UNDECIDED_CASE_ID];
  const cases = Object.fromEntries(caseIds.map((id, i) => [id, particulars(id, i)]));
  const agenda = caseIds.map((caseId) => {
    const d = decided.find((x) => x.caseId === caseId);
    const suggested = d?.suggested ?? { tier: 'T1', award: 30_000, claimedLoss: 200_000, assessedLoss: 180_000 };
    const amount = Math.min(suggested.claimedLoss, suggested.assessedLoss ?? suggested.claimedLoss);
    const reasons: Reason[] = suggested.tier === null ? [] : [{ code: 'TIER', amount, tierId: suggested.tier, minLoss: 0, maxLoss: null, award: suggested.award }];
    return { caseId, suggestion: { ...suggested, flags: suggested.assessedLoss === null ? ['NO_SALES_DATA'] : [], reasons } };
  });
  const first = payloads[0]!;
  return {
    council: first.council,
    meeting: {
      meetingId: first.meeting.meetingId,
      date: first.meeting.date,
      place: first.meeting.place,
      startedAt: `${first.meeting.date}T14:00:00+09:00`,
      closedAt: `${first.meeting.date}T17:00:00+09:00`,
      rules: first.meeting.rules,
      attendance: SAMPLE_ATTENDANCE.map((a) => ({ ...a })),
    },
    agenda,
    decisionFiles,
    cases,
    signers: { chairName: '정한결', secretaryName: '윤하늘' },
  };
}

export function sampleMinutes(): Minutes {
  return buildMinutes(sampleMinutesInput());
}
