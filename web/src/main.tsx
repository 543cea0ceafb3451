import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Loading } from './components/ui.tsx';
import './styles.css';

// Two apps share one bundle entry: the brand dashboard at / and the creator portal at /portal.
// Each is its own chunk, so a creator never downloads the brand pages and vice versa.
const BrandApp = lazy(() => import('./brand-app.tsx'));
const PortalApp = lazy(() => import('./features/portal/portal-app.tsx'));

const isPortal = window.location.pathname === '/portal' || window.location.pathname.startsWith('/portal/');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<Loading />}>{isPortal ? <PortalApp /> : <BrandApp />}</Suspense>
  </StrictMode>,
);
