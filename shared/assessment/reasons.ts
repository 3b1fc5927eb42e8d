/**
 * Reasons in words, Korean and English. Plain text only (the UI renders it as text, never HTML).
 * Amounts, dates and the domain's words come from shared/i18n, as the screens write them.
 */
// Straight from the files, not the index: shared/i18n/minutes-words.ts (in the index) reads these reasons.
import { isoDateRange as range, isoDateWithWeekday as day } from '../i18n/dates';
import type { Language } from '../i18n/language';
import { formatKrw } from '../i18n/money';
import { DOCUMENT_KIND_NAMES, FLAG_TITLES, SUGGESTION_WORDS, midSentence, type DocumentKind } from '../i18n/words';
import type { Assessment, Reason, WeekRejection } from './types';

function list(items: readonly string[]): string {
  return items.join(', ');
}

function rejection(reason: WeekRejection, missingDays: readonly string[] | undefined, lang: Language): string {
  const missing = missingDays ?? [];
  if (lang === 'ko') {
    switch (reason) {
      case 'outside-baseline':
        return '7일 모두가 기준 기간 안에 있지 않습니다';
      case 'touches-outage':
        return '장애 기간과 겹칩니다';
      case 'missing-days':
        return `일별 매출이 없는 날이 있습니다 (${missing.length}일: ${list(missing)})`;
    }
  }
  switch (reason) {
    case 'outside-baseline':
      return 'not all seven days lie in the baseline period';
    case 'touches-outage':
      return 'it overlaps the outage period';
    case 'missing-days':
      return `daily sales are missing for ${missing.length} day${missing.length === 1 ? '' : 's'}: ${list(missing)}`;
  }
}

/** A document kind in words, with its code ("소상공인 확인서 (small-business-certificate)"); an unknown kind as its code. */
export function documentKindWord(kind: string, lang: Language): string {
  const known = Object.hasOwn(DOCUMENT_KIND_NAMES[lang], kind);
  return known ? `${midSentence(DOCUMENT_KIND_NAMES[lang][kind as DocumentKind], lang)} (${kind})` : kind;
}

/** One reason as a plain sentence. */
export function reasonText(reason: Reason, lang: Language): string {
  const krw = (n: number) => formatKrw(n, lang);
  const ko = lang === 'ko';
  const words = SUGGESTION_WORDS[lang];
  switch (reason.code) {
    case 'NO_SALES_DATA':
      return `${FLAG_TITLES[lang].NO_SALES_DATA}.`;
    case 'DUPLICATE_SALES_DATE':
      return ko
        ? `${day(reason.date, lang)}의 매출이 여러 번 적혀 있어 처음 값 ${krw(reason.usedAmount)}을 쓰고 ${list(reason.ignoredAmounts.map(krw))}은 쓰지 않았습니다.`
        : `Sales for ${day(reason.date, lang)} appear more than once: the first figure, ${krw(reason.usedAmount)}, was used and ${list(reason.ignoredAmounts.map(krw))} ignored.`;
    case 'WEEK_COUNTED':
      return ko
        ? `${range(reason.weekFrom, reason.weekTo, lang)} 주간 매출 합계 ${krw(reason.total)} (비교 대상).`
        : `Week ${range(reason.weekFrom, reason.weekTo, lang)}: sales ${krw(reason.total)} (counted).`;
    case 'WEEK_REJECTED':
      return ko
        ? `${range(reason.weekFrom, reason.weekTo, lang)} 주간은 비교하지 않았습니다: ${rejection(reason.reason, reason.missingDays, lang)}.`
        : `Week ${range(reason.weekFrom, reason.weekTo, lang)} was not counted: ${rejection(reason.reason, reason.missingDays, lang)}.`;
    case 'BASELINE_WEEK': {
      const ties = reason.tiedWith.length > 0
        ? ko
          ? ` 같은 합계의 주(${list(reason.tiedWith)} 시작) 중 가장 이른 주를 택했습니다.`
          : ` Weeks starting ${list(reason.tiedWith)} have the same total; the earliest was taken.`
        : '';
      return ko
        ? `기준 주간: 비교한 ${reason.countedWeeks}개 주 가운데 매출이 가장 많은 ${range(reason.weekFrom, reason.weekTo, lang)}, ${krw(reason.total)}.${ties}`
        : `Baseline: the best of ${reason.countedWeeks} complete week${reason.countedWeeks === 1 ? '' : 's'}, ${range(reason.weekFrom, reason.weekTo, lang)}, with sales of ${krw(reason.total)}.${ties}`;
    }
    case 'NO_COMPLETE_BASELINE_WEEK':
      return ko
        ? `기준 기간 ${range(reason.baselineFrom, reason.baselineTo, lang)}에 7일 매출이 모두 있는 완전한 주가 없어 손실을 산정할 수 없습니다.`
        : `No complete week in the baseline period ${range(reason.baselineFrom, reason.baselineTo, lang)}, so no loss can be assessed.`;
    case 'OUTAGE_TOTAL': {
      const missing = reason.missingDays.length > 0
        ? ko
          ? ` 매출이 없는 ${reason.missingDays.length}일(${list(reason.missingDays)})은 ${krw(0)}으로 셈했습니다.`
          : ` ${reason.missingDays.length} day${reason.missingDays.length === 1 ? '' : 's'} without figures (${list(reason.missingDays)}) counted as 0.`
        : '';
      return ko
        ? `장애 기간 ${range(reason.from, reason.to, lang)} 매출 합계 ${krw(reason.total)}.${missing}`
        : `Outage period ${range(reason.from, reason.to, lang)}: sales ${krw(reason.total)}.${missing}`;
    }
    case 'ASSESSED_LOSS':
      return reason.baseline >= reason.outage
        ? ko
          ? `산정 손실 = 기준 주간 ${krw(reason.baseline)} - 장애 기간 ${krw(reason.outage)} = ${krw(reason.assessedLoss)}.`
          : `Assessed loss = baseline ${krw(reason.baseline)} - outage ${krw(reason.outage)} = ${krw(reason.assessedLoss)}.`
        : ko
          ? `장애 기간 매출 ${krw(reason.outage)}이 기준 주간 ${krw(reason.baseline)}보다 많아 산정 손실은 ${krw(0)}입니다.`
          : `Outage sales ${krw(reason.outage)} exceed the baseline ${krw(reason.baseline)}, so the assessed loss is ${krw(0)}.`;
    case 'SUGGESTION_MIN':
      return ko
        ? `제안 금액은 신청 손실 ${krw(reason.claimedLoss)}과 산정 손실 ${krw(reason.assessedLoss)} 중 작은 값인 ${krw(reason.amount)}입니다.`
        : `The suggestion uses the smaller of the claimed loss ${krw(reason.claimedLoss)} and the assessed loss ${krw(reason.assessedLoss)}: ${krw(reason.amount)}.`;
    case 'SUGGESTION_CLAIMED':
      return ko
        ? `산정 손실이 없어 신청 손실 ${krw(reason.claimedLoss)}을 제안 금액으로 썼습니다.`
        : `With no assessed loss, the suggestion uses the claimed loss, ${krw(reason.claimedLoss)}.`;
    case 'CLAIM_EXCEEDS_ASSESSED':
      return ko
        ? `신청 손실 ${krw(reason.claimedLoss)}이 산정 손실 ${krw(reason.assessedLoss)}보다 큽니다.`
        : `The claimed loss ${krw(reason.claimedLoss)} is above the assessed loss ${krw(reason.assessedLoss)}.`;
    case 'TIER': {
      const bounds = reason.maxLoss === null
        ? ko ? `${krw(reason.minLoss)} 이상` : `${krw(reason.minLoss)} and above`
        : ko ? `${krw(reason.minLoss)}~${krw(reason.maxLoss)}` : `${krw(reason.minLoss)} to ${krw(reason.maxLoss)}`;
      const award = reason.award === null
        ? ko ? `${words.award}은 위원회가 ${words.caseByCase}로 정합니다` : `the ${midSentence(words.award, lang)} is decided ${midSentence(words.caseByCase, lang)}`
        : `${midSentence(words.award, lang)} ${krw(reason.award)}`;
      return ko
        ? `${krw(reason.amount)}은 ${reason.tierId} 구간(${bounds})에 해당합니다: ${award}.`
        : `${krw(reason.amount)} falls in tier ${reason.tierId} (${bounds}): ${award}.`;
    }
    case 'NO_TIER':
      return ko
        ? `${krw(reason.amount)}은 첫 구간의 하한 ${krw(reason.firstTierMin)}보다 적습니다: ${words.reject} (${words.noLossShown}).`
        : `${krw(reason.amount)} is below the first tier (from ${krw(reason.firstTierMin)}): ${midSentence(words.reject, lang)}, ${midSentence(words.noLossShown, lang)}.`;
    case 'MISSING_DOCUMENTS':
      return `${FLAG_TITLES[lang].MISSING_DOCUMENTS}: ${list(reason.kinds.map((k) => documentKindWord(k, lang)))}.`;
    case 'REGISTRATION_NO_INVALID':
      return ko
        ? `사업자등록번호 ${reason.registrationNo}은 올바른 10자리 번호가 아닙니다 (검증 숫자 불일치).`
        : `Business registration number ${reason.registrationNo} is not a valid 10-digit number (check digit).`;
  }
}

/** Every reason of an assessment, in order. */
export function reasonsText(assessment: Pick<Assessment, 'reasons'>, lang: Language): string[] {
  return assessment.reasons.map((r) => reasonText(r, lang));
}
