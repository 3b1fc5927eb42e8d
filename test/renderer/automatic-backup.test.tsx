/**
 * The automatic backups: closing a meeting and exporting decisions start one in the background
 * when a backup passphrase is set; with none, the quiet line says so once and nothing is asked of
 * main; a backup that fails fails neither the meeting nor the export; one asked for while another
 * runs follows it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../../shared/result';
import { createCouncilApi } from '../../renderer/common/council-api';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { createMeeting, openMeeting } from '../../renderer/meeting/meetings-db';
import { backUpAutomatically, useBackupStore } from '../../renderer/settings/backup';
import { backUpNow } from '../../renderer/settings/backup/backup-jobs';
import { decideTwoCases } from './support/decided-meeting';
import { demoCouncil } from './support/demo-council';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { holdNextAppend } from './support/held-append';
import { fakeNotary } from './support/fake-notary';
import { seedMeetingCouncil } from './support/meeting-council';
import { freshDbName, renderApp } from './support/render-app';
import { roomDbKit } from './support/room-db-kit';

const MEETING = '2023-03-02';
const SLOW = { timeout: 8000 };

async function closeMeetingOnScreen(passphrase: boolean, prepare?: (bridge: FakeBridge) => void) {
  const bridge = fakeBridge(demoCouncil());
  if (passphrase) await bridge.setBackupPassphrase({ passphrase: 'correct horse battery' });
  prepare?.(bridge);
  const db = openCouncilDb(freshDbName());
  await seedMeetingCouncil(db);
  await createMeeting(db, { meetingId: MEETING, date: MEETING, place: '협의체 회의실', startTime: '14:00' });
  await openMeeting(db, MEETING);
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: '회의' }, SLOW));
  await app.user.click(await screen.findByRole('button', { name: MEETING }, SLOW));
  await app.user.click(await screen.findByRole('button', { name: '회의 종료' }, SLOW));
  await waitFor(() => expect(screen.getByTestId('meeting-status').textContent).toBe('상태: 종료'), SLOW);
  return { ...app, bridge };
}

describe('automatic backups', { timeout: 30_000 }, () => {
  it('after a meeting closes, with a passphrase set: a backup of that kind, said quietly, and recorded', async () => {
    const { bridge, db } = await closeMeetingOnScreen(true);
    await waitFor(() => expect(screen.getByTestId('automatic-backup').textContent).toMatch(/^자동 백업을 만들었습니다: council-desk-backup-\d{8}-\d{6}-meeting-closed\.cdbackup$/), SLOW);
    expect(bridge.backupBegin).toHaveBeenCalledWith(expect.objectContaining({ kind: 'meeting-closed' }));
    const manifest = bridge.backupBegin.mock.calls[0]![0].manifest;
    // the backup holds the closed meeting, and its close's audit entry
    const close = (await db.audit.where('entity').equals('meeting').last())!;
    expect(close.action).toBe('close');
    expect(manifest.auditHead).toEqual({ sequence: close.sequence, hash: close.hash });
    expect((await db.audit.orderBy('sequence').last())!).toMatchObject({ entity: 'backup', action: 'export', detail: { kind: 'meeting-closed' } });
  });

  it('with no passphrase set: nothing asked of main, and the user told once, quietly', async () => {
    const { bridge, db } = await closeMeetingOnScreen(false);
    const line = screen.getByTestId('automatic-backup');
    await waitFor(() => expect(line.textContent).toBe('백업 암호문이 없어 자동 백업을 만들지 않았습니다. 설정 → 백업에서 정할 수 있습니다.'), SLOW);
    expect(line.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.backupBegin).not.toHaveBeenCalled();

    // said once: a later automatic backup without a passphrase says nothing new
    const told: unknown[] = [];
    const stop = useBackupStore.subscribe((s, before) => s.last !== before.last && told.push(s.last));
    await backUpAutomatically(db, createCouncilApi(), 'decision-export');
    stop();
    expect(told).toEqual([]);
    expect(bridge.getBackupStatus).toHaveBeenCalled();
  });

  it('a backup that fails fails not the meeting: it stays closed, and the line names the code', async () => {
    const { db } = await closeMeetingOnScreen(true, (bridge) => bridge.backupBegin.mockResolvedValue(fail('SYNC_FOLDER_MISSING', 'The sync folder is not there.')));
    await waitFor(() => expect(screen.getByTestId('automatic-backup').textContent).toBe('자동 백업을 만들지 못했습니다 (SYNC_FOLDER_MISSING). 회의와 의결에는 영향이 없습니다.'), SLOW);
    expect((await db.meetings.get(MEETING))!.status).toBe('closed');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('automatic backups after a decision export', { timeout: 30_000 }, () => {
  const kit = roomDbKit();

  it('backs up once the file is exported, said beside the export, holding the export and its audit entry', async () => {
    const db: CouncilDb = kit.db();
    const bridge = fakeBridge(demoCouncil());
    fakeNotary(bridge);
    await bridge.setBackupPassphrase({ passphrase: 'correct horse battery' });
    await decideTwoCases(db, kit.putToVote);
    const app = renderApp(db);
    await app.user.click(await screen.findByRole('link', { name: '의결' }, SLOW));
    const panel = within(await screen.findByRole('region', { name: '회의의 의결과 의결 파일' }, SLOW));
    await app.user.click(panel.getByRole('button', { name: '의결 내보내기' }));
    await waitFor(() => expect(panel.getByTestId('decision-export-status').textContent).toContain('의결 2건을 서명해 썼습니다'), SLOW);
    await waitFor(() => expect(panel.getByTestId('automatic-backup').textContent).toMatch(/^자동 백업을 만들었습니다: .*-decision-export\.cdbackup$/), SLOW);
    const manifest = bridge.backupBegin.mock.calls[0]![0].manifest;
    expect(manifest.tables.exports).toBe(1);
    const exported = (await db.audit.where('entity').equals('export').last())!;
    expect(manifest.auditHead).toEqual({ sequence: exported.sequence, hash: exported.hash });
  });

  it('an automatic backup asked for while another runs follows it', async () => {
    const db: CouncilDb = kit.db();
    const bridge = fakeBridge(demoCouncil());
    await bridge.setBackupPassphrase({ passphrase: 'correct horse battery' });
    await decideTwoCases(db, kit.putToVote);
    const api = createCouncilApi();
    const letGo = holdNextAppend(bridge);
    const manual = backUpNow(db, api, { kind: 'manual' });
    await waitFor(() => expect(bridge.backupAppend).toHaveBeenCalled());
    await backUpAutomatically(db, api, 'meeting-closed');
    expect(bridge.backupBegin).toHaveBeenCalledTimes(1);
    letGo();
    expect((await manual)?.state).toBe('written');
    await waitFor(() => expect(bridge.backups().map((b) => b.kind)).toEqual(['meeting-closed', 'manual']));
  });
});
