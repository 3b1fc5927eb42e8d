/**
 * The domain's words (shared/i18n) exist in Korean and English for every code, and the reasons, the
 * command line (`suggest`) and the UI's i18next resources say the same word for the same code.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestionsFor } from '../../electron/cli/suggest';
import { i18n } from '../../renderer/app/i18n';
import { MEMBER_ROLES } from '../../shared/council';
import { FLAG_ORDER } from '../../shared/duplicate-flags';
import {
  DOCUMENT_KIND_NAMES,
  FLAG_NAMES,
  FLAG_TITLES,
  LANGUAGES,
  ROLE_NAMES,
  SUGGESTION_WORDS,
  VOTE_NAMES,
  OUTCOME_NAMES,
  VOTE_RESULT_NAMES,
  AGENDA_STATUS_NAMES,
  midSentence,
  type Language,
  type Words,
} from '../../shared/i18n';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import { OUTCOMES, VOTE_CHOICES } from '../../shared/meeting/types';
import { registrationCheckDigit } from '../../shared/registration-number';
import { DOCUMENT_KINDS, type BundleManifest } from '../../shared/schemas/bundle-manifest';
import { caseRecordSchema, type CaseRecord } from '../../shared/schemas/case-record';

const TABLES: Record<string, { words: Words<string>; codes: readonly string[] }> = {
  FLAG_NAMES: { words: FLAG_NAMES, codes: FLAG_ORDER },
  FLAG_TITLES: { words: FLAG_TITLES, codes: FLAG_ORDER },
  DOCUMENT_KIND_NAMES: { words: DOCUMENT_KIND_NAMES, codes: DOCUMENT_KINDS },
  ROLE_NAMES: { words: ROLE_NAMES, codes: MEMBER_ROLES },
  SUGGESTION_WORDS: { words: SUGGESTION_WORDS, codes: ['award', 'caseByCase', 'reject', 'noLossShown'] },
  VOTE_NAMES: { words: VOTE_NAMES, codes: ['approve', 'reject', 'abstain', 'recused', 'none'] },
  OUTCOME_NAMES: { words: OUTCOME_NAMES, codes: OUTCOMES },
  VOTE_RESULT_NAMES: { words: VOTE_RESULT_NAMES, codes: ['passed', 'failed'] },
  AGENDA_STATUS_NAMES: { words: AGENDA_STATUS_NAMES, codes: ['awarded', 'rejected', 'deferred', 'not-decided'] },
};

const HANGUL = /[\uac00-\ud7a3]/;

describe('the domain words', () => {
  for (const [name, { words, codes }] of Object.entries(TABLES)) {
    it(`${name}: every code has a word in Korean and in English, and nothing else`, () => {
      expect(Object.keys(words).sort()).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) {
        expect(Object.keys(words[lang]).sort(), `${name}.${lang}`).toEqual([...codes].sort());
        for (const code of codes) {
          const word = words[lang][code]!;
          expect(word.trim(), `${name}.${lang}.${code}`).toBe(word);
          expect(word.length, `${name}.${lang}.${code}`).toBeGreaterThan(0);
          // Korean words are written in Hangul, English words without it: no word left untranslated.
          expect(HANGUL.test(word), `${name}.${lang}.${code}: ${word}`).toBe(lang === 'ko');
        }
      }
    });
  }
});

describe('the UI resources', () => {
  const ui = (lang: Language) => i18n.getFixedT(lang);

  it('give the shared word for every flag, document kind and role', () => {
    for (const lang of LANGUAGES) {
      const t = ui(lang);
      for (const code of FLAG_ORDER) {
        expect(t(`flags.${code}`)).toBe(FLAG_NAMES[lang][code]);
        expect(t(`flagTitles.${code}`)).toBe(FLAG_TITLES[lang][code]);
      }
      for (const kind of DOCUMENT_KINDS) expect(t(`documentKinds.${kind}`)).toBe(DOCUMENT_KIND_NAMES[lang][kind]);
      for (const role of MEMBER_ROLES) expect(t(`roles.${role}`)).toBe(ROLE_NAMES[lang][role]);
    }
  });

  it('give the meeting room the shared words of votes and results, as the minutes say them', () => {
    for (const lang of LANGUAGES) {
      const t = ui(lang);
      for (const choice of VOTE_CHOICES) expect(t(`room.vote.choice.${choice}`)).toBe(VOTE_NAMES[lang][choice]);
      expect(t('room.vote.notVoted')).toBe(VOTE_NAMES[lang].none);
      expect(t('room.vote.recused')).toBe(VOTE_NAMES[lang].recused);
      for (const result of ['passed', 'failed'] as const) expect(t(`room.proposal.status.${result}`)).toBe(midSentence(VOTE_RESULT_NAMES[lang][result], lang));
    }
  });

  it('build the suggestion phrases from the shared suggestion words', () => {
    expect(ui('ko')('review.suggestion.noTier')).toBe('기각 제안: 손실이 확인되지 않음');
    expect(ui('en')('review.suggestion.noTier')).toBe('Suggest reject: no loss shown');
    expect(ui('ko')('cases.tierCaseByCase', { tier: 'T3' })).toBe('T3 · 개별 심의');
    expect(ui('en')('cases.tierCaseByCase', { tier: 'T3' })).toBe('T3 · case by case');
    for (const lang of LANGUAGES) {
      const w = SUGGESTION_WORDS[lang];
      expect(ui(lang)('review.suggestion.noTier')).toBe(`${w.reject}: ${midSentence(w.noLossShown, lang)}`);
      expect(ui(lang)('cases.tierCaseByCase', { tier: 'T3' })).toBe(`T3 · ${midSentence(w.caseByCase, lang)}`);
    }
  });
});

describe('the reasons of `suggest --lang`', () => {
  const { incident, policy } = kakao1015IncidentAndPolicy();
  // Every kind required, so that one case misses them all.
  const manifest = {
    format: 'council-desk/bundle',
    version: 1,
    bundleId: 'WORDS',
    title: 'words',
    createdAt: '2023-03-02T09:00:00+09:00',
    issuer: 'test',
    incident,
    policy: { ...policy, requiredDocuments: [...DOCUMENT_KINDS] },
    caseCount: 3,
    files: {},
  } satisfies BundleManifest;
  const caseOf = (n: number, claimedLoss: number): CaseRecord =>
    caseRecordSchema.parse({
      caseId: `W-${n}`,
      receivedAt: '2023-02-03T11:20:00+09:00',
      business: { name: `가게 ${n}`, registrationNo: `12345678${n}${registrationCheckDigit(`12345678${n}`)}`, representative: '김민수', category: 'cafe', region: '서울' },
      services: [],
      claimedLoss,
      statement: '',
      bankAccountFingerprint: `00112233445566${n}${n}`,
      dailySales: [],
      documents: [],
    });
  // No sales and no documents; 100,000 claimed (tier T1), nothing claimed (no tier), 900,000 (case by case).
  const cases = [caseOf(1, 100_000), caseOf(2, 0), caseOf(3, 900_000)];
  const suggest = (lang: Language) => suggestionsFor([{ path: 'words.cdbundle', manifest, cases }], lang);

  for (const lang of LANGUAGES) {
    it(`say the UI's words in ${lang}`, () => {
      const t = i18n.getFixedT(lang);
      const [t1, none, t3] = suggest(lang);
      expect(t1!.flags).toEqual(['MISSING_DOCUMENTS', 'NO_SALES_DATA', 'NO_COMPLETE_BASELINE_WEEK']);

      // A flag's meaning: the reason of the flag opens with the UI's title of it.
      expect(t1!.reasons).toContain(`${t('flagTitles.NO_SALES_DATA')}.`);
      const missing = t1!.reasons.find((r) => r.startsWith(`${t('flagTitles.MISSING_DOCUMENTS')}: `));
      expect(missing, t1!.reasons.join('\n')).toBeDefined();
      // Each document kind: the UI's word (inside the sentence), then its code.
      for (const kind of DOCUMENT_KINDS) expect(missing).toContain(`${midSentence(t(`documentKinds.${kind}`), lang)} (${kind})`);

      const w = SUGGESTION_WORDS[lang];
      expect(none!.tier).toBeNull();
      expect(none!.reasons.at(-2)).toContain(midSentence(w.reject, lang));
      expect(none!.reasons.at(-2)).toContain(midSentence(w.noLossShown, lang));
      expect(t1!.reasons.some((r) => r.includes(`${midSentence(w.award, lang)} ${lang === 'ko' ? '30,000원' : 'KRW 30,000'}`))).toBe(true);
      expect(t3!.award).toBeNull();
      expect(t3!.reasons.some((r) => r.includes(midSentence(w.caseByCase, lang)))).toBe(true);
    });
  }

  it('are the sentences they were, word for word', () => {
    const [t1, none, t3] = suggest('ko');
    expect(t1!.reasons).toContain('일별 매출 자료가 없습니다.');
    expect(t1!.reasons).toContain(
      '필수 서류가 없습니다: 소상공인 확인서 (small-business-certificate), 매출 감소 증빙 (sales-loss-proof), 서비스 이용 증빙 (service-use-proof), 통장 사본 (bank-account), 기타 서류 (other).',
    );
    expect(none!.reasons).toContain('0원은 첫 구간의 하한 1원보다 적습니다: 기각 제안 (손실이 확인되지 않음).');
    expect(t3!.reasons).toContain('900,000원은 T3 구간(500,001원 이상)에 해당합니다: 지원금은 위원회가 개별 심의로 정합니다.');
    const [e1, eNone, e3] = suggest('en');
    expect(e1!.reasons).toContain(
      'Required documents are missing: small-business certificate (small-business-certificate), proof of sales loss (sales-loss-proof), proof of service use (service-use-proof), bank account copy (bank-account), other document (other).',
    );
    expect(eNone!.reasons).toContain('KRW 0 is below the first tier (from KRW 1): suggest reject, no loss shown.');
    expect(e3!.reasons).toContain('KRW 900,000 falls in tier T3 (KRW 500,001 and above): the award is decided case by case.');
  });
});

describe('one home per word', () => {
  const root = path.resolve(__dirname, '../..');
  const files = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const rel = path.join(dir, name);
      return statSync(path.join(root, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
    });
  const sources = [...files('renderer'), ...files('shared').filter((f) => !f.startsWith(path.join('shared', 'i18n'))), ...files('electron/cli')];

  // Words that are the same letters for another thing: the chart's mark of a day without a figure.
  const homonyms = new Set([`${path.join('renderer', 'review', 'evidence', 'strings-ko.ts')}: 매출 자료 없음`]);

  it('no other file spells out a flag, document kind or suggestion word as a string of its own', () => {
    // (Roles are left out: the trust file's roles in settings/strings-*.ts name the same people.)
    const words = [FLAG_NAMES, FLAG_TITLES, DOCUMENT_KIND_NAMES, SUGGESTION_WORDS].flatMap((table) => LANGUAGES.flatMap((lang) => Object.values(table[lang])));
    expect(sources.length).toBeGreaterThan(50);
    for (const file of sources) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const word of words) {
        if (homonyms.has(`${file}: ${word}`)) continue;
        for (const quoted of [`'${word}'`, `'${word}.'`]) expect(text.includes(quoted), `${file} spells out ${quoted}`).toBe(false);
      }
    }
  });
});
