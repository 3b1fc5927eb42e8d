import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openCouncilDb } from '../../renderer/db/schema';
import { readSettings, writeSetting } from '../../renderer/db/settings';
import { failingAt } from './support/bundle-fixture';
import { BUNDLE_ID, demoBundleFixture, demoCouncil, ISSUER_NAME, TRUSTED_KEYID } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
import { APP_INFO, failingBridge, fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';
import { scriptFromFixture, scriptImport } from './support/scripted-import';

/** The fake bridge answering loadDemoCouncil, and the demo bundle's import scripted. */
function demoBridge(chunks = demoBundleFixture().chunks) {
  const bridge = fakeBridge(demoCouncil());
  const script = scriptImport(bridge, scriptFromFixture(demoBundleFixture(), chunks));
  return { bridge, script };
}

function screenRoot(name: string) {
  const root = document.querySelector(`[data-screen="${name}"]`);
  if (!root) throw new Error(`screen ${name} is not shown`);
  return root as HTMLElement;
}

/** The welcome's last step: who is at this keyboard (the secretary, unless changed), then on. */
async function continueAsOperator(user: ReturnType<typeof renderApp>['user'], pick?: string) {
  const step = await waitFor(() => screenRoot('welcome-operator'));
  if (pick) await user.click(within(step).getByRole('radio', { name: pick }));
  await user.click(within(step).getByRole('button', { name: '시작하기' }));
  await waitFor(() => screenRoot('bundles'));
}

describe('first run', () => {
  it('explains the app and loads the demo council through the streaming import into the Bundles screen', async () => {
    const { bridge, script } = demoBridge();
    const { user, db } = renderApp();

    expect(await screen.findByRole('heading', { level: 1, name: 'Council Desk에 오신 것을 환영합니다' })).toBeTruthy();
    expect(screenRoot('welcome').textContent).toContain('오프라인 데스크톱 앱');
    await user.click(screen.getByRole('button', { name: '데모 협의체 불러오기' }));

    await continueAsOperator(user);
    expect(bridge.loadDemoCouncil).toHaveBeenCalledTimes(1);
    // The demo bundle by name: no path crosses over, and no signature policy either.
    expect(bridge.importDemoBegin).toHaveBeenCalledWith(undefined);
    expect(bridge.importBegin).not.toHaveBeenCalled();
    expect(script.served).toBe(3);
    const table = within(screenRoot('bundles')).getByRole('table', { name: '불러온 사건 묶음' });
    const row = within(table).getByRole('row', { name: /1015-2023-B07/ });
    expect(row.textContent).toContain('1015 소상공인 신청 7차분');
    expect(within(row).getByText(`서명됨: ${ISSUER_NAME} (${TRUSTED_KEYID.slice(0, 12)})`)).toBeTruthy();
    expect(within(row).getByText('1015-small-business-2022-12')).toBeTruthy();
    expect(within(row).getAllByRole('cell')[1]?.textContent).toBe('3');

    expect(screen.getByRole('link', { name: '사건 묶음', current: 'page' })).toBeTruthy();
    expect(screen.getByTestId('council-name').textContent).toBe('카카오 1015 피해지원 협의체');
    expect(await db.cases.count()).toBe(3);
    expect(await db.documents.count()).toBe(3);
    expect(await db.bundles.get(BUNDLE_ID)).toMatchObject({ status: 'ready', fileName: 'demo.cdbundle' });
    expect((await readSettings(db)).firstRunDone).toBe(true);
    expect((await db.audit.toArray()).map((e) => [e.action, e.actor])).toEqual([['store-demo-members', 's1'], ['import', 's1']]);
  });

  it('chooses the demo council\'s secretary as the operator by default, shown in the header', async () => {
    const { user, db } = renderApp();
    demoBridge();
    await user.click(await screen.findByRole('button', { name: '데모 협의체 불러오기' }));
    const step = await waitFor(() => screenRoot('welcome-operator'));
    expect(within(step).getByRole('heading', { level: 1 }).textContent).toBe('이 기기에서 입력하는 사람');
    const radios = within(step).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 's1']);
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual(['s1']);
    expect(within(step).getByRole('radio', { name: '윤하늘 · 간사 (협의체 사무국)' })).toHaveProperty('checked', true);
    expect((await readSettings(db)).operator).toBe('s1');

    await continueAsOperator(user);
    const select = screen.getByRole('combobox', { name: '입력 담당' }) as HTMLSelectElement;
    expect(select.value).toBe('s1');
    expect(select.selectedOptions[0]?.textContent).toBe('윤하늘 (간사)');
    // Keeping the default is no change: nothing more in the audit log.
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['store-demo-members', 'import']);
  });

  it('lets the user pick another member as the operator; the choice is audited in that member\'s name', async () => {
    const { user, db } = renderApp();
    demoBridge();
    await user.click(await screen.findByRole('button', { name: '데모 협의체 불러오기' }));
    await continueAsOperator(user, '정한결 · 위원장 (소상공인연합회)');

    expect((screen.getByRole('combobox', { name: '입력 담당' }) as HTMLSelectElement).value).toBe('m1');
    expect((await readSettings(db)).operator).toBe('m1');
    const entries = await db.audit.toArray();
    expect(entries.map((e) => [e.action, e.actor])).toEqual([['store-demo-members', 's1'], ['import', 's1'], ['choose', 'm1']]);
    expect(entries[2]).toMatchObject({ entity: 'settings', entityId: 'operator', detail: { operator: 'm1', previous: 's1' } });
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
    const { bridge } = demoBridge();
    const reply = await bridge.loadDemoCouncil(undefined);
    bridge.loadDemoCouncil.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(reply))));
    const { user } = renderApp();

    const button = await screen.findByRole('button', { name: '데모 협의체 불러오기' });
    await user.click(button);
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toBe('데모 협의체를 불러오는 중입니다…');
    release?.();
    await continueAsOperator(user);
  });

  it('shows the import progress while the demo bundle streams in', async () => {
    const { script } = demoBridge();
    const releaseSecond = script.hold(1);
    const { user } = renderApp();

    const button = await screen.findByRole('button', { name: '데모 협의체 불러오기' });
    await user.click(button);
    await waitFor(() => expect(screen.getByTestId('demo-import-counts').textContent).toBe('사건 2 / 3 · 증빙 2 / 4'));
    const bar = screen.getByRole('progressbar', { name: '사건 묶음 불러오기 진행률' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(button).toHaveProperty('disabled', true);
    expect(screenRoot('welcome')).toBeTruthy();

    releaseSecond();
    await continueAsOperator(user);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows a failed check of the demo bundle (code and problems), stores no bundle, and can retry', async () => {
    const fixture = demoBundleFixture();
    // A code this UI does not know: the reader's English message is shown.
    const problem = { kind: 'hash' as const, file: 'evidence/1015-000002/screenshot.png', line: null, path: '', code: 'NEWER_HASH_CHECK', params: {}, message: 'SHA-256 differs from the manifest.' };
    const { bridge } = demoBridge(failingAt(fixture, 1, [problem]));
    const { user, db } = renderApp();

    await user.click(await screen.findByRole('button', { name: '데모 협의체 불러오기' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('데모 협의체를 불러오지 못했습니다.');
    expect(alert.textContent).toContain('BUNDLE_INVALID');
    expect(alert.textContent).toContain('오류 1건');
    expect(alert.textContent).toContain('evidence/1015-000002/screenshot.png: SHA-256 differs from the manifest.');
    expect(screenRoot('welcome')).toBeTruthy();
    expect(await db.bundles.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);

    // The bundle is fixed (say, rebuilt): the same button now loads it.
    scriptImport(bridge, scriptFromFixture(demoBundleFixture()));
    const button = screen.getByRole('button', { name: '데모 협의체 불러오기' });
    expect(button).toHaveProperty('disabled', false);
    await user.click(button);
    await continueAsOperator(user);
    expect(await db.cases.count()).toBe(3);
    expect(await db.members.count()).toBe(6);
    // The members were stored once: the retry stored the same council again, which changes nothing.
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['store-demo-members', 'import']);
  });

  it('shows a refused import with its code and message', async () => {
    const bridge = fakeBridge(demoCouncil());
    bridge.importDemoBegin.mockImplementation(async () => ({ ok: false, error: { code: 'TRUST_FILE_INVALID', message: 'trust file not found: /app/build/demo/demo-trust.json' } }));
    const { user, db } = renderApp();

    await user.click(await screen.findByRole('button', { name: '데모 협의체 불러오기' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('TRUST_FILE_INVALID');
    expect(alert.textContent).toContain('trust file not found: /app/build/demo/demo-trust.json');
    expect(screenRoot('welcome')).toBeTruthy();
    expect(await db.bundles.count()).toBe(0);
  });

  it('takes a demo bundle that is already imported as success', async () => {
    const { bridge, script } = demoBridge();
    const db = openCouncilDb(freshDbName());
    await seedDemoCouncil(db);
    await db.members.clear();
    await writeSetting(db, 'firstRunDone', false);
    const { user } = renderApp(db);

    await user.click(await screen.findByRole('button', { name: '데모 협의체 불러오기' }));
    await continueAsOperator(user);
    expect(bridge.importDemoBegin).toHaveBeenCalledTimes(1);
    expect(script.served).toBe(0);
    expect(bridge.importCancel).toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(screenRoot('bundles')).getByRole('row', { name: /1015-2023-B07/ })).toBeTruthy();
    expect(await db.cases.count()).toBe(3);
    expect(await db.members.count()).toBe(6);
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
    // No roster, so no operator to choose.
    expect(screen.getByTestId('operator').textContent).toBe('입력 담당 없음 (위원 명단 없음)');
    expect(screen.queryByRole('combobox', { name: '입력 담당' })).toBeNull();
    expect((await readSettings(first.db)).operator).toBeNull();
    first.unmount();

    renderApp(first.db);
    await waitFor(() => screenRoot('bundles'));
    expect(document.querySelector('[data-screen="welcome"]')).toBeNull();
  });
});
