import { z } from 'zod';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { validateBic, validateIban, validatePaypalEmail } from './details/index.ts';

export const PayoutDetailsInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('paypal'), paypalEmail: z.string().max(254), minimumPayout: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0)).optional() }),
  z.strictObject({
    method: z.literal('bank'),
    iban: z.string().max(64),
    bic: z.string().max(20).optional(),
    accountHolder: z.string().trim().min(1).max(140),
    minimumPayout: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0)).optional(),
  }),
], { error: 'method must be "paypal" or "bank"' });

/** Stores where a creator is paid: a PayPal email, or an IBAN (checksum verified) and BIC. */
export async function setPayoutDetails({ ctx, input }: { ctx: Context; input: { influencerId: string; details: unknown } }) {
  const d = PayoutDetailsInput.parse(input.details);
  const inf = await ctx.db.selectFrom('influencers').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.influencerId).executeTakeFirst();
  if (!inf) throw notFound('Influencer', input.influencerId);
  let values;
  if (d.method === 'paypal') {
    const email = validatePaypalEmail(d.paypalEmail);
    if (!email.ok) throw new AppError('VALIDATION', `paypalEmail: ${email.message}`);
    values = { method: 'paypal' as const, paypal_email: email.email, iban: null, bic: null, account_holder: null };
  } else {
    const iban = validateIban(d.iban);
    if (!iban.ok) throw new AppError('VALIDATION', `iban: ${iban.message}`);
    const bic = d.bic ? validateBic(d.bic) : null;
    if (bic && !bic.ok) throw new AppError('VALIDATION', `bic: ${bic.message}`);
    values = { method: 'bank' as const, paypal_email: null, iban: iban.iban, bic: bic?.ok ? bic.bic : null, account_holder: d.accountHolder };
  }
  const minimum = JSON.stringify(d.minimumPayout ?? {});
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('payout_details')
      .values({ workspace_id: ctx.workspaceId, influencer_id: inf.id, ...values, minimum_payout: minimum })
      .onConflict((oc) => oc.columns(['workspace_id', 'influencer_id']).doUpdateSet({ ...values, minimum_payout: minimum, updated_at: new Date() }))
      .execute();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'payout_details.updated', subjectId: inf.id, data: { method: d.method } });
  });
  return { influencerId: inf.id, method: values.method, paypalEmail: values.paypal_email, iban: values.iban ? `${values.iban.slice(0, 4)}…${values.iban.slice(-4)}` : null, bic: values.bic, accountHolder: values.account_holder, minimumPayout: d.minimumPayout ?? {} };
}
