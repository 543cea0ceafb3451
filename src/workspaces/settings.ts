import { z } from 'zod';
import { AttributionSettingsSchema } from '../attribution/index.ts';

/** Per-workspace settings, stored as JSON on the workspace and validated on the way in and out. */
export const WorkspaceSettings = z.strictObject({
  clickIdParam: z
    .string()
    .regex(/^[A-Za-z0-9_.~-]{1,64}$/, 'clickIdParam may hold letters, digits and _ . ~ - (at most 64)')
    .refine((s) => !/^utm_/i.test(s), 'clickIdParam must not start with utm_')
    .default('adv_click'),
  uniqueWindowHours: z.number().int('uniqueWindowHours must be a whole number').min(1).max(24 * 90).default(24),
  /** Model, window, coupon-vs-click precedence, lifetime binding, fraud thresholds (replaced as a whole). */
  attribution: AttributionSettingsSchema.prefault({}),
  /** Smallest payout per currency in minor units, e.g. { "USD": 5000 }; creators may ask for more. */
  payoutThresholds: z
    .record(z.string().regex(/^[A-Z]{3}$/, 'payoutThresholds keys are ISO 4217 codes'), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .default({}),
  /** The brand's account for SEPA exports (debtor). */
  payoutAccount: z.strictObject({ name: z.string().min(1).max(70), iban: z.string().max(34), bic: z.string().max(11).nullable().default(null) }).optional(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export const WorkspaceSettingsPatch = WorkspaceSettings.partial();

/** Reads stored settings, filling defaults; a stored value that no longer validates falls back to its default. */
export function readSettings(stored: unknown): WorkspaceSettings {
  const obj = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const parsed = WorkspaceSettings.safeParse(obj);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (WorkspaceSettings.shape[k as keyof WorkspaceSettings]?.safeParse(v).success) out[k] = v;
  }
  return WorkspaceSettings.parse(out);
}
