/**
 * Start-up after a restore the app was killed in the middle of: its marker left in the settings
 * means what was written is not the backup whole, so every table is cleared again (the language
 * kept, the first run over) and the user is told, naming the backup and the one made before it.
 * Unless main's witness was begun again for the very restore the marker names: its rows were all
 * written and checked then, so the restore is finished (recorded, its marker removed), not undone.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import type { CouncilDb } from '../../renderer/db/schema';
import { openCouncilDb } from '../../renderer/db/schema';
import { RESTORE_MARKER_KEY } from '../../renderer/settings/backup/restore-marker';
import { demoCouncil } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

const SLOW = { timeout: 8000 };

describe('a restore left unfinished', { timeout: 20_000 }, () => {
  it('is undone at start-up: every table cleared, the language kept, and the user told', async () => {
    fakeBridge(demoCouncil());
    const db = openCouncilDb(freshDbName());
    // half a restore: some of the backup's rows written, the marker still there
    await seedDemoCouncil(db);
    await db.settings.put({
      key: RESTORE_MARKER_KEY,
      value: { name: 'council-desk-backup-20230302-060000-manual.cdbackup', startedAt: '2023-03-02T06:10:00.000Z', priorBackup: 'council-desk-backup-20230302-060500-manual.cdbackup', language: 'en' },
    });
    const { user } = renderApp(db);
    const notice = await screen.findByTestId('restore-interrupted', {}, SLOW);
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('The last restore did not finish');
    expect(notice.textContent).toContain('The app ended while the backup council-desk-backup-20230302-060000-manual.cdbackup was being restored.');
    expect(notice.textContent).toContain('The data from before the restore is in the backup council-desk-backup-20230302-060500-manual.cdbackup.');
    for (const table of db.tables) if (table.name !== 'settings') expect(await table.count(), table.name).toBe(0);
    expect(await db.settings.orderBy('key').toArray()).toEqual([
      { key: 'firstRunDone', value: true },
      { key: 'language', value: 'en' },
    ]);
    // the app, not the welcome: the user reads why it is empty where the restore is made again
    expect(screen.getByRole('link', { name: 'Settings' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByTestId('restore-interrupted')).toBeNull());
  });

  /** The demo council as a restore wrote it whole, its marker naming restore `restoreId`; the backup's counts and head. */
  async function writtenRestore(db: CouncilDb, restoreId: string) {
    await seedDemoCouncil(db);
    const tables = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
    const last = (await db.audit.orderBy('sequence').last())!;
    const backup = { createdAt: '2023-03-02T06:00:00.000Z', tables, evidence: 0, auditHead: { sequence: last.sequence, hash: last.hash } };
    await db.settings.put({
      key: RESTORE_MARKER_KEY,
      value: { name: 'council-desk-backup-20230302-060000-manual.cdbackup', startedAt: '2023-03-02T06:10:00.000Z', priorBackup: null, language: 'en', restoreId, backup },
    });
    return backup;
  }
  const restart = (restoreId: string) => ({
    restoreId,
    backup: 'council-desk-backup-20230302-060000-manual.cdbackup',
    backupCreatedAt: '2023-03-02T06:00:00.000Z',
    at: '2023-03-02T06:12:00.000Z',
    previous: 'audit-witness-before-restore-20230302-061200.ndjson',
    entries: 1,
  });
  const RESTORE_ID = '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

  it("is finished at start-up when main's witness was begun again for it: its rows kept, the restore recorded, the user told", async () => {
    const bridge = fakeBridge(demoCouncil());
    bridge.getWitness.mockResolvedValue(ok({ entries: [], tornTail: false, skippedLines: [], restart: restart(RESTORE_ID) }));
    const db = openCouncilDb(freshDbName());
    const backup = await writtenRestore(db, RESTORE_ID);
    const cases = await db.cases.count();
    renderApp(db);
    const notice = await screen.findByTestId('restore-interrupted', {}, SLOW);
    expect(notice.getAttribute('role')).toBe('status');
    // in the restored profile's own language
    expect(notice.textContent).toContain('지난번 복원을 앱을 시작하면서 마무리했습니다');
    expect(notice.textContent).toContain('이번에 복원을 마무리했습니다.');
    expect(await db.cases.count()).toBe(cases);
    expect(await db.settings.get(RESTORE_MARKER_KEY)).toBeUndefined();
    expect(await db.audit.orderBy('sequence').last()).toMatchObject({
      entity: 'backup',
      action: 'restore',
      entityId: 'council-desk-backup-20230302-060000-manual.cdbackup',
      sequence: backup.auditHead.sequence + 1,
      prevHash: backup.auditHead.hash,
    });
  });

  it("is undone when main's witness was begun again for another restore, or for none", async () => {
    for (const witnessRestart of [restart('0f1e2d3c-4b5a-4968-8776-655443322110'), undefined]) {
      const bridge = fakeBridge(demoCouncil());
      bridge.getWitness.mockResolvedValue(ok({ entries: [], tornTail: false, skippedLines: [], ...(witnessRestart ? { restart: witnessRestart } : {}) }));
      const db = openCouncilDb(freshDbName());
      await writtenRestore(db, RESTORE_ID);
      const { unmount } = renderApp(db);
      const notice = await screen.findByTestId('restore-interrupted', {}, SLOW);
      expect(notice.textContent).toContain('The last restore did not finish');
      for (const table of db.tables) if (table.name !== 'settings') expect(await table.count(), table.name).toBe(0);
      unmount();
    }
  });

  it('leaves a profile without a marker as it is, and says nothing', async () => {
    fakeBridge(demoCouncil());
    const db = openCouncilDb(freshDbName());
    await seedDemoCouncil(db);
    const cases = await db.cases.count();
    renderApp(db);
    await screen.findByRole('link', { name: '설정' }, SLOW);
    expect(screen.queryByTestId('restore-interrupted')).toBeNull();
    expect(await db.cases.count()).toBe(cases);
  });
});
