import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { getPartnershipRow } from './partnership-verbs.ts';

/** Relative effort and reach of a format (a long video costs the creator most, a story least). */
export const FORMAT_FACTOR: Record<string, number> = { story: 0.5, image: 1, carousel: 1.15, reel: 1.3, video: 2, text: 0.6 };
/** Platforms differ in what a follower is worth to advertisers (YouTube subscribers watch longer). */
export const PLATFORM_FACTOR: Record<string, number> = { instagram: 1, tiktok: 0.9, youtube: 1.6, x: 0.6, other: 0.8 };
/** Market rule of thumb: about 10 USD per 1,000 followers for a feed post (100 USD per 10K). */
const USD_PER_THOUSAND = 1000; // minor units
const TYPICAL_ER = 0.02;

const round100 = (minor: number) => Math.round(minor / 100) * 100;

/**
 * A fee to negotiate from, with its basis: followers × market rate × format × platform, adjusted by
 * engagement against a typical 2%, blended half-and-half with the brand's own past fees per 1,000
 * followers for this format when it has at least three. In USD minor units.
 */
export async function suggestFee({ ctx, input }: { ctx: Context; input: { partnershipId: string; format: string } }) {
  const p = await getPartnershipRow(ctx, input.partnershipId);
  const m = await ctx.db.selectFrom('creator_metrics').select(['followers', 'er_median', 'primary_platform']).where('workspace_id', '=', ctx.workspaceId).where('influencer_id', '=', p.influencer_id).executeTakeFirst();
  if (!m || !m.followers) throw new AppError('PRECONDITION_FAILED', 'No follower data for this creator: import their profile (discovery) first');
  const format = FORMAT_FACTOR[input.format] !== undefined ? input.format : 'image';
  const platform = m.primary_platform ?? 'other';
  const er = m.er_median ?? TYPICAL_ER;
  const erFactor = Math.min(2, Math.max(0.5, er / TYPICAL_ER));
  const market = (m.followers / 1000) * USD_PER_THOUSAND * FORMAT_FACTOR[format]! * (PLATFORM_FACTOR[platform] ?? 0.8) * erFactor;
  const past = await sql<{ per_k: number }>`
    select d.fee_amount::float8 / greatest(cm.followers, 1) * 1000 as per_k
    from deliverables d join partnerships s on s.id = d.partnership_id
    join creator_metrics cm on cm.influencer_id = s.influencer_id and cm.workspace_id = s.workspace_id
    where d.workspace_id = ${ctx.workspaceId} and d.type = ${format} and d.fee_currency = 'USD' and d.fee_amount is not null
    order by d.created_at desc limit 50`.execute(ctx.db);
  const perK = past.rows.map((r) => r.per_k).sort((a, b) => a - b);
  const median = perK.length ? perK[Math.floor(perK.length / 2)]! : null;
  const own = median !== null && perK.length >= 3 ? (m.followers / 1000) * median : null;
  const fee = round100(own !== null ? (market + own) / 2 : market);
  return {
    currency: 'USD',
    amount: fee,
    range: { low: round100(fee * 0.75), high: round100(fee * 1.25) },
    basis: [
      { factor: 'followers', value: m.followers, explanation: `${m.followers.toLocaleString('en')} followers × 10 USD per 1,000` },
      { factor: 'format', value: FORMAT_FACTOR[format], explanation: `${format} × ${FORMAT_FACTOR[format]}` },
      { factor: 'platform', value: PLATFORM_FACTOR[platform] ?? 0.8, explanation: `${platform} × ${PLATFORM_FACTOR[platform] ?? 0.8}` },
      { factor: 'engagement', value: Math.round(erFactor * 100) / 100, explanation: `median ER ${(er * 100).toFixed(2)}% vs a typical 2% → × ${erFactor.toFixed(2)} (bounded 0.5–2)` },
      {
        factor: 'your past deals',
        value: own === null ? null : round100(own),
        explanation: own === null ? `fewer than 3 past ${format} fees in USD: market rate only` : `median of ${perK.length} past ${format} fees: ${(median! / 100).toFixed(2)} USD per 1,000 followers, averaged with the market rate`,
      },
    ],
    note: 'Micro-creators (10K–100K followers) typically charge 500–5,000 USD a post.',
  };
}
