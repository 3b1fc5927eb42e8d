/** A meeting's rules, field problems and refusals in words, in the UI language. */
import type { TFunction } from 'i18next';
import type { CountingRules } from '../../shared/meeting/rules';
import { isMeetingError } from './meeting-error';
import type { FieldProblem, MeetingField } from './meeting-input';

/** The counting rules as four sentences: quorum, passing, recusals, ties. */
export function rulesInWords(t: TFunction, rules: CountingRules): string[] {
  return [
    rules.quorum.type === 'majority' ? t('meeting.rules.quorumMajority') : t('meeting.rules.quorumAtLeast', { count: rules.quorum.count }),
    t(`meeting.rules.${rules.passing}`),
    rules.recusedInBase ? t('meeting.rules.recusedIn') : t('meeting.rules.recusedOut'),
    t(`meeting.rules.${rules.tie}`),
  ];
}

export function fieldProblemText(t: TFunction, field: MeetingField, problem: FieldProblem): string {
  if (problem !== 'format') return t(`meeting.fieldProblems.${problem}`);
  if (field === 'meetingId') return t('meeting.fieldProblems.meetingIdFormat');
  if (field === 'date') return t('meeting.fieldProblems.dateFormat');
  if (field === 'startTime') return t('meeting.fieldProblems.timeFormat');
  return t('meeting.fieldProblems.required');
}

/** Why a change was refused (a MeetingError), or that it failed. */
export function refusalText(t: TFunction, err: unknown): string {
  if (isMeetingError(err)) return t(`meeting.errors.${err.code}`, { caseId: err.detail.caseId ?? '' });
  return `${t('meeting.errors.failed')} ${err instanceof Error ? err.message : String(err)}`;
}

/** A document kind's name where it is a known kind; the code as it is otherwise. */
export function documentKindText(i18n: { exists(key: string): boolean; t(key: never): unknown }, kind: string): string {
  const key = `documentKinds.${kind}`;
  return !kind.includes('.') && i18n.exists(key) ? String(i18n.t(key as never)) : kind;
}

/** What an add did, in sentences: how many added (and deferred), and how many refused for which reason. */
export function addResultText(t: TFunction, result: { add: readonly string[]; deferred: readonly unknown[]; refused: readonly { reason: string }[] }): string {
  const count = (reason: string) => result.refused.filter((r) => r.reason === reason).length;
  const parts = [t('meeting.added', { count: result.add.length })];
  if (result.deferred.length > 0) parts.push(t('meeting.addedDeferred', { count: result.deferred.length }));
  if (count('decided') > 0) parts.push(t('meeting.refusedDecided', { count: count('decided') }));
  if (count('on-agenda') > 0) parts.push(t('meeting.refusedOnAgenda', { count: count('on-agenda') }));
  if (count('unknown-case') > 0) parts.push(t('meeting.refusedUnknown', { count: count('unknown-case') }));
  return parts.join(' ');
}
