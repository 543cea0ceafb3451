import { useState, type ReactNode } from 'react';
import { ErrorBanner } from '../../components/ui.tsx';
import { friendly } from './field-errors.ts';
import { Modal } from '../../components/modal.tsx';

type Props = {
  /** Text of the button that opens the confirmation (e.g. "Revoke"). */
  label: string;
  /** Accessible name of that button when several share the label (e.g. "Revoke Demo key"). */
  ariaLabel?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  small?: boolean;
  /** Looks of the opening button: red for destructive actions, outlined for disruptive ones (rotate). */
  tone?: 'danger' | 'secondary';
};

/** A destructive action behind a confirmation dialog, with busy state and the server's error in words. */
export function ConfirmButton({ label, ariaLabel, title, children, confirmLabel, onConfirm, small = true, tone = 'danger' }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setOpen(false);
    setError(null);
  };
  return (
    <>
      <button type="button" className={`${tone}${small ? ' small' : ''}`} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <Modal title={title} onClose={close}>
          {children}
          <ErrorBanner error={friendly(error)} />
          <div className="form-actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await onConfirm();
                  setOpen(false);
                } catch (err) {
                  setError(err);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {busy ? 'Working…' : confirmLabel}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
