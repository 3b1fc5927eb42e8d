import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedDemoCouncil } from './support/demo-seed';
import { openCouncilDb } from '../../renderer/db/schema';
import { demoCouncil } from './support/demo-council';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

async function start() {
  fakeBridge(demoCouncil());
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  const app = renderApp(db);
  await screen.findByRole('navigation', { name: '주 메뉴' });
  return app;
}

const current = () => screen.getAllByRole('link').find((a) => a.getAttribute('aria-current') === 'page')?.textContent;
const shown = () => document.querySelector('[data-screen]')?.getAttribute('data-screen');

describe('sidebar', () => {
  it('opens a screen with Tab and Enter, and moves focus to its title', async () => {
    const { user } = await start();
    expect(shown()).toBe('bundles');
    expect(current()).toBe('사건 묶음');

    const cases = screen.getByRole('link', { name: '사건' });
    while (document.activeElement !== cases) await user.tab();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(shown()).toBe('cases'));
    expect(current()).toBe('사건');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: '사건' }));
  });

  it('moves between links with the arrow keys, Home and End, without opening them', async () => {
    const { user } = await start();
    // the screen gives its title focus as it opens: only then is focus the test's to move
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: '사건 묶음' })));
    screen.getByRole('link', { name: '사건 묶음' }).focus();

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('사건');
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('설정');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('사건 묶음');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('설정');
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('회의');
    expect(shown()).toBe('bundles');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(shown()).toBe('meeting'));
    expect(current()).toBe('회의');
  });

  it('reaches every screen', async () => {
    const { user } = await start();
    const expected: [string, string][] = [
      ['사건', 'cases'],
      ['회의', 'meeting'],
      ['의결', 'decisions'],
      ['회의록', 'minutes'],
      ['설정', 'settings'],
      ['사건 묶음', 'bundles'],
    ];
    for (const [label, id] of expected) {
      await user.click(screen.getByRole('link', { name: label }));
      await waitFor(() => expect(shown()).toBe(id));
      expect(screen.getAllByRole('link', { current: 'page' }).map((a) => a.textContent)).toEqual([label]);
    }
  });

  it('starts the Tab order with a skip link that lands on the screen\'s title in the main landmark', async () => {
    const { user } = await start();
    const skip = screen.getByRole('link', { name: '본문으로 건너뛰기' });
    const main = screen.getByRole('main');
    // first of everything focusable, before the header and the main menu
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, select, input, [tabindex="0"]')];
    expect(focusable[0]).toBe(skip);
    expect(skip.getAttribute('href')).toBe(`#${main.id}`);
    // the screen takes focus to its title when it opens; wait for that, then start from the page
    const title = await screen.findByRole('heading', { level: 1, name: '사건 묶음' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    (document.activeElement as HTMLElement | null)?.blur();
    await user.tab();
    expect(document.activeElement).toBe(skip);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: '사건 묶음' }));
    expect(main.contains(document.activeElement)).toBe(true);
  });
});
