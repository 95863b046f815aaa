import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { services, subscriberServices, subscribers } from '../../db/schema/index.ts';
import { randomToken } from '../auth/tokens.ts';
import type { Deps } from '../context.ts';
import { InvalidInput, unprocessable } from '../domain-errors.ts';
import { hitLimit, pruneLimits, tooManyRequests } from '../infra/rate-limit.ts';
import { emit } from '../notify/outbox.ts';
import { normalizeEmail } from './accounts.ts';

/**
 * Public subscriptions to incident and maintenance updates (docs/decisions/153): double
 * opt-in (the one message before confirmation is the confirmation link), a choice of
 * components (none: all of them), and a token in every message's links that manages or
 * ends the subscription without signing in.
 */

export interface SubscriptionDto {
  email: string;
  confirmed: boolean;
  unsubscribed: boolean;
  /** The chosen components' slugs; empty means every component. */
  services: string[];
}

type SubscriberRow = typeof subscribers.$inferSelect;

const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/** One answer for a link that names no subscription, whatever the reason. */
const invalidLink = () =>
  new InvalidInput('This subscription link is not valid. Subscribe again from the status page.', {
    code: 'SUBSCRIPTION_LINK_INVALID',
  });

/** The active services with these slugs; an unknown or retired one is a 422 naming it. */
async function chosenServices(tx: Tx, slugs: readonly string[]) {
  const wanted = [...new Set(slugs)];
  if (wanted.length === 0) return [];
  const rows = await tx
    .select({ id: services.id, slug: services.slug, name: services.name })
    .from(services)
    .where(and(inArray(services.slug, wanted), eq(services.active, true)));
  const missing = wanted.filter((slug) => !rows.some((row) => row.slug === slug));
  if (missing.length > 0) {
    throw unprocessable(
      `No such component: ${missing.join(', ')}.`,
      'UNKNOWN_SERVICE',
      missing.map((slug) => ({ path: 'services', message: `no component "${slug}"` })),
    );
  }
  return rows;
}

async function setServices(tx: Tx, subscriberId: number, ids: number[]): Promise<void> {
  await tx.delete(subscriberServices).where(eq(subscriberServices.subscriberId, subscriberId));
  if (ids.length > 0) {
    await tx
      .insert(subscriberServices)
      .values(ids.map((serviceId) => ({ subscriberId, serviceId })));
  }
}

async function dtoOf(tx: Pick<Tx, 'select'>, row: SubscriberRow): Promise<SubscriptionDto> {
  const chosen = await tx
    .select({ slug: services.slug })
    .from(subscriberServices)
    .innerJoin(services, eq(services.id, subscriberServices.serviceId))
    .where(eq(subscriberServices.subscriberId, row.id))
    .orderBy(asc(services.slug));
  return {
    email: row.email,
    confirmed: row.confirmedAt !== null,
    unsubscribed: row.unsubscribedAt !== null,
    services: chosen.map((entry) => entry.slug),
  };
}

/**
 * Asks for updates at `email`. The answer is the same whatever the address's state, and the
 * address hears of it by mail: a confirmation link for a new or pending subscription (the
 * choice of components replaced), a note with its manage link for one already confirmed
 * (nothing changes: only the link's holder may). Limits: per client address (429) and per
 * email address (beyond it no more mail, the same answer).
 */
export async function subscribe(
  deps: Deps,
  input: { email: string; services?: string[] | undefined },
  meta: { ip: string },
): Promise<void> {
  const email = normalizeEmail(input.email);
  const refused = await deps.db.write(async (tx) => {
    const nowMs = deps.clock.now();
    const now = new Date(nowMs);
    const windowMs = deps.config.notifyRequestWindowMs;
    const chosen = await chosenServices(tx, input.services ?? []);
    await pruneLimits(tx, nowMs - PRUNE_AFTER_MS);
    const byAddress = await hitLimit(
      tx,
      {
        bucket: `subscribe:address:${meta.ip}`,
        max: deps.config.notifyRequestsPerAddress,
        windowMs,
      },
      nowMs,
    );
    if (!byAddress.allowed) return byAddress.retryAfterMs;
    const byEmail = await hitLimit(
      tx,
      { bucket: `subscribe:email:${email}`, max: deps.config.notifyRequestsPerEmail, windowMs },
      nowMs,
    );
    if (!byEmail.allowed) return null;
    const existing = await tx.select().from(subscribers).where(eq(subscribers.email, email)).get();
    if (existing && existing.confirmedAt !== null && existing.unsubscribedAt === null) {
      await emit(tx, deps, {
        type: 'subscriber.already',
        subscriberId: existing.id,
        email,
        token: existing.token,
      });
      return null;
    }
    let row: SubscriberRow;
    if (!existing) {
      row = await tx
        .insert(subscribers)
        .values({ email, token: randomToken(), createdAt: now, updatedAt: now })
        .returning()
        .get();
    } else if (existing.unsubscribedAt !== null) {
      // A new subscription: links of the old one stop working.
      row = await tx
        .update(subscribers)
        .set({ token: randomToken(), confirmedAt: null, unsubscribedAt: null, updatedAt: now })
        .where(eq(subscribers.id, existing.id))
        .returning()
        .get();
    } else {
      row = existing;
    }
    await setServices(
      tx,
      row.id,
      chosen.map((service) => service.id),
    );
    await emit(tx, deps, {
      type: 'subscriber.confirm',
      subscriberId: row.id,
      email,
      token: row.token,
      components: chosen.map((service) => service.name),
    });
    return null;
  });
  if (refused !== null) {
    throw tooManyRequests(refused, 'Too many subscription requests. Try again later.');
  }
}

async function byToken(tx: Pick<Tx, 'select'>, token: string): Promise<SubscriberRow> {
  const row = await tx.select().from(subscribers).where(eq(subscribers.token, token)).get();
  if (!row) throw invalidLink();
  return row;
}

/** The holder of the link proves the address: confirmed from then on (idempotent). */
export async function confirmSubscription(deps: Deps, token: string): Promise<SubscriptionDto> {
  return deps.db.write(async (tx) => {
    const row = await byToken(tx, token);
    if (row.unsubscribedAt !== null) throw invalidLink();
    const updated =
      row.confirmedAt === null
        ? await tx
            .update(subscribers)
            .set({
              confirmedAt: new Date(deps.clock.now()),
              updatedAt: new Date(deps.clock.now()),
            })
            .where(eq(subscribers.id, row.id))
            .returning()
            .get()
        : row;
    return dtoOf(tx, updated);
  });
}

export async function viewSubscription(deps: Deps, token: string): Promise<SubscriptionDto> {
  return dtoOf(deps.db.db, await byToken(deps.db.db, token));
}

/**
 * New choice of components (none: all). Using a link proves the address, so this confirms a
 * pending subscription and renews one that was ended with this same link.
 */
export async function updateSubscription(
  deps: Deps,
  token: string,
  slugs: string[],
): Promise<SubscriptionDto> {
  return deps.db.write(async (tx) => {
    const row = await byToken(tx, token);
    const chosen = await chosenServices(tx, slugs);
    const now = new Date(deps.clock.now());
    const updated = await tx
      .update(subscribers)
      .set({ confirmedAt: row.confirmedAt ?? now, unsubscribedAt: null, updatedAt: now })
      .where(eq(subscribers.id, row.id))
      .returning()
      .get();
    await setServices(
      tx,
      row.id,
      chosen.map((service) => service.id),
    );
    return dtoOf(tx, updated);
  });
}

/** Ends the subscription at once (idempotent); nothing more is sent, queued mail included. */
export async function unsubscribe(deps: Deps, token: string): Promise<SubscriptionDto> {
  return deps.db.write(async (tx) => {
    const row = await byToken(tx, token);
    const now = new Date(deps.clock.now());
    const updated =
      row.unsubscribedAt === null
        ? await tx
            .update(subscribers)
            .set({ unsubscribedAt: now, updatedAt: now })
            .where(eq(subscribers.id, row.id))
            .returning()
            .get()
        : row;
    return dtoOf(tx, updated);
  });
}

/** Subscribers by state, for the staff console. */
export async function subscriberCounts(
  deps: Deps,
): Promise<{ confirmed: number; pending: number; unsubscribed: number }> {
  const count = (condition: SQL) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const row = await deps.db.db
    .select({
      confirmed: count(
        and(isNotNull(subscribers.confirmedAt), isNull(subscribers.unsubscribedAt)) ?? sql`0`,
      ),
      pending: count(
        and(isNull(subscribers.confirmedAt), isNull(subscribers.unsubscribedAt)) ?? sql`0`,
      ),
      unsubscribed: count(isNotNull(subscribers.unsubscribedAt)),
    })
    .from(subscribers)
    .get();
  return {
    confirmed: Number(row?.confirmed ?? 0),
    pending: Number(row?.pending ?? 0),
    unsubscribed: Number(row?.unsubscribed ?? 0),
  };
}
