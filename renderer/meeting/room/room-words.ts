/** The room's sentences built from rows: what a proposal or a decision says, times, refusals in words. */
import type { TFunction } from 'i18next';
import { COUNCIL_TIME_ZONE, LOCALES, formatKrw, type Language } from '../../../shared/i18n';
import type { DecisionRow, MemberRow, ProposalRow } from '../../db/rows';
import { describeError } from '../../common/council-api';
import { isRoomRefusal } from './room-refusal';

type T = TFunction;

export function documentsWords(t: T, kinds: readonly string[]): string {
  return kinds.map((k) => (t(`documentKinds.${k}` as never, { defaultValue: k }) as string)).join(', ');
}

export function proposalWhat(t: T, p: Pick<ProposalRow, 'no' | 'outcome' | 'tier' | 'amount' | 'fromSuggestion' | 'missingDocuments'>, language: Language): string {
  switch (p.outcome) {
    case 'award':
      return t(p.fromSuggestion ? 'room.proposal.describe.awardFromSuggestion' : 'room.proposal.describe.award', {
        no: p.no,
        amount: p.amount === null ? '—' : formatKrw(p.amount, language),
        tier: p.tier ?? '—',
      });
    case 'reject':
      return t('room.proposal.describe.reject', { no: p.no });
    case 'defer':
      return t('room.proposal.describe.defer', { no: p.no, documents: documentsWords(t, p.missingDocuments) });
  }
}

export function decisionWhat(t: T, d: Pick<DecisionRow, 'outcome' | 'award' | 'missingDocuments'>, language: Language): string {
  switch (d.outcome) {
    case 'award':
      return t('room.decision.outcome.award', { amount: d.award === null ? '—' : formatKrw(d.award, language) });
    case 'reject':
      return t('room.decision.outcome.reject');
    case 'defer':
      return t('room.decision.outcome.defer', { documents: documentsWords(t, d.missingDocuments) });
  }
}

const clocks = new Map<Language, Intl.DateTimeFormat>();

/** "14:05" in the council's time zone. */
export function clockTime(iso: string, language: Language): string {
  let f = clocks.get(language);
  if (!f) clocks.set(language, (f = new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: COUNCIL_TIME_ZONE })));
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : f.format(date);
}

export function memberName(members: readonly MemberRow[], memberId: string): string {
  return members.find((m) => m.memberId === memberId)?.name ?? memberId;
}

const AMOUNT_PARAMS = new Set(['amount', 'claimedLoss', 'assessedLoss']);

/** A refusal (or any other failure) as the sentence the room shows and says. */
export function refusalWords(t: T, err: unknown, members: readonly MemberRow[], language: Language): string {
  if (!isRoomRefusal(err)) {
    const info = describeError(err);
    return t('room.failed', { code: info.code, message: info.message });
  }
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(err.params)) {
    if (AMOUNT_PARAMS.has(key) && typeof value === 'number') params[key] = formatKrw(value, language);
    else if (key === 'needs' && typeof value === 'string') params[key] = value.split(',').map((n) => t(`room.decision.needs.${n}` as never) as string).join(' ');
    else params[key] = value;
  }
  if (typeof err.params.memberId === 'string') params.name = memberName(members, err.params.memberId);
  return t(`room.refusals.${err.code}` as never, params) as string;
}
