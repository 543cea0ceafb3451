import { useEffect, useState, type FormEvent } from 'react';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { api, ApiError } from '../../lib/api.ts';
import type { PortalSession } from './types.ts';

/** The creator's login: email and password; a workspace only when asked for (or chosen). */
export function LoginPage({ onLogin, expired }: { onLogin: (s: PortalSession) => void; expired: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [showWorkspace, setShowWorkspace] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Log in · Creator portal';
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await api<PortalSession>('/api/v1/portal/login', { body: { email, password, ...(workspace.trim() ? { workspace: workspace.trim() } : {}) } });
      onLogin(s);
    } catch (err) {
      if (err instanceof ApiError && /workspace/i.test(err.message)) setShowWorkspace(true);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="card login-card" aria-labelledby="login-title">
        <div className="brand-mark">
          <span className="logo" aria-hidden="true" /> Creator portal
        </div>
        <h1 id="login-title">Log in to the creator portal</h1>
        {expired ? <Notice tone="warning">Your session ended. Log in again to continue.</Notice> : null}
        <ErrorBanner error={error} />
        <Field label="Email">
          {(id) => <input id={id} type="email" autoComplete="username" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Password">
          {(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {showWorkspace ? (
          <Field label="Brand workspace" hint="Only if you work with several brands here: the workspace name from the brand's invitation (its slug), e.g. “lumen”.">
            {(id, d) => <input id={id} aria-describedby={d} autoCapitalize="none" value={workspace} onChange={(e) => setWorkspace(e.target.value)} />}
          </Field>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        {!showWorkspace ? (
          <p className="muted small">
            Work with several brands?{' '}
            <button type="button" className="link-button" onClick={() => setShowWorkspace(true)}>
              Choose the brand
            </button>
          </p>
        ) : null}
        <p className="muted small">First time here? Open the invitation link the brand emailed you to set your password. Forgot it? Ask the brand to invite you again.</p>
      </form>
    </main>
  );
}
