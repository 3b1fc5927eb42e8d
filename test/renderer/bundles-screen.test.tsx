import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bundleFixture, FIXTURE_BUNDLE_ID } from './support/bundle-fixture';
import { openBundlesScreen } from './support/bundles-screen';
import { IMPORT_ID, scriptFromFixture, scriptImport } from './support/scripted-import';

const PATH = '/home/secretary/Downloads/batch8.cdbundle';

describe('Bundles screen: importing', () => {
  it('opens a bundle file, shows the progress with counts and Cancel, then the result and the new bundle', async () => {
    const { user, bridge, view, db } = await openBundlesScreen({}, { requireSignature: false, trustFile: '/keys/trust.json' });
    const script = scriptImport(bridge, scriptFromFixture(bundleFixture()));
    const release = script.hold(2);
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });

    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));

    const bar = await view.findByRole('progressbar', { name: '사건 묶음 불러오기 진행률' });
    await waitFor(() => expect(view.getByTestId('import-counts').textContent).toBe('사건 3 / 4 · 증빙 3 / 5'));
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(bar.getAttribute('aria-valuetext')).toContain('사건 3 / 4');
    const f = bundleFixture();
    const second = f.chunks[1]!;
    if (second.kind !== 'data') throw new Error('fixture');
    expect(view.getByTestId('import-bytes').textContent).toBe(`${second.progress.bytesRead} B / ${f.summary.bytesTotal} B`);
    expect(view.getByTestId('import-time-left').textContent).toMatch(/^남은 시간/);
    expect(view.getByRole('heading', { name: 'batch8.cdbundle 불러오는 중' })).toBeTruthy();
    expect(view.getByRole('button', { name: '불러오기 취소' })).toHaveProperty('disabled', false);
    // kept focusable while busy, so the keyboard's place is not lost
    expect(view.getByRole('button', { name: '사건 묶음 파일 열기…' }).getAttribute('aria-disabled')).toBe('true');
    // Only the path: how it is checked is the main process's own setting.
    expect(bridge.importBegin).toHaveBeenCalledWith({ path: PATH });

    release();
    const notice = await view.findByText('batch8.cdbundle을(를) 불러왔습니다: 사건 4건, 증빙 4건, 보완된 사건 0건.');
    // said once, by the shell's polite live region
    expect(screen.getByTestId('announcer-polite').textContent).toBe('batch8.cdbundle을(를) 불러왔습니다: 사건 4건, 증빙 4건, 보완된 사건 0건.');
    expect(view.queryByRole('progressbar')).toBeNull();
    const row = view.getByRole('row', { name: new RegExp(FIXTURE_BUNDLE_ID) });
    expect(Array.from(row.querySelectorAll('th, td'), (c) => c.textContent)).toEqual([
      FIXTURE_BUNDLE_ID,
      '1015 소상공인 신청 8차분 (보완)',
      '4',
      '4',
      '1015-small-business-2022-12',
      expect.stringMatching(/^서명됨: 카카오 1015 소상공인 지원센터 \(a1b2c3d4e5f6\)$/),
      expect.any(String),
      '사용 가능',
    ]);
    expect(await db.cases.count()).toBe(7);
  });

  it('cancels a running import: nothing is stored and the notice says so', async () => {
    const { user, bridge, view, db } = await openBundlesScreen();
    const script = scriptImport(bridge, scriptFromFixture(bundleFixture()));
    script.hold(1); // the main process never answers: Cancel must not wait for it
    let cancelled = () => undefined as void;
    bridge.importCancel.mockImplementation(() => new Promise((resolve) => (cancelled = () => resolve({ ok: true, value: undefined }))));
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    const before = await db.cases.count();

    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    await waitFor(() => expect(view.getByTestId('import-counts').textContent).toBe('사건 2 / 4 · 증빙 2 / 5'));
    await user.click(view.getByRole('button', { name: '불러오기 취소' }));
    expect(view.getByRole('button', { name: '불러오기 취소' }).getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(view.getByRole('button', { name: '불러오기 취소' }));
    expect(view.getByRole('status').textContent).toBe('취소하는 중…');
    await waitFor(() => expect(bridge.importCancel).toHaveBeenCalled());
    cancelled();

    expect(await view.findByText('batch8.cdbundle 불러오기를 취소했습니다. 아무것도 저장하지 않았습니다.')).toBeTruthy();
    // the panel went with focus on Cancel: the keyboard is back on the button that opens a bundle
    await waitFor(() => expect(document.activeElement).toBe(view.getByRole('button', { name: '사건 묶음 파일 열기…' })));
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(await db.cases.count()).toBe(before);
    expect(await db.bundles.get(FIXTURE_BUNDLE_ID)).toBeUndefined();
    expect(view.queryByRole('row', { name: new RegExp(FIXTURE_BUNDLE_ID) })).toBeNull();
  });

  it('says when the bundle is already imported, and refuses other content under the same id with its code', async () => {
    const { user, bridge, view } = await openBundlesScreen();
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    await view.findByText(/불러왔습니다: 사건 4건/);

    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    expect(await view.findByText(`${FIXTURE_BUNDLE_ID} 사건 묶음(batch8.cdbundle)은 이미 불러왔습니다. 바뀐 것은 없습니다.`)).toBeTruthy();

    scriptImport(bridge, scriptFromFixture(bundleFixture({ manifestSha256: '7'.repeat(64) })));
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('batch8.cdbundle을(를) 불러오지 않았습니다.');
    expect(alert.textContent).toContain(`오류 코드 BUNDLE_ID_CONFLICT: 묶음 ID ${FIXTURE_BUNDLE_ID}로 내용이 다른 사건 묶음을 이미 불러왔습니다.`);
  });

  it('names the decided cases when it refuses a bundle that re-issues them', async () => {
    const { user, bridge, view, db } = await openBundlesScreen();
    await db.cases.update('1015-000002', { status: 'decided' });
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: ['1015-000001', '1015-000002', '1015-000101', '1015-000102'] })));
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('오류 코드 CASE_ALREADY_DECIDED: 이미 의결된 사건이 다시 들어 있습니다: 1015-000002');
  });

  it('refuses a chunk stream that does not add up with the import\'s own codes and words, not the reader\'s', async () => {
    const { user, bridge, view, db } = await openBundlesScreen();
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    const fixture = bundleFixture();
    // The last data chunk arrives without its evidence pieces: files the cases point to never complete.
    const withoutEvidence = fixture.chunks.map((c, i) => (i === 2 && c.kind === 'data' ? { ...c, evidence: [] } : c));
    scriptImport(bridge, scriptFromFixture(fixture, withoutEvidence));
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('오류 코드 IMPORT_EVIDENCE_MISSING: 사건이 가리키는 증빙 파일이 모두 도착하지 않았습니다.');
    expect(alert.textContent).not.toContain('오류 코드 EVIDENCE_MISSING');
    expect(await db.bundles.get(FIXTURE_BUNDLE_ID)).toBeUndefined();

    // One case more than arrived is announced.
    await user.click(view.getByRole('button', { name: '닫기' }));
    scriptImport(bridge, { ...scriptFromFixture(fixture), begin: { started: true, importId: IMPORT_ID, summary: { ...fixture.summary, caseCount: fixture.cases.length + 1 } } });
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    const count = await view.findByRole('alert');
    expect(count.textContent).toContain('오류 코드 IMPORT_CASE_COUNT_MISMATCH: 사건 묶음이 밝힌 사건 수와 실제로 도착한 사건 수가 다릅니다.');
    expect(await db.bundles.get(FIXTURE_BUNDLE_ID)).toBeUndefined();
  });

  it('shows a refusal by the main process with its code and message', async () => {
    const { user, bridge, view } = await openBundlesScreen();
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain(`오류 코드 BUNDLE_READ_FAILED: ${PATH} could not be read.`);
    await user.click(view.getByRole('button', { name: '닫기' }));
    expect(view.queryByRole('alert')).toBeNull();
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const { user, bridge, view } = await openBundlesScreen();
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    await waitFor(() => expect(bridge.chooseBundleFile).toHaveBeenCalledTimes(1));
    expect(bridge.importBegin).not.toHaveBeenCalled();
  });

  it('is reachable from the keyboard', async () => {
    const { user, bridge, view } = await openBundlesScreen();
    const open = view.getByRole('button', { name: '사건 묶음 파일 열기…' });
    while (document.activeElement !== open) await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bridge.chooseBundleFile).toHaveBeenCalledTimes(1));
  });
});

describe('Bundles screen: revisions and English', () => {
  it('says how many cases came back as revisions, and which', async () => {
    const { user, bridge, view } = await openBundlesScreen();
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: ['1015-000001', '1015-000002', '1015-000101', '1015-000102'] })));
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    expect(await view.findByText('batch8.cdbundle을(를) 불러왔습니다: 사건 4건, 증빙 4건, 보완된 사건 2건.')).toBeTruthy();
    expect(view.getByText('보완된 사건: 1015-000001, 1015-000002')).toBeTruthy();
  });

  it('names the controls in English too', async () => {
    const { user, bridge, view } = await openBundlesScreen({ language: 'en' });
    const script = scriptImport(bridge, scriptFromFixture(bundleFixture()));
    const release = script.hold(1);
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    await user.click(view.getByRole('button', { name: 'Open bundle file…' }));
    await view.findByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(view.getByTestId('import-counts').textContent).toBe('cases 2 / 4 · evidence 2 / 5'));
    expect(view.getByRole('button', { name: 'Cancel import' })).toBeTruthy();
    release();
    expect(await view.findByText('Imported batch8.cdbundle: 4 cases, 4 evidence files, 0 revised cases.')).toBeTruthy();
    expect(view.getByRole('columnheader', { name: 'Evidence' })).toBeTruthy();
  });
});

describe('Bundles screen: dropping a file', () => {
  const drop = (target: HTMLElement, files: File[]) => fireEvent.drop(target, { dataTransfer: { files, types: ['Files'] } });

  it('imports a dropped .cdbundle by its path', async () => {
    const { bridge, view, root } = await openBundlesScreen();
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    bridge.pathForFile.mockImplementation((file) => `/mnt/usb/${(file as File).name}`);

    drop(within(root).getByTestId('bundle-drop-area'), [new File(['zip'], 'batch8.cdbundle')]);

    expect(await view.findByText(/batch8.cdbundle을\(를\) 불러왔습니다/)).toBeTruthy();
    expect(bridge.importBegin).toHaveBeenCalledWith({ path: '/mnt/usb/batch8.cdbundle' });
  });

  it('refuses a file that is not a .cdbundle, several files, and a file without a path', async () => {
    const { bridge, view } = await openBundlesScreen();
    const area = view.getByTestId('bundle-drop-area');

    drop(area, [new File(['%PDF'], 'letter.pdf')]);
    expect((await view.findByRole('alert')).textContent).toBe('letter.pdf: 사건 묶음 파일(.cdbundle)만 불러올 수 있습니다.');
    drop(area, [new File(['a'], 'a.cdbundle'), new File(['b'], 'b.cdbundle')]);
    expect(view.getByRole('alert').textContent).toBe('사건 묶음 파일은 한 번에 하나만 불러올 수 있습니다.');
    drop(area, [new File(['a'], 'a.cdbundle')]);
    expect(view.getByRole('alert').textContent).toContain('a.cdbundle: 파일의 위치를 알 수 없습니다.');
    expect(bridge.importBegin).not.toHaveBeenCalled();
  });

  it('shows where to drop while a file is dragged over', async () => {
    const { view } = await openBundlesScreen();
    const area = view.getByTestId('bundle-drop-area');
    fireEvent.dragEnter(area, { dataTransfer: { types: ['Files'], files: [] } });
    expect(screen.getByText('놓으면 이 사건 묶음을 불러옵니다')).toBeTruthy();
    fireEvent.dragLeave(area, { dataTransfer: { types: ['Files'], files: [] } });
    expect(screen.queryByText('놓으면 이 사건 묶음을 불러옵니다')).toBeNull();
  });
});
