import { useRef, useState } from 'react';
import { Badge, Card, ErrorBanner, Loading, Notice } from '../../components/ui.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AdminOnly } from './admin-only.tsx';
import { ROLES } from './roles.ts';
import type { Member } from './types.ts';
import { UserForm } from './user-form.tsx';

const TONE: Record<string, 'good' | 'info' | 'neutral'> = { owner: 'good', admin: 'info', member: 'neutral' };

export function UsersTab() {
  return (
    <AdminOnly what="users and roles">
      <Users />
    </AdminOnly>
  );
}

function Users() {
  const session = useSession();
  const { data, error, loading, reload } = useApi<{ data: Member[] }>('/api/v1/users');
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const [added, setAdded] = useState<Member | null>(null);
  const columns: Column<Member>[] = [
    { key: 'name', header: 'Name', render: (m) => m.name ?? <span className="muted">—</span> },
    { key: 'email', header: 'Email', render: (m) => (m.id === session.user.id ? <>{m.email} <span className="muted small">(you)</span></> : m.email) },
    { key: 'role', header: 'Role', render: (m) => <Badge tone={TONE[m.role] ?? 'neutral'}>{m.role}</Badge> },
    { key: 'createdAt', header: 'Member since', render: (m) => formatDateTime(m.createdAt) },
  ];
  return (
    <div>
      <div className="endpoint-row">
        <div className="muted" style={{ flex: '1 1 400px' }}>
          <p style={{ marginTop: 0 }}>People who can log in to this brand dashboard.</p>
          <ul className="plan-summary small">
            {ROLES.map((r) => (
              <li key={r.value}>
                <strong>{r.label}</strong>: {r.hint}
              </li>
            ))}
          </ul>
        </div>
        <button ref={opener} type="button" onClick={() => setAdding(true)}>
          Add user
        </button>
      </div>
      {added ? (
        <Notice tone="success">
          {added.email} was added as {added.role}. Share the password with them through a safe channel; they can log in at {window.location.origin}.
        </Notice>
      ) : null}
      {adding ? (
        <Card title="New user">
          <UserForm
            canAddOwner={session.user.role === 'owner'}
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
            onCreated={(m) => {
              setAdded(m);
              setAdding(false);
              reload();
            }}
          />
        </Card>
      ) : null}
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data ? (
        <Card title="Users">
          <DataTable caption="Users" columns={columns} rows={data.data} rowKey={(m) => m.id} initialSort={{ key: 'createdAt', dir: 'asc' }} />
          <p className="muted small">Changing a role or removing a user is not available in the API yet.</p>
        </Card>
      ) : null}
    </div>
  );
}
