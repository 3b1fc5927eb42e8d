/**
 * rows.json as the page really writes it: dexie-export-import puts each row through Typeson, which
 * names every array of a row in a `$types` key beside it. The app's audit entries hold arrays (the
 * demo council's members, a meeting's attendance), so a backup of them restores: the chain is
 * checked on the rows as stored, `$types` set aside. A row with another type is still refused.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEntryHash } from '../../shared/audit-chain';
import type { AuditEntry } from '../../shared/schemas/audit-entry';
import { storedAuditRow } from '../../electron/services/backup/restore-check';
import { backupInput, backupKit, DB_VERSION, emptyCouncilDb, PASSPHRASE, readRestore, writeBackup, type BackupKit } from '../support/backup-kit';

const kits: BackupKit[] = [];
afterEach(() => {
  for (const k of kits.splice(0)) rmSync(k.root, { recursive: true, force: true });
});

/** Entries whose detail holds arrays, chained as the renderer chains them. */
function chainWithArrays(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const body = {
      at: new Date(Date.UTC(2025, 0, 1, 9, 0, i)).toISOString(),
      entity: 'attendance',
      entityId: 'M-2025-01',
      action: 'arrive',
      actor: 's1',
      detail: { present: ['m1', 'm2', 'm3'].slice(0, 1 + (i % 3)), nested: { list: [i, i + 1] } },
      prevHash: entries.at(-1)?.hash ?? null,
    };
    entries.push({ sequence: i, ...body, hash: auditEntryHash(body) });
  }
  return entries;
}

describe('rows.json with Typeson types', () => {
  it('restores a backup whose audit entries hold arrays (each row carrying its $types)', async () => {
    const k = backupKit();
    kits.push(k);
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
    const db = emptyCouncilDb();
    const audit = chainWithArrays(6);
    await db.table('audit').bulkAdd(audit.map(({ sequence: _s, ...rest }) => rest));
    const input = await backupInput({ db, evidence: [], audit });
    expect(new TextDecoder().decode(input.rows)).toContain('"$types":{"detail.present":"arrayNonindexKeys"');
    const { paths } = await writeBackup(k.handlers, input);
    const opened = await k.handlers.restoreOpen({ passphrase: PASSPHRASE, path: paths[0]!, dbVersion: DB_VERSION });
    expect(opened?.manifest.auditHead).toEqual({ sequence: 6, hash: audit.at(-1)!.hash });
    await readRestore(k.handlers, opened!.restoreId);
  });

  it('sets aside only a $types of arrays: a row with another type is left for the check to refuse', () => {
    const row = { sequence: 1, detail: { list: [1] }, $types: { 'detail.list': 'arrayNonindexKeys' } };
    expect(storedAuditRow(row)).toEqual({ sequence: 1, detail: { list: [1] } });
    const dated = { sequence: 1, at: 1735722000000, $types: { at: 'date' } };
    expect(storedAuditRow(dated)).toBe(dated);
    expect(storedAuditRow({ sequence: 1 })).toEqual({ sequence: 1 });
  });
});
