/**
 * Storage running out during an import, from the Bundles screen. A chunk's write refused with
 * QuotaExceededError (what Chromium's IndexedDB throws) ends the import with STORAGE_FULL, said in
 * plain words with what was used and what was left, and the crash-safe import's rollback leaves
 * nothing of it: no case, no document, no 'importing' bundle row. And before anything is written,
 * a bundle larger than the storage left is put to the user, who may cancel it (nothing imported)
 * or go on.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CouncilDb } from '../../renderer/db/schema';
import { bundleFixture, FIXTURE_BUNDLE_ID, FIXTURE_CASE_IDS } from './support/bundle-fixture';
import { openBundlesScreen } from './support/bundles-screen';
import { dbSnapshot } from './support/db-snapshot';
import { IMPORT_ID, scriptFromFixture, scriptImport } from './support/scripted-import';
import { runOutOfStorage, stubStorage, unstubStorage } from './support/storage-stub';

const PATH = '/home/secretary/inbox/batch8.cdbundle';
const OPEN = '사건 묶음 파일 열기…';
const SLOW = { timeout: 15_000 };

afterEach(unstubStorage);

const FULL_TITLE = '저장 공간이 부족해 batch8.cdbundle을(를) 불러오지 못했습니다. 불러오기를 통째로 되돌려, 이 묶음의 사건과 증빙은 하나도 저장되지 않았습니다.';
/** The detail, with the figures read when the write was refused: 1,499,700,000 bytes used of 1.5 GB, 300 kB left. */
const FULL_DETAIL =
  '오류 코드 STORAGE_FULL: 이 컴퓨터에서 앱이 쓸 수 있는 저장 공간(브라우저의 저장 할당량)이 가득 찼습니다. ' +
  '전체 1.5 GB 중 1.5 GB를 쓰고 있어 남은 공간은 300 kB입니다. 디스크의 다른 파일을 지워 공간을 비운 뒤 다시 하세요.';

/** Whatever the import left of itself: its bundle row (any status), its cases, its documents. */
async function leftOf(db: CouncilDb) {
  return {
    bundle: await db.bundles.get(FIXTURE_BUNDLE_ID),
    importing: await db.bundles.where('status').equals('importing').count(),
    cases: await db.cases.where('bundleId').equals(FIXTURE_BUNDLE_ID).count(),
    documents: await db.documents.where('caseId').anyOf([...FIXTURE_CASE_IDS]).count(),
  };
}

const NOTHING = { bundle: undefined, importing: 0, cases: 0, documents: 0 };

describe('an import that runs out of storage', () => {
  it('ends with STORAGE_FULL in plain words with the figures, and leaves nothing of the import', async () => {
    const storage = stubStorage({ usage: 1_000_000, quota: 1_500_000_000 });
    const { user, bridge, view, db } = await openBundlesScreen();
    const script = scriptImport(bridge, scriptFromFixture(bundleFixture()));
    const release = script.hold(2);
    // The documents of the first chunk are written; the next write of documents (the third chunk's) finds the storage full.
    const full = runOutOfStorage(db.documents, 'bulkPut', 2, () => {
      storage.state.usage = 1_499_700_000;
    });
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    const before = await dbSnapshot(db);

    await user.click(view.getByRole('button', { name: OPEN }));
    await waitFor(() => expect(view.getByTestId('import-counts').textContent).toBe('사건 3 / 4 · 증빙 3 / 5'), SLOW);
    // Two chunks are stored, under the bundle still 'importing': there is something to roll back.
    await waitFor(async () => expect(await leftOf(db)).toEqual({ bundle: expect.objectContaining({ status: 'importing' }), importing: 1, cases: 3, documents: 1 }), SLOW);
    // The user looks at the cases meanwhile: the shell says how it ended, at once (assertive).
    await user.click(screen.getByRole('link', { name: '사건' }));
    release();
    await waitFor(() => expect(screen.getByTestId('announcer-assertive').textContent).toBe(`${FULL_TITLE} ${FULL_DETAIL}`), SLOW);

    // Back on the Bundles screen, the same words as an alert.
    await user.click(screen.getByRole('link', { name: '사건 묶음' }));
    const root = await waitFor(() => document.querySelector('[data-screen="bundles"]') as HTMLElement);
    const alert = await within(root).findByRole('alert', {}, SLOW);
    expect(alert.querySelector('.notice__title')?.textContent).toBe(FULL_TITLE);
    expect(alert.querySelector('.notice__detail')?.textContent).toBe(FULL_DETAIL);
    expect(full).toHaveBeenCalledTimes(2);
    // The main process's session is closed, and the import rolled back whole.
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(await leftOf(db)).toEqual(NOTHING);
    expect(await dbSnapshot(db)).toEqual(before);
    expect(within(root).queryByRole('row', { name: new RegExp(FIXTURE_BUNDLE_ID) })).toBeNull();

    // With room again, the same bundle imports whole.
    full.mockRestore();
    storage.state.usage = 1_000_000;
    await user.click(within(root).getByRole('button', { name: '닫기' }));
    await user.click(within(root).getByRole('button', { name: OPEN }));
    await within(root).findByText('batch8.cdbundle을(를) 불러왔습니다: 사건 4건, 증빙 4건, 보완된 사건 0건.', {}, SLOW);
    expect(await leftOf(db)).toEqual({ bundle: expect.objectContaining({ status: 'ready' }), importing: 0, cases: 4, documents: 4 });
  }, 60_000);

  it('is STORAGE_FULL when the first chunk is refused too, in English, without figures when the browser gives none', async () => {
    const { user, bridge, view, db } = await openBundlesScreen({ language: 'en' });
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    // No estimate: no figures to show, and no question before the import either.
    runOutOfStorage(db.cases, 'bulkAdd');
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    const before = await dbSnapshot(db);

    await user.click(view.getByRole('button', { name: 'Open bundle file…' }));

    const alert = await view.findByRole('alert', {}, SLOW);
    expect(alert.querySelector('.notice__title')?.textContent).toMatch(/^batch8\.cdbundle could not be imported: the storage ran out\./);
    expect(alert.querySelector('.notice__detail')?.textContent).toBe(
      "Error code STORAGE_FULL: the storage space this app may use on this computer (the browser's storage quota) is full. Free disk space by removing other files, then try again.",
    );
    expect(await leftOf(db)).toEqual(NOTHING);
    expect(await dbSnapshot(db)).toEqual(before);
  }, 60_000);
});

describe('the question before an import that will not fit', () => {
  const fixture = bundleFixture();
  const bytesTotal = fixture.summary.bytesTotal;
  // What the import needs: the bundle's bytes and 10% for the rows and indexes.
  const needed = Math.ceil(bytesTotal * 1.1);
  const QUOTA = 1_000_000_000;

  async function askedToImport() {
    // 50 bytes left: far less than the bundle.
    const storage = stubStorage({ usage: QUOTA - 50, quota: QUOTA });
    const app = await openBundlesScreen();
    scriptImport(app.bridge, scriptFromFixture(bundleFixture()));
    app.bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    const before = await dbSnapshot(app.db);
    await app.user.click(app.view.getByRole('button', { name: OPEN }));
    const dialog = await screen.findByRole('dialog', { name: '저장 공간이 부족할 수 있습니다' }, SLOW);
    return { ...app, storage, before, dialog };
  }

  it('asks first, with what it needs and what is left; Cancel has the focus, and cancelling imports nothing', async () => {
    const { user, bridge, view, db, dialog, before } = await askedToImport();
    expect(bytesTotal).toBeGreaterThan(50);

    expect(screen.getByRole('dialog', { description: `batch8.cdbundle을(를) 불러오려면 약 ${needed} B가 필요한데, 이 앱이 쓸 수 있는 저장 공간은 50 B만 남았습니다.` })).toBe(dialog);
    expect(within(dialog).getByTestId('import-space-figures').textContent).toBe(
      `사건 묶음의 크기는 ${bytesTotal} B이고, 저장할 때 더 드는 몫으로 10%를 더해 계산했습니다. 지금 저장 공간 전체 1 GB 중 1 GB를 쓰고 있습니다.`,
    );
    // Nothing is written while the user thinks it over, and nothing more read from the bundle.
    expect(await leftOf(db)).toEqual(NOTHING);
    expect(bridge.importNext).not.toHaveBeenCalled();

    // A key pressed in haste keeps the storage as it is.
    const cancel = within(dialog).getByRole('button', { name: '불러오지 않기' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    await user.keyboard('{Enter}');

    await view.findByText('batch8.cdbundle 불러오기를 취소했습니다. 아무것도 저장하지 않았습니다.', {}, SLOW);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(bridge.importNext).not.toHaveBeenCalled();
    expect(await leftOf(db)).toEqual(NOTHING);
    expect(await dbSnapshot(db)).toEqual(before);
  }, 60_000);

  it('Esc is Cancel too', async () => {
    const { user, bridge, view, db, before } = await askedToImport();
    await user.keyboard('{Escape}');
    await view.findByText('batch8.cdbundle 불러오기를 취소했습니다. 아무것도 저장하지 않았습니다.', {}, SLOW);
    expect(bridge.importNext).not.toHaveBeenCalled();
    expect(await dbSnapshot(db)).toEqual(before);
  }, 60_000);

  it('goes on when told to: then storage running out is STORAGE_FULL and rolled back whole', async () => {
    const { user, view, db, dialog, storage, before } = await askedToImport();
    runOutOfStorage(db.documents, 'bulkPut', 1, () => {
      storage.state.usage = QUOTA;
    });

    await user.click(within(dialog).getByRole('button', { name: '그래도 불러오기' }));

    const alert = await view.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText(FULL_TITLE)).toBeTruthy();
    expect(alert.querySelector('.notice__detail')?.textContent).toContain('전체 1 GB 중 1 GB를 쓰고 있어 남은 공간은 0 B입니다.');
    expect(await leftOf(db)).toEqual(NOTHING);
    expect(await dbSnapshot(db)).toEqual(before);
  }, 60_000);

  it('goes on when told to, and the bundle is imported whole when it does fit after all', async () => {
    const { user, view, db, dialog } = await askedToImport();
    await user.click(within(dialog).getByRole('button', { name: '그래도 불러오기' }));
    await view.findByText('batch8.cdbundle을(를) 불러왔습니다: 사건 4건, 증빙 4건, 보완된 사건 0건.', {}, SLOW);
    expect(await leftOf(db)).toEqual({ bundle: expect.objectContaining({ status: 'ready' }), importing: 0, cases: 4, documents: 4 });
  }, 60_000);

  it('does not ask when what is left holds the bundle', async () => {
    stubStorage({ usage: QUOTA - needed, quota: QUOTA });
    const { user, bridge, view } = await openBundlesScreen();
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: PATH });
    await user.click(view.getByRole('button', { name: OPEN }));
    await view.findByText('batch8.cdbundle을(를) 불러왔습니다: 사건 4건, 증빙 4건, 보완된 사건 0건.', {}, SLOW);
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 60_000);
});
