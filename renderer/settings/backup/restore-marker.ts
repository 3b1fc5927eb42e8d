/**
 * A restore's crash safety. A restore first writes a marker (the settings row 'restoring') in the
 * very transaction that clears the profile, then writes the backup's rows and evidence, checks them,
 * has main begin the audit log's witness again (restoreFinish), and removes the marker in the
 * transaction that records the restore. A marker found at start-up means the app was closed or
 * killed in between. When main's witness was begun again for the very restore the marker names, the
 * rows were all written and checked: the restore is finished then (restore-complete.ts). Otherwise
 * what was written is not the backup whole, so every table is cleared again (the profile was empty
 * before, or backed up first: the marker names that backup) and the user is told. The language and
 * "first run done" are kept, so the user lands in the app and reads why it is empty.
 */
import { isLanguage, type Language } from '../../../shared/i18n';
import type { CouncilDb } from '../../db/schema';
import { readSettings } from '../../db/settings';
import type { BackupHeld } from './backup-audit';
import type { InterruptedRestore } from './backup-store';

export const RESTORE_MARKER_KEY = 'restoring';

/** What a restore tells its marker: which restore, and what the backup holds (to finish it at start-up). */
export interface RestoreBegun extends Omit<InterruptedRestore, 'completed'> {
  /** main's id of the restore (restoreOpen): the witness's restart names it once begun again. */
  restoreId: string;
  backup: BackupHeld;
}

/** What the marker holds: the restore, and the language to keep should it have to be undone. */
export interface RestoreMarker extends Omit<InterruptedRestore, 'completed'> {
  language: Language;
  /** Absent in a marker an earlier version wrote (such a restore is only ever undone). */
  restoreId?: string;
  backup?: BackupHeld;
}

function isMarker(value: unknown): value is RestoreMarker {
  const v = value as Partial<RestoreMarker> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.startedAt === 'string' &&
    (v.priorBackup === null || typeof v.priorBackup === 'string') &&
    isLanguage(v.language)
  );
}

/** Clears every table, keeping of the settings only `keep` (inside the caller's read-write transaction over every table). */
async function clearTables(db: CouncilDb, keep: readonly { key: string; value: unknown }[]): Promise<void> {
  for (const table of db.tables) await table.clear();
  if (keep.length > 0) await db.settings.bulkPut([...keep]);
}

/**
 * Writes the marker and clears the profile (the marker alone stays), in one transaction: either
 * both happen or neither. The marker keeps the language the user reads in.
 */
export async function beginRestoreWrite(db: CouncilDb, restore: RestoreBegun): Promise<RestoreMarker> {
  return db.transaction('rw', db.tables, async () => {
    const marker: RestoreMarker = { ...restore, language: (await readSettings(db)).language };
    await clearTables(db, [{ key: RESTORE_MARKER_KEY, value: marker }]);
    return marker;
  });
}

/** The marker, if a restore is under way (or was left unfinished); one this version cannot read still counts. */
export async function readRestoreMarker(db: CouncilDb): Promise<RestoreMarker | null> {
  const row = await db.settings.get(RESTORE_MARKER_KEY);
  if (!row) return null;
  return isMarker(row.value) ? row.value : { name: '', startedAt: '', priorBackup: null, language: (await readSettings(db)).language };
}

/**
 * Start-up: a restore left unfinished is undone (every table cleared; the language and "first run
 * done" kept) and answered, so the user can be told; null when none was.
 */
export async function undoInterruptedRestore(db: CouncilDb): Promise<RestoreMarker | null> {
  return db.transaction('rw', db.tables, async () => {
    const marker = await readRestoreMarker(db);
    if (!marker) return null;
    await clearTables(db, [
      { key: 'language', value: marker.language },
      { key: 'firstRunDone', value: true },
    ]);
    return marker;
  });
}
