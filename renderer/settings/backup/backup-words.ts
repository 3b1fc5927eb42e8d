/** How far a backup or a restore is, and what stopped one, in the UI's words. */
import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../common/council-api';
import { formatBytes } from '../../common/format/bytes';
import { formatCount } from '../../common/format/numbers';
import type { Language } from '../../../shared/i18n';
import type { BackupProgress } from './backup-runner';
import type { RestoreProgress } from './restore-runner';
import { koBackup } from './strings-ko';

const share = (done: number, total: number) => (total > 0 ? Math.min(1, done / total) : 0);

/** Reading the rows is the first tenth, hashing rows.json the second, sending every byte the rest. */
export function backupPercent({ phase, done, total }: BackupProgress): number {
  const base = phase === 'reading' ? 0 : phase === 'preparing' ? 10 : 20;
  const span = phase === 'writing' ? 80 : 10;
  return Math.floor(base + span * share(done, total));
}

export function backupProgressText(t: TFunction, { phase, done, total }: BackupProgress, language: Language): string {
  const n = phase === 'reading' ? (v: number) => formatCount(v, language) : (v: number) => formatBytes(v, language);
  return t(`backup.phase.${phase}`, { done: n(done), total: n(total) });
}

/** Reading the backup's rows, then the rows written, then the evidence: opening and checking show no share. */
export function restorePercent({ phase, done, total }: RestoreProgress): number | null {
  if (phase === 'opening' || phase === 'checking') return null;
  const base = phase === 'reading' ? 0 : phase === 'rows' ? 20 : 60;
  const span = phase === 'rows' ? 40 : phase === 'reading' ? 20 : 40;
  return Math.floor(base + span * share(done, total));
}

export function restoreProgressText(t: TFunction, { phase, done, total }: RestoreProgress, language: Language): string {
  const n = phase === 'reading' ? (v: number) => formatBytes(v, language) : (v: number) => formatCount(v, language);
  return t(`restore.phase.${phase}`, { done: n(done), total: n(total) });
}

type BackupErrorCode = keyof typeof koBackup.backup.errors;
type RestoreErrorCode = keyof typeof koBackup.restore.errors;

/** The title of a backup's failure: its own words for a code it knows, else the general one. */
export function backupErrorTitle(t: TFunction, error: ErrorInfo): string {
  return Object.hasOwn(koBackup.backup.errors, error.code) ? t(`backup.errors.${error.code as BackupErrorCode}`) : t('backup.failed');
}

export function restoreErrorTitle(t: TFunction, error: ErrorInfo): string {
  return Object.hasOwn(koBackup.restore.errors, error.code) ? t(`restore.errors.${error.code as RestoreErrorCode}`) : t('restore.failed');
}
