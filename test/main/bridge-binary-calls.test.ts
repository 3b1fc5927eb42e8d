/**
 * Browser mode's bridge carries bytes both ways: a call whose argument holds Uint8Arrays
 * (backupAppend's) goes as a JSON head plus a binary tail and reaches the handler with them in
 * place; answers carried bytes already. A whole backup and its restore run through the page's
 * bridge and the real server. A head that names a place the JSON did not have, or bytes past the
 * end, is refused; so is a call larger than the server takes, on both sides.
 */
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { BINARY_CALL_TYPE, decodeCall, MAX_CALL_BYTES, serveBridgeCall } from '../../electron/services/browser-mode/http-bridge';
import { startBrowserModeServer, type BrowserModeServer } from '../../electron/services/browser-mode/server';
import { createHttpBridge, MAX_CALL_BYTES as PAGE_MAX_CALL_BYTES, BINARY_CALL_TYPE as PAGE_BINARY_CALL_TYPE } from '../../renderer/common/http-bridge';
import { frameParts, takeBinary } from '../../shared/bridge-binary';
import type { ApiBridge, ApiHandlers } from '../../shared/api';
import { backupInput, backupKit, councilDb, DB_VERSION, PASSPHRASE, readRestore, sha256, type BackupKit } from '../support/backup-kit';

const TOKEN = 'the-token-of-this-run-0123456789abcdef';
const rendererDir = mkdtempSync(path.join(tmpdir(), 'cd-bridge-'));

let server: BrowserModeServer;
let kit: BackupKit;
const requests: { contentType: string | undefined; bytes: number }[] = [];
let answer: (method: unknown, arg: unknown) => Promise<unknown>;

beforeAll(async () => {
  kit = backupKit();
  server = await startBrowserModeServer({ port: 0, rendererDir, token: TOKEN, launchToken: 'launch-0123456789abcdef', log: () => undefined, call: (m, a) => answer(m, a) });
});
afterAll(() => {
  server.close();
  rmSync(kit.root, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

/** The page's bridge, talking to the real server over loopback. */
function pageBridge(): ApiBridge {
  return createHttpBridge(TOKEN, {
    fetch: async (input, init) => {
      const body = init?.body;
      requests.push({ contentType: (init?.headers as Record<string, string>)['content-type'], bytes: body instanceof Blob ? body.size : String(body).length });
      return fetch(`http://127.0.0.1:${server.port}${String(input)}`, init);
    },
  });
}

describe('a call with bytes over browser mode\'s bridge', () => {
  it('names the content type and the limit as the server does', () => {
    expect([PAGE_BINARY_CALL_TYPE, PAGE_MAX_CALL_BYTES]).toEqual([BINARY_CALL_TYPE, MAX_CALL_BYTES]);
  });

  it('goes as a head and a binary tail, and the handler gets Uint8Arrays in their places; plain calls stay JSON', async () => {
    const got: unknown[] = [];
    answer = async (method, arg) => {
      got.push(arg);
      const bytes = (arg as { bytes?: Uint8Array } | undefined)?.bytes;
      return { ok: true, value: { method, back: bytes ? Uint8Array.from(bytes).reverse() : null } };
    };
    const bridge = pageBridge();
    requests.length = 0;
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => i & 255);
    const reply = (await bridge.backupAppend({ backupId: '0'.repeat(36), entry: 'rows.json', bytes, last: false })) as unknown as { ok: true; value: { back: Uint8Array } };
    expect(requests[0]!.contentType).toBe(BINARY_CALL_TYPE);
    const arg = got[0] as { backupId: string; entry: string; bytes: Uint8Array; last: boolean };
    expect(arg).toMatchObject({ backupId: '0'.repeat(36), entry: 'rows.json', last: false });
    expect(arg.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(arg.bytes).equals(Buffer.from(bytes))).toBe(true);
    // The answer's bytes come back too (a Blob range, being large).
    const back = reply.value.back as unknown as Blob | Uint8Array;
    const backBytes = back instanceof Uint8Array ? back : new Uint8Array(await (back as { slice(): Blob }).slice().arrayBuffer());
    expect(Buffer.from(backBytes).equals(Buffer.from(bytes).reverse())).toBe(true);
    await bridge.getBackupStatus(undefined);
    expect(requests[1]!.contentType).toBe('application/json');
  });

  it('writes a whole backup and reads its restore back through the page\'s bridge and the server', async () => {
    answer = (method, arg) => dispatchApiCall(kit.handlers as ApiHandlers, method, arg);
    const bridge = pageBridge();
    const data = await councilDb();
    const input = await backupInput(data);
    expect(await bridge.setBackupPassphrase({ passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { passphraseSet: true } });
    const begun = await bridge.backupBegin({ kind: 'manual', manifest: input.manifest });
    if (!begun.ok || begun.value === null) throw new Error(`not begun: ${JSON.stringify(begun)}`);
    const { backupId } = begun.value;
    expect(await bridge.backupAppend({ backupId, entry: 'rows.json', bytes: input.rows, last: true })).toEqual({ ok: true, value: { bytesWritten: input.rows.length } });
    for (const e of data.evidence) expect(await bridge.backupAppend({ backupId, entry: `evidence/${sha256(e)}`, bytes: e, last: true })).toMatchObject({ ok: true });
    const finished = await bridge.backupFinish({ backupId });
    if (!finished.ok) throw new Error(finished.error.message);
    const opened = await bridge.restoreOpen({ passphrase: PASSPHRASE, path: finished.value.paths[0]!, dbVersion: DB_VERSION });
    if (!opened.ok || opened.value === null) throw new Error(`not opened: ${JSON.stringify(opened)}`);
    // Read through an adapter that unwraps each Result, as council-api.ts does.
    const viaBridge = {
      restoreNext: async (arg: { restoreId: string }) => {
        const r = await bridge.restoreNext(arg);
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      },
    };
    const got = await readRestore(viaBridge as never, opened.value.restoreId);
    expect(Buffer.from(got.rows).equals(Buffer.from(input.rows))).toBe(true);
    for (const e of data.evidence) expect(Buffer.from(got.evidence.get(sha256(e))!).equals(Buffer.from(e))).toBe(true);
    await bridge.restoreClose({ restoreId: opened.value.restoreId });
  });

  it('is refused by the page before it is sent when larger than the server takes', async () => {
    let sent = 0;
    const bridge = createHttpBridge(TOKEN, { maxCallBytes: 1000, fetch: async () => ((sent += 1), new Response('')) });
    await expect(bridge.backupAppend({ backupId: '0'.repeat(36), entry: 'rows.json', bytes: new Uint8Array(1000), last: true })).rejects.toThrow(/The call backupAppend is \d+ bytes; browser mode's server takes at most 1000/);
    expect(sent).toBe(0);
  });
});

/** A request as serveBridgeCall reads it: headers and the body in chunks. */
function fakeRequest(contentType: string, body: Uint8Array[]) {
  return Object.assign(Readable.from(body.map((b) => Buffer.from(b))), { headers: { 'content-type': contentType } }) as unknown as Parameters<typeof serveBridgeCall>[0];
}

async function served(contentType: string, body: Uint8Array[], maxBytes?: number) {
  const replies: { status: number; body: string }[] = [];
  const calls: unknown[] = [];
  await serveBridgeCall(
    fakeRequest(contentType, body),
    (status, _headers, b) => replies.push({ status, body: typeof b === 'string' ? b : '' }),
    async (method, arg) => (calls.push({ method, arg }), { ok: true, value: null }),
    maxBytes,
  );
  return { reply: replies[0]!, calls };
}

const frame = (head: Record<string, unknown>, tail: Uint8Array[]) => frameParts(JSON.stringify(head), tail);

describe('the server reading a call with a binary tail', () => {
  it('puts each byte array in its place, as views of the call\'s bytes', () => {
    const value = { backupId: 'x', pieces: [{ bytes: new Uint8Array([1, 2]) }, { bytes: new Uint8Array(0) }], top: new Uint8Array([3]) };
    const { encoded, parts } = takeBinary(value, (v, binary) => JSON.stringify({ method: 'backupAppend', hasArg: true, arg: v, binary }));
    const call = decodeCall(Buffer.concat(frameParts(encoded, parts)), true) as { arg: typeof value };
    expect([...call.arg.pieces[0]!.bytes, ...call.arg.top]).toEqual([1, 2, 3]);
    expect(call.arg.pieces[1]!.bytes).toBeInstanceOf(Uint8Array);
    expect(value.top).toBeInstanceOf(Uint8Array); // the value sent is left as it was
  });

  it('refuses a head naming a place its JSON did not have (as __proto__), or bytes past the end: 400, nothing called', async () => {
    const bad = [
      frame({ method: 'backupAppend', hasArg: true, arg: { bytes: null }, binary: [{ path: ['__proto__', 'polluted'], at: 0, length: 1 }] }, [new Uint8Array(1)]),
      frame({ method: 'backupAppend', hasArg: true, arg: { bytes: null }, binary: [{ path: ['other'], at: 0, length: 1 }] }, [new Uint8Array(1)]),
      frame({ method: 'backupAppend', hasArg: true, arg: { bytes: 'text' }, binary: [{ path: ['bytes'], at: 0, length: 1 }] }, [new Uint8Array(1)]),
      frame({ method: 'backupAppend', hasArg: true, arg: { bytes: null }, binary: [{ path: ['bytes'], at: 0, length: 5 }] }, [new Uint8Array(4)]),
      [new Uint8Array([0, 0, 1, 0]), new TextEncoder().encode('{}')],
    ];
    for (const body of bad) {
      const { reply, calls } = await served(BINARY_CALL_TYPE, body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatch(/^A call with a binary tail must be a head \{method, hasArg, arg, binary\} and its bytes/);
      expect(calls).toEqual([]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a call larger than it takes: 413', async () => {
    const { reply, calls } = await served(BINARY_CALL_TYPE, [new Uint8Array(600), new Uint8Array(600)], 1000);
    expect(reply.status).toBe(413);
    expect(calls).toEqual([]);
    const fits = await served(BINARY_CALL_TYPE, frame({ method: 'm', hasArg: true, arg: { b: null }, binary: [{ path: ['b'], at: 0, length: 2 }] }, [new Uint8Array([7, 8])]), 1000);
    expect(fits.reply.status).toBe(200);
    expect(fits.calls).toEqual([{ method: 'm', arg: { b: Buffer.from([7, 8]) } }]);
  });
});
