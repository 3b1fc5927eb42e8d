/**
 * The words of the native confirmation before the notary signs a decision file (DESIGN.md): what
 * is signed, the meeting, how many decisions, the total amount awarded, and the file's name, in the
 * app's language, or Korean and English both when the caller did not say.
 */
import type { DialogLanguage } from '../../../shared/api';
import type { DecisionFilePayload } from '../../../shared/decisions/decision-file-schema';
import { formatAmount, formatKrw } from '../../../shared/i18n';
import type { ConfirmRequest } from '../dialog-port';
import { inLanguages } from '../security-confirm';

export interface SignedSummary {
  fileName: string;
  meetingId: string;
  date: string;
  sequence: number;
  totals: DecisionFilePayload['totals'];
}

export function summaryOf(payload: DecisionFilePayload, fileName: string): SignedSummary {
  return { fileName, meetingId: payload.meeting.meetingId, date: payload.meeting.date, sequence: payload.sequence, totals: payload.totals };
}

const WORDS = {
  ko: (s: SignedSummary): ConfirmRequest => ({
    title: '의결 파일 서명',
    message: '위원장 키로 이 의결 파일에 서명하고 동기화 폴더의 outbox에 씁니다. 서명할까요?',
    detail: [
      `회의: ${s.meetingId} (${s.date})`,
      `의결 ${formatAmount(s.totals.decisions)}건: 지원 ${formatAmount(s.totals.awarded)}건, 기각 ${formatAmount(s.totals.rejected)}건, 보류 ${formatAmount(s.totals.deferred)}건`,
      `지원금 합계: ${formatKrw(s.totals.amount, 'ko')}`,
      `파일: ${s.fileName} (파일 순번 ${s.sequence})`,
    ].join('\n'),
    confirmLabel: '서명',
  }),
  en: (s: SignedSummary): ConfirmRequest => ({
    title: 'Sign a decision file',
    message: "This decision file is signed with the chair's key and written into the sync folder's outbox. Sign it?",
    detail: [
      `Meeting: ${s.meetingId} (${s.date})`,
      `${formatAmount(s.totals.decisions)} decision${s.totals.decisions === 1 ? '' : 's'}: ${formatAmount(s.totals.awarded)} awarded, ${formatAmount(s.totals.rejected)} rejected, ${formatAmount(s.totals.deferred)} deferred`,
      `Total awarded: ${formatKrw(s.totals.amount, 'en')}`,
      `File: ${s.fileName} (sequence ${s.sequence})`,
    ].join('\n'),
    confirmLabel: 'Sign',
  }),
} satisfies Record<DialogLanguage, unknown>;

/** The confirmation for signing this file: in `language`, or Korean first and English after it. */
export function decisionConfirmation(summary: SignedSummary, language?: DialogLanguage): ConfirmRequest {
  return inLanguages(language, (l) => WORDS[l](summary));
}
