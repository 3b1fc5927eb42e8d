import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, type ApiHandlers } from '../../shared/api';
import { bindApi, isTrustedSender } from '../../electron/ipc';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { CouncilError } from '../../shared/result';

vi.mock('electron', () => ({}));

const handlers = {
  getAppInfo: async () => ({ name: 'Council Desk', version: '9.9.9', platform: 'linux', demoAvailable: true, mode: 'electron' as const }),
  loadDemoCouncil: async () => {
    throw new CouncilError('DEMO_MISSING', 'The demo bundle was not found.');
  },
} as Partial<ApiHandlers> as ApiHandlers;

function senderEvent(url: string, options: { subFrame?: boolean; otherFrame?: boolean } = {}) {
  const mainFrame = { url, parent: null };
  const frame = options.subFrame ? { url, parent: mainFrame } : options.otherFrame ? { url, parent: null } : mainFrame;
  return { sender: { mainFrame }, senderFrame: frame } as any;
}

function bound() {
  const channels = new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>();
  bindApi({ handle: (channel: string, listener: any) => void channels.set(channel, listener) } as any, handlers);
  return channels;
}

describe('ipc.ts', () => {
  it('registers one council: channel per contract call and nothing else', () => {
    expect([...bound().keys()]).toEqual(API_METHODS.map((m) => `council:${m}`));
  });

  it('answers the app main frame with a Result', async () => {
    const reply = await bound().get('council:getAppInfo')!(senderEvent('app://council-desk/index.html'), undefined);
    expect(reply).toEqual({ ok: true, value: { name: 'Council Desk', version: '9.9.9', platform: 'linux', demoAvailable: true, mode: 'electron' } });
  });

  it('refuses foreign origins, sub-frames and frames that are not the main frame', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const channel = bound().get('council:getAppInfo')!;
    for (const event of [
      senderEvent('https://evil.example/'),
      senderEvent('file:///tmp/x.html'),
      senderEvent('app://council-desk/index.html', { subFrame: true }),
      senderEvent('app://council-desk/index.html', { otherFrame: true }),
      { sender: { mainFrame: null }, senderFrame: null },
    ]) {
      expect(await channel(event, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(isTrustedSender(senderEvent('app://council-desk.evil/index.html'))).toBe(false);
    expect(error).toHaveBeenCalledTimes(5);
    error.mockRestore();
  });

  it('logs each refusal with the channel and the sender\'s URL, instead of refusing silently', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const channels = bound();
    await channels.get('council:getAppInfo')!(senderEvent('https://evil.example/page'), undefined);
    await channels.get('council:getAppInfo')!(senderEvent('app://council-desk/index.html', { subFrame: true }), undefined);
    await channels.get('council:getAppInfo')!({ sender: { mainFrame: null }, senderFrame: null }, undefined);
    expect(error.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/refused a call on channel "council:getAppInfo" from "https:\/\/evil\.example\/page"/),
      expect.stringMatching(/"council:getAppInfo" from a sub-frame at "app:\/\/council-desk\/index\.html"/),
      expect.stringMatching(/"council:getAppInfo" from an unknown frame/),
    ]);

    const reply = await channels.get('council:getAppInfo')!(senderEvent('app://council-desk/index.html'), { path: '/etc' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/refused a call on channel "council:getAppInfo" from "app:\/\/council-desk\/index\.html": The call "getAppInfo" was given an argument it cannot use/);

    // An answered call, even one whose handler refuses on its own terms, is not a refusal of the call.
    await channels.get('council:loadDemoCouncil')!(senderEvent('app://council-desk/'), undefined);
    await channels.get('council:getAppInfo')!(senderEvent('app://council-desk/'), undefined);
    expect(error).toHaveBeenCalledTimes(3);
    expect(warn).toHaveBeenCalledTimes(1);
    error.mockRestore();
    warn.mockRestore();
  });

  it('passes a handler\'s CouncilError across as code and message', async () => {
    const reply = await bound().get('council:loadDemoCouncil')!(senderEvent('app://council-desk/'), undefined);
    expect(reply).toEqual({ ok: false, error: { code: 'DEMO_MISSING', message: 'The demo bundle was not found.' } });
  });
});

describe('dispatchApiCall', () => {
  it('refuses a call that is not in the contract', async () => {
    expect(await dispatchApiCall(handlers, 'readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatchApiCall(handlers, 'toString', undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatchApiCall(handlers, '__proto__', undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses an argument the contract does not allow', async () => {
    const reply = await dispatchApiCall(handlers, 'getAppInfo', { path: '/etc' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('turns an unexpected exception into INTERNAL with its message, never a throw', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...handlers, getAppInfo: async () => { throw new TypeError('disk on fire'); } };
    const reply = await dispatchApiCall(broken, 'getAppInfo', undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!reply.ok && reply.error.message).toContain('disk on fire');
    spy.mockRestore();
  });
});
