/**
 * The words of the native confirmation before the notary signs a minutes attestation (DESIGN.md):
 * what is signed, the meeting, how many minutes files and decision files it lists, the decisions
 * and the total amount awarded, in the app's language, or Korean and English both when the caller
 * did not say.
 */
import type { DialogLanguage } from '../../../shared/api';
import { formatAmount, formatKrw } from '../../../shared/i18n';
import type { MinutesAttestation } from '../../../shared/minutes/attestation-schema';
import type { ConfirmRequest } from '../dialog-port';
import { inLanguages } from '../security-confirm';

export interface MinutesConfirmSummary {
  fileName: string;
  meetingId: string;
  files: number;
  decisionFiles: number;
  totals: MinutesAttestation['totals'];
}

export function minutesSummaryOf(payload: MinutesAttestation, fileName: string): MinutesConfirmSummary {
  return { fileName, meetingId: payload.meetingId, files: Object.keys(payload.files).length, decisionFiles: Object.keys(payload.decisionFiles).length, totals: payload.totals };
}

const WORDS = {
  ko: (s: MinutesConfirmSummary): ConfirmRequest => ({
    title: '회의록 확인서 서명',
    message: '간사 키로 이 회의록 확인서에 서명하고 동기화 폴더의 minutes에 씁니다. 서명할까요?',
    detail: [
      `회의: ${s.meetingId}`,
      `회의록 파일 ${formatAmount(s.files)}개, 의결 파일 ${formatAmount(s.decisionFiles)}개`,
      `의결 ${formatAmount(s.totals.decisions)}건: 지원 ${formatAmount(s.totals.awarded)}건, 기각 ${formatAmount(s.totals.rejected)}건, 보류 ${formatAmount(s.totals.deferred)}건`,
      `지원금 합계: ${formatKrw(s.totals.amount, 'ko')}`,
      `파일: ${s.fileName}`,
    ].join('\n'),
    confirmLabel: '서명',
  }),
  en: (s: MinutesConfirmSummary): ConfirmRequest => ({
    title: 'Sign the minutes attestation',
    message: "This minutes attestation is signed with the secretary's key and written into the sync folder's minutes. Sign it?",
    detail: [
      `Meeting: ${s.meetingId}`,
      `${formatAmount(s.files)} minutes file${s.files === 1 ? '' : 's'}, ${formatAmount(s.decisionFiles)} decision file${s.decisionFiles === 1 ? '' : 's'}`,
      `${formatAmount(s.totals.decisions)} decision${s.totals.decisions === 1 ? '' : 's'}: ${formatAmount(s.totals.awarded)} awarded, ${formatAmount(s.totals.rejected)} rejected, ${formatAmount(s.totals.deferred)} deferred`,
      `Total awarded: ${formatKrw(s.totals.amount, 'en')}`,
      `File: ${s.fileName}`,
    ].join('\n'),
    confirmLabel: 'Sign',
  }),
} satisfies Record<DialogLanguage, unknown>;

/** The confirmation for signing this attestation: in `language`, or Korean first and English after it. */
export function minutesConfirmation(summary: MinutesConfirmSummary, language?: DialogLanguage): ConfirmRequest {
  return inLanguages(language, (l) => WORDS[l](summary));
}
