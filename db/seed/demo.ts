import { randomBytes } from 'node:crypto';
import type { Tx } from '../client.ts';
import {
  agreementServices,
  agreements,
  customers,
  incidentServices,
  incidents,
  incidentUpdates,
  maintenanceServices,
  maintenances,
  policies,
  policyVersions,
  serviceGroups,
  services,
  users,
  type WindowState,
  windows,
} from '../schema/index.ts';
import { seededRandom } from './random.ts';

/**
 * The demo data set: deterministic for a given anchor day (every run on the same UTC day
 * writes the same rows), clearly marked as demo (names, `.example` addresses), with
 * 150 days of history ending now.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const HISTORY_DAYS = 150;

export interface DemoLogin {
  email: string;
  password: string;
  role: 'admin' | 'agent' | 'customer';
  customer?: string;
}

export type SeedProgress = (message: string) => void;

export interface SeedOptions {
  nowMs: number;
  /** Hashes a demo password (argon2id in the app; injected so db/ does not depend on api/). */
  hashPassword: (password: string) => Promise<string>;
  progress?: SeedProgress;
  /** Random source for demo passwords; deterministic data, random secrets. */
  password?: () => string;
}

export interface SeedResult {
  logins: DemoLogin[];
  counts: Record<string, number>;
}

const GROUPS = [
  { slug: 'core', name: 'Core platform' },
  { slug: 'data', name: 'Data services' },
  { slug: 'edge', name: 'Edge network' },
] as const;

const SERVICES = [
  { slug: 'api', name: 'Public API', group: 'core', description: 'REST and GraphQL endpoints' },
  { slug: 'dashboard', name: 'Web dashboard', group: 'core', description: 'The management UI' },
  { slug: 'auth', name: 'Sign-in and identity', group: 'core', description: 'SSO, OAuth, MFA' },
  { slug: 'database', name: 'Managed PostgreSQL', group: 'data', description: 'Primary clusters' },
  { slug: 'storage', name: 'Object storage', group: 'data', description: 'S3-compatible buckets' },
  // Monitored only since the start of the month before last (see planDemoHistory).
  { slug: 'queue', name: 'Message queue', group: 'data', description: 'Streams and queues' },
  { slug: 'cdn', name: 'CDN', group: 'edge', description: 'Static and media delivery' },
  { slug: 'dns', name: 'Managed DNS', group: 'edge', description: 'Authoritative DNS' },
] as const;
type ServiceSlug = (typeof SERVICES)[number]['slug'];

/** The policy fields of sla-accounting.md §1, with every default written out. */
const STANDARD_V1 = {
  targetPercent: 99.9,
  weights: { major_outage: 1, partial_outage: 0.3, degraded: 0 },
  minimumOutageMinutes: 0,
  maintenanceNoticeMinutes: 2880,
  maintenanceAccounting: 'excluded',
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99.0, creditPercent: 25 },
    { belowPercent: 95.0, creditPercent: 100 },
  ],
  dailyRule: null,
  capPercent: 100,
  minimumCreditMinor: 0,
  claimWindowDays: 30,
  termination: null,
};
/** Version 2: blips under 5 minutes stop counting, and claims get 45 days. */
const STANDARD_V2 = { ...STANDARD_V1, minimumOutageMinutes: 5, claimWindowDays: 45 };
const PREMIUM_V1 = {
  targetPercent: 99.95,
  weights: { major_outage: 1, partial_outage: 0.5, degraded: 0.1 },
  minimumOutageMinutes: 5,
  maintenanceNoticeMinutes: 4320,
  maintenanceAccounting: 'excluded',
  tiers: [
    { belowPercent: 99.95, creditPercent: 10 },
    { belowPercent: 99.5, creditPercent: 25 },
    { belowPercent: 99.0, creditPercent: 50 },
  ],
  // The "cable rule": a day with more than 4 hours of downtime credits a day's fee.
  dailyRule: { thresholdMinutes: 240, creditDays: 1 },
  capPercent: 50,
  minimumCreditMinor: 500,
  claimWindowDays: 60,
  termination: { missedPeriods: 3, withinPeriods: 6 },
};

const CUSTOMERS = [
  {
    name: 'Northwind Trading (demo)',
    timeZone: 'America/New_York',
    policy: 'standard',
    login: 'ops@northwind.example',
    services: [
      { slug: 'api', feeMinor: 250_000, currency: 'USD' },
      { slug: 'dashboard', feeMinor: 50_000, currency: 'USD' },
      { slug: 'database', feeMinor: 400_000, currency: 'USD' },
    ],
  },
  {
    name: 'Bharat Logistics (demo)',
    timeZone: 'Asia/Kolkata',
    policy: 'premium',
    login: 'sre@bharat-logistics.example',
    services: [
      { slug: 'api', feeMinor: 15_000_000, currency: 'INR' },
      { slug: 'storage', feeMinor: 6_000_000, currency: 'INR' },
      { slug: 'queue', feeMinor: 4_500_000, currency: 'INR' },
    ],
  },
  {
    name: 'Fjord Media (demo)',
    timeZone: 'Europe/Oslo',
    policy: 'standard',
    login: 'drift@fjordmedia.example',
    services: [
      { slug: 'cdn', feeMinor: 180_000, currency: 'EUR' },
      { slug: 'dns', feeMinor: 20_000, currency: 'EUR' },
      { slug: 'storage', feeMinor: 90_000, currency: 'EUR' },
    ],
  },
  {
    name: 'Chatham Fisheries Co-op (demo)',
    timeZone: 'Pacific/Chatham',
    policy: 'premium',
    login: 'it@chatham-fisheries.example',
    services: [
      { slug: 'api', feeMinor: 120_000, currency: 'NZD' },
      { slug: 'cdn', feeMinor: 60_000, currency: 'NZD' },
    ],
  },
] as const;

interface PlannedWindow {
  service: ServiceSlug;
  state: WindowState;
  startMs: number;
  endMs: number | null;
  announcedAtMs?: number;
  maintenanceKey?: string;
}

interface PlannedIncident {
  title: string;
  impact: 'minor' | 'major' | 'critical';
  service: ServiceSlug;
  startMs: number;
  endMs: number | null;
}

interface PlannedMaintenance {
  key: string;
  title: string;
  description: string;
  services: ServiceSlug[];
  startMs: number;
  endMs: number;
  publishedAtMs: number;
}

function utcMonthStart(ms: number, offsetMonths: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offsetMonths, 1);
}

/** Plans every window, incident and maintenance relative to the anchor (today, UTC midnight). */
export function planDemoHistory(nowMs: number) {
  const anchor = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const historyStart = anchor - HISTORY_DAYS * DAY_MS;
  const random = seededRandom(20_260_101);
  const planned: PlannedWindow[] = [];
  const plannedIncidents: PlannedIncident[] = [];
  const plannedMaintenance: PlannedMaintenance[] = [];

  // The queue was added to monitoring two months ago: earlier days show "no data".
  const monitoredSince = (slug: ServiceSlug) =>
    slug === 'queue' ? utcMonthStart(anchor, -2) : historyStart;

  // Background noise: a few short problems per service and month.
  for (const service of SERVICES) {
    for (let day = monitoredSince(service.slug); day < anchor - DAY_MS; day += DAY_MS) {
      if (random.chance(0.025)) {
        const start = day + random.int(0, 23 * 60) * MINUTE_MS;
        const minutes = random.int(2, 48);
        planned.push({
          service: service.slug,
          state: 'major_outage',
          startMs: start,
          endMs: start + minutes * MINUTE_MS,
        });
        if (minutes >= 15) {
          plannedIncidents.push({
            title: `${service.name} unavailable`,
            impact: 'major',
            service: service.slug,
            startMs: start,
            endMs: start + minutes * MINUTE_MS,
          });
        }
      }
      if (random.chance(0.04)) {
        const start = day + random.int(0, 22 * 60) * MINUTE_MS;
        const minutes = random.int(20, 180);
        planned.push({
          service: service.slug,
          state: 'partial_outage',
          startMs: start,
          endMs: start + minutes * MINUTE_MS,
        });
        if (minutes >= 60) {
          plannedIncidents.push({
            title: `Elevated error rates on ${service.name}`,
            impact: 'minor',
            service: service.slug,
            startMs: start,
            endMs: start + minutes * MINUTE_MS,
          });
        }
      }
      if (random.chance(0.05)) {
        const start = day + random.int(0, 20 * 60) * MINUTE_MS;
        planned.push({
          service: service.slug,
          state: 'degraded',
          startMs: start,
          endMs: start + random.int(30, 240) * MINUTE_MS,
        });
      }
    }
  }

  // Announced maintenance every three weeks, Sunday 02:00-04:00 UTC, told a week before.
  let counter = 0;
  for (let day = historyStart + 6 * DAY_MS; day < anchor + 14 * DAY_MS; day += 21 * DAY_MS) {
    counter += 1;
    const start = day + 2 * HOUR_MS;
    const group =
      counter % 2 === 0 ? (['database', 'storage'] as const) : (['api', 'auth'] as const);
    const key = `m${counter}`;
    plannedMaintenance.push({
      key,
      title: counter % 2 === 0 ? 'Storage engine upgrade' : 'API gateway rollout',
      description: 'Planned work; short interruptions are possible during the window.',
      services: [...group],
      startMs: start,
      endMs: start + 2 * HOUR_MS,
      publishedAtMs: start - 7 * DAY_MS,
    });
  }

  // Scripted events: they make the demo tell a story every time.
  const lastMonth = utcMonthStart(anchor, -1);
  const twoMonthsAgo = utcMonthStart(anchor, -2);
  const threeMonthsAgo = utcMonthStart(anchor, -3);
  const scripted: (PlannedWindow & {
    incident?: Omit<PlannedIncident, 'service' | 'startMs' | 'endMs'>;
  })[] = [
    {
      // Misses 99.9 % for every agreement with the database (190 minutes down).
      service: 'database',
      state: 'major_outage',
      startMs: lastMonth + 11 * DAY_MS + 14 * HOUR_MS,
      endMs: lastMonth + 11 * DAY_MS + 17 * HOUR_MS + 10 * MINUTE_MS,
      incident: { title: 'Primary database cluster unreachable', impact: 'critical' },
    },
    {
      // Five hours of partial outage on the API: misses 99.95 %.
      service: 'api',
      state: 'partial_outage',
      startMs: lastMonth + 19 * DAY_MS + 8 * HOUR_MS,
      endMs: lastMonth + 19 * DAY_MS + 13 * HOUR_MS,
      incident: { title: 'API latency and intermittent 503s', impact: 'major' },
    },
    {
      // Over four hours in one local day: earns the premium "cable rule" day credit.
      service: 'queue',
      state: 'major_outage',
      startMs: twoMonthsAgo + 9 * DAY_MS + 5 * HOUR_MS,
      endMs: twoMonthsAgo + 9 * DAY_MS + 9 * HOUR_MS + 45 * MINUTE_MS,
      incident: { title: 'Message queue brokers down', impact: 'critical' },
    },
    {
      // Maintenance told only two hours ahead: counts as an outage for the customers.
      service: 'storage',
      state: 'maintenance',
      startMs: threeMonthsAgo + 14 * DAY_MS + 22 * HOUR_MS,
      endMs: threeMonthsAgo + 14 * DAY_MS + 23 * HOUR_MS + 30 * MINUTE_MS,
      announcedAtMs: threeMonthsAgo + 14 * DAY_MS + 20 * HOUR_MS,
    },
    {
      // Maintenance never announced at all.
      service: 'cdn',
      state: 'maintenance',
      startMs: twoMonthsAgo + 3 * DAY_MS + 1 * HOUR_MS,
      endMs: twoMonthsAgo + 3 * DAY_MS + 2 * HOUR_MS,
    },
    {
      // An outage across the turn of the month: each month counts its own part.
      service: 'cdn',
      state: 'major_outage',
      startMs: lastMonth - 25 * MINUTE_MS,
      endMs: lastMonth + 35 * MINUTE_MS,
      incident: { title: 'CDN edge nodes failing health checks', impact: 'major' },
    },
    {
      // Going on now: the status page shows it, with an incident still open.
      service: 'storage',
      state: 'degraded',
      startMs: nowMs - 47 * MINUTE_MS,
      endMs: null,
      incident: { title: 'Slow uploads to object storage', impact: 'minor' },
    },
  ];
  for (const { incident, ...window } of scripted) {
    planned.push(window);
    if (incident) {
      plannedIncidents.push({
        ...incident,
        service: window.service,
        startMs: window.startMs,
        endMs: window.endMs,
      });
    }
  }
  for (const item of plannedMaintenance) {
    for (const service of item.services) {
      planned.push({
        service,
        state: 'maintenance',
        startMs: item.startMs,
        endMs: item.endMs,
        announcedAtMs: item.publishedAtMs,
        maintenanceKey: item.key,
      });
    }
  }
  // Only what had been published by now exists; only what has started is a window.
  const maintenanceNow = plannedMaintenance.filter((item) => item.publishedAtMs <= nowMs);
  const windowsNow = planned
    .filter((window) => window.startMs <= nowMs || window.maintenanceKey !== undefined)
    .filter(
      (window) =>
        window.maintenanceKey === undefined ||
        maintenanceNow.some((item) => item.key === window.maintenanceKey),
    )
    .sort((a, b) => a.startMs - b.startMs || a.service.localeCompare(b.service));
  return {
    anchor,
    historyStart,
    monitoredSince,
    windows: windowsNow,
    incidents: plannedIncidents.sort((a, b) => a.startMs - b.startMs),
    maintenance: maintenanceNow,
  };
}

function defaultPassword(): string {
  // 18 random bytes: 24 base64url characters, about 144 bits.
  return randomBytes(18).toString('base64url');
}

const CHUNK = 200;

async function insertChunked<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
  progress: SeedProgress,
  label: string,
): Promise<void> {
  for (let index = 0; index < rows.length; index += CHUNK) {
    await insert(rows.slice(index, index + CHUNK));
    progress(`  ${label}: ${Math.min(index + CHUNK, rows.length)}/${rows.length}`);
  }
}

/** Writes the demo data set in the given transaction. Expects an empty database. */
export async function seedDemo(tx: Tx, options: SeedOptions): Promise<SeedResult> {
  const progress = options.progress ?? (() => {});
  const newPassword = options.password ?? defaultPassword;
  const { nowMs } = options;
  const now = new Date(nowMs);
  const plan = planDemoHistory(nowMs);

  progress('Seeding the demo data set (clearly marked "demo")');
  progress('  service groups and services');
  const groupIds = new Map<string, number>();
  for (const [index, group] of GROUPS.entries()) {
    const row = await tx
      .insert(serviceGroups)
      .values({ ...group, sortOrder: index, createdAt: now })
      .returning()
      .get();
    groupIds.set(group.slug, row.id);
  }
  const serviceIds = new Map<ServiceSlug, number>();
  for (const [index, service] of SERVICES.entries()) {
    const row = await tx
      .insert(services)
      .values({
        slug: service.slug,
        name: service.name,
        description: service.description,
        groupId: groupIds.get(service.group) ?? null,
        monitoredSince: new Date(plan.monitoredSince(service.slug)),
        sortOrder: index,
        createdAt: now,
      })
      .returning()
      .get();
    serviceIds.set(service.slug, row.id);
  }
  const serviceId = (slug: ServiceSlug) => {
    const id = serviceIds.get(slug);
    if (id === undefined) throw new Error(`unknown demo service ${slug}`);
    return id;
  };

  progress('  users');
  const logins: DemoLogin[] = [];
  const addUser = async (
    email: string,
    role: DemoLogin['role'],
    customer?: { id: number; name: string },
  ) => {
    const password = newPassword();
    const row = await tx
      .insert(users)
      .values({
        email,
        name: email.split('@')[0] ?? email,
        passwordHash: await options.hashPassword(password),
        role,
        customerId: customer?.id ?? null,
        passwordChangedAt: now,
        createdAt: now,
      })
      .returning()
      .get();
    logins.push({ email, password, role, ...(customer ? { customer: customer.name } : {}) });
    return row;
  };
  const admin = await addUser('admin@demo.example', 'admin');
  const agent = await addUser('agent@demo.example', 'agent');

  progress('  policies');
  const monthText = (ms: number) => new Date(ms).toISOString().slice(0, 7);
  const standard = await tx
    .insert(policies)
    .values({ name: 'Standard 99.9 %', createdAt: now })
    .returning()
    .get();
  const premium = await tx
    .insert(policies)
    .values({ name: 'Premium 99.95 % with daily credits', createdAt: now })
    .returning()
    .get();
  await tx.insert(policyVersions).values([
    {
      policyId: standard.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: STANDARD_V1,
      createdByUserId: admin.id,
      createdAt: now,
    },
    {
      policyId: standard.id,
      version: 2,
      effectiveFrom: monthText(utcMonthStart(plan.anchor, -2)),
      rules: STANDARD_V2,
      createdByUserId: admin.id,
      createdAt: now,
    },
    {
      policyId: premium.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: PREMIUM_V1,
      createdByUserId: admin.id,
      createdAt: now,
    },
  ]);
  const policyIds: Record<string, number> = { standard: standard.id, premium: premium.id };

  progress('  customers, agreements and their users');
  for (const customer of CUSTOMERS) {
    const row = await tx
      .insert(customers)
      .values({ name: customer.name, timeZone: customer.timeZone, createdAt: now })
      .returning()
      .get();
    const agreement = await tx
      .insert(agreements)
      .values({
        customerId: row.id,
        policyId: policyIds[customer.policy] ?? standard.id,
        start: new Date(plan.historyStart - 30 * DAY_MS),
        end: null,
        timeZone: customer.timeZone,
        createdAt: now,
      })
      .returning()
      .get();
    await tx.insert(agreementServices).values(
      customer.services.map((service) => ({
        agreementId: agreement.id,
        serviceId: serviceId(service.slug),
        monthlyFeeMinor: service.feeMinor,
        currency: service.currency,
      })),
    );
    await addUser(customer.login, 'customer', { id: row.id, name: customer.name });
  }

  progress('  maintenance');
  const maintenanceIds = new Map<string, number>();
  for (const item of plan.maintenance) {
    const row = await tx
      .insert(maintenances)
      .values({
        title: item.title,
        description: item.description,
        startsAt: new Date(item.startMs),
        endsAt: new Date(item.endMs),
        publishedAt: new Date(item.publishedAtMs),
        createdByUserId: agent.id,
        createdAt: new Date(item.publishedAtMs),
        updatedAt: new Date(item.publishedAtMs),
      })
      .returning()
      .get();
    maintenanceIds.set(item.key, row.id);
    await tx
      .insert(maintenanceServices)
      .values(item.services.map((slug) => ({ maintenanceId: row.id, serviceId: serviceId(slug) })));
  }

  const windowRows = plan.windows.map((window, index) => {
    const maintenanceId = window.maintenanceKey
      ? maintenanceIds.get(window.maintenanceKey)
      : undefined;
    const externalId = maintenanceId
      ? `maintenance:${maintenanceId}:${window.service}`
      : `demo:${window.service}:${index}`;
    const body = {
      externalId,
      service: window.service,
      state: window.state,
      start: new Date(window.startMs).toISOString(),
      end: window.endMs === null ? null : new Date(window.endMs).toISOString(),
      announcedAt: window.announcedAtMs ? new Date(window.announcedAtMs).toISOString() : null,
    };
    return {
      serviceId: serviceId(window.service),
      externalId,
      state: window.state,
      start: new Date(window.startMs),
      end: window.endMs === null ? null : new Date(window.endMs),
      announcedAt: window.announcedAtMs ? new Date(window.announcedAtMs) : null,
      source: 'seed' as const,
      requestFingerprint: JSON.stringify(body),
      maintenanceId: maintenanceId ?? null,
      createdAt: new Date(Math.min(window.startMs, nowMs)),
      updatedAt: new Date(Math.min(window.endMs ?? nowMs, nowMs)),
    };
  });
  progress(`  uptime windows (${windowRows.length})`);
  await insertChunked(windowRows, (chunk) => tx.insert(windows).values(chunk), progress, 'windows');

  progress(`  incidents (${plan.incidents.length}) with their updates`);
  for (const [index, item] of plan.incidents.entries()) {
    const resolved = item.endMs !== null && item.endMs <= nowMs;
    const row = await tx
      .insert(incidents)
      .values({
        title: item.title,
        impact: item.impact,
        status: resolved ? 'resolved' : 'identified',
        startedAt: new Date(item.startMs),
        resolvedAt: resolved && item.endMs !== null ? new Date(item.endMs) : null,
        externalId: `demo-incident-${index}`,
        createdAt: new Date(item.startMs),
        updatedAt: new Date(item.endMs ?? nowMs),
      })
      .returning()
      .get();
    await tx
      .insert(incidentServices)
      .values({ incidentId: row.id, serviceId: serviceId(item.service) });
    const firstHumanMs = item.startMs + (4 + (index % 9) * 3) * MINUTE_MS;
    const updates = [
      {
        status: 'investigating' as const,
        body: 'Automated monitoring detected failing checks. Engineers have been paged.',
        kind: 'automated' as const,
        at: item.startMs + MINUTE_MS,
      },
      {
        status: 'investigating' as const,
        body: 'We are investigating reports of problems and will update within 30 minutes.',
        kind: 'human' as const,
        at: firstHumanMs,
      },
      {
        status: 'identified' as const,
        body: 'The cause is identified and a fix is being applied.',
        kind: 'human' as const,
        at: firstHumanMs + 10 * MINUTE_MS,
      },
      ...(resolved && item.endMs !== null
        ? [
            {
              status: 'resolved' as const,
              body: 'Service is fully restored. A post-incident review will follow.',
              kind: 'human' as const,
              at: item.endMs + 2 * MINUTE_MS,
            },
          ]
        : []),
    ].filter((update) => update.at <= nowMs);
    if (updates.length > 0) {
      await tx.insert(incidentUpdates).values(
        updates.map((update) => ({
          incidentId: row.id,
          status: update.status,
          body: update.body,
          kind: update.kind,
          authorUserId: update.kind === 'human' ? agent.id : null,
          createdAt: new Date(update.at),
        })),
      );
    }
  }

  progress('Demo data set written.');
  return {
    logins,
    counts: {
      services: SERVICES.length,
      customers: CUSTOMERS.length,
      windows: windowRows.length,
      incidents: plan.incidents.length,
      maintenance: plan.maintenance.length,
    },
  };
}
