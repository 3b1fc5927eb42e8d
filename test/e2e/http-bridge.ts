/**
 * A faster stand-in for Electron's IPC, for the benchmark: calls go to the loopback server as
 * POST /__council-api and the answer comes back as JSON plus a binary tail for the evidence bytes
 * (structured-clone-like), where Playwright's exposeFunction would send bytes as base64 over the
 * DevTools protocol and make the transport, not the app, the thing measured.
 *
 * Where the bytes go is listed in the head (`binary`: path, offset, length), so the page parses
 * plain JSON and then puts each Uint8Array in place: no JSON.parse reviver, which calls back for
 * every value of 20,000 cases and would itself dominate the figure.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const HTTP_BRIDGE_PATH = '/__council-api';

type Path = (string | number)[];

function encode(value: unknown): Buffer {
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
    const head = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, jsonLength))) as { value: unknown; binary: { path: (string | number)[]; at: number; length: number }[] };
    const base = 4 + jsonLength;
    const box: any = { value: head.value };
    for (const b of head.binary) {
      let holder = box;
      let key: string | number = 'value';
      for (const step of b.path) {
        holder = holder[key];
        key = step;
      }
      holder[key] = new Uint8Array(buffer, base + b.at, b.length);
    }
    return box.value;
  };
}
