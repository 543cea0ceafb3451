import { useState } from 'react';
import { ErrorBanner, Loading, Notice } from '../../components/ui.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Modal } from '../../components/modal.tsx';
import { StatusBadge } from '../commissions/shared.tsx';
import { AttributionSection, FraudSection, HistorySection } from './attribution-section.tsx';
import { RefundForm, ReviewActions } from './conversion-actions.tsx';
import type { Conversion, ConversionDetail as Detail } from './types.ts';

type Commission = { id: string; amount: number; currency: string; status: string; kind: string; explanation: string; payableOn: string };
type Props = {
  conversion: Conversion;
  nameOf: (id: string | null | undefined) => string;
  campaignName: (id: string | null | undefined) => string;
  onClose: () => void;
  onChanged: (next: Conversion) => void;
};

export const conversionTitle = (c: Conversion) => `${c.type === 'sale' ? 'Sale' : 'Lead'} ${c.orderId ?? c.id}`;

/** Everything about one conversion: amounts, attribution in words, fraud flags, history, commissions, and the review and refund actions. */
export function ConversionDetail({ conversion, nameOf, campaignName, onClose, onChanged }: Props) {
  const { data, error, loading, reload } = useApi<{ conversion: Detail }>(`/api/v1/conversions/${conversion.id}`);
  const commissions = useApi<{ data: Commission[] }>('/api/v1/commissions', { conversionId: conversion.id, limit: 50 });
  const [message, setMessage] = useState<string | null>(null);
  const [refunding, setRefunding] = useState(false);
  const c = data?.conversion;
  const names = { nameOf, campaignName };
  const done = (next: Conversion, text: string) => {
    setMessage(text);
    setRefunding(false);
    onChanged(next);
    reload();
    commissions.reload();
  };
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, c?.currency ?? conversion.currency));
  const breakdown = (x: Detail) => {
    const parts = [x.tax ? `tax ${money(x.tax)}` : null, x.shipping ? `shipping ${money(x.shipping)}` : null].filter(Boolean);
    const net = parts.length ? `net ${money(x.netAmount)} after ${parts.join(' and ')}` : '';
    return [net, x.discount ? `discount ${money(x.discount)}` : ''].filter(Boolean).join('; ');
  };
  const canRefund = c && c.type === 'sale' && c.currency && c.refundedAmount < c.amount;

  return (
    <Modal open title={conversionTitle(conversion)} onClose={onClose} wide>
      <ErrorBanner error={error} onRetry={reload} />
      {message ? <Notice tone="success">{message}</Notice> : null}
      {!c && loading ? <Loading /> : null}
      {c ? (
        <div className="conversion-detail">
          <dl className="kv">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={c.status} />
            </dd>
            <dt>When</dt>
            <dd>{formatDateTime(c.occurredAt)}</dd>
            {c.type === 'sale' ? (
              <>
                <dt>Amount</dt>
                <dd>
                  {money(c.amount)} {breakdown(c) ? <span className="muted small">({breakdown(c)})</span> : null}
                </dd>
                <dt>Refunded</dt>
                <dd>{c.refundedAmount ? money(c.refundedAmount) : 'Nothing'}</dd>
              </>
            ) : null}
            <dt>Creator</dt>
            <dd>{nameOf(c.influencerId)}</dd>
            <dt>Campaign</dt>
            <dd>{campaignName(c.campaignId)}</dd>
            {c.couponCode ? (
              <>
                <dt>Coupon</dt>
                <dd className="mono">{c.couponCode}</dd>
              </>
            ) : null}
            <dt>Recorded from</dt>
            <dd>
              {c.source} <span className="muted small mono">{c.id}</span>
            </dd>
          </dl>
          {c.status === 'review' ? <ReviewActions c={c} onDone={done} /> : null}
          <AttributionSection c={c} names={names} />
          <FraudSection c={c} names={names} />
          <section aria-labelledby={`com-${c.id}`}>
            <h3 id={`com-${c.id}`}>Commissions</h3>
            <ErrorBanner error={commissions.error} onRetry={commissions.reload} />
            {commissions.data?.data.length === 0 ? (
              <p className="muted">{c.status === 'review' ? 'None until the review is approved.' : 'No commission for this conversion (no plan applied, or it is not attributed).'}</p>
            ) : (
              <ul className="reasons">
                {commissions.data?.data.map((m) => (
                  <li key={m.id}>
                    <strong>{formatMoney(m.amount, m.currency)}</strong> <StatusBadge status={m.status} /> {m.explanation}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <HistorySection c={c} />
          {canRefund ? (
            refunding ? (
              <RefundForm c={c} onDone={done} />
            ) : (
              <p>
                <button type="button" className="secondary" onClick={() => setRefunding(true)}>
                  Refund
                </button>
              </p>
            )
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
