/**
 * browseFolder, the in-app file picker's call: refused outside browser mode (a renderer that
 * renders untrusted evidence must not list the disk in Electron), and in browser mode a folder's
 * subfolders and the files of the kind asked for.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiHandlers, type HandlerContext } from '../../electron/services/api-handlers';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { appPathsFrom } from '../../electron/services/app-paths';
import { NO_DIALOGS } from '../../electron/services/dialog-port';
import { MAX_LISTED } from '../../electron/services/browser-mode/folder-listing';

const dir = mkdtempSync(path.join(tmpdir(), 'cd-browse-'));
for (const folder of ['inbox', 'Keys', 'batch 10', 'batch 9', '.hidden']) mkdirSync(path.join(dir, folder));
for (const file of ['b07.cdbundle', 'B08.CDBUNDLE', 'trust.json', 'notes.txt', '.secret.cdbundle']) writeFileSync(path.join(dir, file), 'x');
symlinkSync(path.join(dir, 'inbox'), path.join(dir, 'inbox-link'));
symlinkSync(path.join(dir, 'gone'), path.join(dir, 'broken-link.cdbundle'));

function handlers(ctx: Partial<HandlerContext> = {}) {
  return createApiHandlers({ appVersion: '0.1.0-test', platform: 'linux', paths: appPathsFrom(dir, dir), dialogs: NO_DIALOGS, ...ctx });
}

describe('browseFolder', () => {
  it('is refused outside browser mode, with its own code, and getAppInfo says which mode it is', async () => {
    for (const api of [handlers(), handlers({ mode: 'electron' })]) {
      expect(await dispatchApiCall(api, 'browseFolder', { path: dir, kind: 'bundle' })).toMatchObject({ ok: false, error: { code: 'BROWSE_NOT_AVAILABLE' } });
      expect(await dispatchApiCall(api, 'browseFolder', { path: null, kind: 'folder' })).toMatchObject({ ok: false, error: { code: 'BROWSE_NOT_AVAILABLE' } });
      expect((await api.getAppInfo(undefined)).mode).toBe('electron');
    }
    expect((await handlers({ mode: 'browser' }).getAppInfo(undefined)).mode).toBe('browser');
  });

  it('in browser mode lists the subfolders and the bundle files, in name order, hidden ones left out, links followed', async () => {
    const reply = await dispatchApiCall(handlers({ mode: 'browser' }), 'browseFolder', { path: dir, kind: 'bundle' });
    expect(reply).toEqual({
      ok: true,
      value: {
        path: dir,
        parent: path.dirname(dir),
        folders: ['batch 9', 'batch 10', 'inbox', 'inbox-link', 'Keys'].map((name) => ({ name, path: path.join(dir, name) })),
        files: ['b07.cdbundle', 'B08.CDBUNDLE'].map((name) => ({ name, path: path.join(dir, name) })),
        truncated: false,
      },
    });
  });

  it('lists trust files for "trust", no files for "folder", and starts at the home folder for null', async () => {
    const api = handlers({ mode: 'browser', home: path.join(dir, 'Keys') });
    expect((await api.browseFolder({ path: dir, kind: 'trust' })).files.map((f) => f.name)).toEqual(['trust.json']);
    expect((await api.browseFolder({ path: dir, kind: 'folder' })).files).toEqual([]);
    expect((await api.browseFolder({ path: null, kind: 'folder' })).path).toBe(path.join(dir, 'Keys'));
    expect((await api.browseFolder({ path: '/', kind: 'folder' })).parent).toBeNull();
  });

  it('says plainly what is wrong with a folder it cannot list', async () => {
    const api = handlers({ mode: 'browser' });
    expect(await dispatchApiCall(api, 'browseFolder', { path: path.join(dir, 'nope'), kind: 'bundle' })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_FOUND' } });
    expect(await dispatchApiCall(api, 'browseFolder', { path: path.join(dir, 'trust.json'), kind: 'bundle' })).toMatchObject({ ok: false, error: { code: 'NOT_A_FOLDER' } });
    expect(await dispatchApiCall(api, 'browseFolder', { path: 'relative/folder', kind: 'bundle' })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_ABSOLUTE' } });
    expect(await dispatchApiCall(api, 'browseFolder', { path: dir, kind: 'everything' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('stops at a number a person can look through, and says so', async () => {
    const big = mkdtempSync(path.join(tmpdir(), 'cd-browse-big-'));
    for (let i = 0; i < MAX_LISTED + 5; i += 1) writeFileSync(path.join(big, `b${i}.cdbundle`), '');
    const listing = await handlers({ mode: 'browser' }).browseFolder({ path: big, kind: 'bundle' });
    expect(listing.files.length).toBe(MAX_LISTED);
    expect(listing.truncated).toBe(true);
  });
});
