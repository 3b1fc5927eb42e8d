/**
 * The rules an award (and a decision's rationale) follows (FORMATS.md, decision file): integer KRW,
 * never above the claimed loss; above the assessed loss warns; a rationale is needed when the
 * outcome departs from the suggestion, for any award of a tier decided case by case, and above
 * the assessed loss.
 */
import type { Outcome } from '../../../shared/meeting/types';
import type { CaseRow } from '../../db/rows';
import { RoomRefusal } from './room-refusal';

type CaseFigures = Pick<CaseRow, 'caseId' | 'claimedLoss' | 'assessedLoss' | 'suggestion'>;

/** Refuses an amount that is not a whole positive KRW amount, or exceeds the claimed loss. */
export function checkAward(row: CaseFigures, amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw new RoomRefusal('AMOUNT_INVALID', { amount: String(amount) }, `An award is a whole number of KRW, at least 1 (got ${amount}).`);
  }
  if (amount > row.claimedLoss) {
    throw new RoomRefusal('AWARD_ABOVE_CLAIM', { amount, claimedLoss: row.claimedLoss }, `An award of ${amount} exceeds the claimed loss ${row.claimedLoss} of ${row.caseId}.`);
  }
}

export type AwardWarning = 'aboveAssessed';

export function awardWarnings(row: CaseFigures, amount: number | null): AwardWarning[] {
  return amount !== null && row.assessedLoss !== null && amount > row.assessedLoss ? ['aboveAssessed'] : [];
}

/** Why a rationale is needed (empty: none is). */
export type RationaleNeed = 'differsFromSuggestion' | 'caseByCase' | 'aboveAssessed' | 'rejectsSuggestedTier';

export function rationaleNeeds(row: CaseFigures, outcome: Outcome, award: number | null): RationaleNeed[] {
  const needs: RationaleNeed[] = [];
  const { tier, award: suggested } = row.suggestion;
  if (outcome === 'award') {
    if (tier !== null && suggested === null) needs.push('caseByCase');
    else if (award !== suggested) needs.push('differsFromSuggestion');
    if (awardWarnings(row, award).length > 0) needs.push('aboveAssessed');
  } else if (outcome === 'reject' && tier !== null) {
    // The suggestion found a tier: a rejection departs from it. A deferral names its missing documents instead.
    needs.push('rejectsSuggestedTier');
  }
  return needs;
}
