import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../../components/ui.tsx';
import { friendly } from './field-errors.ts';

type Props = {
  /** Whose list this is, for labels ("Spring launch"). */
  owner: string;
  domains: string[];
  /** Saves the whole new list; throws the API error to show. */
  onSave: (next: string[]) => Promise<unknown>;
};

/** Add/remove editor for a list of domains; each change is saved at once and the server normalises it. */
export function DomainListEditor({ owner, domains, onSave }: Props) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = async (next: string[], what: string) => {
    setBusy(what);
    setError(null);
    try {
      await onSave(next);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const typed = draft
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (typed.length === 0) return;
    if (await save([...domains, ...typed], 'add')) setDraft('');
  };
  return (
    <div>
      <ul className="chip-list" aria-label={`Allowed domains of ${owner}`}>
        {domains.map((d) => (
          <li key={d}>
            <span>{d}</span>
            <button
              type="button"
              className="link-button"
              disabled={busy !== null || domains.length <= 1}
              title={domains.length <= 1 ? 'A campaign needs at least one allowed domain' : undefined}
              aria-label={`Remove ${d} from ${owner}`}
              onClick={() => save(domains.filter((x) => x !== d), d)}
            >
              {busy === d ? '…' : '✕'}
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-add" onSubmit={add} aria-label={`Add an allowed domain to ${owner}`}>
        <Field label={`New domain for ${owner}`} hint="e.g. shop.example.com — subdomains of an allowed domain are allowed too.">
          {(id, d) => <input id={id} aria-describedby={d} value={draft} placeholder="shop.example.com" onChange={(e) => setDraft(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={busy !== null || !draft.trim()}>
          {busy === 'add' ? 'Adding…' : 'Add domain'}
        </button>
      </form>
      <ErrorBanner error={friendly(error)} />
    </div>
  );
}
