/**
 * The demo bundle's evidence files are real files: PDFs that parse, PNGs that decode, CSVs whose
 * numbers are the case's daily sales, and every file belongs to a document of its own case.
 */
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRegistrationNo, isValidRegistrationNo, normalizeRegistrationNo } from '../../shared/registration-number';
import { DOCUMENT_KINDS } from '../../shared/schemas/bundle-manifest';
import { EVIDENCE_MEDIA_TYPES } from '../../shared/schemas/case-record';
import type { BundleContent } from '../../electron/services/bundle-content';
import { generateDemoBundleContent } from '../../electron/services/demo-data';

let small: BundleContent;
let large: BundleContent;
let largeMs = 0;

function totalBytes(content: BundleContent): number {
  const ndjson = content.cases.map((c) => JSON.stringify(c)).join('\n');
  return Buffer.byteLength(ndjson) + content.files.reduce((sum, f) => sum + f.bytes.length, 0);
}

function filesByPath(content: BundleContent): Map<string, Uint8Array> {
  return new Map(content.files.map((f) => [f.path, f.bytes]));
}

/** A PDF read back with pdf-lib, and the strings its page shows (pdf-lib writes them as <hex> Tj). */
async function readPdf(bytes: Uint8Array): Promise<{ doc: PDFDocument; shown: string[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const contents = doc.getPage(0).node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const stream = refs
    .map((ref) => {
      const raw = doc.context.lookup(ref);
      if (!(raw instanceof PDFRawStream)) throw new Error('the page content is not a stream');
      return new TextDecoder('latin1').decode(decodePDFRawStream(raw).decode());
    })
    .join('\n');
  const shown = [...stream.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'));
  return { doc, shown };
}

describe('demo bundle evidence files', () => {
  beforeAll(async () => {
    small = await generateDemoBundleContent({ cases: 60, seed: 1015 });
    const started = performance.now();
    large = await generateDemoBundleContent({ cases: 200, seed: 7 });
    largeMs = performance.now() - started;
  });

  it('has a file for every document and a document for every file, in its own case folder', () => {
    for (const content of [small, large]) {
      const paths = content.files.map((f) => f.path);
      expect(new Set(paths).size).toBe(paths.length);
      const referenced = new Set<string>();
      for (const c of content.cases) {
        for (const d of c.documents) {
          expect(paths, d.file).toContain(d.file);
          expect(d.file.startsWith(`evidence/${c.caseId}/`), d.file).toBe(true);
          expect(DOCUMENT_KINDS).toContain(d.kind);
          expect(EVIDENCE_MEDIA_TYPES).toContain(d.mediaType);
          expect(d.title).toMatch(/[가-힣]/);
          referenced.add(d.file);
        }
      }
      expect(paths.filter((p) => !referenced.has(p))).toEqual([]);
    }
  });

  it('matches file names and media types', () => {
    const expected: Record<string, string> = { pdf: 'application/pdf', csv: 'text/csv', png: 'image/png', txt: 'text/plain' };
    for (const c of small.cases) for (const d of c.documents) expect(d.mediaType).toBe(expected[d.file.split('.').pop()!]);
  });

  it('writes CSV sales exports as Korean Excel does, with exactly the case daily sales', () => {
    const files = filesByPath(large);
    let checked = 0;
    for (const c of large.cases) {
      for (const d of c.documents.filter((doc) => doc.mediaType === 'text/csv')) {
        const bytes = files.get(d.file)!;
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
        expect(lines[0]).toBe('일자,매출액');
        expect(lines[lines.length - 1]).toBe('');
        const rows = lines.slice(1, -1).map((line) => {
          const [date, amount] = line.split(',');
          return { date, amount: Number(amount) };
        });
        expect(rows).toEqual(c.dailySales);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('writes small PDF certificates that pdf-lib reads, with fixed metadata', async () => {
    const files = filesByPath(small);
    const pdfs = small.cases.flatMap((c) => c.documents.filter((d) => d.mediaType === 'application/pdf').map((d) => ({ c, bytes: files.get(d.file)! })));
    expect(pdfs.length).toBeGreaterThan(50);
    for (const { c, bytes } of pdfs) {
      expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeLessThan(8_000);
      const { doc, shown } = await readPdf(bytes);
      expect(doc.getPageCount()).toBe(1);
      expect(shown).toContain('Small Business Confirmation');
      expect(shown).toContain(`Council case ${c.caseId}`);
      // The certificate has the true number; a typo on the form shows against it.
      const printed = shown.find((t) => /^\d{3}-\d{2}-\d{5}$/.test(t))!;
      expect(isValidRegistrationNo(printed)).toBe(true);
      if (isValidRegistrationNo(c.business.registrationNo)) expect(printed).toBe(formatRegistrationNo(c.business.registrationNo));
      else expect(normalizeRegistrationNo(printed).slice(0, 9)).toBe(normalizeRegistrationNo(c.business.registrationNo).slice(0, 9));
      // Romanised names only: the standard fonts have no Hangul.
      expect(shown.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
      // Fixed metadata, nothing from pdf-lib's defaults or the clock.
      expect(doc.getProducer()).toBe('Council Desk demo data');
      expect(doc.getCreator()).toBe('Council Desk');
      expect(doc.getSubject()).toBe(`Council case ${c.caseId}`);
      const issued = shown.find((t) => t.startsWith('Issued '))!.slice('Issued '.length);
      expect(doc.getCreationDate()?.toISOString()).toBe(new Date(`${issued}T10:00:00+09:00`).toISOString());
      expect(doc.getModificationDate()?.toISOString()).toBe(doc.getCreationDate()?.toISOString());
      expect([2022, 2023]).toContain(doc.getCreationDate()?.getUTCFullYear());
    }
  });

  it('writes PNG screenshots and charts that pngjs decodes, each under 10 KB', () => {
    const files = filesByPath(large);
    let checked = 0;
    for (const c of large.cases) {
      for (const d of c.documents.filter((doc) => doc.mediaType === 'image/png')) {
        const bytes = files.get(d.file)!;
        expect(bytes.length, d.file).toBeLessThan(10_000);
        const png = PNG.sync.read(Buffer.from(bytes));
        expect(png.width * png.height).toBeGreaterThan(50_000);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('writes bank account documents in Korean that name the account holder', () => {
    const files = filesByPath(small);
    for (const c of small.cases) {
      const doc = c.documents.find((d) => d.kind === 'bank-account');
      if (!doc) continue;
      const text = new TextDecoder().decode(files.get(doc.file));
      expect(text).toContain('통장 사본');
      expect(text).toContain(`신청 상호: ${c.business.name}`);
      expect(text).toMatch(/예금주: [가-힣]{2,4}/);
    }
  });

  it('keeps bundles small and generation fast', () => {
    expect(totalBytes(small)).toBeLessThan(2_000_000);
    expect(totalBytes(large)).toBeLessThan(8_000_000);
    expect(largeMs).toBeLessThan(10_000);
  });
});
