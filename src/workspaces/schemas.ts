import { z } from 'zod';
import { WorkspaceSettingsPatch, type WorkspaceSettings } from './settings.ts';

export const WorkspaceSlug = z
  .string()
  .min(2, 'slug must be at least 2 characters')
  .max(40, 'slug must be at most 40 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'slug may hold only lower-case letters, digits and inner hyphens');

export const CreateWorkspaceInput = z.strictObject({
  slug: WorkspaceSlug,
  name: z.string().trim().min(1).max(120).optional(),
});
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInput>;

export type WorkspaceDto = { id: string; slug: string; name: string; settings: WorkspaceSettings; createdAt: string };

export const UpdateWorkspaceInput = z
  .strictObject({
    name: z.string().trim().min(1, 'name must not be empty').max(120, 'name must be at most 120 characters').optional(),
    settings: WorkspaceSettingsPatch.optional(),
  })
  .refine((v) => v.name !== undefined || v.settings !== undefined, 'give at least one field to change (name, settings)');
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>;
