/**
 * The counting rules and a vote's count in words (shared/meeting/count-words.ts): exact sentences
 * for the usual cases, and a sentence in both languages for every option and situation.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n';
import { PASSING_RULE_WORDS, TIE_RULE_WORDS, countReasons, rulesText } from '../../shared/meeting/count-words';
import { countVote, type CountInput } from '../../shared/meeting/counting';
import { DEFAULT_COUNTING_RULES, PASSING_RULES, TIE_RULES, type CountingRules } from '../../shared/meeting/rules';
import type { CountedMember, VoteChoice } from '../../shared/meeting/types';

const ROSTER: CountedMember[] = ['m1', 'm2', 'm3', 'm4', 'm5'].map((memberId, i) => ({ memberId, role: i === 0 ? 'chair' : 'member', active: true }));
const HANGUL = /[\uac00-\ud7a3]/;

function input(rules: CountingRules, present: string, votes: string, recused = ''): CountInput {
  const set = (s: string) => new Set(s.split(' ').filter(Boolean));
  const choice: Record<string, VoteChoice> = { a: 'approve', r: 'reject', x: 'abstain' };
  const cast = votes.split(' ').filter(Boolean).map((v) => ({ memberId: v.split(':')[0]!, vote: choice[v.split(':')[1]!]! }));
  return { rules, roster: ROSTER, present: set(present), recused: set(recused), votes: cast };
}

function reasons(rules: CountingRules, present: string, votes: string, recused = '') {
  const count = countVote(input(rules, present, votes, recused));
  return { en: countReasons(count, rules, 'en'), ko: countReasons(count, rules, 'ko') };
}

const D = DEFAULT_COUNTING_RULES;
const ALL = 'm1 m2 m3 m4 m5';

describe('countReasons', () => {
  it('the FORMATS.md example: one recusal, four approve', () => {
    const r = reasons(D, ALL, 'm1:a m2:a m3:a m5:a', 'm4');
    expect(r.en).toEqual([
      '1 member recused, not counted among the members.',
      'Quorum met: 4 present of 4 members; 3 needed.',
      '4 of 4 present members approve; 3 needed.',
      'The proposal passes.',
    ]);
    expect(r.ko).toEqual([
      '회피 위원 1명은 재적위원 수에 넣지 않습니다.',
      '정족수 충족: 재적위원 4명 중 4명 출석, 3명 필요.',
      '출석위원 4명 중 4명 찬성, 과반수 3명 필요.',
      '가결됩니다.',
    ]);
  });

  it('quorum met with one absent; one member has not voted', () => {
    const r = reasons(D, 'm1 m2 m3 m4', 'm1:a m2:a m3:r');
    expect(r.en).toEqual([
      'Quorum met: 4 present of 5 members; 3 needed.',
      '2 of 4 present members approve; 3 needed.',
      '1 present member has not voted (not an approval).',
      'A tie: the proposal fails (tie rule).',
      'The proposal fails.',
    ]);
    expect(r.ko[3]).toBe('가부동수: 부결된 것으로 봅니다 (가부동수 규칙).');
  });

  it('quorum not met: nothing else is said', () => {
    const r = reasons(D, 'm1 m2', 'm1:a m2:a');
    expect(r.en).toEqual(['Quorum not met: 2 present of 5 members; 3 needed. No decision can be recorded.']);
    expect(r.ko).toEqual(['정족수 미달: 재적위원 5명 중 2명 출석, 3명 필요. 의결할 수 없습니다.']);
  });

  it('a tie decided by the chair, and one the chair could not decide', () => {
    const chair = { ...D, tie: 'chair-decides' } as const;
    const decided = reasons(chair, 'm1 m2 m3 m4', 'm1:a m2:a m3:r m4:r');
    expect(decided.en.slice(-2)).toEqual(["A tie, decided by the chair's approval.", 'The proposal passes.']);
    expect(decided.ko.slice(-2)).toEqual(['가부동수: 위원장이 찬성하여 가결됩니다.', '가결됩니다.']);
    const absent = reasons(chair, 'm2 m3 m4 m5', 'm2:a m3:a m4:r m5:r m1:a');
    expect(absent.en.slice(-3)).toEqual([
      '1 vote not counted (absent, recused, not a voting member, or a second vote).',
      'A tie: the chair is absent, so the proposal fails (tie rule: the chair decides).',
      'The proposal fails.',
    ]);
    expect(absent.ko.at(-2)).toBe('가부동수: 위원장이 출석하지 않아 부결됩니다 (가부동수 규칙: 위원장 결정).');
  });

  it('majority-of-cast and two-thirds name their own thresholds', () => {
    expect(reasons({ ...D, passing: 'majority-of-cast' }, ALL, 'm1:a m2:a m3:r m4:x m5:x').en[1]).toBe(
      '2 approve and 1 reject; 2 needed to outnumber the rejections (abstentions aside).',
    );
    expect(reasons({ ...D, passing: 'two-thirds-of-present' }, ALL, 'm1:a m2:a m3:a m4:a m5:r').en[1]).toBe('4 of 5 present members approve; 4 needed (two thirds).');
    expect(reasons({ ...D, passing: 'two-thirds-of-present' }, ALL, 'm1:a m2:a m3:a m4:a m5:r').ko[1]).toBe('출석위원 5명 중 4명 찬성, 3분의 2 이상 4명 필요.');
  });

  it('recusedInBase true, and a case nobody can vote on', () => {
    expect(reasons({ ...D, recusedInBase: true }, ALL, 'm1:a m2:a m3:a m4:a', 'm5').en[0]).toBe(
      '1 member recused, still counted among the members and, if present, those present.',
    );
    expect(reasons(D, ALL, '', ALL).en).toEqual([
      '5 members recused, not counted among the members.',
      'No member can vote on this case, so no decision can be recorded.',
    ]);
  });
});

const EVERY_RULES: CountingRules[] = [{ type: 'majority' } as const, { type: 'atLeast', count: 3 } as const, { type: 'atLeast', count: 1 } as const].flatMap((quorum) =>
  PASSING_RULES.flatMap((passing) => [false, true].flatMap((recusedInBase) => TIE_RULES.map((tie) => ({ quorum, passing, recusedInBase, tie })))),
);

/** Situations reaching every sentence: quorum lost, nobody left, ties with the chair in each standing, votes ignored. */
const SITUATIONS: [string, string, string][] = [
  [ALL, 'm1:a m2:a m3:a m4:r m5:x', ''],
  ['m1 m2', 'm1:a', ''],
  [ALL, '', ALL],
  ['m1 m2 m3 m4', 'm1:a m2:a m3:r m4:r', ''],
  ['m1 m2 m3 m4', 'm1:r m2:a m3:a m4:r', ''],
  ['m1 m2 m3 m4', 'm1:x m2:a m3:r m4:x', ''],
  ['m1 m2 m3 m4', 'm2:a m3:r', ''],
  ['m2 m3 m4 m5', 'm2:a m3:a m4:r m5:r', ''],
  [ALL, 'm1:a m2:a m3:a m4:r m5:r', 'm1'],
  [ALL, 'm1:a m1:r m2:r m4:a', 'm5'],
];

describe('every option and situation has its sentences in both languages', () => {
  it('countReasons', () => {
    const seen: string[] = [];
    for (const rules of EVERY_RULES) {
      for (const [present, votes, recused] of SITUATIONS) {
        const r = reasons(rules, present, votes, recused);
        seen.push(...r.en);
        expect(r.ko.length).toBe(r.en.length);
        for (const s of r.ko) {
          expect(s, s).toMatch(/^[^<>]*\S\.$/u);
          expect(s).toMatch(HANGUL);
          expect(s).not.toMatch(/undefined|NaN/);
        }
        for (const s of r.en) {
          expect(s, s).toMatch(/^[0-9A-Z][^<>]*\.$/u);
          expect(s).not.toMatch(HANGUL);
          expect(s).not.toMatch(/undefined|NaN/);
        }
      }
    }
    const fragments = ['recused, not counted among the members.', 'still counted among the members and, if present, those present.', 'Quorum met', 'Quorum not met', 'No member can vote', 'to outnumber', '(two thirds)', 'has not voted', 'have not voted',
      'not counted (absent', 'fails (tie rule).', "chair's approval", 'chair rejected', 'chair abstained', 'chair has not voted', 'chair is recused', 'chair is absent', 'passes.', 'fails.'];
    for (const f of fragments) expect(seen.some((s) => s.includes(f)), f).toBe(true);
  });

  it('a tie with no chair on the roster', () => {
    const rules = { ...D, tie: 'chair-decides' } as const;
    const count = countVote({ ...input(rules, 'm2 m3 m4 m5', 'm2:a m3:a m4:r m5:r'), roster: ROSTER.slice(1) });
    expect(countReasons(count, rules, 'en').at(-2)).toBe('A tie: there is no chair, so the proposal fails (tie rule: the chair decides).');
    expect(countReasons(count, rules, 'ko').at(-2)).toBe('가부동수: 위원장이 없어 부결됩니다 (가부동수 규칙: 위원장 결정).');
  });

  it('rulesText names every combination differently, in each language', () => {
    expect(rulesText(D, 'ko')).toBe('재적위원 과반수 출석, 출석위원 과반수의 찬성, 회피 위원은 재적위원 수에서 제외, 가부동수이면 부결');
    expect(rulesText(D, 'en')).toBe('A majority of members present; approval by a majority of members present; recused members not counted among the members; a tie fails');
    expect(rulesText({ quorum: { type: 'atLeast', count: 1 }, passing: 'two-thirds-of-present', recusedInBase: true, tie: 'chair-decides' }, 'ko')).toBe(
      '위원 1명 이상 출석, 출석위원 3분의 2 이상의 찬성, 회피 위원도 재적위원 수와 출석 수에 포함, 가부동수이면 위원장이 결정',
    );
    for (const lang of LANGUAGES) {
      const texts = EVERY_RULES.map((rules) => rulesText(rules, lang));
      expect(new Set(texts).size).toBe(EVERY_RULES.length);
      for (const t of texts) expect(HANGUL.test(t)).toBe(lang === 'ko');
    }
  });

  it('the labels of the setup screen', () => {
    for (const lang of LANGUAGES) {
      expect(new Set(PASSING_RULES.map((p) => PASSING_RULE_WORDS[lang][p])).size).toBe(PASSING_RULES.length);
      expect(new Set(TIE_RULES.map((t) => TIE_RULE_WORDS[lang][t])).size).toBe(TIE_RULES.length);
    }
  });
});
