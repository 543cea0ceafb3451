import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, friendly } from './field-errors.ts';
import type { ApiKey } from './types.ts';

const SCOPES = [
  { value: 'read', label: 'Read', hint: 'list and fetch data (reports, conversions, links…)' },
  { value: 'write', label: 'Write', hint: 'also create and change data (record conversions, create links…)' },
];

export function ApiKeyForm({ onCreated, onCancel }: { onCreated: (answer: { apiKey: ApiKey; secret: string }) => void; onCancel: () => void }) {
  const scopesHint = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await api<{ apiKey: ApiKey; secret: string }>('/api/v1/api-keys', { body: name.trim() ? { name: name.trim(), scopes } : { scopes } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-label="New API key" noValidate>
      <Field label="Key name" hint="Where it is used, e.g. “Shop backend” or “Data warehouse”." error={fieldError(error, 'name')}>
        {(id, d) => <input id={id} aria-describedby={d} autoFocus maxLength={100} placeholder="API key" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <fieldset aria-describedby={scopesHint}>
        <legend>Scopes</legend>
        <p className="hint" id={scopesHint}>
          Give the least the integration needs.
        </p>
        {SCOPES.map((s) => (
          <div key={s.value}>
            <label className="check-label">
              <input
                type="checkbox"
                checked={scopes.includes(s.value)}
                onChange={(e) => setScopes((prev) => (e.target.checked ? [...prev, s.value] : prev.filter((x) => x !== s.value)))}
              />
              {s.label} <span className="muted small">— {s.hint}</span>
            </label>
          </div>
        ))}
        {fieldError(error, 'scopes') ? <p className="field-error">{fieldError(error, 'scopes')}</p> : null}
      </fieldset>
      <ErrorBanner error={friendly(error)} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
