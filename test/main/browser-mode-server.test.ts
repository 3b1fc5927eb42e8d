/**
 * Browser mode's server answers only the page of its own run: a request without the token, with a
 * wrong one, with a wrong Host (DNS rebinding) or from another origin or site is refused with 403
 * and logged, while the right one is served, with the app's CSP and the other headers on every
 * answer.
 */
import { request } from 'node:http';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/content-security';
import { encodeReply } from '../../electron/services/browser-mode/http-bridge';
import { tokensMatch } from '../../electron/services/browser-mode/request-guard';
import { startBrowserModeServer, type BrowserModeServer } from '../../electron/services/browser-mode/server';
import { decodeReply } from '../../renderer/common/http-bridge';

const TOKEN = 'the-token-of-this-run-0123456789abcdef';
const LAUNCH = 'the-start-address-token-0123456789abcd';
const rendererDir = mkdtempSync(path.join(tmpdir(), 'cd-serve-'));
mkdirSync(path.join(rendererDir, 'assets'));
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Council Desk</title>');
writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');

let server: BrowserModeServer;
const log: string[] = [];
const calls: { method: unknown; arg: unknown }[] = [];

beforeAll(async () => {
  server = await startBrowserModeServer({
    port: 0,
    rendererDir,
    token: TOKEN,
    launchToken: LAUNCH,
    log: (line) => log.push(line),
    call: async (method, arg) => {
      calls.push({ method, arg });
      return { ok: true, value: { echo: arg, bytes: new Uint8Array([1, 2, 3]) } };
    },
  });
});
afterAll(() => server.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(pathAndQuery: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathAndQuery, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const cookie = () => `council-desk-${server.port}=${TOKEN}`;
const origin = () => `http://127.0.0.1:${server.port}`;
const apiCall = (headers: Record<string, string>) =>
  send('/__council-api', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ method: 'getAppInfo', hasArg: true, arg: { x: 1 } }) });

function expectRefused(answer: Answer, reason: RegExp): void {
  expect(answer.status).toBe(403);
  expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(answer.body.toString()).toMatch(/^Forbidden: Council Desk answers only the window it opened/);
  expect(answer.body.toString()).not.toContain(TOKEN);
  expect(log.at(-1)).toMatch(reason);
}

describe('browser mode\'s server', () => {
  it('listens on loopback, and its start address carries the one-time launch token', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`${server.origin}/?token=${LAUNCH}`);
  });

  it('swaps the start address\'s token, once, for the run\'s token and the cookie; after that only with the cookie', async () => {
    expectRefused(await send(`/assets/app.js?token=${LAUNCH}`), /the start token is for the page only/);
    const first = await send(`/?token=${LAUNCH}`, { headers: { 'sec-fetch-site': 'none' } });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/?token=${TOKEN}`);
    expect(first.headers['set-cookie']).toEqual([`council-desk-${server.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    // anyone else who read it, e.g. from the browser's command line, is too late
    expectRefused(await send(`/?token=${LAUNCH}`), /the start address was used already/);
    const again = await send(`/?token=${LAUNCH}`, { headers: { cookie: cookie() } });
    expect(again.status).toBe(303);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('serves the page for the run\'s token in the URL and sets the HttpOnly SameSite=Strict cookie for the rest', async () => {
    const page = await send(`/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body.toString()).toContain('<title>Council Desk</title>');
    expect(page.headers['set-cookie']).toEqual([`council-desk-${server.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    const script = await send('/assets/app.js', { headers: { cookie: cookie(), 'sec-fetch-site': 'same-origin', origin: origin() } });
    expect(script.status).toBe(200);
    expect(script.body.toString()).toBe('console.log(1)');
    expect(script.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a request without the token, with a wrong token, or with an earlier run\'s cookie', async () => {
    expectRefused(await send('/'), /refused GET \/: no token/);
    expectRefused(await send('/assets/app.js'), /refused GET \/assets\/app\.js: no token/);
    expectRefused(await send(`/?token=${TOKEN}x`), /refused GET \/: wrong token/);
    expectRefused(await send('/assets/app.js', { headers: { cookie: `council-desk-${server.port}=an-earlier-token` } }), /wrong token/);
    // the cookie of another Council Desk on another port is not this one's
    expectRefused(await send('/assets/app.js', { headers: { cookie: `council-desk-1=${TOKEN}` } }), /no token/);
    expect(log.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a wrong Host (DNS rebinding) even with the right token', async () => {
    for (const host of ['evil.example:' + server.port, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `[::1]:${server.port}`]) {
      expectRefused(await send(`/?token=${TOKEN}`, { headers: { host } }), /wrong Host/);
    }
    const viaLocalhost = await send(`/?token=${TOKEN}`, { headers: { host: `localhost:${server.port}` } });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses another Origin and cross-site requests, even with the right token', async () => {
    expectRefused(await apiCall({ 'x-council-desk-token': TOKEN, origin: 'http://evil.example' }), /refused POST \/__council-api: wrong Origin "http:\/\/evil\.example"/);
    expectRefused(await apiCall({ 'x-council-desk-token': TOKEN, origin: `http://127.0.0.1:${server.port + 1}` }), /wrong Origin/);
    expectRefused(await apiCall({ 'x-council-desk-token': TOKEN, origin: 'null' }), /wrong Origin "null"/);
    expectRefused(await send('/assets/app.js', { headers: { cookie: cookie(), 'sec-fetch-site': 'cross-site' } }), /a cross-site request/);
    expectRefused(await send('/assets/app.js', { headers: { cookie: cookie(), 'sec-fetch-site': 'same-site' } }), /a same-site request/);
  });

  it('answers an API call only with the token header (the cookie alone is not enough), with the binary tail', async () => {
    const before = calls.length;
    expectRefused(await apiCall({ cookie: cookie(), origin: origin() }), /refused POST \/__council-api: no token/);
    expectRefused(await apiCall({ 'x-council-desk-token': 'wrong', origin: origin() }), /wrong token/);
    expect(calls.length).toBe(before);
    const answer = await apiCall({ 'x-council-desk-token': TOKEN, origin: origin(), 'sec-fetch-site': 'same-origin' });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    // how many byte arrays the tail holds, and their bytes: the page takes an answer of large ones as a Blob
    expect([answer.headers['x-council-desk-binary-parts'], answer.headers['x-council-desk-binary-bytes']]).toEqual(['1', '3']);
    expect(calls.at(-1)).toEqual({ method: 'getAppInfo', arg: { x: 1 } });
    const value = decodeReply(new Uint8Array(answer.body).buffer) as { ok: true; value: { echo: unknown; bytes: Uint8Array } };
    expect(value.value.echo).toEqual({ x: 1 });
    expect([...value.value.bytes]).toEqual([1, 2, 3]);
  });

  it('sends a reload, which has the cookie but no token, to the address with the token', async () => {
    const reload = await send('/', { headers: { cookie: cookie(), 'sec-fetch-site': 'none' } });
    expect(reload.status).toBe(303);
    expect(reload.headers.location).toBe(`/?token=${TOKEN}`);
    expect(reload.headers['cache-control']).toBe('no-store');
  });

  it('puts the CSP, nosniff and no-referrer on every answer, refusals included', async () => {
    for (const answer of [await send(`/?token=${TOKEN}`), await send('/'), await apiCall({ 'x-council-desk-token': TOKEN }), await send('/missing.js', { headers: { cookie: cookie() } })]) {
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('turns down other methods and bodies that are not a call', async () => {
    expect((await send('/__council-api', { headers: { 'x-council-desk-token': TOKEN } })).status).toBe(405);
    expect((await send(`/?token=${TOKEN}`, { method: 'PUT' })).status).toBe(405);
    const bad = await send('/__council-api', { method: 'POST', headers: { 'x-council-desk-token': TOKEN }, body: 'not json' });
    expect(bad.status).toBe(400);
  });
});

describe('the bridge encoding and the token comparison', () => {
  it('sends Uint8Arrays as a binary tail that the page puts back in place', () => {
    const value = { ok: true, value: { cases: [{ id: 'a' }], evidence: [{ file: 'x.pdf', bytes: new Uint8Array([9, 8]) }, { file: 'y.png', bytes: new Uint8Array(0) }], top: new Uint8Array([7]) } };
    const encoded = encodeReply(value);
    const back = decodeReply(new Uint8Array(encoded).buffer) as typeof value;
    expect(back.value.cases).toEqual([{ id: 'a' }]);
    expect([...back.value.evidence[0]!.bytes]).toEqual([9, 8]);
    expect(back.value.evidence[1]!.bytes.byteLength).toBe(0);
    expect([...back.value.top]).toEqual([7]);
    expect(value.value.top).toBeInstanceOf(Uint8Array); // the value itself is left as it was
    const bare = encodeReply(new Uint8Array([5]));
    expect([...(decodeReply(new Uint8Array(bare).buffer) as Uint8Array)]).toEqual([5]);
  });

  it('matches only the same token, whatever the lengths', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch(TOKEN, `${TOKEN}x`)).toBe(false);
    expect(tokensMatch(TOKEN, TOKEN.slice(0, -1))).toBe(false);
    expect(tokensMatch(TOKEN, '')).toBe(false);
    expect(tokensMatch(TOKEN, undefined)).toBe(false);
  });
});
