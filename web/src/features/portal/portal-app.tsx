import { useCallback, useEffect, useRef, useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { Loading } from '../../components/ui.tsx';
import { api, onUnauthorized, setCsrfToken } from '../../lib/api.ts';
import { AcceptPage } from './accept-page.tsx';
import { LoginPage } from './login-page.tsx';
import { PortalShell } from './portal-shell.tsx';
import type { PortalSession } from './types.ts';
import './portal.css';

/**
 * The creator portal at /portal: its own session (the adv_creator cookie, CSRF token from accept,
 * login or GET /api/v1/portal/session). Only /api/v1/portal/ routes are called from here.
 */
export default function PortalApp() {
  // undefined: still asking the server; null: nobody logged in.
  const [session, setSession] = useState<PortalSession | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  // Set after accepting an invitation, for a one-time welcome on the first page.
  const [welcome, setWelcome] = useState(false);

  const current = useRef(session);
  current.current = session;

  useEffect(() => {
    api<PortalSession>('/api/v1/portal/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      })
      .catch(() => setSession(null));
    // Any 401 (the session expired or was revoked by the brand): back to the login form, same page after.
    return onUnauthorized(() => {
      if (current.current) setExpired(true);
      setCsrfToken(null);
      setSession(null);
    });
  }, []);

  const loggedIn = useCallback((s: PortalSession) => {
    setCsrfToken(s.csrfToken);
    setExpired(false);
    setSession(s);
  }, []);
  const loggedOut = useCallback(() => {
    setCsrfToken(null);
    setExpired(false);
    setWelcome(false);
    setSession(null);
  }, []);

  return (
    <Router base="/portal">
      <Switch>
        <Route path="/accept">
          <AcceptPage
            onAccepted={(s) => {
              loggedIn(s);
              setWelcome(true);
            }}
          />
        </Route>
        <Route>
          {session === undefined ? (
            <main className="login" id="main">
              <Loading />
            </main>
          ) : session === null ? (
            <LoginPage onLogin={loggedIn} expired={expired} />
          ) : (
            <PortalShell session={session} onLogout={loggedOut} welcome={welcome} />
          )}
        </Route>
      </Switch>
    </Router>
  );
}
