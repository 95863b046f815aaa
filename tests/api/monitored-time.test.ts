import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { evaluateCase, evaluationCaseSchema } from '../../api/sla/index.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import {
  addWindow,
  claimWorld,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';

/**
 * Time nobody measured is never "up" (sla-accounting §3.1, ADR 070 and 095), through every
 * path of the API that evaluates: availability, agreements, statements, claims and their
 * review. Each test pins its clock.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONITORED_SINCE = '2026-07-03T04:00:00.000Z'; // 3 July, 00:00 in New York (EDT)
/** A long claim window, so that June and July are both still claimable on 20 August. */
const RULES = { ...STANDARD_RULES, claimWindowDays: 90 };

/**
 * A New York customer whose agreement began on 15 May; the service has been monitored since
 * 3 July. An outage on 2 July (before monitoring) and one of 3 hours on 10 July.
 */
async function newYorkWorld(now = '2026-08-20T12:00:00Z') {
  const t = await testApp({ now });
  const service = await createService(t, 'api', { monitoredSince: MONITORED_SINCE });
  const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: RULES }]);
  const customer = await createCustomer(t, 'Northwind', 'America/New_York');
  const agreement = await createAgreement(t, {
    customerId: customer.id,
    policyId: policy.id,
    start: '2026-05-15T04:00:00Z',
    timeZone: 'America/New_York',
    services: [{ serviceId: service.id, monthlyFeeMinor: 300_000 }],
  });
  await addWindow(t, service.id, {
    state: 'major_outage',
    start: '2026-07-02T10:00:00Z',
    end: '2026-07-02T12:00:00Z',
  });
  await addWindow(t, service.id, {
    state: 'major_outage',
    start: '2026-07-10T00:00:00Z',
    end: '2026-07-10T03:00:00Z',
  });
  const user = await createUser(t, 'customer', { customerId: customer.id });
  const agent = await createUser(t, 'agent');
  return {
    t,
    service,
    agreement,
    customer: await signedIn(t, user.id),
    agent: await signedIn(t, agent.id),
  };
}

async function getJson(t: TestApp, path: string, headers: Record<string, string>) {
  const response = await t.app.request(`/api/v1${path}`, { headers });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body;
}

/** A CSV's rows as objects by header (the statement has no quoted commas in these cells). */
function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true });
}

describe('GET /me/availability before and after monitoring began', () => {
  it('reports a month nobody measured as not-monitored: no figure, no target met, no credit', async () => {
    const { t, customer } = await newYorkWorld();
    const { items } = await getJson(
      t,
      '/me/availability?from=2026-05&to=2026-06',
      customer.headers,
    );
    expect(items).toHaveLength(2);
    const [may, june] = items;
    expect(june).toMatchObject({
      month: '2026-06',
      status: 'not-monitored',
      availabilityPercent: null,
      availabilityDisplay: null,
      met: null,
      eligibleMs: 0,
      downtimeMs: 0,
      creditMinor: 0,
      coveredMs: 30 * DAY,
      unmonitoredMs: 30 * DAY,
      monitoredSince: MONITORED_SINCE,
      // A dispute stays possible (sla-accounting §4).
      claimable: true,
    });
    // May is covered from the agreement's start on the 15th only: 17 days, none measured.
    expect(may).toMatchObject({
      status: 'not-monitored',
      coveredMs: 17 * DAY,
      unmonitoredMs: 17 * DAY,
      met: null,
    });
  });

  it('measures a partly monitored month on the monitored part only, as `sla evaluate` does', async () => {
    const { t, customer, agreement } = await newYorkWorld();
    const { items } = await getJson(t, '/me/availability?period=2026-07', customer.headers);
    const [july] = items;
    // 1 July 00:00 EDT (04:00Z) to 3 July 00:00 EDT: two days before monitoring began.
    expect(july).toMatchObject({
      status: 'evaluated',
      coveredMs: 31 * DAY,
      unmonitoredMs: 2 * DAY,
      eligibleMs: 29 * DAY,
      downtimeMs: 3 * HOUR,
      met: false,
      // The fee base stays the whole month's fee: not monitoring never shrinks a credit.
      feeBaseMinor: 300_000,
      creditMinor: 30_000,
    });
    expect(july.ignored).toEqual([
      expect.objectContaining({ start: '2026-07-02T10:00:00.000Z', reason: 'outside-monitoring' }),
    ]);
    const expected = evaluateCase(
      evaluationCaseSchema.parse({
        period: '2026-07',
        agreement: {
          timeZone: 'America/New_York',
          start: new Date(agreement.start).toISOString(),
          end: null,
          monthlyFeeMinor: 300_000,
          currency: 'USD',
        },
        policy: RULES,
        monitoredSince: MONITORED_SINCE,
        windows: [
          { state: 'major_outage', start: '2026-07-02T10:00:00Z', end: '2026-07-02T12:00:00Z' },
          { state: 'major_outage', start: '2026-07-10T00:00:00Z', end: '2026-07-10T03:00:00Z' },
        ],
      }),
    );
    for (const key of [
      'status',
      'unmonitoredMs',
      'eligibleMs',
      'availabilityPercent',
      'availabilityDisplay',
      'creditMinor',
    ] as const) {
      expect(july[key], key).toEqual(expected[key]);
    }
  });

  it('never counts as up the time before a service added today, in an older agreement', async () => {
    const now = '2026-08-20T12:00:00Z';
    const t = await testApp({ now });
    const admin = await signedIn(t, (await createUser(t, 'admin')).id);
    // Through the API: a service added without monitoredSince is monitored from its creation.
    const created = await t.app.request(
      '/api/v1/staff/services',
      json('POST', { slug: 'search', name: 'Search' }, admin.headers),
    );
    expect(created.status).toBe(201);
    const service = await created.json();
    expect(service.monitoredSince).toBe('2026-08-20T12:00:00.000Z');
    const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
    const customer = await createCustomer(t, 'Acme', 'UTC');
    await createAgreement(t, {
      customerId: customer.id,
      policyId: policy.id,
      start: '2026-01-01T00:00:00Z',
      timeZone: 'UTC',
      services: [{ serviceId: service.id, monthlyFeeMinor: 100_000 }],
    });
    const person = await createUser(t, 'customer', { customerId: customer.id });
    t.clock.set(Date.parse('2026-08-20T18:00:00Z'));
    const user = await signedIn(t, person.id);
    const { items } = await getJson(t, '/me/availability?from=2026-07&to=2026-08', user.headers);
    expect(items.map((item: { status: string }) => item.status)).toEqual([
      'not-monitored',
      'evaluated',
    ]);
    // August so far: 19 days and 12 hours before the service existed, 6 hours measured.
    expect(items[1]).toMatchObject({
      unmonitoredMs: 19 * DAY + 12 * HOUR,
      eligibleMs: 6 * HOUR,
      monitoredSince: '2026-08-20T12:00:00.000Z',
    });
    const agreements = await getJson(t, '/me/agreements', user.headers);
    expect(agreements.items[0].services).toEqual([
      expect.objectContaining({ slug: 'search', monitoredSince: '2026-08-20T12:00:00.000Z' }),
    ]);
  });
});

describe('GET /me/statements for a month before monitoring began', () => {
  it('carries the status and the unmeasured time in the JSON and in the CSV', async () => {
    const { t, customer } = await newYorkWorld();
    const statement = await getJson(t, '/me/statements/2026-06.json', customer.headers);
    expect(statement.items[0]).toMatchObject({
      status: 'not-monitored',
      availabilityDisplay: null,
      met: null,
      unmonitoredMs: 30 * DAY,
      monitoredSince: MONITORED_SINCE,
    });
    const june = await t.app.request('/api/v1/me/statements/2026-06.csv', {
      headers: customer.headers,
    });
    const [summary] = csvRecords(await june.text());
    expect(summary).toMatchObject({
      record: 'service month',
      status: 'not monitored',
      availability_percent: '',
      target: 'not judged',
      eligible_minutes: '0.00',
      credit: '0.00',
      unmeasured_minutes: '43200.00',
      // 3 July, 00:00 in New York, with its offset.
      monitored_since: '2026-07-03T00:00:00-04:00',
    });
    const july = csvRecords(
      await (
        await t.app.request('/api/v1/me/statements/2026-07.csv', { headers: customer.headers })
      ).text(),
    );
    expect(july[0]).toMatchObject({
      status: 'partially measured',
      unmeasured_minutes: '2880.00',
    });
    expect(july.find((row) => row.record === 'ignored window')).toMatchObject({
      start: '2026-07-02T06:00:00-04:00',
      reason: 'before monitoring of the service began',
    });
  });
});

describe('claims on time nobody measured', () => {
  it('are disputes: the description is required, naming when monitoring began', async () => {
    const { t, customer, agent, agreement } = await newYorkWorld();
    const file = (body: Record<string, unknown>) =>
      t.app.request(
        '/api/v1/me/claims',
        json(
          'POST',
          { agreementId: agreement.id, service: 'api', period: '2026-06', ...body },
          customer.headers,
        ),
      );
    const refused = await file({});
    expect(refused.status).toBe(422);
    const { error } = await refused.json();
    expect(error.code).toBe('DESCRIPTION_REQUIRED');
    expect(error.message).toBe(
      'Nothing was measured for api in 2026-06: monitoring of the service began on 2026-07-03 00:00 (America/New_York). Describe what you dispute to file a claim.',
    );
    expect(error.issues).toEqual([
      { path: 'description', message: 'required when the period was not monitored' },
    ]);
    expect(
      (await file({ description: '   ' })).status,
      'a blank description is no description',
    ).toBe(422);

    const filed = await file({ description: 'We were down on 20 June; your page showed nothing.' });
    expect(filed.status).toBe(201);
    const claim = await filed.json();
    expect(claim).toMatchObject({
      computedCreditMinor: 0,
      monitoredSince: MONITORED_SINCE,
      evaluation: { status: 'not-monitored', unmonitoredMs: 30 * DAY, met: null },
    });

    // Staff review: the fresh evaluation applies the same rule, and agrees with the stored one.
    const review = await getJson(t, `/staff/claims/${claim.id}`, agent.headers);
    expect(review).toMatchObject({
      monitoredSince: MONITORED_SINCE,
      evaluation: { status: 'not-monitored' },
      freshEvaluation: { status: 'not-monitored', unmonitoredMs: 30 * DAY },
      freshDiffers: false,
    });
    const queue = await getJson(t, '/staff/claims?status=submitted', agent.headers);
    expect(queue.items[0].evaluation).toMatchObject({ status: 'not-monitored' });
  });

  it('stores a partly measured month with its unmeasured time; staff see the same fresh', async () => {
    const { t, customer, agent, agreement } = await newYorkWorld();
    const filed = await t.app.request(
      '/api/v1/me/claims',
      json(
        'POST',
        { agreementId: agreement.id, service: 'api', period: '2026-07' },
        customer.headers,
      ),
    );
    expect(filed.status).toBe(201);
    const claim = await filed.json();
    expect(claim).toMatchObject({
      computedCreditMinor: 30_000,
      evaluation: { status: 'evaluated', unmonitoredMs: 2 * DAY, eligibleMs: 29 * DAY },
    });
    const review = await getJson(t, `/staff/claims/${claim.id}`, agent.headers);
    expect(review.freshEvaluation).toMatchObject({ unmonitoredMs: 2 * DAY });
    expect(review.freshDiffers).toBe(false);
  });
});

describe('claims decided before the monitoring rule', () => {
  it('read their stored evaluation without `unmonitoredMs` as 0 everywhere', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t);
    await addWindow(t, world.service.id, {
      state: 'major_outage',
      start: '2026-10-10T00:00:00Z',
      end: '2026-10-10T03:00:00Z',
    });
    const claim = await (
      await t.app.request(
        '/api/v1/me/claims',
        json(
          'POST',
          { agreementId: world.agreementA.id, service: 'api', period: '2026-10' },
          world.a.headers,
        ),
      )
    ).json();
    const decided = await t.app.request(
      `/api/v1/staff/claims/${claim.id}/decision`,
      json('POST', { decision: 'approve' }, world.agent.headers),
    );
    expect(decided.status).toBe(200);
    // As stored by the portal before the rule: the same document without the field.
    await t.db.client.execute({
      sql: "UPDATE claims SET evaluation = json_remove(evaluation, '$.unmonitoredMs') WHERE id = ?",
      args: [claim.id],
    });
    const stored = await t.db.client.execute({
      sql: "SELECT json_type(evaluation, '$.unmonitoredMs') AS kind FROM claims WHERE id = ?",
      args: [claim.id],
    });
    expect(stored.rows[0]?.kind).toBeNull();

    const mine = await getJson(t, `/me/claims/${claim.id}`, world.a.headers);
    expect(mine.evaluation).toMatchObject({ status: 'evaluated', unmonitoredMs: 0 });
    const review = await getJson(t, `/staff/claims/${claim.id}`, world.agent.headers);
    expect(review.evaluation.unmonitoredMs).toBe(0);
    expect(review.freshDiffers).toBe(false);
    const { items } = await getJson(t, '/me/availability?period=2026-10', world.a.headers);
    expect(items[0]).toMatchObject({
      source: 'decided-claim',
      unmonitoredMs: 0,
      correction: null,
    });
    const [summary] = csvRecords(
      await (
        await t.app.request('/api/v1/me/statements/2026-10.csv', { headers: world.a.headers })
      ).text(),
    );
    expect(summary).toMatchObject({
      figures: 'decided with the claim',
      unmeasured_minutes: '0.00',
    });
  });
});

describe('the OpenAPI document', () => {
  it('describes the unmeasured time and the not-monitored status where evaluations are returned', async () => {
    const t = await testApp();
    const doc = await (await t.app.request('/api/v1/openapi.json')).json();
    const schemas = doc.components.schemas;
    expect(schemas.Evaluation.properties.status.enum).toContain('not-monitored');
    expect(schemas.Evaluation.required).toContain('unmonitoredMs');
    expect(JSON.stringify(schemas.Evaluation)).toContain('outside-monitoring');
    for (const name of ['AvailabilityItem', 'Claim']) {
      expect(Object.keys(schemas[name].properties), name).toContain('monitoredSince');
    }
    expect(JSON.stringify(schemas.AvailabilityItem)).toContain('unmonitoredMs');
    expect(Object.keys(schemas.UptimeSummary.properties)).toContain('monitoringBegan');
  });
});
