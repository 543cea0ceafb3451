import type { CreatorContext } from './creator-context.ts';

export type CreatorPayoutDetailsDto = {
  method: 'paypal' | 'bank';
  paypalEmail: string | null;
  /** Masked: the country code and check digits, then the last four characters ("DE89…3000"). */
  iban: string | null;
  bic: string | null;
  accountHolder: string | null;
  minimumPayout: Record<string, number>;
  updatedAt: string;
};

/** Where the creator is paid, with the IBAN masked (the same masking as setPayoutDetails' answer); null when not set. */
export async function getCreatorPayoutDetails({ ctx }: { ctx: CreatorContext }): Promise<CreatorPayoutDetailsDto | null> {
  const row = await ctx.db.selectFrom('payout_details').selectAll().where('workspace_id', '=', ctx.workspaceId).where('influencer_id', '=', ctx.influencerId).executeTakeFirst();
  if (!row) return null;
  return {
    method: row.method,
    paypalEmail: row.paypal_email,
    iban: row.iban ? `${row.iban.slice(0, 4)}…${row.iban.slice(-4)}` : null,
    bic: row.bic,
    accountHolder: row.account_holder,
    minimumPayout: typeof row.minimum_payout === 'string' ? (JSON.parse(row.minimum_payout) as Record<string, number>) : row.minimum_payout,
    updatedAt: row.updated_at.toISOString(),
  };
}
