import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCouncilApi } from '../../renderer/common/council-api';
import { seedDemoCouncil } from './support/demo-seed';
import type { CaseStatus } from '../../renderer/db/rows';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { rollbackBundle, rollBackInterruptedImports } from '../../renderer/bundles/import/bundle-rollback';
import { writeChunk, WRITE_SLICE } from '../../renderer/bundles/import/chunk-writer';
import { EvidenceAssembler } from '../../renderer/bundles/import/evidence-assembler';
import { importBundle } from '../../renderer/bundles/import/import-bundle';
import { startLocalImport } from '../../renderer/bundles/import/import-start';
import { bundleFixture, failingAt, FIXTURE_BUNDLE_ID } from './support/bundle-fixture';
import { dbSnapshot } from './support/db-snapshot';
import { BUNDLE_ID, demoCouncil } from './support/demo-council';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';
import { scriptFromFixture, scriptImport } from './support/scripted-import';

const REQUEST = { path: '/inbox/batch8.cdbundle' };
const STAMP = '2023-03-10T11:00:00+09:00';
/** The demo's 1015-000001 and 1015-000002 come back with supplementary documents; 000101/000102 are new. */
const CASE_IDS = ['1015-000001', '1015-000002', '1015-000101', '1015-000102'];

let db: CouncilDb;
let bridge: FakeBridge;
const run = () => importBundle(db, createCouncilApi(), REQUEST, { timestamp: () => STAMP });

beforeEach(async () => {
  db = openCouncilDb(freshDbName());
  bridge = fakeBridge(demoCouncil());
  await seedDemoCouncil(db, { timestamp: '2023-03-02T10:00:00+09:00' });
  return async () => {
    db.close();
    await db.delete();
  };
});

const setStatus = (caseId: string, status: CaseStatus) => db.cases.update(caseId, { status });

describe('a case that comes back from another bundle', () => {
  it('is stored as its next revision; the earlier revision and its documents are kept', async () => {
    await setStatus('1015-000002', 'deferred');
    const earlier = await db.cases.bulkGet(['1015-000001', '1015-000002']);
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: CASE_IDS })));

    const outcome = await run();

    expect(outcome).toMatchObject({ kind: 'imported', cases: 4, revised: ['1015-000001', '1015-000002'] });
    expect(await db.cases.get('1015-000002')).toMatchObject({ bundleId: FIXTURE_BUNDLE_ID, revision: 2, previousBundleId: BUNDLE_ID, status: 'undecided', claimedLoss: 450000 });
    expect(await db.cases.get('1015-000101')).toMatchObject({ revision: 1, previousBundleId: null });
    expect(await db.caseHistory.get(['1015-000002', 1])).toEqual({ ...earlier[1], supersededAt: STAMP, supersededBy: FIXTURE_BUNDLE_ID });
    expect(await db.caseHistory.get(['1015-000001', 1])).toEqual({ ...earlier[0], supersededAt: STAMP, supersededBy: FIXTURE_BUNDLE_ID });

    const docs = await db.documents.where('caseId').equals('1015-000002').toArray();
    expect(docs.map((d) => `${d.bundleId} ${d.file}`).sort()).toEqual([
      `${BUNDLE_ID} evidence/1015-000002/certificate.pdf`,
      `${BUNDLE_ID} evidence/1015-000002/screenshot.png`,
      `${FIXTURE_BUNDLE_ID} evidence/1015-000002/certificate.pdf`,
      `${FIXTURE_BUNDLE_ID} evidence/1015-000002/screenshot.png`,
    ]);
    const [oldCert, newCert] = await db.documents.bulkGet([
      [BUNDLE_ID, 'evidence/1015-000002/certificate.pdf'],
      [FIXTURE_BUNDLE_ID, 'evidence/1015-000002/certificate.pdf'],
    ]);
    expect(await oldCert!.blob.text()).toBe('%PDF-1.4\n% test certificate\n');
    expect(await newCert!.blob.text()).toBe('%PDF-1.4\n% supplementary certificate\n');
    expect(await db.documents.where('[caseId+bundleId]').equals(['1015-000002', FIXTURE_BUNDLE_ID]).count()).toBe(2);
    expect((await db.bundles.get(FIXTURE_BUNDLE_ID))?.counts.revised).toBe(2);
    expect((await db.audit.orderBy('sequence').last())?.detail).toMatchObject({ revisedCaseIds: ['1015-000001', '1015-000002'] });
  });

  it('treats voted cases as undecided: they become revisions too', async () => {
    await setStatus('1015-000001', 'voted');
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: CASE_IDS })));
    await expect(run()).resolves.toMatchObject({ kind: 'imported', revised: ['1015-000001', '1015-000002'] });
    expect(await db.caseHistory.get(['1015-000001', 1])).toMatchObject({ status: 'voted', bundleId: BUNDLE_ID });
  });

  it('is restored exactly when the revising bundle is rolled back', async () => {
    const before = await dbSnapshot(db);
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: CASE_IDS })));
    await run();
    await db.audit.filter((e) => e.entityId === FIXTURE_BUNDLE_ID).delete(); // a rollback of a ready bundle leaves the audit log as it is

    await rollbackBundle(db, FIXTURE_BUNDLE_ID);

    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('is restored exactly when the import fails after the revision was written', async () => {
    const before = await dbSnapshot(db);
    const fixture = bundleFixture({ caseIds: CASE_IDS });
    const error = { kind: 'case' as const, file: 'cases.ndjson', line: 4, path: 'claimedLoss', code: 'SCHEMA', params: { detail: 'must be a whole number' }, message: 'must be a whole number' };
    scriptImport(bridge, scriptFromFixture(fixture, failingAt(fixture, 3, [error])));

    await expect(run()).resolves.toMatchObject({ kind: 'invalid' });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('refuses the whole bundle when a case is already decided, naming every decided case', async () => {
    await setStatus('1015-000002', 'decided'); // in the first chunk
    await setStatus('1015-000003', 'decided'); // in the third chunk
    const before = await dbSnapshot(db);
    const script = scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: ['1015-000001', '1015-000002', '1015-000101', '1015-000003'] })));

    const outcome = await run();

    expect(outcome).toMatchObject({ kind: 'refused', code: 'CASE_ALREADY_DECIDED', caseIds: ['1015-000002', '1015-000003'], bundleId: FIXTURE_BUNDLE_ID });
    expect(outcome.kind === 'refused' && outcome.message).toContain('1015-000003');
    expect(script.served).toBe(4);
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('names a decided case of the chunk taken while the refused one was being written', async () => {
    await setStatus('1015-000002', 'decided'); // in the first chunk, refused
    await setStatus('1015-000003', 'decided'); // in the second, already taken (and made ready) by then
    const before = await dbSnapshot(db);
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: ['1015-000001', '1015-000002', '1015-000003', '1015-000101'] })));

    await expect(run()).resolves.toMatchObject({ kind: 'refused', code: 'CASE_ALREADY_DECIDED', caseIds: ['1015-000002', '1015-000003'] });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('refuses and rolls back when the decided case comes in a later chunk than what was written', async () => {
    await setStatus('1015-000003', 'decided');
    const before = await dbSnapshot(db);
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: ['1015-000001', '1015-000101', '1015-000003', '1015-000102'] })));

    await expect(run()).resolves.toMatchObject({ kind: 'refused', code: 'CASE_ALREADY_DECIDED', caseIds: ['1015-000003'] });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('is checked inside the transaction too, for a case decided after the import began', async () => {
    const fixture = bundleFixture({ caseIds: CASE_IDS });
    const start = await startLocalImport(db, fixture.summary, STAMP);
    if (!start.go) throw new Error('expected the import to start');
    await setStatus('1015-000001', 'decided');
    await expect(writeChunk(db, start.ctx, fixture.cases.slice(0, 2), [])).rejects.toMatchObject({ code: 'CASE_ALREADY_DECIDED', caseIds: ['1015-000001'] });
    expect(await db.cases.get('1015-000002')).toMatchObject({ bundleId: BUNDLE_ID, revision: 1 });
    expect(await db.caseHistory.count()).toBe(0);
  });

  it('is seen even when it was stored after the import began (the chunk is written again, reading all)', async () => {
    const fixture = bundleFixture();
    const start = await startLocalImport(db, fixture.summary, STAMP);
    if (!start.go) throw new Error('expected the import to start');
    const latecomer = { ...(await db.cases.get('1015-000001'))!, caseId: '1015-000101', bundleId: BUNDLE_ID };
    await db.cases.put(latecomer);

    await expect(writeChunk(db, start.ctx, fixture.cases.slice(0, 2), [])).resolves.toEqual(['1015-000101']);
    expect(await db.cases.get('1015-000101')).toMatchObject({ bundleId: FIXTURE_BUNDLE_ID, revision: 2, previousBundleId: BUNDLE_ID });
    expect(await db.caseHistory.get(['1015-000101', 1])).toEqual({ ...latecomer, supersededAt: STAMP, supersededBy: FIXTURE_BUNDLE_ID });
    expect(await db.cases.get('1015-000102')).toMatchObject({ bundleId: FIXTURE_BUNDLE_ID, revision: 1 });
  });

  it('is seen in a chunk written in several slices too: the whole chunk is written again, once', async () => {
    const fixture = bundleFixture();
    const start = await startLocalImport(db, fixture.summary, STAMP);
    if (!start.go) throw new Error('expected the import to start');
    const many = Array.from({ length: 2 * WRITE_SLICE + 50 }, (_, i) => ({ ...fixture.cases[2]!, caseId: `1015-${String(500 + i).padStart(6, '0')}` }));
    const late = many[2 * WRITE_SLICE + 30]!.caseId; // in the third slice, after two were handed over
    const latecomer = { ...(await db.cases.get('1015-000001'))!, caseId: late, bundleId: BUNDLE_ID };
    await db.cases.put(latecomer);

    await expect(writeChunk(db, start.ctx, many, [])).resolves.toEqual([late]);
    expect(await db.cases.where('bundleId').equals(FIXTURE_BUNDLE_ID).count()).toBe(many.length);
    expect(await db.cases.get(late)).toMatchObject({ bundleId: FIXTURE_BUNDLE_ID, revision: 2, previousBundleId: BUNDLE_ID });
    expect(await db.caseHistory.where('caseId').equals(late).count()).toBe(1);
  });
});

describe('start-up after the app was killed during an import', () => {
  async function leaveHalfImported(): Promise<void> {
    const fixture = bundleFixture({ caseIds: CASE_IDS });
    const start = await startLocalImport(db, fixture.summary, STAMP);
    if (!start.go) throw new Error('expected the import to start');
    const first = fixture.chunks[0]!;
    if (first.kind !== 'data') throw new Error('fixture');
    const assembler = new EvidenceAssembler(FIXTURE_BUNDLE_ID, fixture.summary.manifest.files);
    assembler.addCases(first.cases);
    assembler.addPieces(first.evidence);
    await writeChunk(db, start.ctx, first.cases, assembler.takeReady());
  }

  it('rolls back a bundle left importing, restoring the cases it had revised', async () => {
    const before = await dbSnapshot(db);
    await leaveHalfImported();
    expect(await db.cases.get('1015-000001')).toMatchObject({ revision: 2 });
    expect(await db.documents.where('[caseId+bundleId]').equals(['1015-000002', FIXTURE_BUNDLE_ID]).count()).toBe(1);

    await expect(rollBackInterruptedImports(db)).resolves.toEqual([FIXTURE_BUNDLE_ID]);
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('does so before the app shows anything', async () => {
    await leaveHalfImported();
    renderApp(db);
    await screen.findByRole('table', { name: '불러온 사건 묶음' });
    expect(document.querySelector(`[data-bundle-id="${FIXTURE_BUNDLE_ID}"]`)).toBeNull();
    expect(document.querySelector(`[data-bundle-id="${BUNDLE_ID}"]`)).not.toBeNull();
    expect(await db.bundles.get(FIXTURE_BUNDLE_ID)).toBeUndefined();
    expect(await db.cases.get('1015-000001')).toMatchObject({ bundleId: BUNDLE_ID, revision: 1 });
  });

  it('shows the revised count on the Cases screen after a revising import', async () => {
    scriptImport(bridge, scriptFromFixture(bundleFixture({ caseIds: CASE_IDS })));
    await run();
    const { user } = renderApp(db);
    await user.click(await screen.findByRole('link', { name: '사건' }));
    await waitFor(() => expect(screen.getByTestId('case-revised').textContent).toBe('보완된 사건: 2건'));
    expect(screen.getByTestId('case-total').textContent).toBe('전체 사건: 5건');
  });
});
