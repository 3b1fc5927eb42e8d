/**
 * The minutes' words (shared/i18n/minutes-words.ts): every label in Korean and in English, and the
 * phrases the PDF and DOCX print for the rules, proposals, tallies, decisions and the basis line.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, minutesText } from '../../shared/i18n';
import { buildMinutes } from '../../shared/minutes/minutes-model';
import { sampleMinutesInput } from '../support/sample-minutes';

const HANGUL = /[\uac00-\ud7a3]/;

/** Every string of a nested table, by its path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
}

describe('minutesText', () => {
  const labels = (lang: 'ko' | 'en') => {
    const { title, sections, labels: l, columns, case: c, presence, noTier, signature, noCases } = minutesText(lang);
    return strings({ title, sections, labels: l, columns, case: c, presence, noTier, signature, noCases });
  };

  it('has every label in both languages, Korean in Hangul and English without it', () => {
    expect(labels('en').map(([k]) => k)).toEqual(labels('ko').map(([k]) => k));
    for (const lang of LANGUAGES) {
      for (const [key, word] of labels(lang)) {
        expect(word.length, key).toBeGreaterThan(0);
        expect(HANGUL.test(word), `${lang}.${key}: ${word}`).toBe(lang === 'ko');
      }
    }
  });

  it('words the counting rules, the quorum and a tally with the figures to recount them', () => {
    const minutes = buildMinutes(sampleMinutesInput());
    const ko = minutesText('ko');
    const en = minutesText('en');
    expect(ko.rules(minutes.rules)).toBe('재적위원 과반수 출석, 출석위원 과반수의 찬성, 회피 위원은 재적위원 수에서 제외, 가부동수이면 부결');
    expect(en.rules(minutes.rules)).toMatch(/^A majority of members present; approval by a majority of members present; /);
    expect(ko.quorum(minutes.quorum)).toBe('위원 5명 출석, 정족수 3명: 충족');
    const failed = minutes.cases[3]!.proposals[0]!;
    expect(ko.tally(failed.tally)).toBe('찬성 1, 반대 2, 기권 1, 회피 1 (재적 4명, 출석 4명)');
    expect(en.tally(failed.tally)).toBe('Approve 1, reject 2, abstain 1, recused 1 (4 members, 4 present)');
  });

  it('words proposals, decisions, revisions and the suggestion in each language', () => {
    const minutes = buildMinutes(sampleMinutesInput());
    const reopened = minutes.cases[3]!;
    const ko = minutesText('ko');
    const en = minutesText('en');
    expect(reopened.proposals.map((p) => ko.proposal(p))).toEqual(['상정안 2: 지원금 80,000원 — 부결', '상정안 3: 지원금 50,000원 — 가결']);
    expect(en.proposal(reopened.proposals[1]!)).toBe('Proposal 3: award KRW 50,000 — passed');
    expect(ko.decision(reopened)).toBe('지원금 50,000원 (T2)');
    expect(en.decision(minutes.cases[2]!)).toBe('Reject');
    expect(ko.historyLine(reopened.history[0]!)).toMatch(/^의결 1차 \(decisions-2023-03-02-0001\.dsse\.json\): 보류, /);
    expect(ko.suggestion(minutes.cases[4]!.suggestion)).toBe('T3 · 개별 심의');
    expect(en.suggestion(minutes.agenda[5]!.suggestion)).toBe('Suggest reject (no loss shown)');
    expect(en.vote('none')).toBe('Not voted');
    expect(ko.vote('recused')).toBe('회피');
  });

  it('gives the basis in one line from the suggestion’s reasons, or from its figures without them', () => {
    const c = buildMinutes(sampleMinutesInput()).cases[4]!;
    const ko = minutesText('ko');
    expect(ko.basis(c.suggestion)).toBe('제안 금액은 신청 손실 900,000원과 산정 손실 800,000원 중 작은 값인 800,000원입니다. 800,000원은 T3 구간(100,000원 이상)에 해당합니다: 지원금은 위원회가 개별 심의로 정합니다.');
    expect(minutesText('en').basis({ ...c.suggestion, reasons: [] })).toBe('Claimed loss KRW 900,000, assessed loss KRW 800,000.');
  });
});
