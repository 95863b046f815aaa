import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { BusinessHours } from '../../api/sla/index.ts';
import type { Tx } from '../client.ts';
import {
  agreementServices,
  agreements,
  customers,
  type INCIDENT_STATUSES,
  incidentServices,
  incidents,
  incidentUpdates,
  maintenanceServices,
  maintenances,
  policies,
  policyVersions,
  type SupportEventType,
  type SupportPriority,
  serviceGroups,
  services,
  supportRequestEvents,
  supportRequests,
  users,
  vendorAttributions,
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
  // Monitored only since the middle of the month before last (see planDemoHistory).
  { slug: 'queue', name: 'Message queue', group: 'data', description: 'Streams and queues' },
  { slug: 'cdn', name: 'CDN', group: 'edge', description: 'Static and media delivery' },
  { slug: 'dns', name: 'Managed DNS', group: 'edge', description: 'Authoritative DNS' },
] as const;
export type ServiceSlug = (typeof SERVICES)[number]['slug'];

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
/**
 * The response block of sla-response.md §1, the same for both policies: a P1 gets a person
 * within 30 minutes round the clock, lower priorities within business hours.
 */
const RESPONSE_V1 = {
  objectives: {
    P1: { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: '24x7' },
    P2: { firstResponseMinutes: 240, resolutionMinutes: 2880, calendar: 'business' },
    P3: { firstResponseMinutes: 480, resolutionMinutes: null, calendar: 'business' },
    P4: { firstResponseMinutes: 1440, resolutionMinutes: null, calendar: 'business' },
  },
  targetPercent: 95,
  tiers: [
    { belowPercent: 95, creditPercent: 5 },
    { belowPercent: 80, creditPercent: 15 },
  ],
  capPercent: 100,
  minimumCreditMinor: 0,
  claimWindowDays: 30,
};

const OFFICE_DAY = [['09:00', '17:00']] as const;
/** Every demo agreement's business hours, in its own zone. */
const DEMO_BUSINESS_HOURS: BusinessHours = {
  schedule: {
    mon: OFFICE_DAY,
    tue: OFFICE_DAY,
    wed: OFFICE_DAY,
    thu: OFFICE_DAY,
    fri: OFFICE_DAY,
    sat: [],
    sun: [],
  },
  holidays: [],
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

/**
 * The upstream CDN's own terms (AWS-like tiers): what it owes us, as its customer, when its
 * service fails ours. Claims go to the vendor within 60 days of the month's end.
 */
const VENDOR_CDN_V1 = {
  targetPercent: 99.9,
  weights: { major_outage: 1, partial_outage: 0.5, degraded: 0 },
  minimumOutageMinutes: 0,
  maintenanceNoticeMinutes: 0,
  maintenanceAccounting: 'excluded',
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99.0, creditPercent: 25 },
    { belowPercent: 95.0, creditPercent: 100 },
  ],
  dailyRule: null,
  capPercent: 100,
  minimumCreditMinor: 0,
  claimWindowDays: 60,
  termination: null,
};

/** Our own teams' agreement: a report of the figures, no fee, no claims (decision 195). */
export const DEMO_INTERNAL = {
  name: 'Platform Engineering, internal (demo)',
  timeZone: 'Europe/London',
  login: 'platform@internal-teams.example',
  services: ['api', 'auth', 'database'] as const,
};

/** The upstream supplier of our CDN: an account without sign-ins (decision 195). */
export const DEMO_VENDOR = {
  name: 'Cumulus Edge CDN, vendor (demo)',
  timeZone: 'UTC',
  service: 'cdn' as const,
  feeMinor: 1_200_000,
  currency: 'USD',
};

/** A demo customer: one agreement, its services all billed in one currency. */
interface DemoCustomer {
  name: string;
  timeZone: string;
  policy: 'standard' | 'premium';
  login: string;
  /** The monthly support fee the response credit is a share of. */
  supportFeeMinor: number;
  currency: string;
  /** Each service's monthly fee, in `currency`. */
  services: readonly { slug: string; feeMinor: number }[];
}

const CUSTOMERS = [
  {
    name: 'Northwind Trading (demo)',
    timeZone: 'America/New_York',
    policy: 'standard',
    login: 'ops@northwind.example',
    supportFeeMinor: 60_000,
    currency: 'USD',
    services: [
      { slug: 'api', feeMinor: 250_000 },
      { slug: 'dashboard', feeMinor: 50_000 },
      { slug: 'database', feeMinor: 400_000 },
    ],
  },
  {
    name: 'Bharat Logistics (demo)',
    timeZone: 'Asia/Kolkata',
    policy: 'premium',
    login: 'sre@bharat-logistics.example',
    supportFeeMinor: 2_500_000,
    currency: 'INR',
    services: [
      { slug: 'api', feeMinor: 15_000_000 },
      { slug: 'storage', feeMinor: 6_000_000 },
      { slug: 'queue', feeMinor: 4_500_000 },
    ],
  },
  {
    name: 'Fjord Media (demo)',
    timeZone: 'Europe/Oslo',
    policy: 'standard',
    login: 'drift@fjordmedia.example',
    supportFeeMinor: 40_000,
    currency: 'EUR',
    services: [
      { slug: 'cdn', feeMinor: 180_000 },
      { slug: 'dns', feeMinor: 20_000 },
      { slug: 'storage', feeMinor: 90_000 },
    ],
  },
  {
    name: 'Chatham Fisheries Co-op (demo)',
    timeZone: 'Pacific/Chatham',
    policy: 'premium',
    login: 'it@chatham-fisheries.example',
    supportFeeMinor: 30_000,
    currency: 'NZD',
    services: [
      { slug: 'api', feeMinor: 120_000 },
      { slug: 'cdn', feeMinor: 60_000 },
    ],
  },
] as const satisfies readonly DemoCustomer[];

export interface PlannedSupportEvent {
  atMs: number;
  type: SupportEventType;
}

export interface PlannedSupportRequest {
  externalId: string;
  customer: string;
  priority: SupportPriority;
  subject: string;
  openedAtMs: number;
  events: PlannedSupportEvent[];
}

/**
 * Each customer's help-desk requests: in last month (closed in every zone), all answered
 * and resolved, so the month is final, with one of its two P1s answered by a person only
 * after 52 minutes (an auto-reply came in seconds): the month misses its P1 first-response
 * objective. In the customer's current month, requests still waiting for a person (an
 * auto-reply does not count), so the month is pending and the staff queue has work. Every
 * request gets an automated acknowledgement first.
 */
export function planSupportRequests(nowMs: number, lastMonth: number): PlannedSupportRequest[] {
  const planned: PlannedSupportRequest[] = [];
  const ack = (openedAtMs: number): PlannedSupportEvent => ({
    atMs: openedAtMs + 8_000,
    type: 'automated-response',
  });
  for (const [index, customer] of CUSTOMERS.entries()) {
    const zone = customer.timeZone;
    const start = zonedMonthStart(lastMonth, zone);
    const tag = customer.login.split('@')[1]?.split('.')[0] ?? String(index);
    const add = (
      suffix: string,
      priority: SupportPriority,
      subject: string,
      openedAtMs: number,
      later: PlannedSupportEvent[],
    ) => {
      planned.push({
        externalId: `demo-helpdesk:${tag}:${suffix}`,
        customer: customer.name,
        priority,
        subject,
        openedAtMs,
        events: [ack(openedAtMs), ...later].filter((event) => event.atMs <= nowMs),
      });
    };
    // Last month: 10:00 local on the 4th, 9th, 15th and 21st (plus or minus an hour of DST).
    const day = (n: number) => start + (n - 1) * DAY_MS + 10 * HOUR_MS;
    add('p1-quick', 'P1', 'Checkout API returns 502 for every call', day(4), [
      { atMs: day(4) + 20 * MINUTE_MS, type: 'human-response' },
      { atMs: day(4) + 3 * HOUR_MS, type: 'resolved' },
    ]);
    add('p1-late', 'P1', 'Logins fail for all users', day(9), [
      { atMs: day(9) + 52 * MINUTE_MS, type: 'human-response' },
      { atMs: day(9) + 3 * HOUR_MS + 30 * MINUTE_MS, type: 'resolved' },
    ]);
    add('p2-export', 'P2', 'Monthly export is missing two columns', day(15), [
      { atMs: day(15) + HOUR_MS, type: 'human-response' },
      { atMs: day(15) + 2 * HOUR_MS, type: 'paused' },
      { atMs: day(16), type: 'resumed' },
      { atMs: day(16) + 2 * HOUR_MS, type: 'resolved' },
    ]);
    add('p3-question', 'P3', 'How do we rotate our API keys?', day(21), [
      { atMs: day(21) + 2 * HOUR_MS, type: 'human-response' },
      { atMs: day(23), type: 'resolved' },
    ]);
    // This month: waiting for a person, never before the month began in the customer's zone.
    const here = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone);
    const thisMonth = zonedMonthStart(Date.UTC(here.year, here.month - 1, 1), zone);
    const recent = (agoMs: number) => Math.max(thisMonth, nowMs - agoMs);
    add('p2-waiting', 'P2', 'Webhook deliveries are delayed', recent(40 * MINUTE_MS), []);
    if (index % 2 === 0) {
      add('p1-waiting', 'P1', 'Error rate climbing on the API', recent(12 * MINUTE_MS), []);
    }
  }
  return planned;
}

/** The scripted events: each tells one part of the demo's story, whatever the date. */
export type DemoStory =
  | 'database-miss'
  | 'api-partial-outage'
  | 'queue-day-credit'
  | 'storage-short-notice'
  | 'cdn-unannounced-maintenance'
  | 'cdn-cross-month-outage'
  | 'cdn-vendor-outage'
  | 'storage-ongoing';

export interface PlannedWindow {
  service: ServiceSlug;
  state: WindowState;
  startMs: number;
  endMs: number | null;
  announcedAtMs?: number;
  maintenanceKey?: string;
  story?: DemoStory;
}

type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface PlannedUpdate {
  status: IncidentStatus;
  kind: 'automated' | 'human';
  body: string;
  atMs: number;
}

export interface PlannedIncident {
  title: string;
  impact: 'minor' | 'major' | 'critical';
  service: ServiceSlug;
  startMs: number;
  /** When it was resolved; null while it goes on. */
  resolvedAtMs: number | null;
  /** The status of its latest update. */
  status: IncidentStatus;
  /** Oldest first, none after the end or after now. */
  updates: PlannedUpdate[];
  story?: DemoStory;
}

export interface PlannedMaintenance {
  key: string;
  title: string;
  description: string;
  services: ServiceSlug[];
  startMs: number;
  endMs: number;
  publishedAtMs: number;
}

export interface DemoPlan {
  /** The UTC midnight that starts the day of `nowMs`: the plan is the same all that day. */
  anchor: number;
  historyStart: number;
  /**
   * The UTC month that the scripted stories call "last month": the month before the one of
   * the day before the anchor, so it has closed in every customer's zone (New York's month
   * ends at 04:00 or 05:00 UTC on the 1st).
   */
  lastMonth: number;
  monitoredSince(slug: ServiceSlug): number;
  windows: PlannedWindow[];
  incidents: PlannedIncident[];
  maintenance: PlannedMaintenance[];
}

export const DEMO_SERVICE_SLUGS: readonly ServiceSlug[] = SERVICES.map((service) => service.slug);
/** The demo's customers: their zones and services (tests check the stories against them). */
export const DEMO_CUSTOMERS = CUSTOMERS;

function utcMonthStart(ms: number, offsetMonths: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offsetMonths, 1);
}

/** The instant a UTC month (given by its start) begins on the wall clocks of a zone. */
function zonedMonthStart(utcMonthStartMs: number, timeZone: string): number {
  const date = new Date(utcMonthStartMs);
  return Temporal.PlainDate.from({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: 1,
  }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

function zoneOf(customer: string): string {
  const found = CUSTOMERS.find((candidate) => candidate.name === customer);
  if (!found) throw new Error(`unknown demo customer ${customer}`);
  return found.timeZone;
}

/**
 * An incident's updates, oldest first: a monitor's alert, a person's first word, the cause
 * found, and for a long one a fix being watched, then "resolved" at the very moment it ended.
 * A short incident ends before some of them and simply has fewer; an ongoing one has only
 * those already written by now.
 */
function planUpdates(
  startMs: number,
  resolvedAtMs: number | null,
  nowMs: number,
  index: number,
): PlannedUpdate[] {
  const firstHumanMs = startMs + (4 + (index % 9) * 3) * MINUTE_MS;
  const before: PlannedUpdate[] = [
    {
      status: 'investigating',
      kind: 'automated',
      body: 'Automated monitoring detected failing checks. Engineers have been paged.',
      atMs: startMs + MINUTE_MS,
    },
    {
      status: 'investigating',
      kind: 'human',
      body: 'We are investigating reports of problems and will update within 30 minutes.',
      atMs: firstHumanMs,
    },
    {
      status: 'identified',
      kind: 'human',
      body: 'The cause is identified and a fix is being applied.',
      atMs: firstHumanMs + 10 * MINUTE_MS,
    },
  ];
  if (resolvedAtMs === null) return before.filter((update) => update.atMs <= nowMs);
  const identifiedAtMs = firstHumanMs + 10 * MINUTE_MS;
  const monitoringAtMs = resolvedAtMs - 15 * MINUTE_MS;
  if (resolvedAtMs - startMs >= HOUR_MS && monitoringAtMs > identifiedAtMs) {
    before.push({
      status: 'monitoring',
      kind: 'human',
      body: 'A fix is in place and we are watching the results.',
      atMs: monitoringAtMs,
    });
  }
  return [
    ...before.filter((update) => update.atMs < resolvedAtMs),
    {
      status: 'resolved',
      kind: 'human',
      body: 'Service is fully restored. A post-incident review will follow.',
      atMs: resolvedAtMs,
    },
  ];
}

/**
 * Plans every window, incident and maintenance relative to the anchor (today, UTC midnight).
 * Pure: the same `nowMs` day gives the same plan, and any day gives a coherent one (see
 * tests/db/seed.test.ts for what that means).
 */
export function planDemoHistory(nowMs: number): DemoPlan {
  const anchor = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const historyStart = anchor - HISTORY_DAYS * DAY_MS;
  const random = seededRandom(20_260_101);
  const planned: PlannedWindow[] = [];
  type Incident = Omit<PlannedIncident, 'status' | 'updates'>;
  const plannedIncidents: Incident[] = [];
  const plannedMaintenance: PlannedMaintenance[] = [];

  const lastMonth = utcMonthStart(anchor - DAY_MS, -1);
  const twoMonthsAgo = utcMonthStart(anchor - DAY_MS, -2);
  const threeMonthsAgo = utcMonthStart(anchor - DAY_MS, -3);

  // The queue was added to monitoring on the 15th of the month before last: that month is
  // partly measured, the ones before it not at all, for the customer who has the queue. That
  // day is always 10 to 43 days inside the 90-day public bar: its first days show "no data".
  const queueMonitoredSince = twoMonthsAgo + 14 * DAY_MS;
  const monitoredSince = (slug: ServiceSlug) =>
    slug === 'queue' ? queueMonitoredSince : historyStart;

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
            resolvedAtMs: start + minutes * MINUTE_MS,
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
            resolvedAtMs: start + minutes * MINUTE_MS,
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

  // Announced maintenance every three weeks, Sunday 02:00-04:00 UTC, told a week before:
  // from the first Sunday a week into the history (so its notice is in the history too)
  // until two weeks ahead.
  const firstDay = historyStart + 7 * DAY_MS;
  const firstSunday = firstDay + ((7 - new Date(firstDay).getUTCDay()) % 7) * DAY_MS;
  let counter = 0;
  for (let day = firstSunday; day < anchor + 14 * DAY_MS; day += 21 * DAY_MS) {
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

  // Scripted events: they make the demo tell a story every time, each in a month that has
  // closed for every customer (or going on now), and after its service's monitoring began.
  const osloLastMonth = zonedMonthStart(lastMonth, zoneOf('Fjord Media (demo)'));
  const vendorOutageStart = vendorStoryStart(anchor);
  const scripted: (PlannedWindow & {
    story: DemoStory;
    incident?: Pick<PlannedIncident, 'title' | 'impact'>;
  })[] = [
    {
      // Misses 99.9 % for every agreement with the database (190 minutes down).
      story: 'database-miss',
      service: 'database',
      state: 'major_outage',
      startMs: lastMonth + 11 * DAY_MS + 14 * HOUR_MS,
      endMs: lastMonth + 11 * DAY_MS + 17 * HOUR_MS + 10 * MINUTE_MS,
      incident: { title: 'Primary database cluster unreachable', impact: 'critical' },
    },
    {
      // Five hours of partial outage on the API: misses 99.95 %.
      story: 'api-partial-outage',
      service: 'api',
      state: 'partial_outage',
      startMs: lastMonth + 19 * DAY_MS + 8 * HOUR_MS,
      endMs: lastMonth + 19 * DAY_MS + 13 * HOUR_MS,
      incident: { title: 'API latency and intermittent 503s', impact: 'major' },
    },
    {
      // Over four hours in one Kolkata day (10:30-15:15), six days after the queue's
      // monitoring began: earns the premium "cable rule" day credit.
      story: 'queue-day-credit',
      service: 'queue',
      state: 'major_outage',
      startMs: twoMonthsAgo + 20 * DAY_MS + 5 * HOUR_MS,
      endMs: twoMonthsAgo + 20 * DAY_MS + 9 * HOUR_MS + 45 * MINUTE_MS,
      incident: { title: 'Message queue brokers down', impact: 'critical' },
    },
    {
      // Maintenance told only two hours ahead: counts as an outage for the customers.
      story: 'storage-short-notice',
      service: 'storage',
      state: 'maintenance',
      startMs: threeMonthsAgo + 14 * DAY_MS + 22 * HOUR_MS,
      endMs: threeMonthsAgo + 14 * DAY_MS + 23 * HOUR_MS + 30 * MINUTE_MS,
      announcedAtMs: threeMonthsAgo + 14 * DAY_MS + 20 * HOUR_MS,
    },
    {
      // Maintenance never announced at all.
      story: 'cdn-unannounced-maintenance',
      service: 'cdn',
      state: 'maintenance',
      startMs: twoMonthsAgo + 3 * DAY_MS + 1 * HOUR_MS,
      endMs: twoMonthsAgo + 3 * DAY_MS + 2 * HOUR_MS,
    },
    {
      // An outage across the turn of the month on Oslo's clocks (Fjord Media's zone): each
      // month of its agreement counts its own part.
      story: 'cdn-cross-month-outage',
      service: 'cdn',
      state: 'major_outage',
      startMs: osloLastMonth - 25 * MINUTE_MS,
      endMs: osloLastMonth + 35 * MINUTE_MS,
      incident: { title: 'CDN edge nodes failing health checks', impact: 'major' },
    },
    {
      // The upstream CDN failed us for 90 minutes in this quarter (UTC): our customers with
      // the CDN count it as ours, and the vendor owes us its credit for it (decision 196).
      story: 'cdn-vendor-outage',
      service: 'cdn',
      state: 'major_outage',
      startMs: vendorOutageStart,
      endMs: vendorOutageStart + 90 * MINUTE_MS,
      incident: { title: 'CDN errors: our upstream provider is failing', impact: 'major' },
    },
    {
      // Going on now: the status page shows it, with an incident still open.
      story: 'storage-ongoing',
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
        resolvedAtMs: window.endMs,
        story: window.story,
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
  const incidentsNow = plannedIncidents
    .filter((incident) => incident.startMs <= nowMs)
    .sort((a, b) => a.startMs - b.startMs || a.service.localeCompare(b.service))
    .map((incident, index): PlannedIncident => {
      const updates = planUpdates(incident.startMs, incident.resolvedAtMs, nowMs, index);
      return { ...incident, status: updates.at(-1)?.status ?? 'investigating', updates };
    });
  return {
    anchor,
    historyStart,
    lastMonth,
    monitoredSince,
    windows: windowsNow,
    incidents: incidentsNow,
    maintenance: maintenanceNow,
  };
}

/**
 * When the vendor's outage starts: 06:00 UTC on the 8th of the month before the anchor's when
 * that month lies in the anchor's quarter (a closed month: the credit is owed); otherwise on
 * the 1st of the anchor's month (going on: the credit so far). On the first day of a quarter
 * no time of it has passed, so the outage falls in the quarter before.
 */
export function vendorStoryStart(anchor: number): number {
  const month = new Date(anchor).getUTCMonth();
  const thisMonth = utcMonthStart(anchor, 0);
  const firstOfQuarter = month % 3 === 0;
  if (!firstOfQuarter) return utcMonthStart(anchor, -1) + 7 * DAY_MS + 6 * HOUR_MS;
  if (anchor > thisMonth) return thisMonth + 6 * HOUR_MS;
  return utcMonthStart(anchor, -1) + 7 * DAY_MS + 6 * HOUR_MS;
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
  // Our own teams' objective: the standard target with a termination signal, and no money.
  const internalObjective = await tx
    .insert(policies)
    .values({ name: 'Internal objective 99.9 % (no fees)', createdAt: now })
    .returning()
    .get();
  const vendorTerms = await tx
    .insert(policies)
    .values({ name: 'Cumulus Edge terms (vendor)', createdAt: now })
    .returning()
    .get();
  await tx.insert(policyVersions).values([
    {
      policyId: internalObjective.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: { ...STANDARD_V1, termination: { missedPeriods: 2, withinPeriods: 6 } },
      createdByUserId: admin.id,
      createdAt: now,
    },
    {
      policyId: vendorTerms.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: VENDOR_CDN_V1,
      createdByUserId: admin.id,
      createdAt: now,
    },
    {
      policyId: standard.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: STANDARD_V1,
      response: RESPONSE_V1,
      createdByUserId: admin.id,
      createdAt: now,
    },
    {
      policyId: standard.id,
      version: 2,
      effectiveFrom: monthText(utcMonthStart(plan.lastMonth, -1)),
      rules: STANDARD_V2,
      response: RESPONSE_V1,
      createdByUserId: admin.id,
      createdAt: now,
    },
    {
      policyId: premium.id,
      version: 1,
      effectiveFrom: '0000-01',
      rules: PREMIUM_V1,
      response: RESPONSE_V1,
      createdByUserId: admin.id,
      createdAt: now,
    },
  ]);
  const policyIds: Record<string, number> = { standard: standard.id, premium: premium.id };

  progress('  customers, agreements and their users');
  const agreementIds = new Map<string, { agreementId: number; customerId: number }>();
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
        businessHours: DEMO_BUSINESS_HOURS,
        supportFeeMinor: customer.supportFeeMinor,
        createdAt: now,
      })
      .returning()
      .get();
    agreementIds.set(customer.name, { agreementId: agreement.id, customerId: row.id });
    await tx.insert(agreementServices).values(
      customer.services.map((service) => ({
        agreementId: agreement.id,
        serviceId: serviceId(service.slug),
        monthlyFeeMinor: service.feeMinor,
        currency: customer.currency,
      })),
    );
    await addUser(customer.login, 'customer', { id: row.id, name: customer.name });
  }

  progress('  an internal agreement and a vendor agreement');
  const team = await tx
    .insert(customers)
    .values({ name: DEMO_INTERNAL.name, timeZone: DEMO_INTERNAL.timeZone, createdAt: now })
    .returning()
    .get();
  const internalAgreement = await tx
    .insert(agreements)
    .values({
      kind: 'internal',
      customerId: team.id,
      policyId: internalObjective.id,
      start: new Date(plan.historyStart - 30 * DAY_MS),
      end: null,
      timeZone: DEMO_INTERNAL.timeZone,
      createdAt: now,
    })
    .returning()
    .get();
  await tx.insert(agreementServices).values(
    DEMO_INTERNAL.services.map((slug) => ({
      agreementId: internalAgreement.id,
      serviceId: serviceId(slug),
      monthlyFeeMinor: 0,
      // ISO 4217's "no currency": an internal agreement has no fee.
      currency: 'XXX',
    })),
  );
  await addUser(DEMO_INTERNAL.login, 'customer', { id: team.id, name: team.name });
  const vendor = await tx
    .insert(customers)
    .values({ name: DEMO_VENDOR.name, timeZone: DEMO_VENDOR.timeZone, createdAt: now })
    .returning()
    .get();
  const vendorAgreement = await tx
    .insert(agreements)
    .values({
      kind: 'vendor',
      customerId: vendor.id,
      policyId: vendorTerms.id,
      start: new Date(plan.historyStart - 30 * DAY_MS),
      end: null,
      timeZone: DEMO_VENDOR.timeZone,
      createdAt: now,
    })
    .returning()
    .get();
  await tx.insert(agreementServices).values({
    agreementId: vendorAgreement.id,
    serviceId: serviceId(DEMO_VENDOR.service),
    monthlyFeeMinor: DEMO_VENDOR.feeMinor,
    currency: DEMO_VENDOR.currency,
  });

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
  const vendorStoryIndex = plan.windows.findIndex((window) => window.story === 'cdn-vendor-outage');
  const vendorWindow =
    vendorStoryIndex < 0
      ? undefined
      : await tx
          .select({ id: windows.id })
          .from(windows)
          .where(eq(windows.externalId, `demo:cdn:${vendorStoryIndex}`))
          .get();

  progress(`  incidents (${plan.incidents.length}) with their updates`);
  for (const [index, item] of plan.incidents.entries()) {
    const lastUpdateMs = item.updates.at(-1)?.atMs ?? item.startMs;
    const row = await tx
      .insert(incidents)
      .values({
        title: item.title,
        impact: item.impact,
        status: item.status,
        startedAt: new Date(item.startMs),
        resolvedAt: item.resolvedAtMs === null ? null : new Date(item.resolvedAtMs),
        externalId: `demo-incident-${index}`,
        createdAt: new Date(item.startMs),
        updatedAt: new Date(lastUpdateMs),
      })
      .returning()
      .get();
    await tx
      .insert(incidentServices)
      .values({ incidentId: row.id, serviceId: serviceId(item.service) });
    if (item.story === 'cdn-vendor-outage' && vendorWindow) {
      await tx.insert(vendorAttributions).values({
        agreementId: vendorAgreement.id,
        windowId: vendorWindow.id,
        incidentId: row.id,
        reason: 'Cumulus Edge status page: incident CE-2041, edge nodes failing (demo).',
        createdByUserId: agent.id,
        createdAt: new Date(Math.min((item.resolvedAtMs ?? nowMs) + HOUR_MS, nowMs)),
      });
    }
    if (item.updates.length > 0) {
      await tx.insert(incidentUpdates).values(
        item.updates.map((update) => ({
          incidentId: row.id,
          status: update.status,
          body: update.body,
          kind: update.kind,
          authorUserId: update.kind === 'human' ? agent.id : null,
          createdAt: new Date(update.atMs),
        })),
      );
    }
  }

  const requests = planSupportRequests(nowMs, plan.lastMonth);
  progress(`  help-desk requests (${requests.length}) with their events`);
  for (const request of requests) {
    const owner = agreementIds.get(request.customer);
    if (!owner) throw new Error(`no demo agreement for ${request.customer}`);
    const row = await tx
      .insert(supportRequests)
      .values({
        externalId: request.externalId,
        customerId: owner.customerId,
        agreementId: owner.agreementId,
        priority: request.priority,
        subject: request.subject,
        openedAt: new Date(request.openedAtMs),
        requestFingerprint: JSON.stringify({ externalId: request.externalId }),
        createdAt: new Date(request.openedAtMs),
      })
      .returning()
      .get();
    if (request.events.length > 0) {
      await tx.insert(supportRequestEvents).values(
        request.events.map((event, index) => ({
          requestId: row.id,
          eventKey: `demo-${index}`,
          type: event.type,
          at: new Date(event.atMs),
          author:
            event.type === 'automated-response' ? ('automation' as const) : ('people' as const),
          requestFingerprint: JSON.stringify({ id: `demo-${index}` }),
          createdAt: new Date(event.atMs),
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
      internalAgreements: 1,
      vendorAgreements: 1,
      windows: windowRows.length,
      incidents: plan.incidents.length,
      maintenance: plan.maintenance.length,
    },
  };
}
