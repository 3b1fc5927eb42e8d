/**
 * A long meeting's minutes input, for the PDF's tests and the benchmark: one decision file of
 * `cases` decisions (decision-payloads.ts: right by the counting rules, five kinds in turn), every
 * case on the agenda in order, businesses with Korean names.
 */
import type { CaseParticulars, MinutesInput } from '../../shared/minutes/minutes-model';
import { samplePayload, SAMPLE_ATTENDANCE } from './decision-payloads';
import { decisionFileInput, MEETING_ID } from './sample-minutes';

const SHOPS = ['한결 꽃집', '서울 분식', '하늘 택시', '강남 공방', '바다 횟집', '푸른 약국', '다온 미용실', '새봄 세탁소', '온누리 문구', '별빛 카페'];
const PEOPLE = ['김민수', '이수진', '박영호', '최은영', '정다은', '오세훈', '한지민', '윤서준', '장하은', '임도윤'];

export function longMinutesInput(cases: number): MinutesInput {
  const file = decisionFileInput(samplePayload({ decisions: cases, meetingId: MEETING_ID }));
  const { payload } = file;
  const particulars: Record<string, CaseParticulars> = {};
  payload.decisions.forEach((d, i) => {
    particulars[d.caseId] = {
      businessName: `${SHOPS[i % SHOPS.length]} ${i + 1}호점`,
      registrationNo: String(1_208_100_000 + i),
      representative: PEOPLE[i % PEOPLE.length]!,
      bankAccountFingerprint: (i % 16).toString(16).repeat(64),
      bundleId: d.bundleId,
    };
  });
  const agenda = payload.decisions.map((d) => {
    const { claimedLoss, assessedLoss } = d.suggested;
    const flags = assessedLoss !== null && claimedLoss > assessedLoss ? ['CLAIM_EXCEEDS_ASSESSED'] : [];
    return { caseId: d.caseId, suggestion: { ...d.suggested, flags, reasons: [] } };
  });
  return {
    council: '카카오 1015 피해지원 협의체',
    meeting: {
      meetingId: MEETING_ID,
      date: payload.meeting.date,
      place: payload.meeting.place,
      startedAt: '2023-03-02T14:00:00+09:00',
      closedAt: '2023-03-02T18:30:00+09:00',
      rules: payload.meeting.rules,
      attendance: SAMPLE_ATTENDANCE.map((a) => ({ ...a })),
    },
    agenda,
    decisionFiles: [file],
    cases: particulars,
    signers: { chairName: '정한결', secretaryName: '윤하늘' },
  };
}
