/**
 * The in-app file picker of browser mode, where there is no native file dialog: a modal dialog
 * listing one folder at a time (browseFolder), its subfolders and the files of the kind asked for.
 * Keyboard first: the list takes ↑ ↓ Home End, Enter opens a folder or chooses a file, Backspace
 * goes to the folder above, Esc cancels, Tab stays inside the dialog; a path can be typed too.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrowseKind, FolderListing } from '../../../shared/api';
import { describeError } from '../council-api';
import { ErrorNotice } from '../ErrorNotice';
import { keepTabInside } from '../focus-trap';
import './file-picker.css';

export interface FilePickerProps {
  kind: BrowseKind;
  /** Lists a folder (null: where the picker starts by default, the home folder). */
  browse: (path: string | null) => Promise<FolderListing>;
  startPath: string | null;
  /** The chosen path, or null when cancelled; with the folder last shown, to start there next time. */
  onDone: (path: string | null, lastFolder: string | null) => void;
}

type Row = { name: string; path: string; type: 'folder' | 'file' };

export function FilePicker({ kind, browse, startPath, onDone }: FilePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const request = useRef(0);

  async function go(path: string | null, focusList = true): Promise<void> {
    const mine = ++request.current;
    setLoading(true);
    setError(null);
    try {
      const next = await browse(path);
      if (mine !== request.current) return;
      setListing(next);
      setTyped(next.path);
      setActive(0);
      if (focusList) listRef.current?.focus();
    } catch (err) {
      if (mine !== request.current) return;
      setError(describeError(err));
      // A start folder that is gone: start at home instead.
      if (listing === null && path !== null) return go(null, focusList);
    } finally {
      if (mine === request.current) setLoading(false);
    }
  }

  useEffect(() => {
    listRef.current?.focus();
    void go(startPath);
    // Only the first folder is listed on mount; later ones by the user's moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rows: Row[] = listing
    ? [...listing.folders.map((f) => ({ ...f, type: 'folder' as const })), ...listing.files.map((f) => ({ ...f, type: 'file' as const }))]
    : [];
  const current = rows[Math.min(active, rows.length - 1)];
  const lastFolder = listing?.path ?? null;

  function activate(row: Row | undefined): void {
    if (!row) return;
    if (row.type === 'folder') void go(row.path);
    else onDone(row.path, lastFolder);
  }

  function up(): void {
    if (listing?.parent) void go(listing.parent);
  }

  function onListKey(e: KeyboardEvent<HTMLUListElement>): void {
    const last = rows.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(active + 1, last),
      ArrowUp: () => Math.max(active - 1, 0),
      Home: () => 0,
      End: () => last,
      PageDown: () => Math.min(active + 10, last),
      PageUp: () => Math.max(active - 10, 0),
    };
    if (e.key in moves) {
      e.preventDefault();
      if (rows.length > 0) setActive(moves[e.key]!());
    } else if (e.key === 'Enter') {
      e.preventDefault();
      activate(current);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      up();
    }
  }

  function onDialogKey(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      onDone(null, lastFolder);
      return;
    }
    keepTabInside(dialogRef.current, e);
  }

  useEffect(() => {
    document.getElementById(`${id}-row-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, active, listing]);

  const titleId = `${id}-title`;
  const chooseEnabled = kind === 'folder' ? listing !== null && !loading : current?.type === 'file';

  return (
    <div className="file-picker__backdrop">
      <div ref={dialogRef} className="file-picker" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={`${id}-intro`} onKeyDown={onDialogKey}>
        <h2 id={titleId} className="file-picker__title">
          {t(`filePicker.title.${kind}`)}
        </h2>
        <p id={`${id}-intro`} className="file-picker__intro">
          {t(`filePicker.intro.${kind}`)} {t('filePicker.keys')}
        </p>
        <form
          className="file-picker__location"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed.trim() !== '') void go(typed.trim());
          }}
        >
          <label htmlFor={`${id}-path`}>{t('filePicker.location')}</label>
          <input id={`${id}-path`} className="file-picker__path mono" value={typed} spellCheck={false} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="button button--quiet">
            {t('filePicker.go')}
          </button>
          <button type="button" className="button button--quiet" disabled={!listing?.parent || loading} onClick={up}>
            {t('filePicker.up')}
          </button>
        </form>
        {error && <ErrorNotice title={t('filePicker.readFailed')} error={error} />}
        <ul
          ref={listRef}
          className="file-picker__list"
          role="listbox"
          tabIndex={0}
          aria-label={t('filePicker.listLabel', { path: listing?.path ?? '' })}
          aria-busy={loading}
          aria-activedescendant={current ? `${id}-row-${rows.indexOf(current)}` : undefined}
          onKeyDown={onListKey}
        >
          {rows.map((row, i) => (
            <li
              key={row.path}
              id={`${id}-row-${i}`}
              role="option"
              aria-selected={row === current}
              data-type={row.type}
              className={row === current ? 'file-picker__row file-picker__row--active' : 'file-picker__row'}
              onClick={() => setActive(i)}
              onDoubleClick={() => activate(row)}
            >
              {row.type === 'folder' && <span className="file-picker__badge">{t('filePicker.folderBadge')}</span>}
              {row.type === 'folder' && ' '}
              <span className="file-picker__name">{row.name}</span>
            </li>
          ))}
        </ul>
        <p role="status" className="file-picker__status">
          {loading ? t('filePicker.loading') : listing && rows.length === 0 ? t('filePicker.empty') : listing?.truncated ? t('filePicker.truncated', { count: rows.length }) : ''}
        </p>
        <div className="file-picker__actions">
          <button type="button" className="button button--quiet" onClick={() => onDone(null, lastFolder)}>
            {t('filePicker.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!chooseEnabled}
            onClick={() => (kind === 'folder' ? listing && onDone(listing.path, listing.path) : activate(current))}
          >
            {kind === 'folder' ? t('filePicker.chooseFolder') : t('filePicker.choose')}
          </button>
        </div>
      </div>
    </div>
  );
}
