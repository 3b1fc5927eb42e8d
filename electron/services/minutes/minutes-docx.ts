/**
 * The minutes as DOCX (issue 13, item 2), written with the `docx` package, for the secretary to
 * edit in Word or Hancom Office before the minutes go out: the same content as the PDF, from the
 * minutes model (shared/minutes/minutes-model.ts) in the words of shared/i18n/minutes-words.ts.
 *
 * A4 portrait; a running header with the meeting on every page and a footer "n / N" from Word's
 * PAGE and NUMPAGES fields; headings in Word's own Title and Heading styles; every list a real
 * Word table whose header row repeats on each page (docx-blocks.ts); the Korean font named for
 * East Asian text. Order: the meeting, its counting rules, attendance, quorum, agenda, the decided
 * cases, deferred and undecided cases, totals, the decision files with their payload SHA-256, and
 * last the signature lines, so the signatures come after everything they sign.
 */
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import type { Language } from '../../../shared/i18n';
import { minutesText, type MinutesText } from '../../../shared/i18n/minutes-words';
import type { Minutes } from '../../../shared/minutes/minutes-model';
import { OUTCOMES } from '../../../shared/meeting/types';
import { A4, PAGE_MARGINS, THEME_FONTS, fields, heading, minutesStyles, paragraph, signatureLine, table, title, type Cell, type TableSpec } from './docx-blocks';
import { casesSection } from './minutes-docx-cases';

type Block = Paragraph | Table;

const count = (n: number): Cell => ({ text: String(n), right: true });

function overview(m: Minutes, t: MinutesText): Block[] {
  const l = t.labels;
  return [
    title(t.runningHeader(m.council, m.meetingId)),
    heading(t.sections.overview, 1),
    ...fields([
      [l.council, m.council],
      [l.meetingId, m.meetingId],
      [l.date, t.date(m.date)],
      [l.place, m.place],
      [l.startedAt, t.dateTime(m.startedAt)],
      [l.closedAt, t.dateTime(m.closedAt)],
    ]),
    heading(t.sections.rules, 1),
    paragraph(t.rules(m.rules)),
  ];
}

/** A section that is one table under its heading. */
const tableSection = (name: string, spec: TableSpec): Block[] => [heading(name, 1), table(spec)];

function attendance(m: Minutes, t: MinutesText): Block[] {
  const c = t.columns;
  return [
    ...tableSection(t.sections.attendance, {
      head: [c.name, c.role, c.present, c.arrivedAt, c.leftAt],
      widths: [3, 2, 2, 3, 3],
      rows: m.attendance.map((a) => [a.name, t.role(a.role), t.presence(a.present), t.dateTime(a.arrivedAt), t.dateTime(a.leftAt)]),
    }),
    heading(t.sections.quorum, 1),
    paragraph(t.quorum(m.quorum)),
  ];
}

function agenda(m: Minutes, t: MinutesText): Block[] {
  const c = t.columns;
  return tableSection(t.sections.agenda, {
    head: [c.no, c.caseId, c.businessName, c.suggestion, c.flags, c.status],
    widths: [1, 3, 4, 3, 3, 2],
    rows: m.agenda.map((a) => [count(a.no), a.caseId, a.businessName, t.suggestion(a.suggestion), a.suggestion.flags.map(t.flag).join(', '), t.status(a.status)]),
  });
}

function openCases(m: Minutes, t: MinutesText): Block[] {
  const c = t.columns;
  const deferred = m.deferred.length === 0 ? [] : tableSection(t.sections.deferred, {
    head: [c.caseId, c.businessName, c.documents, c.decidedAt],
    widths: [3, 4, 4, 3],
    rows: m.deferred.map((d) => [d.caseId, d.businessName, t.documents(d.missingDocuments), t.dateTime(d.decidedAt)]),
  });
  const notDecided = m.notDecided.length === 0 ? [] : tableSection(t.sections.notDecided, {
    head: [c.caseId, c.businessName],
    widths: [1, 2],
    rows: m.notDecided.map((d) => [d.caseId, d.businessName]),
  });
  return [...deferred, ...notDecided];
}

function totals(m: Minutes, t: MinutesText): Block[] {
  const c = t.columns;
  const x = m.totals;
  const amount = (n: number): Cell => ({ text: t.amount(n), right: true });
  const head = [c.group, c.count, c.amount];
  const footer = [t.sections.totals, count(x.decisions), amount(x.amount)];
  return [
    heading(t.sections.totals, 1),
    heading(t.sections.totalsByTier, 2),
    table({ head, widths: [3, 2, 3], rows: x.byTier.map((r) => [t.tier(r.tier), count(r.count), amount(r.amount)]), footer }),
    heading(t.sections.totalsByOutcome, 2),
    table({ head, widths: [3, 2, 3], rows: OUTCOMES.map((o) => [t.outcome(o), count(x.byOutcome[o].count), amount(x.byOutcome[o].amount)]), footer }),
  ];
}

function decisionFiles(m: Minutes, t: MinutesText): Block[] {
  const c = t.columns;
  return tableSection(t.sections.decisionFiles, {
    head: [c.sequence, c.fileName, c.payloadSha256],
    widths: [1, 4, 8],
    rows: m.decisionFiles.map((f) => [count(f.sequence), f.fileName, { text: f.payloadSha256, hash: true }]),
  });
}

function signOff(m: Minutes, t: MinutesText): Block[] {
  return [heading(t.sections.signOff, 1), ...m.signOff.map((s) => signatureLine(`${t.role(s.role)} ${s.name}`, t.signature))];
}

/** "n / N" with Word's page fields in place of the numbers, in the form the words give. */
function pageNumber(t: MinutesText): Paragraph {
  const form = t.pageOf(1, 2);
  const [before, rest] = [form.slice(0, form.indexOf('1')), form.slice(form.indexOf('1') + 1)];
  const [between, after] = [rest.slice(0, rest.indexOf('2')), rest.slice(rest.indexOf('2') + 1)];
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after].filter((part) => part !== '') })],
  });
}

/** The DOCX file's bytes. */
export async function minutesDocx(minutes: Minutes, language: Language): Promise<Uint8Array> {
  const t = minutesText(language);
  const running = t.runningHeader(minutes.council, minutes.meetingId);
  const document = new Document({
    title: running,
    creator: minutes.council,
    lastModifiedBy: minutes.council,
    styles: minutesStyles(language),
    theme: { fonts: THEME_FONTS },
    sections: [
      {
        properties: { page: { size: A4, margin: PAGE_MARGINS } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: running, size: 16, color: '595959' })] })] }) },
        footers: { default: new Footer({ children: [pageNumber(t)] }) },
        children: [
          ...overview(minutes, t),
          ...attendance(minutes, t),
          ...agenda(minutes, t),
          ...casesSection(minutes.cases, t),
          ...openCases(minutes, t),
          ...totals(minutes, t),
          ...decisionFiles(minutes, t),
          ...signOff(minutes, t),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
