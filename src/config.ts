import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'TRUST_PROXY must be false, true, a number of proxy hops, or proxy addresses/CIDRs separated by commas')
    .default('1'),
  DATABASE_POOL_SIZE: z.coerce.number().int('DATABASE_POOL_SIZE must be a whole number').min(2).max(200).default(10),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'DATABASE_SCHEMA must be a plain lower-case identifier').optional(),
  ADVOCATE_DATA_DIR: z.string().default('.advocate'),
  ADVOCATE_PUBLIC_URL: z.string().url().optional(),
  ADVOCATE_WEB_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NODE_ENV: z.string().default('production'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  ADVOCATE_MAIL_FROM: z.string().default('Advocate <advocate@localhost>'),
  ADVOCATE_CLICK_RETENTION_MONTHS: z.coerce
    .number()
    .int('ADVOCATE_CLICK_RETENTION_MONTHS must be a whole number of months')
    .refine((n) => n === 0 || (n >= 3 && n <= 1200), 'ADVOCATE_CLICK_RETENTION_MONTHS must be 0 (keep every click) or 3 to 1200 months')
    .default(0),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/[^,\s]+(,(nats|tls):\/\/[^,\s]+)*$/, 'NATS_URL must be nats://host:port (several servers separated by commas)')
    .optional(),
  NATS_STREAM: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'NATS_STREAM must be a plain identifier (letters, digits, _)').default('ADVOCATE_CLICKS'),
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
});

export type Config = {
  port: number;
  host: string;
  /** Set: real PostgreSQL. Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /**
   * Which X-Forwarded-For entries to believe for the client address (rate limits, visitor hashing):
   * `false` (directly exposed), hops behind proxies (default 1: the address the last proxy saw), proxy
   * addresses/CIDRs, or `true` (the leftmost entry: only when every proxy overwrites the header).
   */
  trustProxy: boolean | number | string[];
  /** PostgreSQL connections per process (requests in flight that touch the database). */
  databasePoolSize: number;
  /** PostgreSQL schema to use (tests give each suite its own). */
  databaseSchema: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  /** The built dashboard to serve (default web/dist of this checkout). */
  webDir: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Unset: emails are only logged (and kept as in-app notices). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Raw clicks older than this many whole months are dropped (0 keeps them); rollups stay. */
  clickRetentionMonths: number;
  /** Set: clicks go to a NATS JetStream stream before the 302 and are batched into the database. */
  natsUrl: string | undefined;
  /** The JetStream stream; its lower-cased name prefixes the click subjects. */
  natsStream: string;
  /** Copies of the stream kept by a NATS cluster (3 on a cluster, 1 on a single server). */
  natsReplicas: number;
};

/**
 * Parses the environment once at boot; nothing else reads process.env.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY.split(','),
    dataDir: path.resolve(e.ADVOCATE_DATA_DIR),
    publicUrl: e.ADVOCATE_PUBLIC_URL?.replace(/\/$/, ''),
    webDir: e.ADVOCATE_WEB_DIR ? path.resolve(e.ADVOCATE_WEB_DIR) : undefined,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.ADVOCATE_MAIL_FROM,
    clickRetentionMonths: e.ADVOCATE_CLICK_RETENTION_MONTHS,
    natsUrl: e.NATS_URL,
    natsStream: e.NATS_STREAM,
    natsReplicas: e.NATS_STREAM_REPLICAS,
    ...overrides,
  };
}
