import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { fieldError } from './shared.tsx';
import type { PortalSession } from './types.ts';

const MIN_PASSWORD = 10;

/** /portal/accept?token=… — the one-time link from the invitation email: choose a password. */
export function AcceptPage({ onAccepted }: { onAccepted: (s: PortalSession) => void }) {
  const token = new URLSearchParams(useSearch()).get('token')?.trim() ?? '';
  const [, navigate] = useLocation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Set your password · Creator portal';
  }, []);

  const tooShort = password.length > 0 && password.length < MIN_PASSWORD;
  const mismatch = confirm.length > 0 && confirm !== password;
  const passwordError = (touched && tooShort ? `Use at least ${MIN_PASSWORD} characters (${password.length} so far).` : null) ?? fieldError(error, 'password');
  const confirmError = touched && mismatch ? 'The two passwords are not the same.' : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (password.length < MIN_PASSWORD || confirm !== password) return;
    setBusy(true);
    setError(null);
    try {
      const s = await api<PortalSession>('/api/v1/portal/accept', { body: { token, password } });
      onAccepted(s);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const code = error instanceof ApiError ? error.code : null;
  const linkDead = code === 'NOT_FOUND' || code === 'CONFLICT' || code === 'PRECONDITION_FAILED';

  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="card login-card" aria-labelledby="accept-title" noValidate>
        <div className="brand-mark">
          <span className="logo" aria-hidden="true" /> Creator portal
        </div>
        <h1 id="accept-title">Welcome! Set your password</h1>
        <p className="muted">
          Choose a password for the creator portal. With it you see your links, clicks, sales and earnings, and choose how you are paid.
        </p>
        {!token ? (
          <Notice tone="warning">
            This page needs the link from your invitation email (it ends in <code>?token=…</code>). Open the link from the email again, or{' '}
            <Link href="/">log in</Link> if you already set a password.
          </Notice>
        ) : null}
        {error && !fieldError(error, 'password') ? <ErrorBanner error={error} /> : null}
        {linkDead ? (
          <p>
            {code === 'CONFLICT' ? (
              <Link href="/" className="button">
                Go to log in
              </Link>
            ) : (
              'This link cannot be used any more. Ask the brand to send you a new invitation; it arrives by email with a fresh link.'
            )}
          </p>
        ) : null}
        {linkDead ? null : (
          <>
            <Field label="New password" hint={`At least ${MIN_PASSWORD} characters.`} error={passwordError}>
              {(id, d) => (
                <input
                  id={id}
                  type="password"
                  autoComplete="new-password"
                  required
                  minLength={MIN_PASSWORD}
                  aria-describedby={d}
                  aria-invalid={passwordError ? true : undefined}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  onBlur={() => password && setTouched(true)}
                />
              )}
            </Field>
            <Field label="Confirm password" error={confirmError}>
              {(id, d) => (
                <input
                  id={id}
                  type="password"
                  autoComplete="new-password"
                  required
                  aria-describedby={d}
                  aria-invalid={confirmError ? true : undefined}
                  value={confirm}
                  onChange={(e) => setConfirm(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" disabled={busy || !token}>
              {busy ? 'Setting password…' : 'Set password'}
            </button>
          </>
        )}
        <p className="muted small">
          Already have a password? <Link href="/">Log in</Link>
        </p>
      </form>
    </main>
  );
}
