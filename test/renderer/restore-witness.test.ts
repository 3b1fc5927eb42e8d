/**
 * A restore and main's witness of the audit log: once the restore is written and checked (its
 * marker still there), the runner asks main to begin the witness again with the backup's chain
 * (restoreFinish), then removes the marker and records the restore, then closes; the restore's
 * own entry is then witnessed after the backup's chain. So a restore over a profile whose longer
 * log was witnessed leaves a witness that agrees with the restored log. main refusing to begin the
 * witness again fails the restore, and the profile is cleared again.
 */
import { describe, expect, it } from 'vitest';
import type { AuditWitness, WitnessEntry, WitnessHead, WitnessRestart } from '../../shared/audit-witness';
import { ApiError } from '../../renderer/common/council-api';
import { appendAudit } from '../../renderer/db/audit';
import { witnessAuditLog, type WitnessPort } from '../../renderer/db/audit-witness';
import { checkAgainstWitness } from '../../renderer/db/audit-witness-check';
import type { CouncilDb } from '../../renderer/db/schema';
import { RESTORE_MARKER_KEY } from '../../renderer/settings/backup/restore-marker';
import { runRestore } from '../../renderer/settings/backup/restore-runner';
import { decideTwoCases } from './support/decided-meeting';
import { BACKUP_NAME, makeBackup, playbackRestoreApi, RESTORE_ID } from './support/backup-round-trip';
import { roomDbKit } from './support/room-db-kit';

const kit = roomDbKit();
const PRIOR = 'council-desk-backup-20230406-010000-manual.cdbackup';
const AT = '2023-04-06T01:05:00.000Z';

/** main's witness file, in memory: appends above the last, a repeat ignored, another hash refused; begun again by restart. */
function fakeMainWitness() {
  let witnessed: WitnessEntry[] = [];
  let restart: WitnessRestart | undefined;
  const port: WitnessPort = {
    async witnessAudit({ entries }) {
      for (const { sequence, hash } of entries) {
        const last = witnessed.at(-1);
        if (last === undefined || sequence > last.sequence) witnessed.push({ sequence, hash, at: AT });
        else if (witnessed.find((w) => w.sequence === sequence)?.hash !== hash) throw new ApiError('WITNESS_CONFLICT', `Audit entry ${sequence} was witnessed with another hash.`);
      }
      const last = witnessed.at(-1);
      return last ? { sequence: last.sequence, hash: last.hash } : null;
    },
    async getWitness(): Promise<AuditWitness> {
      return { entries: witnessed.map((w) => ({ ...w })), tornTail: false, skippedLines: [], ...(restart ? { restart } : {}) };
    },
  };
  return {
    port,
    restartWith(chain: readonly WitnessHead[]): WitnessRestart {
      witnessed = chain.map((h) => ({ ...h, at: AT }));
      restart = { restoreId: RESTORE_ID, backup: BACKUP_NAME, backupCreatedAt: AT, at: AT, previous: 'audit-witness-before-restore-20230406-010500.ndjson', entries: chain.length };
      return restart;
    },
    witnessed: () => witnessed.map(({ sequence, hash }) => ({ sequence, hash })),
  };
}

const chainOf = async (db: CouncilDb) => (await db.audit.orderBy('sequence').toArray()).map(({ sequence, hash }) => ({ sequence, hash }));

/** The decided meeting backed up, then five entries more, all witnessed: the profile a restore goes over. */
async function witnessedProfile() {
  const db = kit.db();
  await decideTwoCases(db, kit.putToVote);
  const backup = await makeBackup(db);
  const backupChain = (await chainOf(db)).slice(0, backup.manifest.auditHead!.sequence);
  for (let i = 0; i < 5; i += 1) await db.transaction('rw', [db.audit, db.settings], () => appendAudit(db, { entity: 'settings', entityId: 'x', action: 'note', detail: { i } }));
  const main = fakeMainWitness();
  const sender = witnessAuditLog(db, main.port);
  await sender.send();
  expect(main.witnessed()).toEqual(await chainOf(db));
  return { db, backup, backupChain, main, sender };
}

describe('a restore and the witness', () => {
  it('asks main to begin the witness again once the restore is written and checked, then records it and closes: the witness agrees with the restored log', async () => {
    const { db, backup, backupChain, main, sender } = await witnessedProfile();
    const steps: string[] = [];
    const api = playbackRestoreApi(backup);
    api.restoreFinish.mockImplementation(async ({ restoreId }) => {
      const marker = await db.settings.get(RESTORE_MARKER_KEY);
      const last = await db.audit.orderBy('sequence').last();
      steps.push(`finish ${restoreId}: marker ${marker ? 'there' : 'gone'}, log at ${last?.sequence}, ${await db.documents.filter((d) => d.blob instanceof Blob).count()} evidence`);
      return main.restartWith(backupChain);
    });
    api.restoreClose.mockImplementation(async () => {
      steps.push(`close: marker ${(await db.settings.get(RESTORE_MARKER_KEY)) ? 'there' : 'gone'}, log at ${(await db.audit.orderBy('sequence').last())?.sequence}`);
    });

    const outcome = await runRestore(db, api, { passphrase: 'correct horse', priorBackup: PRIOR });
    expect(outcome.kind).toBe('restored');
    const head = backup.manifest.auditHead!.sequence;
    const evidence = await db.documents.filter((d) => d.blob instanceof Blob).count();
    expect(evidence).toBeGreaterThan(0);
    expect(steps).toEqual([`finish ${RESTORE_ID}: marker there, log at ${head}, ${evidence} evidence`, `close: marker gone, log at ${head + 1}`]);
    expect(api.restoreFinish).toHaveBeenCalledTimes(1);

    // the restore's own entry follows the backup's chain in the witness main began again
    await sender.send();
    expect(sender.lastError).toBeNull();
    expect(main.witnessed()).toEqual(await chainOf(db));
    const check = await checkAgainstWitness(db, await main.port.getWitness());
    expect(check).toMatchObject({ holds: true, witnessed: head + 1, restart: { backup: BACKUP_NAME, at: AT } });
  });

  it('fails when main does not begin the witness again: the profile cleared again, nothing recorded, the witness as it was', async () => {
    const { db, backup, main } = await witnessedProfile();
    const before = main.witnessed();
    const api = playbackRestoreApi(backup);
    api.restoreFinish.mockRejectedValue(new ApiError('WITNESS_WRITE_FAILED', "The audit log's witness could not be begun again."));
    const outcome = await runRestore(db, api, { passphrase: 'correct horse', priorBackup: PRIOR });
    expect(outcome).toMatchObject({ kind: 'failed', cleared: true, error: { code: 'WITNESS_WRITE_FAILED' } });
    expect(await db.audit.count()).toBe(0);
    expect(await db.settings.get(RESTORE_MARKER_KEY)).toBeUndefined();
    expect(main.witnessed()).toEqual(before);
    expect(api.restoreClose).toHaveBeenCalledWith({ restoreId: RESTORE_ID });
  });

  it('does not ask main when its own check of the restored rows fails', async () => {
    const { db, backup } = await witnessedProfile();
    const api = playbackRestoreApi(backup, { manifest: { ...backup.manifest, tables: { ...backup.manifest.tables, decisions: 3 } } });
    const outcome = await runRestore(db, api, { passphrase: 'correct horse', priorBackup: PRIOR });
    expect(outcome).toMatchObject({ kind: 'failed', cleared: true, error: { code: 'RESTORE_CHECK_FAILED' } });
    expect(api.restoreFinish).not.toHaveBeenCalled();
  });
});
