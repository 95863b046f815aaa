import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { incidentServices, incidents, windows } from '../../db/schema/index.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { addWindow, claimWorld, STANDARD_RULES } from '../helpers/sla-fixtures.ts';

/**
 * GET /me/availability?causes=true: each counted piece with the state and the incident behind
 * it (ADR 144), and the daily rule's credit as an amount.
 */

async function addIncident(
  t: TestApp,
  serviceIds: number[],
  incident: { title: string; startedAt: string; resolvedAt: string | null },
) {
  const now = new Date(t.clock.now());
  return t.db.write(async (tx) => {
    const row = await tx
      .insert(incidents)
      .values({
        title: incident.title,
        impact: 'major',
        status: incident.resolvedAt === null ? 'investigating' : 'resolved',
        startedAt: new Date(incident.startedAt),
        resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt),
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    for (const serviceId of serviceIds) {
      await tx.insert(incidentServices).values({ incidentId: row.id, serviceId });
    }
    return row;
  });
}

interface Cause {
  start: string;
  end: string;
  state: string | null;
  incident: { id: number; title: string; linked: string } | null;
}

interface Item {
  counted: { start: string; end: string; weight: number }[];
  countedCauses?: Cause[];
  creditMinor: number;
  dailyCreditMinor: number;
  qualifyingDays: string[];
  policy: { dailyRule: { thresholdMinutes: number; creditDays: number } | null };
}

const DAILY_RULES = { ...STANDARD_RULES, dailyRule: { thresholdMinutes: 30, creditDays: 1 } };

async function world() {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const w = await claimWorld(t, { rules: DAILY_RULES, feeMinor: 200_000 });
  const other = await createService(t, 'dashboard');
  return { t, w, other };
}

async function october(t: TestApp, headers: Record<string, string>, causes?: boolean) {
  const response = await t.app.request(
    `/api/v1/me/availability?period=2026-10${causes === undefined ? '' : `&causes=${causes}`}`,
    { headers },
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { items: Item[] };
  const [item] = body.items;
  if (!item) throw new Error('no item for October');
  return item;
}

describe('counted windows with their state and incident', () => {
  it('links the incident a window was written for, else the incident overlapping it on that service', async () => {
    const { t, w, other } = await world();
    const failover = await addIncident(t, [w.service.id], {
      title: 'Database failover',
      startedAt: '2026-10-05T09:55:00Z',
      resolvedAt: '2026-10-05T11:05:00Z',
    });
    const written = await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-10-05T10:00:00Z',
      end: '2026-10-05T11:00:00Z',
    });
    await t.db.write((tx) =>
      tx.update(windows).set({ incidentId: failover.id }).where(eq(windows.id, written.id)),
    );
    // A monitor's window with no incident of its own: the incident on the service that
    // overlaps it longest is named, never one on another service.
    await addIncident(t, [w.service.id], {
      title: 'Brief blip',
      startedAt: '2026-10-12T09:50:00Z',
      resolvedAt: '2026-10-12T10:30:00Z',
    });
    const slow = await addIncident(t, [w.service.id], {
      title: 'Slow API responses',
      startedAt: '2026-10-12T07:30:00Z',
      resolvedAt: '2026-10-12T09:30:00Z',
    });
    await addIncident(t, [other.id], {
      title: 'Dashboard outage',
      startedAt: '2026-10-12T07:00:00Z',
      resolvedAt: '2026-10-12T11:00:00Z',
    });
    await addWindow(t, w.service.id, {
      state: 'partial_outage',
      start: '2026-10-12T08:00:00Z',
      end: '2026-10-12T10:00:00Z',
    });
    // Degraded (weight 0) under the partial outage: the piece stays a partial outage.
    await addWindow(t, w.service.id, {
      state: 'degraded',
      start: '2026-10-12T07:00:00Z',
      end: '2026-10-12T09:00:00Z',
    });
    // No incident at all near this one.
    await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-10-20T00:00:00Z',
      end: '2026-10-20T00:20:00Z',
    });

    const item = await october(t, w.a.headers, true);
    expect(
      item.countedCauses?.map((cause) => ({
        at: Date.parse(cause.start),
        state: cause.state,
        incident: cause.incident,
      })),
    ).toEqual([
      {
        at: Date.parse('2026-10-05T10:00:00Z'),
        state: 'major_outage',
        incident: { id: failover.id, title: 'Database failover', linked: 'window' },
      },
      {
        at: Date.parse('2026-10-12T08:00:00Z'),
        state: 'partial_outage',
        incident: { id: slow.id, title: 'Slow API responses', linked: 'overlap' },
      },
      { at: Date.parse('2026-10-20T00:00:00Z'), state: 'major_outage', incident: null },
    ]);
    expect(item.countedCauses?.map((cause) => [cause.start, cause.end])).toEqual(
      item.counted.map((piece) => [piece.start, piece.end]),
    );

    // Asked for by nobody, not computed.
    expect((await october(t, w.a.headers)).countedCauses).toBeUndefined();
    expect((await october(t, w.a.headers, false)).countedCauses).toBeUndefined();
  });

  it('states what the daily rule’s qualifying days are worth', async () => {
    const { t, w } = await world();
    // 60 min on the 5th and 2 h × 0.3 = 36 min on the 12th qualify (above 30 min); 20 min on
    // the 20th does not.
    await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-10-05T10:00:00Z',
      end: '2026-10-05T11:00:00Z',
    });
    await addWindow(t, w.service.id, {
      state: 'partial_outage',
      start: '2026-10-12T08:00:00Z',
      end: '2026-10-12T10:00:00Z',
    });
    await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-10-20T00:00:00Z',
      end: '2026-10-20T00:20:00Z',
    });
    const item = await october(t, w.a.headers);
    expect(item.qualifyingDays).toEqual(['2026-10-05', '2026-10-12']);
    expect(item.policy.dailyRule).toEqual({ thresholdMinutes: 30, creditDays: 1 });
    // 2 days × 1 × 200,000 / 31 = 12,903.23 → 12,903 minor units.
    expect(item.dailyCreditMinor).toBe(12_903);
    // 116 min of 44,640 is 99.740 %: the 10 % tier (20,000) plus the exact daily part, once
    // rounded: 32,903.23 → 32,903.
    expect(item.creditMinor).toBe(32_903);
  });

  it('gives 0 for the daily rule when no day qualifies or the policy has none', async () => {
    const { t, w } = await world();
    await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-10-20T00:00:00Z',
      end: '2026-10-20T00:20:00Z',
    });
    const item = await october(t, w.a.headers);
    expect(item.qualifyingDays).toEqual([]);
    expect(item.dailyCreditMinor).toBe(0);

    const plain = await testApp({ now: '2026-11-20T12:00:00Z' });
    const p = await claimWorld(plain);
    const none = await october(plain, p.a.headers);
    expect(none.policy.dailyRule).toBeNull();
    expect(none.dailyCreditMinor).toBe(0);
  });
});
