import { useEffect, useRef, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { api } from '../../lib/api.ts';
import { ConversionsPage } from './conversions-page.tsx';
import { DeliverablesPage } from './deliverables-page.tsx';
import { EarningsPage } from './earnings-page.tsx';
import { LinksPage } from './links-page.tsx';
import { PayoutPage } from './payout-page.tsx';
import type { PortalSession } from './types.ts';

const NAV: { href: string; label: string }[] = [
  { href: '/', label: 'Earnings' },
  { href: '/links', label: 'Links' },
  { href: '/conversions', label: 'Conversions' },
  { href: '/deliverables', label: 'Deliverables' },
  { href: '/payout', label: 'Payout details' },
];

/** Header (brand, who is logged in, log out), the page tabs, and the pages. */
export function PortalShell({ session, onLogout, welcome }: { session: PortalSession; onLogout: () => void; welcome: boolean }) {
  const [location] = useLocation();
  const [busy, setBusy] = useState(false);
  const main = useRef<HTMLElement>(null);
  const active = (href: string) => (href === '/' ? location === '/' : location === href || location.startsWith(href + '/'));
  const first = useRef(true);
  useEffect(() => {
    const item = NAV.find((n) => active(n.href));
    document.title = `${item ? item.label : 'Creator portal'} · ${session.creator.workspaceName}`;
    // Move focus to the page on navigation (not on first load) so screen readers start at the top.
    if (!first.current) main.current?.focus();
    first.current = false;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location]);
  const { creator } = session;

  return (
    <div className="portal">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="portal-top">
        <div className="portal-brand">
          <span className="logo" aria-hidden="true" />
          <span>
            <strong>{creator.workspaceName}</strong>
            <span className="muted small"> · creator portal</span>
          </span>
        </div>
        <div className="portal-who">
          <span className="small" title={creator.email}>
            {creator.name}
          </span>
          <button
            type="button"
            className="secondary small"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await api('/api/v1/portal/logout', { method: 'POST' }).catch(() => {});
              setBusy(false);
              onLogout();
            }}
          >
            {busy ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      </header>
      <nav aria-label="Portal" className="portal-nav">
        <ul>
          {NAV.map((n) => (
            <li key={n.href}>
              <Link href={n.href} className={active(n.href) ? 'active' : undefined} aria-current={active(n.href) ? 'page' : undefined}>
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} ref={main} className="portal-main">
        <Switch>
          <Route path="/">
            <EarningsPage creator={creator} welcome={welcome} />
          </Route>
          <Route path="/links">
            <LinksPage />
          </Route>
          <Route path="/conversions">
            <ConversionsPage />
          </Route>
          <Route path="/deliverables">
            <DeliverablesPage />
          </Route>
          <Route path="/payout">
            <PayoutPage />
          </Route>
          <Route>
            <h1>Page not found</h1>
            <p>
              <Link href="/">Back to your earnings</Link>
            </p>
          </Route>
        </Switch>
      </main>
    </div>
  );
}
