import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ErrorBanner, Field, Loading } from './components/ui.tsx';
import { api, ApiError, onUnauthorized, setCsrfToken } from './lib/api.ts';
import { SessionContext, type BrandSession } from './lib/session.tsx';
import OverviewPage from './features/overview/overview-page.tsx';

// The first route (overview) is in the main chunk; every other page loads on first visit.
const DiscoverPage = lazy(() => import('./features/discover/discover-page.tsx'));
const CreatorPage = lazy(() => import('./features/discover/creator-page.tsx'));
const CampaignsPage = lazy(() => import('./features/campaigns/campaigns-page.tsx'));
const CampaignPage = lazy(() => import('./features/campaigns/campaign-page.tsx'));
const PartnershipPage = lazy(() => import('./features/campaigns/partnership-page.tsx'));
const LinksPage = lazy(() => import('./features/links/links-page.tsx'));
const ConversionsPage = lazy(() => import('./features/conversions/conversions-page.tsx'));
const CommissionsPage = lazy(() => import('./features/commissions/commissions-page.tsx'));
const PayoutsPage = lazy(() => import('./features/payouts/payouts-page.tsx'));
const SettingsPage = lazy(() => import('./features/settings/settings-page.tsx'));

const NAV: { href: string; label: string }[] = [
  { href: '/', label: 'Overview' },
  { href: '/discover', label: 'Discover' },
  { href: '/campaigns', label: 'Campaigns' },
  { href: '/links', label: 'Links' },
  { href: '/conversions', label: 'Conversions' },
  { href: '/commissions', label: 'Commissions' },
  { href: '/payouts', label: 'Payouts' },
  { href: '/settings', label: 'Settings' },
];

// Asked for as soon as the script runs, in parallel with React's first render.
const earlySession: Promise<BrandSession> | null =
  typeof window !== 'undefined' && !window.location.pathname.startsWith('/portal') ? api<BrandSession>('/api/v1/auth/session') : null;
earlySession?.catch(() => {});

export default function BrandApp() {
  const [session, setSession] = useState<BrandSession | null | undefined>(undefined);
  useEffect(() => {
    (earlySession ?? api<BrandSession>('/api/v1/auth/session'))
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      })
      .catch(() => setSession(null));
    return onUnauthorized(() => setSession(null));
  }, []);
  if (session === undefined) return <Loading />;
  if (session === null)
    return (
      <LoginPage
        onLogin={(s) => {
          setCsrfToken(s.csrfToken);
          setSession(s);
        }}
      />
    );
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} onLogout={() => setSession(null)} />
    </SessionContext.Provider>
  );
}

function Shell({ session, onLogout }: { session: BrandSession; onLogout: () => void }) {
  const [location] = useLocation();
  const active = (href: string) => (href === '/' ? location === '/' : location === href || location.startsWith(href + '/'));
  useEffect(() => {
    const item = NAV.find((n) => active(n.href));
    document.title = item ? `${item.label} · Advocate` : 'Advocate';
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location]);
  return (
    <div className="layout">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand-mark">
          <span className="logo" aria-hidden="true" /> Advocate
        </div>
        <nav aria-label="Main">
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
        <div className="sidebar-foot">
          <div className="muted small" title={session.user.email}>
            {session.user.email}
            <br />
            {session.user.role}
          </div>
          <button
            type="button"
            className="secondary small"
            onClick={async () => {
              await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => {});
              setCsrfToken(null);
              onLogout();
            }}
          >
            Log out
          </button>
        </div>
      </aside>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/"><OverviewPage /></Route>
            <Route path="/discover"><DiscoverPage /></Route>
            <Route path="/discover/:id">{(p) => <CreatorPage id={p.id} />}</Route>
            <Route path="/campaigns"><CampaignsPage /></Route>
            <Route path="/campaigns/:id">{(p) => <CampaignPage id={p.id} />}</Route>
            <Route path="/partnerships/:id">{(p) => <PartnershipPage id={p.id} />}</Route>
            <Route path="/links"><LinksPage /></Route>
            <Route path="/conversions"><ConversionsPage /></Route>
            <Route path="/commissions"><CommissionsPage /></Route>
            <Route path="/payouts"><PayoutsPage /></Route>
            <Route path="/payouts/:id">{(p) => <PayoutsPage batchId={p.id} />}</Route>
            <Route path="/settings"><SettingsPage /></Route>
            <Route path="/settings/:tab">{(p) => <SettingsPage tab={p.tab} />}</Route>
            <Route>
              <h1>Page not found</h1>
              <p>
                <Link href="/">Back to the overview</Link>
              </p>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </div>
  );
}

function LoginPage({ onLogin }: { onLogin: (s: BrandSession) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [needsWorkspace, setNeedsWorkspace] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await api<BrandSession>('/api/v1/auth/login', { body: { email, password, ...(workspace ? { workspace } : {}) } });
      onLogin(s);
    } catch (err) {
      if (err instanceof ApiError && /workspace/i.test(err.message)) setNeedsWorkspace(true);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="card login-card" aria-labelledby="login-title">
        <div className="brand-mark">
          <span className="logo" aria-hidden="true" /> Advocate
        </div>
        <h1 id="login-title">Log in to your brand dashboard</h1>
        <ErrorBanner error={error} />
        <Field label="Email">{(id) => <input id={id} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label="Password">
          {(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {needsWorkspace ? (
          <Field label="Workspace" hint="Your email belongs to several workspaces: give its slug or id.">
            {(id, d) => <input id={id} aria-describedby={d} value={workspace} onChange={(e) => setWorkspace(e.target.value)} />}
          </Field>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p className="muted small">
          Creator? Use the <a href="/portal">creator portal</a>.
        </p>
      </form>
    </main>
  );
}
