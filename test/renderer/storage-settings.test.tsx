/**
 * Settings → 저장 공간: what the app's data takes and what is left of the storage the browser lets
 * it use (navigator.storage.estimate), and whether that storage is persistent: asked once at
 * start-up (persist), read again when Settings is shown (persisted) and on "다시 확인". When it is
 * not persistent the user is told the browser may clear the data.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCouncilDb } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { seedDemoCouncil } from './support/demo-seed';
import { demoCouncil } from './support/demo-council';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';
import { stubStorage, unstubStorage } from './support/storage-stub';

afterEach(unstubStorage);

async function openStorageSettings(language: 'ko' | 'en' = 'ko') {
  fakeBridge(demoCouncil());
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  if (language === 'en') await writeSetting(db, 'language', 'en');
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: language === 'en' ? 'Settings' : '설정' }));
  const section = await screen.findByTestId('storage-section', {}, { timeout: 10_000 });
  const view = within(section);
  await view.findByTestId('storage-figures');
  return { ...app, section, view };
}

describe('Settings: storage', () => {
  it('shows what is used and what is left, and that the storage is persistent (asked once at start-up)', async () => {
    const { manager } = stubStorage({ usage: 12_345_678, quota: 1_000_000_000, grants: true });
    const { view } = await openStorageSettings();

    expect(view.getByRole('heading', { level: 2, name: '저장 공간' })).toBeTruthy();
    expect(view.getByTestId('storage-used').textContent).toBe('12.3 MB');
    // 1,000,000,000 - 12,345,678 = 987,654,322 bytes left
    expect(view.getByTestId('storage-available').textContent).toBe('987.7 MB (전체 1 GB)');
    await waitFor(() => expect(view.getByTestId('storage-persistence').getAttribute('data-persistence')).toBe('persisted'));
    expect(view.getByTestId('storage-persistence').textContent).toBe('켜짐: 브라우저가 디스크 공간이 모자라도 이 앱의 자료를 지우지 않습니다.');
    expect(view.queryByTestId('storage-hint')).toBeNull();
    // Asked once, at start-up; Settings only reads it again.
    expect(manager.persist).toHaveBeenCalledTimes(1);
    expect(manager.persisted).toHaveBeenCalled();
  });

  it('says when the browser did not grant persistent storage, and that it may then clear the data', async () => {
    const { manager } = stubStorage({ usage: 480_000, quota: 2_000_000, grants: false });
    const { view } = await openStorageSettings();

    expect(view.getByTestId('storage-used').textContent).toBe('480 kB');
    expect(view.getByTestId('storage-available').textContent).toBe('1.5 MB (전체 2 MB)');
    await waitFor(() => expect(view.getByTestId('storage-persistence').getAttribute('data-persistence')).toBe('not-persisted'));
    expect(view.getByTestId('storage-persistence').textContent).toBe('꺼짐: 브라우저가 영구 저장을 허락하지 않았습니다.');
    expect(view.getByTestId('storage-hint').textContent).toBe(
      '디스크 공간이 모자라면 브라우저가 이 앱의 자료(사건, 증빙, 표결과 의결)를 지울 수 있습니다. 백업을 자주 만들어 두세요.',
    );
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });

  it('reads the figures and the persistence again on "다시 확인" (granted since, more used)', async () => {
    const { state, manager } = stubStorage({ usage: 1_000_000, quota: 10_000_000, grants: false });
    const { view, user } = await openStorageSettings();
    await waitFor(() => expect(view.getByTestId('storage-persistence').getAttribute('data-persistence')).toBe('not-persisted'));
    expect(view.getByTestId('storage-used').textContent).toBe('1 MB');

    // The browser granted it meanwhile (persisted() says so) and an import took 4 MB more.
    state.persisted = true;
    state.usage = 5_000_000;
    await user.click(view.getByRole('button', { name: '다시 확인' }));

    await waitFor(() => expect(view.getByTestId('storage-used').textContent).toBe('5 MB'));
    expect(view.getByTestId('storage-available').textContent).toBe('5 MB (전체 10 MB)');
    await waitFor(() => expect(view.getByTestId('storage-persistence').getAttribute('data-persistence')).toBe('persisted'));
    expect(view.queryByTestId('storage-hint')).toBeNull();
    // Still asked only the once.
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });

  it('says so when the browser has no storage API: no figures, no persistent storage', async () => {
    const { view } = await openStorageSettings();

    expect(view.getByTestId('storage-figures').textContent).toBe('이 브라우저는 저장 공간이 얼마나 남았는지 알려 주지 않습니다.');
    expect(view.queryByTestId('storage-used')).toBeNull();
    await waitFor(() => expect(view.getByTestId('storage-persistence').getAttribute('data-persistence')).toBe('unsupported'));
    expect(view.getByTestId('storage-persistence').textContent).toBe('이 브라우저는 영구 저장을 지원하지 않습니다.');
    expect(view.getByTestId('storage-hint')).toBeTruthy();
  });

  it('says it in English too', async () => {
    stubStorage({ usage: 250_000_000, quota: 1_500_000_000, grants: true });
    const { view } = await openStorageSettings('en');

    expect(view.getByRole('heading', { level: 2, name: 'Storage' })).toBeTruthy();
    expect(view.getByTestId('storage-used').textContent).toBe('250 MB');
    expect(view.getByTestId('storage-available').textContent).toBe('1.3 GB (of 1.5 GB)');
    await waitFor(() => expect(view.getByTestId('storage-persistence').textContent).toBe("On: the browser does not clear this app's data, even when the disk is short of space."));
  });
});
