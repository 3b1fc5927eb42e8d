/**
 * A meeting's minutes, made and attested by main (issue 13; DESIGN.md, "The main process is the
 * notary"): the decision files are main's own, read back from the sync folder's outbox against the
 * notary's ledger (MinutesNotary.signedDecisionFiles), and so are the council, the date, the place,
 * the rules and the attendance (the last file's). The renderer gives only what it alone knows: the
 * agenda with the suggestions, each case's particulars, when the meeting opened and closed, the
 * sign-off names and who the secretary is. The minutes are built and checked (MINUTES_INVALID,
 * naming the case) before the folder dialog, and every file is made before anything is written,
 * so a refusal writes nothing.
 *
 * Choices: with no print port (browser mode when no Chromium or Chrome was found) nothing is made
 * (MINUTES_PDF_UNAVAILABLE), so an attestation never lists minutes without their PDF; a folder
 * dialog the secretary cancels answers null and makes nothing (they asked for a folder of their own).
 */
import type { MinutesExportRequest, MinutesExportResult } from '../../../shared/api';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../shared/i18n/language';
import { buildMinutes } from '../../../shared/minutes/build-minutes';
import { minutesFileName, paymentListFileName } from '../../../shared/minutes/file-names';
import type { Minutes, MinutesDecisionFileInput, MinutesInput } from '../../../shared/minutes/minutes-model';
import { assertPaymentSum, paymentListCsv, paymentRows, type PaymentRow } from '../../../shared/minutes/payment-list';
import { CouncilError } from '../../../shared/result';
import type { DialogPort } from '../dialog-port';
import type { MinutesNotary } from '../notary/minutes-notary';
import { minutesDocx } from './minutes-docx';
import { writeMinutesFiles, type MinutesFile } from './minutes-files';
import type { BundledFonts } from './minutes-fonts';
import { minutesPdf } from './minutes-pdf';
import { paymentsXlsx } from './payments-xlsx';
import type { PrintPort } from './print-port';

export interface MinutesExportDeps {
  notary: MinutesNotary;
  dialogs: DialogPort;
  /** None in browser mode when no Chromium or Chrome was found: then no minutes are made. */
  print?: PrintPort;
  /** The bundled Korean font, loaded on first use. */
  fonts: () => Promise<BundledFonts>;
}

/** The minutes' input: the renderer's agenda, particulars and names on main's own decision files. */
export function minutesInputOf(req: MinutesExportRequest, files: readonly MinutesDecisionFileInput[]): MinutesInput {
  const last = files.at(-1)!.payload;
  const { meetingId, date, place, rules, attendance } = last.meeting;
  return {
    council: last.council,
    meeting: { meetingId, date, place, rules, attendance, startedAt: req.meeting.startedAt, closedAt: req.meeting.closedAt },
    agenda: req.agenda,
    decisionFiles: files,
    cases: req.cases,
    signers: req.signers,
  };
}

/** The minutes and their payment rows, checked against the decision files (MINUTES_INVALID naming what does not fit). */
function checkedMinutes(input: MinutesInput): { minutes: Minutes; rows: PaymentRow[] } {
  const minutes = buildMinutes(input);
  const rows = paymentRows(minutes);
  assertPaymentSum(rows, input.decisionFiles);
  return { minutes, rows };
}

/** Each file of the minutes, in order: PDF and DOCX per language, then the payment list as CSV and XLSX. */
async function minutesFiles({ minutes, rows }: { minutes: Minutes; rows: PaymentRow[] }, languages: readonly Language[], print: PrintPort, fonts: () => Promise<BundledFonts>): Promise<MinutesFile[]> {
  const id = minutes.meetingId;
  const files: MinutesFile[] = [];
  for (const lang of languages) {
    files.push({ name: minutesFileName(id, lang, 'pdf'), bytes: await minutesPdf(minutes, lang, { print, fonts: await fonts() }) });
    files.push({ name: minutesFileName(id, lang, 'docx'), bytes: await minutesDocx(minutes, lang) });
  }
  files.push({ name: paymentListFileName(id, 'csv'), bytes: new TextEncoder().encode(paymentListCsv(rows)) });
  files.push({ name: paymentListFileName(id, 'xlsx'), bytes: await paymentsXlsx(rows, languages[0] ?? DEFAULT_LANGUAGE) });
  return files;
}

/** Makes, writes and attests the meeting's minutes; null when the secretary cancelled the folder dialog. */
export async function exportMinutes(deps: MinutesExportDeps, req: MinutesExportRequest): Promise<MinutesExportResult | null> {
  if (deps.print === undefined) {
    throw new CouncilError(
      'MINUTES_PDF_UNAVAILABLE',
      `The minutes of meeting ${req.meetingId} need printing to PDF, and no Chromium or Chrome was found to print with; nothing was made. Set CHROMIUM_PATH to one and start council-desk serve again, or make the minutes in the Council Desk app.`,
    );
  }
  // Whether the minutes can be made is known before the secretary is asked for a folder.
  const decisionFiles = await deps.notary.signedDecisionFiles(req.meetingId);
  const checked = checkedMinutes(minutesInputOf(req, decisionFiles));
  let folder: string | undefined;
  if (req.chooseFolder) {
    const chosen = await deps.dialogs.openFolder();
    if (chosen === null) return null;
    folder = chosen;
  }
  const files = await minutesFiles(checked, req.languages ?? LANGUAGES, deps.print, deps.fonts);
  const targets = await deps.notary.targets(folder);
  const written = await writeMinutesFiles(targets, files);
  const attestation = await deps.notary.attestMinutes({
    meetingId: req.meetingId,
    files,
    signer: req.secretary,
    language: req.dialogLanguage,
    folder,
    describes: decisionFiles.map(({ fileName, payloadSha256 }) => ({ fileName, payloadSha256 })),
  });
  return { files: written, attestation: { fileName: attestation.fileName, paths: attestation.paths, existed: attestation.existed } };
}
