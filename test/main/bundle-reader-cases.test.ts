/** The bundle reader on cases.ndjson: every problem names the file, the line and the JSON path. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../shared/schemas/case-record';
import { parseCaseRecord } from '../../electron/services/bundle-reader/case-schema';
import { casesOf, editCase, pack, setCases, tinyParts } from './fixtures/bundle-parts';
import { bundleFolder, errorTexts, readZip, warningTexts } from './fixtures/read-helpers';
import { bytesOf } from './fixtures/tiny-bundle';

const dir = bundleFolder();

async function withCase(line: number, edit: (record: Record<string, any>) => void) {
  const parts = tinyParts();
  editCase(parts, line, edit);
  return readZip(dir, pack(parts));
}

describe('each case line', () => {
  it('must be JSON', async () => {
    const parts = tinyParts();
    const lines = casesOf(parts).map((c) => JSON.stringify(c));
    lines[1] = '{"caseId": "1015-000002", ';
    setCases(parts, lines);
    const report = await readZip(dir, pack(parts));
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ kind: 'case', file: 'cases.ndjson', line: 2, path: '' });
    expect(errorTexts(report)[0]).toMatch(/^cases\.ndjson line 2: is not a readable case: the line is not valid JSON \(/);
  });

  it.each<[string, number, (r: Record<string, any>) => void, string]>([
    ['a registration number', 2, (r) => (r.business.registrationNo = '12-345'), 'cases.ndjson line 2, business.registrationNo: must be a 10-digit business registration number like 123-45-67891'],
    ['a fractional amount', 1, (r) => (r.dailySales[1].amount = 1.5), 'cases.ndjson line 1, dailySales[1].amount: must be a whole number of won (no decimals)'],
    ['a negative amount', 3, (r) => (r.claimedLoss = -1), 'cases.ndjson line 3, claimedLoss: must not be negative'],
    ['an amount out of range', 1, (r) => (r.dailySales[0].amount = 10_000_000_000_001), 'cases.ndjson line 1, dailySales[0].amount: is larger than 10,000,000,000,000 won'],
    ['an amount written as text', 1, (r) => (r.claimedLoss = '420000'), 'cases.ndjson line 1, claimedLoss: must be a number of won'],
    ['a date that does not exist', 2, (r) => (r.dailySales[0].date = '2022-02-30'), 'cases.ndjson line 2, dailySales[0].date: is not a real calendar date'],
    ['an unknown field in a daily sale', 1, (r) => (r.dailySales[0].note = 'x'), 'cases.ndjson line 1, dailySales[0].note: is not a field this file may have (check its spelling)'],
    ['a missing field', 3, (r) => delete r.claimedLoss, 'cases.ndjson line 3, claimedLoss: is missing'],
    ['missing daily sales', 3, (r) => delete r.dailySales, 'cases.ndjson line 3, dailySales: is missing'],
    ['a media type not allowed', 2, (r) => (r.documents[0].mediaType = 'text/html'), 'cases.ndjson line 2, documents[0].mediaType: must be one of application/pdf, image/png, image/jpeg, text/csv, text/plain'],
    ['a bad caseId', 3, (r) => (r.caseId = 'case 3/..'), 'cases.ndjson line 3, caseId: must be 1 to 64 letters, digits, dots, hyphens or underscores, and not "." or ".."'],
    ['an empty business name', 1, (r) => (r.business.name = ''), 'cases.ndjson line 1, business.name: must not be empty'],
    ['a receivedAt without offset', 1, (r) => (r.receivedAt = '2023-02-03T11:20:00'), 'cases.ndjson line 1, receivedAt: must be a date and time with an offset, like 2023-03-02T14:00:00+09:00'],
  ])('reports %s with its line and path', async (_what, line, edit, text) => {
    const report = await withCase(line, edit);
    expect(errorTexts(report)).toEqual([text]);
    expect(report.errors[0]).toMatchObject({ kind: 'case', file: 'cases.ndjson', line });
  });

  it('reports a date in another format as the shared schema does (format, then calendar)', async () => {
    const report = await withCase(2, (r) => (r.dailySales[1].date = '15.10.2022'));
    expect(errorTexts(report)).toEqual([
      'cases.ndjson line 2, dailySales[1].date: must be a date like 2022-10-15',
      'cases.ndjson line 2, dailySales[1].date: is not a real calendar date',
    ]);
  });

  it('requires a caseId unique in the bundle, naming the earlier line', async () => {
    const report = await withCase(3, (r) => (r.caseId = '1015-000001'));
    expect(errorTexts(report)).toEqual(['cases.ndjson line 3, caseId: 1015-000001 is also the caseId of line 1; each case in a bundle needs its own caseId']);
  });

  it('requires every document to be in the bundle, in the case\'s own evidence folder (kind evidence)', async () => {
    const missing = await withCase(2, (r) => (r.documents[0].file = 'evidence/1015-000002/gone.txt'));
    expect(missing.errors).toEqual([
      { kind: 'evidence', file: 'cases.ndjson', line: 2, path: 'documents[0].file', message: 'points to evidence/1015-000002/gone.txt, which is not in the bundle', code: 'EVIDENCE_MISSING', params: { name: 'evidence/1015-000002/gone.txt' } },
    ]);
    const elsewhere = await withCase(2, (r) => (r.documents[0] = { ...r.documents[0], file: 'evidence/1015-000001/pos.csv', mediaType: 'text/csv' }));
    expect(errorTexts(elsewhere)).toEqual([
      "cases.ndjson line 2, documents[0].file: points to evidence/1015-000001/pos.csv, but a case's evidence must be in its own folder evidence/1015-000002/",
    ]);
  });

  it('refuses a line longer than 1 MiB without holding it, and reads on', async () => {
    const parts = tinyParts();
    const lines = casesOf(parts).map((c) => JSON.stringify(c));
    // Incompressible text: a line of one repeated letter would trip the compression-ratio guard.
    lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), statement: randomBytes(1.2 * 1024 * 1024).toString('base64') });
    lines[2] = lines[2]!.replace('"claimedLoss":300000', '"claimedLoss":-3');
    setCases(parts, lines);
    const report = await readZip(dir, pack(parts));
    expect(errorTexts(report)).toEqual([
      'cases.ndjson line 2: is longer than 1 MiB; one case is normally a few KB, so this line was not read',
      'cases.ndjson line 3, claimedLoss: must not be negative',
    ]);
  });

  it('reports a line that is not UTF-8', async () => {
    const parts = tinyParts();
    const text = casesOf(parts).map((c) => JSON.stringify(c));
    const bad = Buffer.concat([Buffer.from(`${text[0]}\n`), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from(`${text[1]}\n${text[2]}\n`)]);
    parts.files.set('cases.ndjson', bad);
    const report = await readZip(dir, pack(parts, { recount: false }));
    expect(errorTexts(report)).toEqual(['cases.ndjson line 2: is not UTF-8 text', 'manifest.json, caseCount: is 3, but cases.ndjson holds 4 cases (one per line)']);
  });

  it('skips blank lines with a warning and accepts CRLF and a byte order mark', async () => {
    const parts = tinyParts();
    const lines = casesOf(parts).map((c) => JSON.stringify(c));
    parts.files.set('cases.ndjson', bytesOf(`\uFEFF${lines[0]}\r\n\r\n${lines[1]}\r\n${lines[2]}`));
    const report = await readZip(dir, pack(parts));
    expect(errorTexts(report)).toEqual([]);
    expect(warningTexts(report)).toContain('cases.ndjson line 2: is empty and was skipped');
    expect(report).toMatchObject({ valid: true, caseCount: 3 });
  });

  it('skips a run of blank lines as one warning, numbering the lines after it right; other white space is not JSON', async () => {
    const parts = tinyParts();
    const lines = casesOf(parts).map((c) => JSON.stringify(c));
    parts.files.set('cases.ndjson', bytesOf(`${lines[0]}\n${' \t\r\n'.repeat(999)}\n${lines[1]}\n\u00a0\n${lines[2]}\n`));
    const report = await readZip(dir, pack(parts, { recount: false }));
    expect(warningTexts(report)).toContain('cases.ndjson line 2: is empty and was skipped, and so are the 999 lines after it (to line 1,001)');
    expect(errorTexts(report)).toEqual([expect.stringMatching(/^cases\.ndjson line 1003: is not a readable case: the line is not valid JSON/), 'manifest.json, caseCount: is 3, but cases.ndjson holds 4 cases (one per line)']);
  });

  it('collects every problem up to maxErrors, then only counts the lines left and reads no more files', async () => {
    const parts = tinyParts();
    const base = casesOf(parts)[2]!;
    const lines = Array.from({ length: 10 }, (_, i) => ({ ...base, caseId: `1015-10${i}`, claimedLoss: -i - 1, bankAccountFingerprint: 'XYZ' }));
    setCases(parts, [...casesOf(parts), ...lines]);
    const all = await readZip(dir, pack(parts));
    expect(all.errorCount).toBe(20);
    expect(all.errors).toHaveLength(20);
    expect(errorTexts(all).slice(0, 2)).toEqual(['cases.ndjson line 4, claimedLoss: must not be negative', 'cases.ndjson line 4, bankAccountFingerprint: must be a lowercase hex fingerprint']);
    const capped = await readZip(dir, pack(parts), { limits: { maxErrors: 3 } });
    // lines 4 and 5 hold two errors each: the cap is reached on line 5, lines 6 to 13 are only counted
    expect(capped.errors).toHaveLength(3);
    expect(capped.errorCount).toBe(4);
    expect(capped.valid).toBe(false);
    expect(capped.linesNotChecked).toBe(8);
    const files = Object.keys(parts.manifest.files).filter((f) => f !== 'cases.ndjson').length;
    expect(files).toBeGreaterThan(0);
    expect(warningTexts(capped).slice(1)).toEqual([
      'cases.ndjson: holds 8 more lines (from line 6 on) that were not checked: checking stops once 3 errors are found',
      `batch7.cdbundle: holds ${files} more files listed in the manifest that were not checked: checking stops once 3 errors are found`,
    ]);
    expect(capped.filesNotChecked).toBe(files);
  });

  it('stops calling onCase after the first error, but goes on checking', async () => {
    const parts = tinyParts();
    editCase(parts, 2, (r) => (r.claimedLoss = -2));
    const seen: number[] = [];
    const report = await readZip(dir, pack(parts), { onCase: (_r, line) => void seen.push(line), onEvidencePiece: () => void seen.push(-1) });
    expect(seen).toEqual([1]);
    expect(report.errorCount).toBe(1);
  });

  it('does not call onManifest (nor anything after) when the directory already has an error', async () => {
    const calls: string[] = [];
    const report = await readZip(dir, pack(tinyParts(), { extra: [{ name: 'stray.txt', data: bytesOf('x') }] }), {
      onManifest: () => void calls.push('manifest'),
      onCase: () => void calls.push('case'),
    });
    expect(calls).toEqual([]);
    expect(report.valid).toBe(false);
  });
});

describe('the reader\'s case schema', () => {
  it('gives the shared schema\'s verdict, record and problems', () => {
    const base = casesOf(tinyParts())[0]!;
    const variants: unknown[] = [
      base,
      { ...base, dailySales: [] },
      { ...base, dailySales: [{ date: '2022-09-03', amount: 0 }, { date: '2024-02-29', amount: 10_000_000_000_000 }] },
      { ...base, dailySales: [{ date: '2023-02-29', amount: 1 }] },
      { ...base, dailySales: [{ date: '2022-09-03', amount: -0 }] },
      { ...base, dailySales: [{ date: '2022-09-03', amount: 1e300 }] },
      { ...base, dailySales: [{ date: '2022-09-03' }] },
      { ...base, dailySales: [{ date: '2022-09-03', amount: 1, extra: 1 }] },
      { ...base, dailySales: [null] },
      { ...base, dailySales: [[]] },
      { ...base, dailySales: 'none' },
      { ...base, dailySales: Array.from({ length: 401 }, () => ({ date: '2022-09-03', amount: 1 })) },
      { ...base, dailySales: [{ date: ' 2022-09-03', amount: 1 }] },
      { ...base, claimedLoss: -1, dailySales: [{ date: 'x', amount: 1 }] },
      JSON.parse('{"__proto__": {"x": 1}}'),
      [],
      null,
      'case',
    ];
    for (const v of variants) {
      const shared = caseRecordSchema.safeParse(v);
      const reader = parseCaseRecord(v);
      expect(reader.success).toBe(shared.success);
      if (shared.success && reader.success) expect(reader.data).toEqual(shared.data);
      if (!shared.success && !reader.success) {
        const key = (i: { path: PropertyKey[]; message: string }) => `${i.path.join('.')}: ${i.message}`;
        expect(new Set(reader.issues.map(key))).toEqual(new Set(shared.error.issues.map((i) => key({ path: [...i.path], message: i.message }))));
      }
    }
  });
});
