import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../api/bootstrap.ts';
import { manualClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { readEnv } from '../../api/env.ts';
import { customerAvailability } from '../../api/services/availability.ts';
import { loadAgreements } from '../../api/services/sla-figures.ts';
import { supportMonth } from '../../api/services/support.ts';
import { currentQuarter, vendorQuarter } from '../../api/services/vendor-credits.ts';
import { periodBounds, periodOf, shiftPeriod } from '../../api/sla/index.ts';
import {
  agreementServices,
  agreements,
  claims,
  customers,
  INCIDENT_STATUSES,
  incidents,
  incidentUpdates,
  policyVersions,
  serviceGroups,
  services,
  users,
  vendorAttributions,
  windows,
} from '../../db/schema/index.ts';
import {
  DEMO_CUSTOMERS,
  DEMO_SERVICE_SLUGS,
  DEMO_VENDOR,
  type DemoPlan,
  type DemoStory,
  planDemoHistory,
} from '../../db/seed/demo.ts';
import { TEST_PASSWORD_HASHING } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';
import { runs } from '../helpers/runs.ts';

const NOW = Date.parse('2026-11-27T09:30:00Z');
const DAY_MS = 86_400_000;

describe('the demo data set', () => {
  let db: TempDb;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await tempDb();
    const env = readEnv({ DATABASE_URL: `file:${db.path}`, PORTAL_DEMO: '1' });
    env.config.passwordHashing = TEST_PASSWORD_HASHING;
    await seedDemoData(db, env, manualClock(NOW), (line) => lines.push(line));
  }, 60_000);
  afterAll(() => db.dispose());

  it('shows progress while it writes', () => {
    expect(lines[0]).toMatch(/demo/i);
    expect(lines.some((line) => /windows: \d+\/\d+/.test(line))).toBe(true);
  });

  it('has 6+ services in 2+ groups and 120+ days of history', async () => {
    expect((await db.db.select().from(services)).length).toBeGreaterThanOrEqual(6);
    expect((await db.db.select().from(serviceGroups)).length).toBeGreaterThanOrEqual(2);
    const rows = await db.db.select().from(windows);
    const earliest = Math.min(...rows.map((row) => row.start.getTime()));
    expect(NOW - earliest).toBeGreaterThanOrEqual(120 * DAY_MS);
    const states = new Set(rows.map((row) => row.state));
    expect([...states].sort()).toEqual([
      'degraded',
      'maintenance',
      'major_outage',
      'partial_outage',
    ]);
    const maintenance = rows.filter((row) => row.state === 'maintenance');
    const unannounced = maintenance.filter(
      (row) =>
        row.announcedAt === null || row.start.getTime() - row.announcedAt.getTime() < 2 * DAY_MS,
    );
    expect(unannounced.length).toBeGreaterThanOrEqual(2);
    expect(maintenance.length - unannounced.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((row) => row.end === null)).toBe(true);
  });

  it('has customers in different zones, one at a non-whole-hour offset', async () => {
    const rows = await db.db.select().from(customers);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((row) => row.timeZone)).size).toBe(rows.length);
    const offsets = rows.map(
      (row) =>
        Temporal.Instant.fromEpochMilliseconds(NOW).toZonedDateTimeISO(row.timeZone)
          .offsetNanoseconds / 60e9,
    );
    expect(offsets.some((minutes) => minutes % 60 !== 0)).toBe(true);
    expect(rows.every((row) => row.name.includes('(demo)'))).toBe(true);
  });

  it('has two policies, one with a daily rule, one with several versions', async () => {
    const versions = await db.db.select().from(policyVersions);
    expect(new Set(versions.map((row) => row.policyId)).size).toBeGreaterThanOrEqual(2);
    expect(versions.some((row) => (row.rules as { dailyRule: unknown }).dailyRule !== null)).toBe(
      true,
    );
    const perPolicy = new Map<number, number>();
    for (const row of versions) perPolicy.set(row.policyId, (perPolicy.get(row.policyId) ?? 0) + 1);
    expect(Math.max(...perPolicy.values())).toBeGreaterThanOrEqual(2);
  });

  it('has an admin, an agent and a user per customer and team, with random passwords printed', async () => {
    const rows = await db.db.select().from(users);
    expect(rows.filter((row) => row.role === 'admin')).toHaveLength(1);
    expect(rows.filter((row) => row.role === 'agent')).toHaveLength(1);
    const customerIds = new Set(rows.map((row) => row.customerId).filter((id) => id !== null));
    // A vendor's account has no sign-in: its agreement is ours to track (decision 195).
    const vendorIds = new Set(
      (await db.db.select().from(agreements).where(eq(agreements.kind, 'vendor'))).map(
        (row) => row.customerId,
      ),
    );
    const accounts = await db.db.select().from(customers);
    expect(vendorIds.size).toBe(1);
    expect([...customerIds].sort()).toEqual(
      accounts
        .map((row) => row.id)
        .filter((id) => !vendorIds.has(id))
        .sort(),
    );
    expect(rows.every((row) => row.email.endsWith('.example'))).toBe(true);
  });

  it('has an internal agreement without fees and a vendor agreement for the CDN', async () => {
    const rows = await db.db.select().from(agreements);
    const internal = rows.filter((row) => row.kind === 'internal');
    const vendor = rows.filter((row) => row.kind === 'vendor');
    expect(internal).toHaveLength(1);
    expect(vendor).toHaveLength(1);
    const lines = await db.db.select().from(agreementServices);
    const internalLines = lines.filter((line) => line.agreementId === internal[0]?.id);
    expect(internalLines.length).toBeGreaterThan(0);
    expect(internalLines.every((line) => line.monthlyFeeMinor === 0)).toBe(true);
    const [cdn] = await db.db.select().from(services).where(eq(services.slug, 'cdn'));
    expect(lines.filter((line) => line.agreementId === vendor[0]?.id)).toMatchObject([
      { serviceId: cdn?.id },
    ]);
    const attributed = await db.db.select().from(vendorAttributions);
    expect(attributed).toHaveLength(1);
  });

  it('shows the CDN vendor’s credit this quarter, with a claim filed for it', async () => {
    const deps = { db, clock: manualClock(NOW), config: makeConfig({}) };
    const quarter = await vendorQuarter(deps, currentQuarter(NOW));
    expect(quarter.quarter).toBe('2026-Q4');
    const [entry] = quarter.vendors;
    expect(entry?.vendor.name).toBe(DEMO_VENDOR.name);
    const october = entry?.items.find((item) => item.month === '2026-10');
    // 90 minutes of 31 days: 99.798 %, below the vendor's 99.9 %: 10 % of USD 12,000.
    expect(october).toMatchObject({
      service: 'cdn',
      final: true,
      met: false,
      downtimeMs: 90 * 60_000,
      creditMinor: 120_000,
      currency: 'USD',
      claim: { status: 'filed', vendorReference: 'CE-CLAIM-202610' },
    });
  });

  it('has incidents whose timelines mix automated and human updates', async () => {
    const updates = await db.db.select().from(incidentUpdates);
    expect(updates.some((row) => row.kind === 'automated')).toBe(true);
    expect(updates.some((row) => row.kind === 'human' && row.authorUserId !== null)).toBe(true);
  });

  it('has claims in every state, with months that missed their target', async () => {
    const rows = await db.db.select().from(claims);
    expect(new Set(rows.map((row) => row.status))).toEqual(
      new Set(['submitted', 'approved', 'rejected', 'credited', 'withdrawn']),
    );
    expect(rows.every((row) => (row.evaluation as { met: boolean }).met === false)).toBe(true);
  });

  it('plans the same history for the same day, whatever the hour', () => {
    const a = planDemoHistory(NOW);
    const b = planDemoHistory(NOW + 3_600_000);
    const closed = (plan: typeof a) =>
      plan.windows.filter((window) => window.endMs !== null && window.endMs < NOW - DAY_MS);
    expect(closed(b)).toEqual(closed(a));
  });
});

const MINUTE_MS = 60_000;
const KOLKATA = 'Asia/Kolkata';
const OSLO = 'Europe/Oslo';

/** Awkward moments: month and year ends, first hours of a month, DST changes, a leap day. */
const ANCHORS = [
  '2026-11-30T12:00:00Z',
  '2026-12-31T23:30:00Z',
  '2027-01-01T00:30:00Z', // New York is still in December
  '2027-03-01T00:30:00Z',
  '2027-03-01T06:00:00Z', // every zone is in March
  '2027-03-28T01:30:00Z', // Europe's clocks go forward
  '2027-04-03T14:30:00Z', // Chatham's clocks go back
  '2027-10-31T00:30:00Z', // Europe's clocks go back
  '2027-11-07T06:30:00Z', // New York's clocks go back
  '2028-02-29T12:00:00Z',
  '2028-03-01T00:00:00Z',
  '2028-03-31T23:59:59Z',
];

/** Whether the customer's month holding `[startMs, endMs)` has closed at `nowMs`. */
function closedFor(timeZone: string, endMs: number, nowMs: number): boolean {
  return endMs <= periodBounds(periodOf(nowMs, timeZone), timeZone).startMs;
}

function localDate(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** Everything that would make the demo incoherent at `nowMs`, in words (none is expected). */
function problems(plan: DemoPlan, nowMs: number): string[] {
  const found: string[] = [];
  const at = (ms: number) => new Date(ms).toISOString();
  const order = (status: string) => INCIDENT_STATUSES.indexOf(status as 'resolved');

  for (const window of plan.windows) {
    const what = `${window.story ?? window.state} window of ${window.service} at ${at(window.startMs)}`;
    if (window.startMs < plan.monitoredSince(window.service)) {
      found.push(`${what} starts before its monitoring began`);
    }
    if (window.endMs !== null && window.endMs <= window.startMs) found.push(`${what} is empty`);
    const announced =
      window.maintenanceKey !== undefined &&
      window.announcedAtMs !== undefined &&
      window.announcedAtMs <= nowMs;
    if (!announced && (window.startMs > nowMs || (window.endMs ?? nowMs) > nowMs)) {
      found.push(`${what} lies in the future`);
    }
    if (window.endMs === null && window.story !== 'storage-ongoing') {
      found.push(`${what} goes on without a story`);
    }
  }

  for (const incident of plan.incidents) {
    const what = `incident "${incident.title}" at ${at(incident.startMs)}`;
    const { updates, resolvedAtMs } = incident;
    if (incident.startMs < plan.monitoredSince(incident.service)) {
      found.push(`${what} starts before its service's monitoring began`);
    }
    if (incident.startMs > nowMs) found.push(`${what} starts in the future`);
    const window = plan.windows.find(
      (candidate) =>
        candidate.service === incident.service &&
        candidate.startMs === incident.startMs &&
        candidate.endMs === resolvedAtMs,
    );
    if (!window) found.push(`${what} has no window of the same life`);
    for (const [index, update] of updates.entries()) {
      const previous = updates[index - 1];
      if (previous && update.atMs <= previous.atMs) {
        found.push(`${what}: update ${index} is not after the one before it`);
      }
      if (previous && order(update.status) < order(previous.status)) {
        found.push(`${what}: "${update.status}" comes after "${previous.status}"`);
      }
      if (update.atMs < incident.startMs) found.push(`${what}: update ${index} before the start`);
      if (update.atMs > (resolvedAtMs ?? nowMs)) {
        found.push(`${what}: update ${index} after the end or after now`);
      }
    }
    const last = updates.at(-1);
    if (incident.status !== (last?.status ?? 'investigating')) {
      found.push(`${what} has status ${incident.status}, its last update says ${last?.status}`);
    }
    const resolvedUpdates = updates.filter((update) => update.status === 'resolved');
    if (resolvedAtMs === null) {
      if (resolvedUpdates.length > 0) found.push(`${what} is ongoing but says resolved`);
    } else if (
      resolvedUpdates.length !== 1 ||
      last?.status !== 'resolved' ||
      last.atMs !== resolvedAtMs
    ) {
      found.push(`${what} does not end with one "resolved" at ${at(resolvedAtMs)}`);
    }
  }

  for (const item of plan.maintenance) {
    if (item.publishedAtMs > nowMs) found.push(`maintenance ${item.key} published in the future`);
    for (const service of item.services) {
      if (!plan.windows.some((w) => w.maintenanceKey === item.key && w.service === service)) {
        found.push(`maintenance ${item.key} has no window on ${service}`);
      }
    }
  }
  return found;
}

/** The window of a story (exactly one), with the customers who have its service. */
function story(plan: DemoPlan, name: DemoStory) {
  const matches = plan.windows.filter((window) => window.story === name);
  expect(matches, name).toHaveLength(1);
  const [window] = matches;
  if (!window) throw new Error(`no ${name}`);
  const customersWith = DEMO_CUSTOMERS.filter((customer) =>
    customer.services.some((service) => service.slug === window.service),
  );
  return { window, customersWith };
}

function checkStories(plan: DemoPlan, nowMs: number) {
  const closedStories: DemoStory[] = [
    'database-miss',
    'api-partial-outage',
    'queue-day-credit',
    'storage-short-notice',
    'cdn-unannounced-maintenance',
    'cdn-cross-month-outage',
  ];
  for (const name of closedStories) {
    const { window, customersWith } = story(plan, name);
    expect(window.startMs, name).toBeGreaterThanOrEqual(plan.monitoredSince(window.service));
    expect(customersWith.length, name).toBeGreaterThan(0);
    for (const customer of customersWith) {
      expect(
        closedFor(customer.timeZone, window.endMs ?? nowMs, nowMs),
        `${name} closed for ${customer.name}`,
      ).toBe(true);
    }
    expect(plan.incidents.some((incident) => incident.story === name)).toBe(
      window.state !== 'maintenance',
    );
  }

  const credit = story(plan, 'queue-day-credit').window;
  expect(localDate(credit.startMs, KOLKATA)).toBe(localDate((credit.endMs ?? 0) - 1, KOLKATA));
  expect((credit.endMs ?? 0) - credit.startMs).toBeGreaterThan(240 * MINUTE_MS);

  const crossing = story(plan, 'cdn-cross-month-outage').window;
  expect(periodOf(crossing.startMs, OSLO)).not.toBe(periodOf((crossing.endMs ?? 0) - 1, OSLO));

  const shortNotice = story(plan, 'storage-short-notice').window;
  expect(shortNotice.startMs - (shortNotice.announcedAtMs ?? 0)).toBeLessThan(DAY_MS);
  expect(story(plan, 'cdn-unannounced-maintenance').window.announcedAtMs).toBeUndefined();

  // The vendor's outage: over before now, in the current UTC quarter unless today is its first day.
  const vendorOutage = story(plan, 'cdn-vendor-outage').window;
  expect(vendorOutage.endMs ?? nowMs).toBeLessThanOrEqual(nowMs);
  const quarterOf = (ms: number) => {
    const date = new Date(ms);
    return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  };
  const firstDayOfQuarter = quarterOf(plan.anchor - DAY_MS) !== quarterOf(plan.anchor);
  if (!firstDayOfQuarter) expect(quarterOf(vendorOutage.startMs)).toBe(quarterOf(nowMs));
  expect(plan.incidents.some((incident) => incident.story === 'cdn-vendor-outage')).toBe(true);

  const ongoing = story(plan, 'storage-ongoing').window;
  expect(ongoing.endMs).toBeNull();
  expect(ongoing.startMs).toBeLessThanOrEqual(nowMs);
  const open = plan.incidents.filter((incident) => incident.resolvedAtMs === null);
  expect(open.map((incident) => incident.story)).toEqual(['storage-ongoing']);
}

/** The queue: monitored from the middle of a month strictly inside the 90-day public bar. */
function checkQueueStart(plan: DemoPlan, nowMs: number) {
  const sinceMs = plan.monitoredSince('queue');
  const firstBarDayMs = plan.anchor - 89 * DAY_MS;
  // The bar's first day is wholly unmonitored ("no data"); today is monitored.
  expect(sinceMs).toBeGreaterThanOrEqual(firstBarDayMs + DAY_MS);
  expect(sinceMs).toBeLessThan(plan.anchor);
  const dayOfMonth = new Date(sinceMs).getUTCDate();
  expect(dayOfMonth).toBeGreaterThanOrEqual(10);
  expect(dayOfMonth).toBeLessThanOrEqual(20);
  for (const slug of DEMO_SERVICE_SLUGS.filter((slug) => slug !== 'queue')) {
    expect(plan.monitoredSince(slug)).toBe(plan.historyStart);
  }

  // For the customer with the queue: a closed month measured in part, one before it not at all.
  const customer = DEMO_CUSTOMERS.find((candidate) =>
    candidate.services.some((service) => service.slug === 'queue'),
  );
  if (!customer) throw new Error('no demo customer has the queue');
  const zone = customer.timeZone;
  const partial = periodBounds(periodOf(sinceMs, zone), zone);
  expect(partial.startMs).toBeLessThan(sinceMs);
  expect(closedFor(zone, partial.endMs, nowMs)).toBe(true);
  const unmonitored = periodBounds(periodOf(partial.startMs - 1, zone), zone);
  const agreementStartMs = plan.historyStart - 30 * DAY_MS;
  expect(unmonitored.startMs).toBeGreaterThanOrEqual(agreementStartMs);
  expect(unmonitored.endMs).toBeLessThanOrEqual(sinceMs);
}

describe('the demo plan, on any day', () => {
  it.each(ANCHORS)('is coherent at %s', (text) => {
    const nowMs = Date.parse(text);
    const plan = planDemoHistory(nowMs);
    expect(problems(plan, nowMs)).toEqual([]);
    checkStories(plan, nowMs);
    checkQueueStart(plan, nowMs);
  });

  it('is coherent at any moment from 2026 to 2030', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2026-01-01T00:00:00Z'),
          max: Date.parse('2030-12-31T23:59:59Z'),
        }),
        (nowMs) => {
          const plan = planDemoHistory(nowMs);
          expect(problems(plan, nowMs)).toEqual([]);
          checkStories(plan, nowMs);
          checkQueueStart(plan, nowMs);
        },
      ),
      runs(60),
    );
  });

  it('gives a short incident fewer updates, never one after its end', () => {
    const plan = planDemoHistory(Date.parse('2026-11-30T12:00:00Z'));
    const resolved = plan.incidents.filter((incident) => incident.resolvedAtMs !== null);
    const count = (incident: (typeof resolved)[number]) => incident.updates.length;
    const shortest = resolved.reduce((a, b) =>
      (a.resolvedAtMs ?? 0) - a.startMs <= (b.resolvedAtMs ?? 0) - b.startMs ? a : b,
    );
    expect(count(shortest)).toBeLessThan(Math.max(...resolved.map(count)));
    expect(shortest.updates.at(-1)).toMatchObject({
      status: 'resolved',
      atMs: shortest.resolvedAtMs,
    });
  });
});

/** The whole data set written at awkward moments: what a visitor and the staff then see. */
describe.each([
  '2026-12-31T23:30:00Z',
  '2027-03-01T00:30:00Z',
  '2027-03-28T01:30:00Z',
  '2027-11-07T06:30:00Z',
  '2028-02-29T12:00:00Z',
])('the demo data set written at %s', (text) => {
  const nowMs = Date.parse(text);
  let db: TempDb;

  beforeAll(async () => {
    db = await tempDb();
    const env = readEnv({ DATABASE_URL: `file:${db.path}`, PORTAL_DEMO: '1' });
    env.config.passwordHashing = TEST_PASSWORD_HASHING;
    await seedDemoData(db, env, manualClock(nowMs), () => undefined);
  }, 60_000);
  afterAll(() => db.dispose());

  it('has claims in every state, each for a month that missed its target', async () => {
    const rows = await db.db.select().from(claims);
    expect(new Set(rows.map((row) => row.status))).toEqual(
      new Set(['submitted', 'approved', 'rejected', 'credited', 'withdrawn']),
    );
    expect(rows.every((row) => (row.evaluation as { met: boolean }).met === false)).toBe(true);
    expect(rows.every((row) => row.createdAt.getTime() < nowMs)).toBe(true);
  });

  it('stores incidents whose status and resolution agree with their last update', async () => {
    const updates = await db.db.select().from(incidentUpdates);
    for (const incident of await db.db.select().from(incidents)) {
      const own = updates
        .filter((update) => update.incidentId === incident.id)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const last = own.at(-1);
      expect(incident.status).toBe(last?.status ?? 'investigating');
      expect(incident.resolvedAt?.getTime() ?? null).toBe(
        incident.status === 'resolved' ? (last?.createdAt.getTime() ?? null) : null,
      );
      expect(own.every((update) => update.createdAt.getTime() <= nowMs)).toBe(true);
    }
  });

  it('leaves every customer a missed month to claim itself in the month the portal opens on', async () => {
    const deps = { db, clock: manualClock(nowMs), config: makeConfig({}) };
    const customerRows = await db.db.select().from(customers);
    let checked = 0;
    for (const customer of customerRows) {
      const [agreement] = await loadAgreements(db.db, {
        customerId: customer.id,
        kinds: ['customer'],
      });
      if (!agreement) continue;
      const newest = shiftPeriod(periodOf(nowMs, agreement.timeZone), -1);
      const items = await customerAvailability(deps, customer.id, [newest]);
      const missed = items.filter((item) => item.met === false && item.creditMinor > 0);
      if (missed.length === 0) continue;
      checked += 1;
      expect(
        missed.some((item) => item.claimable),
        `${customer.name} has a claimable missed month in ${newest}`,
      ).toBe(true);
    }
    // The demo's customers who missed in that month (Northwind always does).
    expect(checked).toBeGreaterThan(0);
  });

  it('gives every customer a final month missed on P1 response, and a pending month', async () => {
    const deps = { db, clock: manualClock(nowMs), config: makeConfig({}) };
    const lastMonth = new Date(planDemoHistory(nowMs).lastMonth).toISOString().slice(0, 7);
    // The customers' agreements: the internal and vendor ones have no help desk.
    const loaded = (await loadAgreements(db.db, {})).filter(
      (agreement) => agreement.kind === 'customer',
    );
    expect(loaded).toHaveLength(DEMO_CUSTOMERS.length);
    for (const agreement of loaded) {
      const closed = await supportMonth(deps, agreement, lastMonth);
      expect(closed).toMatchObject({ status: 'evaluated', final: true, met: false });
      expect(closed.creditMinor).toBeGreaterThan(0);
      expect(closed.objectives).toContainEqual(
        expect.objectContaining({ priority: 'P1', kind: 'firstResponse', met: 1, missed: 1 }),
      );
      // Every request was acknowledged by an automated reply that did not count.
      for (const request of closed.requests) {
        expect(request.events[0]).toMatchObject({ type: 'automated-response', counted: false });
      }
      const open = await supportMonth(deps, agreement, periodOf(nowMs, agreement.timeZone));
      expect(open.final).toBe(false);
      expect(open.requests.some((request) => request.firstResponse === 'pending')).toBe(true);
    }
  });

  it('stores no window before its service was monitored', async () => {
    const since = new Map(
      (await db.db.select().from(services)).map((row) => [row.id, row.monitoredSince.getTime()]),
    );
    const early = (await db.db.select().from(windows)).filter(
      (row) => row.start.getTime() < (since.get(row.serviceId) ?? 0),
    );
    expect(early).toEqual([]);
  });
});
