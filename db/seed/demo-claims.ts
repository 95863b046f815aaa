import { eq } from 'drizzle-orm';
import { manualClock } from '../../api/clock.ts';
import type {
  CustomerUserPrincipal,
  Deps,
  RequestContext,
  StaffPrincipal,
} from '../../api/context.ts';
import { customerAvailability } from '../../api/services/availability.ts';
import {
  addComment,
  decideClaim,
  fileClaim,
  markCredited,
  withdrawClaim,
} from '../../api/services/claims.ts';
import { currentPeriod, evaluatePeriods, loadAgreements } from '../../api/services/sla-figures.ts';
import { fileVendorClaim } from '../../api/services/vendor-credits.ts';
import { periodBounds, shiftPeriod } from '../../api/sla/index.ts';
import { users } from '../schema/index.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type UserRow = typeof users.$inferSelect;

/** The seed acts as the demo's agent, as the API would after `authorize('staff')`. */
function staffOf(row: UserRow): StaffPrincipal | null {
  if (row.role === 'customer') return null;
  return {
    kind: 'user',
    user: { id: row.id, email: row.email, role: row.role, customerId: row.customerId },
    sessionTokenHash: '',
  };
}

function customerUserOf(row: UserRow, customerId: number): CustomerUserPrincipal {
  return {
    kind: 'user',
    user: { id: row.id, email: row.email, role: 'customer', customerId },
    sessionTokenHash: '',
  };
}

/** A script's context: no request, so no request id. */
const acting = <P extends RequestContext['principal']>(deps: Deps, principal: P) => ({
  deps,
  principal,
  requestId: undefined,
});

/**
 * Demo claims in every state, filed and decided through the same services as the API, each
 * at a plausible moment in the past (a clock set to a few days after the month ended), so
 * their trails read like real ones. Candidates are the months the engine says missed their
 * target in the last two closed months; the plan runs through the states in order.
 */
export async function seedDemoClaims(deps: Deps, log: (line: string) => void): Promise<number> {
  const nowMs = deps.clock.now();
  const { db } = deps.db;
  const agent = await db.select().from(users).where(eq(users.email, 'agent@demo.example')).get();
  const staff = agent ? staffOf(agent) : null;
  if (!staff) return 0;
  const customerUsers = await db.select().from(users).where(eq(users.role, 'customer'));
  const candidates: {
    person: CustomerUserPrincipal;
    customerId: number;
    agreementId: number;
    service: string;
    month: string;
    creditMinor: number;
    endMs: number;
    deadlineMs: number;
    /** The customer's newest closed month, the one the portal opens on. */
    newest: boolean;
  }[] = [];
  for (const row of customerUsers) {
    if (row.customerId === null) continue;
    const [agreement] = await loadAgreements(db, {
      customerId: row.customerId,
      kinds: ['customer'],
    });
    // Internal teams and vendors file no claims with us.
    if (!agreement) continue;
    const current = currentPeriod(agreement, nowMs);
    const months = [shiftPeriod(current, -2), shiftPeriod(current, -1)];
    const items = await customerAvailability(deps, row.customerId, months);
    for (const item of items) {
      if (item.met !== false) continue;
      candidates.push({
        person: customerUserOf(row, row.customerId),
        customerId: row.customerId,
        agreementId: item.agreementId,
        service: item.service,
        month: item.month,
        creditMinor: item.creditMinor,
        endMs: periodBounds(item.month, item.timeZone).endMs,
        deadlineMs: Date.parse(item.claimDeadline),
        newest: item.month === months[1],
      });
    }
  }
  // Customers take turns, each with its biggest credit first: every demo login has claims.
  const byCustomer = new Map<number, typeof candidates>();
  for (const candidate of candidates) {
    byCustomer.set(candidate.customerId, [
      ...(byCustomer.get(candidate.customerId) ?? []),
      candidate,
    ]);
  }
  for (const [customerId, list] of byCustomer) {
    list.sort((a, b) => b.creditMinor - a.creditMinor);
    // Every demo login keeps a missed month to claim itself: the biggest credit of the month
    // the portal opens on is left unclaimed.
    const kept = list.findIndex((candidate) => candidate.newest && candidate.creditMinor > 0);
    if (kept >= 0) byCustomer.set(customerId, list.toSpliced(kept, 1));
  }
  const ordered: typeof candidates = [];
  const total = [...byCustomer.values()].reduce((sum, list) => sum + list.length, 0);
  for (let round = 0; ordered.length < total; round += 1) {
    for (const list of byCustomer.values()) {
      const next = list[round];
      if (next) ordered.push(next);
    }
  }
  const plan = ['credited', 'approved-adjusted', 'submitted', 'rejected', 'withdrawn', 'submitted'];
  let filed = 0;
  for (const candidate of ordered) {
    const outcome = plan[filed];
    if (outcome === undefined) break;
    // Filed two days after the month closed (a customer's month closes at its own midnight,
    // up to 14 hours from UTC's), or a day ago for a month that closed just now; a month
    // that closed less than two days ago, or whose claim window has closed, is passed over
    // without using up its outcome, so every outcome is reached whatever the date.
    if (candidate.endMs > nowMs - 2 * DAY_MS) continue;
    const fileAtMs = Math.min(candidate.endMs + 2 * DAY_MS + filed * HOUR_MS, nowMs - DAY_MS);
    if (fileAtMs >= candidate.deadlineMs) continue;
    const clock = manualClock(fileAtMs);
    const at = { ...deps, clock };
    const asStaff = acting(at, staff);
    const asCustomer = { ...acting(at, candidate.person), customerId: candidate.customerId };
    const claim = await fileClaim(
      asCustomer,
      {
        agreementId: candidate.agreementId,
        service: candidate.service,
        period: candidate.month,
        description:
          candidate.creditMinor === 0
            ? 'Our own monitoring saw more downtime than the status page shows.'
            : `We missed our SLA for ${candidate.service} in ${candidate.month}; please apply the credit.`,
      },
      { key: undefined, path: '/api/v1/me/claims' },
    );
    const id = claim.body.id;
    filed += 1;
    // Each step some days after the filing, squeezed in before now when the filing is recent.
    const later = (days: number) =>
      clock.set(fileAtMs + Math.min(days * DAY_MS, Math.floor(((nowMs - fileAtMs) * days) / 6)));
    if (outcome === 'credited' || outcome === 'approved-adjusted') {
      later(1);
      await addComment(asStaff, id, {
        body: 'Checked against the incident log: confirmed.',
        internal: true,
      });
      later(2);
      const adjusted = outcome === 'approved-adjusted' && claim.body.computedCreditMinor > 0;
      await decideClaim(asStaff, id, {
        decision: 'approve',
        ...(adjusted
          ? {
              amountMinor: Math.min(
                claim.body.capMinor,
                Math.round(claim.body.computedCreditMinor * 1.5),
              ),
              reason: 'Goodwill: the first human update came late.',
            }
          : {}),
      });
      if (outcome === 'credited') {
        later(5);
        await markCredited(asStaff, id, `DEMO-INV-${candidate.month.replace('-', '')}-${id}`);
      }
    } else if (outcome === 'rejected') {
      later(3);
      await decideClaim(asStaff, id, {
        decision: 'reject',
        reason: 'The outage was caused by a configuration change on the customer side.',
      });
    } else if (outcome === 'withdrawn') {
      later(1);
      await withdrawClaim(asCustomer, id, 'Filed for the wrong month.');
    } else {
      later(1);
      await addComment(asStaff, id, {
        body: 'Thanks, we are reviewing your claim.',
        internal: false,
      });
    }
    log(`  claim ${id}: ${candidate.service} ${candidate.month} → ${outcome}`);
  }
  return filed;
}

/**
 * The claim staff filed with the demo's CDN vendor: for each of the last two closed months in
 * which the vendor owes a credit, filed two days after the month ended (when that lies a day
 * or more in the past and before the vendor's deadline), still awaiting the vendor's answer.
 */
export async function seedDemoVendorClaims(
  deps: Deps,
  log: (line: string) => void,
): Promise<number> {
  const nowMs = deps.clock.now();
  const { db } = deps.db;
  const agent = await db.select().from(users).where(eq(users.email, 'agent@demo.example')).get();
  const staff = agent ? staffOf(agent) : null;
  if (!staff) return 0;
  let filed = 0;
  for (const agreement of await loadAgreements(db, { kinds: ['vendor'] })) {
    const current = currentPeriod(agreement, nowMs);
    const months = [shiftPeriod(current, -2), shiftPeriod(current, -1)];
    for (const figure of await evaluatePeriods(deps, agreement, months, nowMs)) {
      if (figure.evaluation.creditMinor === 0) continue;
      const fileAtMs = periodBounds(figure.period, agreement.timeZone).endMs + 2 * DAY_MS;
      if (fileAtMs > nowMs - DAY_MS || fileAtMs >= Date.parse(figure.evaluation.claimDeadline)) {
        continue;
      }
      const claim = await fileVendorClaim(
        acting({ ...deps, clock: manualClock(fileAtMs) }, staff),
        {
          agreementId: agreement.id,
          service: figure.service.slug,
          period: figure.period,
          vendorReference: `CE-CLAIM-${figure.period.replace('-', '')}`,
          note: 'Filed through the vendor’s support portal with our outage timeline.',
        },
      );
      filed += 1;
      log(`  vendor claim ${claim.id}: ${claim.service} ${claim.period} → filed`);
    }
  }
  return filed;
}
