/** Everything the app needs to know about its deployment, passed in (never read from env here). */
export interface AppConfig {
  /** Public origins (scheme://host[:port]) accepted by the Origin check and used for links. */
  origins: string[];
  /** Proxies in front of the API whose X-Forwarded-For entries are trusted (0: none). */
  trustedProxyHops: number;
  /** A session ends this long after its last use. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however active. */
  sessionAbsoluteMs: number;
  /** An invitation link works once, for this long. */
  invitationTtlMs: number;
  /** A password reset link works once, for this long. */
  passwordResetTtlMs: number;
  /** Largest accepted request body, in bytes (the evaluation routes have their own limits). */
  bodyLimitBytes: number;
  /** Largest body of a batch of windows (`POST /ingest/windows/batch`: up to 1,000 windows). */
  ingestBatchBodyLimitBytes: number;
  /** Largest evaluation body from a signed-in person or an API key. */
  evaluateBodyLimitBytes: number;
  /** Largest evaluation body from an anonymous caller (docs/decisions/112). */
  evaluateAnonymousBodyLimitBytes: number;
  /**
   * Sign-in failures allowed in `loginWindowMs` from browsers without a device cookie for the
   * account: per account and per client address (decision 124).
   */
  loginMaxPerAccount: number;
  loginMaxPerAddress: number;
  /** Failures allowed with one device cookie in `loginWindowMs`; then it is no longer trusted. */
  loginMaxPerDevice: number;
  loginWindowMs: number;
  /** A device cookie is trusted this long after the sign-in that issued it. */
  deviceTrustMs: number;
  /** Evaluations allowed per minute to one signed-in person or one API key. */
  evaluateMaxPerMinute: number;
  /** Evaluations allowed per minute to one client address calling anonymously. */
  evaluateAnonymousMaxPerMinute: number;
  /** Evaluation bodies above this size run in a worker thread, not on the event loop. */
  evaluateInlineMaxBytes: number;
  /** Worker threads for evaluations, and how many evaluations may wait for one (then 503). */
  evaluateWorkers: number;
  evaluateQueueMax: number;
  /**
   * How far before a service's monitoredSince a window may start (late backfills of
   * history), in days: docs/decisions/111.
   */
  backfillDays: number;
  /** How far past now a window may reach: a monitor's clock may run a little ahead. */
  clockSkewMs: number;
  /** Argon2id cost. Production uses OWASP's parameters; tests may lower them. */
  passwordHashing: { memoryCostKiB: number; timeCost: number; parallelism: number };
  /** Seconds public responses may be cached, and served stale while revalidating. */
  publicMaxAgeSeconds: number;
  publicStaleSeconds: number;
  /**
   * The SMTP relay mail goes through (`smtp://host:port`, `smtps://user:pass@host`); null
   * keeps every message in the development mailbox of the staff console (decision 151).
   */
  smtpUrl: string | null;
  /** The From of every message, e.g. `Service status <status@example.com>`. */
  mailFrom: string;
  /** A "Forgot password" link works once, for this long (decision 152). */
  passwordRecoveryTtlMs: number;
  /**
   * Requests allowed in `notifyRequestWindowMs` for "Forgot password" and subscriptions:
   * per client address (beyond it: 429), and per email address (beyond it: still 202, but
   * no more mail, so the answer says nothing about the address).
   */
  notifyRequestsPerAddress: number;
  notifyRequestsPerEmail: number;
  notifyRequestWindowMs: number;
  /** The outbox worker (decision 150). */
  outbox: OutboxSettings;
  /**
   * Webhooks may reach loopback, private and link-local addresses, and plain http
   * (PORTAL_WEBHOOK_ALLOW_PRIVATE=1): for development and tests only (decision 154).
   */
  webhookAllowPrivate: boolean;
  /** A webhook attempt is abandoned (and retried later) after this long. */
  /**
   * Where statement runs started by staff keep their archives and statuses (ADR 174);
   * relative paths are read from the working directory.
   */
  statementRunsDir: string;
  /**
   * Retention of statement runs (ADR 168): a run is deleted, archive and row, once it is
   * neither one of the newest `statementRunsKeep` finished runs nor younger than
   * `statementRunsKeepDays` days.
   */
  statementRunsKeep: number;
  statementRunsKeepDays: number;
  webhookTimeoutMs: number;
  /** After a rotation, the previous signing secret keeps signing this long. */
  webhookSecretOverlapMs: number;
}

export interface OutboxSettings {
  /** After this many failed attempts an item is dead (staff may retry it). */
  maxAttempts: number;
  /** How long a worker holds a claimed item before another may take it (after a crash). */
  leaseMs: number;
  /** The wait after the first failure; each later one is `backoffFactor` times longer. */
  backoffBaseMs: number;
  backoffFactor: number;
  backoffMaxMs: number;
  /** How often a running worker looks for due items. */
  pollMs: number;
  /** Items one worker claims at a time. */
  batchSize: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const defaultConfig: AppConfig = {
  origins: ['http://127.0.0.1:8787', 'http://localhost:8787'],
  trustedProxyHops: 0,
  // OWASP session guidance for a portal handling money: short idle, bounded absolute.
  sessionIdleMs: 2 * HOUR_MS,
  sessionAbsoluteMs: 12 * HOUR_MS,
  invitationTtlMs: 72 * HOUR_MS,
  // Long enough for an admin to reach the person by another channel, short enough to go stale.
  passwordResetTtlMs: 24 * HOUR_MS,
  bodyLimitBytes: 64 * 1024,
  // 1,000 windows of the longest fields allowed (ids of 200 characters) with room for spaces.
  ingestBatchBodyLimitBytes: 1024 * 1024,
  // A case may carry thousands of windows: callers we know may send them.
  evaluateBodyLimitBytes: 4 * 1024 * 1024,
  // Enough for a month of a busy service's windows; anyone may send it, so it stays small.
  evaluateAnonymousBodyLimitBytes: 256 * 1024,
  loginMaxPerAccount: 10,
  loginMaxPerAddress: 50,
  loginMaxPerDevice: 10,
  loginWindowMs: 15 * MINUTE_MS,
  // Renewed at every sign-in: someone who signs in twice a year keeps a trusted browser.
  deviceTrustMs: 180 * 24 * HOUR_MS,
  evaluateMaxPerMinute: 60,
  // Anonymous callers share nothing but an address: a third of a known caller's budget.
  evaluateAnonymousMaxPerMinute: 20,
  // Below this, parsing and evaluating take about a millisecond: a worker would cost more.
  evaluateInlineMaxBytes: 64 * 1024,
  // One thread keeps a core for the API on a two-core machine; the queue bounds the backlog.
  evaluateWorkers: 1,
  evaluateQueueMax: 8,
  backfillDays: 400,
  clockSkewMs: 5 * MINUTE_MS,
  // OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
  passwordHashing: { memoryCostKiB: 19_456, timeCost: 2, parallelism: 1 },
  publicMaxAgeSeconds: 10,
  publicStaleSeconds: 60,
  smtpUrl: null,
  mailFrom: 'Service status <status@localhost>',
  // OWASP Forgot Password Cheat Sheet: a short-lived token the person uses at once.
  passwordRecoveryTtlMs: 30 * MINUTE_MS,
  notifyRequestsPerAddress: 20,
  notifyRequestsPerEmail: 3,
  notifyRequestWindowMs: HOUR_MS,
  outbox: {
    // 30 s, 2 min, 8 min, 32 min, about 2 h and then 6 h apart: nine hours of retries.
    maxAttempts: 8,
    // Longer than the slowest attempt (SMTP and webhook timeouts are well under it).
    leaseMs: 2 * MINUTE_MS,
    backoffBaseMs: 30_000,
    backoffFactor: 4,
    backoffMaxMs: 6 * HOUR_MS,
    pollMs: 1_000,
    batchSize: 10,
  },
  webhookAllowPrivate: false,
  webhookTimeoutMs: 10_000,
  // Beside the default database (data/portal.db), which .gitignore keeps out of the repository.
  statementRunsDir: 'data/statement-runs',
  // A year of monthly runs and their reruns; archives reach hundreds of megabytes each.
  statementRunsKeep: 12,
  statementRunsKeepDays: 90,
  webhookSecretOverlapMs: 24 * HOUR_MS,
};

export function makeConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig, ...overrides };
}
