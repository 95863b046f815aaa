import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../api/bootstrap.ts';
import { manualClock } from '../../api/clock.ts';
import { readEnv } from '../../api/env.ts';
import {
  claims,
  customers,
  incidentUpdates,
  policyVersions,
  serviceGroups,
  services,
  users,
  windows,
} from '../../db/schema/index.ts';
import { planDemoHistory } from '../../db/seed/demo.ts';
import { TEST_PASSWORD_HASHING } from '../helpers/app.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';

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

  it('has an admin, an agent and a user per customer, with random passwords printed', async () => {
    const rows = await db.db.select().from(users);
    expect(rows.filter((row) => row.role === 'admin')).toHaveLength(1);
    expect(rows.filter((row) => row.role === 'agent')).toHaveLength(1);
    const customerIds = new Set(rows.map((row) => row.customerId).filter((id) => id !== null));
    expect(customerIds.size).toBe((await db.db.select().from(customers)).length);
    expect(rows.every((row) => row.email.endsWith('.example'))).toBe(true);
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
