import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedDemoCouncil } from './support/demo-seed';
import { openCouncilDb } from '../../renderer/db/schema';
import { readSettings } from '../../renderer/db/settings';
import { demoCouncil } from './support/demo-council';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

const KOREAN = ['사건 묶음', '사건', '회의', '의결', '회의록', '설정'];
const ENGLISH = ['Bundles', 'Cases', 'Meeting', 'Decisions', 'Minutes', 'Settings'];

function sidebarLabels() {
  const nav = screen.getByRole('navigation');
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent);
}

async function storedCouncil() {
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  return db;
}

describe('language', () => {
  it('is Korean by default', async () => {
    fakeBridge(demoCouncil());
    renderApp(await storedCouncil());
    await screen.findByRole('navigation', { name: '주 메뉴' });
    expect(sidebarLabels()).toEqual(KOREAN);
    expect(document.documentElement.lang).toBe('ko');
  });

  it('switches to English, changes the sidebar, and persists the choice across restarts', async () => {
    fakeBridge(demoCouncil());
    const db = await storedCouncil();
    const first = renderApp(db);
    const group = await screen.findByRole('group', { name: '언어' });
    await first.user.click(within(group).getByRole('button', { name: 'English' }));

    await screen.findByRole('navigation', { name: 'Main menu' });
    expect(sidebarLabels()).toEqual(ENGLISH);
    expect(within(screen.getByRole('group', { name: 'Language' })).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1, name: 'Bundles' })).toBeTruthy();
    expect(screen.getByText(/^Signed: /)).toBeTruthy();
    await waitFor(async () => expect((await readSettings(db)).language).toBe('en'));
    first.unmount();

    renderApp(db);
    await screen.findByRole('navigation', { name: 'Main menu' });
    expect(sidebarLabels()).toEqual(ENGLISH);
  });

  it('can switch back to Korean from the Settings screen', async () => {
    fakeBridge(demoCouncil());
    const db = await storedCouncil();
    const { user } = renderApp(db);
    await user.click(within(await screen.findByRole('group', { name: '언어' })).getByRole('button', { name: 'English' }));
    await user.click(await screen.findByRole('link', { name: 'Settings' }));
    await user.click(screen.getByRole('radio', { name: '한국어' }));
    await screen.findByRole('navigation', { name: '주 메뉴' });
    expect(sidebarLabels()).toEqual(KOREAN);
    await waitFor(async () => expect((await readSettings(db)).language).toBe('ko'));
  });

  it('also switches on the welcome screen', async () => {
    fakeBridge(demoCouncil());
    const { user } = renderApp();
    await user.click(within(await screen.findByRole('group', { name: '언어' })).getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Load the demo council' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Council Desk' })).toBeTruthy();
  });
});
