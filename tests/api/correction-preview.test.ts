import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, signedIn } from '../helpers/factories.ts';
import { createAgreement, createPolicy, STANDARD_RULES } from '../helpers/sla-fixtures.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;

/**
 * `api` under one policy for Acme (UTC months) and Birch (New York months, with a decided
 * claim for March 2026), and a monitor's major outage on 1 April 02:00–03:00 UTC: April for
 * Acme, still 31 March in New York.
 */
async function setup(rules: Record<string, unknown> = STANDARD_RULES) {
  const t = await testApp({ now: '2026-05-10T12:00:00Z' });
  const api = await createService(t, 'api', { monitoredSince: '2025-01-01T00:00:00Z' });
  await createService(t, 'web', { monitoredSince: '2025-01-01T00:00:00Z' });
  const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules }]);
  const acme = await createCustomer(t, 'Acme', 'UTC');
  const birch = await createCustomer(t, 'Birch', 'America/New_York');
  const acmeAgreement = await createAgreement(t, {
    customerId: acme.id,
    policyId: policy.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'UTC',
    services: [{ serviceId: api.id, monthlyFeeMinor: 100_000 }],
  });
  const birchAgreement = await createAgreement(t, {
    customerId: birch.id,
    policyId: policy.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'America/New_York',
    services: [{ serviceId: api.id, monthlyFeeMinor: 100_000 }],
  });
  const acmeUser = await createUser(t, 'customer', { customerId: acme.id });
  const actors = await statusActors(t);
  const window = await expectStatus(
    await actors.monitor('POST', '/ingest/windows', {
      externalId: 'w1',
      service: 'api',
      state: 'major_outage',
      start: '2026-04-01T02:00:00Z',
      end: '2026-04-01T03:00:00Z',
    }),
    201,
  );
  return {
    t,
    api,
    policy,
    acme,
    birch,
    acmeAgreement,
    birchAgreement,
    window,
    asAcme: (await signedIn(t, acmeUser.id)).headers,
    ...actors,
  };
}

/** An approved claim of `agreementId` on `serviceId` for `period` (its figures are frozen). */
async function approvedClaim(
  t: TestApp,
  options: { customerId: number; agreementId: number; serviceId: number; period: string },
): Promise<number> {
  const version = await t.db.client.execute('SELECT id FROM policy_versions LIMIT 1');
  const { rows } = await t.db.client.execute({
    sql: `INSERT INTO claims (customer_id, agreement_id, service_id, period, status, evaluation,
            policy_version_id, computed_credit_minor, cap_minor, currency, created_at, updated_at)
          VALUES (?, ?, ?, ?, 'approved', '{}', ?, 100, 1000, 'USD', 0, 0) RETURNING id`,
    args: [
      options.customerId,
      options.agreementId,
      options.serviceId,
      options.period,
      Number(version.rows[0]?.id),
    ],
  });
  return Number(rows[0]?.id);
}

async function counts(t: TestApp) {
  const one = async (sql: string) => Number((await t.db.client.execute(sql)).rows[0]?.n);
  return {
    corrections: await one('SELECT count(*) AS n FROM window_corrections'),
    audit: await one("SELECT count(*) AS n FROM audit_log WHERE action = 'window.correct'"),
    version: await one('SELECT version AS n FROM status_version'),
    windowEnd: await one('SELECT "end" AS n FROM windows WHERE external_id = \'w1\''),
  };
}

const correction = {
  end: '2026-04-01T02:20:00Z',
  reason: 'The monitor lost its network; the outage ended at 02:20.',
};

describe('POST /staff/windows/{id}/corrections/preview', () => {
  it('lists each customer and month the correction touches, before and after, and saves nothing', async () => {
    const { t, api, acme, birch, acmeAgreement, birchAgreement, window, asAdmin, admin } =
      await setup();
    const claimId = await approvedClaim(t, {
      customerId: birch.id,
      agreementId: birchAgreement.id,
      serviceId: api.id,
      period: '2026-03',
    });
    const before = await counts(t);
    const preview = await expectStatus(
      await asAdmin('POST', `/staff/windows/${window.id}/corrections/preview`, correction),
      200,
    );
    expect(preview.correction).toEqual({
      windowId: window.id,
      externalId: 'w1',
      service: 'api',
      actor: { id: admin.id, email: admin.email },
      reason: correction.reason,
      before: {
        state: 'major_outage',
        start: '2026-04-01T02:00:00.000Z',
        end: '2026-04-01T03:00:00.000Z',
      },
      after: {
        state: 'major_outage',
        start: '2026-04-01T02:00:00.000Z',
        end: '2026-04-01T02:20:00.000Z',
      },
      affectsDecidedClaim: true,
    });
    expect(
      preview.items.map(
        (item: {
          customer: { name: string };
          agreementId: number;
          period: string;
          before: { downtimeMs: number };
          after: { downtimeMs: number };
          changed: boolean;
          decidedClaim: unknown;
        }) => ({
          customer: item.customer.name,
          agreementId: item.agreementId,
          period: item.period,
          before: item.before.downtimeMs,
          after: item.after.downtimeMs,
          changed: item.changed,
          decidedClaim: item.decidedClaim,
        }),
      ),
    ).toEqual([
      {
        customer: 'Acme',
        agreementId: acmeAgreement.id,
        period: '2026-04',
        before: 60 * MINUTE,
        after: 20 * MINUTE,
        changed: true,
        decidedClaim: null,
      },
      {
        customer: 'Birch',
        agreementId: birchAgreement.id,
        period: '2026-03',
        before: 60 * MINUTE,
        after: 20 * MINUTE,
        changed: true,
        decidedClaim: { id: claimId, status: 'approved' },
      },
    ]);
    expect(preview.items[0]).toMatchObject({
      customer: { id: acme.id, name: 'Acme' },
      timeZone: 'UTC',
      service: 'api',
      // An hour in April misses 99.9 %; twenty minutes meet it.
      before: { status: 'evaluated', met: false, currency: 'USD' },
      after: { status: 'evaluated', met: true, currency: 'USD' },
    });
    // Nothing was written: no correction, no audit entry, the same status, the same window.
    expect(await counts(t)).toEqual(before);
  });

  it('shows the figures saving then gives', async () => {
    const { t, window, asAdmin, asAcme } = await setup();
    const preview = await expectStatus(
      await asAdmin('POST', `/staff/windows/${window.id}/corrections/preview`, {
        ...correction,
        state: 'partial_outage',
      }),
      200,
    );
    await expectStatus(
      await asAdmin('POST', `/staff/windows/${window.id}/corrections`, {
        ...correction,
        state: 'partial_outage',
      }),
      201,
    );
    const figures = await expectStatus(
      await t.app.request('/api/v1/me/availability?period=2026-04', { headers: asAcme }),
      200,
    );
    const acmeApril = preview.items.find((item: { period: string }) => item.period === '2026-04');
    expect(acmeApril.after).toEqual({
      status: figures.items[0].status,
      downtimeMs: figures.items[0].downtimeMs,
      eligibleMs: figures.items[0].eligibleMs,
      availabilityDisplay: figures.items[0].availabilityDisplay,
      met: figures.items[0].met,
      creditMinor: figures.items[0].creditMinor,
      currency: 'USD',
    });
    // 20 minutes at partial outage's weight of 0.3.
    expect(acmeApril.after.downtimeMs).toBe(6 * MINUTE);
  });

  it('lists a neighbouring month whose figures change through an outage run across the boundary', async () => {
    // With a 30-minute minimum, 10 minutes before midnight and 25 after count as one run.
    const { t, api, asAdmin, monitor } = await setup({
      ...STANDARD_RULES,
      minimumOutageMinutes: 30,
    });
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'before-midnight',
        service: 'api',
        state: 'major_outage',
        start: '2026-03-31T23:50:00Z',
        end: '2026-04-01T00:00:00Z',
      }),
      201,
    );
    const after = await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'after-midnight',
        service: 'api',
        state: 'major_outage',
        start: '2026-04-01T00:00:00Z',
        end: '2026-04-01T00:25:00Z',
      }),
      201,
    );
    expect(api.slug).toBe('api');
    const preview = await expectStatus(
      await asAdmin('POST', `/staff/windows/${after.id}/corrections/preview`, {
        end: '2026-04-01T00:15:00Z',
        reason: 'Recovered at 00:15.',
      }),
      200,
    );
    const acme = preview.items
      .filter((item: { customer: { name: string } }) => item.customer.name === 'Acme')
      .map(
        (item: {
          period: string;
          before: { downtimeMs: number };
          after: { downtimeMs: number };
        }) => [item.period, item.before.downtimeMs, item.after.downtimeMs],
      );
    // The run (35 min) counted in both months; cut to 25 min it counts in neither. April
    // keeps the 02:00 outage.
    expect(acme).toEqual([
      ['2026-03', 10 * MINUTE, 0],
      ['2026-04', 85 * MINUTE, 60 * MINUTE],
    ]);
    expect(await counts(t)).toMatchObject({ corrections: 0 });
  });

  it.each([
    ['an end before the start', { end: '2026-04-01T01:00:00Z', reason: 'x' }, 400, 'INVALID_INPUT'],
    ['no change', { end: '2026-04-01T03:00:00Z', reason: 'x' }, 422, 'NOTHING_TO_CORRECT'],
    ['no reason', { end: '2026-04-01T02:20:00Z' }, 400, 'INVALID_INPUT'],
  ])('refuses %s as saving would, and saves nothing', async (_name, body, status, code) => {
    const { t, window, asAdmin } = await setup();
    const before = await counts(t);
    const response = await asAdmin('POST', `/staff/windows/${window.id}/corrections/preview`, body);
    expect((await expectStatus(response, status)).error.code).toBe(code);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses an unknown window (404), a maintenance window (409), and agents (403)', async () => {
    const { asAdmin, asAgent, window } = await setup();
    await expectStatus(
      await asAdmin('POST', '/staff/windows/999/corrections/preview', correction),
      404,
    );
    const maintenance = await expectStatus(
      await asAdmin('POST', '/staff/maintenance', {
        title: 'Upgrade',
        services: ['api'],
        startsAt: '2026-05-20T01:00:00Z',
        endsAt: '2026-05-20T02:00:00Z',
        publish: true,
      }),
      201,
    );
    const listed = await expectStatus(
      await asAdmin('GET', `/staff/windows?service=api&source=staff`),
      200,
    );
    const ofMaintenance = listed.items.find(
      (item: { maintenanceId: number | null }) => item.maintenanceId === maintenance.id,
    );
    const refused = await asAdmin(
      'POST',
      `/staff/windows/${ofMaintenance.id}/corrections/preview`,
      { ...correction, end: '2026-05-20T01:30:00Z' },
    );
    expect((await expectStatus(refused, 409)).error.code).toBe('MAINTENANCE_WINDOW');
    await expectStatus(
      await asAgent('POST', `/staff/windows/${window.id}/corrections/preview`, correction),
      403,
    );
  });
});

describe('GET /staff/windows with filters', () => {
  it('filters by service, state, source, open and time, a page at a time', async () => {
    const { monitor, asAgent, window } = await setup();
    const add = async (externalId: string, fields: Record<string, unknown>) =>
      (await expectStatus(await monitor('POST', '/ingest/windows', { externalId, ...fields }), 201))
        .id as number;
    const webDegraded = await add('w2', {
      service: 'web',
      state: 'degraded',
      start: '2026-04-03T00:00:00Z',
      end: '2026-04-03T01:00:00Z',
    });
    const apiOpen = await add('w3', {
      service: 'api',
      state: 'partial_outage',
      start: '2026-05-10T11:00:00Z',
    });
    const incident = await expectStatus(
      await asAgent('POST', '/staff/incidents', {
        title: 'Web down',
        components: [{ service: 'web', status: 'major_outage' }],
        body: 'Looking.',
      }),
      201,
    );
    const ids = async (query: string) =>
      (await expectStatus(await asAgent('GET', `/staff/windows${query}`), 200)).items.map(
        (item: { id: number }) => item.id,
      );
    const all = await ids('');
    expect(all).toHaveLength(4);
    expect(await ids('?service=api')).toEqual([apiOpen, window.id]);
    expect(await ids('?state=degraded')).toEqual([webDegraded]);
    const held = await ids('?source=incident');
    expect(held).toHaveLength(1);
    expect(all).toContain(held[0]);
    expect(incident.components).toEqual([{ service: 'web', status: 'major_outage' }]);
    expect(await ids('?open=true&service=api')).toEqual([apiOpen]);
    expect(await ids('?open=false')).toEqual([webDegraded, window.id]);
    expect(await ids('?from=2026-04-02T00:00:00Z&to=2026-04-30T00:00:00Z')).toEqual([webDegraded]);

    const first = await expectStatus(await asAgent('GET', '/staff/windows?limit=3'), 200);
    expect(first.items).toHaveLength(3);
    const rest = await expectStatus(
      await asAgent('GET', `/staff/windows?limit=3&cursor=${first.nextCursor}`),
      200,
    );
    expect(rest).toMatchObject({ nextCursor: null });
    expect([...first.items, ...rest.items].map((item: { id: number }) => item.id)).toEqual(all);
    expect(rest.items[0].service).toBe('api');
  });

  it.each([
    ['?state=down', 400, 'state'],
    ['?source=robot', 400, 'source'],
    ['?open=maybe', 400, 'open'],
  ])('refuses %s in the shared shape', async (query, status, path) => {
    const { asAgent } = await setup();
    const body = await expectStatus(await asAgent('GET', `/staff/windows${query}`), status);
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([path]);
  });

  it('answers 404 for an unknown service', async () => {
    const { asAgent } = await setup();
    await expectStatus(await asAgent('GET', '/staff/windows?service=nope'), 404);
  });
});
