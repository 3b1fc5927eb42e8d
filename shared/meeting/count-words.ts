/**
 * The counting rules and a vote's count in words, Korean and English, plain text only (the UI
 * renders it as text, never HTML): for the meeting's setup screen, its room and the minutes. The
 * sentences name the figures FORMATS.md counts with, so a reader can recount them by hand.
 */
// Straight from the files, not the index: shared/i18n/minutes-words.ts (in the index) reads these rules' words.
import type { Language } from '../i18n/language';
import { ROLE_NAMES, midSentence, type Words } from '../i18n/words';
import type { ChairStanding, VoteCount } from './counting';
import type { CountingRules, PassingRule, QuorumRule, TieRule } from './rules';

/** A passing rule as a label (the setup screen's choices). */
export const PASSING_RULE_WORDS: Words<PassingRule> = {
  ko: {
    'majority-of-present': '출석위원 과반수의 찬성',
    'majority-of-cast': '찬성이 반대보다 많을 것 (기권 제외)',
    'two-thirds-of-present': '출석위원 3분의 2 이상의 찬성',
  },
  en: {
    'majority-of-present': 'Approval by a majority of members present',
    'majority-of-cast': 'More approvals than rejections (abstentions aside)',
    'two-thirds-of-present': 'Approval by two thirds of members present',
  },
};

/** A tie rule as a label. */
export const TIE_RULE_WORDS: Words<TieRule> = {
  ko: { fails: '가부동수이면 부결', 'chair-decides': '가부동수이면 위원장이 결정' },
  en: { fails: 'A tie fails', 'chair-decides': 'The chair decides a tie' },
};

/** "1 member", "2 members": English counts; Korean counts people with 명. */
function people(n: number, lang: Language, noun = 'member'): string {
  return lang === 'ko' ? `${n}명` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A quorum rule as a label. */
export function quorumRuleText(rule: QuorumRule, lang: Language): string {
  if (rule.type === 'majority') return lang === 'ko' ? '재적위원 과반수 출석' : 'A majority of members present';
  return lang === 'ko' ? `위원 ${rule.count}명 이상 출석` : `At least ${people(rule.count, lang)} present`;
}

/** How recusals count (recusedInBase) as a label. */
export function recusalRuleText(recusedInBase: boolean, lang: Language): string {
  if (lang === 'ko') return recusedInBase ? '회피 위원도 재적위원 수와 출석 수에 포함' : '회피 위원은 재적위원 수에서 제외';
  return recusedInBase ? 'Recused members still counted among the members and those present' : 'Recused members not counted among the members';
}

/** The four rules in one line, without a closing full stop ("재적위원 과반수 출석, 출석위원 과반수의 찬성, ..."). */
export function rulesText(rules: CountingRules, lang: Language): string {
  const parts = [quorumRuleText(rules.quorum, lang), PASSING_RULE_WORDS[lang][rules.passing], recusalRuleText(rules.recusedInBase, lang), TIE_RULE_WORDS[lang][rules.tie]];
  return lang === 'ko' ? parts.join(', ') : parts.map((p, i) => (i === 0 ? p : midSentence(p, lang))).join('; ');
}

function recusalSentence(n: number, recusedInBase: boolean, lang: Language): string {
  if (lang === 'ko') {
    return recusedInBase
      ? `회피 위원 ${n}명도 재적위원 수에 넣고, 출석했다면 출석 수에도 넣습니다.`
      : `회피 위원 ${n}명은 재적위원 수에 넣지 않습니다.`;
  }
  return recusedInBase
    ? `${people(n, lang)} recused, still counted among the members and, if present, those present.`
    : `${people(n, lang)} recused, not counted among the members.`;
}

function quorumSentence(count: VoteCount, lang: Language): string {
  const { members, present, quorumMet, quorumNeeded } = count;
  if (members === 0) {
    return lang === 'ko' ? '이 사건에 표결할 수 있는 위원이 없어 의결할 수 없습니다.' : 'No member can vote on this case, so no decision can be recorded.';
  }
  if (lang === 'ko') {
    const figures = `재적위원 ${members}명 중 ${present}명 출석, ${quorumNeeded}명 필요.`;
    return quorumMet ? `정족수 충족: ${figures}` : `정족수 미달: ${figures} 의결할 수 없습니다.`;
  }
  const figures = `${present} present of ${people(members, lang)}; ${quorumNeeded} needed.`;
  return quorumMet ? `Quorum met: ${figures}` : `Quorum not met: ${figures} No decision can be recorded.`;
}

function passingSentence(count: VoteCount, rules: CountingRules, lang: Language): string {
  const { approve, reject, present, approvalsNeeded: needed } = count;
  if (rules.passing === 'majority-of-cast') {
    return lang === 'ko'
      ? `찬성 ${approve}명, 반대 ${reject}명: 찬성이 반대보다 많아야 하므로 ${needed}명 필요 (기권 제외).`
      : `${approve} approve and ${reject} reject; ${needed} needed to outnumber the rejections (abstentions aside).`;
  }
  const twoThirds = rules.passing === 'two-thirds-of-present';
  if (lang === 'ko') return `출석위원 ${present}명 중 ${approve}명 찬성, ${twoThirds ? '3분의 2 이상' : '과반수'} ${needed}명 필요.`;
  const approves = `${approve} of ${present} present ${present === 1 ? 'member' : 'members'} ${approve === 1 ? 'approves' : 'approve'}`;
  return `${approves}; ${needed} needed${twoThirds ? ' (two thirds)' : ''}.`;
}

const CHAIR_WHY: Words<Exclude<ChairStanding, 'approve'>> = {
  ko: { reject: '위원장이 반대하여', abstain: '위원장이 기권하여', none: '위원장이 표결하지 않아', recused: '위원장이 회피하여', absent: '위원장이 출석하지 않아', 'no-chair': '위원장이 없어' },
  en: { reject: 'the chair rejected', abstain: 'the chair abstained', none: 'the chair has not voted', recused: 'the chair is recused', absent: 'the chair is absent', 'no-chair': 'there is no chair' },
};

function tieSentence(count: VoteCount, rules: CountingRules, lang: Language): string {
  const ko = lang === 'ko';
  if (rules.tie === 'fails') return ko ? '가부동수: 부결된 것으로 봅니다 (가부동수 규칙).' : 'A tie: the proposal fails (tie rule).';
  const chair = ROLE_NAMES[lang].chair;
  if (count.chair === 'approve') return ko ? `가부동수: ${chair}이 찬성하여 가결됩니다.` : `A tie, decided by the ${midSentence(chair, lang)}'s approval.`;
  const why = CHAIR_WHY[lang][count.chair];
  return ko ? `가부동수: ${why} 부결됩니다 (가부동수 규칙: ${chair} 결정).` : `A tie: ${why}, so the proposal fails (tie rule: the chair decides).`;
}

/**
 * Why the count stands as it does, one sentence each: recusals, quorum, then (with quorum) the
 * approvals against the rule, members who have not voted, votes not counted, a tie, the result.
 * Without quorum the quorum sentence is the last: nothing else can be decided.
 */
export function countReasons(count: VoteCount, rules: CountingRules, lang: Language): string[] {
  const ko = lang === 'ko';
  const out: string[] = [];
  if (count.recused > 0) out.push(recusalSentence(count.recused, rules.recusedInBase, lang));
  out.push(quorumSentence(count, lang));
  if (!count.quorumMet) return out;
  out.push(passingSentence(count, rules, lang));
  const waiting = count.notVoted.length;
  if (waiting > 0) {
    const have = waiting === 1 ? 'has' : 'have';
    out.push(ko ? `출석위원 ${waiting}명이 표결하지 않았습니다 (찬성이 아님).` : `${people(waiting, lang, 'present member')} ${have} not voted (not an approval).`);
  }
  const ignored = count.ignored.length;
  if (ignored > 0) {
    out.push(ko ? `${ignored}표는 세지 않았습니다 (불참, 회피, 표결권 없음 또는 중복).` : `${people(ignored, lang, 'vote')} not counted (absent, recused, not a voting member, or a second vote).`);
  }
  if (count.tie) out.push(tieSentence(count, rules, lang));
  out.push(ko ? (count.passed ? '가결됩니다.' : '부결됩니다.') : count.passed ? 'The proposal passes.' : 'The proposal fails.');
  return out;
}
