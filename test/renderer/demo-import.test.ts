import { beforeEach, describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { storeDemoMembers } from '../../renderer/bundles/demo-import';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { readSettings } from '../../renderer/db/settings';
import { BUNDLE_ID, demoCouncil } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
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

describe('storeDemoMembers', () => {
  it('stores the members, the council name and "first run done" with one audit entry, and no bundle', async () => {
    expect(await storeDemoMembers(db, demoCouncil(), () => '2023-03-02T10:00:00+09:00')).toEqual({ stored: true });
    expect(await counts(db)).toEqual({ members: 6, bundles: 0, cases: 0, documents: 0, audit: 1 });

    const chair = await db.members.get('m1');
    expect(chair).toMatchObject({ name: '정한결', role: 'chair', affiliation: '소상공인연합회' });
    expect(await db.members.where('role').equals('secretary').primaryKeys()).toEqual(['s1']);

    const settings = await readSettings(db);
    expect(settings.firstRunDone).toBe(true);
    expect(settings.councilName).toBe('카카오 1015 피해지원 협의체');

    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ sequence: 1, at: '2023-03-02T10:00:00+09:00', entity: 'member', action: 'store-demo-members', prevHash: null });
    expect(entry?.detail).toMatchObject({ councilName: '카카오 1015 피해지원 협의체', members: ['m1', 'm2', 'm3', 'm4', 'm5', 's1'] });
    expect(entry?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent: a second run leaves the same counts and adds no audit entry', async () => {
    await storeDemoMembers(db, demoCouncil());
    const before = await counts(db);
    expect(await storeDemoMembers(db, demoCouncil())).toEqual({ stored: false });
    expect(await counts(db)).toEqual(before);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('stores again (and audits) when the council differs from what is stored', async () => {
    await storeDemoMembers(db, demoCouncil());
    const renamed = { ...demoCouncil(), councilName: 'another council' };
    expect(await storeDemoMembers(db, renamed)).toEqual({ stored: true });
    expect((await readSettings(db)).councilName).toBe('another council');
    expect(await db.audit.count()).toBe(2);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });
});

describe('the demo council through the streaming import', () => {
  it('stores the bundle (ready), the cases and their documents as Blobs, like any other bundle', async () => {
    await seedDemoCouncil(db, { timestamp: '2023-03-02T10:00:00+09:00' });
    expect(await counts(db)).toEqual({ members: 6, bundles: 1, cases: 3, documents: 3, audit: 2 });

    const bundle = await db.bundles.get(BUNDLE_ID);
    expect(bundle?.status).toBe('ready');
    expect(bundle?.importedAt).toBe('2023-03-02T10:00:00+09:00');
    expect(bundle?.signature).toMatchObject({ state: 'trusted' });
    expect(bundle?.counts).toEqual({ cases: 3, documents: 3, evidenceBytes: 25 + 28 + 11, revised: 0 });
    expect(bundle?.fileName).toBe('demo.cdbundle');

    const taxi = await db.cases.get('1015-000002');
    expect(taxi).toMatchObject({ bundleId: BUNDLE_ID, status: 'undecided', revision: 1, previousBundleId: null, claimedLoss: 420000, businessName: '마포택시' });
    // One day of sales: no complete baseline week, so the claim is the suggestion (T2: 300,001 to 500,000).
    expect(taxi).toMatchObject({ assessedLoss: null, suggestedTier: 'T2', suggestion: { tier: 'T2', award: 50000, amount: 420000, basis: 'claimed' } });
    expect(taxi?.flags).toEqual(['MISSING_DOCUMENTS', 'NO_COMPLETE_BASELINE_WEEK']);
    expect(taxi?.record.documents).toHaveLength(2);
    expect(await db.cases.where('claimedLoss').above(300000).count()).toBe(2);

    const docs = await db.documents.where('caseId').equals('1015-000002').sortBy('file');
    expect(docs.map((d) => [d.file, d.mediaType, d.blob.type, d.size])).toEqual([
      ['evidence/1015-000002/certificate.pdf', 'application/pdf', 'application/pdf', 28],
      ['evidence/1015-000002/screenshot.png', 'image/png', 'image/png', 11],
    ]);
    // The screenshot arrived in two pieces, one per chunk.
    const png = new Uint8Array(await docs[1]!.blob.arrayBuffer());
    expect([...png]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const csv = await db.documents.get([BUNDLE_ID, 'evidence/1015-000001/pos.csv']);
    expect(await csv?.blob.text()).toBe('date,amount\n2022-10-15,0\n');
    // Evidence no case document points to is not stored.
    expect(await db.documents.where('caseId').equals('1015-000003').count()).toBe(0);

    const entries = await db.audit.orderBy('sequence').toArray();
    expect(entries.map((e) => [e.entity, e.action])).toEqual([
      ['member', 'store-demo-members'],
      ['bundle', 'import'],
    ]);
    expect(entries[1]).toMatchObject({ entityId: BUNDLE_ID, detail: { fileName: 'demo.cdbundle', signature: 'trusted', cases: 3, documents: 3 } });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });
});
