import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { seedDemoCouncil } from './support/demo-seed';
import { openCouncilDb } from '../../renderer/db/schema';
import { demoBundleFixture, demoCouncil } from './support/demo-council';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';
import { useListLayout } from './support/list-layout';
import { resetCasesStore } from '../../renderer/cases/cases-store';

async function openScreen(label: string, id: string, fixture = demoBundleFixture()) {
  const bridge = fakeBridge(demoCouncil());
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db, { fixture });
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: label }));
  await waitFor(() => expect(document.querySelector(`[data-screen="${id}"]`)).not.toBeNull());
  return { ...app, bridge, root: document.querySelector(`[data-screen="${id}"]`) as HTMLElement };
}

const rowText = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent);

describe('Cases screen', () => {
  useListLayout();
  afterEach(() => resetCasesStore());

  it('lists the imported cases with their count, registration numbers and claimed losses', async () => {
    const { root } = await openScreen('사건', 'cases');
    expect((await within(root).findByTestId('case-total')).textContent).toBe('전체 사건: 3건');
    const list = within(root).getByRole('listbox', { name: '사건 목록' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    const rows = within(list).getAllByRole('option');
    expect(rows.map((r) => r.getAttribute('data-case-id'))).toEqual(['1015-000001', '1015-000002', '1015-000003']);
    expect(rows[0]!.textContent).toMatch(/123-45-6781\d/);
    expect(rows[1]!.textContent).toContain('마포택시');
    expect(rows[1]!.textContent).toContain('420,000원');
    expect(within(root).getByTestId('case-counts').textContent).toContain('표시된 사건 3건의 집계');
    expect(within(root).getByRole('search', { name: '사건 거르기' })).toBeTruthy();
  });

  it('shows business names as text, never as HTML', async () => {
    const fixture = demoBundleFixture();
    fixture.cases[0]!.business.name = '<img src=x onerror="alert(1)"><b>가게</b>';
    const { root } = await openScreen('사건', 'cases', fixture);
    expect(await within(root).findByText('<img src=x onerror="alert(1)"><b>가게</b>')).toBeTruthy();
    expect(root.querySelector('img, b')).toBeNull();
  });
});

describe('Meeting screen', () => {
  it('lists the members with role and affiliation, the secretary as not voting', async () => {
    const { root } = await openScreen('회의', 'meeting');
    const table = within(root).getByRole('table', { name: '위원 명단' });
    const rows = within(table).getAllByRole('row').slice(1).map(rowText);
    expect(rows[0]).toEqual(['정한결', '위원장', '소상공인연합회', '표결함']);
    expect(rows).toHaveLength(6);
    expect(rows[5]).toEqual(['윤하늘', '간사', '협의체 사무국', '표결하지 않음']);
  });
});

describe('Decisions and Minutes screens', () => {
  it('say what is recorded so far, and the Minutes screen that there is no meeting yet', async () => {
    const { root, user } = await openScreen('의결', 'decisions');
    expect(await within(root).findByText('기록된 의결: 0건')).toBeTruthy();
    const files = within(root).getByRole('region', { name: '회의의 의결과 의결 파일' });
    expect(files.textContent).toContain('아직 회의가 없습니다.');
    expect(within(files).getByRole('button', { name: '의결 내보내기' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('link', { name: '회의록' }));
    const minutes = await waitFor(() => document.querySelector('[data-screen="minutes"]') as HTMLElement);
    expect(await within(minutes).findByText('아직 회의가 없습니다. 회의 화면에서 회의를 만드세요.')).toBeTruthy();
    expect(within(minutes).queryByTestId('minutes-preview')).toBeNull();
  });
});

describe('Settings screen', () => {
  it('shows the app version from the main process', async () => {
    const { root } = await openScreen('설정', 'settings');
    expect((await within(root).findByTestId('app-version')).textContent).toBe('0.1.0-test');
  });

  it('requires signed bundles by default (the main process\'s setting); turning it off asks main, and is audited once main accepts', async () => {
    const { root, user, db, bridge } = await openScreen('설정', 'settings');
    const toggle = await within(root).findByRole('checkbox', { name: '서명된 사건 묶음만 허용' });
    expect(toggle).toHaveProperty('checked', true);
    expect(bridge.getSecuritySettings).toHaveBeenCalled();
    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveProperty('checked', false));
    expect(bridge.setSecuritySettings).toHaveBeenCalledWith({ change: { requireSignature: false }, language: 'ko' });
    expect(await db.settings.get('requireSignature')).toBeUndefined();
    const last = await db.audit.orderBy('sequence').last();
    expect(last).toMatchObject({ entity: 'settings', entityId: 'requireSignature', action: 'disable', actor: 's1' });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('keeps signed bundles required when the confirmation is declined, says so, and audits nothing', async () => {
    const { root, user, db, bridge } = await openScreen('설정', 'settings');
    bridge.setSecuritySettings.mockResolvedValueOnce({ ok: false, error: { code: 'CONFIRMATION_DECLINED', message: 'The change was not confirmed.' } });
    const entries = await db.audit.count();
    const toggle = await within(root).findByRole('checkbox', { name: '서명된 사건 묶음만 허용' });
    await user.click(toggle);
    expect((await within(root).findByTestId('change-declined')).textContent).toBe('변경을 확인하지 않아 설정을 그대로 두었습니다.');
    expect(toggle).toHaveProperty('checked', true);
    expect(within(root).queryByRole('alert')).toBeNull();
    expect(await db.audit.count()).toBe(entries);
  });

  it('shows why the security settings could not be read, and keeps the rest of the screen', async () => {
    const bridge = fakeBridge(demoCouncil());
    bridge.getSecuritySettings.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'The main process is busy.' } });
    const db = openCouncilDb(freshDbName());
    await seedDemoCouncil(db);
    const { user } = renderApp(db);
    await user.click(await screen.findByRole('link', { name: '설정' }));
    const root = await waitFor(() => document.querySelector('[data-screen="settings"]') as HTMLElement);
    expect((await within(root).findByRole('alert')).textContent).toContain('보안 설정을 읽지 못했습니다.오류 코드 INTERNAL: The main process is busy.');
    expect(within(root).queryByRole('checkbox', { name: '서명된 사건 묶음만 허용' })).toBeNull();
    expect((await within(root).findByTestId('app-version')).textContent).toBe('0.1.0-test');
  });
});

describe('bundle text', () => {
  it('is shown as text, never as HTML', async () => {
    const fixture = demoBundleFixture();
    fixture.summary.manifest.title = '<img src=x onerror="alert(1)"><b>batch</b>';
    const { root } = await openScreen('사건 묶음', 'bundles', fixture);
    expect(within(root).getByText('<img src=x onerror="alert(1)"><b>batch</b>')).toBeTruthy();
    expect(root.querySelector('img, b')).toBeNull();
  });
});
