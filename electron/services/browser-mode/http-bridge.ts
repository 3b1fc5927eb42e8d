/**
 * Browser mode's stand-in for Electron's IPC, the Node side: a call comes as POST /__council-api,
 * and its Result goes back as a JSON head plus a binary tail for the evidence bytes
 * (structured-clone-like). JSON alone would send bytes as base64 or as arrays of numbers and make
 * the transport, not the app, the slow part of an import. A call is a JSON body {method, hasArg,
 * arg}, or, when its argument holds bytes (backupAppend's), the same as a head with a binary tail
 * (content-type application/octet-stream); either is at most MAX_CALL_BYTES.
 *
 * Both ways the layout is shared/bridge-binary.ts's: 4 bytes (big-endian length of the head), the
 * head as UTF-8 JSON, then the bytes. An answer's head is {value, binary: [{path, at, length}]};
 * a call's {method, hasArg, arg, binary}. Each Uint8Array is null in the JSON and listed in
 * `binary` with where it goes, and is put back in place after a plain JSON.parse. An answer with a
 * binary tail says how many byte arrays it holds and how many bytes in all (BINARY_PARTS_HEADER,
 * BINARY_BYTES_HEADER), so that the page can take an answer of large ones as a Blob and hand on
 * slices of it: the evidence bytes then go from the socket into the browser's Blob storage without
 * passing through the page's memory. The page side is renderer/common/http-bridge.ts.
 */
import type { IncomingMessage } from 'node:http';
import { frameParts, placeBinary, readFrameHead, takeBinary } from '../../../shared/bridge-binary';

export const HTTP_BRIDGE_PATH = '/__council-api';
/** The header every API call carries the run's token in. */
export const TOKEN_HEADER = 'x-council-desk-token';
/** The headers of an answer with a binary tail: how many byte arrays it holds, and how many bytes in all. */
export const BINARY_PARTS_HEADER = 'x-council-desk-binary-parts';
export const BINARY_BYTES_HEADER = 'x-council-desk-binary-bytes';
/** A call's body is at most this big (the largest argument is a 50 MB report text, as UTF-8; a backup's piece is at most 64 MiB). */
export const MAX_CALL_BYTES = 160 * 1024 * 1024;
/** The content type of a call with a binary tail (a plain call is application/json). */
export const BINARY_CALL_TYPE = 'application/octet-stream';

export function encodeReply(value: unknown): Buffer {
  return Buffer.concat(encodeAnswer(value).body);
}

/**
 * The answer to a call: its bytes in parts, in order (the length and head, then each byte array as
 * it is: they are written to the socket one after the other, not copied into one buffer first),
 * and its headers (with the binary headers when it has a tail).
 */
export function encodeAnswer(value: unknown): { body: Uint8Array[]; headers: Record<string, string | number> } {
  const { encoded, parts, bytes } = takeBinary(value, (v, binary) => JSON.stringify({ value: v ?? null, binary }));
  const body = frameParts(encoded, parts);
  const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'content-length': body.reduce((n, p) => n + p.byteLength, 0) };
  if (parts.length > 0) Object.assign(headers, { [BINARY_PARTS_HEADER]: parts.length, [BINARY_BYTES_HEADER]: bytes });
  return { body, headers };
}

type Call = { method?: unknown; hasArg?: unknown; arg?: unknown };

/** A call's body: JSON, or (`binary`) a head with a binary tail whose Uint8Arrays are put in place (views of `body`, not copies). */
export function decodeCall(body: Buffer, binary: boolean): Call {
  if (!binary) {
    const call = JSON.parse(body.toString('utf8')) as unknown;
    if (call === null || typeof call !== 'object' || Array.isArray(call)) throw new Error('not an object');
    return call as Call;
  }
  const { head, base } = readFrameHead(body);
  const arg = placeBinary({ value: head.arg, binary: head.binary }, (at, length) => {
    if (base + at + length > body.length) throw new Error('a byte array goes past the end of the call');
    return body.subarray(base + at, base + at + length);
  });
  return { method: head.method, hasArg: head.hasArg, arg };
}

export type Reply = (status: number, headers: Record<string, string | number>, body: string | Buffer | readonly Uint8Array[]) => void;

/** Reads one call (at most `maxBytes`: 413 beyond), answers it with `call` (dispatchApiCall), or says plainly why it cannot. */
export async function serveBridgeCall(
  req: Pick<IncomingMessage, 'headers' | 'destroy'> & AsyncIterable<unknown>,
  reply: Reply,
  call: (method: unknown, arg: unknown) => Promise<unknown>,
  maxBytes = MAX_CALL_BYTES,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      reply(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }, 'This call is too large.');
      req.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let body: Call;
  const binary = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === BINARY_CALL_TYPE;
  try {
    body = decodeCall(Buffer.concat(chunks), binary);
  } catch (e) {
    const what = binary ? `A call with a binary tail must be a head {method, hasArg, arg, binary} and its bytes (${(e as Error).message}).` : 'A call must be a JSON object {method, hasArg, arg}.';
    reply(400, { 'content-type': 'text/plain; charset=utf-8' }, what);
    return;
  }
  const answer = encodeAnswer(await call(body.method, body.hasArg === true ? body.arg : undefined));
  reply(200, answer.headers, answer.body);
}

