/**
 * Browser mode's bridge (council-desk serve), the page side: there is no preload, so the page
 * builds `window.councilDesk` itself, the same ApiBridge, over HTTP to the loopback server that
 * started it. Each call is POST /__council-api with this run's token in a header: JSON, or, when
 * its argument holds Uint8Arrays (backupAppend's bytes), a JSON head plus a binary tail; the answer
 * is a JSON head plus a binary tail for the evidence bytes (shared/bridge-binary.ts and
 * electron/services/browser-mode/http-bridge.ts describe the layout). An answer whose byte arrays are large is taken as a Blob and each of them
 * handed on as a slice of it (a Blob, see EvidenceBytes): reading 1 GB of evidence into the page's
 * memory and making Blobs of it again would cost seconds of the page's main thread. The token comes once in the page's address, which is then stripped of it;
 * it lives only in this module's memory (a reload gets it again from the server by the cookie).
 *
 * Two calls are answered here, as preload.ts answers pathForFile: a dropped file has no path in a
 * browser (""), and in browser mode a report is saved as a download.
 */
import type { ApiBridge, ApiMethod, AppMode } from '../../shared/api';
import { API_METHODS } from '../../shared/api';
import { frameParts, placeBinary, readFrameHead, takeBinary } from '../../shared/bridge-binary';
import type { Result } from '../../shared/result';

/** The same names as electron/services/browser-mode/ (the two sides cannot import each other). */
export const HTTP_BRIDGE_PATH = '/__council-api';
export const TOKEN_HEADER = 'x-council-desk-token';
export const TOKEN_PARAM = 'token';
export const BINARY_PARTS_HEADER = 'x-council-desk-binary-parts';
export const BINARY_BYTES_HEADER = 'x-council-desk-binary-bytes';
export const BINARY_CALL_TYPE = 'application/octet-stream';
/** The most bytes the server takes in one call (its MAX_CALL_BYTES): a larger one is refused here, before it is sent. */
export const MAX_CALL_BYTES = 160 * 1024 * 1024;

/**
 * From this size on, on average, an answer's byte arrays are handed on as slices of the answer's
 * Blob. A slice costs the page about 0.15 ms whatever its size; reading bytes into the page and
 * making a Blob of them again costs about 5 ms a megabyte (Chromium 156, measured): even at 32 KiB
 * the copies cost as much as the slice.
 */
export const BLOB_MIN_PART_BYTES = 32 * 1024;

/** Whether an answer is best taken as a Blob, by what its headers say of its byte arrays. */
export function takeAsBlob(headers: Pick<Headers, 'get'>): boolean {
  const parts = Number(headers.get(BINARY_PARTS_HEADER) ?? 0);
  return parts > 0 && Number(headers.get(BINARY_BYTES_HEADER) ?? 0) / parts >= BLOB_MIN_PART_BYTES;
}

type Head = { value: unknown; binary: unknown };

/** An answer's bytes back into the value: the JSON head, with each Uint8Array put in its place. */
export function decodeReply(buffer: ArrayBuffer): unknown {
  const bytes = new Uint8Array(buffer);
  const { head, base } = readFrameHead(bytes);
  return placeBinary(head as Head, (at, length) => new Uint8Array(buffer, base + at, length));
}

/**
 * A byte array of an answer taken as a Blob: its range of that Blob, made a Blob of its own only
 * when sliced (so a file in one piece costs one slice, made with its media type). BlobBytes.
 */
export class BlobRange {
  constructor(
    private readonly blob: Blob,
    private readonly start: number,
    readonly size: number,
  ) {}

  slice(start = 0, end = this.size, contentType?: string): Blob {
    const clamp = (n: number) => Math.min(this.size, Math.max(0, n));
    return this.blob.slice(this.start + clamp(start), this.start + clamp(end), contentType);
  }
}

/** The same from the answer as a Blob: only the head is read; each byte array becomes its BlobRange. */
export async function decodeBlobReply(blob: Blob): Promise<unknown> {
  const jsonLength = new DataView(await blob.slice(0, 4).arrayBuffer()).getUint32(0);
  const head = JSON.parse(await blob.slice(4, 4 + jsonLength).text()) as Head;
  const base = 4 + jsonLength;
  return placeBinary(head, (at, length) => new BlobRange(blob, base + at, length));
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
  /** The most bytes of one call with a binary tail (tests give a small one); the server's MAX_CALL_BYTES. */
  maxCallBytes?: number;
}

export function createHttpBridge(token: string, options: HttpBridgeOptions = {}): ApiBridge {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const download = options.download ?? downloadText;
  const maxCallBytes = options.maxCallBytes ?? MAX_CALL_BYTES;

  async function invoke(method: ApiMethod, arg: unknown): Promise<unknown> {
    const res = await doFetch(HTTP_BRIDGE_PATH, {
      method: 'POST',
      ...encodeCall(method, arg),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!res.ok) throw new Error(`Council Desk's server refused ${method} (HTTP ${res.status}): ${(await res.text()).trim()}`);
    return takeAsBlob(res.headers) ? decodeBlobReply(await res.blob()) : decodeReply(await res.arrayBuffer());
  }

  let mode: Promise<AppMode | null> | null = null;
  const appMode = () =>
    (mode ??= (invoke('getAppInfo', undefined) as Promise<Result<{ mode: AppMode }>>).then(
      (reply) => (reply?.ok ? reply.value.mode : null),
      () => null,
    ));

  function encodeCall(method: ApiMethod, arg: unknown): { headers: Record<string, string>; body: string | Blob } {
    const call = takeBinary(arg ?? null, (value, binary) => JSON.stringify({ method, hasArg: arg !== undefined, arg: value, ...(binary.length > 0 ? { binary } : {}) }));
    if (call.parts.length === 0) return { headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: call.encoded };
    const parts = frameParts(call.encoded, call.parts);
    const size = parts.reduce((n, p) => n + p.byteLength, 0);
    if (size > maxCallBytes) throw new Error(`The call ${method} is ${size} bytes; browser mode's server takes at most ${maxCallBytes} in one call.`);
    // A Blob of the parts as they are: the bytes are not copied into one array here.
    return { headers: { 'content-type': BINARY_CALL_TYPE, [TOKEN_HEADER]: token }, body: new Blob(parts as BlobPart[]) };
  }

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
