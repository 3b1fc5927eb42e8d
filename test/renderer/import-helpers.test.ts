import { describe, expect, it } from 'vitest';
import type { BundleReport } from '../../shared/bundle-report';
import { formatProblem } from '../../shared/problems/problem-format';
import { formatBytes } from '../../renderer/common/format/bytes';
import { i18n } from '../../renderer/common/i18n';
import { EvidenceAssembler } from '../../renderer/bundles/import/evidence-assembler';
import { inboxState } from '../../renderer/bundles/import/inbox-state';
import { fileNameOf } from '../../renderer/bundles/import/import-outcome';
import { progressFraction, secondsLeft } from '../../renderer/bundles/import/progress-estimate';
import { elapsedNow } from '../../renderer/bundles/import/time-left-clock';
import { groupProblems } from '../../renderer/bundles/report/problem-groups';
import { problemLine, reportFileName } from '../../renderer/bundles/report/report-text';
import { bundleFixture } from './support/bundle-fixture';

const progress = (over: Partial<Parameters<typeof secondsLeft>[0]>) => ({
  casesRead: 0,
  evidenceRead: 0,
  bytesRead: 0,
  bytesTotal: 0,
  casesTotal: 100,
  evidenceTotal: 0,
  elapsedMs: 0,
  fileName: 'x.cdbundle',
  bundleId: 'B',
  ...over,
});

describe('import progress', () => {
  it('measures by bytes when there are any, else by cases', () => {
    expect(progressFraction(progress({ bytesRead: 25, bytesTotal: 100, casesRead: 90 }))).toBe(0.25);
    expect(progressFraction(progress({ casesRead: 40 }))).toBe(0.4);
    expect(progressFraction(progress({ casesTotal: 0 }))).toBe(0);
  });

  it('estimates the time left from the rate so far', () => {
    expect(secondsLeft(progress({ casesRead: 25, elapsedMs: 10_000 }))).toBe(30);
    expect(secondsLeft(progress({ bytesRead: 1, bytesTotal: 3, elapsedMs: 2_000 }))).toBe(4);
    expect(secondsLeft(progress({ casesRead: 0, elapsedMs: 10_000 }))).toBeNull();
    expect(secondsLeft(progress({ casesRead: 50, elapsedMs: 100 }))).toBeNull();
    expect(secondsLeft(progress({ casesRead: 100, elapsedMs: 5_000 }))).toBe(0);
  });

  it('measures the rate from the first progress made, so that the slow start does not count', () => {
    // 10% after 4 s of opening and checking, 30% at 6 s: 10% a second since, so 7 s for the 70% left (not 14 s)
    const rateFrom = { elapsedMs: 4_000, fraction: 0.1 };
    expect(secondsLeft(progress({ bytesRead: 30, bytesTotal: 100, elapsedMs: 6_000, rateFrom }))).toBe(7);
    expect(secondsLeft(progress({ bytesRead: 10, bytesTotal: 100, elapsedMs: 4_000, rateFrom }))).toBeNull();
    expect(secondsLeft(progress({ bytesRead: 12, bytesTotal: 100, elapsedMs: 4_100, rateFrom }))).toBeNull();
    expect(secondsLeft(progress({ bytesRead: 100, bytesTotal: 100, elapsedMs: 4_100, rateFrom }))).toBe(0);
  });

  it('counts the time left down between progress events, and not below a second before the end', () => {
    // 10% a second since the first progress (at 4 s, 10%): at 30% (6 s), 7 s for the 70% left
    const rateFrom = { elapsedMs: 4_000, fraction: 0.1 };
    const at30 = progress({ bytesRead: 30, bytesTotal: 100, elapsedMs: 6_000, rateFrom });
    expect(secondsLeft(at30, 6_000)).toBe(7);
    // the chunk after it is still being written: the time goes on
    expect(secondsLeft(at30, 7_000)).toBe(6);
    expect(secondsLeft(at30, 8_400)).toBe(5);
    // slower than the rate so far: it stays at a second until the next progress says more
    expect(secondsLeft(at30, 20_000)).toBe(1);
    // a clock read before the progress counts nothing back
    expect(secondsLeft(at30, 5_000)).toBe(7);
    expect(secondsLeft(progress({ bytesRead: 100, bytesTotal: 100, elapsedMs: 9_000, rateFrom }), 20_000)).toBe(0);
    expect(secondsLeft(progress({ bytesRead: 10, bytesTotal: 100, elapsedMs: 4_000, rateFrom }), 9_000)).toBeNull();
  });

  it("reads the import's clock now from its last progress and when that came", () => {
    expect(elapsedNow({ elapsedMs: 6_000 }, 1_000_500, 1_001_750)).toBe(7_250);
    expect(elapsedNow({ elapsedMs: 6_000 }, 1_000_500, 1_000_000)).toBe(6_000);
  });

  it('formats sizes in powers of 1000', () => {
    expect(formatBytes(640, 'ko')).toBe('640 B');
    expect(formatBytes(2_500_000, 'en')).toBe('2.5 MB');
    expect(formatBytes(61_234_567, 'ko')).toBe('61.2 MB');
    expect(formatBytes(4_300_000_000, 'en')).toBe('4.3 GB');
    // A figure that rounds up to 1000 is the next unit's 1 (a storage all but full: "1 GB of 1 GB").
    expect(formatBytes(999_999_950, 'ko')).toBe('1 GB');
    expect(formatBytes(999_960, 'en')).toBe('1 MB');
    expect(formatBytes(999_940, 'en')).toBe('999.9 kB');
    expect(formatBytes(1_499_700_000, 'ko')).toBe('1.5 GB');
  });
});

describe('report helpers', () => {
  type ReportProblem = BundleReport['errors'][number];
  const p = (kind: ReportProblem['kind'], n: number): ReportProblem => ({ kind, file: `f${n}`, line: null, path: '', code: 'TEST_PROBLEM', params: {}, message: `m${n}` });

  it('groups problems in the order of the kinds, counting all but listing the shown', () => {
    const all = [p('case', 1), p('hash', 2), p('case', 3), p('zip', 4)];
    const groups = groupProblems(all, all.slice(0, 2));
    expect(groups.map((g) => [g.kind, g.count, g.problems.map((x) => x.file)])).toEqual([
      ['zip', 1, []],
      ['hash', 1, ['f2']],
      ['case', 2, ['f1']],
    ]);
  });

  it('writes a problem in the one problem format, file line N, path: message, leaving out what is not there', () => {
    const t = i18n.getFixedT('en');
    // Codes this UI does not know: the reader's message is shown as it is.
    const unknown = { kind: 'case' as const, file: 'cases.ndjson', line: 12, path: 'claimedLoss', code: 'TEST_PROBLEM', params: {}, message: 'must be a whole number' };
    expect(problemLine(t, unknown, 'en')).toBe('cases.ndjson line 12, claimedLoss: must be a whole number');
    expect(problemLine(t, unknown, 'en')).toBe(formatProblem(unknown));
    expect(problemLine(t, { kind: 'zip', file: 'a.cdbundle', line: null, path: '', code: 'TEST_PROBLEM', params: {}, message: 'not a ZIP file' }, 'en')).toBe('a.cdbundle: not a ZIP file');
    const ko = i18n.getFixedT('ko');
    const known = { kind: 'case' as const, file: 'cases.ndjson', line: 1234, path: 'claimedLoss', code: 'AMOUNT_NEGATIVE', params: {}, message: 'must not be negative' };
    expect(problemLine(ko, known, 'ko')).toBe('cases.ndjson 1,234행, claimedLoss: 금액은 음수일 수 없습니다.');
  });

  it('suggests a report file name the save dialog accepts', () => {
    expect(reportFileName('batch 7.cdbundle')).toBe('batch 7-report.txt');
    expect(reportFileName('a:b?.CDBUNDLE')).toBe('a_b_-report.txt');
    expect(reportFileName('.cdbundle')).toBe('bundle-report.txt');
    expect(fileNameOf('C:\\Users\\secretary\\batch7.cdbundle')).toBe('batch7.cdbundle');
    expect(fileNameOf('/sync/inbox/batch7.cdbundle')).toBe('batch7.cdbundle');
  });
});

describe('inbox state', () => {
  const stored = [{ bundleId: 'B1', manifestSha256: 'aa', status: 'ready' as const }, { bundleId: 'B2', manifestSha256: 'bb', status: 'importing' as const }];
  const entry = (bundleId: string | null, manifestSha256: string | null) => ({ path: '/p', fileName: 'f', size: 1, modifiedAt: '', bundleId, manifestSha256 });
  it('tells new, imported, other content and unreadable apart', () => {
    expect(inboxState(entry('B1', 'aa'), stored)).toBe('imported');
    expect(inboxState(entry('B1', 'zz'), stored)).toBe('conflict');
    expect(inboxState(entry('B2', 'bb'), stored)).toBe('new');
    expect(inboxState(entry('B3', 'cc'), stored)).toBe('new');
    expect(inboxState(entry(null, null), stored)).toBe('unreadable');
  });
});

describe('evidence assembler', () => {
  it('says which files the cases point to never arrived, and stores no file twice', () => {
    const fixture = bundleFixture();
    const assembler = new EvidenceAssembler('B', fixture.summary.manifest.files);
    assembler.addCases(fixture.cases);
    const [pos] = fixture.files;
    assembler.addPieces([{ file: pos!.file, bytes: pos!.bytes, last: true }]);
    assembler.addPieces([{ file: pos!.file, bytes: pos!.bytes, last: true }]);
    expect(assembler.takeReady().map((d) => d.file)).toEqual([pos!.file]);
    expect(assembler.missingFiles().sort()).toEqual(fixture.files.slice(1, 4).map((f) => f.file).sort());
  });

  it('makes a document of pieces given as Blobs (browser mode) as of Uint8Arrays, with its media type and size', async () => {
    // (the bridge gives ranges of its answer's Blob; a Blob behaves as one)
    const fixture = bundleFixture();
    const assembler = new EvidenceAssembler('B', fixture.summary.manifest.files);
    assembler.addCases(fixture.cases);
    const [pos, second] = fixture.files;
    const half = Math.floor(pos!.bytes.length / 2);
    assembler.addPieces([{ file: pos!.file, bytes: new Blob([pos!.bytes.slice(0, half) as BlobPart]), last: false }]);
    assembler.addPieces([{ file: pos!.file, bytes: pos!.bytes.slice(half), last: true }]);
    assembler.addPieces([{ file: second!.file, bytes: new Blob([second!.bytes as BlobPart]), last: true }]);
    const [first, other] = assembler.takeReady();
    expect([first!.file, first!.size, first!.blob.size]).toEqual([pos!.file, pos!.bytes.length, pos!.bytes.length]);
    expect([...new Uint8Array(await first!.blob.arrayBuffer())]).toEqual([...pos!.bytes]);
    expect(first!.blob.type).toBe(fixture.cases.flatMap((c) => c.documents).find((d) => d.file === pos!.file)!.mediaType);
    expect([...new Uint8Array(await other!.blob.arrayBuffer())]).toEqual([...second!.bytes]);
  });
});
