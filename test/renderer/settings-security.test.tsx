import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SecuritySettings, SecuritySettingsInUse, TrustInfo } from '../../shared/api';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { seedDemoCouncil } from './support/demo-seed';
import { openCouncilDb } from '../../renderer/db/schema';
import { bundleFixture } from './support/bundle-fixture';
import { demoCouncil } from './support/demo-council';
import { APP_INFO, DEMO_TRUST, FAKE_DEFAULT_SYNC, fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';
import { scriptFromFixture, scriptImport } from './support/scripted-import';

const CHOSEN: TrustInfo = {
  path: '/keys/council-trust.json',
  builtIn: false,
  keys: [
    { keyid: '0123456789abcdef'.repeat(4), name: '사무국 발행 키', roles: ['bundle-issuer'] },
    { keyid: 'fedcba9876543210'.repeat(4), name: '정한결', roles: ['chair', 'member'] },
  ],
};

async function openSettings(security: Partial<SecuritySettings> = {}) {
  const bridge = fakeBridge(demoCouncil(), APP_INFO, security);
  // Like main: describes the trust file the (fake) main process holds when it is asked.
  bridge.describeTrust.mockImplementation(async () => {
    const { trustFile } = bridge.held();
    return trustFile === '/keys/moved.json'
      ? { ok: false, error: { code: 'TRUST_FILE_INVALID', message: 'trust file not found: /keys/moved.json' } }
      : { ok: true, value: trustFile === null ? DEMO_TRUST : { ...CHOSEN, path: trustFile } };
  });
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: '설정' }));
  const root = await waitFor(() => document.querySelector('[data-screen="settings"]') as HTMLElement);
  await within(root).findByTestId('trust-in-use');
  return { ...app, bridge, root, view: within(root) };
}

/** Each trusted key's name, keyid and roles (its last cell holds the remove button). */
const keyRows = (root: HTMLElement) =>
  within(within(root).getByRole('table', { name: '신뢰하는 키' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent).slice(0, 3));

/** What the fake main process holds now. */
async function mainSettings(bridge: ReturnType<typeof fakeBridge>): Promise<SecuritySettingsInUse> {
  const reply = await bridge.getSecuritySettings(undefined);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('Settings: trust file', () => {
  it('says the built-in demo trust file is in use and lists the keys it trusts', async () => {
    const { view, root, bridge } = await openSettings();
    expect(view.getByTestId('trust-in-use').textContent).toBe('기본 제공 데모 신뢰 파일을 쓰고 있습니다.');
    await view.findByRole('table', { name: '신뢰하는 키' });
    // No argument: the main process describes the trust file it holds, here the built-in one.
    expect(bridge.describeTrust).toHaveBeenCalledWith(undefined);
    expect(bridge.held().trustFile).toBeNull();
    expect(keyRows(root)).toEqual([['카카오 1015 소상공인 지원센터', 'a1b2c3d4e5f6', '사건 묶음 발행']]);
    expect(view.getByRole('button', { name: '기본 제공 데모 신뢰 파일 쓰기' })).toHaveProperty('disabled', true);
  });

  it('shows the trust file the main process holds', async () => {
    const { view, root } = await openSettings({ trustFile: '/keys/council-trust.json' });
    expect(view.getByTestId('trust-in-use').textContent).toBe('고른 신뢰 파일: /keys/council-trust.json');
    await waitFor(() => expect(keyRows(root)).toHaveLength(2));
  });

  it('chooses a trust file and goes back to the built-in one, each change made by the main process and audited', async () => {
    const { view, root, bridge, user, db } = await openSettings();
    bridge.chooseTrustFile.mockResolvedValue({ ok: true, value: '/keys/council-trust.json' });
    await user.click(view.getByRole('button', { name: '신뢰 파일 고르기…' }));

    await waitFor(() => expect(view.getByTestId('trust-in-use').textContent).toBe('고른 신뢰 파일: /keys/council-trust.json'));
    await waitFor(() => expect(keyRows(root)).toEqual([
      ['사무국 발행 키', '0123456789ab', '사건 묶음 발행'],
      ['정한결', 'fedcba987654', '위원장, 위원'],
    ]));
    expect(bridge.setSecuritySettings).toHaveBeenLastCalledWith({ change: { trustFile: '/keys/council-trust.json' }, language: 'ko' });
    expect((await mainSettings(bridge)).trustFile).toBe('/keys/council-trust.json');
    expect(await db.settings.get('trustFile')).toBeUndefined();
    expect(await db.audit.orderBy('sequence').last()).toMatchObject({ entity: 'settings', entityId: 'trustFile', action: 'choose', actor: 's1', detail: { trustFile: '/keys/council-trust.json' } });

    await user.click(view.getByRole('button', { name: '기본 제공 데모 신뢰 파일 쓰기' }));
    await waitFor(() => expect(view.getByTestId('trust-in-use').textContent).toBe('기본 제공 데모 신뢰 파일을 쓰고 있습니다.'));
    // The keys shown follow the change: described again, now the built-in file's.
    await waitFor(() => expect(keyRows(root)).toEqual([['카카오 1015 소상공인 지원센터', 'a1b2c3d4e5f6', '사건 묶음 발행']]));
    expect((await mainSettings(bridge)).trustFile).toBeNull();
    expect(await db.audit.orderBy('sequence').last()).toMatchObject({ entityId: 'trustFile', action: 'use-built-in', actor: 's1' });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('keeps the setting when the file dialog is cancelled or the confirmation declined, and audits neither', async () => {
    const { view, bridge, user, db } = await openSettings();
    const entries = await db.audit.count();
    await user.click(view.getByRole('button', { name: '신뢰 파일 고르기…' }));
    await waitFor(() => expect(bridge.chooseTrustFile).toHaveBeenCalled());
    expect(bridge.setSecuritySettings).not.toHaveBeenCalled();

    bridge.chooseTrustFile.mockResolvedValue({ ok: true, value: '/keys/council-trust.json' });
    bridge.setSecuritySettings.mockResolvedValueOnce({ ok: false, error: { code: 'CONFIRMATION_DECLINED', message: 'The change was not confirmed.' } });
    await user.click(view.getByRole('button', { name: '신뢰 파일 고르기…' }));
    expect((await view.findByTestId('change-declined')).textContent).toBe('변경을 확인하지 않아 설정을 그대로 두었습니다.');
    expect(view.getByTestId('trust-in-use').textContent).toBe('기본 제공 데모 신뢰 파일을 쓰고 있습니다.');
    expect((await mainSettings(bridge)).trustFile).toBeNull();
    expect(await db.audit.count()).toBe(entries);
  });

  it('shows a trust file the main process refuses with its code', async () => {
    const { view, bridge, user } = await openSettings();
    bridge.chooseTrustFile.mockResolvedValue({ ok: true, value: '/keys/bad.json' });
    bridge.setSecuritySettings.mockResolvedValueOnce({ ok: false, error: { code: 'TRUST_FILE_INVALID', message: 'The keyid of key 1 does not match its public key.' } });
    await user.click(view.getByRole('button', { name: '신뢰 파일 고르기…' }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('설정을 바꾸지 못했습니다.');
    expect(alert.textContent).toContain('TRUST_FILE_INVALID');
    expect(view.getByTestId('trust-in-use').textContent).toBe('기본 제공 데모 신뢰 파일을 쓰고 있습니다.');
  });

  it('shows a trust file in use that can no longer be read, with its code', async () => {
    const { view } = await openSettings({ trustFile: '/keys/moved.json' });
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('신뢰 파일을 읽지 못했습니다.');
    expect(alert.textContent).toContain('TRUST_FILE_INVALID: trust file not found: /keys/moved.json');
  });

  it('names only the file when importing: the trust file and the signature requirement are the main process\'s', async () => {
    const { view, bridge, user } = await openSettings();
    bridge.chooseTrustFile.mockResolvedValue({ ok: true, value: '/keys/council-trust.json' });
    await user.click(view.getByRole('button', { name: '신뢰 파일 고르기…' }));
    await waitFor(() => expect(view.getByTestId('trust-in-use').textContent).toContain('/keys/council-trust.json'));
    await user.click(view.getByRole('checkbox', { name: '서명된 사건 묶음만 허용' }));
    await waitFor(() => expect(view.getByRole('checkbox', { name: '서명된 사건 묶음만 허용' })).toHaveProperty('checked', false));
    expect(await mainSettings(bridge)).toEqual({ requireSignature: false, trustFile: '/keys/council-trust.json', syncFolder: null, syncFolderInUse: FAKE_DEFAULT_SYNC });

    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    bridge.chooseBundleFile.mockResolvedValue({ ok: true, value: '/inbox/batch8.cdbundle' });
    await user.click(screen.getByRole('link', { name: '사건 묶음' }));
    await user.click(await screen.findByRole('button', { name: '사건 묶음 파일 열기…' }));
    await waitFor(() => expect(bridge.importBegin).toHaveBeenCalledWith({ path: '/inbox/batch8.cdbundle' }));
  });
});

describe('Settings: sync folder', () => {
  it('names the default folder in use while none is chosen, in Korean and in English', async () => {
    const { view, user } = await openSettings();
    expect(view.getByTestId('sync-folder').textContent).toBe(`기본 폴더: ${FAKE_DEFAULT_SYNC}`);
    expect(view.getByText('동기화 폴더를 정하지 않아 기본 폴더를 씁니다. 처음 쓸 때 만들어집니다.')).toBeTruthy();
    // Nothing to clear: the default is what a cleared choice gives.
    expect((view.getByRole('button', { name: '동기화 폴더 지우기' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(view.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(view.getByTestId('sync-folder').textContent).toBe(`Default: ${FAKE_DEFAULT_SYNC}`));
  });

  it('chooses and clears the sync folder, through the main process, each change audited', async () => {
    const { view, bridge, user, db } = await openSettings();
    expect(view.getByTestId('sync-folder').textContent).toBe(`기본 폴더: ${FAKE_DEFAULT_SYNC}`);
    bridge.chooseFolder.mockResolvedValue({ ok: true, value: '/mnt/shared/council' });
    await user.click(view.getByRole('button', { name: '동기화 폴더 고르기…' }));
    await waitFor(() => expect(view.getByTestId('sync-folder').textContent).toBe('동기화 폴더: /mnt/shared/council'));
    expect((await mainSettings(bridge)).syncFolder).toBe('/mnt/shared/council');
    expect(await db.audit.orderBy('sequence').last()).toMatchObject({ entityId: 'syncFolder', action: 'choose', detail: { syncFolder: '/mnt/shared/council' } });

    await user.click(view.getByRole('button', { name: '동기화 폴더 지우기' }));
    await waitFor(() => expect(view.getByTestId('sync-folder').textContent).toBe(`기본 폴더: ${FAKE_DEFAULT_SYNC}`));
    expect(await mainSettings(bridge)).toMatchObject({ syncFolder: null, syncFolderInUse: FAKE_DEFAULT_SYNC });
    expect(await db.audit.orderBy('sequence').last()).toMatchObject({ entityId: 'syncFolder', action: 'clear' });
  });

  it('shows a sync folder the main process refuses with its code', async () => {
    const { view, bridge, user } = await openSettings();
    bridge.chooseFolder.mockResolvedValue({ ok: true, value: '/mnt/gone' });
    bridge.setSecuritySettings.mockResolvedValueOnce({ ok: false, error: { code: 'SYNC_FOLDER_MISSING', message: 'The sync folder /mnt/gone does not exist or is not a folder.' } });
    await user.click(view.getByRole('button', { name: '동기화 폴더 고르기…' }));
    expect((await view.findByRole('alert')).textContent).toContain('오류 코드 SYNC_FOLDER_MISSING: The sync folder /mnt/gone does not exist');
    expect(view.getByTestId('sync-folder').textContent).toBe(`기본 폴더: ${FAKE_DEFAULT_SYNC}`);
  });
});
