/**
 * The page's half of the soak's backups and its restore (Node's: test/bench/soak-backup.ts),
 * through the app's own code as Settings → Backup runs it: each backup made by the backup runner
 * (renderer/settings/backup/backup-runner.ts: one read of the database, rows.json hashed and
 * streamed to main with backupAppend, main writing the encrypted file into <sync>/backup/) and
 * recorded in the audit log as the app's backup jobs record it; the last one restored by the
 * restore runner (restoreOpen … restoreNext) into a second, fresh database of this browser. Each
 * phase is timed from the runners' own progress calls.
 */
import type { BackupFileInfo, BackupKind, BackupResult } from '../../../shared/contract/backup';
import type { CouncilApi } from '../../../renderer/common/council-api';
import { openCouncilDb, type CouncilDb } from '../../../renderer/db/schema';
import { recordBackupMade } from '../../../renderer/settings/backup/backup-audit';
import { runBackup, type BackupPhase } from '../../../renderer/settings/backup/backup-runner';
import { runRestore, type RestorePhase } from '../../../renderer/settings/backup/restore-runner';
import { drop } from './meeting-bench';

/** Milliseconds spent in each phase a runner reported, in the order they came. */
export type PhaseTimes<P extends string> = Partial<Record<P, number>>;

function phaseClock<P extends string>() {
  const times: PhaseTimes<P> = {};
  let current: P | null = null;
  let since = performance.now();
  const close = () => {
    const t = performance.now();
    if (current !== null) times[current] = (times[current] ?? 0) + t - since;
    since = t;
  };
  return {
    on(phase: P) {
      if (phase === current) return;
      close();
      current = phase;
    },
    end(): PhaseTimes<P> {
      close();
      current = null;
      return times;
    },
  };
}

export interface PageBackup {
  kind: BackupKind;
  result: BackupResult;
  /** runBackup, from its first read to backupFinish's answer. */
  ms: number;
  phases: PhaseTimes<BackupPhase>;
  /** The audit entry the app's backup jobs add for it (recordBackupMade). */
  recordMs: number;
  rowsBytes: number;
  evidence: number;
  tables: Record<string, number>;
  auditHead: { sequence: number; hash: string } | null;
  /** The backup as main's getBackupStatus lists it afterwards (null: not listed). */
  listed: BackupFileInfo | null;
  folder: string;
}

export async function setPassphrase(api: CouncilApi, passphrase: string): Promise<{ ms: number; folder: string }> {
  const started = performance.now();
  const status = await api.setBackupPassphrase({ passphrase });
  const ms = performance.now() - started;
  if (!status.passphraseSet) throw new Error('setBackupPassphrase answered that no passphrase is set');
  return { ms, folder: status.folder };
}

/** One backup of `db`, as the app makes one: the runner, then its audit entry. */
export async function makeBackup(db: CouncilDb, api: CouncilApi, kind: BackupKind): Promise<PageBackup> {
  const clock = phaseClock<BackupPhase>();
  const started = performance.now();
  const outcome = await runBackup(db, api, { kind, language: 'ko' }, (p) => clock.on(p.phase));
  const ms = performance.now() - started;
  const phases = clock.end();
  if (outcome.kind !== 'written') throw new Error(`the ${kind} backup came to ${outcome.kind}`);
  const { result, manifest } = outcome;
  const recordStarted = performance.now();
  await recordBackupMade(db, kind, manifest, result);
  const recordMs = performance.now() - recordStarted;
  const status = await api.getBackupStatus();
  return {
    kind,
    result,
    ms,
    phases,
    recordMs,
    rowsBytes: manifest.rows.bytes,
    evidence: manifest.evidence.length,
    tables: manifest.tables,
    auditHead: manifest.auditHead,
    listed: status.backups.find((b) => b.name === result.name) ?? null,
    folder: status.folder,
  };
}

export interface PageRestore {
  outcome: { kind: 'restored'; name: string } | { kind: 'cancelled' } | { kind: 'failed'; code: string; message: string; cleared: boolean };
  /** runRestore, from restoreOpen to the restore's audit entry. */
  ms: number;
  phases: PhaseTimes<RestorePhase>;
  /** Rows the restore wrote (its rows phase's last count). */
  rows: number;
}

/** The backup at `path` restored by the app's restore runner into the fresh database `dbName` (dropped first). */
export async function restoreInto(dbName: string, api: CouncilApi, path: string, passphrase: string): Promise<{ db: CouncilDb; restore: PageRestore }> {
  await drop(dbName);
  const db = openCouncilDb(dbName);
  await db.open();
  const clock = phaseClock<RestorePhase>();
  let rows = 0;
  const started = performance.now();
  const outcome = await runRestore(db, api, { passphrase, path, priorBackup: null }, (p) => {
    clock.on(p.phase);
    if (p.phase === 'rows') rows = p.done;
  });
  const ms = performance.now() - started;
  const phases = clock.end();
  const shown: PageRestore['outcome'] =
    outcome.kind === 'failed' ? { kind: 'failed', code: outcome.error.code, message: outcome.error.message, cleared: outcome.cleared } : outcome.kind === 'restored' ? { kind: 'restored', name: outcome.name } : outcome;
  return { db, restore: { outcome: shown, ms, phases, rows } };
}
