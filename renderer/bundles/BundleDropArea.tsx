/**
 * The Bundles screen as a drop target: a bundle file dropped anywhere on it is imported. Dropping
 * is a shortcut only; the "Open bundle file…" button does the same from the keyboard. In browser
 * mode a browser gives no dropped file's path, so the hint says to use the button instead.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppMode } from '../common/use-app-mode';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function BundleDropArea({ onDropFiles, children }: { onDropFiles: (files: FileList) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const browserMode = useAppMode() === 'browser';
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child: count them so the hint does not flicker.
  const depth = useRef(0);

  function enter(e: DragEvent<HTMLDivElement>) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current += 1;
    setOver(true);
  }
  function leave() {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }
  function overIt(e: DragEvent<HTMLDivElement>) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }
  function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    if (e.dataTransfer.files.length > 0) onDropFiles(e.dataTransfer.files);
  }

  return (
    <div className={over ? 'drop-area drop-area--over' : 'drop-area'} data-testid="bundle-drop-area" onDragEnter={enter} onDragLeave={leave} onDragOver={overIt} onDrop={drop}>
      {over && (
        <p className="drop-area__hint" aria-hidden="true" data-browser-mode={browserMode || undefined}>
          {browserMode ? t('open.dropNotHere') : t('open.dropHere')}
        </p>
      )}
      {children}
    </div>
  );
}
