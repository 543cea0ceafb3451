import { z } from 'zod';

export const ROLES = ['owner', 'admin', 'member'] as const;

export const Email = z.string().trim().toLowerCase().pipe(z.email({ message: 'email must be a valid address' })).pipe(z.string().max(254));
export const Password = z.string().min(10, 'password must be at least 10 characters').max(200);

export const CreateUserInput = z.strictObject({
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES, { message: 'role must be owner, admin or member' }).default('member'),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const LoginInput = z.strictObject({
  email: Email,
  password: z.string().min(1, 'password is required').max(200),
  workspace: z.string().optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export type MemberDto = { id: string; email: string; name: string | null; role: string; createdAt: string };
