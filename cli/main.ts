import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../src/config.ts';
import { AppError } from '../src/shared/errors.ts';
import { randomBase62 } from '../src/shared/secrets.ts';
import { serveWithWorkers } from '../src/cluster.ts';
import { execute } from './backend.ts';
import { importCommand } from './import-creators.ts';
import { askHidden, readStdin } from './prompt.ts';

type Row = Record<string, unknown>;

const print = (line = '') => process.stdout.write(`${line}\n`);
const asJson = (value: unknown) => print(JSON.stringify(value, null, 2));

function parseScopes(value: string): string[] {
  const scopes = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => s !== 'read' && s !== 'write');
  if (bad.length || scopes.length === 0) throw new InvalidArgumentError('scopes are a comma-separated list of read, write');
  return scopes;
}

/** The `advocate` command line; every command calls a verb, locally or through the running server. */
export function buildCli(config: () => Config): Command {
  const program = new Command('advocate').description('Advocate: run a micro-influencer affiliate program').showHelpAfterError();

  program
    .command('serve')
    .description('start the API and web app')
    .option('-p, --port <port>', 'port (default: PORT or 3000)')
    .option('-w, --workers <n>', 'server processes sharing the port (needs DATABASE_URL)', '1')
    .action(async (opts: { port?: string; workers: string }) => {
      const cfg = config();
      if (opts.port) cfg.port = Number(opts.port);
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new InvalidArgumentError('--workers must be a whole number from 1 to 64');
      await serveWithWorkers(cfg, workers);
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const r = (await execute(config(), 'migrate', {})) as { applied: string[] };
      print(r.applied.length ? `Applied ${r.applied.join(', ')}` : 'Database is up to date');
    });

  const ws = program.command('workspace').description('manage workspaces');
  ws.command('create <slug>')
    .option('--name <name>', 'display name')
    .option('--json', 'print JSON')
    .action(async (slug: string, opts: { name?: string; json?: boolean }) => {
      const w = (await execute(config(), 'workspace.create', { slug, ...(opts.name ? { name: opts.name } : {}) })) as Row;
      if (opts.json) {
        asJson(w);
        return;
      }
      print(`Created workspace ${w.slug} (${w.id})`);
    });
  ws.command('list').action(async () => {
    for (const w of (await execute(config(), 'workspace.list', {})) as Row[]) print(`${w.slug}\t${w.id}\t${w.name}`);
  });

  const keys = program.command('keys').description('manage API keys');
  keys
    .command('create')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--scopes <scopes>', 'comma-separated: read,write', parseScopes, ['read', 'write'])
    .option('--name <name>', 'a label for the key')
    .action(async (opts: { workspace: string; scopes: string[]; name?: string }) => {
      const r = (await execute(config(), 'keys.create', { workspace: opts.workspace, scopes: opts.scopes, ...(opts.name ? { name: opts.name } : {}) })) as {
        apiKey: Row;
        secret: string;
      };
      print(`Created API key ${r.apiKey.id} (prefix ${r.apiKey.prefix}, scopes ${(r.apiKey.scopes as string[]).join(',')}) in workspace ${opts.workspace}.`);
      print('It is shown only once; store it now:');
      print(r.secret);
    });
  keys
    .command('list')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .action(async (opts: { workspace: string }) => {
      const list = (await execute(config(), 'keys.list', { workspace: opts.workspace })) as Row[];
      if (list.length === 0) print('No API keys');
      for (const k of list) {
        const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`;
        print(`${k.id}\t${k.prefix}…\t${(k.scopes as string[]).join(',')}\t${k.name}\t${state}`);
      }
    });
  keys
    .command('revoke <idOrPrefix>')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .action(async (id: string, opts: { workspace: string }) => {
      const k = (await execute(config(), 'keys.revoke', { workspace: opts.workspace, id })) as Row;
      print(`Revoked ${k.id} (${k.prefix}…)`);
    });

  const user = program.command('user').description('manage dashboard users');
  user
    .command('create')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', 'login email')
    .option('--role <role>', 'owner, admin or member', 'member')
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { workspace: string; email: string; role: string; name?: string; passwordStdin?: boolean }) => {
      let password: string;
      let generated = false;
      if (opts.passwordStdin) password = (await readStdin()).replace(/\r?\n$/, '');
      else if (process.stdin.isTTY) password = await askHidden(`Password for ${opts.email} (empty to generate one): `);
      else password = '';
      if (!password) {
        password = randomBase62(20);
        generated = true;
      }
      const u = (await execute(config(), 'user.create', { workspace: opts.workspace, email: opts.email, password, role: opts.role, ...(opts.name ? { name: opts.name } : {}) })) as Row;
      print(`Added ${u.email} to ${opts.workspace} as ${u.role} (${u.id})`);
      if (generated) {
        print('Generated password (shown once):');
        print(password);
      }
    });

  const clicks = program.command('clicks').description('raw click storage (monthly partitions)');
  clicks
    .command('partitions')
    .description('list the monthly partitions of the clicks table with their row counts')
    .action(async () => {
      const r = (await execute(config(), 'clicks.partitions', {})) as { partitions: { name: string; from: string; to: string; rows: number }[] };
      for (const p of r.partitions) print(`${p.name}\t${String(p.from).slice(0, 10)}\t${String(p.to).slice(0, 10)}\t${p.rows}`);
    });
  clicks
    .command('prune')
    .description('drop raw clicks older than N whole months (rollups, and so reports, keep their totals)')
    .requiredOption('--keep-months <n>', 'months of raw clicks to keep (at least 3)', (v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('--keep-months must be a whole number');
      return Number(v);
    })
    .action(async (opts: { keepMonths: number }) => {
      const r = (await execute(config(), 'clicks.prune', { keepMonths: opts.keepMonths })) as { dropped: string[]; deleted: number };
      print(r.dropped.length > 0 ? `Dropped ${r.dropped.join(', ')}` : 'No month partition was old enough to drop');
      if (r.deleted > 0) print(`Deleted ${r.deleted} older clicks from the default partition`);
    });

  program
    .command('demo')
    .description('create a workspace "demo" filled with realistic data')
    .action(async () => {
      process.stderr.write('Creating the demo workspace (creators, campaigns, links, two months of clicks)…\n');
      const r = (await execute(config(), 'demo', {})) as { workspace: Row; login: { email: string; password: string }; apiKey: string; created: Record<string, number> };
      const made = Object.entries(r.created).map(([k, v]) => `${v} ${k}`).join(', ');
      print(`Created workspace ${r.workspace.slug}: ${made}.`);
      print(`Dashboard login: ${r.login.email} / ${r.login.password}`);
      print('API key (shown once):');
      print(r.apiKey);
    });
  program.addCommand(importCommand(config));
  return program;
}

/** Runs the CLI; user mistakes print one clear line and exit 1, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  let cfg: Config | undefined;
  const config = () => (cfg ??= loadConfig(process.env));
  try {
    await buildCli(config).parseAsync(argv);
  } catch (err) {
    const message = err instanceof AppError ? `${err.message}` : err instanceof Error ? err.message : String(err);
    process.stderr.write(`advocate: ${message}\n`);
    if (!(err instanceof AppError)) process.stderr.write(`${(err as Error).stack ?? ''}\n`.replace(/^[^\n]*\n/, ''));
    process.exitCode = 1;
  }
}
