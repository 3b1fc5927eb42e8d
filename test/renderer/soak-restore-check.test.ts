/**
 * The soak's restore check (test/bench/soak-restore-check.ts over page/soak-profile-page.ts's
 * reading of both databases), on a decided meeting backed up with the app's runner and restored
 * with its restore runner: it finds nothing between the two when the restore is whole, and it
 * names each way they can part (a decision changed, a row missing, an entry after the backup's
 * own, a log that does not reach the backup's head).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../renderer/db/audit';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { recordBackupMade } from '../../renderer/settings/backup/backup-audit';
import { runRestore } from '../../renderer/settings/backup/restore-runner';
import { readSoakProfile } from '../bench/page/soak-profile-page';
import { checkRestored } from '../bench/soak-restore-check';
import { BACKUP_NAME, makeBackup, playbackRestoreApi } from './support/backup-round-trip';
import { decideTwoCases } from './support/decided-meeting';
import { freshDbName } from './support/render-app';
import { roomDbKit } from './support/room-db-kit';

const kit = roomDbKit();
const opened: CouncilDb[] = [];

/** The decided meeting backed up (its audit entry recorded, as the app's jobs do) and restored into a fresh database. */
async function liveAndRestored() {
  const live = kit.db();
  await decideTwoCases(live, kit.putToVote);
  const backup = await makeBackup(live);
  await recordBackupMade(live, 'decision-export', backup.manifest, { name: BACKUP_NAME, paths: [], bytes: 1, sha256: '0'.repeat(64), removed: [] });
  const restored = openCouncilDb(freshDbName());
  opened.push(restored);
  const outcome = await runRestore(restored, playbackRestoreApi(backup), { passphrase: 'correct horse', priorBackup: null });
  expect(outcome.kind).toBe('restored');
  const { tables, auditHead } = backup.manifest;
  const check = async () => {
    const upTo = auditHead?.sequence ?? 0;
    return checkRestored({ name: BACKUP_NAME, tables, auditHead }, await readSoakProfile(live, upTo), await readSoakProfile(restored, upTo));
  };
  return { live, restored, check, auditHead: auditHead! };
}

describe("the soak's restore check", () => {
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });

  it('finds no difference between a database and its backup restored', async () => {
    const { check } = await liveAndRestored();
    expect(await check()).toEqual([]);
  });

  it('names a decision whose award the restored database holds otherwise', async () => {
    const { restored, check } = await liveAndRestored();
    const decision = (await restored.decisions.toArray())[0]!;
    await restored.decisions.put({ ...decision, award: (decision.award ?? 0) + 1 });
    expect(await check()).toEqual([`1 decision row(s) differ: ${decision.caseId}@${decision.revision} differs`]);
  });

  it('names a table with a row missing, against the live database and the manifest', async () => {
    const { restored, check } = await liveAndRestored();
    const total = await restored.votes.count();
    await restored.votes.delete((await restored.votes.toCollection().primaryKeys())[0]!);
    const problems = await check();
    expect(problems).toContain(`table votes: the live database holds ${total} rows, the restored one ${total - 1}`);
    expect(problems).toContain(`table votes: the restored database holds ${total - 1} rows, the backup's manifest ${total}`);
    expect(problems).toContainEqual(expect.stringMatching(/^table votes: the rows differ/));
  });

  it("names an entry of the live log after the backup's own", async () => {
    const { live, check } = await liveAndRestored();
    await live.transaction('rw', [live.audit, live.settings], () => appendAudit(live, { entity: 'meeting', entityId: 'm', action: 'close', detail: {} }));
    expect(await check()).toEqual([expect.stringMatching(/^the live audit log has 1 more entries after the export: #\d+ meeting\/close m/)]);
  });

  it("names a restored log that does not reach the backup's head", async () => {
    const { restored, check, auditHead } = await liveAndRestored();
    await restored.audit.where('sequence').aboveOrEqual(auditHead.sequence).delete();
    const problems = await check();
    expect(problems).toContainEqual(expect.stringMatching(/^the backup's audit head is #\d+ .*; the restored log holds none there/));
    expect(problems).toContain(`the restored audit log has no entry after the backup's head; it should end with the restore of ${BACKUP_NAME}`);
    expect(problems).toContain(`table audit: the live database holds ${auditHead.sequence} rows, the restored one ${auditHead.sequence - 1}`);
  });
});
