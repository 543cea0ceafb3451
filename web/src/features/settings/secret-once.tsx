import { CopyButton, Notice } from '../../components/ui.tsx';

/** A secret the server answers only once: shown with a copy button and a warning. */
export function SecretOnce({ label, value, onDismiss }: { label: string; value: string; onDismiss?: () => void }) {
  return (
    <div className="secret-once">
      <Notice tone="warning">
        <span>
          <strong>Copy this {label} now.</strong> It is shown only once: Advocate keeps only a hint of it and cannot show it again.
        </span>
      </Notice>
      <div className="secret-box">
        <span className="sr-only">{label}:</span>
        <code data-testid="secret-value">{value}</code>
        <CopyButton text={value} label={`Copy ${label}`} />
        {onDismiss ? (
          <button type="button" className="secondary small" onClick={onDismiss}>
            I have copied it
          </button>
        ) : null}
      </div>
    </div>
  );
}
