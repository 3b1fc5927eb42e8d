/**
 * Start-up after a restore the app was killed in the middle of: its marker left in the settings
 * means what was written is not the backup whole, so every table is cleared again (the language
 * kept, the first run over) and the user is told, naming the backup and the one made before it.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
