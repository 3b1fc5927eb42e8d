/**
 * Where the backups of this run stand, for every screen that shows it (Settings → Backup's progress
 * bar, the quiet status line after a meeting closes or decisions are exported): the backup under
 * way and how far it is, how the last one ended, whether the user was told that automatic backups
 * need a passphrase (said once a run), a restore under way, and a restore found unfinished at start-up.
 */
import { create } from 'zustand';
import type { BackupKind, BackupResult } from '../../../shared/api';
import type { ErrorInfo } from '../../common/council-api';
import type { BackupProgress } from './backup-runner';

export type BackupEnd =
  | { kind: BackupKind; state: 'written'; result: BackupResult }
  | { kind: BackupKind; state: 'cancelled' }
  | { kind: BackupKind; state: 'failed'; error: ErrorInfo }
  /** An automatic backup not made: no passphrase is set. */
  | { kind: BackupKind; state: 'no-passphrase' };

/** A restore the app was closed or killed in the middle of, found at start-up: cleared again, or finished. */
export interface InterruptedRestore {
  /** The backup being restored. */
  name: string;
  startedAt: string;
  /** The backup made of the profile just before, when there was one to make. */
  priorBackup: string | null;
  /** Its rows were all written and checked and main's witness begun again for it: finished at start-up, not cleared. */
  completed: boolean;
}

interface BackupState {
  running: { kind: BackupKind; progress: BackupProgress } | null;
  last: BackupEnd | null;
  /** The user has been told once this run that automatic backups wait for a passphrase. */
  toldNoPassphrase: boolean;
  restoring: boolean;
  interruptedRestore: InterruptedRestore | null;
}

const initial: BackupState = { running: null, last: null, toldNoPassphrase: false, restoring: false, interruptedRestore: null };

export const useBackupStore = create<BackupState>()(() => ({ ...initial }));

export function resetBackupStore(): void {
  useBackupStore.setState({ ...initial });
}
