/**
 * Other devices' decision files through the API (listInboxDecisions, openDecisionFile): each file
 * in the sync folder's inbox verified against the trust file the settings hold, shown with its
 * signer, meeting, sequence and chain; a file that fails is shown failed with its reason and
 * never handed on to be merged; a sync engine's files are never read.
 */
import { existsSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers, ReceivedDecisionFile } from '../../shared/api';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { appPathsFrom } from '../../electron/services/app-paths';
import { writeBundleFile } from '../../electron/services/bundle-zip-writer';
import { MAX_DECISION_FILE_BYTES } from '../../electron/services/decision-files/verify-decision-file';
import { NO_DIALOGS, type OpenFileKind } from '../../electron/services/dialog-port';
import { defaultSyncFolder } from '../../electron/services/feature-context';
import { samplePayload } from '../support/decision-payloads';
import { decisionEnvelopeText, makeSigner, payloadChain, payloadSha256, writeDecisionFile } from '../support/signed-decision-file';
import { makeTempDir, tinyBundleContent } from './fixtures/tiny-bundle';

const root = join(__dirname, '..', '..');
const temp = makeTempDir('council-desk-inbox-decisions-');
afterAll(temp.remove);

const chair = makeSigner('의장 정한결', ['chair']);
const secretary = makeSigner('간사 윤하늘', ['secretary']);
const trustFile = join(temp.dir, 'trust.json');
writeFileSync(trustFile, JSON.stringify({ keys: [chair.trusted, secretary.trusted] }));

let counter = 0;
/** The API of a device whose home is a fresh folder (so its sync folder is the default one there), trusting chair and secretary. */
async function device(opened: string | null = null): Promise<{ api: ApiHandlers; inbox: string; sync: string; asked: OpenFileKind[] }> {
  counter += 1;
  const home = join(temp.dir, `home-${counter}`);
  const sync = defaultSyncFolder(home);
  const inbox = join(sync, 'inbox');
  mkdirSync(inbox, { recursive: true });
  const asked: OpenFileKind[] = [];
  const dialogs = { ...NO_DIALOGS, confirm: async () => true, openFile: async (kind: OpenFileKind) => (asked.push(kind), opened) };
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  const api = createApiHandlers({ appVersion: '0.1.0-test', platform: 'linux', paths: appPathsFrom(root, join(home, 'user-data')), dialogs, home });
  await api.setSecuritySettings({ change: { trustFile } });
  return { api, inbox, sync, asked };
}

async function listed(api: ApiHandlers): Promise<ReceivedDecisionFile[]> {
  const r = await dispatchApiCall(api, 'listInboxDecisions', undefined);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as ReceivedDecisionFile[];
}

describe('listInboxDecisions', () => {
  it('shows a verified file with its signer, meeting, sequence, chain and payload', async () => {
    const { api, inbox } = await device();
    const payload = samplePayload({ keyid: chair.keyid });
    const path = writeDecisionFile(inbox, payload, chair.privateKeyPem);
    expect(await listed(api)).toEqual([
      {
        fileName: 'decisions-2023-03-02-0001.dsse.json',
        path,
        status: 'verified',
        problems: [],
        verifiedBy: { keyid: chair.keyid, name: '의장 정한결' },
        signer: { memberId: 'm1', name: '정한결', role: 'chair', keyid: chair.keyid },
        meetingId: '2023-03-02',
        sequence: 1,
        payloadSha256: payloadSha256(payload),
        chain: 'first',
        payload,
      },
    ]);
  });

  it('shows a file that fails as failed, with the reason, and never hands on its payload', async () => {
    const { api, inbox } = await device();
    const tampered = JSON.parse(decisionEnvelopeText(samplePayload({ keyid: chair.keyid, meetingId: 'tampered' }), chair.privateKeyPem));
    tampered.payload = Buffer.from(JSON.stringify(samplePayload({ keyid: chair.keyid, meetingId: 'tampered', decisions: 4 }))).toString('base64');
    writeFileSync(join(inbox, 'decisions-tampered-0001.dsse.json'), JSON.stringify(tampered));
    const wrongTally = samplePayload({ keyid: chair.keyid, meetingId: 'recount' });
    wrongTally.decisions[2]!.tally.passed = false;
    writeDecisionFile(inbox, wrongTally, chair.privateKeyPem);

    const [recount, bad] = await listed(api);
    expect(bad).toMatchObject({ fileName: 'decisions-tampered-0001.dsse.json', status: 'failed', verifiedBy: null, signer: null, meetingId: null, chain: null, payload: null, payloadSha256: null });
    expect(bad!.problems).toEqual([
      { path: 'signatures', code: 'DECISION_SIGNATURE_BAD', message: `the signature by key ${chair.keyid} does not verify: the content was changed after signing, or the signature is damaged` },
    ]);
    // Signed by the chair, but wrong by the counting rules: shown with its signer and place, not merged.
    expect(recount).toMatchObject({ status: 'failed', verifiedBy: { keyid: chair.keyid }, meetingId: 'recount', sequence: 1, chain: 'first', payload: null });
    expect(recount!.problems.map((p) => [p.path, p.code])).toEqual([
      ['decisions[2].tally.passed', 'DECISION_TALLY_MISMATCH'],
      ['decisions[2].tally.passed', 'DECISION_NOT_PASSED'],
    ]);
  });

  it('fails a file signed by a key not trusted, or trusted only as secretary', async () => {
    const { api, inbox } = await device();
    const stranger = makeSigner('낯선 키');
    writeDecisionFile(inbox, samplePayload({ keyid: stranger.keyid, meetingId: 'a' }), stranger.privateKeyPem);
    writeDecisionFile(inbox, samplePayload({ keyid: secretary.keyid, meetingId: 'b' }), secretary.privateKeyPem);
    const [a, b] = await listed(api);
    expect(a).toMatchObject({ status: 'failed', payload: null, verifiedBy: null });
    expect(a!.problems).toEqual([{ path: 'signatures', code: 'DECISION_SIGNATURE_UNTRUSTED', message: `no signature by a trusted key (signed by key ${stranger.keyid})` }]);
    expect(b!.problems).toEqual([{ path: 'signatures', code: 'DECISION_SIGNER_ROLE_NOT_ALLOWED', message: 'signed by 간사 윤하늘, which is not trusted as chair' }]);
  });

  it("shows each meeting's chain: a gap, a reorder, a fork", async () => {
    const { api, inbox } = await device();
    const gap = payloadChain(3, { keyid: chair.keyid, meetingId: 'gap' });
    for (const p of [gap[0]!, gap[2]!]) writeDecisionFile(inbox, p, chair.privateKeyPem);
    const [r1] = payloadChain(1, { keyid: chair.keyid, meetingId: 'reorder' });
    writeDecisionFile(inbox, r1!, chair.privateKeyPem);
    writeDecisionFile(inbox, samplePayload({ keyid: chair.keyid, meetingId: 'reorder', sequence: 2, previous: 'f'.repeat(64) }), chair.privateKeyPem);
    const rows = await listed(api);
    expect(rows.map((r) => [r.fileName, r.status, r.chain])).toEqual([
      ['decisions-gap-0001.dsse.json', 'verified', 'first'],
      ['decisions-gap-0003.dsse.json', 'verified', 'gap'],
      ['decisions-reorder-0001.dsse.json', 'verified', 'first'],
      ['decisions-reorder-0002.dsse.json', 'verified', 'previous-mismatch'],
    ]);
  });

  it("reads another device's files in the shared outbox, never this device's own", async () => {
    const { api, sync } = await device();
    // this device's chair key is the one that signed meeting "ours"; another device's chair signed "theirs"
    const other = makeSigner('의장 (다른 기기)', ['chair']);
    writeFileSync(trustFile, JSON.stringify({ keys: [chair.trusted, secretary.trusted, other.trusted] }));
    const pem = join(temp.dir, `own-chair-${counter}.key.pem`);
    writeFileSync(pem, chair.privateKeyPem, { mode: 0o600 });
    await api.importDeviceKey({ role: 'chair', passphrase: 'a long passphrase', path: pem });
    const outbox = join(sync, 'outbox');
    writeDecisionFile(outbox, samplePayload({ keyid: chair.keyid, meetingId: 'ours' }), chair.privateKeyPem);
    writeDecisionFile(outbox, samplePayload({ keyid: other.keyid, meetingId: 'theirs' }), other.privateKeyPem);
    try {
      const files = await listed(api);
      expect(files.map((f) => [f.fileName, f.status, f.verifiedBy?.name])).toEqual([['decisions-theirs-0001.dsse.json', 'verified', '의장 (다른 기기)']]);
    } finally {
      writeFileSync(trustFile, JSON.stringify({ keys: [chair.trusted, secretary.trusted] }));
    }
  });

  it("skips a sync engine's files, in the decisions' inbox and the bundles' alike", async () => {
    const { api, inbox, sync } = await device();
    const payload = samplePayload({ keyid: chair.keyid });
    const text = decisionEnvelopeText(payload, chair.privateKeyPem);
    writeDecisionFile(inbox, payload, chair.privateKeyPem);
    for (const name of [
      'decisions-2023-03-02-0001.sync-conflict-20230302-140000-ABCDEFG.dsse.json',
      'decisions-2023-03-02-0001 (정한결의 conflicted copy 2023-03-02).dsse.json',
      '.syncthing.decisions-2023-03-02-0002.dsse.json',
      '~decisions-2023-03-02-0002.dsse.json',
      '.decisions-2023-03-02-0002.dsse.json',
    ]) {
      writeFileSync(join(inbox, name), text);
    }
    mkdirSync(join(inbox, '.stversions'));
    writeFileSync(join(inbox, '.stversions', 'decisions-2023-03-02-0001.dsse.json'), text);
    await writeBundleFile(join(inbox, 'batch1.cdbundle'), tinyBundleContent());
    await writeBundleFile(join(inbox, 'batch1.sync-conflict-20230302-140000-ABCDEFG.cdbundle'), tinyBundleContent());
    await writeBundleFile(join(inbox, '.batch1.cdbundle'), tinyBundleContent());

    expect((await listed(api)).map((r) => [r.fileName, r.status])).toEqual([['decisions-2023-03-02-0001.dsse.json', 'verified']]);
    await api.setSecuritySettings({ change: { syncFolder: sync } });
    expect((await api.listInbox(undefined)).map((e) => e.fileName)).toEqual(['batch1.cdbundle']);
  });

  it('fails a file too large to read, without reading it', async () => {
    const { api, inbox } = await device();
    const huge = join(inbox, 'decisions-2023-03-02-0001.dsse.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_DECISION_FILE_BYTES + 1);
    const [row] = await listed(api);
    expect(row).toMatchObject({ status: 'failed', payload: null });
    expect(row!.problems).toEqual([{ path: '', code: 'DECISION_FILE_TOO_LARGE', message: 'is 67,108,865 bytes, too large for a decision file (at most 67,108,864 bytes are read)' }]);
  });

  it('lists nothing when the inbox or the default sync folder is not there yet, and says so when a chosen sync folder is gone', async () => {
    const { api, inbox, sync } = await device();
    expect(await listed(api)).toEqual([]);
    rmSync(inbox, { recursive: true });
    expect(await listed(api)).toEqual([]);
    // The default folder (none chosen) not made yet: simply empty, and not made by looking.
    rmSync(sync, { recursive: true });
    expect(await listed(api)).toEqual([]);
    expect(existsSync(sync)).toBe(false);
    const stick = join(temp.dir, `usb-stick-${counter}`);
    mkdirSync(stick);
    await api.setSecuritySettings({ change: { syncFolder: stick } });
    rmSync(stick, { recursive: true });
    const r = await dispatchApiCall(api, 'listInboxDecisions', undefined);
    expect(r).toEqual({ ok: false, error: { code: 'SYNC_FOLDER_MISSING', message: `The sync folder ${stick} cannot be found. Is the drive connected?` } });
    expect(existsSync(stick)).toBe(false);
  });
});

describe('openDecisionFile', () => {
  it('verifies the file the user chose, placing it among the inbox files of its meeting', async () => {
    const [p1, p2] = payloadChain(2, { keyid: chair.keyid });
    const elsewhere = writeDecisionFile(join(temp.dir, 'usb-stick'), p2!, chair.privateKeyPem);
    const { api, inbox, asked } = await device(elsewhere);
    writeDecisionFile(inbox, p1!, chair.privateKeyPem);

    const chosen = await dispatchApiCall(api, 'openDecisionFile', {});
    expect(asked).toEqual(['decision']);
    expect(chosen).toMatchObject({ ok: true, value: { path: elsewhere, status: 'verified', sequence: 2, chain: 'follows', payload: p2 } });

    const named = await dispatchApiCall(api, 'openDecisionFile', { path: elsewhere });
    expect(named).toEqual(chosen);
    expect(asked).toHaveLength(1);
  });

  it('answers null when the dialog is cancelled, and shows a failed file as failed', async () => {
    const { api } = await device(null);
    expect(await dispatchApiCall(api, 'openDecisionFile', {})).toEqual({ ok: true, value: null });
    const missing = join(temp.dir, 'decisions-none-0001.dsse.json');
    const r = await dispatchApiCall(api, 'openDecisionFile', { path: missing });
    expect(r).toMatchObject({ ok: true, value: { status: 'failed', payload: null, problems: [{ path: '', code: 'DECISION_FILE_NOT_FOUND', message: 'cannot be opened: there is no such file' }] } });
  });
});
