import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CopyButton, ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, isFieldError } from './shared.tsx';
import type { Campaign, CreatorLink } from './types.ts';

const FIELDS = ['destinationUrl', 'campaignId', 'label'];

/** Make a tracking link to any allowed page of a campaign (a deep link to one product, say). */
export function CreateLinkForm({ campaigns, onCreated }: { campaigns: Campaign[]; onCreated: (link: CreatorLink) => void }) {
  const usable = campaigns.filter((c) => c.status !== 'archived');
  const [campaignId, setCampaignId] = useState(usable[0]?.id ?? '');
  const [destinationUrl, setDestinationUrl] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatorLink | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!campaignId && usable[0]) setCampaignId(usable[0].id);
  }, [usable, campaignId]);
  const campaign = usable.find((c) => c.id === campaignId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const body = {
        ...(destinationUrl.trim() ? { destinationUrl: destinationUrl.trim() } : {}),
        ...(campaignId ? { campaignId } : {}),
        ...(label.trim() ? { label: label.trim() } : {}),
      };
      const { link } = await api<{ link: CreatorLink }>('/api/v1/portal/links', { body });
      setCreated(link);
      setDestinationUrl('');
      setLabel('');
      onCreated(link);
    } catch (err) {
      setError(err);
      // Put the cursor where the problem is, so the message under the field is read out.
      if (fieldError(err, 'destinationUrl')) setTimeout(() => urlInput.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  if (usable.length === 0) {
    return <p className="muted">You can make your own links once the brand adds you to a campaign.</p>;
  }
  const domains = campaign?.allowedDomains.length ? campaign.allowedDomains.join(', ') : null;
  const urlError = fieldError(error, 'destinationUrl');
  return (
    <form onSubmit={submit} noValidate className="portal-form">
      {error && !isFieldError(error, FIELDS) ? <ErrorBanner error={error} /> : null}
      {created ? (
        <Notice tone="success">
          Your new link is ready: <code>{created.shortUrl}</code> <CopyButton text={created.shortUrl} label="Copy link" />
        </Notice>
      ) : null}
      {usable.length > 1 ? (
        <Field label="Campaign" error={fieldError(error, 'campaignId')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field
        label="Destination URL"
        hint={
          <>
            The page people should land on{domains ? <> — any page on {domains}</> : null}. Leave empty for the campaign's page
            {campaign ? (
              <>
                {' '}
                (<span className="portal-break">{campaign.destinationUrl}</span>)
              </>
            ) : null}
            .
          </>
        }
        error={urlError}
      >
        {(id, d) => (
          <input
            id={id}
            ref={urlInput}
            type="url"
            inputMode="url"
            placeholder={campaign ? campaign.destinationUrl : 'https://'}
            aria-describedby={d}
            aria-invalid={urlError ? true : undefined}
            value={destinationUrl}
            onChange={(e) => setDestinationUrl(e.target.value)}
          />
        )}
      </Field>
      <Field label="Label (optional)" hint="Just for you, e.g. “TikTok bio” or “serum reel”." error={fieldError(error, 'label')}>
        {(id, d) => <input id={id} aria-describedby={d} maxLength={120} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? 'Creating link…' : 'Create link'}
      </button>
    </form>
  );
}
