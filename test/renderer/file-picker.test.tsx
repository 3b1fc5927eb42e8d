/**
 * The in-app file picker of browser mode: a keyboard-usable dialog over one folder at a time, and
 * choosePath, which every choose button goes through (the native dialog in Electron, the picker in
 * browser mode).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FolderListing } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { createCouncilApi } from '../../renderer/common/council-api';
import { choosePath, FilePicker, resetFilePicker } from '../../renderer/common/file-picker';
import { applyLanguage } from '../../renderer/common/i18n';
import { APP_INFO, fakeBridge } from './support/fake-bridge';
import { demoCouncil } from './support/demo-council';
import { openBundlesScreen } from './support/bundles-screen';

const folder = (path: string, parent: string | null, folders: string[], files: string[]): FolderListing => ({
  path,
  parent,
  folders: folders.map((name) => ({ name, path: `${path === '/' ? '' : path}/${name}` })),
  files: files.map((name) => ({ name, path: `${path === '/' ? '' : path}/${name}` })),
  truncated: false,
});

const DISK: Record<string, FolderListing> = {
  '/home/sec': folder('/home/sec', '/home', ['inbox', 'keys'], ['batch7.cdbundle', 'batch8.cdbundle']),
  '/home/sec/inbox': folder('/home/sec/inbox', '/home/sec', [], ['batch9.cdbundle']),
  '/home/sec/keys': folder('/home/sec/keys', '/home/sec', [], []),
  '/home': folder('/home', '/', ['sec'], []),
};

function fakeDisk() {
  return vi.fn(async (path: string | null) => {
    const listing = DISK[path ?? '/home/sec'];
    if (!listing) throw Object.assign(new Error(`There is no folder ${path}.`), { code: 'FOLDER_NOT_FOUND' });
    return listing;
  });
}

function renderPicker(kind: 'bundle' | 'trust' | 'folder' = 'bundle', startPath: string | null = null) {
  const browse = fakeDisk();
  const onDone = vi.fn();
  const user = userEvent.setup();
  render(<FilePicker kind={kind} browse={browse} startPath={startPath} onDone={onDone} />);
  return { browse, onDone, user, dialog: screen.getByRole('dialog') };
}

const options = () => screen.getAllByRole('option');
const selected = () => screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')?.textContent;

afterEach(() => resetFilePicker());

describe('the in-app file picker', () => {
  it('is a modal dialog named for what it chooses, listing folders first, then the files of that kind', async () => {
    const { dialog, browse } = renderPicker();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading', { name: '사건 묶음 파일 고르기' })).toBeTruthy();
    await waitFor(() => expect(options()).toHaveLength(4));
    expect(browse).toHaveBeenCalledWith(null);
    expect(options().map((o) => [o.textContent, o.getAttribute('data-type')])).toEqual([
      ['폴더 inbox', 'folder'],
      ['폴더 keys', 'folder'],
      ['batch7.cdbundle', 'file'],
      ['batch8.cdbundle', 'file'],
    ]);
    expect(screen.getByRole('listbox', { name: '/home/sec의 내용' })).toBe(document.activeElement);
    expect((screen.getByLabelText('위치') as HTMLInputElement).value).toBe('/home/sec');
  });

  it('is used from the keyboard: arrows move, Enter opens a folder, Backspace goes up, Enter chooses a file', async () => {
    const { user, onDone, browse } = renderPicker();
    await waitFor(() => expect(options()).toHaveLength(4));
    expect(selected()).toBe('폴더 inbox');
    expect(screen.getByRole('button', { name: '고르기' })).toHaveProperty('disabled', true);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(selected()).toBe('batch8.cdbundle');
    await user.keyboard('{Home}');
    expect(selected()).toBe('폴더 inbox');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(browse).toHaveBeenLastCalledWith('/home/sec/inbox'));
    await waitFor(() => expect(options().map((o) => o.textContent)).toEqual(['batch9.cdbundle']));
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(options()).toHaveLength(4));
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: '고르기' })).toHaveProperty('disabled', false);
    expect(onDone).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onDone).toHaveBeenCalledWith('/home/sec/batch8.cdbundle', '/home/sec');
  });

  it('chooses with the mouse too: a click selects, the button chooses; a double click opens', async () => {
    const { user, onDone } = renderPicker();
    await waitFor(() => expect(options()).toHaveLength(4));
    await user.click(screen.getByRole('option', { name: 'batch7.cdbundle' }));
    await user.click(screen.getByRole('button', { name: '고르기' }));
    expect(onDone).toHaveBeenCalledWith('/home/sec/batch7.cdbundle', '/home/sec');
    await user.dblClick(screen.getByRole('option', { name: '폴더 keys' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('이 폴더에는 보일 것이 없습니다.'));
  });

  it('cancels with Esc or the Cancel button, and keeps Tab inside the dialog', async () => {
    const { user, onDone, dialog } = renderPicker();
    await waitFor(() => expect(options()).toHaveLength(4));
    const focusable = () => within(dialog).getAllByRole('button').filter((b) => !(b as HTMLButtonElement).disabled);
    const last = focusable().at(-1)!;
    last.focus();
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('위치'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(last);
    await user.keyboard('{Escape}');
    expect(onDone).toHaveBeenLastCalledWith(null, '/home/sec');
    await user.click(screen.getByRole('button', { name: '취소' }));
    expect(onDone).toHaveBeenCalledTimes(2);
  });

  it('goes to a typed path, and says so with the code when a folder cannot be read, staying where it was', async () => {
    const { user } = renderPicker();
    await waitFor(() => expect(options()).toHaveLength(4));
    const location = screen.getByLabelText('위치');
    await user.clear(location);
    await user.type(location, '/mnt/usb{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('오류 코드 FOLDER_NOT_FOUND: There is no folder /mnt/usb.');
    expect(options()).toHaveLength(4);
    await user.clear(location);
    await user.type(location, '/home{Enter}');
    await waitFor(() => expect(options().map((o) => o.textContent)).toEqual(['폴더 sec']));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: '위 폴더' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '위 폴더' })).toHaveProperty('disabled', false));
  });

  it('chooses the folder it is in for a folder, and is in English when the UI is', async () => {
    await applyLanguage('en');
    const { user, onDone } = renderPicker('folder', '/home/sec/inbox');
    expect(screen.getByRole('heading', { name: 'Choose a folder' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('listbox', { name: 'Contents of /home/sec/inbox' })).toBeTruthy());
    await user.click(screen.getByRole('button', { name: 'Choose this folder' }));
    expect(onDone).toHaveBeenCalledWith('/home/sec/inbox', '/home/sec/inbox');
  });

  it('starts at home when the folder it was last left in is gone', async () => {
    const { browse } = renderPicker('bundle', '/gone');
    await waitFor(() => expect(options()).toHaveLength(4));
    expect(browse.mock.calls).toEqual([['/gone'], [null]]);
  });
});

describe('choosePath', () => {
  it('uses the native dialog in Electron, without listing folders', async () => {
    const bridge = fakeBridge(demoCouncil());
    bridge.chooseBundleFile.mockResolvedValue(ok('/inbox/b7.cdbundle'));
    bridge.chooseTrustFile.mockResolvedValue(ok('/keys/trust.json'));
    bridge.chooseFolder.mockResolvedValue(ok('/sync'));
    const api = createCouncilApi();
    await expect(choosePath(api, 'bundle')).resolves.toBe('/inbox/b7.cdbundle');
    await expect(choosePath(api, 'trust')).resolves.toBe('/keys/trust.json');
    await expect(choosePath(api, 'folder')).resolves.toBe('/sync');
    expect(bridge.browseFolder).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the in-app picker in browser mode over an inert page, gives focus back, and starts the next time where it was left', async () => {
    const bridge = fakeBridge(demoCouncil(), { ...APP_INFO, mode: 'browser' });
    bridge.browseFolder.mockImplementation(async ({ path }) => {
      const listing = DISK[path ?? '/home/sec'];
      return listing ? ok(listing) : fail('FOLDER_NOT_FOUND', 'no');
    });
    const user = userEvent.setup();
    render(<button type="button">열기</button>);
    const opener = screen.getByRole('button', { name: '열기' });
    opener.focus();
    const api = createCouncilApi();
    const chosen = choosePath(api, 'bundle');
    const dialog = await screen.findByRole('dialog', { name: '사건 묶음 파일 고르기' });
    expect(opener.closest('[inert]')).not.toBeNull();
    await user.dblClick(await within(dialog).findByRole('option', { name: '폴더 inbox' }));
    await user.dblClick(await within(dialog).findByRole('option', { name: 'batch9.cdbundle' }));
    await expect(chosen).resolves.toBe('/home/sec/inbox/batch9.cdbundle');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener.closest('[inert]')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(bridge.chooseBundleFile).not.toHaveBeenCalled();
    expect(bridge.browseFolder.mock.calls.map(([arg]) => arg)).toEqual([
      { path: null, kind: 'bundle' },
      { path: '/home/sec/inbox', kind: 'bundle' },
    ]);

    const again = choosePath(api, 'bundle');
    await screen.findByRole('listbox', { name: '/home/sec/inbox의 내용' });
    expect(bridge.browseFolder.mock.calls.at(-1)?.[0]).toEqual({ path: '/home/sec/inbox', kind: 'bundle' });
    await act(() => user.keyboard('{Escape}'));
    await expect(again).resolves.toBeNull();
  });
});

describe('the Bundles screen in browser mode', () => {
  it('opens a bundle file with the in-app picker', async () => {
    const { view, bridge, user } = await openBundlesScreen();
    bridge.getAppInfo.mockResolvedValue(ok({ ...APP_INFO, mode: 'browser' }));
    bridge.browseFolder.mockImplementation(async ({ path }) => ok(DISK[path ?? '/home/sec']!));
    await user.click(view.getByRole('button', { name: '사건 묶음 파일 열기…' }));
    const dialog = await screen.findByRole('dialog', { name: '사건 묶음 파일 고르기' });
    await user.click(await within(dialog).findByRole('option', { name: 'batch8.cdbundle' }));
    await user.click(within(dialog).getByRole('button', { name: '고르기' }));
    await waitFor(() => expect(bridge.importBegin).toHaveBeenCalledWith({ path: '/home/sec/batch8.cdbundle' }));
    expect(bridge.chooseBundleFile).not.toHaveBeenCalled();
  });

  it('does not offer dropping a file beside the open button, as the desktop app does', async () => {
    await openBundlesScreen({}, {}, { ...APP_INFO, mode: 'browser' });
    await screen.findByRole('button', { name: '사건 묶음 파일 열기…' });
    const area = await screen.findByTestId('bundle-drop-area');
    fireEvent.dragEnter(area, { dataTransfer: { types: ['Files'], files: [] } });
    await waitFor(() => expect(area.textContent).toContain('브라우저 모드에서는')); // the app's mode has arrived
    expect(screen.queryByText('사건 묶음 파일(.cdbundle)을 이 화면에 끌어다 놓아도 됩니다.')).toBeNull();
    cleanup();
    await openBundlesScreen();
    expect(await screen.findByText('사건 묶음 파일(.cdbundle)을 이 화면에 끌어다 놓아도 됩니다.')).toBeTruthy();
  });

  it('says, while a file is dragged over, that dropping gives no location there and to use the button', async () => {
    const { bridge } = await openBundlesScreen({}, {}, { ...APP_INFO, mode: 'browser' });
    const area = await screen.findByTestId('bundle-drop-area');
    fireEvent.dragEnter(area, { dataTransfer: { types: ['Files'], files: [] } });
    await waitFor(() => expect(area.textContent).toContain('브라우저 모드에서는 끌어다 놓은 파일의 위치를 알 수 없습니다.'));
    const file = new File(['x'], 'batch8.cdbundle');
    fireEvent.drop(area, { dataTransfer: { types: ['Files'], files: [file] } });
    await waitFor(() =>
      expect(within(area).getAllByRole('alert').map((a) => a.textContent)).toContain('batch8.cdbundle: 파일의 위치를 알 수 없습니다. "사건 묶음 파일 열기…"로 골라 주세요.'),
    );
    expect(bridge.importBegin).not.toHaveBeenCalled();
  });
});
