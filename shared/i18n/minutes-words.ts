/**
 * The minutes' words in Korean and English (issue 13): titles, column heads, and the phrases the
 * HTML/PDF and DOCX renderers build from the minutes model (shared/minutes/minutes-model.ts). One
 * vocabulary with the rest of the app: roles, votes, outcomes and flags come from words.ts, the
 * counting rules from shared/meeting/count-words.ts, the suggestion's basis from the assessment's
 * reasons (shared/assessment/reasons.ts), money and dates from money.ts and dates.ts.
 * Plain text only: a renderer escapes it (HTML) or writes it as runs (DOCX).
 */
import { documentKindWord, reasonText } from '../assessment/reasons';
import type { MemberRole } from '../council';
import type { FlagCode } from '../duplicate-flags';
import { rulesText } from '../meeting/count-words';
import type { CountingRules } from '../meeting/rules';
import type { ListedVote, Outcome, Tally } from '../meeting/types';
import type { AgendaStatus, MinutesCase, MinutesProposal, MinutesQuorum, MinutesRevisionNote, MinutesSuggestion } from '../minutes/minutes-model';
import { formatDateTime, formatIsoDate } from './dates';
import type { Language } from './language';
import { formatKrw } from './money';
import { FLAG_NAMES, OUTCOME_NAMES, ROLE_NAMES, SUGGESTION_WORDS, VOTE_NAMES, VOTE_RESULT_NAMES, midSentence, type Words } from './words';

/** Where an agenda case stands at the end of the meeting. */
export const AGENDA_STATUS_NAMES: Words<AgendaStatus> = {
  ko: { awarded: '지원 의결', rejected: '기각 의결', deferred: '보류', 'not-decided': '미결' },
  en: { awarded: 'Awarded', rejected: 'Rejected', deferred: 'Deferred', 'not-decided': 'Not decided' },
};

const LABELS = {
  ko: {
    title: '회의록',
    sections: {
      overview: '회의 개요', rules: '표결 규칙', attendance: '출석', quorum: '정족수', agenda: '안건', cases: '의결 사항',
      deferred: '보류된 사건과 기다리는 서류', notDecided: '의결하지 않은 사건', totals: '합계', totalsByTier: '구간별 합계',
      totalsByOutcome: '결과별 합계', decisionFiles: '의결 파일', signOff: '서명',
    },
    labels: { council: '협의체', meetingId: '회의 번호', date: '일자', place: '장소', startedAt: '개회', closedAt: '폐회' },
    columns: {
      no: '번호', caseId: '사건 번호', businessName: '상호', name: '이름', role: '역할', present: '출석', arrivedAt: '도착', leftAt: '퇴장',
      suggestion: '제안', flags: '확인 필요 표시', status: '결과', member: '위원', vote: '표결', reason: '회피 사유', group: '구분',
      count: '건수', amount: '지원금', documents: '기다리는 서류', decidedAt: '의결 시각', sequence: '순번', fileName: '파일 이름',
      payloadSha256: '페이로드 SHA-256',
    },
    case: {
      suggestion: '제안', basis: '근거', proposals: '상정안과 표결', recusals: '회피', noRecusals: '회피한 위원 없음', outcome: '의결',
      award: '지원금', rationale: '의결 이유', missingDocuments: '보완 서류', decidedAt: '의결 시각', decisionFile: '의결 파일',
      history: '이전 의결',
    },
    presence: { present: '출석', absent: '불참' },
    noTier: '구간 없음',
    signature: '(서명)',
    noCases: '의결한 사건이 없습니다.',
    none: '—',
  },
  en: {
    title: 'Minutes',
    sections: {
      overview: 'Meeting', rules: 'Counting rules', attendance: 'Attendance', quorum: 'Quorum', agenda: 'Agenda', cases: 'Decisions',
      deferred: 'Deferred cases and the documents awaited', notDecided: 'Cases not decided', totals: 'Totals', totalsByTier: 'Totals by tier',
      totalsByOutcome: 'Totals by outcome', decisionFiles: 'Decision files', signOff: 'Signatures',
    },
    labels: { council: 'Council', meetingId: 'Meeting', date: 'Date', place: 'Place', startedAt: 'Opened', closedAt: 'Closed' },
    columns: {
      no: 'No.', caseId: 'Case', businessName: 'Business', name: 'Name', role: 'Role', present: 'Present', arrivedAt: 'Arrived', leftAt: 'Left',
      suggestion: 'Suggestion', flags: 'Flags', status: 'Result', member: 'Member', vote: 'Vote', reason: 'Reason for recusal', group: 'Group',
      count: 'Cases', amount: 'Awarded', documents: 'Documents awaited', decidedAt: 'Decided at', sequence: 'No.', fileName: 'File',
      payloadSha256: 'Payload SHA-256',
    },
    case: {
      suggestion: 'Suggestion', basis: 'Basis', proposals: 'Proposals and votes', recusals: 'Recusals', noRecusals: 'No member recused',
      outcome: 'Decision', award: 'Award', rationale: 'Rationale', missingDocuments: 'Documents awaited', decidedAt: 'Decided at',
      decisionFile: 'Decision file', history: 'Earlier revisions',
    },
    presence: { present: 'Present', absent: 'Absent' },
    noTier: 'No tier',
    signature: '(signature)',
    noCases: 'No case was decided.',
    none: '—',
  },
} as const satisfies Record<Language, unknown>;

/** The line of the suggestion's basis: the rule that gave the amount and the tier it falls in; the figures when no reasons came. */
export function basisLine(s: Pick<MinutesSuggestion, 'reasons' | 'claimedLoss' | 'assessedLoss'>, lang: Language): string {
  const picked = s.reasons.filter((r) => r.code === 'SUGGESTION_MIN' || r.code === 'SUGGESTION_CLAIMED' || r.code === 'TIER' || r.code === 'NO_TIER');
  if (picked.length > 0) return picked.map((r) => reasonText(r, lang)).join(' ');
  const krw = (n: number) => formatKrw(n, lang);
  const assessed = s.assessedLoss === null ? (lang === 'ko' ? '없음' : 'none') : krw(s.assessedLoss);
  return lang === 'ko' ? `신청 손실 ${krw(s.claimedLoss)}, 산정 손실 ${assessed}.` : `Claimed loss ${krw(s.claimedLoss)}, assessed loss ${assessed}.`;
}

/** Everything the minutes say, in one language. */
export function minutesText(lang: Language) {
  const ko = lang === 'ko';
  const t = LABELS[lang];
  const amount = (n: number) => formatKrw(n, lang);
  const dateTime = (iso: string | null) => (iso === null ? t.none : formatDateTime(iso, lang));
  const tier = (id: string | null) => id ?? t.noTier;
  const documents = (kinds: readonly string[]) => (kinds.length === 0 ? t.none : kinds.map((k) => documentKindWord(k, lang)).join(', '));
  const what = (outcome: Outcome, award: number | null, missing: readonly string[] = []): string => {
    if (outcome === 'award') return ko ? `지원금 ${award === null ? t.none : amount(award)}` : `award ${award === null ? t.none : amount(award)}`;
    if (outcome === 'reject') return OUTCOME_NAMES[lang].reject;
    const base = OUTCOME_NAMES[lang].defer;
    return missing.length === 0 ? base : ko ? `${base} — 보완 서류 ${documents(missing)}` : `${base} — awaiting ${documents(missing)}`;
  };
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return {
    ...t,
    /** "카카오 1015 피해지원 협의체 2023-03-02 회의록" — the running header of every page. */
    runningHeader: (council: string, meetingId: string) => (ko ? `${council} ${meetingId} 회의 ${t.title}` : `${council} — ${t.title} of meeting ${meetingId}`),
    /** "n / N" */
    pageOf: (n: number, total: number) => `${n} / ${total}`,
    rules: (rules: CountingRules) => rulesText(rules, lang),
    quorum: (q: MinutesQuorum) =>
      ko
        ? `위원 ${q.present}명 출석, 정족수 ${q.required}명: ${q.met ? '충족' : '미달'}`
        : `${q.present} voting members present, ${q.required} needed: quorum ${q.met ? 'met' : 'not met'}`,
    amount,
    date: (iso: string) => formatIsoDate(iso, lang),
    dateTime,
    role: (role: MemberRole) => ROLE_NAMES[lang][role],
    presence: (present: boolean) => (present ? t.presence.present : t.presence.absent),
    vote: (vote: ListedVote) => VOTE_NAMES[lang][vote],
    outcome: (outcome: Outcome) => OUTCOME_NAMES[lang][outcome],
    status: (status: AgendaStatus) => AGENDA_STATUS_NAMES[lang][status],
    tier,
    flag: (code: string) => (Object.hasOwn(FLAG_NAMES[lang], code) ? FLAG_NAMES[lang][code as FlagCode] : code),
    documents,
    /** "T2 · 50,000원", "T3 · 개별 심의", "기각 제안 (손실이 확인되지 않음)". */
    suggestion: (s: Pick<MinutesSuggestion, 'tier' | 'award'>) => {
      const w = SUGGESTION_WORDS[lang];
      if (s.tier === null) return `${w.reject} (${midSentence(w.noLossShown, lang)})`;
      return `${s.tier} · ${s.award === null ? w.caseByCase : amount(s.award)}`;
    },
    basis: (s: MinutesSuggestion) => basisLine(s, lang),
    /** "상정안 1: 지원금 50,000원 — 가결" / "Proposal 1: award KRW 50,000 — passed". */
    proposal: (p: Pick<MinutesProposal, 'no' | 'outcome' | 'amount' | 'passed'>) => {
      const result = midSentence(VOTE_RESULT_NAMES[lang][p.passed ? 'passed' : 'failed'], lang);
      const terms = p.outcome === 'award' ? what('award', p.amount) : midSentence(OUTCOME_NAMES[lang][p.outcome], lang);
      return ko ? `상정안 ${p.no}: ${terms} — ${result}` : `Proposal ${p.no}: ${terms} — ${result}`;
    },
    /** "찬성 4, 반대 0, 기권 0, 회피 1 (재적 4명, 출석 4명)". */
    tally: (x: Tally) =>
      ko
        ? `찬성 ${x.approve}, 반대 ${x.reject}, 기권 ${x.abstain}, 회피 ${x.recused} (재적 ${x.members}명, 출석 ${x.present}명)`
        : `Approve ${x.approve}, reject ${x.reject}, abstain ${x.abstain}, recused ${x.recused} (${x.members} members, ${x.present} present)`,
    /** The decision in a phrase: "지원금 50,000원 (T2)", "기각", "보류 — 보완 서류 …". */
    decision: (c: Pick<MinutesCase, 'outcome' | 'award' | 'tier' | 'missingDocuments'>) => {
      const phrase = what(c.outcome, c.award, c.missingDocuments);
      const text = c.outcome === 'award' && c.tier !== null ? `${phrase} (${c.tier})` : phrase;
      return ko ? text : capital(text);
    },
    revision: (n: number) => (ko ? `의결 ${n}차` : `Revision ${n}`),
    reopened: (reason: string) => (ko ? `다시 의결한 이유: ${reason}` : `Decided again because: ${reason}`),
    /** An earlier revision: "의결 1차 (decisions-…-0001.dsse.json): 보류, 2023. 3. 2. 오후 2:11". */
    historyLine: (h: MinutesRevisionNote) => {
      const head = ko ? `의결 ${h.revision}차` : `Revision ${h.revision}`;
      const phrase = what(h.outcome, h.award);
      return `${head} (${h.file.fileName}): ${ko ? phrase : capital(phrase)}, ${dateTime(h.decidedAt)}`;
    },
    recusal: (name: string, reason: string) => `${name}: ${reason}`,
  };
}

export type MinutesText = ReturnType<typeof minutesText>;
