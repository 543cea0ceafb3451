import { Field } from '../../components/ui.tsx';
import { formatDate, formatMoney, parseMoney } from '../../lib/format.ts';
import { describePlan, draftToPlan, emptyPlanDraft, PlanEditor, type PlanDraft } from './plan-editor.tsx';

// The terms of a partnership (src/partnerships/schemas.ts Terms) as a form, and in words.

export type TermsDraft = {
  flatFee: string;
  currency: string;
  plan: PlanDraft;
  usageRights: string;
  exclusivity: string;
  startsAt: string;
  endsAt: string;
  longTerm: boolean;
  months: string;
  perMonth: string;
  feePerDeliverable: string;
};

export const emptyTerms = (currency = 'USD'): TermsDraft => ({
  flatFee: '',
  currency,
  plan: emptyPlanDraft('none', currency),
  usageRights: '',
  exclusivity: '',
  startsAt: '',
  endsAt: '',
  longTerm: false,
  months: '3',
  perMonth: '1 reel, 2 story',
  feePerDeliverable: '',
});

/** A local calendar day from a date input → the ISO date-time the API wants (local midnight). */
export const dayToIso = (day: string) => new Date(`${day}T00:00:00`).toISOString();

/** "1 reel, 2 story" → [{ type: 'reel', count: 1 }, { type: 'story', count: 2 }]. */
function parsePerMonth(text: string): { type: string; count: number }[] | null {
  const parts = text.split(/[,;+]/).map((s) => s.trim()).filter(Boolean);
  const out: { type: string; count: number }[] = [];
  for (const p of parts) {
    const m = /^(\d+)\s*[x×]?\s*(\S.*)$/i.exec(p);
    if (!m) return null;
    out.push({ count: Number(m[1]), type: m[2]!.trim().replace(/s$/, '') });
  }
  return out.length ? out : null;
}

export function termsFromDraft(d: TermsDraft): { terms: Record<string, unknown>; error: string | null } {
  const terms: Record<string, unknown> = {};
  const currency = d.currency.trim().toUpperCase();
  if (d.flatFee.trim() || d.feePerDeliverable.trim()) {
    if (!/^[A-Z]{3}$/.test(currency)) return { terms, error: 'The currency must be a 3-letter code such as USD.' };
  }
  if (d.flatFee.trim()) {
    const a = parseMoney(d.flatFee, currency);
    if (a === null || a < 0n) return { terms, error: `The flat fee must be an amount in ${currency}, e.g. 600.00.` };
    terms.flatFee = { amount: Number(a), currency };
  }
  const plan = draftToPlan(d.plan);
  if (plan.error) return { terms, error: plan.error };
  if (plan.plan) terms.commissionPlan = plan.plan;
  if (d.usageRights.trim()) terms.usageRights = d.usageRights.trim();
  if (d.exclusivity.trim()) terms.exclusivity = d.exclusivity.trim();
  if (d.startsAt) terms.startsAt = dayToIso(d.startsAt);
  if (d.endsAt) terms.endsAt = dayToIso(d.endsAt);
  if (d.longTerm) {
    const perMonth = parsePerMonth(d.perMonth);
    if (!perMonth) return { terms, error: 'Deliverables per month: write them like “1 reel, 2 story”.' };
    const lt: Record<string, unknown> = { months: Number(d.months), perMonth };
    if (d.feePerDeliverable.trim()) {
      const a = parseMoney(d.feePerDeliverable, currency);
      if (a === null || a < 0n) return { terms, error: `The fee per deliverable must be an amount in ${currency}.` };
      lt.feePerDeliverable = { amount: Number(a), currency };
    }
    terms.longTerm = lt;
  }
  return { terms, error: null };
}

export function TermsFields({ value, onChange, planError }: { value: TermsDraft; onChange: (d: TermsDraft) => void; planError?: string | null }) {
  const set = (k: keyof TermsDraft) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <>
      <div className="form-row terms-grid">
        <Field label="Flat fee (optional)" hint="Paid when a deliverable goes live.">
          {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" placeholder="600.00" value={value.flatFee} onChange={set('flatFee')} />}
        </Field>
        <Field label="Fee currency">{(id) => <input id={id} maxLength={3} value={value.currency} onChange={set('currency')} />}</Field>
      </div>
      <PlanEditor legend="Commission plan for this creator (optional)" allowNone value={value.plan} onChange={(plan) => onChange({ ...value, plan })} error={planError} />
      <div className="form-row terms-grid">
        <Field label="Usage rights">{(id) => <input id={id} maxLength={500} placeholder="organic reposts for 90 days" value={value.usageRights} onChange={set('usageRights')} />}</Field>
        <Field label="Exclusivity">{(id) => <input id={id} maxLength={500} placeholder="no competing skincare brands for 30 days" value={value.exclusivity} onChange={set('exclusivity')} />}</Field>
      </div>
      <div className="form-row terms-grid">
        <Field label="Starts on">{(id) => <input id={id} type="date" value={value.startsAt} onChange={set('startsAt')} />}</Field>
        <Field label="Ends on">{(id) => <input id={id} type="date" value={value.endsAt} onChange={set('endsAt')} />}</Field>
      </div>
      <label className="inline-check">
        <input type="checkbox" checked={value.longTerm} onChange={(e) => onChange({ ...value, longTerm: e.target.checked })} /> Long-term partnership (monthly deliverables for 3–6 months, renewable)
      </label>
      {value.longTerm ? (
        <div className="form-row terms-grid">
          <Field label="Months">
            {(id) => (
              <select id={id} value={value.months} onChange={set('months')}>
                {[3, 4, 5, 6].map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Deliverables per month" hint="e.g. 1 reel, 2 story">
            {(id, d) => <input id={id} aria-describedby={d} value={value.perMonth} onChange={set('perMonth')} />}
          </Field>
          <Field label="Fee per deliverable (optional)">{(id) => <input id={id} inputMode="decimal" value={value.feePerDeliverable} onChange={set('feePerDeliverable')} />}</Field>
        </div>
      ) : null}
    </>
  );
}

type Money = { amount: number; currency: string };
export type Terms = {
  flatFee?: Money;
  commissionPlan?: Record<string, unknown>;
  usageRights?: string;
  exclusivity?: string;
  startsAt?: string;
  endsAt?: string;
  longTerm?: { months: number; perMonth: { type: string; count: number }[]; feePerDeliverable?: Money };
};

/** The terms as a definition list. */
export function TermsList({ terms }: { terms: Terms }) {
  const rows: [string, string][] = [];
  if (terms.flatFee) rows.push(['Flat fee', formatMoney(terms.flatFee.amount, terms.flatFee.currency)]);
  if (terms.commissionPlan) rows.push(['Commission plan', describePlan(terms.commissionPlan)]);
  if (terms.usageRights) rows.push(['Usage rights', terms.usageRights]);
  if (terms.exclusivity) rows.push(['Exclusivity', terms.exclusivity]);
  if (terms.startsAt || terms.endsAt) rows.push(['Runs', `${formatDate(terms.startsAt)} – ${formatDate(terms.endsAt)}`]);
  if (terms.longTerm) {
    const lt = terms.longTerm;
    rows.push(['Long-term', `${lt.months} months: ${lt.perMonth.map((p) => `${p.count} ${p.type}`).join(' + ')} a month${lt.feePerDeliverable ? `, ${formatMoney(lt.feePerDeliverable.amount, lt.feePerDeliverable.currency)} each` : ''}`]);
  }
  if (!rows.length) return <p className="muted">No terms recorded (commissions follow the campaign's plan).</p>;
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
