import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../../components/ui.tsx';
import { fieldError, friendly } from './field-errors.ts';
import type { WebhookEndpoint } from './types.ts';
import { EVENTS } from './webhook-events.ts';

export type EndpointInput = { url: string; description: string; events: string[]; enabled: boolean };

type Props = {
  initial?: WebhookEndpoint;
  submitLabel: string;
  onSubmit: (input: EndpointInput) => Promise<unknown>;
  onCancel: () => void;
};

/** URL, description, events and enabled, for a new endpoint or an existing one. */
export function EndpointForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const eventsHint = useId();
  const [url, setUrl] = useState(initial?.url ?? 'https://');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [events, setEvents] = useState<string[]>(initial?.events ?? ['conversion.created']);
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = (type: string, on: boolean) => setEvents((prev) => (on ? [...prev, type] : prev.filter((e) => e !== type)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ url: url.trim(), description: description.trim(), events, enabled });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const eventsError = fieldError(error, 'events');
  return (
    <form onSubmit={submit} aria-label={initial ? `Edit endpoint ${initial.url}` : 'New webhook endpoint'} noValidate>
      <div className="form-row">
        <Field label="Endpoint URL" hint="An http(s) URL on your side that accepts POST requests with a JSON body." error={fieldError(error, 'url')}>
          {(id, d) => <input id={id} aria-describedby={d} type="url" autoFocus required value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label="Description" hint="Optional: what this endpoint is for." error={fieldError(error, 'description')}>
          {(id, d) => <input id={id} aria-describedby={d} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      <fieldset aria-describedby={eventsHint}>
        <legend>Events to send</legend>
        <p className="hint" id={eventsHint}>
          Each event is a signed POST (header <code>Advocate-Signature: t=…,v1=…</code>, HMAC-SHA256 of “t.body” with the signing secret), retried with back-off until
          your endpoint answers 2xx.
        </p>
        <div className="check-grid">
          {EVENTS.map((ev) => (
            <label key={ev.type} className="check-label">
              <input type="checkbox" checked={events.includes(ev.type)} onChange={(e) => toggle(ev.type, e.target.checked)} />
              <span>
                {ev.label} <span className="muted small">— {ev.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {eventsError ? <p className="field-error">{eventsError}</p> : null}
      </fieldset>
      <label className="check-label">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Enabled (send events to this endpoint)
      </label>
      <ErrorBanner error={friendly(error)} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
