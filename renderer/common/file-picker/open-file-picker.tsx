/**
 * Opens the in-app file picker over the app and answers what was chosen (null: cancelled). It has
 * a React root of its own, so any screen can ask for it without rendering it; the rest of the page
 * is inert while it is open, and focus goes back where it was. Each kind starts in the folder it
 * was last left in.
 */
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { BrowseKind, FolderListing } from '../../../shared/api';
import { i18n } from '../i18n';
import { FilePicker } from './FilePicker';

const lastFolders = new Map<BrowseKind, string>();
/** The pickers open now (one, in practice), each by its way to cancel. */
const open = new Set<() => void>();

export function openFilePicker(browse: (arg: { path: string | null; kind: BrowseKind }) => Promise<FolderListing>, kind: BrowseKind): Promise<string | null> {
  return new Promise((resolve) => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const host = document.createElement('div');
    host.className = 'file-picker-host';
    const madeInert = [...document.body.children].filter((el) => !el.hasAttribute('inert'));
    for (const el of madeInert) el.setAttribute('inert', '');
    document.body.append(host);
    const root = createRoot(host);
    let finished = false;
    const done = (path: string | null, lastFolder: string | null) => {
      if (finished) return;
      finished = true;
      open.delete(cancel);
      if (lastFolder) lastFolders.set(kind, lastFolder);
      for (const el of madeInert) el.removeAttribute('inert');
      // Unmounted after this event is handled, not inside it.
      queueMicrotask(() => {
        root.unmount();
        host.remove();
        previous?.focus();
        resolve(path);
      });
    };
    const cancel = () => done(null, null);
    open.add(cancel);
    root.render(
      <I18nextProvider i18n={i18n}>
        <FilePicker kind={kind} browse={(path) => browse({ path, kind })} startPath={lastFolders.get(kind) ?? null} onDone={done} />
      </I18nextProvider>,
    );
  });
}

/** Cancels any picker still open and forgets where each kind was left (tests). */
export function resetFilePicker(): void {
  for (const cancel of [...open]) cancel();
  lastFolders.clear();
}
