import { beforeEach, describe, expect, it } from 'vitest';
import { createCouncilApi } from '../../renderer/common/council-api';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { seedDemoCouncil } from './support/demo-seed';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { importBundle } from '../../renderer/bundles/import/import-bundle';
import type { ImportProgressEvent } from '../../renderer/bundles/import/import-outcome';
import { bundleFixture, failingAt, FIXTURE_BUNDLE_ID, FIXTURE_CASE_IDS } from './support/bundle-fixture';
import { dbSnapshot } from './support/db-snapshot';
import { demoCouncil } from './support/demo-council';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { freshDbName } from './support/render-app';
import { IMPORT_ID, scriptFromFixture, scriptImport } from './support/scripted-import';

const REQUEST = { path: '/home/secretary/inbox/batch8.cdbundle' };
const STAMP = '2023-03-10T11:00:00+09:00';

let db: CouncilDb;
let bridge: FakeBridge;
const api = createCouncilApi();
const run = (options: Parameters<typeof importBundle>[3] = {}) => importBundle(db, api, REQUEST, { timestamp: () => STAMP, ...options });

beforeEach(() => {
  db = openCouncilDb(freshDbName());
  bridge = fakeBridge(demoCouncil());
  return async () => {
    db.close();
    await db.delete();
  };
});

const bytesOf = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

describe('importBundle', () => {
  it('stores the cases and their evidence as Blobs, pieces joined across chunks, and marks the bundle ready', async () => {
    const fixture = bundleFixture();
    scriptImport(bridge, scriptFromFixture(fixture));
    const progress: ImportProgressEvent[] = [];

    const outcome = await run({ onProgress: (p) => progress.push(p) });

    expect(outcome).toEqual({
      kind: 'imported',
      fileName: 'batch8.cdbundle',
      bundleId: FIXTURE_BUNDLE_ID,
      cases: 4,
      documents: 4,
      revised: [],
      signature: fixture.summary.signature,
      warnings: [],
    });
    expect(bridge.importBegin).toHaveBeenCalledWith(REQUEST);
    expect(bridge.importCancel).not.toHaveBeenCalled();

    const bundle = await db.bundles.get(FIXTURE_BUNDLE_ID);
    expect(bundle).toMatchObject({ status: 'ready', fileName: 'batch8.cdbundle', manifestSha256: 'b'.repeat(64), importedAt: STAMP });
    expect(bundle?.planned).toEqual({ cases: 4, evidence: 5, bytes: fixture.summary.bytesTotal });
    const storedBytes = fixture.files.filter((f) => !f.file.endsWith('unreferenced.txt')).reduce((s, f) => s + f.bytes.byteLength, 0);
    expect(bundle?.counts).toEqual({ cases: 4, documents: 4, evidenceBytes: storedBytes, revised: 0 });

    expect(await db.cases.where('bundleId').equals(FIXTURE_BUNDLE_ID).primaryKeys()).toEqual([...FIXTURE_CASE_IDS]);
    expect(await db.cases.get(FIXTURE_CASE_IDS[1])).toMatchObject({ revision: 1, previousBundleId: null, status: 'undecided', claimedLoss: 450000 });

    for (const f of fixture.files.filter((x) => !x.file.endsWith('unreferenced.txt'))) {
      const doc = await db.documents.get([FIXTURE_BUNDLE_ID, f.file]);
      expect(doc, f.file).toMatchObject({ caseId: f.caseId, mediaType: f.mediaType, size: f.bytes.byteLength, sha256: fixture.summary.manifest.files[f.file] });
      expect(doc?.blob.type).toBe(f.mediaType);
      expect(await bytesOf(doc!.blob)).toEqual([...f.bytes]);
    }
    const note = await db.documents.get([FIXTURE_BUNDLE_ID, `evidence/${FIXTURE_CASE_IDS[3]}/note.txt`]);
    expect(note).toMatchObject({ kind: 'sales-loss-proof', title: '추가 설명' });
    expect(await note!.blob.text()).toBe('영수증을 추가로 냅니다.\n');
    expect(await db.documents.where('caseId').equals(FIXTURE_CASE_IDS[2]).count()).toBe(0);

    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ entity: 'bundle', entityId: FIXTURE_BUNDLE_ID, action: 'import', detail: { fileName: 'batch8.cdbundle', cases: 4, documents: 4, revisedCaseIds: [] } });
    expect(await firstBrokenAuditEntry(db)).toBeNull();

    expect(progress.map((p) => [p.casesRead, p.evidenceRead])).toEqual([
      [0, 0],
      [2, 2],
      [3, 3],
      [4, 5],
      [4, 5],
    ]);
    expect(progress[0]).toMatchObject({ casesTotal: 4, evidenceTotal: 5, bundleId: FIXTURE_BUNDLE_ID, fileName: 'batch8.cdbundle' });
  });

  it('measures its rate of progress from the moment writing began, not from the opening nor from the first chunk written', async () => {
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    // a clock that moves a second each time it is read: the start, then each progress
    let clock = 0;
    const progress: ImportProgressEvent[] = [];

    await run({ now: () => (clock += 1_000), onProgress: (p) => progress.push(p) });

    const [first] = progress;
    expect(first).toMatchObject({ bytesRead: 0, casesRead: 0, elapsedMs: 1_000 });
    expect(progress.length).toBeGreaterThan(2);
    for (const p of progress) expect(p.rateFrom).toEqual({ elapsedMs: 1_000, fraction: 0 });
  });

  it('rolls everything back when a check fails mid-way, and returns the report', async () => {
    await seedDemoCouncil(db);
    const before = await dbSnapshot(db);
    const fixture = bundleFixture();
    const error = { kind: 'hash' as const, file: 'evidence/1015-000101/pos.csv', line: null, path: '', code: 'HASH_MISMATCH', params: {}, message: 'SHA-256 differs from the manifest.' };
    const script = scriptImport(bridge, scriptFromFixture(fixture, failingAt(fixture, 2, [error])));

    const outcome = await run();

    expect(outcome).toMatchObject({ kind: 'invalid', fileName: 'batch8.cdbundle', report: { valid: false, errors: [error] } });
    expect(script.served).toBe(3);
    expect(bridge.importCancel).not.toHaveBeenCalled();
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('leaves nothing behind when cancelled half way, and ends the main process session', async () => {
    const before = await dbSnapshot(db);
    const script = scriptImport(bridge, scriptFromFixture(bundleFixture()));
    const controller = new AbortController();

    const outcome = await run({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.casesRead >= 2) controller.abort();
      },
    });

    expect(outcome).toEqual({ kind: 'cancelled', fileName: 'batch8.cdbundle', bundleId: FIXTURE_BUNDLE_ID });
    expect(script.served).toBeLessThan(4); // the first chunk, and at most the one asked for ahead
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('stops right after the checks when cancelled while the main process was checking', async () => {
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    const controller = new AbortController();
    const begin = bridge.importBegin.getMockImplementation()!;
    bridge.importBegin.mockImplementation(async (arg) => {
      controller.abort();
      return begin(arg);
    });

    await expect(run({ signal: controller.signal })).resolves.toEqual({ kind: 'cancelled', fileName: 'batch8.cdbundle', bundleId: FIXTURE_BUNDLE_ID });
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(bridge.importNext).not.toHaveBeenCalled();
    expect(await db.bundles.count()).toBe(0);
  });

  it('rolls back and names the error when the main process fails to answer', async () => {
    const before = await dbSnapshot(db);
    const fixture = bundleFixture();
    scriptImport(bridge, scriptFromFixture(fixture));
    bridge.importNext.mockResolvedValueOnce({ ok: true, value: fixture.chunks[0]! });
    bridge.importNext.mockResolvedValueOnce({ ok: false, error: { code: 'BUNDLE_READ_FAILED', message: 'The file changed while it was read.' } });

    const outcome = await run();

    expect(outcome).toMatchObject({ kind: 'refused', code: 'BUNDLE_READ_FAILED', message: 'The file changed while it was read.', bundleId: FIXTURE_BUNDLE_ID });
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('returns the report and stores nothing when the first checks fail', async () => {
    const fixture = bundleFixture();
    const report = failingAt(fixture, 0, [{ kind: 'signature', file: 'manifest.dsse.json', line: null, path: '', code: 'UNSIGNED_REFUSED', params: {}, message: 'The bundle is not signed.' }]).at(-1)!;
    if (report.kind !== 'failed') throw new Error('fixture');
    bridge.importBegin.mockResolvedValue({ ok: true, value: { started: false, report: report.report } });

    const outcome = await run();

    expect(outcome).toMatchObject({ kind: 'invalid', report: { errors: [{ kind: 'signature' }] } });
    expect(bridge.importNext).not.toHaveBeenCalled();
    expect(await db.bundles.count()).toBe(0);
  });

  it('is a no-op with a notice when the same bundle is imported again', async () => {
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    await run();
    const before = await dbSnapshot(db);
    bridge.importCancel.mockClear();

    const again = await run();

    expect(again).toEqual({ kind: 'already-imported', fileName: 'batch8.cdbundle', bundleId: FIXTURE_BUNDLE_ID });
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('refuses another bundle under an id already imported, and keeps the stored one', async () => {
    scriptImport(bridge, scriptFromFixture(bundleFixture()));
    await run();
    const before = await dbSnapshot(db);
    scriptImport(bridge, scriptFromFixture(bundleFixture({ manifestSha256: '9'.repeat(64) })));

    const outcome = await run();

    expect(outcome).toMatchObject({ kind: 'refused', code: 'BUNDLE_ID_CONFLICT', bundleId: FIXTURE_BUNDLE_ID, caseIds: [] });
    expect(bridge.importCancel).toHaveBeenCalledWith({ importId: IMPORT_ID });
    expect(bridge.importNext).toHaveBeenCalledTimes(4);
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('refuses a second import while one is running', async () => {
    const script = scriptImport(bridge, scriptFromFixture(bundleFixture()));
    const release = script.hold(1);
    const first = run();
    await expect.poll(() => script.served).toBe(1);

    await expect(run()).resolves.toMatchObject({ kind: 'refused', code: 'IMPORT_BUSY' });
    release();
    await expect(first).resolves.toMatchObject({ kind: 'imported' });
  });
});
