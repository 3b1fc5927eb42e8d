import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/content-security';
import { createFakeElectron, fakeContents } from './fakes/fake-electron';

const fake = createFakeElectron();
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('electron/main.ts security baseline', () => {
  beforeAll(async () => {
    const main = await import('../../electron/main');
    await main.started;
  });
  afterAll(() => rmSync(fake.record.userData, { recursive: true, force: true }));

  it('opens one window with isolation, sandbox and no Node in the page', () => {
    expect(fake.record.windows).toHaveLength(1);
    const prefs = fake.record.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
  });

  it('loads the app from its own app:// protocol, never from the network', () => {
    expect(fake.record.windows[0]!.loadedUrl).toBe('app://council-desk/index.html');
    expect(fake.record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.record.protocolHandlers.has('app')).toBe(true);
  });

  it('serves the renderer with the strict content security policy', async () => {
    const handler = fake.record.protocolHandlers.get('app')!;
    const response = (await handler({ url: 'app://council-desk/..%2f..%2fetc%2fpasswd' })) as Response;
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    const headers = await new Promise<any>((resolve) =>
      fake.record.headersHandler!({ responseHeaders: { 'X-Other': ['1'] } }, resolve),
    );
    expect(headers.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('denies every permission request and check but persistent storage for the app\'s own page', () => {
    const app = { requestingUrl: 'app://council-desk/index.html', isMainFrame: true };
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'storage-access']) {
      fake.record.permissionRequestHandler!({}, permission, (granted: boolean) => answers.push(granted), app);
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.record.permissionCheckHandler!({}, 'media', 'app://council-desk')).toBe(false);

    // navigator.storage.persist(): granted to the app, so its IndexedDB is never cleared under storage pressure
    const persist: boolean[] = [];
    fake.record.permissionRequestHandler!({}, 'persistent-storage', (granted: boolean) => persist.push(granted), app);
    fake.record.permissionRequestHandler!({}, 'persistent-storage', (granted: boolean) => persist.push(granted), { requestingUrl: 'https://example.com/', isMainFrame: true });
    expect(persist).toEqual([true, false]);
    expect(fake.record.permissionCheckHandler!({}, 'persistent-storage', 'app://council-desk')).toBe(true);
    expect(fake.record.permissionCheckHandler!({}, 'persistent-storage', 'http://127.0.0.1:41015')).toBe(false);
  });

  it("tells the page the real storage quota, not Chromium's fixed one (the warning before an import and STORAGE_FULL's figures depend on it)", () => {
    expect(fake.record.switches).toContainEqual(['disable-features', 'StaticStorageQuota']);
  });

  it('blocks navigation away from the app, new windows and webviews in every web contents', () => {
    const contents = fakeContents();
    fake.record.appListeners.get('web-contents-created')!({}, contents);
    const navigate = contents.listeners.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const within = { preventDefault: vi.fn() };
    navigate(within, 'app://council-desk/index.html');
    expect(within.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    contents.listeners.get('will-redirect')!(redirect, 'http://127.0.0.1:9/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('binds exactly the contract calls to council: channels', () => {
    expect([...fake.record.ipcHandlers.keys()].sort()).toEqual(API_METHODS.map((m) => `council:${m}`).sort());
  });

  it('asks a native confirmation, modal to the window with cancel as the default, before signature checks go off', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const mainFrame = { url: 'app://council-desk/index.html', parent: null };
    const event = { sender: { mainFrame }, senderFrame: mainFrame };
    const set = (arg: unknown) => fake.record.ipcHandlers.get('council:setSecuritySettings')!(event, arg);
    const get = () => fake.record.ipcHandlers.get('council:getSecuritySettings')!(event, undefined);

    fake.record.messageBoxAnswers.push(0); // Enter or Escape: the cancel button
    expect(await set({ change: { requireSignature: false }, language: 'en' })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_DECLINED' } });
    const [box] = fake.record.messageBoxes;
    expect(box?.parent).toBe(fake.record.windows[0]);
    expect(box?.options).toMatchObject({ type: 'warning', defaultId: 0, cancelId: 0, buttons: ['취소 / Cancel', 'Turn off'] });
    expect(box?.options.detail).toBe('Require signed bundles is turned off: bundles not signed by a trusted key will be imported.');
    expect(await get()).toMatchObject({ ok: true, value: { requireSignature: true } });

    fake.record.messageBoxAnswers.push(1);
    expect(await set({ change: { requireSignature: false } })).toMatchObject({ ok: true, value: { requireSignature: false } });
    expect(fake.record.messageBoxes[1]?.options.buttons[1]).toBe('끄기 / Turn off');
    expect(await get()).toMatchObject({ ok: true, value: { requireSignature: false } });
    expect(existsSync(join(fake.record.userData, 'security-settings.json'))).toBe(true);
    info.mockRestore();
    warn.mockRestore();
  });
});
