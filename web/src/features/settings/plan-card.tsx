import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { Badge, Card, Notice } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ConfirmButton } from './confirm-dialog.tsx';
import { PlanEditor } from './plan-editor.tsx';
import { describePlan, describePlanDetails } from './plan-summary.ts';
import type { Campaign } from './types.ts';

const STATUS_TONE: Record<string, 'good' | 'warn' | 'neutral' | 'info'> = { active: 'good', paused: 'warn', draft: 'info', ended: 'neutral' };

export function PlanCard({ campaign: c, onSaved }: { campaign: Campaign; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const plan = c.commissionPlan;
  const details = plan ? describePlanDetails(plan) : [];
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <Card
      title={c.name}
      actions={
        <span className="actions">
          <Badge tone={STATUS_TONE[c.status] ?? 'neutral'}>{c.status}</Badge>
          <Link href={`/campaigns/${c.id}`}>Open campaign</Link>
        </span>
      }
    >
      <p className="plan-headline" data-testid={`plan-summary-${c.slug}`}>
        <strong>{describePlan(plan)}</strong>
      </p>
      {plan === null ? <p className="muted small">Creators in this campaign earn nothing automatically until you set a plan.</p> : null}
      {details.length ? (
        <ul className="plan-summary small">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {saved && !editing ? <Notice tone="success">Plan saved. It applies to conversions from now on; earlier commissions keep their amounts.</Notice> : null}
      {editing ? (
        <PlanEditor
          campaign={c}
          onCancel={close}
          onSaved={() => {
            setSaved(true);
            close();
            onSaved();
          }}
        />
      ) : (
        <div className="form-actions">
          <button ref={editButton} type="button" className="secondary" aria-label={`${plan ? 'Edit' : 'Set'} plan of ${c.name}`} onClick={() => setEditing(true)}>
            {plan ? 'Edit plan' : 'Set plan'}
          </button>
          {plan ? (
            <ConfirmButton
              label="Remove plan"
              ariaLabel={`Remove plan of ${c.name}`}
              title={`Remove the plan of ${c.name}?`}
              confirmLabel="Remove plan"
              small={false}
              onConfirm={async () => {
                await api(`/api/v1/campaigns/${c.id}`, { method: 'PATCH', body: { commissionPlan: null } });
                onSaved();
              }}
            >
              <p>New sales, leads and clicks in this campaign will earn no commission until you set a plan again. Commissions already earned stay as they are.</p>
            </ConfirmButton>
          ) : null}
          <span className="muted small">Last changed {formatDateTime(c.updatedAt)}</span>
        </div>
      )}
    </Card>
  );
}
