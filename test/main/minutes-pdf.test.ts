/**
 * The minutes' PDF (issue 13, item 2): the one HTML template printed by Chromium as the app prints
 * it (same page, same header and footer, the bundled font), read back with poppler-utils.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesText, type Language } from '../../shared/i18n';
import { buildMinutes } from '../../shared/minutes/build-minutes';
import { minutesHeaderText } from '../../shared/minutes/minutes-html';
import type { Minutes } from '../../shared/minutes/minutes-model';
import { bundledFontDir, loadBundledFonts, type BundledFonts } from '../../electron/services/minutes/minutes-fonts';
import { minutesDocument, minutesPdf } from '../../electron/services/minutes/minutes-pdf';
import { windowPrint, type PrintWindow } from '../../electron/services/minutes/window-print';
import type { HeadlessPrint } from '../../electron/services/browser-mode/headless-print';
import { chromiumPrint } from '../support/chromium-print';
import { longMinutesInput } from '../support/long-minutes';
import { linesOf, pageBand, pdfFonts, pdfPageCount, pdfPages } from '../support/pdf-tools';
import { sampleMinutesInput } from '../support/sample-minutes';

const root = path.resolve(__dirname, '../..');
let fonts: BundledFonts;
let print: HeadlessPrint;
const sample: Minutes = buildMinutes(sampleMinutesInput());
const pdfs = new Map<Language, Uint8Array>();

beforeAll(async () => {
  fonts = await loadBundledFonts(bundledFontDir(root));
  print = chromiumPrint();
  for (const lang of ['ko', 'en'] as const) pdfs.set(lang, await minutesPdf(sample, lang, { print, fonts }));
}, 60_000);
afterAll(async () => {
  await print?.close();
});

/**
 * The footer's "n / N". pdftotext reads it without its spaces ("3/12"): Chromium draws the footer
 * in a context of its own, whose spacing poppler does not take for word breaks; the page shows them.
 */
function pageNumber(n: number, total: number): RegExp {
  return new RegExp(`^${n} ?/ ?${total}$`);
}

/** `expected` as consecutive lines (table cells row by row) somewhere in `lines`. */
function expectRun(lines: readonly string[], expected: readonly string[]): void {
  const at = lines.findIndex((_, i) => expected.every((e, j) => lines[i + j] === e));
  expect(at, `lines ${JSON.stringify(expected)} in a row`).toBeGreaterThanOrEqual(0);
}

describe.each(['ko', 'en'] as const)('the minutes PDF in %s', (lang) => {
  const t = minutesText(lang);

  it('holds the members by name, every decided case with its award, the votes, the totals and the decision files with their hashes', () => {
    const pages = pdfPages(pdfs.get(lang)!);
    const text = pages.join('\n');
    const lines = linesOf(text);
    for (const a of sample.attendance) expectRun(lines, [a.name, t.role(a.role), t.presence(a.present)]);
    expect(sample.cases.length).toBe(5);
    for (const c of sample.cases) {
      expect(lines).toContain(`${c.caseId} · ${c.businessName.replace('\n', ' ')}`);
      expect(lines).toContain(t.decision(c));
      if (c.outcome === 'award') expect(t.decision(c)).toContain(t.amount(c.award!));
      for (const p of c.proposals) {
        // the proposal, each member's name over their vote, then the tally
        const votes = p.votes.map((v) => (v.reason ? `${t.vote(v.vote)} (${v.reason})` : t.vote(v.vote)));
        expectRun(lines, [t.proposal(p), ...p.votes.map((v) => v.name), ...votes, t.tally(p.tally)]);
      }
    }
    expect(lines.some((l) => l.includes('이도현') && l.includes('신청인과 친족 관계'))).toBe(true);
    for (const row of sample.totals.byTier) expectRun(lines, [t.tier(row.tier), String(row.count), t.amount(row.amount)]);
    for (const o of ['award', 'reject', 'defer'] as const) expectRun(lines, [t.outcome(o), String(sample.totals.byOutcome[o].count), t.amount(sample.totals.byOutcome[o].amount)]);
    expectRun(lines, ['Σ', String(sample.totals.decisions), t.amount(sample.totals.amount)]);
    expect(sample.decisionFiles.length).toBe(2);
    for (const f of sample.decisionFiles) expectRun(lines, [f.fileName, f.payloadSha256]);
    for (const s of sample.signOff) expect(text).toContain(`${t.role(s.role)} ${s.name}`);
  });

  it('heads every page with the council and the meeting and numbers it "n / N"', () => {
    const pages = pdfPages(pdfs.get(lang)!);
    expect(pages.length).toBe(pdfPageCount(pdfs.get(lang)!));
    pages.forEach((page, i) => {
      const lines = linesOf(page);
      expect(lines[0]).toBe(minutesHeaderText(sample, lang));
      expect(lines.at(-1)).toMatch(pageNumber(i + 1, pages.length));
    });
  });

  it('embeds every font it uses, all of them the bundled Noto Sans KR: no system font', () => {
    const used = pdfFonts(pdfs.get(lang)!);
    expect(used.length).toBeGreaterThan(0);
    for (const font of used) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansKR/);
    }
  });
});

describe('a long meeting', () => {
  let long: Minutes;
  let pages: string[];
  beforeAll(async () => {
    long = buildMinutes(longMinutesInput(120));
    pages = pdfPages(await minutesPdf(long, 'ko', { print, fonts }));
  }, 60_000);

  it('runs over many pages, each numbered "n / N" of the same N', () => {
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((page, i) => expect(linesOf(page).at(-1)).toMatch(pageNumber(i + 1, pages.length)));
  });

  it('repeats the agenda table\'s header row on each page the table crosses', () => {
    const t = minutesText('ko');
    const heads = [t.columns.no, t.columns.caseId, t.columns.businessName, t.columns.suggestion, t.columns.flags, t.columns.status];
    // the agenda's rows are the case ids standing alone on a line, from page 1 to where the decisions begin
    const decisionsStart = pages.findIndex((p) => linesOf(p).includes(t.sections.cases));
    const agendaPages = pages.slice(0, decisionsStart + 1).filter((p) => linesOf(p).some((l) => /^1015-\d{6}$/.test(l)));
    expect(agendaPages.length).toBeGreaterThanOrEqual(3);
    for (const page of agendaPages) expect(linesOf(page)).toEqual(expect.arrayContaining(heads));
    // and every case of the agenda is in the PDF with its decision
    const all = linesOf(pages.join('\n'));
    for (const c of long.cases) expect(all).toContain(`${c.caseId} · ${c.businessName}`);
  });
});

describe('the running header', () => {
  it('draws its Korean with the bundled font, not as empty boxes', async () => {
    // Two councils, the same number of characters, different Hangul: boxes would look the same.
    const councils = ['가람 피해지원 협의체', '누리 손실보상 협의체'];
    const bands = await Promise.all(
      councils.map(async (council) => {
        const pdf = await minutesPdf({ ...sample, council }, 'ko', { print, fonts });
        expect(linesOf(pdfPages(pdf)[1]!)[0]).toBe(minutesHeaderText({ ...sample, council }, 'ko'));
        return pageBand(pdf, 2, { top: 0, height: 40 });
      }),
    );
    for (const band of bands) expect(band.some((px) => px < 128)).toBe(true); // ink in the band
    expect(bands[0]!.equals(bands[1]!)).toBe(false);
  });
});

/** A BrowserWindow's few members used by window-print, played by a Chromium page. */
function chromiumWindow(pageOf: () => Promise<Page>, seen: { files: string[]; destroyed: number; failPrint?: boolean }): PrintWindow {
  let page: Page | null = null;
  return {
    async loadFile(file) {
      seen.files.push(file);
      expect(statSync(file).mode & 0o077).toBe(0); // the owner's alone
      page = await pageOf();
      await page.goto(pathToFileURL(file).href);
    },
    webContents: {
      executeJavaScript: (code) => page!.evaluate(code),
      async printToPDF(o) {
        if (seen.failPrint) throw new Error('printing failed');
        const inches = (v: number) => `${v}in`;
        const { top, right, bottom, left } = o.margins;
        return page!.pdf({ format: o.pageSize, margin: { top: inches(top), right: inches(right), bottom: inches(bottom), left: inches(left) }, displayHeaderFooter: o.displayHeaderFooter, headerTemplate: o.headerTemplate, footerTemplate: o.footerTemplate, printBackground: o.printBackground, preferCSSPageSize: o.preferCSSPageSize });
      },
    },
    destroy() {
      seen.destroyed += 1;
      void page?.close();
    },
  };
}

describe("the app's printer (a hidden window and printToPDF)", () => {
  it('prints the minutes from a file of its own, removed afterwards, with the same header and page numbers', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'cd-window-print-'));
    try {
      const seen = { files: [] as string[], destroyed: 0 };
      const printer = windowPrint(() => chromiumWindow(() => print.newPage(), seen), temp);
      const pdf = await minutesPdf(sample, 'ko', { print: printer, fonts });
      const pages = pdfPages(pdf);
      expect(linesOf(pages[0]!)[0]).toBe(minutesHeaderText(sample, 'ko'));
      expect(linesOf(pages.at(-1)!).at(-1)).toMatch(pageNumber(pages.length, pages.length));
      expect(pages.join('\n')).toContain(sample.decisionFiles[1]!.payloadSha256);
      expect(seen.files).toHaveLength(1);
      expect(seen.destroyed).toBe(1);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('closes its window and removes its file when printing fails', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'cd-window-print-'));
    try {
      const seen = { files: [] as string[], destroyed: 0, failPrint: true };
      const printer = windowPrint(() => chromiumWindow(() => print.newPage(), seen), temp);
      const html = await minutesDocument(sample, 'en', fonts);
      await expect(printer.printPdf(html, { headerText: 'x', language: 'en', fontCss: '' })).rejects.toThrow('printing failed');
      expect(seen.destroyed).toBe(1);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
