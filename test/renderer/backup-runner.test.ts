/**
 * The backup runner against a main process that records what it is sent: the manifest counts what
 * the database holds, names the audit log's last entry and the schema version; rows.json and each
 * evidence file arrive whole, in pieces no larger than asked, each with the hash the manifest gives;
 * any failure after backupBegin cancels the backup; a changed evidence file stops it, named.
 */
import { describe, expect, it } from 'vitest';
import { runBackup, type BackupProgress } from '../../renderer/settings/backup/backup-runner';
import { decideTwoCases } from './support/decided-meeting';
import { roomDbKit } from './support/room-db-kit';
import { BACKUP_ID, recordingBackupApi, sha256 } from './support/recording-backup-api';

const kit = roomDbKit();

describe('the backup runner', () => {
  it('sends every table and each evidence file once, as the manifest counts and hashes them', async () => {
    const db = kit.db();
    await decideTwoCases(db, kit.putToVote);
    const main = recordingBackupApi();
    const progress: BackupProgress[] = [];
    const outcome = await runBackup(db, main.api, { kind: 'manual' }, (p) => progress.push(p));

    expect(outcome.kind).toBe('written');
    const manifest = main.manifest()!;
    for (const table of db.tables) expect(manifest.tables[table.name], table.name).toBe(await table.count());
    expect(manifest.tables.decisions).toBe(2);
    const last = await db.audit.orderBy('sequence').last();
    expect(manifest.auditHead).toEqual({ sequence: last!.sequence, hash: last!.hash });
    expect(manifest.dbVersion).toBe(db.verno);

    const entries = main.entries();
    const rows = entries.get('rows.json')!;
    expect(manifest.rows).toEqual({ sha256: sha256(rows), bytes: rows.byteLength });
    const json = JSON.parse(new TextDecoder().decode(rows)) as { data: { data: { tableName: string; rows: { blob: unknown; sha256: string }[] }[] } };
    const documents = json.data.data.find((t) => t.tableName === 'documents')!.rows;
    expect(documents.length).toBe(await db.documents.count());
    expect(documents.every((d) => d.blob === null)).toBe(true);

    const distinct = new Set((await db.documents.toArray()).map((d) => d.sha256));
    expect(manifest.evidence.map((e) => e.sha256).sort()).toEqual([...distinct].sort());
    for (const { sha256: hash, bytes } of manifest.evidence) {
      const got = entries.get(`evidence/${hash}`)!;
      expect(sha256(got)).toBe(hash);
      expect(got.byteLength).toBe(bytes);
    }
    // rows.json first, each entry ended once with last, then finish
    expect(main.calls[0]).toBe('begin');
    expect(main.calls[1]).toMatch(/^append rows\.json/);
    expect(main.calls.at(-1)).toBe('finish');
    expect(main.calls.filter((c) => c.endsWith(' last'))).toHaveLength(1 + manifest.evidence.length);
    const total = manifest.rows.bytes + manifest.evidence.reduce((s, e) => s + e.bytes, 0);
    expect(progress.at(-1)).toEqual({ phase: 'writing', done: total, total });
  });

  it('sends an entry in pieces no larger than asked', async () => {
    const db = kit.db();
    await decideTwoCases(db, kit.putToVote);
    const main = recordingBackupApi();
    await runBackup(db, main.api, { kind: 'manual' }, undefined, { pieceBytes: 4096 });
    const rowsPieces = main.sent.filter((p) => p.entry === 'rows.json');
    expect(rowsPieces.length).toBeGreaterThan(2);
    expect(rowsPieces.every((p) => p.bytes.byteLength <= 4096)).toBe(true);
    expect(rowsPieces.map((p) => p.last)).toEqual([...rowsPieces.slice(1).map(() => false), true]);
    expect(sha256(main.entries().get('rows.json')!)).toBe(main.manifest()!.rows.sha256);
  });

  it('cancels the backup in main when a piece cannot be written, and says why', async () => {
    const db = kit.db();
    await decideTwoCases(db, kit.putToVote);
    const main = recordingBackupApi({ failAppend: 2 });
    await expect(runBackup(db, main.api, { kind: 'manual' })).rejects.toMatchObject({ code: 'BACKUP_WRITE_FAILED', message: 'The disk is full.' });
    expect(main.calls.at(-1)).toBe(`cancel ${BACKUP_ID}`);
    expect(main.calls).not.toContain('finish');
  });

  it('stops at an evidence file whose bytes are no longer its hash, naming the document, and cancels', async () => {
    const db = kit.db();
    await decideTwoCases(db, kit.putToVote);
    const doc = (await db.documents.toArray())[0]!;
    await db.documents.put({ ...doc, blob: new Blob(['changed on disk']) });
    const main = recordingBackupApi();
    const failure = runBackup(db, main.api, { kind: 'manual' });
    await expect(failure).rejects.toMatchObject({ code: 'BACKUP_EVIDENCE_CHANGED' });
    await expect(failure).rejects.toThrow(doc.file);
    expect(main.calls).toContain(`cancel ${BACKUP_ID}`);
    expect(main.sent.some((p) => p.entry === `evidence/${doc.sha256}` && p.last)).toBe(false);
  });

  it('begins nothing more when the folder dialog is cancelled', async () => {
    const db = kit.db();
    await decideTwoCases(db, kit.putToVote);
    const main = recordingBackupApi({ cancelDialog: true });
    expect(await runBackup(db, main.api, { kind: 'manual', chooseFolder: true })).toEqual({ kind: 'cancelled' });
    expect(main.calls).toEqual(['begin']);
  });
});
