/**
 * The minutes as DOCX, unzipped and read as Word reads word/document.xml: the Korean names, every
 * decided case with its decision and award, each member's vote by name, the recusals with their
 * reasons, the totals, the decision files with their payload hashes and the sign-off lines, in
 * Korean and in English; real tables whose header row repeats on each page; real heading styles;
 * A4 pages with the meeting in the header and page fields in the footer; the Korean font named in
 * the East Asian slot of the run fonts.
 */
import { describe, expect, it } from 'vitest';
import { minutesDocx } from '../../electron/services/minutes/minutes-docx';
import { LANGUAGES, type Language } from '../../shared/i18n';
import { minutesText } from '../../shared/i18n/minutes-words';
import { OUTCOMES } from '../../shared/meeting/types';
import { buildMinutes, type Minutes, type MinutesCase } from '../../shared/minutes/minutes-model';
import { docxParagraphs, docxParts, hasSequence, paragraphTexts, type DocxParagraph } from '../support/docx-text';
import { sampleMinutesInput } from '../support/sample-minutes';

/** Five cases; case 1015-000004 deferred in file 1, then reopened and awarded in file 2; one case not decided. */
const minutes = buildMinutes(sampleMinutesInput());
/** The same meeting after file 1 only: case 1015-000004 still deferred. */
const withDeferral = buildMinutes({ ...sampleMinutesInput(), decisionFiles: sampleMinutesInput().decisionFiles.slice(0, 1) });

async function readDocx(m: Minutes, lang: Language) {
  const parts = docxParts(await minutesDocx(m, lang));
  const xml = parts.part('word/document.xml');
  return { parts, xml, paragraphs: docxParagraphs(xml), texts: paragraphTexts(xml) };
}

const written = new Map<string, ReturnType<typeof readDocx>>();
/** A sample's DOCX in a language, written once for the tests that read it. */
function read(m: Minutes, lang: Language): ReturnType<typeof readDocx> {
  const key = `${m === minutes ? 'full' : 'deferral'}:${lang}`;
  if (!written.has(key)) written.set(key, readDocx(m, lang));
  return written.get(key)!;
}

/** The paragraphs under a case's heading, up to the next heading of its level or above. */
function caseSection(paragraphs: readonly DocxParagraph[], c: MinutesCase): string[] {
  const start = paragraphs.findIndex((p) => p.style === 'Heading2' && p.text.startsWith(`${c.caseId} — `));
  expect(start, `no heading for case ${c.caseId}`).toBeGreaterThanOrEqual(0);
  const end = paragraphs.findIndex((p, i) => i > start && (p.style === 'Heading1' || p.style === 'Heading2'));
  return paragraphs.slice(start, end < 0 ? undefined : end).map((p) => p.text);
}

describe.each(LANGUAGES)('minutesDocx in %s', (lang) => {
  const t = minutesText(lang);

  it('names the council, the meeting, the members and the businesses, Korean names intact', async () => {
    const { texts } = await read(minutes, lang);
    const all = texts.join('\n');
    for (const a of minutes.attendance) expect(hasSequence(texts, [a.name, t.role(a.role), t.presence(a.present)])).toBe(true);
    for (const c of minutes.cases) expect(all).toContain(c.businessName);
    expect(all).toContain('카페 "1015", 본점\n2층');
    expect(all).toContain(minutes.place);
    expect(all).toContain(t.rules(minutes.rules));
    expect(all).toContain(t.quorum(minutes.quorum));
    expect(texts).toContain(`${t.labels.meetingId}: ${minutes.meetingId}`);
  });

  it('lists every agenda case with its suggestion and where it stands, the undecided one too', async () => {
    const { texts } = await read(minutes, lang);
    for (const a of minutes.agenda) {
      expect(hasSequence(texts, [String(a.no), a.caseId, a.businessName, t.suggestion(a.suggestion)])).toBe(true);
    }
    expect(minutes.notDecided).toHaveLength(1);
    expect(hasSequence(texts, [minutes.notDecided[0]!.caseId, minutes.notDecided[0]!.businessName])).toBe(true);
  });

  it('gives every decided case its suggestion line, decision with the award, rationale and decision file', async () => {
    const { paragraphs } = await read(minutes, lang);
    expect(minutes.cases.length).toBe(5);
    for (const c of minutes.cases) {
      const section = caseSection(paragraphs, c);
      const text = section.join('\n');
      expect(section).toContain(`${t.case.outcome}: ${t.decision(c)}`);
      if (c.outcome === 'award') expect(text).toContain(t.amount(c.award!));
      expect(text).toContain(t.basis(c.suggestion));
      expect(text).toContain(c.file.fileName);
      if (c.rationale !== '') expect(section).toContain(`${t.case.rationale}: ${c.rationale}`);
    }
  });

  it('notes a case decided again: why, and its earlier revision with its file', async () => {
    const { paragraphs } = await read(minutes, lang);
    const again = minutes.cases.find((c) => c.reopened !== null)!;
    expect(again.history).toHaveLength(1);
    const section = caseSection(paragraphs, again);
    expect(section).toContain(t.reopened(again.reopened!.reason));
    expect(section).toContain(`${t.case.history}: ${t.historyLine(again.history[0]!)}`);
    expect(section.join('\n')).toContain(t.revision(2));
  });

  it("writes each proposal's tally and each member's vote by name, and recusals with their reasons", async () => {
    const { paragraphs } = await read(minutes, lang);
    let recusals = 0;
    let failed = 0;
    for (const c of minutes.cases) {
      const section = caseSection(paragraphs, c);
      for (const p of c.proposals) {
        expect(section).toContain(`${t.proposal(p)}: ${t.tally(p.tally)}`);
        if (!p.passed) failed += 1;
        for (const v of p.votes) expect(hasSequence(section, [v.name, t.role(v.role), t.vote(v.vote), v.reason ?? ''])).toBe(true);
      }
      for (const r of c.recusals) {
        recusals += 1;
        expect(section).toContain(`${t.case.recusals}: ${t.recusal(r.name, r.reason)}`);
      }
    }
    expect(recusals).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
  });

  it('lists the deferred cases with the documents they wait for', async () => {
    const { texts } = await read(withDeferral, lang);
    expect(withDeferral.deferred).toHaveLength(1);
    for (const d of withDeferral.deferred) expect(hasSequence(texts, [d.caseId, d.businessName, t.documents(d.missingDocuments)])).toBe(true);
    expect(texts).toContain(t.sections.deferred);
    expect((await read(minutes, lang)).texts).not.toContain(t.sections.deferred);
  });

  it('totals the cases by tier and by outcome, count and amount, with the meeting total', async () => {
    const { texts } = await read(minutes, lang);
    const x = minutes.totals;
    for (const r of x.byTier) expect(hasSequence(texts, [t.tier(r.tier), String(r.count), t.amount(r.amount)])).toBe(true);
    for (const o of OUTCOMES) expect(hasSequence(texts, [t.outcome(o), String(x.byOutcome[o].count), t.amount(x.byOutcome[o].amount)])).toBe(true);
    expect(hasSequence(texts, [t.sections.totals, String(x.decisions), t.amount(x.amount)])).toBe(true);
    expect(x.amount).toBe(530_000);
  });

  it('lists every decision file with its payload SHA-256, and ends with the chair and secretary signature lines', async () => {
    const { texts, paragraphs } = await read(minutes, lang);
    expect(minutes.decisionFiles).toHaveLength(2);
    for (const f of minutes.decisionFiles) expect(hasSequence(texts, [String(f.sequence), f.fileName, f.payloadSha256])).toBe(true);
    const signatures = paragraphs.slice(-2).map((p) => p.text);
    expect(signatures).toEqual([
      `${t.role('chair')} 정한결\t ${t.signature}`,
      `${t.role('secretary')} 윤하늘\t ${t.signature}`,
    ]);
  });

  it('makes real Word tables whose header row is marked to repeat, and real heading styles', async () => {
    const { xml, paragraphs, parts } = await read(minutes, lang);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    // attendance, agenda, a votes table per proposal, not decided, two totals, decision files (no deferral left)
    const proposals = minutes.cases.reduce((n, c) => n + c.proposals.length, 0);
    expect(tables).toHaveLength(6 + proposals);
    for (const tbl of tables) expect(tbl).toMatch(/^<w:tbl>(?:(?!<w:tr>)[\s\S])*<w:tr>\s*<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
    expect(paragraphs[0]).toEqual({ style: 'Title', text: t.runningHeader(minutes.council, minutes.meetingId) });
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain(t.sections.attendance);
    expect(paragraphs.filter((p) => p.style === 'Heading2')).toHaveLength(minutes.cases.length + 2);
    expect(parts.part('word/styles.xml')).toMatch(/<w:style [^>]*w:styleId="Heading1"/);
  });

  it('names the Korean font for East Asian text, on A4 pages with the meeting in the header and page numbers in the footer', async () => {
    const { xml, parts } = await read(minutes, lang);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(parts.part('word/styles.xml'))?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="맑은 고딕"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Malgun Gothic"/);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="ko-KR"/);
    expect(parts.part('word/theme/theme1.xml')).toMatch(/<a:font script="Hang" typeface="맑은 고딕"\/>/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const header = parts.names.filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => parts.part(n)).join('');
    expect(paragraphTexts(header)).toContain(t.runningHeader(minutes.council, minutes.meetingId));
    const footer = parts.names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => parts.part(n)).join('');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t[^>]*> \/ <\/w:t>[\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  });
});

describe('minutesDocx, the two languages', () => {
  it('writes the Korean words in the Korean minutes and the English ones in the English minutes', async () => {
    const [ko, en] = await Promise.all([read(minutes, 'ko'), read(minutes, 'en')]);
    expect(ko.texts).toContain(minutesText('ko').sections.attendance);
    expect(ko.texts.join('\n')).toContain('30,000원');
    expect(en.texts).toContain(minutesText('en').sections.attendance);
    expect(en.texts.join('\n')).toContain('KRW 30,000');
    expect(en.texts.join('\n')).not.toContain('30,000원');
  });
});
