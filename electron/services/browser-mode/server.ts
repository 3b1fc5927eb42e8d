/**
 * Browser mode's server: the built renderer and the API on 127.0.0.1 only, for the page this run
 * opens. Every request passes request-guard.ts (Host, Origin, token) or is answered 403 with a
 * short plain text and logged; every answer carries the app's CSP and nosniff, no-referrer, and the
 * API's answers no-store. The API is the very handler module ipc.ts binds, called through
 * dispatchApiCall (the caller passes it in as `call`), so arguments are checked the same way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../content-security';
import { readStaticFile } from '../static-files';
import { HTTP_BRIDGE_PATH, serveBridgeCall } from './http-bridge';
import { checkApiToken, decideFileRequest, newToken, refuseByOrigin, TOKEN_PARAM, tokenCookie, type RunTokens } from './request-guard';

export interface BrowserModeServerOptions {
  /** The built page to serve (dist/renderer; the benchmark serves its own). */
  rendererDir: string;
  /** One API call, answered with a Result: dispatchApiCall over the handlers. */
  call: (method: unknown, arg: unknown) => Promise<unknown>;
  /** The port on 127.0.0.1; 0 picks a free one (tests). */
  port: number;
  /** This run's token, and the one-time token of its start address; fresh random ones unless a test gives its own. */
  token?: string;
  launchToken?: string;
  /** Where refusals are reported, one line each. */
  log?: (line: string) => void;
}

export interface BrowserModeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  /** The address to open, once: the origin with the launch token, which the page's first request swaps for the run's token. */
  url: string;
  close(): Promise<void>;
}

/** Headers every answer carries. */
const BASE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

const NO_STORE = { 'cache-control': 'no-store' };

/** The paths that load the page itself (a reload asks for these without the token). */
const PAGE_PATHS = new Set(['/', '/index.html']);

/** Sends an answer; a body in parts is written part by part (an import's evidence bytes are not copied into one buffer). */
function send(res: ServerResponse, status: number, headers: Record<string, string | number>, body: string | Uint8Array | readonly Uint8Array[]): void {
  if (res.headersSent) return;
  const parts = typeof body === 'string' ? [Buffer.from(body, 'utf8')] : body instanceof Uint8Array ? [body] : body;
  res.writeHead(status, { ...BASE_HEADERS, 'content-length': parts.reduce((sum, p) => sum + p.byteLength, 0), ...headers });
  res.cork();
  for (const part of parts) res.write(part);
  res.uncork();
  res.end();
}

function refuse(res: ServerResponse, log: (line: string) => void, req: IncomingMessage, path: string, reason: string): void {
  log(`council-desk serve: refused ${req.method ?? '?'} ${path}: ${reason}`);
  send(res, 403, { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' }, `Forbidden: Council Desk answers only the window it opened (${reason}).\n`);
}

function requestUrl(req: IncomingMessage): URL | null {
  const raw = req.url ?? '';
  if (!raw.startsWith('/')) return null;
  try {
    return new URL(`http://council-desk.invalid${raw}`);
  } catch {
    return null;
  }
}

export function startBrowserModeServer(options: BrowserModeServerOptions): Promise<BrowserModeServer> {
  const run: RunTokens = { token: options.token ?? newToken(), launchToken: options.launchToken ?? newToken(), launchUsed: false };
  const { token } = run;
  const log = options.log ?? ((line: string) => console.error(line));
  let port = options.port;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (url === null) return refuse(res, log, req, '?', 'a malformed address');
    const path = url.pathname;
    const byOrigin = refuseByOrigin(req.headers, port);
    if (byOrigin !== null) return refuse(res, log, req, path, byOrigin);

    if (path === HTTP_BRIDGE_PATH) {
      if (req.method !== 'POST') return send(res, 405, { ...NO_STORE, allow: 'POST', 'content-type': 'text/plain; charset=utf-8' }, 'POST only.\n');
      const check = checkApiToken(req.headers, token);
      if (!check.ok) return refuse(res, log, req, path, check.reason);
      return serveBridgeCall(req, (status, headers, body) => send(res, status, { ...NO_STORE, ...headers }, body), options.call);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ...NO_STORE, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'GET only.\n');
    const decision = decideFileRequest(req.headers, url, PAGE_PATHS.has(path), run, port);
    if (decision.kind === 'refuse') return refuse(res, log, req, path, decision.reason);
    const cookie: Record<string, string> = decision.setCookie ? { 'set-cookie': tokenCookie(port, token) } : {};
    if (decision.kind === 'redirect') {
      // The page's own address with the run's token, which the page takes into memory and strips.
      return send(res, 303, { ...NO_STORE, ...cookie, location: `${path}?${TOKEN_PARAM}=${encodeURIComponent(token)}` }, '');
    }
    const file = await readStaticFile(options.rendererDir, path);
    const isPage = PAGE_PATHS.has(path);
    send(res, file.status, { ...file.headers, ...cookie, 'cache-control': isPage ? 'no-store' : 'no-cache' }, file.body); // Node sends no body for HEAD
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`council-desk serve: ${req.method} failed: ${(error as Error)?.message ?? String(error)}`);
      send(res, 500, { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' }, 'Council Desk could not answer this request.\n');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        port,
        origin,
        token,
        url: `${origin}/?${TOKEN_PARAM}=${encodeURIComponent(run.launchToken)}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
