/**
 * Settings → Backup with a fake main process: the passphrase set (typed twice, remembered when
 * asked) and forgotten; "Back up now" inert with its reason until one is set, then the backup made
 * with its progress, said with its name, listed, and recorded in the audit log; main's refusal in
 * an alert with plain words and its code. The restore dialog: refused over a profile with data
 * until that profile is backed up in the dialog itself, then restored; a wrong passphrase named,
 * with nothing written.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { demoCouncil } from './support/demo-council';
import { APP_INFO, fakeBridge, type FakeBridge } from './support/fake-bridge';
import { resetFilePicker } from '../../renderer/common/file-picker';
import { holdNextAppend } from './support/held-append';
import { seedDemoCouncil } from './support/demo-seed';
import { freshDbName, renderApp } from './support/render-app';
import { dbSnapshot } from './support/db-snapshot';
import { makeBackup, restorePieces, RESTORE_ID, BACKUP_NAME } from './support/backup-round-trip';

const SLOW = { timeout: 8000 };

async function openBackup(db: CouncilDb, prepare?: (bridge: FakeBridge) => void) {
  const bridge = fakeBridge(demoCouncil());
  prepare?.(bridge);
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: '설정' }, SLOW));
  const section = within(await screen.findByRole('region', { name: '백업' }, SLOW));
  await section.findByTestId('backup-passphrase-state');
  return { ...app, bridge, section };
}

async function setPassphrase(app: Awaited<ReturnType<typeof openBackup>>, remember: boolean) {
  const { section, user } = app;
  await user.type(section.getByLabelText('백업 암호문'), 'correct horse battery');
  await user.type(section.getByLabelText('백업 암호문 확인'), 'correct horse battery');
  if (remember) await user.click(section.getByRole('checkbox', { name: '이 기기에 기억하기' }));
  await user.click(section.getByRole('button', { name: '암호문 정하기' }));
  await waitFor(() => expect(section.getByTestId('backup-passphrase-state').textContent).toMatch(/^백업 암호문이 정해져 있습니다/));
}

async function seeded(): Promise<CouncilDb> {
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  return db;
}

describe('Settings: backup', { timeout: 30_000 }, () => {
  it('asks for a passphrase first, then backs up now: progress, the file named and listed, an audit entry', async () => {
    const db = await seeded();
    const app = await openBackup(db);
    const { section, user, bridge } = app;
    expect(section.getByTestId('backup-folder').textContent).toBe('백업 폴더: /home/secretary/Council Desk/sync/backup');
    const now = section.getByRole('button', { name: '지금 백업' });
    expect(now.getAttribute('aria-disabled')).toBe('true');
    expect(section.getByText('먼저 백업 암호문을 정하세요.')).toBeTruthy();
    await user.click(now);
    expect(bridge.backupBegin).not.toHaveBeenCalled();

    // too short, then two that differ: said, nothing asked of main
    await user.type(section.getByLabelText('백업 암호문'), 'short');
    await user.click(section.getByRole('button', { name: '암호문 정하기' }));
    expect((await section.findByRole('alert')).textContent).toBe('암호문은 8자 이상이어야 합니다.');
    await user.type(section.getByLabelText('백업 암호문'), ' but longer');
    await user.type(section.getByLabelText('백업 암호문 확인'), 'something else');
    await user.click(section.getByRole('button', { name: '암호문 정하기' }));
    expect((await section.findByRole('alert')).textContent).toBe('두 암호문이 서로 다릅니다.');
    expect(bridge.setBackupPassphrase).not.toHaveBeenCalled();
    await user.clear(section.getByLabelText('백업 암호문'));
    await user.clear(section.getByLabelText('백업 암호문 확인'));
    await setPassphrase(app, true);
    expect(bridge.setBackupPassphrase).toHaveBeenCalledWith({ passphrase: 'correct horse battery', remember: true });
    expect(section.getByTestId('backup-passphrase-state').textContent).toBe('백업 암호문이 정해져 있습니다 (이 기기에 기억함).');

    // main holds the first piece until the test lets it go: the bar shows meanwhile, and the button is inert
    const letGo = holdNextAppend(bridge);
    await user.click(section.getByRole('button', { name: '지금 백업' }));
    const bar = await section.findByRole('progressbar', { name: '백업 진행' }, SLOW);
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toMatch(/^백업 파일을 쓰는 중… \(0 B \/ [\d.]+ kB\)$/), SLOW);
    expect(bar.getAttribute('aria-valuenow')).toBe('20');
    expect(section.getByRole('button', { name: '지금 백업' }).getAttribute('aria-disabled')).toBe('true');
    expect(section.getByText('백업하는 중입니다.')).toBeTruthy();
    letGo();
    await waitFor(() => expect(section.getByTestId('backup-outcome').textContent).toMatch(/^백업을 만들었습니다: council-desk-backup-\d{8}-\d{6}-manual\.cdbackup/), SLOW);
    expect(section.queryByRole('progressbar')).toBeNull();
    const [name] = bridge.backups().map((b) => b.name);
    expect(bridge.backupBegin).toHaveBeenCalledWith(expect.objectContaining({ kind: 'manual', chooseFolder: false, folder: undefined, language: 'ko' }));
    const manifest = bridge.backupBegin.mock.calls[0]![0].manifest;
    expect(manifest.tables.cases).toBe(await db.cases.count());
    expect(bridge.backupFinish).toHaveBeenCalledTimes(1);
    expect(section.getByTestId('backup-outcome').textContent).toContain(`저장한 곳: /home/secretary/Council Desk/sync/backup/${name}`);
    await waitFor(() => expect(within(section.getByTestId('backup-list')).getByRole('rowheader', { name: name! })).toBeTruthy());
    expect(within(section.getByTestId('backup-list')).getByText('직접')).toBeTruthy();
    const entry = (await db.audit.orderBy('sequence').last())!;
    expect(entry).toMatchObject({ entity: 'backup', entityId: name, action: 'export', actor: 's1' });
    expect(entry.detail).toMatchObject({ kind: 'manual', auditHead: manifest.auditHead, tables: manifest.tables });
    expect(manifest.auditHead!.sequence).toBe(entry.sequence - 1);
  });

  it('forgets the passphrase, and says so', async () => {
    const app = await openBackup(await seeded());
    await setPassphrase(app, false);
    expect(app.section.getByTestId('backup-passphrase-state').textContent).toBe('백업 암호문이 정해져 있습니다 (앱을 끝낼 때까지).');
    await app.user.click(app.section.getByRole('button', { name: '암호문 잊기' }));
    await waitFor(() => expect(app.section.getByText('백업 암호문을 잊었습니다. 다시 정할 때까지 백업이 만들어지지 않습니다.')).toBeTruthy());
    expect(app.section.getByTestId('backup-passphrase-state').textContent).toBe(
      '백업 암호문이 아직 없습니다. 백업하려면 먼저 정하세요. 정하기 전에는 자동 백업도 만들어지지 않습니다.',
    );
  });

  it("shows main's refusal in plain words with its code, and records nothing", async () => {
    const db = await seeded();
    const app = await openBackup(db, (bridge) => bridge.backupBegin.mockResolvedValueOnce(fail('SYNC_FOLDER_MISSING', 'The sync folder /media/usb/sync is not there.')));
    await setPassphrase(app, false);
    const entries = await db.audit.count();
    await app.user.click(app.section.getByRole('button', { name: '지금 백업' }));
    const alert = await app.section.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toBe('동기화 폴더가 없습니다. 설정에서 동기화 폴더를 확인하세요.오류 코드 SYNC_FOLDER_MISSING: The sync folder /media/usb/sync is not there.');
    expect(await db.audit.count()).toBe(entries);
    expect(app.bridge.backupAppend).not.toHaveBeenCalled();
  });
});

describe('Settings: backup and restore in browser mode', { timeout: 30_000 }, () => {
  afterEach(() => resetFilePicker());

  it('chooses the backup to restore and the extra folder with the in-app file picker, and passes the paths to main', async () => {
    const db = openCouncilDb(freshDbName());
    await db.settings.put({ key: 'firstRunDone', value: true });
    const app = await openBackup(db, (bridge) => {
      bridge.getAppInfo.mockResolvedValue(ok({ ...APP_INFO, mode: 'browser' }));
      bridge.browseFolder.mockImplementation(async ({ kind }) =>
        ok(kind === 'folder'
          ? { path: '/media/usb', parent: '/media', folders: [], files: [], truncated: false }
          : { path: '/media/usb', parent: '/media', folders: [], files: [{ name: 'council-desk-backup-20230302-060000-manual.cdbackup', path: '/media/usb/council-desk-backup-20230302-060000-manual.cdbackup' }], truncated: false }),
      );
    });
    const { section, user, bridge } = app;
    await setPassphrase(app, false);
    await user.click(section.getByRole('button', { name: '백업에서 복원…' }));
    const dialog = within(await screen.findByRole('dialog', { name: '백업에서 복원' }));
    await user.type(await dialog.findByLabelText('복원할 백업의 암호문'), 'correct horse battery');
    await user.click(dialog.getByRole('button', { name: '백업 파일 고르고 복원…' }));
    const files = await screen.findByRole('dialog', { name: '백업 파일 고르기' });
    await user.click(await within(files).findByRole('option', { name: 'council-desk-backup-20230302-060000-manual.cdbackup' }));
    await user.click(within(files).getByRole('button', { name: '고르기' }));
    await waitFor(() => expect(bridge.restoreOpen).toHaveBeenCalledWith({ passphrase: 'correct horse battery', path: '/media/usb/council-desk-backup-20230302-060000-manual.cdbackup', dbVersion: db.verno }));
    expect(bridge.browseFolder).toHaveBeenCalledWith({ path: null, kind: 'backup' });
    // the fake main process answers as a cancelled dialog would: nothing changed
    expect((await dialog.findByTestId('restore-outcome')).textContent).toBe('백업 파일을 고르지 않았습니다. 아무것도 바뀌지 않았습니다.');
    await user.click(dialog.getByRole('button', { name: '닫기' }));

    await user.click(section.getByRole('checkbox', { name: '내가 고른 폴더에도 저장하기' }));
    await user.click(section.getByRole('button', { name: '지금 백업' }));
    const folders = await screen.findByRole('dialog', { name: '폴더 고르기' });
    await user.click(within(folders).getByRole('button', { name: '이 폴더 고르기' }));
    await waitFor(() => expect(section.getByTestId('backup-outcome').textContent).toMatch(/^백업을 만들었습니다/), SLOW);
    expect(bridge.backupBegin).toHaveBeenCalledWith(expect.objectContaining({ kind: 'manual', chooseFolder: false, folder: '/media/usb' }));
  });
});

describe('Settings: restore from a backup', { timeout: 30_000 }, () => {
  it('refuses a profile with data until it is backed up in the dialog, then clears it and restores', async () => {
    // the backup to restore: another profile's
    const other = await seeded();
    await other.meetings.put({ meetingId: '2023-05-04', date: '2023-05-04', place: '회의실', startTime: '10:00', rules: (await import('../../shared/meeting/rules')).DEFAULT_COUNTING_RULES, agenda: [], attendance: [], status: 'planned', createdAt: '2023-05-01T09:00:00+09:00', openedAt: null, closedAt: null });
    const backup = await makeBackup(other);
    const wanted = await dbSnapshot(other);

    const db = await seeded();
    const app = await openBackup(db, (bridge) => {
      const pieces = restorePieces(backup);
      bridge.restoreOpen.mockImplementation(async () => ok({ restoreId: RESTORE_ID, name: BACKUP_NAME, manifest: backup.manifest }));
      bridge.restoreNext.mockImplementation(async () => ok(pieces.shift()!));
      bridge.restoreFinish.mockImplementation(async ({ restoreId }) =>
        ok({ restoreId, backup: BACKUP_NAME, backupCreatedAt: backup.manifest.createdAt, at: '2023-05-04T01:00:00.000Z', previous: null, entries: backup.manifest.auditHead?.sequence ?? 0 }),
      );
    });
    await setPassphrase(app, false);
    await app.user.click(app.section.getByRole('button', { name: '백업에서 복원…' }));
    const dialog = within(await screen.findByRole('dialog', { name: '백업에서 복원' }));
    const hasData = await dialog.findByTestId('restore-has-data');
    expect(hasData.textContent).toContain(`이 프로필에는 자료가 있습니다 (사건 ${await db.cases.count()}건, 회의 0건, 의결 0건, 투표 0건).`);
    expect(dialog.queryByLabelText('복원할 백업의 암호문')).toBeNull();
    // the focus goes to what comes next, not the Close button the dialog opened on
    await waitFor(() => expect(document.activeElement).toBe(dialog.getByRole('button', { name: '이 프로필 먼저 백업하기' })));

    await app.user.keyboard('{Enter}');
    const backedUp = await dialog.findByTestId('restore-backed-up', {}, SLOW);
    // the button is gone: the focus moves on to the passphrase, not to the page behind
    await waitFor(() => expect(document.activeElement).toBe(dialog.getByLabelText('복원할 백업의 암호문')));
    const [prior] = app.bridge.backups().map((b) => b.name);
    expect(backedUp.textContent).toBe(`이 프로필을 백업했습니다: ${prior}. 복원하면 지금 자료는 지워지고 백업 파일의 자료로 바뀝니다.`);

    await app.user.type(dialog.getByLabelText('복원할 백업의 암호문'), 'the other passphrase');
    await app.user.click(dialog.getByRole('button', { name: '백업 파일 고르고 복원…' }));
    await waitFor(() => expect(dialog.getByTestId('restore-outcome').textContent).toContain(`복원했습니다: ${BACKUP_NAME}`), SLOW);
    expect(app.bridge.restoreOpen).toHaveBeenCalledWith({ passphrase: 'the other passphrase', path: undefined, dbVersion: db.verno });
    expect(dialog.getByTestId('restore-facts').textContent).toContain('회의 1건');
    const restored = await dbSnapshot(db);
    expect({ ...restored, audit: restored.audit!.slice(0, -1) }).toEqual(wanted);
    expect((await db.audit.orderBy('sequence').last())!).toMatchObject({ entity: 'backup', action: 'restore', entityId: BACKUP_NAME, detail: { priorBackup: prior } });
    expect(app.bridge.restoreFinish).toHaveBeenCalledWith({ restoreId: RESTORE_ID });
    expect(app.bridge.restoreClose).toHaveBeenCalledWith({ restoreId: RESTORE_ID });
  });

  it('names a wrong passphrase, and writes nothing into the empty profile', async () => {
    const db = openCouncilDb(freshDbName());
    await db.settings.put({ key: 'firstRunDone', value: true });
    const app = await openBackup(db, (bridge) => bridge.restoreOpen.mockResolvedValue(fail('BACKUP_PASSPHRASE_WRONG', 'The passphrase does not open council-desk-backup-20230302-060000-manual.cdbackup.')));
    const before = await dbSnapshot(db);
    await app.user.click(app.section.getByRole('button', { name: '백업에서 복원…' }));
    const dialog = within(await screen.findByRole('dialog', { name: '백업에서 복원' }));
    expect(await dialog.findByText('이 프로필은 비어 있습니다. 복원할 수 있습니다.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(dialog.getByLabelText('복원할 백업의 암호문')));
    await app.user.click(dialog.getByRole('button', { name: '백업 파일 고르고 복원…' }));
    expect((await dialog.findByRole('alert')).textContent).toBe('백업의 암호문을 입력하세요.');
    expect(app.bridge.restoreOpen).not.toHaveBeenCalled();

    await app.user.type(dialog.getByLabelText('복원할 백업의 암호문'), 'wrong one');
    await app.user.click(dialog.getByRole('button', { name: '백업 파일 고르고 복원…' }));
    const failed = await dialog.findByTestId('restore-failed', {}, SLOW);
    expect(failed.textContent).toBe(
      '암호문이 이 백업을 열지 못합니다.오류 코드 BACKUP_PASSPHRASE_WRONG: The passphrase does not open council-desk-backup-20230302-060000-manual.cdbackup.복원하지 않았습니다. 아무것도 쓰지 않았습니다.',
    );
    expect(await dbSnapshot(db)).toEqual(before);
    expect(app.bridge.restoreNext).not.toHaveBeenCalled();
  });
});
