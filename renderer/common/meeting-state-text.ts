/** A case's meeting state in words (db/case-meeting-state.ts), for the Cases list and the case review. */
import type { TFunction } from 'i18next';
import { formatKrw, type Language } from '../../shared/i18n';
import type { CaseMeetingState } from '../db/case-meeting-state';
import type { CaseStatus } from '../db/rows';

/** The chip's look: the case status colours the list already uses. */
export function meetingStateTone(state: CaseMeetingState): CaseStatus {
  switch (state.kind) {
    case 'agenda':
      return 'undecided';
    case 'proposal-open':
      return 'voted';
    case 'decided':
      return 'decided';
    case 'deferred':
      return 'deferred';
  }
}

export function meetingStateText(t: TFunction, state: CaseMeetingState, language: Language): string {
  switch (state.kind) {
    case 'agenda':
      return t('meetingState.agenda', { meetingId: state.meetingId });
    case 'proposal-open':
      return t('meetingState.proposalOpen', { meetingId: state.meetingId, no: state.no });
    case 'decided':
      return state.outcome === 'award'
        ? t('meetingState.awarded', { award: state.award === null ? '—' : formatKrw(state.award, language) })
        : t('meetingState.rejected');
    case 'deferred': {
      const text = t('meetingState.deferred', { count: state.missingDocuments.length });
      return state.onAgenda === null ? text : `${text} · ${t('meetingState.agenda', { meetingId: state.onAgenda })}`;
    }
  }
}
