import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Loading } from './components/ui.tsx';
import './styles.css';

import BrandApp from './brand-app.tsx';

// Two apps share one bundle entry: the brand dashboard at / and the creator portal at /portal.
// The brand shell and overview are in the entry (no extra round trip on the first load); the
// portal and every other brand page are their own chunks.
const PortalApp = lazy(() => import('./features/portal/portal-app.tsx'));

const isPortal = window.location.pathname === '/portal' || window.location.pathname.startsWith('/portal/');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<Loading />}>{isPortal ? <PortalApp /> : <BrandApp />}</Suspense>
  </StrictMode>,
);
