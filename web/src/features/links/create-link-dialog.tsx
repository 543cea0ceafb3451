import { useState, type FormEvent } from 'react';
import { CopyButton, ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import type { Creator } from '../commissions/shared.tsx';
import { UTM_KEYS, type Campaign, type Link } from './types.ts';

type Props = { open: boolean; onClose: () => void; onCreated: (link: Link) => void; creators: Creator[]; campaigns: Campaign[] };

// "UTM name" for utm_campaign, so no label but the campaign picker's says "Campaign".
const UTM_LABELS = { source: 'UTM source', medium: 'UTM medium', campaign: 'UTM name', content: 'UTM content', term: 'UTM term' } as const;
const EMPTY_UTM = { source: '', medium: '', campaign: '', content: '', term: '' };

/** The form for a new tracking link, then the link itself with Copy, its QR code and a PNG download. */
export function CreateLinkDialog({ open, onClose, onCreated, creators, campaigns }: Props) {
  const [influencerId, setInfluencerId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [destinationUrl, setDestinationUrl] = useState('');
  const [label, setLabel] = useState('');
  const [utm, setUtm] = useState<Record<(typeof UTM_KEYS)[number], string>>(EMPTY_UTM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Link | null>(null);
  const campaign = campaigns.find((c) => c.id === campaignId);

  const reset = () => {
    setDestinationUrl('');
    setLabel('');
    setUtm(EMPTY_UTM);
    setError(null);
    setCreated(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const overrides = Object.fromEntries(Object.entries(utm).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      const { link } = await api<{ link: Link }>('/api/v1/links', {
        body: {
          influencerId,
          campaignId,
          ...(destinationUrl.trim() ? { destinationUrl: destinationUrl.trim() } : {}),
          ...(label.trim() ? { label: label.trim() } : {}),
          ...(Object.keys(overrides).length ? { utm: overrides } : {}),
        },
      });
      setCreated(link);
      onCreated(link);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={created ? 'Your link is ready' : 'Create link'} onClose={close}>
      {created ? (
        <div className="link-created">
          <Notice tone="success">Share this short link with the creator: every click is counted and sales are attributed to them.</Notice>
          <p className="short-url">
            <a href={created.shortUrl} target="_blank" rel="noreferrer">
              {created.shortUrl}
            </a>{' '}
            <CopyButton text={created.shortUrl} label="Copy link" />
          </p>
          <img className="qr" src={`/api/v1/links/${created.id}/qr.svg`} alt={`QR code for ${created.shortUrl}`} width={180} height={180} />
          <p>
            <a className="button secondary small" href={`/api/v1/links/${created.id}/qr.png`} download={`qr-${created.code}.png`}>
              Download QR code (PNG)
            </a>
          </p>
          <div className="actions">
            <button type="button" onClick={reset}>
              Create another link
            </button>
            <button type="button" className="secondary" onClick={close}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <ErrorBanner error={error} />
          <div className="form-row">
            <Field label="Creator" hint={creators.length ? undefined : 'Add creators first (Discover or Campaigns).'}>
              {(id, d) => (
                <select id={id} aria-describedby={d} required value={influencerId} onChange={(e) => setInfluencerId(e.target.value)}>
                  <option value="">Choose a creator…</option>
                  {creators.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                      {c.status === 'archived' ? ' (archived)' : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Campaign">
              {(id) => (
                <select id={id} required value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
                  <option value="">Choose a campaign…</option>
                  {campaigns.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field
            label="Destination URL or deep link"
            hint={
              campaign
                ? `Leave empty to send people to ${campaign.destinationUrl}. Any page on ${campaign.allowedDomains.join(', ') || 'the campaign domain'} works, including app links.`
                : "Leave empty to use the campaign's destination."
            }
          >
            {(id, d) => <input id={id} aria-describedby={d} type="url" inputMode="url" placeholder="https://" value={destinationUrl} onChange={(e) => setDestinationUrl(e.target.value)} />}
          </Field>
          <Field label="Label" hint="Where the creator will use it, e.g. “bio link” or “story”. Also the default utm_content.">
            {(id, d) => <input id={id} aria-describedby={d} maxLength={120} value={label} onChange={(e) => setLabel(e.target.value)} />}
          </Field>
          <details className="utm">
            <summary>UTM parameters (optional)</summary>
            <p className="hint">Filled in from the campaign and creator when left empty.</p>
            <div className="form-row">
              {UTM_KEYS.map((k) => (
                <Field key={k} label={UTM_LABELS[k]} hint={`utm_${k}`}>
                  {(id, d) => <input id={id} aria-describedby={d} maxLength={200} value={utm[k]} onChange={(e) => setUtm({ ...utm, [k]: e.target.value })} />}
                </Field>
              ))}
            </div>
          </details>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Creating…' : 'Create link'}
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
