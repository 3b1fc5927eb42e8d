/**
 * Browser mode's bridge, the page side: built from the token in the page's address (which is then
 * stripped), every call a POST with the token header, a dropped file without a path, and a report
 * saved as a download in browser mode.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api';
import { evidenceBytesSize } from '../../shared/bundle-import';
import { ok } from '../../shared/result';
import { BINARY_CALL_TYPE, decodeCall, encodeAnswer } from '../../electron/services/browser-mode/http-bridge';
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
    const binary = (init!.headers as Record<string, string>)['content-type'] === BINARY_CALL_TYPE;
    const sent = init!.body instanceof Blob ? Buffer.from(await init!.body.arrayBuffer()) : Buffer.from(String(init!.body));
    const { method, hasArg, arg } = decodeCall(sent, binary);
    const { body, headers } = encodeAnswer(answer(method as string, hasArg ? arg : undefined));
    return new Response(new Uint8Array(Buffer.concat(body)), { status: 200, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])) });
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

  it('hands large byte arrays on as ranges of the answer taken as a Blob, with the same bytes', async () => {
    const big = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * seed) & 255);
    const pieces = [big(40_000, 7), big(100_000, 13)];
    const server = fakeServer(() => ok({ kind: 'data', evidence: pieces.map((bytes, i) => ({ file: `evidence/c/${i}.pdf`, bytes, last: true })) }));
    const api = createCouncilApi(() => createHttpBridge('t', { fetch: server.fetch }));
    const chunk = await api.importNext({ importId: '0'.repeat(36) });
    if (chunk.kind !== 'data') throw new Error('expected data');
    expect(chunk.evidence.map((p) => [p.file, ArrayBuffer.isView(p.bytes), evidenceBytesSize(p.bytes)])).toEqual([
      ['evidence/c/0.pdf', false, 40_000],
      ['evidence/c/1.pdf', false, 100_000],
    ]);
    // a range made a Blob of its own keeps to its range, with the type asked for
    const part = chunk.evidence[1]!.bytes.slice(10, 20, 'application/pdf') as Blob;
    expect([part.size, part.type, [...new Uint8Array(await part.arrayBuffer())]]).toEqual([10, 'application/pdf', [...pieces[1]!.slice(10, 20)]]);
    for (const [i, piece] of chunk.evidence.entries()) expect([...new Uint8Array(await (piece.bytes.slice() as Blob).arrayBuffer())]).toEqual([...pieces[i]!]);
  });

  it('sends a call holding bytes as a JSON head and a binary tail, the bytes in their place at the server', async () => {
    // The server's bytes are Node Buffers, of another realm than this page's Uint8Array in jsdom: copied to be sent back.
    const server = fakeServer((method, arg) => ok({ method, arg: { ...(arg as object), bytes: Uint8Array.from((arg as { bytes?: Uint8Array } | undefined)?.bytes ?? []) } }));
    const bridge = createHttpBridge('t', { fetch: server.fetch });
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 255);
    const reply = (await bridge.backupAppend({ backupId: '0'.repeat(36), entry: 'rows.json', bytes, last: true })) as unknown as { ok: true; value: { arg: { bytes: Uint8Array; last: boolean } } };
    expect((server.requests[0]!.init.headers as Record<string, string>)['content-type']).toBe('application/octet-stream');
    expect(server.requests[0]!.init.body).toBeInstanceOf(Blob);
    expect(reply.value.arg.last).toBe(true);
    expect([...reply.value.arg.bytes]).toEqual([...bytes]);
    // A call without bytes is JSON as before.
    await bridge.getAppInfo(undefined);
    expect(JSON.parse(String(server.requests[1]!.init.body))).toEqual({ method: 'getAppInfo', hasArg: false, arg: null });
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
