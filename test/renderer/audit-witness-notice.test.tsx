/**
 * The start-up check against main's witness (issue 14, item 4): the app caught up with a log the
 * witness did not hold yet, then started again: an intact log shows no notice; one rewritten as a
 * whole (every hash recomputed, so its own chain still checks) or cut is shown in the header as
 * rewritten, naming the first witnessed entry it no longer holds and when it was witnessed.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { auditEntryHash } from '../../renderer/db/audit';
import { checkAuditLog } from '../../renderer/db/audit-check';
import type { AuditRow } from '../../renderer/db/rows';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { resetAuditStore, useAuditStore } from '../../renderer/decisions';
import { formatDateTime } from '../../shared/i18n';
import { ok } from '../../shared/result';
import { seedAuditLog } from './support/audit-entries';
import { demoCouncil } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

afterEach(() => resetAnnouncer());

/** The demo council and six entries more, run once so the witness caught up with all of them; the app then closed. */
async function witnessedProfile(): Promise<{ db: CouncilDb; bridge: FakeBridge }> {
  const bridge = fakeBridge(demoCouncil());
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  await seedAuditLog(db, 6);
  const count = await db.audit.count();
  renderApp(db);
  await waitFor(() => expect(bridge.witnessed()).toHaveLength(count));
  expect(useAuditStore.getState().witness).toMatchObject({ state: 'checked', check: { holds: true, witnessed: 0 } });
  cleanup();
  resetAuditStore();
  return { db, bridge };
}

/** The audit table written anew from `rows`: every hash and link recomputed, so the chain checks. */
async function rewrite(db: CouncilDb, rows: AuditRow[]): Promise<void> {
  let prevHash: string | null = null;
  const chain = rows.map(({ sequence, hash: _old, ...body }) => {
    const next = { ...body, prevHash };
    const hash = auditEntryHash(next);
    prevHash = hash;
    return { ...next, sequence, hash };
  });
  await db.transaction('rw', db.audit, async () => {
    await db.audit.clear();
    await db.audit.bulkAdd(chain);
  });
  expect((await checkAuditLog(db)).intact).toBe(true);
}

const assertive = () => useAnnouncerStore.getState().assertive?.text;

async function auditPanel(app: ReturnType<typeof renderApp>, name = '의결', region = '감사 기록') {
  await app.user.click(await screen.findByRole('link', { name }));
  return within(await screen.findByRole('region', { name: region }));
}

describe('the audit log against its witness', () => {
  it('shows no notice for a log that still holds every witnessed entry, and says it matches', async () => {
    const { db, bridge } = await witnessedProfile();
    const witnessed = bridge.witnessed().length;
    const app = renderApp(db);
    await waitFor(() => expect(useAuditStore.getState().witness).toMatchObject({ state: 'checked', check: { holds: true, witnessed } }));
    expect(screen.queryByTestId('audit-rewritten-notice')).toBeNull();
    const panel = await auditPanel(app);
    expect(panel.getByTestId('audit-witness').textContent).toBe(`증인 파일과 일치: 증인 파일에 남은 ${witnessed}개 항목`);
    expect(assertive()).toBeUndefined();
  });

  it('says since when, and since the restore of which backup, the witness holds the log when a restore began it again', async () => {
    const { db, bridge } = await witnessedProfile();
    const witnessed = bridge.witnessed();
    const restart = { restoreId: '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', backup: 'council-desk-backup-20230302-060000-manual.cdbackup', backupCreatedAt: '2023-03-02T06:00:00.000Z', at: '2023-03-02T06:12:00.000Z', previous: null, entries: witnessed.length };
    bridge.getWitness.mockResolvedValue(ok({ entries: witnessed, tornTail: false, skippedLines: [], restart }));
    const app = renderApp(db);
    const panel = await auditPanel(app);
    await waitFor(() =>
      expect(panel.getByTestId('audit-witness').textContent).toBe(
        `증인 파일과 일치: 증인 파일에 남은 ${witnessed.length}개 항목 (${formatDateTime(restart.at, 'ko')}에 council-desk-backup-20230302-060000-manual.cdbackup을(를) 복원한 뒤부터 남긴 증인 기록)`,
      ),
    );
    expect(screen.queryByTestId('audit-rewritten-notice')).toBeNull();
  });

  it('shows a log rewritten with a chain of valid hashes as rewritten, naming the entry and when it was witnessed, in Korean and English', async () => {
    const { db, bridge } = await witnessedProfile();
    const rows = await db.audit.toArray();
    const changed = rows.length - 4;
    await rewrite(db, rows.map((r) => (r.sequence === changed ? { ...r, detail: { note: 'written afterwards' } } : r)));
    const { at, hash } = bridge.witnessed().find((w) => w.sequence === changed)!;

    const app = renderApp(db);
    const notice = await screen.findByTestId('audit-rewritten-notice');
    expect(notice.textContent).toBe(`감사 기록 다시 쓰임: ${changed}번 항목 (${formatDateTime(at, 'ko')} 증인 기록)`);
    expect(screen.queryByTestId('audit-broken-notice')).toBeNull(); // its own chain checks
    await waitFor(() => expect(assertive()).toBe(`감사 기록이 다시 쓰였습니다: ${changed}번 항목의 해시가 ${formatDateTime(at, 'ko')}에 증인 파일에 남긴 해시와 다릅니다.`));

    await app.user.click(notice);
    const panel = within(await screen.findByRole('region', { name: '감사 기록' }));
    const values = Array.from(document.querySelectorAll('.audit-values > div'), (d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(values).toEqual([
      ['증인 파일의 해시', hash],
      ['지금 감사 기록의 해시', (await db.audit.get(changed))!.hash],
    ]);
    expect(panel.getByTestId('audit-status').textContent).toContain('이상 없음');

    cleanup();
    resetAuditStore();
    await writeSetting(db, 'language', 'en');
    renderApp(db);
    expect((await screen.findByTestId('audit-rewritten-notice')).textContent).toBe(`Audit log rewritten: entry ${changed}, witnessed ${formatDateTime(at, 'en')}`);
  });

  it('shows a log whose newest witnessed entries were removed as rewritten or cut', async () => {
    const { db, bridge } = await witnessedProfile();
    const last = (await db.audit.orderBy(':id').last())!.sequence;
    await db.audit.bulkDelete([last - 1, last]);
    expect((await checkAuditLog(db)).intact).toBe(true);
    const { at } = bridge.witnessed().find((w) => w.sequence === last - 1)!;

    const app = renderApp(db);
    expect((await screen.findByTestId('audit-rewritten-notice')).textContent).toBe(`감사 기록 다시 쓰임: ${last - 1}번 항목 (${formatDateTime(at, 'ko')} 증인 기록)`);
    const panel = await auditPanel(app);
    expect(panel.getByTestId('audit-witness').textContent).toBe(`감사 기록이 다시 쓰였거나 잘렸습니다: ${formatDateTime(at, 'ko')}에 증인 파일에 남긴 ${last - 1}번 항목이 감사 기록에 없습니다.`);
    expect(panel.getByText('없음')).toBeTruthy();
  });
});
