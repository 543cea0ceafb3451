import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import { PLATFORM_LABELS, PLATFORMS } from './types.ts';

type Created = { influencer: { id: string; name: string } };

/** POST /api/v1/influencers: a creator by hand (name, email, handles). */
export function AddCreatorDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [handles, setHandles] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Created['influencer'] | null>(null);
  const close = () => {
    setName('');
    setEmail('');
    setHandles({});
    setError(null);
    setCreated(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const given = Object.fromEntries(Object.entries(handles).filter(([, v]) => v.trim()));
      const r = await api<Created>('/api/v1/influencers', { body: { name, ...(email.trim() ? { email: email.trim() } : {}), handles: given } });
      setCreated(r.influencer);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal wide open={open} title="Add a creator" onClose={close}>
      {created ? (
        <>
          <Notice tone="success">
            {created.name} was added. <Link href={`/discover/${created.id}`} onClick={close}>Open their profile</Link>
          </Notice>
          <p className="muted small">They appear in search once their account data (followers, posts) is imported; the handles you gave link the import to them.</p>
          <div className="actions">
            <button type="button" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <ErrorBanner error={error} />
          <Field label="Name">{(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label="Email" hint="Optional; used to invite them to the creator portal.">
            {(id, d) => <input id={id} aria-describedby={d} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <div className="form-row">
            {PLATFORMS.map((p) => (
              <Field key={p} label={`${PLATFORM_LABELS[p]} handle`}>
                {(id) => <input id={id} placeholder="@handle" value={handles[p] ?? ''} onChange={(e) => setHandles((h) => ({ ...h, [p]: e.target.value }))} />}
              </Field>
            ))}
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save creator'}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
