// The benchmarks' data sets, generated from a seed so that every run measures the same data:
//
//   node bench/lib/data.ts customer-year --out FILE [--seed N]
//
// writes FILE (an SQLite database, migrated) and FILE.json (its manifest: the instant it
// was made for, the signed-in customer's session cookie, an ingest key, the months to ask
// for). Kinds:
// - customer-year: one customer with one agreement on 6 services, a year of monitor
//   history on each (about 4,400 windows a service: short outages, overlaps, maintenance
//   announced or not, runs crossing month boundaries, one window open for 40 days).
// - provider: 5,000 customers × 20 services (statement runs): a year of the same history on
//   each service, one agreement per customer on all 20, in five zones.
// Other benchmarks import `ensureDataSet` to build a set once and reuse it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateApiKey } from '../../api/auth/api-key-secrets.ts';
import { randomToken, sha256 } from '../../api/auth/tokens.ts';
import { progressBar } from '../../api/cli/progress.ts';
import { rebuildRollups } from '../../api/services/rollups.ts';
import { periodBounds, periodOf, shiftPeriod } from '../../api/sla/index.ts';
import { createDb, migrateDb } from '../../db/client.ts';
import {
  agreementServices,
  agreements,
  apiKeys,
  customers,
  policies,
  policyVersions,
  services,
  sessions,
  users,
  type WindowState,
  windows,
} from '../../db/schema/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a benchmark needs to call the portal on a data set. */
export interface DataSetManifest {
  kind: string;
  seed: number;
  /** The instant the data were made for: serve them on a clock pinned here. */
  nowMs: number;
  timeZone: string;
  customerId: number;
  /** `Cookie` header value of the customer's session. */
  cookie: string;
  /** A bearer key with the `ingest` scope. */
  ingestKey: string;
  services: string[];
  windows: number;
  /** The newest closed month in the agreement's zone (what the account page opens on). */
  closedMonth: string;
  currentMonth: string;
}

/** mulberry32: small, fast and seedable; the same seed gives the same data everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CUSTOMER_YEAR_SERVICES = ['api', 'web', 'database', 'queue', 'storage', 'search'];
/** Written for this instant: the data end here, and the benches serve them on a clock pinned to it. */
const CUSTOMER_YEAR_NOW_MS = Date.parse('2026-11-20T12:00:00Z');
const CUSTOMER_YEAR_ZONE = 'Europe/Berlin';
const WINDOWS_PER_DAY = 12;

const CUSTOMER_YEAR_RULES = {
  targetPercent: 99.9,
  minimumOutageMinutes: 2,
  maintenanceNoticeMinutes: 2880,
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99.0, creditPercent: 25 },
    { belowPercent: 95.0, creditPercent: 50 },
  ],
  dailyRule: { thresholdMinutes: 30, creditDays: 1 },
  capPercent: 50,
  termination: { missedPeriods: 3, withinPeriods: 6 },
};

interface WindowRow {
  externalId: string;
  state: WindowState;
  startMs: number;
  endMs: number | null;
  announcedAtMs: number | null;
}

function customerYearWindows(slug: string, next: () => number): WindowRow[] {
  const rows: WindowRow[] = [];
  const firstDayMs = CUSTOMER_YEAR_NOW_MS - 365 * DAY;
  const pick = (): WindowState => {
    const x = next();
    return x < 0.55
      ? 'major_outage'
      : x < 0.8
        ? 'partial_outage'
        : x < 0.9
          ? 'degraded'
          : 'maintenance';
  };
  for (let dayMs = firstDayMs; dayMs < CUSTOMER_YEAR_NOW_MS - DAY; dayMs += DAY) {
    const count = WINDOWS_PER_DAY - 4 + Math.floor(next() * 9);
    for (let n = 0; n < count; n += 1) {
      const startMs = dayMs + Math.floor((next() * DAY) / MINUTE) * MINUTE;
      // Log-uniform from a minute to two hours: mostly blips, a few long outages.
      const lengthMs =
        Math.round(Math.exp(Math.log(MINUTE) + next() * Math.log(120)) / 1000) * 1000;
      const state = pick();
      rows.push({
        externalId: `bench:${slug}:${rows.length}`,
        state,
        startMs,
        endMs: startMs + lengthMs,
        announcedAtMs: state === 'maintenance' && next() < 0.8 ? startMs - 3 * DAY : null,
      });
    }
  }
  if (slug === 'api') {
    // An outage across each local month boundary: judged whole, counted in both months.
    let month = periodOf(firstDayMs, CUSTOMER_YEAR_ZONE);
    for (;;) {
      month = shiftPeriod(month, 1);
      const boundaryMs = periodBounds(month, CUSTOMER_YEAR_ZONE).startMs;
      if (boundaryMs >= CUSTOMER_YEAR_NOW_MS) break;
      rows.push({
        externalId: `bench:${slug}:boundary:${month}`,
        state: 'major_outage',
        startMs: boundaryMs - 20 * MINUTE,
        endMs: boundaryMs + 15 * MINUTE,
        announcedAtMs: null,
      });
    }
  }
  if (slug === 'search') {
    // Degraded for 40 days and still going on: an open window that started long ago.
    rows.push({
      externalId: `bench:${slug}:open`,
      state: 'degraded',
      startMs: CUSTOMER_YEAR_NOW_MS - 40 * DAY,
      endMs: null,
      announcedAtMs: null,
    });
  }
  return rows.sort((a, b) => a.startMs - b.startMs);
}

async function writeCustomerYear(path: string, seed: number): Promise<DataSetManifest> {
  const next = random(seed);
  const database = await createDb({ url: `file:${path}` });
  await migrateDb(database);
  const now = new Date(CUSTOMER_YEAR_NOW_MS);
  const plan = CUSTOMER_YEAR_SERVICES.map((slug) => ({
    slug,
    rows: customerYearWindows(slug, next),
  }));
  const total = plan.reduce((sum, service) => sum + service.rows.length, 0);
  const sessionToken = randomToken();
  const { key: ingestKey, prefix, keyHash } = generateApiKey();
  const bar = progressBar('customer-year windows', total);
  let written = 0;
  const customerId = await database.write(async (tx) => {
    const customer = await tx
      .insert(customers)
      .values({ name: 'Bench customer', timeZone: CUSTOMER_YEAR_ZONE, createdAt: now })
      .returning()
      .get();
    const user = await tx
      .insert(users)
      .values({
        email: 'customer@bench.test',
        role: 'customer',
        customerId: customer.id,
        createdAt: now,
      })
      .returning()
      .get();
    const admin = await tx
      .insert(users)
      .values({ email: 'admin@bench.test', role: 'admin', createdAt: now })
      .returning()
      .get();
    await tx.insert(sessions).values({
      tokenHash: sha256(sessionToken),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(CUSTOMER_YEAR_NOW_MS + 365 * DAY),
    });
    await tx.insert(apiKeys).values({
      name: 'bench monitor',
      prefix,
      keyHash,
      scopes: ['ingest'],
      createdByUserId: admin.id,
      createdAt: now,
    });
    const policy = await tx
      .insert(policies)
      .values({ name: 'Bench policy', createdAt: now })
      .returning()
      .get();
    await tx.insert(policyVersions).values({
      policyId: policy.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: CUSTOMER_YEAR_RULES,
      createdAt: now,
    });
    const agreement = await tx
      .insert(agreements)
      .values({
        customerId: customer.id,
        policyId: policy.id,
        start: new Date(CUSTOMER_YEAR_NOW_MS - 400 * DAY),
        timeZone: CUSTOMER_YEAR_ZONE,
        createdAt: now,
      })
      .returning()
      .get();
    for (const [index, { slug, rows }] of plan.entries()) {
      const service = await tx
        .insert(services)
        .values({
          slug,
          name: slug[0]?.toUpperCase() + slug.slice(1),
          monitoredSince: new Date(CUSTOMER_YEAR_NOW_MS - 380 * DAY),
          sortOrder: index,
          createdAt: now,
        })
        .returning()
        .get();
      await tx.insert(agreementServices).values({
        agreementId: agreement.id,
        serviceId: service.id,
        monthlyFeeMinor: 250_000 + index * 50_000,
        currency: 'EUR',
      });
      for (let i = 0; i < rows.length; i += 500) {
        await tx.insert(windows).values(
          rows.slice(i, i + 500).map((row) => ({
            serviceId: service.id,
            externalId: row.externalId,
            state: row.state,
            start: new Date(row.startMs),
            end: row.endMs === null ? null : new Date(row.endMs),
            announcedAt: row.announcedAtMs === null ? null : new Date(row.announcedAtMs),
            source: 'seed' as const,
            requestFingerprint: '',
            createdAt: now,
            updatedAt: now,
          })),
        );
        written += Math.min(500, rows.length - i);
        bar.update(written);
      }
      await rebuildRollups(tx, service.id);
    }
    return customer.id;
  });
  bar.finish();
  database.close();
  const currentMonth = periodOf(CUSTOMER_YEAR_NOW_MS, CUSTOMER_YEAR_ZONE);
  return {
    kind: 'customer-year',
    seed,
    nowMs: CUSTOMER_YEAR_NOW_MS,
    timeZone: CUSTOMER_YEAR_ZONE,
    customerId,
    cookie: `portal_session=${sessionToken}`,
    ingestKey,
    services: CUSTOMER_YEAR_SERVICES,
    windows: total,
    closedMonth: shiftPeriod(currentMonth, -1),
    currentMonth,
  };
}

const PROVIDER_CUSTOMERS = 5_000;
const PROVIDER_SERVICES = Array.from(
  { length: 20 },
  (_, n) => `service-${String(n + 1).padStart(2, '0')}`,
);
const PROVIDER_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
];
const ROWS_PER_INSERT = 500;

/**
 * A provider at scale (for statement runs): 20 services with a year of history each, and
 * 5,000 customers, each with one agreement on all 20 services in one of five zones.
 */
async function writeProvider(path: string, seed: number): Promise<DataSetManifest> {
  const next = random(seed);
  const database = await createDb({ url: `file:${path}` });
  await migrateDb(database);
  const now = new Date(CUSTOMER_YEAR_NOW_MS);
  const plan = PROVIDER_SERVICES.map((slug) => ({ slug, rows: customerYearWindows(slug, next) }));
  const windowCount = plan.reduce((sum, service) => sum + service.rows.length, 0);
  const sessionToken = randomToken();
  const { key: ingestKey, prefix, keyHash } = generateApiKey();
  const bar = progressBar('provider rows', windowCount + PROVIDER_CUSTOMERS);
  let written = 0;
  const firstCustomerId = await database.write(async (tx) => {
    const admin = await tx
      .insert(users)
      .values({ email: 'admin@bench.test', role: 'admin', createdAt: now })
      .returning()
      .get();
    await tx.insert(apiKeys).values({
      name: 'bench monitor',
      prefix,
      keyHash,
      scopes: ['ingest'],
      createdByUserId: admin.id,
      createdAt: now,
    });
    const policy = await tx
      .insert(policies)
      .values({ name: 'Bench policy', createdAt: now })
      .returning()
      .get();
    await tx.insert(policyVersions).values({
      policyId: policy.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: CUSTOMER_YEAR_RULES,
      createdAt: now,
    });
    const serviceIds: number[] = [];
    for (const [index, { slug, rows }] of plan.entries()) {
      const service = await tx
        .insert(services)
        .values({
          slug,
          name: `Service ${index + 1}`,
          monitoredSince: new Date(CUSTOMER_YEAR_NOW_MS - 380 * DAY),
          sortOrder: index,
          createdAt: now,
        })
        .returning()
        .get();
      serviceIds.push(service.id);
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await tx.insert(windows).values(
          rows.slice(i, i + ROWS_PER_INSERT).map((row) => ({
            serviceId: service.id,
            externalId: row.externalId,
            state: row.state,
            start: new Date(row.startMs),
            end: row.endMs === null ? null : new Date(row.endMs),
            announcedAt: row.announcedAtMs === null ? null : new Date(row.announcedAtMs),
            source: 'seed' as const,
            requestFingerprint: '',
            createdAt: now,
            updatedAt: now,
          })),
        );
        written += Math.min(ROWS_PER_INSERT, rows.length - i);
        bar.update(written);
      }
      await rebuildRollups(tx, service.id);
    }
    let first = 0;
    const perInsert = Math.floor(ROWS_PER_INSERT / PROVIDER_SERVICES.length);
    for (let n = 0; n < PROVIDER_CUSTOMERS; n += perInsert) {
      const count = Math.min(perInsert, PROVIDER_CUSTOMERS - n);
      const zones = Array.from(
        { length: count },
        (_, k) => PROVIDER_ZONES[(n + k) % PROVIDER_ZONES.length] as string,
      );
      const customerRows = await tx
        .insert(customers)
        .values(
          zones.map((timeZone, k) => ({ name: `Customer ${n + k + 1}`, timeZone, createdAt: now })),
        )
        .returning({ id: customers.id });
      if (n === 0) first = customerRows[0]?.id ?? 0;
      const agreementRows = await tx
        .insert(agreements)
        .values(
          customerRows.map((customer, k) => ({
            customerId: customer.id,
            policyId: policy.id,
            start: new Date(CUSTOMER_YEAR_NOW_MS - 400 * DAY),
            timeZone: zones[k] as string,
            createdAt: now,
          })),
        )
        .returning({ id: agreements.id });
      await tx.insert(agreementServices).values(
        agreementRows.flatMap((agreement) =>
          serviceIds.map((serviceId, index) => ({
            agreementId: agreement.id,
            serviceId,
            monthlyFeeMinor: 10_000 + index * 1_000 + Math.floor(next() * 100) * 100,
            currency: 'EUR',
          })),
        ),
      );
      written += count;
      bar.update(written);
    }
    const user = await tx
      .insert(users)
      .values({ email: 'customer@bench.test', role: 'customer', customerId: first, createdAt: now })
      .returning()
      .get();
    await tx.insert(sessions).values({
      tokenHash: sha256(sessionToken),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(CUSTOMER_YEAR_NOW_MS + 365 * DAY),
    });
    return first;
  });
  bar.finish();
  database.close();
  const currentMonth = periodOf(CUSTOMER_YEAR_NOW_MS, 'UTC');
  return {
    kind: 'provider',
    seed,
    nowMs: CUSTOMER_YEAR_NOW_MS,
    timeZone: 'UTC',
    customerId: firstCustomerId,
    cookie: `portal_session=${sessionToken}`,
    ingestKey,
    services: PROVIDER_SERVICES,
    windows: windowCount,
    closedMonth: shiftPeriod(currentMonth, -1),
    currentMonth,
  };
}

const KINDS: Record<string, (path: string, seed: number) => Promise<DataSetManifest>> = {
  'customer-year': writeCustomerYear,
  provider: writeProvider,
};

export const DEFAULT_SEED = 17;

/** Writes the data set `kind` to `path` (replacing it) and its manifest to `path.json`. */
export async function writeDataSet(
  kind: string,
  path: string,
  seed = DEFAULT_SEED,
): Promise<DataSetManifest> {
  const write = KINDS[kind];
  if (write === undefined) {
    throw new Error(`unknown data set ${kind}; known: ${Object.keys(KINDS).join(', ')}`);
  }
  mkdirSync(dirname(path), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${path}${suffix}`, { force: true });
  const manifest = await write(path, seed);
  writeFileSync(`${path}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * The data set at `path` when its manifest says it is `kind` made from `seed`; otherwise
 * it is generated first. Benches share one file this way (tmp/ is ignored by git).
 */
export async function ensureDataSet(
  kind: string,
  path: string,
  seed = DEFAULT_SEED,
): Promise<DataSetManifest> {
  if (existsSync(path) && existsSync(`${path}.json`)) {
    const manifest = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as DataSetManifest;
    if (manifest.kind === kind && manifest.seed === seed) return manifest;
  }
  return writeDataSet(kind, path, seed);
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, seed: { type: 'string' } },
  });
  const kind = positionals[0];
  if (kind === undefined || values.out === undefined) {
    process.stderr.write(
      `usage: node bench/lib/data.ts KIND --out FILE [--seed N]\nkinds: ${Object.keys(KINDS).join(', ')}\n`,
    );
    process.exit(2);
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    process.stderr.write('--seed must be an integer\n');
    process.exit(2);
  }
  const path = resolve(values.out);
  const manifest = await writeDataSet(kind, path, seed);
  process.stdout.write(
    `${kind}: ${manifest.windows.toLocaleString('en')} windows written to ${path} (manifest ${path}.json)\n`,
  );
}
