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
 * dialog the secretary cancels answers null and makes nothing (they asked for a folder of their
 * own); minutes already in a target folder are refused (MINUTES_EXIST) unless the secretary makes
 * them again, and then moved aside first (earlier-minutes.ts). Each step done is reported
 * (minutes-steps.ts) for the screen's progress.
 */
import type { MinutesExportRequest, MinutesExportResult, MinutesPreviewRequest } from '../../../shared/api';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../shared/i18n/language';
import { buildMinutes } from '../../../shared/minutes/build-minutes';
import { minutesAttestationFileName, minutesFileName, paymentListFileName } from '../../../shared/minutes/file-names';
import { minutesBodyHtml } from '../../../shared/minutes/minutes-html';
import type { Minutes, MinutesDecisionFileInput, MinutesInput } from '../../../shared/minutes/minutes-model';
import { assertPaymentSum, paymentListCsv, paymentRows, type PaymentRow } from '../../../shared/minutes/payment-list';
import { minutesSteps, type MinutesProgress } from '../../../shared/minutes/minutes-steps';
import { CouncilError } from '../../../shared/result';
import type { DialogPort } from '../dialog-port';
import type { MinutesNotary } from '../notary/minutes-notary';
import { EARLIER_FOLDER, moveEarlierMinutes, namesPresent } from './earlier-minutes';
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
  /** Told each time a step is done. */
  onProgress?: (progress: MinutesProgress) => void;
  now?: () => Date;
}

/** The minutes' input: the renderer's agenda, particulars and names on main's own decision files. */
export function minutesInputOf(req: MinutesPreviewRequest | MinutesExportRequest, files: readonly MinutesDecisionFileInput[]): MinutesInput {
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

/** The names a target folder must not hold yet (for the minutes not to be made again unasked): the files and the attestation. */
function exportNames(meetingId: string, languages: readonly Language[]): string[] {
  return [
    ...languages.flatMap((lang) => [minutesFileName(meetingId, lang, 'pdf'), minutesFileName(meetingId, lang, 'docx')]),
    paymentListFileName(meetingId, 'csv'),
    paymentListFileName(meetingId, 'xlsx'),
    minutesAttestationFileName(meetingId),
  ];
}

async function refuseEarlier(meetingId: string, targets: readonly string[], names: readonly string[]): Promise<void> {
  for (const target of targets) {
    const present = await namesPresent(target, names);
    if (present.length === 0) continue;
    throw new CouncilError(
      'MINUTES_EXIST',
      `The minutes of meeting ${meetingId} are in ${target} already (${present.join(', ')}); nothing was made. Make the minutes again to move those into ${EARLIER_FOLDER}/ beside them and make new ones.`,
    );
  }
}

/** Each file of the minutes, in order: PDF and DOCX per language, then the payment list as CSV and XLSX; `step` after each. */
async function minutesFiles({ minutes, rows }: { minutes: Minutes; rows: PaymentRow[] }, languages: readonly Language[], deps: MinutesExportDeps & { print: PrintPort }, step: () => void): Promise<MinutesFile[]> {
  const id = minutes.meetingId;
  const files: MinutesFile[] = [];
  const add = (name: string, bytes: Uint8Array) => {
    files.push({ name, bytes });
    step();
  };
  for (const lang of languages) {
    add(minutesFileName(id, lang, 'pdf'), await minutesPdf(minutes, lang, { print: deps.print, fonts: await deps.fonts() }));
    add(minutesFileName(id, lang, 'docx'), await minutesDocx(minutes, lang));
  }
  add(paymentListFileName(id, 'csv'), new TextEncoder().encode(paymentListCsv(rows)));
  add(paymentListFileName(id, 'xlsx'), await paymentsXlsx(rows, languages[0] ?? DEFAULT_LANGUAGE));
  return files;
}

/** The minutes' body as the PDF prints it, in one language, from main's own decision files. */
export async function previewMinutes(notary: MinutesNotary, req: MinutesPreviewRequest): Promise<{ html: string }> {
  const decisionFiles = await notary.signedDecisionFiles(req.meetingId);
  return { html: minutesBodyHtml(checkedMinutes(minutesInputOf(req, decisionFiles)).minutes, req.language) };
}

/** Makes, writes and attests the meeting's minutes; null when the secretary cancelled the folder dialog. */
export async function exportMinutes(deps: MinutesExportDeps, req: MinutesExportRequest): Promise<MinutesExportResult | null> {
  const print = deps.print;
  if (print === undefined) {
    throw new CouncilError(
      'MINUTES_PDF_UNAVAILABLE',
      `The minutes of meeting ${req.meetingId} need printing to PDF, and no Chromium or Chrome was found to print with; nothing was made. Set CHROMIUM_PATH to one and start council-desk serve again, or make the minutes in the Council Desk app.`,
    );
  }
  const languages = req.languages ?? LANGUAGES;
  const total = minutesSteps(languages).length;
  let done = 0;
  const step = () => deps.onProgress?.({ done: ++done, total });
  deps.onProgress?.({ done, total });
  // Whether the minutes can be made is known before the secretary is asked for a folder.
  const decisionFiles = await deps.notary.signedDecisionFiles(req.meetingId);
  const checked = checkedMinutes(minutesInputOf(req, decisionFiles));
  step();
  let folder: string | undefined;
  if (req.chooseFolder) {
    const chosen = await deps.dialogs.openFolder();
    if (chosen === null) return null;
    folder = chosen;
  }
  const targets = await deps.notary.targets(folder);
  const names = exportNames(req.meetingId, languages);
  if (req.again !== true) await refuseEarlier(req.meetingId, targets, names);
  const files = await minutesFiles(checked, languages, { ...deps, print }, step);
  const earlier: string[] = [];
  if (req.again === true) {
    const now = (deps.now ?? (() => new Date()))();
    for (const target of targets) {
      const moved = await moveEarlierMinutes(target, minutesAttestationFileName(req.meetingId), names, now);
      if (moved !== null) earlier.push(moved);
    }
  }
  const written = await writeMinutesFiles(targets, files);
  step();
  const attestation = await deps.notary.attestMinutes({
    meetingId: req.meetingId,
    files,
    signer: req.secretary,
    language: req.dialogLanguage,
    folder,
    describes: decisionFiles.map(({ fileName, payloadSha256 }) => ({ fileName, payloadSha256 })),
  });
  step();
  const { fileName, paths, existed, payloadSha256, payload } = attestation;
  return { files: written, attestation: { fileName, paths, existed, payloadSha256, createdAt: payload.createdAt }, earlier };
}
