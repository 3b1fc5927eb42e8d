/**
 * Minutes (electron/services/minutes/): main makes the files and attests them.
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';
import { MEETING_ID_PATTERN } from '../decisions/decision-file-name';
import { LANGUAGES, type Language } from '../i18n/language';
import { agendaSchema, caseParticularsMapSchema } from '../minutes/minutes-input-schema';
import type { CaseParticulars, MinutesInput } from '../minutes/minutes-model';
import type { MinutesProgress } from '../minutes/minutes-steps';
import { isoDateTime } from '../schemas/amounts';
import { uuid } from './arg-schemas';
import type { DialogLanguage } from './app';

/**
 * What the renderer gives for a meeting's minutes: what only it knows (the agenda with the
 * suggestions, each case's particulars, when the meeting opened and closed, the sign-off names and
 * who the secretary is). The decision files, the council, the place, the rules and the attendance
 * main takes from the files it signed for the meeting, never from here.
 */
export interface MinutesExportRequest {
  meetingId: string;
  /** The languages to make the PDF and DOCX in; both when not given. */
  languages?: Language[];
  /**
   * Ask main's folder dialog for a folder of the secretary's own, besides `<sync>/minutes/`.
   * Cancelled: the answer is null and nothing is made or written (the secretary asked for a folder).
   */
  chooseFolder?: boolean;
  meeting: { startedAt: string | null; closedAt: string | null };
  agenda: MinutesInput['agenda'];
  cases: Record<string, CaseParticulars>;
  signers: { chairName: string; secretaryName: string };
  /** The secretary, as the meeting's roster names them: who signs the attestation. */
  secretary: { memberId: string; name: string };
  dialogLanguage?: DialogLanguage;
  /** The renderer's name for this run (a UUID), to ask getMinutesProgress how far it has come. */
  runId?: string;
  /**
   * Make the minutes again: the earlier ones in a target folder (the files of that name, the
   * earlier attestation and every file it lists) are moved into its `earlier/<when>/` first.
   * Without it, minutes already there are refused (MINUTES_EXIST) and nothing is made.
   */
  again?: boolean;
}

/** What the preview needs: the minutes as the export would make them, in one language. */
export type MinutesPreviewRequest = Pick<MinutesExportRequest, 'meetingId' | 'meeting' | 'agenda' | 'cases' | 'signers'> & { language: Language };

/** The minutes files main made and wrote, and the attestation that lists them. */
export interface MinutesExportResult {
  /** Each file (PDF and DOCX per language, then the payment list as CSV and XLSX), its SHA-256 and where it is. */
  files: { name: string; sha256: string; paths: string[] }[];
  attestation: {
    fileName: string;
    /** `<sync>/minutes/…`, then the chosen folder's. */
    paths: string[];
    /** True when the same content had been attested before: nothing new was signed. */
    existed: boolean;
    /** SHA-256 (hex) of its payload bytes. */
    payloadSha256: string;
    createdAt: string;
  };
  /** The folders the earlier minutes were moved into (making them again), in the targets' order. */
  earlier: string[];
}

export interface MinutesHandlers {
  /**
   * Makes the meeting's minutes (PDF and DOCX in each language, the payment list as CSV and XLSX)
   * from the decision files main signed for it, writes them into `<sync>/minutes/` (and the folder
   * chosen), and signs the attestation with the secretary's key after the native confirmation.
   * Null when the folder dialog was cancelled. Refused: MINUTES_NOT_READY (a decision file not yet
   * in the sync folder), MINUTES_INVALID (the agenda or particulars do not fit the files, naming
   * the case), MINUTES_PDF_UNAVAILABLE (no printing here: browser mode with no Chromium or Chrome found), CONFIRMATION_DECLINED.
   */
  exportMinutes(arg: MinutesExportRequest): Promise<MinutesExportResult | null>;
  /** How far the exportMinutes run of that runId has come; null when none is under way. */
  getMinutesProgress(arg: { runId: string }): Promise<MinutesProgress | null>;
  /**
   * The minutes' body as the PDF prints it (minutesBodyHtml: every text escaped, no script, no
   * style attribute), made from main's decision files as exportMinutes makes them, to be shown in
   * a shadow root with MINUTES_CSS. Refused as exportMinutes is (MINUTES_NOT_READY, MINUTES_INVALID).
   */
  previewMinutes(arg: MinutesPreviewRequest): Promise<{ html: string }>;
}

const runId = uuid;
const minutesMeetingTimes = z.strictObject({ startedAt: isoDateTime.nullable(), closedAt: isoDateTime.nullable() });
const minutesSigners = z.strictObject({ chairName: z.string().trim().min(1).max(200), secretaryName: z.string().trim().min(1).max(200) });

export const minutesArgSchemas = {
  exportMinutes: z.strictObject({
    meetingId: z.string().regex(MEETING_ID_PATTERN),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length).refine((l) => new Set(l).size === l.length, { error: 'must name each language once' }).optional(),
    chooseFolder: z.boolean().optional(),
    meeting: minutesMeetingTimes,
    agenda: agendaSchema,
    cases: caseParticularsMapSchema,
    signers: minutesSigners,
    secretary: z.strictObject({ memberId: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(200) }),
    dialogLanguage: z.enum(['ko', 'en']).optional(),
    runId: runId.optional(),
    again: z.boolean().optional(),
  }),
  getMinutesProgress: z.strictObject({ runId }),
  previewMinutes: z.strictObject({
    meetingId: z.string().regex(MEETING_ID_PATTERN),
    language: z.enum(LANGUAGES),
    meeting: minutesMeetingTimes,
    agenda: agendaSchema,
    cases: caseParticularsMapSchema,
    signers: minutesSigners,
  }),
} as const satisfies ArgSchemasOf<MinutesHandlers>;
