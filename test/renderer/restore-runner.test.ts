/**
 * Restoring a backup into a profile: the restored tables equal the backed-up ones (evidence bytes
 * too) and the log ends where the backup's did, with the restore's own entry after it; a profile
 * with data is refused unless it was backed up first; main's refusal writes nothing; a failure
 * once writing began clears the profile again; and the witness hears the log only once it checks.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/common/council-api';
import { appendAudit } from '../../renderer/db/audit';
import { checkAuditLog } from '../../renderer/db/audit-check';
import { witnessAuditLog } from '../../renderer/db/audit-witness';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { RESTORE_MARKER_KEY } from '../../renderer/settings/backup/restore-marker';
import { runRestore } from '../../renderer/settings/backup/restore-runner';
import { decideTwoCases } from './support/decided-meeting';
import { dbSnapshot } from './support/db-snapshot';
import { BACKUP_NAME, makeBackup, playbackRestoreApi, RESTORE_ID, restorePieces } from './support/backup-round-trip';
import { freshDbName } from './support/render-app';
import { roomDbKit } from './support/room-db-kit';

const kit = roomDbKit();

async function withFreshDb<T>(use: (db: CouncilDb) => Promise<T>): Promise<T> {
  const db = openCouncilDb(freshDbName());
  try {
    return await use(db);
  } finally {
    db.close();
    await db.delete();
  }
}

/** The decided test meeting backed up: its database, the backup, and the database as it was backed up. */
async function backedUpMeeting() {
  const source = kit.db();
  await decideTwoCases(source, kit.putToVote);
  const backup = await makeBackup(source);
  return { source, backup, before: await dbSnapshot(source) };
}

/** The snapshot without the restore's own audit entry (the last). */
async function restoredSnapshot(db: CouncilDb) {
  const snap = await dbSnapshot(db);
  return { ...snap, audit: snap.audit!.slice(0, -1) };
}

describe('restoring a backup', () => {
  it('gives back every table as it was backed up, the evidence bytes too, and records the restore after the backup\'s last entry', async () => {
    const { backup, before } = await backedUpMeeting();

    await withFreshDb(async (db) => {
      await db.settings.put({ key: 'firstRunDone', value: true });
      const api = playbackRestoreApi(backup);
      const outcome = await runRestore(db, api, { passphrase: 'correct horse', priorBackup: null });
      expect(outcome).toMatchObject({ kind: 'restored', name: BACKUP_NAME });
      expect(api.restoreOpen).toHaveBeenCalledWith({ passphrase: 'correct horse', path: undefined, dbVersion: db.verno });
      expect(api.restoreClose).toHaveBeenCalledWith({ restoreId: RESTORE_ID });

      expect(await restoredSnapshot(db)).toEqual(before);
      expect(await db.decisions.count()).toBe(2);
      const entries = await db.audit.orderBy('sequence').toArray();
      const head = entries.at(-2)!;
      expect({ sequence: head.sequence, hash: head.hash }).toEqual(backup.manifest.auditHead);
      expect(entries.at(-1)).toMatchObject({ entity: 'backup', entityId: BACKUP_NAME, action: 'restore', prevHash: head.hash, sequence: head.sequence + 1 });
      expect(await db.settings.get(RESTORE_MARKER_KEY)).toBeUndefined();
    });
  });

  it("takes the pieces as browser mode's bridge hands them on, as ranges of its answer's Blob", async () => {
    const { backup, before } = await backedUpMeeting();
    const asBlobs = restorePieces(backup).map((p) => (p.kind === 'done' ? p : { ...p, bytes: new Blob([p.bytes as BlobPart]) as unknown as Uint8Array }));
    await withFreshDb(async (db) => {
      expect((await runRestore(db, playbackRestoreApi(backup, { pieces: asBlobs }), { passphrase: 'correct horse', priorBackup: null })).kind).toBe('restored');
      expect(await restoredSnapshot(db)).toEqual(before);
    });
  });

  it('is refused over a profile with data, naming what it holds, and main is not asked', async () => {
    const { source, backup, before } = await backedUpMeeting();
    const api = playbackRestoreApi(backup);
    const outcome = await runRestore(source, api, { passphrase: 'correct horse', priorBackup: null });
    expect(outcome).toMatchObject({ kind: 'failed', cleared: false, error: { code: 'RESTORE_PROFILE_NOT_EMPTY' } });
    expect(outcome.kind === 'failed' && outcome.error.message).toContain(`${before.cases!.length} cases, 1 meetings`);
    expect(api.restoreOpen).not.toHaveBeenCalled();
    expect(await dbSnapshot(source)).toEqual(before);
  });

  it('restores into a profile whose audit log holds only a backup made of it and a setting changed: no data of its own', async () => {
    const { backup, before } = await backedUpMeeting();
    await withFreshDb(async (db) => {
      await db.settings.put({ key: 'firstRunDone', value: true });
      // "start empty", a sync folder chosen, the empty profile backed up: entries, but no case, meeting, decision or vote
      await db.transaction('rw', [db.audit, db.settings], async () => {
        await appendAudit(db, { entity: 'settings', entityId: 'syncFolder', action: 'set', detail: { syncFolder: '/media/usb/sync' } });
        await appendAudit(db, { entity: 'backup', entityId: 'council-desk-backup-20230406-010000-manual.cdbackup', action: 'export', detail: {} });
      });
      const api = playbackRestoreApi(backup);
      expect((await runRestore(db, api, { passphrase: 'correct horse', priorBackup: null })).kind).toBe('restored');
      expect(await restoredSnapshot(db)).toEqual(before);
    });
  });

  it('restores over a profile with data once it was backed up first: its rows are cleared, the backup\'s put in', async () => {
    const { source, backup, before } = await backedUpMeeting();
    // the profile goes on: a meeting more, then is restored over from the earlier backup
    await source.meetings.put({ ...(await source.meetings.toArray())[0]!, meetingId: '2023-04-06', date: '2023-04-06' });
    const outcome = await runRestore(source, playbackRestoreApi(backup), { passphrase: 'correct horse', priorBackup: 'council-desk-backup-20230406-010000-manual.cdbackup' });
    expect(outcome.kind).toBe('restored');
    expect(await restoredSnapshot(source)).toEqual(before);
    expect((await source.audit.orderBy('sequence').last())!.detail).toMatchObject({ priorBackup: 'council-desk-backup-20230406-010000-manual.cdbackup' });
  });

  it('numbers the log on from the backup\'s last entry, though the profile restored over had a longer one', async () => {
    const { source, backup } = await backedUpMeeting();
    const head = backup.manifest.auditHead!;
    // the profile goes on for five entries more, then the earlier backup is restored over it
    for (let i = 0; i < 5; i += 1) await source.transaction('rw', [source.audit, source.settings], () => appendAudit(source, { entity: 'settings', entityId: 'x', action: 'note', detail: { i } }));
    expect((await runRestore(source, playbackRestoreApi(backup), { passphrase: 'correct horse', priorBackup: 'council-desk-backup-20230406-010000-manual.cdbackup' })).kind).toBe('restored');
    await source.transaction('rw', [source.audit, source.settings], () => appendAudit(source, { entity: 'settings', entityId: 'x', action: 'note', detail: { after: true } }));
    const tail = (await source.audit.orderBy('sequence').toArray()).slice(-3).map((e) => e.sequence);
    expect(tail).toEqual([head.sequence, head.sequence + 1, head.sequence + 2]);
    expect(await checkAuditLog(source)).toMatchObject({ intact: true, entries: head.sequence + 2 });
  });

  it("writes nothing when main refuses the backup, and says what main named", async () => {
    const { backup } = await backedUpMeeting();
    await withFreshDb(async (db) => {
      await db.settings.put({ key: 'language', value: 'en' });
      const before = await dbSnapshot(db);
      const api = playbackRestoreApi(backup);
      api.restoreOpen.mockRejectedValue(new ApiError('BACKUP_DAMAGED', 'evidence/ab12…: its SHA-256 does not match.'));
      const outcome = await runRestore(db, api, { passphrase: 'correct horse', priorBackup: null });
      expect(outcome).toEqual({ kind: 'failed', cleared: false, error: { code: 'BACKUP_DAMAGED', message: 'evidence/ab12…: its SHA-256 does not match.' } });
      expect(api.restoreNext).not.toHaveBeenCalled();
      expect(await dbSnapshot(db)).toEqual(before);
    });
  });

  it('clears the profile again when the restore fails once writing began, and leaves no marker', async () => {
    const { backup } = await backedUpMeeting();
    await withFreshDb(async (db) => {
      await db.settings.put({ key: 'language', value: 'en' });
      // the first evidence file's answer is lost (after the three pieces of rows.json)
      const outcome = await runRestore(db, playbackRestoreApi(backup, { failAt: 3 }), { passphrase: 'correct horse', priorBackup: null });
      expect(outcome).toMatchObject({ kind: 'failed', cleared: true, error: { code: 'BACKUP_UNREADABLE' } });
      for (const table of db.tables) if (table.name !== 'settings') expect(await table.count(), table.name).toBe(0);
      expect(await db.settings.toArray()).toEqual([
        { key: 'firstRunDone', value: true },
        { key: 'language', value: 'en' },
      ]);
    });
  });

  it('fails its own last check when the tables do not hold what the manifest counts, and clears the profile again', async () => {
    const { backup } = await backedUpMeeting();
    const manifest = { ...backup.manifest, tables: { ...backup.manifest.tables, decisions: 3 } };
    await withFreshDb(async (db) => {
      const outcome = await runRestore(db, playbackRestoreApi(backup, { manifest }), { passphrase: 'correct horse', priorBackup: null });
      expect(outcome).toMatchObject({ kind: 'failed', cleared: true, error: { code: 'RESTORE_CHECK_FAILED', message: 'The table decisions holds 2 rows after the restore; the backup holds 3.' } });
      expect(await db.decisions.count()).toBe(0);
      expect(await db.audit.count()).toBe(0);
    });
  });

  it('sends the restored log to the witness only once it is whole and checked', async () => {
    const { backup } = await backedUpMeeting();
    await withFreshDb(async (db) => {
      const sent: { sequence: number; hash: string }[][] = [];
      const whenSent: boolean[] = [];
      let checked = false;
      const sender = witnessAuditLog(db, {
        getWitness: async () => ({ entries: [], tornTail: false, skippedLines: [] }),
        witnessAudit: async ({ entries }) => {
          if (entries.length > 0) {
            whenSent.push(checked);
            sent.push(entries);
          }
          return entries.at(-1) ?? null;
        },
      });
      const api = playbackRestoreApi(backup);
      api.restoreClose.mockImplementation(async () => {
        checked = (await db.settings.get(RESTORE_MARKER_KEY)) === undefined;
      });
      expect((await runRestore(db, api, { passphrase: 'correct horse', priorBackup: null })).kind).toBe('restored');
      await sender.send();
      const all = (await db.audit.orderBy('sequence').toArray()).map(({ sequence, hash }) => ({ sequence, hash }));
      expect(sent.flat()).toEqual(all);
      expect(whenSent.every((afterCheck) => afterCheck)).toBe(true);
    });
  });
});
