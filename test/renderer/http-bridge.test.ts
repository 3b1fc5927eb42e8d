/**
 * Browser mode's bridge, the page side: built from the token in the page's address (which is then
 * stripped), every call a POST with the token header, a dropped file without a path, and a report
 * saved as a download in browser mode.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api';
import { ok } from '../../shared/result';
import { encodeReply } from '../../electron/services/browser-mode/http-bridge';
import { HTTP_BRIDGE_PATH as SERVER_PATH, TOKEN_HEADER as SERVER_HEADER } from '../../electron/services/browser-mode/http-bridge';
import { TOKEN_PARAM as SERVER_PARAM } from '../../electron/services/browser-mode/request-guard';
import { createCouncilApi } from '../../renderer/common/council-api';
import { createHttpBridge, HTTP_BRIDGE_PATH, installBrowserBridge, TOKEN_HEADER, TOKEN_PARAM } from '../../renderer/common/http-bridge';
import { APP_INFO } from './support/fake-bridge';

/** A stand-in for the server: answers each call with `answer(method, arg)`, encoded as the server does. */
function fakeServer(answer: (method: string, arg: unknown) => unknown) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), init: init! });
    const { method, hasArg, arg } = JSON.parse(String(init!.body));
    const body = encodeReply(answer(method, hasArg ? arg : undefined));
    return new Response(new Uint8Array(body), { status: 200 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('the page side of the HTTP bridge', () => {
  it('names the path, header and parameter as the server does', () => {
    expect([HTTP_BRIDGE_PATH, TOKEN_HEADER, TOKEN_PARAM]).toEqual([SERVER_PATH, SERVER_HEADER, SERVER_PARAM]);
  });

  it('has every call of the contract, each a POST with the token header, and gives the bytes back as Uint8Arrays', async () => {
    const server = fakeServer((method, arg) => ok({ method, arg, bytes: new Uint8Array([4, 2]) }));
    const bridge = createHttpBridge('t0ken', { fetch: server.fetch });
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'pathForFile'].sort());
    const reply = (await bridge.importNext({ importId: '0'.repeat(36) })) as unknown as { ok: true; value: { method: string; arg: unknown; bytes: Uint8Array } };
    expect(reply.value.method).toBe('importNext');
    expect(reply.value.arg).toEqual({ importId: '0'.repeat(36) });
    expect(reply.value.bytes).toBeInstanceOf(Uint8Array);
    expect([...reply.value.bytes]).toEqual([4, 2]);
    const { url, init } = server.requests[0]!;
    expect(url).toBe('/__council-api');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-council-desk-token']).toBe('t0ken');
    expect(bridge.pathForFile(new File(['x'], 'b.cdbundle'))).toBe('');
  });

  it('turns a refusal into a failed call the screens show with its code', async () => {
    const fetch = vi.fn(async () => new Response('Forbidden: Council Desk answers only the window it opened (wrong token).', { status: 403 }));
    const api = createCouncilApi(() => createHttpBridge('old', { fetch: fetch as unknown as typeof globalThis.fetch }));
    await expect(api.getAppInfo()).rejects.toMatchObject({ code: 'BRIDGE_FAILED', message: expect.stringContaining('HTTP 403') });
  });

  it('saves a report as a download in browser mode, and through the main process otherwise', async () => {
    for (const mode of ['browser', 'electron'] as const) {
      const server = fakeServer((method) => (method === 'getAppInfo' ? ok({ ...APP_INFO, mode }) : ok('/home/sec/report.txt')));
      const download = vi.fn();
      const bridge = createHttpBridge('t', { fetch: server.fetch, download });
      const reply = await bridge.saveTextFile({ suggestedName: 'report.txt', text: '오류 2건' });
      const called = server.requests.map((r) => JSON.parse(String(r.init.body)).method);
      if (mode === 'browser') {
        expect(download).toHaveBeenCalledWith('report.txt', '오류 2건');
        expect(reply).toEqual({ ok: true, value: 'report.txt' });
        expect(called).toEqual(['getAppInfo']);
      } else {
        expect(download).not.toHaveBeenCalled();
        expect(reply).toEqual({ ok: true, value: '/home/sec/report.txt' });
        expect(called).toEqual(['getAppInfo', 'saveTextFile']);
      }
    }
  });

  it('is built from the token in the address, which is stripped from it; without one nothing is installed', () => {
    installBrowserBridge(window);
    expect(window.councilDesk).toBeUndefined();
    window.history.replaceState(null, '', '/?token=abc123&lang=ko#top');
    const before = window.history.length;
    installBrowserBridge(window);
    expect(window.councilDesk).toBeDefined();
    expect(window.location.search).toBe('?lang=ko');
    expect(window.location.hash).toBe('#top');
    expect(window.history.length).toBe(before);
    expect(Object.isFrozen(window.councilDesk)).toBe(true);
  });

  it('leaves a preload bridge alone', () => {
    const preload = { marker: true } as never;
    window.councilDesk = preload;
    window.history.replaceState(null, '', '/?token=abc123');
    installBrowserBridge(window);
    expect(window.councilDesk).toBe(preload);
    expect(window.location.search).toBe('?token=abc123');
  });
});
