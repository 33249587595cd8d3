import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
  /** Hide the title's heading (the dialog keeps it as its name); for dialogs with their own. */
  hideHeading?: boolean;
  /** Where focus goes on opening; else the dialog's first focusable element. */
  initialFocus?: React.RefObject<HTMLElement | null>;
}

/**
 * The one dialog of the app: a modal <dialog> named by its title. showModal() makes the rest
 * of the window inert, so focus stays inside and keys meant for the views behind do not reach
 * them; Escape and the close button both close it, and focus goes back to where it was.
 */
export function Dialog({ title, className, onClose, children, hideHeading, initialFocus }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to what opened it, when that is still on the page.
      if (before?.isConnected) before.focus();
    };
    // Opened once per mount; the initial focus is read then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="modal-header">
        {hideHeading ? <span /> : <h2>{title}</h2>}
        <button type="button" onClick={onClose} aria-label={`Close ${title.toLowerCase()}`}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}

/** True while a modal dialog is open: global keys then leave the page behind it alone. */
export function isDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
