import { z } from 'zod';

export const INFLUENCER_STATUSES = ['active', 'archived'] as const;
export type InfluencerStatus = (typeof INFLUENCER_STATUSES)[number];

export const HANDLE_PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'other'] as const;
export type HandlePlatform = (typeof HANDLE_PLATFORMS)[number];

/** A handle as people type it: `@name` and `name` are the same handle, stored without the `@`. */
export const Handle = z
  .string()
  .trim()
  .transform((s) => s.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .min(1, 'handle must not be empty')
      .max(100, 'handle must be at most 100 characters')
      .regex(/^[^\s\p{Cc}]+$/u, 'handle must not contain spaces'),
  );

export const Handles = z.strictObject({
  instagram: Handle.optional(),
  tiktok: Handle.optional(),
  youtube: Handle.optional(),
  x: Handle.optional(),
  other: Handle.optional(),
});
export type Handles = z.infer<typeof Handles>;

const Name = z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters');
const Email = z
  .string()
  .trim()
  .max(320, 'email must be at most 320 characters')
  .pipe(z.email('email must be a valid email address'));

export const CreateInfluencerInput = z.strictObject({
  name: Name,
  email: Email.optional(),
  handles: Handles.default({}),
});
export type CreateInfluencerInput = z.input<typeof CreateInfluencerInput>;

/** PATCH: omitted fields stay; `email: null` clears it; `handles` merges per platform, `null` removes one. */
export const UpdateInfluencerInput = z
  .strictObject({
    name: Name.optional(),
    email: Email.nullable().optional(),
    handles: z
      .strictObject({
        instagram: Handle.nullable().optional(),
        tiktok: Handle.nullable().optional(),
        youtube: Handle.nullable().optional(),
        x: Handle.nullable().optional(),
        other: Handle.nullable().optional(),
      })
      .optional(),
    /** The creator who recruited this one (multi-tier commissions pay them a share); null clears it. */
    recruitedBy: z.string().max(100).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change (name, email, handles, recruitedBy)');
export type UpdateInfluencerInput = z.input<typeof UpdateInfluencerInput>;

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 200';
const PageLimit = z.coerce.number({ message: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(200, LIMIT_MESSAGE).default(50);

export const ListInfluencersInput = z.strictObject({
  limit: PageLimit,
  cursor: z.string().min(1).max(500).optional(),
  status: z.enum(INFLUENCER_STATUSES, { message: 'status must be "active" or "archived"' }).optional(),
  q: z.string().trim().min(1, 'q must not be empty').max(200, 'q must be at most 200 characters').optional(),
});
export type ListInfluencersInput = z.input<typeof ListInfluencersInput>;

export const InfluencerIdParams = z.strictObject({ id: z.string().min(1).max(100) });

export type InfluencerDto = {
  id: string;
  name: string;
  email: string | null;
  handles: Handles;
  status: InfluencerStatus;
  recruitedBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export type InfluencerPage = { data: InfluencerDto[]; nextCursor: string | null };
