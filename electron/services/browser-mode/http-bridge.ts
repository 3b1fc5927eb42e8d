/**
 * Browser mode's stand-in for Electron's IPC, the Node side: a call comes as POST /__council-api
 * with a JSON body {method, hasArg, arg}, and its Result goes back as a JSON head plus a binary
 * tail for the evidence bytes (structured-clone-like). JSON alone would send bytes as base64 or as
 * arrays of numbers and make the transport, not the app, the slow part of an import.
 *
 * Reply layout: 4 bytes (big-endian length of the head), the head as UTF-8 JSON
 * {value, binary: [{path, at, length}]}, then the bytes. Each Uint8Array is null in `value` and
 * listed in `binary` with where it goes, so the page parses plain JSON and then puts each one in
 * place: no JSON.parse reviver, which calls back for every value of 20,000 cases and would itself
 * dominate. An answer with a binary tail says how many byte arrays it holds and how many bytes in
 * all (BINARY_PARTS_HEADER, BINARY_BYTES_HEADER), so that the page can take an answer of large
 * ones as a Blob and hand on slices of it: the evidence bytes then go from the socket into the
 * browser's Blob storage without passing through the page's memory. The page side is
 * renderer/common/http-bridge.ts.
 */
import type { IncomingMessage } from 'node:http';

export const HTTP_BRIDGE_PATH = '/__council-api';
/** The header every API call carries the run's token in. */
export const TOKEN_HEADER = 'x-council-desk-token';
/** The headers of an answer with a binary tail: how many byte arrays it holds, and how many bytes in all. */
export const BINARY_PARTS_HEADER = 'x-council-desk-binary-parts';
export const BINARY_BYTES_HEADER = 'x-council-desk-binary-bytes';
/** A call's body is at most this big (the largest argument is a 50 MB report text, as UTF-8). */
export const MAX_CALL_BYTES = 160 * 1024 * 1024;

type Path = (string | number)[];

export function encodeReply(value: unknown): Buffer {
  return Buffer.concat(encodeAnswer(value).body);
}

/**
 * The answer to a call: its bytes in parts, in order (the length and head, then each byte array as
 * it is: they are written to the socket one after the other, not copied into one buffer first),
 * and its headers (with the binary headers when it has a tail).
 */
export function encodeAnswer(value: unknown): { body: Uint8Array[]; headers: Record<string, string | number> } {
  const parts: Uint8Array[] = [];
  const binary: { path: Path; at: number; length: number }[] = [];
  const restore: (() => void)[] = [];
  let offset = 0;
  const box = { value };
  const path: Path = [];
  const walk = (holder: Record<string | number, unknown>, key: string | number): void => {
    const v = holder[key];
    if (v === null || typeof v !== 'object') return;
    if (v instanceof Uint8Array) {
      binary.push({ path: path.length === 0 ? [] : [...path.slice(1), key], at: offset, length: v.byteLength });
      parts.push(v);
      offset += v.byteLength;
      holder[key] = null;
      restore.push(() => (holder[key] = v));
      return;
    }
    path.push(key);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i += 1) walk(v as unknown as Record<number, unknown>, i);
    else for (const k of Object.keys(v)) walk(v as Record<string, unknown>, k);
    path.pop();
  };
  walk(box, 'value');
  let json: string;
  try {
    json = JSON.stringify({ value: box.value ?? null, binary });
  } finally {
    for (const undo of restore) undo();
  }
  const head = Buffer.from(json, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  const body = [length, head, ...parts];
  const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'content-length': 4 + head.length + offset };
  if (parts.length > 0) Object.assign(headers, { [BINARY_PARTS_HEADER]: parts.length, [BINARY_BYTES_HEADER]: offset });
  return { body, headers };
}

export type Reply = (status: number, headers: Record<string, string | number>, body: string | Buffer | readonly Uint8Array[]) => void;

/** Reads one call, answers it with `call` (dispatchApiCall), or says plainly why it cannot. */
export async function serveBridgeCall(req: IncomingMessage, reply: Reply, call: (method: unknown, arg: unknown) => Promise<unknown>): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_CALL_BYTES) {
      reply(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }, 'This call is too large.');
      req.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let body: { method?: unknown; hasArg?: unknown; arg?: unknown };
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    if (body === null || typeof body !== 'object') throw new Error('not an object');
  } catch {
    reply(400, { 'content-type': 'text/plain; charset=utf-8' }, 'A call must be a JSON object {method, hasArg, arg}.');
    return;
  }
  const answer = encodeAnswer(await call(body.method, body.hasArg === true ? body.arg : undefined));
  reply(200, answer.headers, answer.body);
}

