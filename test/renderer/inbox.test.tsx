import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../shared/bundle-import';
import { bundleFixture } from './support/bundle-fixture';
import { FAKE_DEFAULT_SYNC } from './support/fake-bridge';
import { openBundlesScreen } from './support/bundles-screen';
import { BUNDLE_ID } from './support/demo-council';
import { scriptFromFixture, scriptImport } from './support/scripted-import';

const entry = (fileName: string, bundleId: string | null, manifestSha256: string | null, size = 2_500_000): InboxEntry => ({
  path: `/sync/inbox/${fileName}`,
  fileName,
  size,
  modifiedAt: '2023-03-10T09:30:00+09:00',
  bundleId,
  manifestSha256,
});

const ENTRIES = [
  entry('batch8.cdbundle', '1015-2023-B08', 'b'.repeat(64)),
  entry('batch7.cdbundle', BUNDLE_ID, 'c'.repeat(64), 640),
  entry('batch7-fixed.cdbundle', BUNDLE_ID, 'd'.repeat(64)),
  entry('damaged.cdbundle', null, null),
];

describe('sync folder inbox', () => {
  it('lists the bundle files with size, time and a badge each; Import only for the new one', async () => {
    const { view, bridge, user } = await openBundlesScreen({}, { syncFolder: '/sync' });
    bridge.setInbox('/sync', ENTRIES);
    await user.click(view.getByRole('button', { name: '새로 고침' }));
    const table = await view.findByRole('table', { name: '받은 파일함의 사건 묶음 파일' });
    // No argument: the (fake) main process lists the inbox of the sync folder it holds, /sync.
    expect(bridge.listInbox).toHaveBeenCalledWith(undefined);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [r.querySelector('th')?.textContent, r.getAttribute('data-inbox-state'), r.querySelectorAll('td')[2]?.textContent])).toEqual([
      ['batch8.cdbundle', 'new', '새 묶음'],
      ['batch7.cdbundle', 'imported', '이미 불러옴'],
      ['batch7-fixed.cdbundle', 'conflict', '같은 묶음 ID, 다른 내용'],
      ['damaged.cdbundle', 'unreadable', '읽을 수 없음'],
    ]);
    expect(rows[0]!.querySelectorAll('td')[0]?.textContent).toBe('2.5 MB');
    expect(rows[1]!.querySelectorAll('td')[0]?.textContent).toBe('640 B');
    expect(rows[0]!.querySelectorAll('td')[1]?.textContent).toMatch(/2023/);
    expect(within(table).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['batch8.cdbundle 불러오기']);
    expect(view.getByText('동기화 폴더: /sync')).toBeTruthy();
  });

  it('imports a new entry, after which it shows as already imported', async () => {
    const { view, bridge, user } = await openBundlesScreen({}, { syncFolder: '/sync' });
    bridge.setInbox('/sync', ENTRIES);
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    await user.click(view.getByRole('button', { name: '새로 고침' }));
    await user.click(await view.findByRole('button', { name: 'batch8.cdbundle 불러오기' }));
    expect(await view.findByText(/batch8.cdbundle을\(를\) 불러왔습니다/)).toBeTruthy();
    expect(bridge.importBegin).toHaveBeenCalledWith({ path: '/sync/inbox/batch8.cdbundle' });
    await waitFor(() => expect(view.getByRole('row', { name: /^batch8.cdbundle/ }).getAttribute('data-inbox-state')).toBe('imported'));
    expect(view.queryByRole('button', { name: 'batch8.cdbundle 불러오기' })).toBeNull();
  });

  it('refreshes, and shows an unreadable inbox with its code', async () => {
    const { view, bridge, user } = await openBundlesScreen({}, { syncFolder: '/sync' });
    expect(await view.findByText('받은 파일함에 사건 묶음 파일이 없습니다.')).toBeTruthy();
    const calls = bridge.listInbox.mock.calls.length;
    bridge.listInbox.mockResolvedValue({ ok: false, error: { code: 'SYNC_FOLDER_MISSING', message: '/sync does not exist.' } });
    await user.click(view.getByRole('button', { name: '새로 고침' }));
    expect((await view.findByRole('alert')).textContent).toContain('오류 코드 SYNC_FOLDER_MISSING: /sync does not exist.');
    expect(bridge.listInbox.mock.calls.length).toBe(calls + 1);
  });

  it('without a sync folder chosen, lists the default folder\'s inbox and names it as the default', async () => {
    const { view, bridge, user } = await openBundlesScreen();
    // The default folder not made yet: an empty inbox, not an error.
    expect(await view.findByText('받은 파일함에 사건 묶음 파일이 없습니다.')).toBeTruthy();
    expect(view.getByText(`기본 폴더: ${FAKE_DEFAULT_SYNC}`)).toBeTruthy();
    expect(view.getByText(/동기화 폴더를 정하지 않아 기본 폴더의 inbox를 보여 줍니다/)).toBeTruthy();
    expect(view.queryByRole('alert')).toBeNull();
    bridge.setInbox(FAKE_DEFAULT_SYNC, [{ ...ENTRIES[0]!, path: `${FAKE_DEFAULT_SYNC}/inbox/batch8.cdbundle` }]);
    await user.click(view.getByRole('button', { name: '새로 고침' }));
    expect(await view.findByRole('row', { name: /^batch8.cdbundle/ })).toBeTruthy();
    expect(bridge.listInbox).toHaveBeenCalledWith(undefined);
  });

  it('without a sync folder chosen, lets one be chosen (kept by the main process, audited)', async () => {
    const { view, bridge, user, db } = await openBundlesScreen();
    expect(await view.findByText(`기본 폴더: ${FAKE_DEFAULT_SYNC}`)).toBeTruthy();
    bridge.setInbox('/mnt/shared/council', [{ ...ENTRIES[0]!, path: '/mnt/shared/council/inbox/batch8.cdbundle' }]);
    bridge.chooseFolder.mockResolvedValue({ ok: true, value: '/mnt/shared/council' });
    await user.click(view.getByRole('button', { name: '동기화 폴더 고르기…' }));
    // Listed once main holds the new folder: its inbox's file shows.
    expect(await view.findByRole('row', { name: /^batch8.cdbundle/ })).toBeTruthy();
    expect(bridge.listInbox).toHaveBeenCalledWith(undefined);
    expect(view.getByText('동기화 폴더: /mnt/shared/council')).toBeTruthy();
    // Chosen: no longer the default, so no hint about it.
    expect(view.queryByText(/기본 폴더/)).toBeNull();
    expect(bridge.setSecuritySettings).toHaveBeenCalledWith({ change: { syncFolder: '/mnt/shared/council' }, language: 'ko' });
    expect(await db.settings.get('syncFolder')).toBeUndefined();
    expect(await db.audit.orderBy('sequence').last()).toMatchObject({ entity: 'settings', entityId: 'syncFolder', action: 'choose', actor: 's1', detail: { syncFolder: '/mnt/shared/council' } });
  });
});
