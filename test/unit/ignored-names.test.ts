/** The sync engines' files FORMATS.md lists ("Sync folder") are ignored; the app's own files are not. */
import { describe, expect, it } from 'vitest';
import { isIgnoredSyncName } from '../../shared/sync-folder/ignored-names';

describe('isIgnoredSyncName', () => {
  it("ignores every kind of file FORMATS.md lists as a sync engine's", () => {
    for (const name of [
      '.stversions', // Syncthing's old versions (a folder)
      'decisions-2023-03-02-0001.sync-conflict-20230302-140000-ABCDEFG.dsse.json',
      'batch7.sync-conflict-20230302-140000-ABCDEFG.cdbundle',
      '~syncthing~decisions-2023-03-02-0001.dsse.json.tmp',
      '.syncthing.decisions-2023-03-02-0001.dsse.json.tmp',
      "decisions-2023-03-02-0001 (Kim's conflicted copy 2023-03-02).dsse.json",
      'batch7 (정한결의 Conflicted Copy).cdbundle',
      '.DS_Store',
      'desktop.ini',
      'Desktop.ini',
      'Thumbs.db',
      'thumbs.DB',
      '.hidden.cdbundle',
      '~$minutes.docx',
      '~decisions-2023-03-02-0001.dsse.json',
      '',
    ]) {
      expect(isIgnoredSyncName(name), JSON.stringify(name)).toBe(true);
    }
  });

  it("reads the app's own files and the secretariat's bundles", () => {
    for (const name of [
      'decisions-2023-03-02-0001.dsse.json',
      'decisions-my.meeting_2-0012.dsse.json',
      'batch7.cdbundle',
      '1015-2023-B07.cdbundle',
      'minutes-2023-03-02.dsse.json',
      'sync-conflict.cdbundle', // the words alone, not Syncthing's ".sync-conflict-" mark
      'copy of batch7.cdbundle',
      'thumbs.db.cdbundle',
      'a~b.cdbundle',
    ]) {
      expect(isIgnoredSyncName(name), name).toBe(false);
    }
  });
});
