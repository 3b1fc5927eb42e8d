import { beforeEach, describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { storeDemoCouncil } from '../../renderer/db/demo-import';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { readSettings } from '../../renderer/db/settings';
import { BUNDLE_ID, demoCouncil } from './support/demo-council';
import { freshDbName } from './support/render-app';

async function counts(db: CouncilDb) {
  return {
    members: await db.members.count(),
    bundles: await db.bundles.count(),
    cases: await db.cases.count(),
    documents: await db.documents.count(),
    audit: await db.audit.count(),
  };
}

let db: CouncilDb;
beforeEach(() => {
  db = openCouncilDb(freshDbName());
  return async () => {
    db.close();
    await db.delete();
  };
});

describe('storeDemoCouncil', () => {
  it('stores the members, the bundle (ready), the cases and their documents as Blobs', async () => {
    const result = await storeDemoCouncil(db, demoCouncil(), () => '2023-03-02T10:00:00+09:00');
    expect(result).toEqual({ bundleId: BUNDLE_ID, cases: 3, documents: 3, alreadyStored: false });
    expect(await counts(db)).toEqual({ members: 6, bundles: 1, cases: 3, documents: 3, audit: 1 });

    const chair = await db.members.get('m1');
    expect(chair).toMatchObject({ name: '정한결', role: 'chair', affiliation: '소상공인연합회' });
    expect(await db.members.where('role').equals('secretary').primaryKeys()).toEqual(['s1']);

    const bundle = await db.bundles.get(BUNDLE_ID);
    expect(bundle?.status).toBe('ready');
    expect(bundle?.importedAt).toBe('2023-03-02T10:00:00+09:00');
    expect(bundle?.signature).toMatchObject({ state: 'trusted' });
    expect(bundle?.counts).toEqual({ cases: 3, documents: 3, evidenceBytes: 25 + 28 + 11, revised: 0 });
    expect(bundle?.fileName).toBeNull();

    const taxi = await db.cases.get('1015-000002');
    expect(taxi).toMatchObject({ bundleId: BUNDLE_ID, status: 'undecided', revision: 1, previousBundleId: null, claimedLoss: 420000, businessName: '마포택시', flags: [] });
    expect(taxi?.assessedLoss).toBeNull();
    expect(taxi?.record.documents).toHaveLength(2);
    expect(await db.cases.where('claimedLoss').above(300000).count()).toBe(2);

    const docs = await db.documents.where('caseId').equals('1015-000002').sortBy('file');
    expect(docs.map((d) => [d.file, d.mediaType, d.blob.type, d.size])).toEqual([
      ['evidence/1015-000002/certificate.pdf', 'application/pdf', 'application/pdf', 28],
      ['evidence/1015-000002/screenshot.png', 'image/png', 'image/png', 11],
    ]);
    const png = new Uint8Array(await docs[1]!.blob.arrayBuffer());
    expect([...png]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const csv = await db.documents.get([BUNDLE_ID, 'evidence/1015-000001/pos.csv']);
    expect(await csv?.blob.text()).toBe('date,amount\n2022-10-15,0\n');
    // Evidence no case document points to is not stored.
    expect(await db.documents.where('caseId').equals('1015-000003').count()).toBe(0);

    const settings = await readSettings(db);
    expect(settings.firstRunDone).toBe(true);
    expect(settings.councilName).toBe('카카오 1015 피해지원 협의체');

    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ sequence: 1, entity: 'bundle', entityId: BUNDLE_ID, action: 'import-demo', prevHash: null });
    expect(entry?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent: a second run leaves the same counts and adds no audit entry', async () => {
    await storeDemoCouncil(db, demoCouncil());
    const before = await counts(db);
    const again = await storeDemoCouncil(db, demoCouncil());
    expect(again.alreadyStored).toBe(true);
    expect(await counts(db)).toEqual(before);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('stores nothing when a case points to evidence the bundle lacks', async () => {
    const demo = demoCouncil();
    demo.bundle.evidence = demo.bundle.evidence.filter((e) => !e.file.endsWith('screenshot.png'));
    await expect(storeDemoCouncil(db, demo)).rejects.toMatchObject({ code: 'EVIDENCE_MISSING' });
    expect(await counts(db)).toEqual({ members: 0, bundles: 0, cases: 0, documents: 0, audit: 0 });
  });

  it('refuses a different bundle under an id already stored, and rolls back', async () => {
    await storeDemoCouncil(db, demoCouncil());
    const other = demoCouncil();
    other.bundle.manifestSha256 = 'd'.repeat(64);
    other.councilName = 'another council';
    await expect(storeDemoCouncil(db, other)).rejects.toMatchObject({ code: 'BUNDLE_ID_CONFLICT' });
    expect((await readSettings(db)).councilName).toBe('카카오 1015 피해지원 협의체');
    expect(await db.audit.count()).toBe(1);
  });
});
