/**
 * First run, restored from a backup: the welcome's "Restore from a backup…" reached with the
 * keyboard opens the restore dialog of Settings → Backup, with its checks (a refusal of main's
 * shown, nothing written, the welcome still there), and once restored the app opens on the
 * restored council, its witness begun again by main.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result';
import { useAnnouncerStore } from '../../renderer/common/announcer';
import { openCouncilDb } from '../../renderer/db/schema';
import { readSettings } from '../../renderer/db/settings';
import { BACKUP_NAME, makeBackup, restorePieces, RESTORE_ID } from './support/backup-round-trip';
import { demoCouncil } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';

const SLOW = { timeout: 8000 };

/** The demo council backed up from another profile, and main's restore calls playing it back. */
async function backupBridge() {
  const source = openCouncilDb(freshDbName());
  await seedDemoCouncil(source);
  const backup = await makeBackup(source);
  const bridge = fakeBridge(demoCouncil());
  const pieces = restorePieces(backup);
  bridge.restoreOpen.mockImplementation(async () => ok({ restoreId: RESTORE_ID, name: BACKUP_NAME, manifest: backup.manifest }));
  bridge.restoreNext.mockImplementation(async () => ok(pieces.shift()!));
  bridge.restoreFinish.mockImplementation(async ({ restoreId }) =>
    ok({ restoreId, backup: BACKUP_NAME, backupCreatedAt: backup.manifest.createdAt, at: '2023-05-04T01:00:00.000Z', previous: null, entries: backup.manifest.auditHead?.sequence ?? 0 }),
  );
  return { bridge, backup, cases: await source.cases.count() };
}

/** Tab on until `target` has the focus: reached with the keyboard alone. */
async function tabTo(user: ReturnType<typeof renderApp>['user'], target: HTMLElement): Promise<void> {
  for (let i = 0; i < 20 && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
}

describe('first run: restore from a backup', { timeout: 30_000 }, () => {
  it('opens the restore dialog from the welcome by keyboard, restores, and opens the app on the restored council', async () => {
    const { bridge, backup, cases } = await backupBridge();
    const { user, db } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Council Desk에 오신 것을 환영합니다' }, SLOW);
    expect(screen.getByText('다른 컴퓨터나 이전 설치에서 만든 Council Desk 백업 파일이 있으면 여기서 바로 복원할 수 있습니다.')).toBeTruthy();

    await tabTo(user, screen.getByRole('button', { name: '백업에서 복원…' }));
    await user.keyboard('{Enter}');
    const dialog = within(await screen.findByRole('dialog', { name: '백업에서 복원' }));
    expect(await dialog.findByText('이 프로필은 비어 있습니다. 복원할 수 있습니다.')).toBeTruthy();
    // the passphrase, then Enter
    await tabTo(user, dialog.getByLabelText('복원할 백업의 암호문'));
    await user.keyboard('correct horse{Enter}');

    await waitFor(() => expect(document.querySelector('[data-screen="bundles"]')).not.toBeNull(), SLOW);
    expect(screen.queryByRole('dialog', { name: '백업에서 복원' })).toBeNull();
    expect(screen.getByTestId('council-name').textContent).toBe('카카오 1015 피해지원 협의체');
    expect(await db.cases.count()).toBe(cases);
    expect((await db.audit.orderBy('sequence').last())!).toMatchObject({ entity: 'backup', action: 'restore', entityId: BACKUP_NAME, sequence: backup.manifest.auditHead!.sequence + 1 });
    expect((await readSettings(db)).firstRunDone).toBe(true);
    expect(bridge.restoreOpen).toHaveBeenCalledWith({ passphrase: 'correct horse', path: undefined, dbVersion: db.verno });
    expect(bridge.restoreFinish).toHaveBeenCalledWith({ restoreId: RESTORE_ID });
    await waitFor(() => expect(useAnnouncerStore.getState().polite?.text).toBe(`복원했습니다: ${BACKUP_NAME}. 복원한 협의체로 들어갑니다.`));
  });

  it("shows main's refusal in the dialog, writes nothing, and stays on the welcome", async () => {
    const bridge = fakeBridge(demoCouncil());
    bridge.restoreOpen.mockResolvedValue(fail('BACKUP_DAMAGED', 'The backup council-desk-backup-20230302-060000-manual.cdbackup is damaged: segment 3 does not check. Nothing was restored.'));
    const { user, db } = renderApp();
    await user.click(await screen.findByRole('button', { name: '백업에서 복원…' }, SLOW));
    const dialog = within(await screen.findByRole('dialog', { name: '백업에서 복원' }));
    await user.type(await dialog.findByLabelText('복원할 백업의 암호문'), 'correct horse');
    await user.click(dialog.getByRole('button', { name: '백업 파일 고르고 복원…' }));
    const failed = await dialog.findByTestId('restore-failed', {}, SLOW);
    expect(failed.textContent).toContain('백업 파일이 손상되었거나 바뀌었습니다.');
    expect(failed.textContent).toContain('아무것도 쓰지 않았습니다.');
    expect(await db.audit.count()).toBe(0);
    expect(bridge.restoreFinish).not.toHaveBeenCalled();
    await user.click(dialog.getByRole('button', { name: '닫기' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Council Desk에 오신 것을 환영합니다' })).toBeTruthy();
    // the focus is back on the button that opened the dialog
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '백업에서 복원…' }));
  });
});
