/**
 * The sync folder gone (issue 12, item 5): a USB stick pulled or a share down during an export
 * leaves the signed file queued, the status says so and why, and it is written, whole and
 * verified, once the folder is back: by retryOutbox, the timed retry, or the app started again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../electron/services/keys';
import type { ExportStep } from '../../electron/services/notary/notary-handlers';
import { acrossFileSystems, disposeNotaryKits, notaryKit, type NotaryKit, type NotaryKitOptions } from '../support/notary-kit';

const FILE = 'decisions-2023-03-02-0001.dsse.json';
const kit = (opts: NotaryKitOptions = {}): NotaryKit => notaryKit(opts);
afterEach(disposeNotaryKits);

function pendingNames(k: NotaryKit): string[] {
  const dir = join(k.userData, 'notary', 'pending');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('the outbox queue', () => {
  const PULLED: { step: ExportStep; copy: boolean }[] = [
    { step: 'recorded', copy: false },
    { step: 'named', copy: false },
    { step: 'written', copy: true },
  ];
  it.each(PULLED)('queues a file whose sync folder is removed during the export (at $step, copy $copy), and writes it on retry', async ({ step, copy }) => {
    let sync = '';
    let pulled = false;
    const k = kit({
      onStep: (at) => {
        if (at !== step || pulled) return;
        pulled = true;
        rmSync(sync, { recursive: true });
      },
      link: copy ? acrossFileSystems : undefined,
    });
    sync = k.sync;
    const result = await k.handlers.exportDecisions({ payload: k.payload() });
    expect(result).toMatchObject({ fileName: FILE, sequence: 1, state: 'queued', existed: false, path: null });
    expect(existsSync(k.sync)).toBe(false); // never made again: it may be a mount point
    const status = await k.handlers.getOutboxStatus(undefined);
    expect(status).toMatchObject({ syncFolder: k.sync, available: false, queued: [{ fileName: FILE, meetingId: '2023-03-02', sequence: 1 }] });
    expect(status.lastError).toContain(FILE);
    expect(status.lastError).toMatch(step === 'recorded' ? /is not there/ : /failed \(ENOENT/);
    expect((await k.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).files).toMatchObject([{ sequence: 1, state: 'queued' }]);
    expect(pendingNames(k)).toEqual([FILE]);

    // still gone: retrying keeps it
    await expect(k.handlers.retryOutbox(undefined)).resolves.toMatchObject({ available: false, queued: [{ fileName: FILE }] });

    mkdirSync(k.sync);
    expect(await k.handlers.retryOutbox(undefined)).toEqual({ syncFolder: k.sync, available: true, queued: [], lastError: null });
    expect(k.outboxNames()).toEqual([FILE]);
    expect(k.verified(join(k.outbox, FILE))).toEqual(k.payload());
    expect(existsSync(join(k.sync, 'keys', `${k.pair.keyid}.pub.pem`))).toBe(true);
    expect((await k.handlers.getDecisionLedger({ meetingId: '2023-03-02' })).files).toMatchObject([{ sequence: 1, state: 'written', payloadSha256: result.payloadSha256 }]);
    expect(pendingNames(k)).toEqual([]);
  });

  it('tries again by itself and writes the file once the folder is back', async () => {
    const k = kit({ retryIntervalMs: 20 });
    rmSync(k.sync, { recursive: true });
    await expect(k.handlers.exportDecisions({ payload: k.payload() })).resolves.toMatchObject({ state: 'queued' });
    expect(k.service.queue.retrying).toBe(true);
    mkdirSync(k.sync);
    await expect.poll(() => k.outboxNames(), { timeout: 5_000 }).toEqual([FILE]);
    await expect.poll(async () => (await k.handlers.getOutboxStatus(undefined)).queued, { timeout: 5_000 }).toEqual([]);
    expect(k.verified(join(k.outbox, FILE)).sequence).toBe(1);
    await expect.poll(() => k.service.queue.retrying, { timeout: 5_000 }).toBe(false);
  });

  it('answers the same payload exported again while queued, and writes it when the folder is back', async () => {
    const k = kit();
    rmSync(k.sync, { recursive: true });
    const first = await k.handlers.exportDecisions({ payload: k.payload() });
    await expect(k.handlers.exportDecisions({ payload: k.payload() })).resolves.toEqual({ ...first, existed: true });
    mkdirSync(k.sync);
    await expect(k.handlers.exportDecisions({ payload: k.payload() })).resolves.toEqual({ ...first, existed: true, state: 'written', path: join(k.outbox, FILE) });
    expect(k.confirms).toHaveLength(1);
    expect(k.verified(join(k.outbox, FILE)).sequence).toBe(1);
    // the next file chains on the queued one as on any other
    await expect(k.handlers.exportDecisions({ payload: k.payload({ sequence: 2, previous: first.payloadSha256, firstCase: 4 }) })).resolves.toMatchObject({ state: 'written', sequence: 2 });
  });

  it('writes what was queued when the app starts again with the folder back', async () => {
    const before = kit();
    rmSync(before.sync, { recursive: true });
    await before.handlers.exportDecisions({ payload: before.payload() });
    before.service.stop();
    mkdirSync(before.sync);
    const after = kit({ root: before.root, pair: before.pair });
    await after.service.resumed;
    expect(after.outboxNames()).toEqual([FILE]);
    expect(after.verified(join(after.outbox, FILE))).toEqual(before.payload());
    expect(await after.handlers.getOutboxStatus(undefined)).toMatchObject({ available: true, queued: [], lastError: null });
  });

  it('never overwrites a different file of the same name: the error says so, and the file waits until the name is free', async () => {
    const k = kit();
    mkdirSync(k.outbox);
    writeFileSync(join(k.outbox, FILE), 'another device wrote this');
    await expect(k.handlers.exportDecisions({ payload: k.payload() })).rejects.toMatchObject({ code: 'DECISION_WRITE_FAILED', message: expect.stringContaining('already holds a different file') });
    expect(readFileSync(join(k.outbox, FILE), 'utf8')).toBe('another device wrote this');
    const status = await k.handlers.getOutboxStatus(undefined);
    expect(status).toMatchObject({ available: true, queued: [{ fileName: FILE }] });
    expect(status.lastError).toContain('it was not overwritten');
    rmSync(join(k.outbox, FILE));
    await expect(k.handlers.retryOutbox(undefined)).resolves.toMatchObject({ queued: [], lastError: null });
    expect(k.verified(join(k.outbox, FILE)).sequence).toBe(1);
  });

  it('removes a file that does not read back as written, says so, and writes it again on retry', async () => {
    let outbox = '';
    let damaged = false;
    const k = kit({
      link: acrossFileSystems,
      onStep: (step) => {
        if (step !== 'named' || damaged) return;
        damaged = true; // the disk gives back other bytes than were written
        writeFileSync(join(outbox, FILE), 'garbled');
      },
    });
    outbox = k.outbox;
    await expect(k.handlers.exportDecisions({ payload: k.payload() })).rejects.toMatchObject({ code: 'DECISION_READBACK_FAILED', message: expect.stringContaining('its bytes differ from those written') });
    expect(k.outboxNames()).toEqual([]);
    expect(await k.handlers.getOutboxStatus(undefined)).toMatchObject({ queued: [{ fileName: FILE }], lastError: expect.stringContaining('did not read back as written') });
    await expect(k.handlers.retryOutbox(undefined)).resolves.toMatchObject({ queued: [], lastError: null });
    expect(k.verified(join(k.outbox, FILE))).toEqual(k.payload());
  });

  it('writes no decision file beside a keys/ file that holds another key under this keyid', async () => {
    const k = kit();
    mkdirSync(join(k.sync, 'keys'));
    const keyFile = join(k.sync, 'keys', `${k.pair.keyid}.pub.pem`);
    writeFileSync(keyFile, generateKeyPair().publicKeyPem);
    await expect(k.handlers.exportDecisions({ payload: k.payload() })).rejects.toMatchObject({ code: 'DECISION_WRITE_FAILED', message: expect.stringContaining('holds another key') });
    expect(k.outboxNames()).toEqual([]);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(k.pair.publicKeyPem);
    rmSync(keyFile);
    await expect(k.handlers.retryOutbox(undefined)).resolves.toMatchObject({ queued: [], lastError: null });
    expect(readFileSync(keyFile, 'utf8')).toBe(k.pair.publicKeyPem);
    expect(k.verified(join(k.outbox, FILE)).sequence).toBe(1);
  });

  it('does not release a kept file that is not the payload the ledger recorded', async () => {
    const k = kit();
    rmSync(k.sync, { recursive: true });
    await k.handlers.exportDecisions({ payload: k.payload() });
    const kept = join(k.userData, 'notary', 'pending', FILE);
    const envelope = JSON.parse(readFileSync(kept, 'utf8')) as { payload: string };
    const changed = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { totals: { amount: number } };
    changed.totals.amount = 8_000_000;
    writeFileSync(kept, JSON.stringify({ ...envelope, payload: Buffer.from(JSON.stringify(changed)).toString('base64') }));
    mkdirSync(k.sync);
    const status = await k.handlers.retryOutbox(undefined);
    expect(status.queued).toEqual([{ fileName: FILE, meetingId: '2023-03-02', sequence: 1 }]);
    expect(status.lastError).toContain('is not the payload the ledger recorded');
    expect(k.outboxNames()).toEqual([]);
  });

  it('makes the default sync folder in the home folder when none was chosen and it is not there yet', async () => {
    const k = kit({ defaultSync: true });
    expect(existsSync(k.sync)).toBe(false);
    const result = await k.handlers.exportDecisions({ payload: k.payload() });
    expect(result).toMatchObject({ state: 'written', path: join(k.root, 'home', 'Council Desk', 'sync', 'outbox', FILE) });
    expect(k.verified(result.path!).sequence).toBe(1);
  });
});
