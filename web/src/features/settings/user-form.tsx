import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, friendly } from './field-errors.ts';
import type { Member } from './types.ts';
import { ROLES } from './roles.ts';

export function UserForm(props: { canAddOwner: boolean; onCreated: (m: Member) => void; onCancel: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<{ user: Member }>('/api/v1/users', { body: { email: email.trim(), password, role, ...(name.trim() ? { name: name.trim() } : {}) } });
      props.onCreated({ ...user, role: user.role ?? role });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const roles = ROLES.filter((r) => r.value !== 'owner' || props.canAddOwner);
  return (
    <form onSubmit={submit} aria-label="Add user" noValidate>
      <div className="form-row">
        <Field label="Email" error={fieldError(error, 'email')}>
          {(id, d) => <input id={id} aria-describedby={d} type="email" autoComplete="off" autoFocus required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Name" hint="Optional" error={fieldError(error, 'name')}>
          {(id, d) => <input id={id} aria-describedby={d} autoComplete="off" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Password" hint="At least 10 characters. If the email already has an Advocate login (another workspace), their existing password stays." error={fieldError(error, 'password')}>
          {(id, d) => <input id={id} aria-describedby={d} type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field label="Role" hint={ROLES.find((r) => r.value === role)?.hint} error={fieldError(error, 'role')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBanner error={friendly(error)} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
