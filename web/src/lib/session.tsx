import { createContext, useContext } from 'react';

export type BrandSession = { user: { id: string; email: string; role: 'owner' | 'admin' | 'member' }; workspaceId: string; csrfToken: string };

export const SessionContext = createContext<BrandSession | null>(null);

/** The logged-in brand user (pages render only inside a session). */
export function useSession(): BrandSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}
