import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BundleReport } from '../../shared/bundle-report';
import { bundleFixture, failingAt } from './support/bundle-fixture';
import { openBundlesScreen } from './support/bundles-screen';
import { TRUSTED_KEYID } from './support/demo-council';
import { scriptFromFixture, scriptImport } from './support/scripted-import';

type ReportProblem = BundleReport['errors'][number];
// Problems with codes this UI does not know, so the screen shows their English messages.
const hashProblem = (i: number): ReportProblem => ({
  kind: 'hash',
  file: `evidence/1015-${String(i).padStart(6, '0')}/pos.csv`,
  line: null,
  path: `files["evidence/1015-${String(i).padStart(6, '0')}/pos.csv"]`,
  code: 'TEST_HASH',
  params: {},
  message: 'The SHA-256 of this file differs from the one the manifest lists.',
});
const caseProblem: ReportProblem = { kind: 'case', file: 'cases.ndjson', line: 3, path: 'business.registrationNo', code: 'TEST_CHECK_DIGIT', params: {}, message: 'The check digit of the business registration number is wrong.' };
const zipProblem: ReportProblem = { kind: 'entry-name', file: 'broken.cdbundle', line: null, path: '', code: 'TEST_NAME', params: {}, message: 'An entry name contains "..".' };
const warning: ReportProblem = { kind: 'evidence', file: 'evidence/1015-000007/scan.pdf', line: null, path: '', code: 'TEST_UNREFERENCED', params: {}, message: 'No case points to this file.' };

function brokenReport(): BundleReport {
  const errors = [caseProblem, ...Array.from({ length: 104 }, (_, i) => hashProblem(i + 1)), zipProblem];
  return {
    valid: false,
    fileName: 'broken.cdbundle',
    bundleId: '1015-2023-B09',
    caseCount: 40,
    signedBy: null,
    signature: { state: 'untrusted', keyid: 'f'.repeat(64) },
    errors,
    warnings: [warning],
    errorCount: 130,
  };
}

async function showReport(report: BundleReport) {
  const app = await openBundlesScreen();
  app.bridge.importBegin.mockResolvedValue({ ok: true, value: { started: false, report } });
  app.bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: '/inbox/broken.cdbundle' });
  await app.user.click(app.view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
  const region = await app.view.findByRole('region', { name: '검증 보고서' });
  return { ...app, region, inRegion: within(region) };
}

describe('validation report', () => {
  it('names the file, the signature in words and the error count, and groups the errors by kind', async () => {
    const { region, inRegion } = await showReport(brokenReport());
    expect(inRegion.getByRole('alert').textContent).toBe('broken.cdbundle은(는) 검증을 통과하지 못해 불러오지 않았습니다. 아무것도 저장하지 않았습니다.');
    expect(inRegion.getByTestId('report-signature').textContent).toBe('신뢰하지 않는 키로 서명됨 (ffffffffffff)');
    expect(inRegion.getByTestId('report-error-count').textContent).toBe('130건');

    const headings = inRegion.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['파일 이름 (1건)', '해시 불일치 (104건)', '사건 내용 (1건)', '경고 (1건)']);
    const items = inRegion.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('cases.ndjson 3행, business.registrationNo: The check digit of the business registration number is wrong.');
    expect(items).toContain('evidence/1015-000001/pos.csv, files["evidence/1015-000001/pos.csv"]: The SHA-256 of this file differs from the one the manifest lists.');
    expect(items).toContain('evidence/1015-000007/scan.pdf: No case points to this file.');
    // The first 100 errors are shown (1 case + 99 hash), the warning apart; the rest are counted.
    expect(items).toHaveLength(101);
    expect(items.some((text) => text?.includes('1015-000100/pos.csv'))).toBe(false);
    expect(items.some((text) => text?.includes('1015-000099/pos.csv'))).toBe(true);
    expect(region.querySelector('[data-kind="entry-name"] li')).toBeNull();
    expect(inRegion.getByText('외 30건이 더 있습니다. 전체 목록은 보고서를 저장해서 보세요.')).toBeTruthy();
    expect(region.querySelector('b, img, script')).toBeNull();
  });

  it('saves the whole report as text, every error and warning in it', async () => {
    const { inRegion, bridge, user } = await showReport(brokenReport());
    await user.click(inRegion.getByRole('button', { name: '보고서 저장…' }));
    await waitFor(() => expect(bridge.saveTextFile).toHaveBeenCalledTimes(1));
    const { suggestedName, text } = bridge.saveTextFile.mock.calls[0]![0];
    expect(suggestedName).toBe('broken-report.txt');
    expect(text).toContain('파일: broken.cdbundle');
    expect(text).toContain('묶음 ID: 1015-2023-B09');
    expect(text).toContain('서명: 신뢰하지 않는 키로 서명됨 (ffffffffffff)');
    expect(text).toContain('오류: 130건');
    expect(text).toContain('해시 불일치 (104건)');
    for (let i = 1; i <= 104; i += 1) expect(text).toContain(`- ${hashProblem(i).file}, ${hashProblem(i).path}: `);
    expect(text).toContain('- cases.ndjson 3행, business.registrationNo: The check digit');
    expect(text).toContain('- broken.cdbundle: An entry name contains "..".');
    expect(text).toContain('검사기가 목록에 담지 않은 오류가 24건 더 있습니다.');
    expect(text).toContain('경고 (1건)\n- evidence/1015-000007/scan.pdf: No case points to this file.');
    expect(await inRegion.findByText('보고서를 저장했습니다: /home/secretary/broken-report.txt')).toBeTruthy();
  });

  it('shows a failed save with its code', async () => {
    const { inRegion, bridge, user } = await showReport(brokenReport());
    bridge.saveTextFile.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'Council Desk could not complete "saveTextFile": ENOSPC: no space left on device' } });
    await user.click(inRegion.getByRole('button', { name: '보고서 저장…' }));
    const alerts = await inRegion.findAllByRole('alert');
    expect(alerts.at(-1)?.textContent).toContain('보고서를 저장하지 못했습니다.오류 코드 INTERNAL: Council Desk could not complete "saveTextFile": ENOSPC: no space left on device');
  });

  it('is shown for a check that fails mid-way, with the signature of a trusted bundle in words', async () => {
    const app = await openBundlesScreen();
    const fixture = bundleFixture();
    scriptImport(app.bridge, scriptFromFixture(fixture, failingAt(fixture, 1, [caseProblem])));
    app.bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: '/inbox/batch8.cdbundle' });
    await app.user.click(app.view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    const region = within(await app.view.findByRole('region', { name: '검증 보고서' }));
    expect(region.getByTestId('report-signature').textContent).toBe(`서명됨: 카카오 1015 소상공인 지원센터 (${TRUSTED_KEYID.slice(0, 12)})`);
    expect(region.getByRole('heading', { name: '사건 내용 (1건)' })).toBeTruthy();
    expect(await app.db.bundles.get(fixture.summary.manifest.bundleId)).toBeUndefined();
  });

  it('says "unsigned" and "not checked" in words', async () => {
    const report = { ...brokenReport(), signature: { state: 'unsigned' as const }, errors: [caseProblem], errorCount: 1, warnings: [] };
    const first = await showReport(report);
    expect(first.inRegion.getByTestId('report-signature').textContent).toBe('서명 없음');
    expect(first.inRegion.queryByText(/^외 /)).toBeNull();
    first.unmount();
    const second = await showReport({ ...report, signature: null });
    expect(second.inRegion.getByTestId('report-signature').textContent).toBe('확인하지 못함');
  });

  it('says coded problems in Korean, sizes and counts formatted, and an unknown code in the reader\'s English', async () => {
    const actual = 'a'.repeat(64);
    const listed = 'b'.repeat(64);
    const coded: ReportProblem[] = [
      {
        kind: 'hash',
        file: 'evidence/1015-000001/pos.csv',
        line: null,
        path: '',
        message: `has SHA-256 ${actual}, but the manifest (manifest.json) lists ${listed}: the file was changed or damaged after the bundle was made`,
        code: 'HASH_MISMATCH',
        params: { actual, listed, manifestFile: 'manifest.json' },
      },
      {
        kind: 'case',
        file: 'cases.ndjson',
        line: 1234,
        path: 'business.registrationNo',
        message: 'must be a 10-digit business registration number like 123-45-67891',
        code: 'REGISTRATION_NO_FORMAT',
        params: {},
      },
      { kind: 'files', file: 'manifest.json', line: null, path: 'caseCount', message: 'is 5, but cases.ndjson holds 1,200 cases (one per line)', code: 'CASE_COUNT_MISMATCH', params: { declared: 5, actual: 1200 } },
      { kind: 'limits', file: 'cases.ndjson', line: null, path: '', message: 'unpacks to more than 16 MiB, more than one file of a bundle may hold', code: 'LIMIT_ENTRY_SIZE', params: { maxBytes: 16_000_000 } },
      { kind: 'zip', file: 'broken.cdbundle', line: null, path: '', message: 'has a problem a newer reader knows', code: 'SOMETHING_NEW', params: { x: 1 } },
    ];
    const report = { ...brokenReport(), errors: coded, errorCount: coded.length, warnings: [{ ...warning, message: 'is listed in the manifest, but no case points to it; it will not be imported', code: 'EVIDENCE_UNREFERENCED', params: {} }] };
    const { inRegion, bridge, user } = await showReport(report);
    const items = inRegion.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain(
      `evidence/1015-000001/pos.csv: SHA-256 해시 ${actual}이(가) 묶음 목록(manifest.json)에 적힌 ${listed}와(과) 다릅니다. 사건 묶음을 만든 뒤 파일이 바뀌었거나 손상되었습니다.`,
    );
    expect(items).toContain('cases.ndjson 1,234행, business.registrationNo: 사업자등록번호는 123-45-67891처럼 10자리 숫자여야 합니다.');
    expect(items).toContain('manifest.json, caseCount: 사건 수가 5건으로 적혀 있지만 cases.ndjson에는 1,200건(한 줄에 한 건)이 있습니다.');
    expect(items).toContain('cases.ndjson: 압축을 풀면 사건 묶음의 파일 하나에 허용되는 16 MB를 넘습니다.');
    expect(items).toContain('broken.cdbundle: has a problem a newer reader knows');
    expect(items).toContain('evidence/1015-000007/scan.pdf: 묶음 목록에 있지만 이 파일을 가리키는 사건이 없어 불러오지 않습니다.');

    await user.click(inRegion.getByRole('button', { name: '보고서 저장…' }));
    await waitFor(() => expect(bridge.saveTextFile).toHaveBeenCalledTimes(1));
    const { text } = bridge.saveTextFile.mock.calls[0]![0];
    expect(text).toContain('- cases.ndjson 1,234행, business.registrationNo: 사업자등록번호는 123-45-67891처럼 10자리 숫자여야 합니다.');
    expect(text).toContain('다릅니다. 사건 묶음을 만든 뒤 파일이 바뀌었거나 손상되었습니다.');
    expect(text).toContain('- broken.cdbundle: has a problem a newer reader knows');
  });
});
