/**
 * The app's modal dialog (the roster's forms, the room's key help, the bulk vote), drawn over the app: the rest
 * of the page is inert while it is open, Tab and Shift+Tab stay inside (common/focus-trap.ts), Esc
 * closes it, its first field takes the focus, and the focus goes back to the button that opened it.
 * A dialog with keys of its own (the bulk vote's A, R, S) takes them in `onKeyDown` first: a key it
 * handles (preventDefault) goes no further.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { keepTabInside, tabbables } from './focus-trap';
import './modal-dialog.css';

interface Props {
  title: string;
  intro: string;
  onClose: () => void;
  children: ReactNode;
  /** A class beside modal-dialog's (a wider box). */
  className?: string;
  /** Set as data-dialog, for tests and styles to find the dialog by. */
  name?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
}

export function ModalDialog({ title, intro, onClose, children, className, name, onKeyDown }: Props) {
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const host = dialogRef.current?.closest('.modal-dialog__backdrop');
    const madeInert = [...document.body.children].filter((el) => el !== host && !el.hasAttribute('inert'));
    for (const el of madeInert) el.setAttribute('inert', '');
    const dialog = dialogRef.current;
    if (dialog) (tabbables(dialog)[0] ?? dialog).focus();
    return () => {
      for (const el of madeInert) el.removeAttribute('inert');
      // The opener may be gone (a row that changed); then focus is left to whoever closed us.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return createPortal(
    <div className="modal-dialog__backdrop">
      <div
        ref={dialogRef}
        className={className ? `modal-dialog ${className}` : 'modal-dialog'}
        data-dialog={name}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-intro`}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (onKeyDown) {
            onKeyDown(e);
            if (e.defaultPrevented) return;
          }
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
            return;
          }
          keepTabInside(dialogRef.current, e);
        }}
      >
        <h2 id={`${id}-title`} className="modal-dialog__title">
          {title}
        </h2>
        <p id={`${id}-intro`} className="modal-dialog__intro">
          {intro}
        </p>
        {children}
      </div>
    </div>,
    document.body,
  );
}
