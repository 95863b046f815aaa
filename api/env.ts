import { z } from 'zod';
import { passwordProblem } from './auth/passwords.ts';
import { type AppConfig, makeConfig } from './config.ts';

/** The default embedded database, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/portal.db';

const flag01 = z.enum(['0', '1']).transform((value) => value === '1');

const origins = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(
    z.array(
      z.url({ protocol: /^https?$/ }).refine((url) => new URL(url).origin === url, {
        message: 'must be an origin: scheme://host[:port] without a path or trailing slash',
      }),
    ),
  );

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/,
      'must start with file:, libsql://, http(s):// or ws(s)://',
    )
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  PORTAL_ORIGIN: origins.optional(),
  PORTAL_ADMIN_EMAIL: z.email().optional(),
  PORTAL_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  PORTAL_DEMO: flag01.optional(),
  PORTAL_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  PORTAL_BACKFILL_DAYS: z.coerce.number().int().min(0).max(10_000).default(400),
  PORTAL_API_URL: z.url().optional(),
  PORTAL_SITE_DIR: z.string().min(1).default('dist/site'),
  PORTAL_STATEMENT_RUNS_DIR: z.string().min(1).default('data/statement-runs'),
  PORTAL_STATEMENT_RUNS_KEEP: z.coerce.number().int().min(1).max(10_000).default(12),
  PORTAL_STATEMENT_RUNS_KEEP_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
      message: 'must be an address, or a name and an address: Service status <status@example.com>',
    })
    .optional(),
  PORTAL_WEBHOOK_ALLOW_PRIVATE: flag01.optional(),
  NODE_ENV: z.string().optional(),
});

export interface ServerEnv {
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** True when DATABASE_URL was not set and the default embedded file is used. */
  defaultDatabase: boolean;
  admin: { email: string; password: string | undefined } | undefined;
  /** Whether an empty database gets the demo data set. */
  demo: boolean;
  production: boolean;
  /** Where the built site is served from (and built into on first start). */
  siteDir: string;
  /**
   * False when PORTAL_ORIGIN is unset: `config.origins` are then derived from HOST and PORT,
   * and a server started with PORT=0 derives them again from the port it got.
   */
  originsConfigured: boolean;
  config: AppConfig;
}

export class EnvError extends Error {}

/** The origins a portal listening on HOST:PORT is reached at, when PORTAL_ORIGIN is unset. */
export function ownOrigins(host: string, port: number): string[] {
  const origins = [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  if (host === '127.0.0.1') origins.push(`http://localhost:${port}`);
  return origins;
}

/** `Service status <status@HOST>` for the first PORTAL_ORIGIN's host (localhost without one). */
export function defaultMailFrom(origin: string | undefined): string {
  const host = origin === undefined ? 'localhost' : new URL(origin).hostname;
  return `Service status <status@${host.replace(/^\[|\]$/g, '')}>`;
}

/** The only reader of process.env: parses it once, with messages naming the variable. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  const production = value.NODE_ENV === 'production';
  const defaultDatabase = value.DATABASE_URL === undefined;
  if (value.PORTAL_ADMIN_PASSWORD && !value.PORTAL_ADMIN_EMAIL) {
    throw new EnvError(
      'Invalid environment:\n  PORTAL_ADMIN_PASSWORD is set without PORTAL_ADMIN_EMAIL',
    );
  }
  if (value.PORTAL_ADMIN_PASSWORD && value.PORTAL_ADMIN_EMAIL) {
    // The same rules as every password a person sets (decision 123).
    const problem = passwordProblem(value.PORTAL_ADMIN_PASSWORD, value.PORTAL_ADMIN_EMAIL);
    if (problem !== null) {
      throw new EnvError(
        `Invalid environment:\n  PORTAL_ADMIN_PASSWORD: this password ${problem}; choose another.`,
      );
    }
  }
  // Demo data: on by default only for the default embedded database outside production;
  // PORTAL_DEMO=1 asks for it elsewhere (never in production).
  const demo = production ? false : (value.PORTAL_DEMO ?? defaultDatabase);
  const port = value.PORT;
  return {
    host: value.HOST,
    port,
    databaseUrl: value.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    databaseAuthToken: value.DATABASE_AUTH_TOKEN,
    defaultDatabase,
    admin: value.PORTAL_ADMIN_EMAIL
      ? { email: value.PORTAL_ADMIN_EMAIL.toLowerCase(), password: value.PORTAL_ADMIN_PASSWORD }
      : undefined,
    demo,
    production,
    siteDir: value.PORTAL_SITE_DIR,
    originsConfigured: value.PORTAL_ORIGIN !== undefined,
    config: makeConfig({
      origins: value.PORTAL_ORIGIN ?? ownOrigins(value.HOST, port),
      trustedProxyHops: value.PORTAL_TRUSTED_PROXIES,
      smtpUrl: value.SMTP_URL ?? null,
      mailFrom: value.MAIL_FROM ?? defaultMailFrom(value.PORTAL_ORIGIN?.[0]),
      webhookAllowPrivate: value.PORTAL_WEBHOOK_ALLOW_PRIVATE ?? false,
      backfillDays: value.PORTAL_BACKFILL_DAYS,
      statementRunsDir: value.PORTAL_STATEMENT_RUNS_DIR,
      statementRunsKeep: value.PORTAL_STATEMENT_RUNS_KEEP,
      statementRunsKeepDays: value.PORTAL_STATEMENT_RUNS_KEEP_DAYS,
    }),
  };
}

/**
 * Where the site build reads its data: the API in-process, or over HTTP when built elsewhere;
 * and the instant it renders (set by the portal that asked for the build, from its clock).
 */
export function readSiteEnv(env: NodeJS.ProcessEnv = process.env): {
  apiUrl: string | undefined;
  asOfMs: number | undefined;
} {
  const parsed = z
    .object({
      PORTAL_API_URL: z.url().optional(),
      PORTAL_SITE_AS_OF_MS: z.coerce.number().int().nonnegative().optional(),
    })
    .safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new EnvError(
      `Invalid environment:\n${names
        .map((name) =>
          name === 'PORTAL_API_URL'
            ? '  PORTAL_API_URL: must be a URL'
            : `  ${name}: must be milliseconds since 1970`,
        )
        .join('\n')}`,
    );
  }
  return { apiUrl: parsed.data.PORTAL_API_URL, asOfMs: parsed.data.PORTAL_SITE_AS_OF_MS };
}
