import { useState } from 'react';
import { Card, ErrorBanner, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { PayoutForm } from './payout-form.tsx';
import type { PayoutDetails } from './types.ts';

/** Where the creator is paid: shown (IBAN masked) and editable. */
export function PayoutPage() {
  const { data, error, loading, reload } = useApi<{ payoutDetails: PayoutDetails | null }>('/api/v1/portal/payout-details');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const details = data?.payoutDetails ?? null;
  // With nothing stored yet the form is open straight away: there is nothing else to show.
  const formOpen = Boolean(data) && (editing || !details);

  return (
    <>
      <PageHeader title="Payout details" description="Where the brand sends your money: PayPal or a bank account (IBAN)." />
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {saved && !editing ? <Notice tone="success">Saved. Your next payouts go to the account below.</Notice> : null}
      {data && !formOpen && details ? (
        <Card
          title="You are paid by"
          actions={
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              Edit payout details
            </button>
          }
        >
          <dl className="kv">
            <dt>Method</dt>
            <dd>{details.method === 'paypal' ? 'PayPal' : 'Bank transfer (IBAN)'}</dd>
            {details.method === 'paypal' ? (
              <>
                <dt>PayPal email</dt>
                <dd className="portal-break">{details.paypalEmail ?? '—'}</dd>
              </>
            ) : (
              <>
                <dt>Account holder</dt>
                <dd>{details.accountHolder ?? '—'}</dd>
                <dt>IBAN</dt>
                <dd>
                  <code aria-label={`IBAN ${details.iban ? `${details.iban.slice(0, 4)}, ending ${details.iban.slice(-4)}` : 'not set'}`}>{details.iban ?? '—'}</code>
                  <span className="small muted"> (hidden except the start and the last four characters)</span>
                </dd>
                <dt>BIC</dt>
                <dd>{details.bic ? <code>{details.bic}</code> : '—'}</dd>
              </>
            )}
            {Object.keys(details.minimumPayout).length ? (
              <>
                <dt>Minimum payout</dt>
                <dd>{Object.entries(details.minimumPayout).map(([cur, amount]) => formatMoney(amount, cur)).join(' · ')}</dd>
              </>
            ) : null}
            {details.updatedAt ? (
              <>
                <dt>Last changed</dt>
                <dd>{formatDateTime(details.updatedAt)}</dd>
              </>
            ) : null}
          </dl>
        </Card>
      ) : null}
      {formOpen ? (
        <Card title={details ? 'Change payout details' : 'Add payout details'}>
          {!details ? <p className="muted">You have not said where to be paid yet. Add it now so approved commissions can be paid out to you.</p> : null}
          <PayoutForm
            current={details}
            onCancel={details ? () => setEditing(false) : undefined}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              reload();
            }}
          />
        </Card>
      ) : null}
    </>
  );
}
