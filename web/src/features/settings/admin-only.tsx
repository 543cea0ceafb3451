import type { ReactNode } from 'react';
import { Notice } from '../../components/ui.tsx';
import { useSession } from '../../lib/session.tsx';

/** Owner/admin-only settings: a member sees why the section is closed instead of forms that would fail. */
export function AdminOnly({ what, children }: { what: string; children: ReactNode }) {
  const { user } = useSession();
  if (user.role !== 'member') return <>{children}</>;
  return (
    <Notice tone="warning">
      <span>
        <strong>Only owners and admins can manage {what}.</strong> You are logged in as a member: ask an owner or admin of this workspace to make the change, or to give
        you the admin role.
      </span>
    </Notice>
  );
}
