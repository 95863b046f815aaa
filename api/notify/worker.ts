import { hostname } from 'node:os';
import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import {
  type AttemptOutcome,
  deliveryAttempts,
  type OutboxState,
  outbox,
  subscribers,
  webhookEndpoints,
  webhookSecrets,
} from '../../db/schema/index.ts';
import { randomToken } from '../auth/tokens.ts';
import { fixedClock } from '../clock.ts';
import type { Deps } from '../context.ts';
import type { Logger } from '../log.ts';
import { announceMaintenanceTransitions } from '../services/maintenance.ts';
import { type MailTransport, mailDomain } from './smtp.ts';
import { systemResolver } from './targets.ts';
import { sendWebhook } from './webhook-send.ts';

/**
 * The outbox worker (docs/decisions/150). Each round it claims due items in the database —
 * one atomic UPDATE sets `claimed_by` and `lease_until`, so no two workers, in this process
 * or another, hold an item at once — delivers them, and records each attempt. A failure is
 * retried with exponential backoff and jitter until `maxAttempts`, then the item is dead.
 * A worker that dies holding items loses nothing: their lease runs out and any worker takes
 * them again. Delivery is at least once: receivers drop a repeat by its delivery id.
 *
 * Time comes from the caller: `runOnce(nowMs)` does one round at that instant (tests drive
 * it by hand); `start()` runs rounds on the deps' clock and timers.
 */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WorkerDeps extends Deps {
  logger: Logger;
  /** SMTP, or null: mail stays in the development mailbox. */
  mail: MailTransport | null;
  /** In [0, 1): the jitter of retry waits. */
  random?: () => number;
  timers?: Timers;
}

export interface RoundResult {
  claimed: number;
  delivered: number;
  failed: number;
}

type Item = typeof outbox.$inferSelect;

interface AttemptResult {
  outcome: AttemptOutcome;
  request: string;
  responseStatus: number | null;
  response: string | null;
  error: string | null;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The wait before attempt `failures + 1`: exponential, half of it random (never zero). */
export function backoffMs(
  settings: Deps['config']['outbox'],
  failures: number,
  random: () => number,
): number {
  const full = Math.min(
    settings.backoffMaxMs,
    settings.backoffBaseMs * settings.backoffFactor ** Math.max(0, failures - 1),
  );
  return Math.round(full / 2 + (random() * full) / 2);
}

/** Where an endpoint is, without its path or query (which may carry the receiver's secret). */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}

export function createOutboxWorker(deps: WorkerDeps, options: { id?: string } = {}) {
  const workerId = options.id ?? `${hostname()}:${process.pid}:${randomToken(6)}`;
  const settings = deps.config.outbox;
  const random = deps.random ?? Math.random;
  const resolve = deps.resolveHost ?? systemResolver;
  const timers = deps.timers ?? realTimers;
  const domain = mailDomain(deps.config.mailFrom);

  /** Takes up to a batch of due items whose lease (if any) has run out. */
  async function claim(nowMs: number): Promise<Item[]> {
    const now = new Date(nowMs);
    const isDue = and(
      eq(outbox.state, 'pending'),
      lte(outbox.nextAttemptAt, now),
      or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
    );
    // A read first: an idle worker never takes the write lock.
    const any = await deps.db.db.select({ id: outbox.id }).from(outbox).where(isDue).limit(1).get();
    if (!any) return [];
    return deps.db.write(async (tx) => {
      const due = tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(isDue)
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(settings.batchSize);
      return tx
        .update(outbox)
        .set({
          claimedBy: workerId,
          leaseUntil: new Date(nowMs + settings.leaseMs),
          updatedAt: now,
        })
        .where(inArray(outbox.id, due))
        .returning();
    });
  }

  async function mailAttempt(item: Item, nowMs: number): Promise<AttemptResult> {
    const request = `SMTP to ${item.recipient}: ${item.subject ?? ''}`;
    if (item.subscriberId !== null) {
      const subscriber = await deps.db.db
        .select({ unsubscribedAt: subscribers.unsubscribedAt })
        .from(subscribers)
        .where(eq(subscribers.id, item.subscriberId))
        .get();
      if (
        !subscriber ||
        (subscriber.unsubscribedAt !== null && item.kind !== 'subscriber.confirm')
      ) {
        return skipped(request, 'The subscriber unsubscribed before this was sent.');
      }
    }
    if (deps.mail === null) {
      return {
        outcome: 'mailbox',
        request,
        responseStatus: null,
        response: 'Kept in the development mailbox: SMTP_URL is not set.',
        error: null,
      };
    }
    try {
      const response = await deps.mail.send({
        from: deps.config.mailFrom,
        to: item.recipient,
        subject: item.subject ?? '',
        text: item.bodyText ?? '',
        html: item.bodyHtml ?? '',
        messageId: `<${item.deliveryId}@${domain}>`,
        dateMs: nowMs,
        headers: { ...(item.headers ?? {}), 'Auto-Submitted': 'auto-generated' },
      });
      return { outcome: 'delivered', request, responseStatus: null, response, error: null };
    } catch (error) {
      return {
        outcome: 'failed',
        request,
        responseStatus: null,
        response: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async function webhookAttempt(item: Item, nowMs: number): Promise<AttemptResult> {
    const payload = item.payload ?? '';
    const request = `POST ${item.recipient} (${Buffer.byteLength(payload)} bytes, ${item.kind})`;
    const endpointId = item.endpointId;
    const endpoint =
      endpointId === null
        ? undefined
        : await deps.db.db
            .select()
            .from(webhookEndpoints)
            .where(eq(webhookEndpoints.id, endpointId))
            .get();
    if (!endpoint || endpoint.deletedAt !== null) {
      return skipped(request, 'The endpoint was deleted before this was sent.');
    }
    if (!endpoint.active) return skipped(request, 'The endpoint was disabled.');
    const secrets = await deps.db.db
      .select({ secret: webhookSecrets.secret })
      .from(webhookSecrets)
      .where(
        and(
          eq(webhookSecrets.endpointId, endpoint.id),
          or(isNull(webhookSecrets.expiresAt), gt(webhookSecrets.expiresAt, new Date(nowMs))),
        ),
      )
      .orderBy(asc(webhookSecrets.id));
    const result = await sendWebhook(
      {
        url: endpoint.url,
        deliveryId: item.deliveryId,
        payload,
        secrets: secrets.map((row) => row.secret),
        timestampMs: nowMs,
      },
      {
        allowPrivate: deps.config.webhookAllowPrivate,
        resolve,
        timeoutMs: deps.config.webhookTimeoutMs,
      },
    );
    const sent = `POST ${endpoint.url} (${Buffer.byteLength(payload)} bytes, ${item.kind})`;
    if (result.ok) {
      return {
        outcome: 'delivered',
        request: sent,
        responseStatus: result.status,
        response: result.body,
        error: null,
      };
    }
    return {
      outcome: result.refused ? 'refused' : 'failed',
      request: sent,
      responseStatus: result.status,
      response: result.body,
      error: result.error,
    };
  }

  function skipped(request: string, reason: string): AttemptResult {
    return { outcome: 'skipped', request, responseStatus: null, response: null, error: reason };
  }

  /** The item's state after an attempt, and when it is next due. */
  function nextState(
    result: AttemptResult,
    attempts: number,
    nowMs: number,
  ): { state: OutboxState; nextAttemptAt: Date } {
    switch (result.outcome) {
      case 'delivered':
        return { state: 'delivered', nextAttemptAt: new Date(nowMs) };
      case 'mailbox':
        return { state: 'mailbox', nextAttemptAt: new Date(nowMs) };
      case 'skipped':
        return { state: 'skipped', nextAttemptAt: new Date(nowMs) };
      case 'refused':
        // A refused address is not a passing fault: retrying would only knock again.
        return { state: 'dead', nextAttemptAt: new Date(nowMs) };
      case 'failed':
        return attempts >= settings.maxAttempts
          ? { state: 'dead', nextAttemptAt: new Date(nowMs) }
          : {
              state: 'pending',
              nextAttemptAt: new Date(nowMs + backoffMs(settings, attempts, random)),
            };
    }
  }

  async function attempt(item: Item, nowMs: number): Promise<AttemptOutcome> {
    const startedMs = performance.now();
    let result: AttemptResult;
    try {
      result =
        item.channel === 'email'
          ? await mailAttempt(item, nowMs)
          : await webhookAttempt(item, nowMs);
    } catch (error) {
      result = {
        outcome: 'failed',
        request: `${item.channel} to ${item.recipient}`,
        responseStatus: null,
        response: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    const durationMs = Math.round(performance.now() - startedMs);
    const attempts = item.attempts + 1;
    const next = nextState(result, attempts, nowMs);
    const now = new Date(nowMs);
    const done = next.state === 'delivered' || next.state === 'mailbox';
    await deps.db.write(async (tx) => {
      await tx.insert(deliveryAttempts).values({
        outboxId: item.id,
        attempt: attempts,
        worker: workerId,
        startedAt: now,
        durationMs,
        outcome: result.outcome,
        request: result.request,
        responseStatus: result.responseStatus,
        response: result.response,
        error: result.error,
      });
      // Only while this worker still holds it: after a lost lease the other worker decides.
      await tx
        .update(outbox)
        .set({
          state: next.state,
          attempts,
          nextAttemptAt: next.nextAttemptAt,
          claimedBy: null,
          leaseUntil: null,
          lastError: result.error,
          deliveredAt: done ? now : null,
          updatedAt: now,
          // A one-time link has no business in the database once it reached its reader.
          ...(item.sensitive && next.state === 'delivered'
            ? {
                bodyText: '[Removed after delivery: it held a one-time link.]',
                bodyHtml: null,
              }
            : {}),
        })
        .where(and(eq(outbox.id, item.id), eq(outbox.claimedBy, workerId)));
    });
    const logged = {
      deliveryId: item.deliveryId,
      channel: item.channel,
      kind: item.kind,
      attempt: attempts,
      outcome: result.outcome,
      state: next.state,
      ...(item.channel === 'email'
        ? { to: item.recipient, subject: item.subject }
        : { endpoint: originOf(item.recipient), status: result.responseStatus }),
      durationMs,
    };
    if (result.outcome === 'failed' || result.outcome === 'refused') {
      deps.logger.warn({ ...logged, error: result.error }, 'notification attempt failed');
    } else {
      deps.logger.info(
        logged,
        result.outcome === 'mailbox'
          ? 'mail kept in the development mailbox'
          : item.channel === 'email'
            ? 'mail sent'
            : 'webhook delivered',
      );
    }
    return result.outcome;
  }

  /** One round at `nowMs`: time-driven events, then every due item of one batch. */
  async function runOnce(nowMs: number): Promise<RoundResult> {
    await announceMaintenanceTransitions({ ...deps, clock: fixedClock(nowMs) }, nowMs);
    const items = await claim(nowMs);
    const outcomes = await Promise.all(items.map((item) => attempt(item, nowMs)));
    return {
      claimed: items.length,
      delivered: outcomes.filter((outcome) => outcome === 'delivered' || outcome === 'mailbox')
        .length,
      failed: outcomes.filter((outcome) => outcome === 'failed' || outcome === 'refused').length,
    };
  }

  let stopped = true;
  let handle: unknown;
  let running: Promise<void> | null = null;

  function schedule(delayMs: number): void {
    if (stopped) return;
    handle = timers.setTimeout(() => {
      running = round().finally(() => {
        running = null;
      });
    }, delayMs);
  }

  async function round(): Promise<void> {
    let full = false;
    try {
      const result = await runOnce(deps.clock.now());
      full = result.claimed >= settings.batchSize;
    } catch (error) {
      deps.logger.error({ err: error, worker: workerId }, 'outbox round failed');
    }
    // A full batch suggests more are due: go on at once.
    schedule(full ? 0 : settings.pollMs);
  }

  return {
    id: workerId,
    runOnce,
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    /** No new round starts; resolves once the round under way (if any) has recorded its attempts. */
    async stop(): Promise<void> {
      stopped = true;
      timers.clearTimeout(handle);
      await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
