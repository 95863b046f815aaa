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
};

export function makeConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig, ...overrides };
}
