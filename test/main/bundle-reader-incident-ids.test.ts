/**
 * The bundle reader on the incident's dates (real dates, in order, the outage inside the baseline)
 * and on case ids (not "." or "..", unique ignoring case): each refused with its code, the file,
 * the line and the JSON path.
 */
import { describe, expect, it } from 'vitest';
import { editCase, pack, tinyParts } from './fixtures/bundle-parts';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';

const dir = bundleFolder();

async function withIncident(edit: (incident: Record<string, any>) => void) {
  const parts = tinyParts();
  edit(parts.manifest.incident);
  return readZip(dir, pack(parts));
}

describe('the incident dates', () => {
  it('accept the 1015 incident: outage 15-21 October inside the baseline 1 September - 31 October', async () => {
    const report = await withIncident(() => {});
    expect(report.valid).toBe(true);
  });

  it.each<[string, (i: Record<string, any>) => void, string, string, Record<string, string>]>([
    [
      'an outage that ends before it starts',
      (i) => Object.assign(i, { outageFrom: '2022-10-21', outageTo: '2022-10-15' }),
      'incident.outageTo',
      'must not be before incident.outageFrom (2022-10-21)',
      { code: 'DATE_BEFORE', other: 'incident.outageFrom', otherDate: '2022-10-21' },
    ],
    [
      'a baseline that ends before it starts',
      (i) => Object.assign(i, { baselineFrom: '2022-10-31', baselineTo: '2022-09-01' }),
      'incident.baselineTo',
      'must not be before incident.baselineFrom (2022-10-31)',
      { code: 'DATE_BEFORE', other: 'incident.baselineFrom', otherDate: '2022-10-31' },
    ],
    [
      'an outage after the baseline',
      (i) => Object.assign(i, { outageFrom: '2022-11-05', outageTo: '2022-11-11' }),
      'incident.outageTo',
      'the outage (2022-11-05 to 2022-11-11) must lie inside the baseline period (2022-09-01 to 2022-10-31); otherwise every case is assessed against the wrong weeks',
      { code: 'OUTAGE_OUTSIDE_BASELINE', outageFrom: '2022-11-05', outageTo: '2022-11-11', baselineFrom: '2022-09-01', baselineTo: '2022-10-31' },
    ],
    [
      'an outage that starts before the baseline',
      (i) => Object.assign(i, { baselineFrom: '2022-10-17' }),
      'incident.outageFrom',
      'the outage (2022-10-15 to 2022-10-21) must lie inside the baseline period (2022-10-17 to 2022-10-31); otherwise every case is assessed against the wrong weeks',
      { code: 'OUTAGE_OUTSIDE_BASELINE', outageFrom: '2022-10-15', outageTo: '2022-10-21', baselineFrom: '2022-10-17', baselineTo: '2022-10-31' },
    ],
    [
      'a date that is not on the calendar',
      (i) => (i.baselineFrom = '2022-02-30'),
      'incident.baselineFrom',
      'is not a real calendar date',
      { code: 'DATE_NOT_REAL' },
    ],
  ])('refuse %s, naming the manifest and the JSON path', async (_what, edit, path, message, { code, ...params }) => {
    const report = await withIncident(edit);
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([{ kind: 'manifest', file: 'manifest.json', line: null, path, code, params, message }]);
    expect(errorTexts(report)).toEqual([`manifest.json, ${path}: ${message}`]);
    // the manifest is unusable: nothing else is read
    expect(report.caseCount).toBe(3);
  });

  it('compares no dates while one of them is not on the calendar (its own problem says enough)', async () => {
    const report = await withIncident((i) => (i.outageTo = '2022-13-01'));
    expect(errorTexts(report)).toEqual(['manifest.json, incident.outageTo: is not a real calendar date']);
  });

  it('names both ends of an outage that lies wholly outside the baseline, and an outage of one day is fine', async () => {
    const both = await withIncident((i) => Object.assign(i, { outageFrom: '2022-08-01', outageTo: '2022-12-01' }));
    expect(both.errors.map((e) => [e.path, e.code])).toEqual([
      ['incident.outageFrom', 'OUTAGE_OUTSIDE_BASELINE'],
      ['incident.outageTo', 'OUTAGE_OUTSIDE_BASELINE'],
    ]);
    const oneDay = await withIncident((i) => Object.assign(i, { outageFrom: '2022-10-31', outageTo: '2022-10-31' }));
    expect(oneDay.valid).toBe(true);
  });
});

describe('case ids', () => {
  it.each(['.', '..'])('refuse %s: it names the evidence folder itself or its parent', async (caseId) => {
    const parts = tinyParts();
    editCase(parts, 2, (r) => (r.caseId = caseId));
    const report = await readZip(dir, pack(parts));
    const message = 'must be 1 to 64 letters, digits, dots, hyphens or underscores, and not "." or ".."';
    expect(report.errors).toEqual([{ kind: 'case', file: 'cases.ndjson', line: 2, path: 'caseId', code: 'CASE_ID_FORMAT', params: {}, message }]);
  });

  it('accept dots inside an id', async () => {
    const parts = tinyParts();
    editCase(parts, 3, (r) => {
      r.caseId = '...1015.3';
      r.documents = [];
    });
    const report = await readZip(dir, pack(parts));
    expect(errorTexts(report)).toEqual([]);
  });

  it('refuse two ids equal ignoring case, naming both and the earlier line', async () => {
    const parts = tinyParts();
    editCase(parts, 1, (r) => {
      r.caseId = 'A-1';
      r.documents = [];
    });
    editCase(parts, 3, (r) => {
      r.caseId = 'a-1';
      r.documents = [];
    });
    const report = await readZip(dir, pack(parts));
    const message = 'a-1 differs from A-1 (line 1) only in upper/lower case; a case id names a folder, and the two would be one folder on Windows and macOS';
    expect(report.errors).toEqual([
      { kind: 'case', file: 'cases.ndjson', line: 3, path: 'caseId', code: 'CASE_ID_CASE_COLLISION', params: { caseId: 'a-1', other: 'A-1', earlierLine: 1 }, message },
    ]);
    expect(errorTexts(report)).toEqual([`cases.ndjson line 3, caseId: ${message}`]);
  });

  it('still call an exact repeat a duplicate', async () => {
    const parts = tinyParts();
    editCase(parts, 3, (r) => (r.caseId = '1015-000001'));
    const report = await readZip(dir, pack(parts));
    expect(report.errors.map((e) => e.code)).toEqual(['DUPLICATE_CASE_ID']);
  });
});
