import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { statusVersion } from '../db/schema/index.ts';
import type { Clock } from './clock.ts';
import type { Deps } from './context.ts';
import { cachedStatus } from './services/status.ts';
import { MS_PER_DAY } from './sla/instant.ts';

/**
 * Keeps the static site current under `npm start` (docs/decisions/050-site-freshness.md):
 * a change of the public status data triggers a debounced rebuild into a fresh folder,
 * which is swapped in whole once complete; one more follows each UTC midnight (the bars
 * gain a day). The page without JavaScript is then at most about a minute behind.
 */

export interface RebuildTimings {
  /** How often the status fingerprint is read: one cheap query, never one per request. */
  pollMs: number;
  /** A rebuild waits for this long without further change (bursts of writes build once)… */
  quietMs: number;
  /** …but never longer than this after the first change it carries. */
  maxDelayMs: number;
  /** After a failed build, the next try waits this long. */
  retryMs: number;
  /** The midnight rebuild runs this long after 00:00 UTC. */
  midnightDelayMs: number;
  /** A replaced folder is removed this long after the swap (requests in flight finish). */
  removeAfterMs: number;
}

export const DEFAULT_REBUILD_TIMINGS: RebuildTimings = {
  pollMs: 1_000,
  quietMs: 3_000,
  maxDelayMs: 20_000,
  retryMs: 60_000,
  midnightDelayMs: 5_000,
  removeAfterMs: 60_000,
};

/** The first UTC midnight strictly after `nowMs`. */
export function nextUtcMidnightMs(nowMs: number): number {
  return (Math.floor(nowMs / MS_PER_DAY) + 1) * MS_PER_DAY;
}

/**
 * What the public pages depend on, cheaply: the status version every write of status data
 * bumps (any process), and the ETag of the cached status document, which also changes when
 * a window or maintenance starts or ends by itself. One indexed row read per call, plus the
 * status cache's own refresh (shared with GET /api/v1/status).
 */
export async function statusFingerprint(deps: Deps): Promise<string> {
  const row = await deps.db.db
    .select({ version: statusVersion.version })
    .from(statusVersion)
    .where(eq(statusVersion.id, 1))
    .get();
  const { status } = await cachedStatus(deps);
  return `${row?.version ?? 0} ${status.etag}`;
}

/** Where rebuilt sites go: a sibling of the configured folder, which is never removed. */
export function buildsDirOf(siteDir: string): string {
  const absolute = resolve(siteDir);
  return join(dirname(absolute), `.${basename(absolute)}-builds`);
}

export interface SiteRebuilder {
  /** Asks for a rebuild now (still serialised with any build under way). */
  request(reason: string): void;
  /** Resolves when no build is running or waiting (for tests). */
  idle(): Promise<void>;
  /** Stops polling and timers, cancels a build under way. */
  stop(): Promise<void>;
}

/** A rebuild asked for and not started: when its first and latest reasons came, its earliest start. */
export interface PendingRebuild {
  firstMs: number;
  lastMs: number;
  notBeforeMs: number;
  /** The first reason, which the log names. */
  reason: string;
}

/** Adds a reason to the pending rebuild (or starts one): a burst of reasons builds once. */
export function markRebuild(
  pending: PendingRebuild | null,
  reason: string,
  nowMs: number,
  notBeforeMs = 0,
): PendingRebuild {
  if (pending === null) return { firstMs: nowMs, lastMs: nowMs, notBeforeMs, reason };
  return { ...pending, lastMs: nowMs, notBeforeMs: Math.max(pending.notBeforeMs, notBeforeMs) };
}

/**
 * Whether the pending rebuild starts now: not before its retry time, and once the changes have
 * gone quiet for `quietMs` or the first of them is `maxDelayMs` old (a steady trickle of
 * writes must not hold the pages back forever).
 */
export function rebuildDue(
  pending: PendingRebuild | null,
  nowMs: number,
  timings: Pick<RebuildTimings, 'quietMs' | 'maxDelayMs'>,
): pending is PendingRebuild {
  return (
    pending !== null &&
    nowMs >= pending.notBeforeMs &&
    (nowMs - pending.lastMs >= timings.quietMs || nowMs - pending.firstMs >= timings.maxDelayMs)
  );
}

/** Unref'd timeouts that `clear` cancels together, so a stopped rebuilder leaves none behind. */
function timerGroup() {
  const timers = new Set<NodeJS.Timeout>();
  return {
    later(ms: number, fn: () => void) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timer.unref();
      timers.add(timer);
    },
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

interface RebuildOptions {
  /** The site server: `setRoot` resolves once the new build is what it serves. */
  site: { readonly root: string; setRoot(next: string): void | Promise<void> };
  siteDir: string;
  build: (outDir: string, signal: AbortSignal) => Promise<void>;
  fingerprint: () => Promise<string>;
  clock: Clock;
  log: (line: string) => void;
  /** True when the served build may predate the data (it was there before this start). */
  rebuildAtStart: boolean;
  timings?: Partial<RebuildTimings> | undefined;
}

/**
 * One build into a fresh folder of `buildsDir`, swapped in whole once complete; the folder it
 * replaced is removed later, when requests still reading it have finished. A failed build
 * leaves the served one in place. Resolves to whether the new build is served.
 */
async function buildAndSwap(
  options: RebuildOptions,
  context: {
    buildsDir: string;
    signal: AbortSignal;
    stopped: () => boolean;
    later: (ms: number, fn: () => void) => void;
    removeAfterMs: number;
  },
  reason: string,
): Promise<'swapped' | 'failed' | 'stopped'> {
  const { site, clock, log } = options;
  const { buildsDir } = context;
  const outDir = join(buildsDir, `${new Date(clock.now()).toISOString().replace(/[:.]/g, '-')}`);
  const startedMs = performance.now();
  try {
    mkdirSync(buildsDir, { recursive: true });
    rmSync(outDir, { recursive: true, force: true });
    await options.build(outDir, context.signal);
    if (context.stopped()) return 'stopped';
    const previous = site.root;
    await site.setRoot(outDir);
    log(`Site rebuilt (${reason}) in ${Math.round(performance.now() - startedMs)} ms.`);
    if (resolve(dirname(previous)) === buildsDir) {
      context.later(context.removeAfterMs, () =>
        rmSync(previous, { recursive: true, force: true }),
      );
    }
    return 'swapped';
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    if (context.stopped()) return 'stopped';
    log(`Site rebuild failed (${reason}); still serving the previous build: ${String(error)}`);
    return 'failed';
  }
}

export function startSiteRebuilds(options: RebuildOptions): SiteRebuilder {
  const timings = { ...DEFAULT_REBUILD_TIMINGS, ...options.timings };
  const { site, clock, log } = options;
  const buildsDir = buildsDirOf(options.siteDir);
  const abort = new AbortController();
  const timers = timerGroup();
  let stopped = false;
  let seen: string | undefined;
  let fingerprintFailing = false;
  let pending: PendingRebuild | null = null;
  let running: Promise<void> | null = null;
  let waiters: (() => void)[] = [];

  removeStaleBuilds(buildsDir, site.root);

  const mark = (reason: string, notBeforeMs = 0) => {
    pending = markRebuild(pending, reason, clock.now(), notBeforeMs);
  };

  const settle = () => {
    if (running === null && pending === null) {
      for (const resolveWaiter of waiters.splice(0)) resolveWaiter();
    }
  };

  const runBuild = async (reason: string) => {
    const outcome = await buildAndSwap(
      options,
      {
        buildsDir,
        signal: abort.signal,
        stopped: () => stopped,
        later: timers.later,
        removeAfterMs: timings.removeAfterMs,
      },
      reason,
    );
    if (outcome === 'failed') mark(reason, clock.now() + timings.retryMs);
  };

  const tick = async () => {
    if (stopped) return;
    try {
      const fingerprint = await options.fingerprint();
      fingerprintFailing = false;
      if (seen !== undefined && fingerprint !== seen) mark('status changed');
      seen = fingerprint;
    } catch (error) {
      if (!fingerprintFailing) log(`Site rebuilds: cannot read the status (${String(error)}).`);
      fingerprintFailing = true;
    }
    if (!stopped && running === null && rebuildDue(pending, clock.now(), timings)) {
      const { reason } = pending;
      pending = null;
      running = runBuild(reason).finally(() => {
        running = null;
        settle();
      });
    }
    settle();
    if (!stopped) timers.later(timings.pollMs, () => void tick());
  };

  const armMidnight = () => {
    const nowMs = clock.now();
    timers.later(nextUtcMidnightMs(nowMs) + timings.midnightDelayMs - nowMs, () => {
      mark('a new UTC day');
      armMidnight();
    });
  };

  if (options.rebuildAtStart) mark('start');
  armMidnight();
  void tick();

  return {
    request(reason) {
      mark(reason);
    },
    idle() {
      if (running === null && pending === null) return Promise.resolve();
      return new Promise((resolveIdle) => waiters.push(resolveIdle));
    },
    async stop() {
      stopped = true;
      abort.abort();
      timers.clear();
      await running?.catch(() => undefined);
      pending = null;
      for (const resolveWaiter of waiters.splice(0)) resolveWaiter();
      waiters = [];
    },
  };
}

/** Builds left by an earlier run, except the one being served. */
function removeStaleBuilds(buildsDir: string, servedRoot: string): void {
  let entries: string[];
  try {
    entries = readdirSync(buildsDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(buildsDir, entry);
    if (resolve(path) !== resolve(servedRoot)) rmSync(path, { recursive: true, force: true });
  }
}
