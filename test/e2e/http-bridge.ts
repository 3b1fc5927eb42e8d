/**
 * A faster stand-in for Electron's IPC, for the benchmark: calls go to the loopback server as
 * POST /__council-api and the answer comes back as JSON plus a binary tail for the evidence bytes
 * (structured-clone-like), where Playwright's exposeFunction would send bytes as base64 over the
 * DevTools protocol and make the transport, not the app, the thing measured.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const HTTP_BRIDGE_PATH = '/__council-api';

function encode(value: unknown): Buffer {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      parts.push(v);
      const ref = { $bytes: [offset, v.byteLength] };
      offset += v.byteLength;
      return ref;
    }
    return v;
  });
  const head = Buffer.from(json ?? 'null', 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, ...parts]);
}

export async function serveBridgeCall(
  req: IncomingMessage,
  res: ServerResponse,
  call: (method: unknown, arg: unknown) => Promise<unknown>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { method: unknown; hasArg: boolean; arg: unknown };
  const reply = encode(await call(body.method, body.hasArg ? body.arg : undefined));
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': reply.length });
  res.end(reply);
}

/** The page side, run as an init script: same shape as exposeFunction's invoke. */
export function pageInvokeOverHttp(path: string) {
  return async (method: string, arg: unknown): Promise<unknown> => {
    const res = await fetch(path, { method: 'POST', body: JSON.stringify({ method, hasArg: arg !== undefined, arg: arg ?? null }) });
    const buffer = await res.arrayBuffer();
    const jsonLength = new DataView(buffer).getUint32(0);
    const json = new TextDecoder().decode(new Uint8Array(buffer, 4, jsonLength));
    const base = 4 + jsonLength;
    return JSON.parse(json, (_key, v: any) => (v && typeof v === 'object' && Array.isArray(v.$bytes) ? new Uint8Array(buffer, base + v.$bytes[0], v.$bytes[1]) : v));
  };
}
