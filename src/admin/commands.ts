import { z } from 'zod';
import { dropExpiredClicks, listClickPartitions } from '../clicks/click-partitions.ts';
import { createApiKey, listApiKeys, revokeApiKey, SCOPES } from '../api-keys/index.ts';
import type { Database } from '../db/client.ts';
import { importCreators } from '../discovery/index.ts';
import { migrate } from '../db/migrate.ts';
import type { Context, SystemContext } from '../shared/context.ts';
import { createUser, ROLES } from '../users/index.ts';
import { createWorkspace, CreateWorkspaceInput, getWorkspaceBySlug, listWorkspaces, WorkspaceSlug } from '../workspaces/index.ts';
import { seedDemo } from './seed-demo.ts';

type Command<I extends z.ZodType> = { input: I; run(ctx: SystemContext, input: z.infer<I>, database: Database): Promise<unknown> };
const command = <I extends z.ZodType>(c: Command<I>) => c;

async function inWorkspace(ctx: SystemContext, slug: string): Promise<Context> {
  const ws = await getWorkspaceBySlug({ ctx, input: { slug } });
  return { ...ctx, workspaceId: ws.id };
}

/**
 * Operations the CLI offers. They run in the CLI process, or — when the server holds the embedded
 * database — inside the server, sent over its control socket. Either way the same verbs do the work.
 */
export const COMMANDS = {
  migrate: command({
    input: z.strictObject({}),
    run: async (_ctx, _input, database) => ({ applied: (await migrate(database.db)).map((m) => `${m.version}_${m.name}`) }),
  }),
  'workspace.create': command({ input: CreateWorkspaceInput, run: (ctx, input) => createWorkspace({ ctx, input }) }),
  'workspace.list': command({ input: z.strictObject({}), run: (ctx) => listWorkspaces({ ctx }) }),
  'keys.create': command({
    input: z.strictObject({ workspace: WorkspaceSlug, name: z.string().optional(), scopes: z.array(z.enum(SCOPES)).min(1).optional() }),
    run: async (ctx, input) => createApiKey({ ctx: await inWorkspace(ctx, input.workspace), input: { name: input.name, scopes: input.scopes } }),
  }),
  'keys.list': command({
    input: z.strictObject({ workspace: WorkspaceSlug }),
    run: async (ctx, input) => listApiKeys({ ctx: await inWorkspace(ctx, input.workspace) }),
  }),
  'keys.revoke': command({
    input: z.strictObject({ workspace: WorkspaceSlug, id: z.string().min(1) }),
    run: async (ctx, input) => revokeApiKey({ ctx: await inWorkspace(ctx, input.workspace), input: { id: input.id } }),
  }),
  'user.create': command({
    input: z.strictObject({ workspace: WorkspaceSlug, email: z.string(), password: z.string(), role: z.enum(ROLES).default('member'), name: z.string().optional() }),
    run: async (ctx, input) =>
      createUser({ ctx: await inWorkspace(ctx, input.workspace), input: { email: input.email, password: input.password, role: input.role, name: input.name } }),
  }),
  'import.creators': command({
    input: z.strictObject({
      workspace: WorkspaceSlug,
      format: z.enum(['csv', 'json']),
      content: z.string(),
      skipInvalid: z.boolean().default(false),
      dryRun: z.boolean().default(false),
      rows: z.array(z.number().int().min(1)).optional(),
    }),
    run: async (ctx, { workspace, ...input }) => importCreators({ ctx: await inWorkspace(ctx, workspace), input }),
  }),
  'clicks.partitions': command({
    input: z.strictObject({}),
    run: async (_ctx, _input, database) => ({ partitions: await listClickPartitions(database.db, true) }),
  }),
  'clicks.prune': command({
    input: z.strictObject({ keepMonths: z.number().int().min(3, 'keep at least 3 months of clicks').max(1200) }),
    run: async (_ctx, input, database) => dropExpiredClicks(database.db, input.keepMonths),
  }),
  demo: command({
    input: z.strictObject({ password: z.string().min(10).optional() }),
    run: (ctx, input) => seedDemo({ ctx, input }),
  }),
} as const;

export type CommandName = keyof typeof COMMANDS;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** Validates the input and runs one command with a system actor. */
export async function runCommand(name: CommandName, rawInput: unknown, ctx: SystemContext, database: Database): Promise<unknown> {
  const spec = COMMANDS[name] as Command<z.ZodType>;
  const input = spec.input.parse(rawInput);
  return spec.run(ctx, input, database);
}
