/** What a Cases list row says of a case's tier, amounts and flags, in the UI language. */
import type { TFunction } from 'i18next';
import { FLAG_ORDER, type FlagCode } from '../../shared/duplicate-flags';
import type { CaseSummaryRow } from '../db/rows';
import { formatKrw, type Language } from '../../shared/i18n';

export function isKnownFlag(code: string): code is FlagCode {
  return (FLAG_ORDER as readonly string[]).includes(code);
}

/** "T1 · 30,000원", "T3 · case by case", or "No tier" (also while no suggestion is stored yet). */
export function tierText(t: TFunction, row: Pick<CaseSummaryRow, 'suggestedTier' | 'award'>, language: Language): string {
  if (row.suggestedTier === null) return t('cases.noTier');
  if (row.award === null) return t('cases.tierCaseByCase', { tier: row.suggestedTier });
  return t('cases.tierAward', { tier: row.suggestedTier, award: formatKrw(row.award, language) });
}

export function assessedText(t: TFunction, assessedLoss: number | null, language: Language): string {
  return assessedLoss === null ? t('cases.notAssessed') : formatKrw(assessedLoss, language);
}

export function flagLabel(t: TFunction, code: string): string {
  return isKnownFlag(code) ? t(`flags.${code}`) : code;
}

export function flagTitle(t: TFunction, code: string): string {
  return isKnownFlag(code) ? t(`flagTitles.${code}`) : t('cases.unknownFlag');
}
