import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * The one modal of the web app, on the native <dialog> (focus trap, inert page, Escape): opened
 * with showModal() once mounted, starting on the first form field; Escape and the close button call
 * onClose; focus returns to what opened it.
 * @example <Modal open={editing} title="Edit plan" onClose={() => setEditing(false)}>…</Modal>
 */
export function Modal({ open = true, title, onClose, children, wide = false }: { open?: boolean; title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  if (!open) return null;
  return (
    <OpenModal title={title} onClose={onClose} wide={wide}>
      {children}
    </OpenModal>
  );
}

function OpenModal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide: boolean }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const el = ref.current;
    if (el && !el.open) {
      el.showModal();
      // Start on the first field of a form (the native default would be the close button).
      el.querySelector<HTMLElement>('form input:not([type=hidden]), form select, form textarea')?.focus();
    }
    return () => {
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' wide' : ''}`}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}
