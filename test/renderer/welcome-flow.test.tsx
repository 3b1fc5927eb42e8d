import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../renderer/db/settings';
import { demoCouncil, ISSUER_NAME, TRUSTED_KEYID } from './support/demo-council';
import { APP_INFO, failingBridge, fakeBridge } from './support/fake-bridge';
import { renderApp } from './support/render-app';

function screenRoot(name: string) {
  const root = document.querySelector(`[data-screen="${name}"]`);
  if (!root) throw new Error(`screen ${name} is not shown`);
  return root as HTMLElement;
}

describe('first run', () => {
  it('explains the app and loads the demo council into the Bundles screen', async () => {
    const bridge = fakeBridge(demoCouncil());
    const { user, db } = renderApp();

    expect(await screen.findByRole('heading', { level: 1, name: 'Council Desk에 오신 것을 환영합니다' })).toBeTruthy();
    expect(screenRoot('welcome').textContent).toContain('오프라인 데스크톱 앱');
    await user.click(screen.getByRole('button', { name: '데모 협의체 불러오기' }));

    await waitFor(() => screenRoot('bundles'));
    expect(bridge.loadDemoCouncil).toHaveBeenCalledTimes(1);
    const table = within(screenRoot('bundles')).getByRole('table', { name: '불러온 사건 묶음' });
    const row = within(table).getByRole('row', { name: /1015-2023-B07/ });
    expect(row.textContent).toContain('1015 소상공인 신청 7차분');
    expect(within(row).getByText(`서명됨: ${ISSUER_NAME} (${TRUSTED_KEYID.slice(0, 12)})`)).toBeTruthy();
    expect(within(row).getByText('1015-small-business-2022-12')).toBeTruthy();
    expect(within(row).getAllByRole('cell')[1]?.textContent).toBe('3');

    expect(screen.getByRole('link', { name: '사건 묶음', current: 'page' })).toBeTruthy();
    expect(screen.getByTestId('council-name').textContent).toBe('카카오 1015 피해지원 협의체');
    expect(await db.cases.count()).toBe(3);
    expect((await readSettings(db)).firstRunDone).toBe(true);
  });

  it('shows the error code and message when the demo council cannot be loaded, and stays put', async () => {
    failingBridge('DEMO_MISSING', 'The demo bundle file was not found.');
    const { user, db } = renderApp();

    await user.click(await screen.findByRole('button', { name: '데모 협의체 불러오기' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('데모 협의체를 불러오지 못했습니다.');
    expect(alert.textContent).toContain('DEMO_MISSING');
    expect(alert.textContent).toContain('The demo bundle file was not found.');
    expect(screenRoot('welcome')).toBeTruthy();
    expect(screen.getByRole('button', { name: '데모 협의체 불러오기' })).toHaveProperty('disabled', false);
    expect(await db.members.count()).toBe(0);
  });

  it('shows a missing bridge as an error too', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: '데모 협의체 불러오기' }));
    expect((await screen.findByRole('alert')).textContent).toContain('BRIDGE_MISSING');
  });

  it('is busy while the demo council loads', async () => {
    let release: (() => void) | undefined;
    const bridge = fakeBridge(demoCouncil());
    const reply = await bridge.loadDemoCouncil(undefined);
    bridge.loadDemoCouncil.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(reply))));
    const { user } = renderApp();

    const button = await screen.findByRole('button', { name: '데모 협의체 불러오기' });
    await user.click(button);
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toBe('데모 협의체를 불러오는 중입니다…');
    release?.();
    await waitFor(() => screenRoot('bundles'));
  });

  it('disables the demo button when this installation has no demo council', async () => {
    fakeBridge(demoCouncil(), { ...APP_INFO, demoAvailable: false });
    renderApp();
    expect(await screen.findByText('이 설치본에는 데모 협의체가 들어 있지 않습니다.')).toBeTruthy();
    expect(screen.getByRole('button', { name: '데모 협의체 불러오기' })).toHaveProperty('disabled', true);
  });

  it('can start empty, and the welcome does not come back', async () => {
    fakeBridge(demoCouncil());
    const first = renderApp();
    await first.user.click(await screen.findByRole('button', { name: '빈 상태로 시작' }));
    await waitFor(() => screenRoot('bundles'));
    expect(screen.getByText('아직 불러온 사건 묶음이 없습니다.')).toBeTruthy();
    first.unmount();

    renderApp(first.db);
    await waitFor(() => screenRoot('bundles'));
    expect(document.querySelector('[data-screen="welcome"]')).toBeNull();
  });
});
