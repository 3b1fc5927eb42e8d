/**
 * Browser mode's bridge (council-desk serve), the page side: there is no preload, so the page
 * builds `window.councilDesk` itself, the same ApiBridge, over HTTP to the loopback server that
 * started it. Each call is POST /__council-api with this run's token in a header; the answer is a
 * JSON head plus a binary tail for the evidence bytes (electron/services/browser-mode/http-bridge.ts
 * describes the layout). The token comes once in the page's address, which is then stripped of it;
 * it lives only in this module's memory (a reload gets it again from the server by the cookie).
 *
 * Two calls are answered here, as preload.ts answers pathForFile: a dropped file has no path in a
 * browser (""), and in browser mode a report is saved as a download.
 */
import type { ApiBridge, ApiMethod, AppMode } from '../../shared/api';
import { API_METHODS } from '../../shared/api';
import type { Result } from '../../shared/result';

/** The same names as electron/services/browser-mode/ (the two sides cannot import each other). */
export const HTTP_BRIDGE_PATH = '/__council-api';
export const TOKEN_HEADER = 'x-council-desk-token';
export const TOKEN_PARAM = 'token';

type Binary = { path: (string | number)[]; at: number; length: number };

/** An answer's bytes back into the value: the JSON head, with each Uint8Array put in its place. */
export function decodeReply(buffer: ArrayBuffer): unknown {
  const jsonLength = new DataView(buffer).getUint32(0);
  const head = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, jsonLength))) as { value: unknown; binary: Binary[] };
  const base = 4 + jsonLength;
  const box: Record<string | number, unknown> = { value: head.value };
  for (const b of head.binary) {
    let holder = box;
    let key: string | number = 'value';
    for (const step of b.path) {
      holder = holder[key] as Record<string | number, unknown>;
      key = step;
    }
    holder[key] = new Uint8Array(buffer, base + b.at, b.length);
  }
  return box.value;
}

/** Hands text to the browser as a download named `name`. */
export function downloadText(name: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its bytes once it started; the URL is let go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface HttpBridgeOptions {
  fetch?: typeof fetch;
  download?: (name: string, text: string) => void;
}

export function createHttpBridge(token: string, options: HttpBridgeOptions = {}): ApiBridge {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const download = options.download ?? downloadText;

  async function invoke(method: ApiMethod, arg: unknown): Promise<unknown> {
    const res = await doFetch(HTTP_BRIDGE_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify({ method, hasArg: arg !== undefined, arg: arg ?? null }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!res.ok) throw new Error(`Council Desk's server refused ${method} (HTTP ${res.status}): ${(await res.text()).trim()}`);
    return decodeReply(await res.arrayBuffer());
  }

  let mode: Promise<AppMode | null> | null = null;
  const appMode = () =>
    (mode ??= (invoke('getAppInfo', undefined) as Promise<Result<{ mode: AppMode }>>).then(
      (reply) => (reply?.ok ? reply.value.mode : null),
      () => null,
    ));

  const calls = Object.fromEntries(API_METHODS.map((method) => [method, (arg: unknown) => invoke(method, arg)])) as Record<ApiMethod, (arg: unknown) => Promise<unknown>>;
  const saveTextFile = async (arg: { suggestedName: string; text: string }) => {
    if ((await appMode()) !== 'browser') return calls.saveTextFile(arg);
    download(arg.suggestedName, arg.text);
    return { ok: true, value: arg.suggestedName };
  };
  return Object.freeze({ ...calls, saveTextFile, pathForFile: () => '' }) as unknown as ApiBridge;
}

/** The token in the page's address, which is taken out of the address bar (and so out of history). */
export function takeToken(win: Pick<Window, 'location' | 'history'>): string | null {
  let url: URL;
  try {
    url = new URL(win.location.href);
  } catch {
    return null;
  }
  const token = url.searchParams.get(TOKEN_PARAM);
  if (!token) return null;
  url.searchParams.delete(TOKEN_PARAM);
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token;
}

/**
 * Browser mode: when there is no preload bridge and the address carries a token, puts the HTTP
 * bridge on `window.councilDesk`. Anywhere else (Electron, a test's stand-in) it does nothing.
 */
export function installBrowserBridge(win: Window = window): void {
  if (win.councilDesk) return;
  const token = takeToken(win);
  if (token === null) return;
  win.councilDesk = createHttpBridge(token, { fetch: win.fetch.bind(win) });
}
