import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, isFieldError } from './shared.tsx';
import type { PayoutDetails } from './types.ts';

const FIELDS = ['paypalEmail', 'iban', 'bic', 'accountHolder', 'method'];

/** PayPal email, or IBAN (+ optional BIC) and account holder → PUT /api/v1/portal/payout-details. */
export function PayoutForm({ current, onSaved, onCancel }: { current: PayoutDetails | null; onSaved: () => void; onCancel?: (() => void) | undefined }) {
  const [method, setMethod] = useState<'paypal' | 'bank'>(current?.method ?? 'paypal');
  const [paypalEmail, setPaypalEmail] = useState(current?.paypalEmail ?? '');
  const [iban, setIban] = useState('');
  const [bic, setBic] = useState(current?.bic ?? '');
  const [accountHolder, setAccountHolder] = useState(current?.accountHolder ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // After a refused save, put the cursor on the field the server named (its message is read out).
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // The minimum payout is kept as it is (the API resets it when left out).
    const keep = current && Object.keys(current.minimumPayout).length ? { minimumPayout: current.minimumPayout } : {};
    const body =
      method === 'paypal'
        ? { method, paypalEmail: paypalEmail.trim(), ...keep }
        : { method, iban: iban.trim(), accountHolder: accountHolder.trim(), ...(bic.trim() ? { bic: bic.trim() } : {}), ...keep };
    try {
      await api('/api/v1/portal/payout-details', { method: 'PUT', body });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const err = (f: string) => fieldError(error, f);
  const maskedIban = current?.method === 'bank' ? current.iban : null;
  return (
    <form onSubmit={submit} noValidate className="portal-form" ref={form}>
      {error && !isFieldError(error, FIELDS) ? <ErrorBanner error={error} /> : null}
      {error && isFieldError(error, FIELDS) ? (
        <div className="banner error" role="alert">
          Please correct the field marked below.
        </div>
      ) : null}
      <fieldset className="portal-choice">
        <legend>How do you want to be paid?</legend>
        <label>
          <input type="radio" name="method" value="paypal" checked={method === 'paypal'} onChange={() => setMethod('paypal')} /> PayPal
        </label>
        <label>
          <input type="radio" name="method" value="bank" checked={method === 'bank'} onChange={() => setMethod('bank')} /> Bank account
        </label>
      </fieldset>
      {method === 'paypal' ? (
        <Field label="PayPal email" hint="The email address of your PayPal account." error={err('paypalEmail')}>
          {(id, d) => (
            <input id={id} type="email" inputMode="email" autoComplete="email" required aria-describedby={d} aria-invalid={err('paypalEmail') ? true : undefined} value={paypalEmail} onChange={(e) => setPaypalEmail(e.target.value)} />
          )}
        </Field>
      ) : (
        <>
          <Field label="Account holder name" hint="As your bank knows you." error={err('accountHolder')}>
            {(id, d) => (
              <input id={id} autoComplete="name" required maxLength={140} aria-describedby={d} aria-invalid={err('accountHolder') ? true : undefined} value={accountHolder} onChange={(e) => setAccountHolder(e.target.value)} />
            )}
          </Field>
          <Field
            label="IBAN"
            hint={maskedIban ? `Now ${maskedIban}. Type your full IBAN to keep or change it (spaces are fine).` : 'For example DE89 3704 0044 0532 0130 00 (spaces are fine).'}
            error={err('iban')}
          >
            {(id, d) => (
              <input id={id} required autoCapitalize="characters" autoComplete="off" spellCheck={false} aria-describedby={d} aria-invalid={err('iban') ? true : undefined} value={iban} onChange={(e) => setIban(e.target.value)} />
            )}
          </Field>
          <Field label="BIC (optional)" hint="Also called SWIFT code: 8 or 11 characters." error={err('bic')}>
            {(id, d) => (
              <input id={id} autoCapitalize="characters" autoComplete="off" spellCheck={false} aria-describedby={d} aria-invalid={err('bic') ? true : undefined} value={bic} onChange={(e) => setBic(e.target.value)} />
            )}
          </Field>
        </>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save payout details'}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
