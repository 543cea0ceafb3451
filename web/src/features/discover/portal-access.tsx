import { useState, type FormEvent } from 'react';
import { Card, CopyButton, ErrorBanner, Field, Loading, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';

type Access = { invited: boolean; hasAccount?: boolean; acceptedAt: string | null; email: string | null; lastLoginAt: string | null; invitationExpiresAt?: string | null };
type Invitation = { id: string; influencerId: string; email: string; expiresAt: string; acceptUrl: string };

/** A server without the portal routes answers 404 "No route …": say so instead of an error. */
const missingRoute = (e: unknown) => e instanceof ApiError && e.status === 404 && /no route/i.test(e.message);

function AccessState({ access }: { access: Access }) {
  if (!access.invited) return <p className="access-state">Not invited to the creator portal yet.</p>;
  if (access.acceptedAt)
    return (
      <p className="access-state">
        Joined the portal on {formatDateTime(access.acceptedAt)} as <strong>{access.email}</strong>. Last login: {access.lastLoginAt ? formatDateTime(access.lastLoginAt) : 'never'}.
      </p>
    );
  const expired = access.invitationExpiresAt ? new Date(access.invitationExpiresAt) < new Date() : false;
  return (
    <p className="access-state">
      Invited as <strong>{access.email ?? '—'}</strong>, not accepted yet.
      {access.invitationExpiresAt ? (expired ? ` The invitation expired on ${formatDateTime(access.invitationExpiresAt)}: send a new one.` : ` The link works until ${formatDateTime(access.invitationExpiresAt)}.`) : ''}
    </p>
  );
}

/** GET …/portal-access (the state) and the "Invite to portal" dialog (POST …/invite). */
export function PortalAccessCard({ influencerId, defaultEmail, inviteOpen, onInviteClose }: { influencerId: string; defaultEmail: string; inviteOpen: boolean; onInviteClose: () => void }) {
  const access = useApi<Access>(`/api/v1/influencers/${influencerId}/portal-access`);
  const [revoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const unavailable = missingRoute(access.error);
  const revoke = async () => {
    if (!window.confirm('End this creator’s portal access? They are logged out and their pending invitation stops working.')) return;
    setRevoking(true);
    setRevokeError(null);
    try {
      await api(`/api/v1/influencers/${influencerId}/portal-access`, { method: 'DELETE' });
      access.reload();
    } catch (e) {
      setRevokeError(e);
    } finally {
      setRevoking(false);
    }
  };
  return (
    <Card title="Creator portal">
      {unavailable ? (
        <Notice tone="warning">Portal invitations are not available on this server yet.</Notice>
      ) : (
        <>
          <ErrorBanner error={access.error} onRetry={access.reload} />
          <ErrorBanner error={revokeError} />
          {access.loading && !access.data ? <Loading /> : null}
          {access.data ? <AccessState access={access.data} /> : null}
          <p className="muted small">In the portal creators see their links, clicks, sales and earnings, and choose how they are paid.</p>
          {access.data?.invited ? (
            <div className="actions">
              <button type="button" className="secondary" onClick={revoke} disabled={revoking}>
                {revoking ? 'Ending access…' : 'End portal access'}
              </button>
            </div>
          ) : null}
        </>
      )}
      <InviteDialog
        open={inviteOpen}
        influencerId={influencerId}
        defaultEmail={access.data?.email ?? defaultEmail}
        onClose={onInviteClose}
        onSent={access.reload}
      />
    </Card>
  );
}

function InviteDialog({ open, influencerId, defaultEmail, onClose, onSent }: { open: boolean; influencerId: string; defaultEmail: string; onClose: () => void; onSent: () => void }) {
  const [email, setEmail] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<Invitation | null>(null);
  const value = email ?? defaultEmail;
  const close = () => {
    setEmail(null);
    setError(null);
    setSent(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ invitation: Invitation }>(`/api/v1/influencers/${influencerId}/invite`, { body: value.trim() ? { email: value.trim() } : {} });
      setSent(r.invitation);
      onSent();
    } catch (err) {
      setError(missingRoute(err) ? new Error('Portal invitations are not available on this server yet.') : err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="Invite to the creator portal" onClose={close}>
      {sent ? (
        <>
          <Notice tone="success">Invitation sent to {sent.email}.</Notice>
          <p className="small">If email is not set up on this server, share this one-time link with the creator yourself. It works until {formatDateTime(sent.expiresAt)}.</p>
          <div className="copy-row">
            <code data-testid="accept-url">{sent.acceptUrl}</code>
            <CopyButton text={sent.acceptUrl} label="Copy link" />
          </div>
          <div className="actions" style={{ marginTop: 12 }}>
            <button type="button" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <ErrorBanner error={error} />
          <Field label="Creator's email" hint="They get a link to choose a password (valid 7 days). A new invitation replaces an earlier one.">
            {(id, d) => <input id={id} aria-describedby={d} type="email" required value={value} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Send invitation'}
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
