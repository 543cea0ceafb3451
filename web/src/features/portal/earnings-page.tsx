import { Link } from 'wouter';
import { Card, EmptyState, ErrorBanner, Loading, Notice, PageHeader, Stat } from '../../components/ui.tsx';
import { formatMoney } from '../../lib/format.ts';
import { CommissionsTable } from './commissions-table.tsx';
import { PerformanceCard } from './performance-card.tsx';
import { usePaged } from './shared.tsx';
import type { Commission, Creator, Earnings } from './types.ts';

/** Home: what the creator has earned (per currency), how they are doing, and every commission line. */
export function EarningsPage({ creator, welcome }: { creator: Creator; welcome: boolean }) {
  const list = usePaged<Commission, Earnings>('/api/v1/portal/earnings', (r) => r.commissions, 25);
  const balances = list.first?.balances;
  const firstName = creator.name.split(/\s+/)[0] || creator.name;

  return (
    <>
      <PageHeader
        title="Earnings"
        description={`Hi ${firstName}: what you have earned with ${creator.workspaceName}.`}
        actions={
          <>
            <a className="button secondary small" href="/api/v1/portal/statement?format=html" target="_blank" rel="noopener">
              View statement
            </a>
            <a className="button secondary small" href="/api/v1/portal/statement?format=csv" download>
              Download statement (CSV)
            </a>
          </>
        }
      />
      {welcome ? (
        <Notice tone="success">
          Welcome, {creator.name}! Your password is set. Next time, log in at <strong>{window.location.origin}/portal</strong> with {creator.email}.
        </Notice>
      ) : null}
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.first && list.loading ? <Loading label="Loading your earnings…" /> : null}
      {balances ? (
        balances.length === 0 ? (
          <EmptyState title="No earnings yet" action={<Link href="/links">Get your links</Link>}>
            Share your links and coupon codes: when someone buys, your commission shows up here, first as pending, then approved and paid.
          </EmptyState>
        ) : (
          balances.map((b) => (
            <section key={b.currency} aria-label={`Balance in ${b.currency}`} className="portal-balance">
              {balances.length > 1 ? <h2>{b.currency}</h2> : <h2 className="sr-only">Your balance</h2>}
              <div className="stats">
                <Stat testId={`pending-${b.currency}`} label="Pending" value={formatMoney(b.pending, b.currency)} hint="on hold until the payable date (in case of returns)" />
                <Stat
                  testId={`approved-${b.currency}`}
                  label="Approved (payable)"
                  value={formatMoney(b.approved, b.currency)}
                  hint={b.approved < 0 ? 'below zero after a refund: taken from your next earnings' : 'goes out with the next payout'}
                />
                <Stat testId={`paid-${b.currency}`} label="Paid" value={formatMoney(b.paid, b.currency)} hint="already sent to you" />
                <Stat testId={`clawed-${b.currency}`} label="Clawed back" value={formatMoney(b.clawedBack, b.currency)} hint="taken back for refunds; already subtracted above" />
              </div>
            </section>
          ))
        )
      ) : null}
      <PerformanceCard />
      <Card title="Your commissions">
        <p className="muted small">
          Every sale or lead credited to you earns a commission. It stays <strong>pending</strong> until its payable date, then becomes <strong>approved</strong> and is{' '}
          <strong>paid</strong> with the next payout. Refunds reduce or cancel it, with the reason below.
        </p>
        {list.first ? <CommissionsTable rows={list.rows} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={list.loadMore} /> : null}
      </Card>
    </>
  );
}
