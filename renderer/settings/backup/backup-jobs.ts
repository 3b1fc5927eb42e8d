/**
 * The backups of this run, one at a time: "Back up now", and the automatic ones after a meeting
 * closes and after each decision export. Each runs in the background (the runner awaits at every
 * step), its progress and end in the backup store, each one made recorded in the audit log. An
 * automatic backup never fails what asked for it: with no passphrase set it is skipped, and the
 * user told once, quietly; one asked for while another runs follows it.
 */
import type { BackupKind } from '../../../shared/api';
import { describeError } from '../../common/council-api';
import { currentLanguage } from '../../common/i18n';
import type { CouncilDb } from '../../db/schema';
import type { BackupApi } from './backup-api';
import { recordBackupMade } from './backup-audit';
import { runBackup, type BackupRequest } from './backup-runner';
import { useBackupStore, type BackupEnd } from './backup-store';

/** Why an automatic backup is made. */
export type AutomaticKind = Exclude<BackupKind, 'manual'>;

export type BackupJobApi = Pick<BackupApi, 'getBackupStatus' | 'backupBegin' | 'backupAppend' | 'backupFinish' | 'backupCancel'>;

/** An automatic backup asked for while another ran: made once that one ends (the latest asked wins). */
let queued: { db: CouncilDb; api: BackupJobApi; kind: AutomaticKind } | null = null;

/** Makes a backup now; resolves with how it ended (also in the store), never rejects. Null: one is under way already. */
export async function backUpNow(db: CouncilDb, api: BackupJobApi, request: BackupRequest): Promise<BackupEnd | null> {
  const store = useBackupStore;
  if (store.getState().running || store.getState().restoring) return null;
  const { kind } = request;
  // How the one before ended is no longer news: what is said next is how this one ends.
  store.setState({ running: { kind, progress: { phase: 'reading', done: 0, total: 0 } }, last: null });
  let end: BackupEnd;
  try {
    const outcome = await runBackup(db, api, { language: currentLanguage(), ...request }, (progress) => store.setState({ running: { kind, progress } }));
    if (outcome.kind === 'cancelled') end = { kind, state: 'cancelled' };
    else {
      await recordBackupMade(db, kind, outcome.manifest, outcome.result);
      end = { kind, state: 'written', result: outcome.result };
    }
  } catch (err) {
    end = { kind, state: 'failed', error: describeError(err) };
  }
  store.setState({ running: null, last: end });
  const next = queued;
  queued = null;
  if (next) void backUpAutomatically(next.db, next.api, next.kind);
  return end;
}

/** After a meeting closed or a decision file was exported: a backup when a passphrase is set; resolves once settled, never rejects. */
export async function backUpAutomatically(db: CouncilDb, api: BackupJobApi, kind: AutomaticKind): Promise<void> {
  const store = useBackupStore;
  try {
    if (store.getState().restoring) return;
    const status = await api.getBackupStatus();
    if (!status.passphraseSet) {
      if (!store.getState().toldNoPassphrase) store.setState({ toldNoPassphrase: true, last: { kind, state: 'no-passphrase' } });
      return;
    }
    if (store.getState().running) {
      queued = { db, api, kind };
      return;
    }
    await backUpNow(db, api, { kind });
  } catch (err) {
    store.setState({ last: { kind, state: 'failed', error: describeError(err) } });
  }
}

/** Forgets a queued backup (tests). */
export function resetBackupJobs(): void {
  queued = null;
}
