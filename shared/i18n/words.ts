/**
 * The domain's words in Korean and English, one home for each: the reasons of the suggestion, the
 * command line, the UI's resources (app/strings-*.ts) and the minutes take them from here. Each
 * table is keyed by the code the data carries (FORMATS.md), and its type makes a code missing in
 * either language an error.
 *
 * Words are written as they stand alone, as a label or a list item ("Proof of sales loss");
 * `midSentence` gives the form inside an English sentence ("proof of sales loss").
 */
import type { MemberRole } from '../council';
import type { FlagCode } from '../duplicate-flags';
import type { ListedVote, Outcome } from '../meeting/types';
import type { DOCUMENT_KINDS } from '../schemas/bundle-manifest';
import type { TrustRole } from '../schemas/trust-file';
import type { Language } from './language';

/** A word for every code, in every language. */
export type Words<Code extends string> = { readonly [L in Language]: { readonly [C in Code]: string } };

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A flag's short name, for lists, filters and counts. */
export const FLAG_NAMES: Words<FlagCode> = {
  ko: {
    REGISTRATION_NO_INVALID: '등록번호 오류',
    DUPLICATE_REGISTRATION_NO: '등록번호 중복',
    DUPLICATE_BANK_ACCOUNT: '계좌 중복',
    DUPLICATE_DOCUMENT: '서류 중복',
    MISSING_DOCUMENTS: '서류 누락',
    NO_SALES_DATA: '매출 자료 없음',
    NO_COMPLETE_BASELINE_WEEK: '기준 주 없음',
    CLAIM_EXCEEDS_ASSESSED: '신청 > 산정',
  },
  en: {
    REGISTRATION_NO_INVALID: 'Reg. no. invalid',
    DUPLICATE_REGISTRATION_NO: 'Same reg. no.',
    DUPLICATE_BANK_ACCOUNT: 'Same account',
    DUPLICATE_DOCUMENT: 'Same document',
    MISSING_DOCUMENTS: 'Documents missing',
    NO_SALES_DATA: 'No sales data',
    NO_COMPLETE_BASELINE_WEEK: 'No baseline week',
    CLAIM_EXCEEDS_ASSESSED: 'Claim > assessed',
  },
};

/** What a flag means, in one sentence without figures (no closing full stop: the caller adds what follows). */
export const FLAG_TITLES: Words<FlagCode> = {
  ko: {
    REGISTRATION_NO_INVALID: '사업자등록번호가 올바른 10자리 번호가 아닙니다',
    DUPLICATE_REGISTRATION_NO: '사업자등록번호가 다른 사건과 같습니다',
    DUPLICATE_BANK_ACCOUNT: '입금 계좌가 다른 사건과 같습니다',
    DUPLICATE_DOCUMENT: '제출 서류 파일이 다른 사건의 파일과 똑같습니다',
    MISSING_DOCUMENTS: '필수 서류가 없습니다',
    NO_SALES_DATA: '일별 매출 자료가 없습니다',
    NO_COMPLETE_BASELINE_WEEK: '7일 매출이 모두 있는 기준 주가 없어 손실을 산정할 수 없습니다',
    CLAIM_EXCEEDS_ASSESSED: '신청 손실액이 산정 손실액보다 큽니다',
  },
  en: {
    REGISTRATION_NO_INVALID: 'The registration number is not a valid ten-digit number',
    DUPLICATE_REGISTRATION_NO: 'Same registration number as another case',
    DUPLICATE_BANK_ACCOUNT: 'Same bank account as another case',
    DUPLICATE_DOCUMENT: 'An evidence file has the same bytes as one in another case',
    MISSING_DOCUMENTS: 'Required documents are missing',
    NO_SALES_DATA: 'There are no daily sales figures',
    NO_COMPLETE_BASELINE_WEEK: 'No complete baseline week, so the loss cannot be assessed',
    CLAIM_EXCEEDS_ASSESSED: 'The claimed loss is larger than the assessed loss',
  },
};

/** The kinds of document a case carries (a policy's required documents are kinds). */
export const DOCUMENT_KIND_NAMES: Words<DocumentKind> = {
  ko: {
    'small-business-certificate': '소상공인 확인서',
    'sales-loss-proof': '매출 감소 증빙',
    'service-use-proof': '서비스 이용 증빙',
    'bank-account': '통장 사본',
    other: '기타 서류',
  },
  en: {
    'small-business-certificate': 'Small-business certificate',
    'sales-loss-proof': 'Proof of sales loss',
    'service-use-proof': 'Proof of service use',
    'bank-account': 'Bank account copy',
    other: 'Other document',
  },
};

/** A member's role in the council (the secretary keeps the record and does not vote). */
export const ROLE_NAMES: Words<MemberRole> = {
  ko: { chair: '위원장', member: '위원', secretary: '간사' },
  en: { chair: 'Chair', member: 'Member', secretary: 'Secretary' },
};

/** The roles a trust file trusts a key in (FORMATS.md): Settings → Trust and main's confirmation say the same. */
export const TRUST_ROLE_NAMES: Words<TrustRole> = {
  ko: { 'bundle-issuer': '사건 묶음 발행', chair: '위원장', secretary: '간사', member: '위원' },
  en: { 'bundle-issuer': 'Bundle issuer', chair: 'Chair', secretary: 'Secretary', member: 'Member' },
};

/**
 * The words of a suggestion: the award of a tier, a tier whose award the council decides case by
 * case, and below the first tier the suggestion to reject because no loss is shown.
 */
export const SUGGESTION_WORDS: Words<'award' | 'caseByCase' | 'reject' | 'noLossShown'> = {
  ko: { award: '지원금', caseByCase: '개별 심의', reject: '기각 제안', noLossShown: '손실이 확인되지 않음' },
  en: { award: 'Award', caseByCase: 'Case by case', reject: 'Suggest reject', noLossShown: 'No loss shown' },
};

/** A member's vote as a decision file lists it (the meeting room and the minutes say the same). */
export const VOTE_NAMES: Words<ListedVote> = {
  ko: { approve: '찬성', reject: '반대', abstain: '기권', recused: '회피', none: '미표결' },
  en: { approve: 'Approve', reject: 'Reject', abstain: 'Abstain', recused: 'Recused', none: 'Not voted' },
};

/** What a proposal or a decision settles. */
export const OUTCOME_NAMES: Words<Outcome> = {
  ko: { award: '지원', reject: '기각', defer: '보류' },
  en: { award: 'Award', reject: 'Reject', defer: 'Defer' },
};

/** A closed vote's result. */
export const VOTE_RESULT_NAMES: Words<'passed' | 'failed'> = {
  ko: { passed: '가결', failed: '부결' },
  en: { passed: 'Passed', failed: 'Failed' },
};

/** A word as written inside a sentence: English lowers its first letter; Korean has no case. */
export function midSentence(word: string, lang: Language): string {
  return lang === 'en' ? word.charAt(0).toLowerCase() + word.slice(1) : word;
}
