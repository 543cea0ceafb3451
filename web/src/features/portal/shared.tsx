// Small helpers for the portal pages: cursor-paged lists, field errors from the API's words,
// and status badges that say their state in words (colour is never the only signal).
import { useEffect, useRef, useState } from 'react';
import { Badge } from '../../components/ui.tsx';
import { api, ApiError } from '../../lib/api.ts';
import type { Commission, Conversion } from './types.ts';

/**
 * A cursor-paged GET list: the first page loads on mount (and on reload); `loadMore` appends.
 * `pick` takes the rows out of an answer (`data` for most lists, `commissions` for earnings).
 */
export function usePaged<T, R extends { nextCursor: string | null }>(path: string, pick: (r: R) => T[], limit = 50) {
  const [rows, setRows] = useState<T[]>([]);
  const [first, setFirst] = useState<R>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [tick, setTick] = useState(0);
  const pickRef = useRef(pick);
  pickRef.current = pick;
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<R>(path, { query: { limit }, signal: controller.signal })
      .then((r) => {
        setFirst(r);
        setRows(pickRef.current(r));
        setCursor(r.nextCursor);
        setError(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e);
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, limit, tick]);
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const r = await api<R>(path, { query: { limit, cursor } });
      setRows((prev) => [...prev, ...pickRef.current(r)]);
      setCursor(r.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  return { rows, first, error, loading, loadingMore, hasMore: cursor !== null, loadMore, reload: () => setTick((t) => t + 1) };
}

export function LoadMore({ hasMore, busy, onClick, what }: { hasMore: boolean; busy: boolean; onClick: () => void; what: string }) {
  if (!hasMore) return null;
  return (
    <p className="portal-more">
      <button type="button" className="secondary" onClick={onClick} disabled={busy}>
        {busy ? 'Loading…' : `Load more ${what}`}
      </button>
    </p>
  );
}

/**
 * The server names the failing field before a colon ("destinationUrl: …", "iban: …"): the
 * message for that field, so it can sit under the input.
 */
export function fieldError(err: unknown, field: string): string | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION') return null;
  const m = /^([\w.]+): (.*)$/s.exec(err.message);
  if (!m) return null;
  const where = m[1]!.replace(/^body\./, '');
  return where === field || where.startsWith(field + '.') ? m[2]! : null;
}

/** True when the error belongs under one of these fields (so the banner need not repeat it). */
export const isFieldError = (err: unknown, fields: string[]) => fields.some((f) => fieldError(err, f) !== null);

const COMMISSION_STATUS: Record<Commission['status'], { label: string; tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info' }> = {
  pending: { label: 'Pending', tone: 'warn' },
  approved: { label: 'Approved', tone: 'info' },
  paid: { label: 'Paid', tone: 'good' },
  rejected: { label: 'Rejected', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

export const commissionStatusLabel = (c: Commission) => (c.clawback ? 'Clawed back' : c.amount < 0 && c.status !== 'rejected' && c.status !== 'cancelled' ? `Deduction · ${COMMISSION_STATUS[c.status].label}` : COMMISSION_STATUS[c.status].label);

export function CommissionBadge({ c }: { c: Commission }) {
  if (c.clawback) return <Badge tone="bad">Clawed back</Badge>;
  const s = COMMISSION_STATUS[c.status];
  return (
    <>
      <Badge tone={s.tone}>{s.label}</Badge>
      {c.amount < 0 && c.status !== 'rejected' && c.status !== 'cancelled' ? (
        <>
          {' '}
          <Badge tone="bad">Deduction</Badge>
        </>
      ) : null}
    </>
  );
}

const CONVERSION_STATUS: Record<Conversion['status'], { label: string; tone: 'good' | 'warn' | 'bad' }> = {
  confirmed: { label: 'Confirmed', tone: 'good' },
  in_review: { label: 'In review', tone: 'warn' },
  rejected: { label: 'Rejected', tone: 'bad' },
};

export const conversionStatusLabel = (s: Conversion['status']) => CONVERSION_STATUS[s].label;

export function ConversionBadge({ status }: { status: Conversion['status'] }) {
  const s = CONVERSION_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const ATTRIBUTION: Record<string, string> = {
  click: 'Your link',
  coupon: 'Your coupon code',
  customer: 'Returning customer',
  manual: 'Added by the brand',
};

/** How a sale was credited, in words. */
export const attributionLabel = (m: string | null) => (m ? (ATTRIBUTION[m] ?? m.replace(/_/g, ' ')) : '—');

const DELIVERABLE_STATUS: Record<string, { label: string; tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info' }> = {
  due: { label: 'To do', tone: 'neutral' },
  overdue: { label: 'Overdue', tone: 'bad' },
  submitted: { label: 'Submitted', tone: 'info' },
  approved: { label: 'Approved', tone: 'good' },
  live: { label: 'Live', tone: 'good' },
};

export const deliverableStatusLabel = (s: string) => DELIVERABLE_STATUS[s]?.label ?? s;

export function DeliverableBadge({ status }: { status: string }) {
  const s = DELIVERABLE_STATUS[status] ?? { label: status, tone: 'neutral' as const };
  return <Badge tone={s.tone}>{status === 'overdue' ? `⚠ ${s.label}` : s.label}</Badge>;
}
