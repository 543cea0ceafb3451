import { localDay, parseMoney, toDecimalString } from '../../lib/format.ts';
import { draftToPlan, emptyPlanDraft, planToDraft, type PlanDraft } from './plan-editor.tsx';
import { dayToIso } from './terms-fields.tsx';
import type { Campaign } from './types.ts';

// The campaign form's state and its translation to POST/PATCH /api/v1/campaigns bodies.

export type CampaignDraft = {
  name: string;
  destinationUrl: string;
  goal: string;
  status: string;
  startsAt: string;
  endsAt: string;
  budget: string;
  currency: string;
  plan: PlanDraft;
  briefText: string;
  niches: string;
  countries: string;
  ages: string[];
  genders: string[];
  guidelines: string;
  template: string;
  /** Anything else of the API body (slug, allowedDomains, utmEnabled), as JSON. */
  advanced: string;
};

export const newCampaignDraft = (): CampaignDraft => ({
  name: '',
  destinationUrl: '',
  goal: 'sales',
  status: 'active',
  startsAt: '',
  endsAt: '',
  budget: '',
  currency: 'USD',
  plan: emptyPlanDraft('percent'),
  briefText: '',
  niches: '',
  countries: '',
  ages: [],
  genders: [],
  guidelines: '',
  template: '',
  advanced: '',
});

const list = (s: string) => s.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);

export function campaignToDraft(c: Campaign): CampaignDraft {
  const ta = c.brief.targetAudience ?? {};
  return {
    name: c.name,
    destinationUrl: c.destinationUrl,
    goal: c.goal ?? '',
    status: c.status,
    startsAt: c.startsAt ? localDay(new Date(c.startsAt)) : '',
    endsAt: c.endsAt ? localDay(new Date(c.endsAt)) : '',
    budget: c.budget ? toDecimalString(c.budget.amount, c.budget.currency) : '',
    currency: c.budget?.currency ?? 'USD',
    plan: planToDraft(c.commissionPlan, 'none'),
    briefText: c.brief.text ?? '',
    niches: (c.brief.niches ?? []).join(', '),
    countries: (ta.countries ?? []).join(', '),
    ages: ta.ages ?? [],
    genders: ta.genders ?? [],
    guidelines: c.guidelines ?? '',
    template: c.deliverablesTemplate.map((t) => `${t.count} ${t.type} in ${t.dueInDays} days`).join(', '),
    advanced: JSON.stringify({ slug: c.slug, allowedDomains: c.allowedDomains, utmEnabled: c.utmEnabled }, null, 2),
  };
}

/** "2 reel in 14 days, 3 story in 7 days" → the deliverables template. */
function parseTemplate(text: string): { type: string; count: number; dueInDays: number }[] | null {
  const out: { type: string; count: number; dueInDays: number }[] = [];
  for (const part of text.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)\s*[x×]?\s*([\w-]+?)s?\s+(?:in|within|after)\s+(\d+)\s*days?$/i.exec(part);
    if (!m) return null;
    out.push({ count: Number(m[1]), type: m[2]!.toLowerCase(), dueInDays: Number(m[3]) });
  }
  return out;
}

/** The form → an API body, or the first problem in words. `editing` sends clears (null) too. */
export function draftToBody(d: CampaignDraft, editing: boolean): { body: Record<string, unknown>; error: string | null } {
  const body: Record<string, unknown> = { name: d.name.trim(), destinationUrl: d.destinationUrl.trim() };
  if (d.goal) body.goal = d.goal;
  else if (editing) body.goal = null;
  body.status = d.status;
  if (d.startsAt) body.startsAt = dayToIso(d.startsAt);
  else if (editing) body.startsAt = null;
  if (d.endsAt) body.endsAt = dayToIso(d.endsAt);
  else if (editing) body.endsAt = null;
  if (d.startsAt && d.endsAt && d.endsAt < d.startsAt) return { body, error: 'The end date is before the start date.' };
  const currency = d.currency.trim().toUpperCase();
  if (d.budget.trim()) {
    if (!/^[A-Z]{3}$/.test(currency)) return { body, error: 'The budget currency must be a 3-letter code such as USD.' };
    const a = parseMoney(d.budget, currency);
    if (a === null || a < 0n) return { body, error: `The budget must be an amount in ${currency}, e.g. 5000.00.` };
    body.budget = { amount: Number(a), currency };
  } else if (editing) body.budget = null;
  const plan = draftToPlan(d.plan);
  if (plan.error) return { body, error: plan.error };
  if (plan.plan) body.commissionPlan = plan.plan;
  body.brief = {
    text: d.briefText,
    niches: list(d.niches.toLowerCase()),
    targetAudience: { countries: list(d.countries.toUpperCase()), ages: d.ages, genders: d.genders },
  };
  if (d.guidelines.trim()) body.guidelines = d.guidelines;
  else if (editing) body.guidelines = null;
  const template = parseTemplate(d.template);
  if (!template) return { body, error: 'Deliverables template: write it like “2 reel in 14 days, 3 story in 7 days”.' };
  if (template.length || editing) body.deliverablesTemplate = template;
  if (d.advanced.trim()) {
    try {
      const extra = JSON.parse(d.advanced) as unknown;
      if (!extra || typeof extra !== 'object' || Array.isArray(extra)) return { body, error: 'Advanced fields must be a JSON object.' };
      Object.assign(body, extra);
    } catch (e) {
      return { body, error: `Advanced fields are not valid JSON: ${(e as Error).message}` };
    }
  }
  return { body, error: null };
}
