/**
 * The minutes as one HTML document (issue 13, item 2): the PDF prints it (Chromium, A4) and the
 * minutes screen previews the same HTML. Every value of the minutes is escaped (escapeHtml), so no
 * name, reason or rationale can be markup; the document runs no script and loads nothing (its
 * Content-Security-Policy allows inline styles and data: fonts only).
 */
import { minutesText, type Language, type MinutesText } from '../i18n';
import { escapeHtml as esc } from './html-text';
import { MINUTES_CSS } from './minutes-css';
import type { CountAndAmount, Minutes, MinutesCase, MinutesProposal } from './minutes-model';

export interface MinutesHtmlOptions {
  /** @font-face rules for the bundled font (BundledFonts.cssFor); '' where the page has the font already. */
  fontCss: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** The running header of every page: the council and the meeting. Also printed under the title, so the page loads its glyphs. */
export function minutesHeaderText(minutes: Pick<Minutes, 'council' | 'meetingId'>, language: Language): string {
  return minutesText(language).runningHeader(minutes.council, minutes.meetingId);
}

interface Column {
  head: string;
  num?: boolean;
  hash?: boolean;
}

/** A table whose cells are text; `thead` repeats on each page the table crosses. */
function table(columns: readonly Column[], rows: readonly (readonly string[])[], foot?: readonly string[]): string {
  const cls = (c: Column) => (c.num ? ' class="num"' : c.hash ? ' class="hash"' : '');
  const head = columns.map((c) => `<th${c.num ? ' class="num"' : ''}>${esc(c.head)}</th>`).join('');
  const row = (cells: readonly string[], tag: 'td' | 'th') => `<tr>${cells.map((v, i) => `<${tag}${cls(columns[i]!)}>${esc(v)}</${tag}>`).join('')}</tr>`;
  const body = rows.map((r) => row(r, 'td')).join('\n');
  return `<table><thead><tr>${head}</tr></thead>${foot ? `<tfoot>${row(foot, 'th')}</tfoot>` : ''}<tbody>\n${body}\n</tbody></table>`;
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}"><h2>${esc(heading)}</h2>\n${content}\n</section>`;
}

function definitions(pairs: readonly (readonly [string, string])[]): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function overview(m: Minutes, t: MinutesText): string {
  return definitions([
    [t.labels.council, m.council],
    [t.labels.meetingId, m.meetingId],
    [t.labels.date, t.date(m.date)],
    [t.labels.place, m.place],
    [t.labels.startedAt, t.dateTime(m.startedAt)],
    [t.labels.closedAt, t.dateTime(m.closedAt)],
  ]);
}

function attendance(m: Minutes, t: MinutesText): string {
  const c = t.columns;
  const rows = m.attendance.map((a) => [a.name, t.role(a.role), t.presence(a.present), t.dateTime(a.arrivedAt), t.dateTime(a.leftAt)]);
  return table([{ head: c.name }, { head: c.role }, { head: c.present }, { head: c.arrivedAt }, { head: c.leftAt }], rows);
}

function agenda(m: Minutes, t: MinutesText): string {
  const c = t.columns;
  const rows = m.agenda.map((a) => [String(a.no), a.caseId, a.businessName, t.suggestion(a.suggestion), a.suggestion.flags.map(t.flag).join(', ') || t.none, t.status(a.status)]);
  return table([{ head: c.no, num: true }, { head: c.caseId }, { head: c.businessName }, { head: c.suggestion }, { head: c.flags }, { head: c.status }], rows);
}

/** One proposal: its terms and result, then each member's vote by name (a recusal with its reason), then the tally. */
function proposal(p: MinutesProposal, t: MinutesText): string {
  const votes = p.votes.map((v) => (v.vote === 'recused' && v.reason ? `${t.vote(v.vote)} (${v.reason})` : t.vote(v.vote)));
  return (
    `<div class="keep"><h4>${esc(t.proposal(p))}</h4>` +
    table(p.votes.map((v) => ({ head: v.name })), [votes]) +
    `<p class="tally">${esc(t.tally(p.tally))}</p></div>`
  );
}

function decidedCase(x: MinutesCase, t: MinutesText): string {
  const k = t.case;
  const facts: [string, string][] = [
    [k.suggestion, t.suggestion(x.suggestion)],
    [k.basis, t.basis(x.suggestion)],
  ];
  const recusals = x.recusals.length === 0 ? t.case.noRecusals : x.recusals.map((r) => t.recusal(r.name, r.reason)).join('; ');
  const outcome: [string, string][] = [
    [k.outcome, t.decision(x)],
    [k.recusals, recusals],
    ...(x.rationale ? [[k.rationale, x.rationale] as [string, string]] : []),
    ...(x.outcome === 'defer' ? [[k.missingDocuments, t.documents(x.missingDocuments)] as [string, string]] : []),
    [k.decidedAt, t.dateTime(x.decidedAt)],
    [k.decisionFile, `${x.file.fileName} · ${t.revision(x.revision)}`],
    ...(x.reopened ? [[t.revision(x.revision), t.reopened(x.reopened.reason)] as [string, string]] : []),
    ...(x.history.length > 0 ? [[k.history, x.history.map(t.historyLine).join('; ')] as [string, string]] : []),
  ];
  return (
    `<article class="case" id="case-${esc(x.caseId)}"><h3>${esc(x.caseId)} · ${esc(x.businessName)}</h3>` +
    definitions(facts) +
    `<h4>${esc(k.proposals)}</h4>` +
    x.proposals.map((p) => proposal(p, t)).join('\n') +
    definitions(outcome) +
    '</article>'
  );
}

function totals(m: Minutes, t: MinutesText): string {
  const c = t.columns;
  const line = (label: string, x: CountAndAmount) => [label, String(x.count), t.amount(x.amount)];
  const columns = (first: string): Column[] => [{ head: first }, { head: c.count, num: true }, { head: c.amount, num: true }];
  const all = line('Σ', { count: m.totals.decisions, amount: m.totals.amount });
  const byTier = table(columns(c.group), m.totals.byTier.map((r) => line(t.tier(r.tier), r)), all);
  const byOutcome = table(columns(c.status), (['award', 'reject', 'defer'] as const).map((o) => line(t.outcome(o), m.totals.byOutcome[o])), all);
  return `<div class="keep"><h3>${esc(t.sections.totalsByTier)}</h3>${byTier}</div><div class="keep"><h3>${esc(t.sections.totalsByOutcome)}</h3>${byOutcome}</div>`;
}

function signOff(m: Minutes, t: MinutesText): string {
  const line = (s: Minutes['signOff'][number]) =>
    `<div><div class="sign-line"></div><p>${esc(t.role(s.role))} ${esc(s.name)} ${esc(t.signature)}</p><p>${esc(t.labels.date)}:</p></div>`;
  return `<div class="sign-off keep">${m.signOff.map(line).join('')}</div>`;
}

/**
 * The document's body in `language`, for a preview that cannot take the document's inline <style>
 * (the app's CSP allows style-src 'self' only): it can show this under MINUTES_CSS (minutes-css.ts)
 * adopted as a constructed stylesheet, e.g. in a shadow root. minutesHtml wraps exactly this.
 */
export function minutesBodyHtml(minutes: Minutes, language: Language): string {
  const t = minutesText(language);
  const s = t.sections;
  const c = t.columns;
  const m = minutes;
  const header = minutesHeaderText(m, language);
  const cases = m.cases.length === 0 ? `<p>${esc(t.noCases)}</p>` : m.cases.map((x) => decidedCase(x, t)).join('\n');
  const orNone = (rows: readonly unknown[], content: string) => (rows.length === 0 ? `<p>${esc(t.none)}</p>` : content);
  const deferred = table([{ head: c.caseId }, { head: c.businessName }, { head: c.documents }, { head: c.decidedAt }], m.deferred.map((d) => [d.caseId, d.businessName, t.documents(d.missingDocuments), t.dateTime(d.decidedAt)]));
  const notDecided = table([{ head: c.caseId }, { head: c.businessName }], m.notDecided.map((d) => [d.caseId, d.businessName]));
  const files = table([{ head: c.sequence, num: true }, { head: c.fileName }, { head: c.payloadSha256, hash: true }], m.decisionFiles.map((f) => [String(f.sequence), f.fileName, f.payloadSha256]));
  return [
    // an article, not a main: shown in the app's page, the preview sits inside the app's own main landmark
    '<article class="minutes">',
    `<header><h1>${esc(t.title)}</h1><p class="running">${esc(header)}</p></header>`,
    section('overview', s.overview, overview(m, t)),
    section('rules', s.rules, `<p>${esc(t.rules(m.rules))}</p>`),
    section('attendance', s.attendance, attendance(m, t)),
    section('quorum', s.quorum, `<p>${esc(t.quorum(m.quorum))}</p>`),
    section('agenda', s.agenda, agenda(m, t)),
    section('cases', s.cases, cases),
    section('deferred', s.deferred, orNone(m.deferred, deferred)),
    section('not-decided', s.notDecided, orNone(m.notDecided, notDecided)),
    section('totals', s.totals, totals(m, t)),
    section('decision-files', s.decisionFiles, files),
    section('sign-off', s.signOff, signOff(m, t)),
    '</article>',
  ].join('\n');
}

/** The whole document in `language`: what the PDF prints and the preview shows. */
export function minutesHtml(minutes: Minutes, language: Language, opts: MinutesHtmlOptions): string {
  const header = minutesHeaderText(minutes, language);
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${esc(header)}</title>`,
    `<style>${opts.fontCss}\n${MINUTES_CSS}</style>`,
    `</head><body>\n${minutesBodyHtml(minutes, language)}\n</body></html>`,
  ].join('\n');
}
