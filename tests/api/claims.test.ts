import { parse } from 'csv-parse/sync';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { claimEvents, claims, credits, windowCorrections } from '../../db/schema/index.ts';
import { testApp } from '../helpers/app.ts';
import { json, signedIn } from '../helpers/factories.ts';
import { addWindow, claimWorld, STANDARD_RULES } from '../helpers/sla-fixtures.ts';

/** 2026-10 in UTC: 31 days; a 3-hour outage gives 100 × (44640 − 180) / 44640 ≈ 99.597 %. */
async function octoberOutage() {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const world = await claimWorld(t);
  await addWindow(t, world.service.id, {
    state: 'major_outage',
    start: '2026-10-10T00:00:00Z',
    end: '2026-10-10T03:00:00Z',
  });
  const file = (
    headers: Record<string, string>,
    body: Record<string, unknown> = {},
    extra: Record<string, string> = {},
  ) =>
    t.app.request(
      '/api/v1/me/claims',
      json(
        'POST',
        { agreementId: world.agreementA.id, service: 'api', period: '2026-10', ...body },
        { ...headers, ...extra },
      ),
    );
  return { t, world, file };
}

async function eventsOf(t: Awaited<ReturnType<typeof octoberOutage>>['t'], claimId: number) {
  return t.db.db.select().from(claimEvents).where(eq(claimEvents.claimId, claimId));
}

describe('POST /me/claims', () => {
  it('files a claim with the evaluation stored as evidence and one trail event', async () => {
    const { t, world, file } = await octoberOutage();
    const response = await file(world.a.headers);
    expect(response.status).toBe(201);
    const claim = await response.json();
    expect(claim).toMatchObject({
      status: 'submitted',
      period: '2026-10',
      service: 'api',
      computedCreditMinor: 20_000,
      capMinor: 200_000,
      currency: 'USD',
      evaluation: {
        status: 'evaluated',
        downtimeMs: 3 * 3_600_000,
        availabilityDisplay: '99.596',
        met: false,
        creditPercent: 10,
        creditMinor: 20_000,
        // October's last day ends 2026-11-01 00:00; 30 days later: 2026-12-01 00:00.
        claimDeadline: '2026-12-01T00:00:00.000Z',
      },
    });
    expect(claim.evaluation.counted).toEqual([
      expect.objectContaining({
        start: '2026-10-10T00:00:00.000Z',
        end: '2026-10-10T03:00:00.000Z',
        weight: 1,
        downtimeMs: 10_800_000,
      }),
    ]);
    const events = await eventsOf(t, claim.id);
    expect(events).toMatchObject([{ type: 'filed', fromStatus: null, toStatus: 'submitted' }]);
  });

  it('creates exactly one claim from 50 concurrent identical filings; the others get 409', async () => {
    const { t, world, file } = await octoberOutage();
    const responses = await Promise.all(Array.from({ length: 50 }, () => file(world.a.headers)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const conflictBody = await responses.find((response) => response.status === 409)?.json();
    expect(conflictBody.error.code).toBe('CLAIM_EXISTS');
    const rows = await t.db.db.select({ n: count() }).from(claims).get();
    expect(rows?.n).toBe(1);
  });

  it('answers a replay with the same Idempotency-Key with the first response', async () => {
    const { t, world, file } = await octoberOutage();
    const key = { 'idempotency-key': 'file-oct-1' };
    const first = await file(world.a.headers, {}, key);
    expect(first.status).toBe(201);
    const again = await file(world.a.headers, {}, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await file(world.a.headers, { description: 'different body' }, key);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await t.db.db.select({ n: count() }).from(claims).get())?.n).toBe(1);
  });

  it('answers a replay after a withdrawal with the claim as it is now, never as submitted', async () => {
    const { t, world, file } = await octoberOutage();
    const key = { 'idempotency-key': 'file-oct-2' };
    const first = await (await file(world.a.headers, {}, key)).json();
    expect(first.status).toBe('submitted');
    t.clock.advance(60_000);
    const withdrawn = await t.app.request(
      `/api/v1/me/claims/${first.id}/withdraw`,
      json('POST', { note: 'Filed by mistake' }, world.a.headers),
    );
    expect(withdrawn.status).toBe(200);
    const now = await withdrawn.json();
    t.clock.advance(60_000);
    const again = await file(world.a.headers, {}, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const body = await again.json();
    expect(body).toEqual(now);
    expect(body).toMatchObject({ id: first.id, status: 'withdrawn' });
    // The replay filed nothing: the month is free, and only the withdrawn claim exists.
    expect((await t.db.db.select({ n: count() }).from(claims).get())?.n).toBe(1);
  });

  it('answers a replay even after the claim deadline has passed since the first attempt', async () => {
    const { t, world, file } = await octoberOutage();
    const key = { 'idempotency-key': 'file-oct-3' };
    // 2026-10 in UTC: claims close on 2026-12-01 at 00:00.
    t.clock.set(Date.parse('2026-11-30T23:59:00Z'));
    const session = await signedIn(t, world.users.a.id);
    const first = await file(session.headers, {}, key);
    expect(first.status).toBe(201);
    t.clock.set(Date.parse('2026-12-01T00:01:00Z'));
    const again = await file(session.headers, {}, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    // Without the key, the same request is evaluated afresh and refused.
    const fresh = await file(session.headers);
    expect(fresh.status).toBe(422);
    expect((await fresh.json()).error.code).toBe('CLAIM_DEADLINE_PASSED');
  });

  it('documents the replay: 201 with Idempotent-Replayed, and the Idempotency-Key header', async () => {
    const { t } = await octoberOutage();
    const doc = await (await t.app.request('/api/v1/openapi.json')).json();
    const operation = doc.paths['/me/claims'].post;
    expect(Object.keys(operation.responses)).not.toContain('200');
    expect(operation.responses['201'].headers['Idempotent-Replayed'].schema).toEqual({
      type: 'string',
      enum: ['true'],
    });
    expect(operation.description).toContain('Idempotent-Replayed: true');
    expect(operation.description).toContain('IDEMPOTENCY_KEY_REUSED');
    const header = operation.parameters.find(
      (parameter: { in: string; name: string }) =>
        parameter.in === 'header' && parameter.name === 'idempotency-key',
    );
    expect(header.description).toContain('24 hours');
    // Every operation that reads Idempotency-Key documents the replay header.
    type Operation = {
      parameters?: { name: string }[];
      responses: Record<string, { headers?: Record<string, unknown> }>;
    };
    const paths = doc.paths as Record<string, Record<string, Operation>>;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, each] of Object.entries(item)) {
        const honours = (each.parameters ?? []).some(
          (parameter) => parameter.name.toLowerCase() === 'idempotency-key',
        );
        if (!honours) continue;
        const documented = Object.values(each.responses).some(
          (response) => response.headers?.['Idempotent-Replayed'] !== undefined,
        );
        expect(documented, `${method} ${path}`).toBe(true);
      }
    }
  });

  it('refuses a month that has not ended, naming when it ends in the agreement zone', async () => {
    const { world, file } = await octoberOutage();
    const response = await file(world.a.headers, { period: '2026-11' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('PERIOD_NOT_ENDED');
    expect(body.error.message).toContain('2026-12-01 00:00 (UTC)');
  });

  it('refuses after the deadline, naming the deadline in the customer zone', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t, { timeZone: 'America/New_York' });
    await addWindow(t, world.service.id, {
      state: 'major_outage',
      start: '2026-09-10T00:00:00Z',
      end: '2026-09-10T05:00:00Z',
    });
    // September in New York ends 2026-10-01 00:00 EDT; +30 days → 2026-10-31 00:00 EDT.
    const response = await t.app.request(
      '/api/v1/me/claims',
      json(
        'POST',
        { agreementId: world.agreementA.id, service: 'api', period: '2026-09' },
        world.a.headers,
      ),
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: 'CLAIM_DEADLINE_PASSED' });
    expect(body.error.message).toBe(
      'Claims for 2026-09 closed on 2026-10-31 00:00 (America/New_York).',
    );
  });

  it('needs a description when the computed credit is 0', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t);
    const file = (body: Record<string, unknown>) =>
      t.app.request(
        '/api/v1/me/claims',
        json(
          'POST',
          { agreementId: world.agreementA.id, service: 'api', period: '2026-10', ...body },
          world.a.headers,
        ),
      );
    const response = await file({});
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('DESCRIPTION_REQUIRED');
    expect(body.error.issues).toEqual([
      { path: 'description', message: 'required when the computed credit is 0' },
    ]);
    const dispute = await file({
      description: 'Our monitors saw 40 minutes of errors on 2026-10-14.',
    });
    expect(dispute.status).toBe(201);
    expect((await dispute.json()).computedCreditMinor).toBe(0);
  });

  it("answers 404 for another customer's agreement, exactly like a missing one", async () => {
    const { world, file } = await octoberOutage();
    const theirs = await file(world.a.headers, { agreementId: world.agreementB.id });
    const missing = await file(world.a.headers, { agreementId: 999_999 });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await theirs.json()).error.message).toBe((await missing.json()).error.message);
  });

  it('refuses a read key (read-only) and staff (customers file claims)', async () => {
    const { world, file } = await octoberOutage();
    expect((await file(world.readKeyA.headers)).status).toBe(403);
    expect((await file(world.agent.headers)).status).toBe(403);
  });
});

describe('the claim life cycle', () => {
  it('lets a customer withdraw a submitted claim, which frees the month for a new claim', async () => {
    const { t, world, file } = await octoberOutage();
    const claim = await (await file(world.a.headers)).json();
    const withdrawn = await t.app.request(
      `/api/v1/me/claims/${claim.id}/withdraw`,
      json('POST', { note: 'Filed by mistake' }, world.a.headers),
    );
    expect(withdrawn.status).toBe(200);
    expect((await withdrawn.json()).status).toBe('withdrawn');
    const again = await t.app.request(
      `/api/v1/me/claims/${claim.id}/withdraw`,
      json('POST', {}, world.a.headers),
    );
    expect(again.status).toBe(409);
    expect((await file(world.a.headers)).status).toBe(201);
    expect(await eventsOf(t, claim.id)).toMatchObject([
      { type: 'filed', toStatus: 'submitted' },
      {
        type: 'withdrawn',
        fromStatus: 'submitted',
        toStatus: 'withdrawn',
        note: 'Filed by mistake',
      },
    ]);
  });

  it('decides once: a second decision answers 409 and leaves no event', async () => {
    const { t, world, file } = await octoberOutage();
    const claim = await (await file(world.a.headers)).json();
    const decide = (body: Record<string, unknown>) =>
      t.app.request(
        `/api/v1/staff/claims/${claim.id}/decision`,
        json('POST', body, world.agent.headers),
      );
    const approved = await decide({ decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      status: 'approved',
      approvedAmountMinor: 20_000,
    });
    const twice = await decide({ decision: 'reject', reason: 'changed my mind' });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.code).toBe('CLAIM_ALREADY_DECIDED');
    expect((await eventsOf(t, claim.id)).map((event) => event.type)).toEqual(['filed', 'approved']);
  });

  it('refuses an approval above the rounded cap, and a changed amount without a reason', async () => {
    const { t, world, file } = await octoberOutage();
    const claim = await (await file(world.a.headers)).json();
    const decide = (body: Record<string, unknown>) =>
      t.app.request(
        `/api/v1/staff/claims/${claim.id}/decision`,
        json('POST', body, world.agent.headers),
      );
    const above = await decide({ decision: 'approve', amountMinor: 200_001, reason: 'goodwill' });
    expect(above.status).toBe(422);
    expect((await above.json()).error.code).toBe('ABOVE_CAP');
    const noReason = await decide({ decision: 'approve', amountMinor: 30_000 });
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).error.code).toBe('REASON_REQUIRED');
    const rejectNoReason = await decide({ decision: 'reject' });
    expect(rejectNoReason.status).toBe(422);
    const atCap = await decide({
      decision: 'approve',
      amountMinor: 200_000,
      reason: 'Whole month fee',
    });
    expect(atCap.status).toBe(200);
    expect((await eventsOf(t, claim.id)).map((event) => event.type)).toEqual(['filed', 'approved']);
  });

  it('rejects with a reason; the month is free again', async () => {
    const { t, world, file } = await octoberOutage();
    const claim = await (await file(world.a.headers)).json();
    const rejected = await t.app.request(
      `/api/v1/staff/claims/${claim.id}/decision`,
      json(
        'POST',
        { decision: 'reject', reason: 'Outage caused by your own DNS change' },
        world.agent.headers,
      ),
    );
    expect(rejected.status).toBe(200);
    expect(await rejected.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'Outage caused by your own DNS change',
    });
    expect((await file(world.a.headers)).status).toBe(201);
    expect((await t.db.db.select({ n: count() }).from(credits).get())?.n).toBe(0);
  });

  it('approves with a changed amount, credits on an invoice, and the ledger shows it', async () => {
    const { t, world, file } = await octoberOutage();
    const claim = await (await file(world.a.headers)).json();
    await t.app.request(
      `/api/v1/staff/claims/${claim.id}/decision`,
      json(
        'POST',
        { decision: 'approve', amountMinor: 25_000, reason: 'Goodwill for the slow response' },
        world.agent.headers,
      ),
    );
    const credited = await t.app.request(
      `/api/v1/staff/claims/${claim.id}/credit`,
      json('POST', { invoiceReference: 'INV-2026-1101' }, world.agent.headers),
    );
    expect(credited.status).toBe(200);
    expect(await credited.json()).toMatchObject({
      status: 'credited',
      invoiceReference: 'INV-2026-1101',
    });
    const ledger = await (
      await t.app.request('/api/v1/staff/credits', { headers: world.agent.headers })
    ).json();
    expect(ledger.items).toEqual([
      expect.objectContaining({
        claimId: claim.id,
        amountMinor: 25_000,
        currency: 'USD',
        period: '2026-10',
        invoiceReference: 'INV-2026-1101',
      }),
    ]);
    const csv = await (
      await t.app.request('/api/v1/staff/credits.csv', { headers: world.agent.headers })
    ).text();
    const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
    expect(rows[0]).toMatchObject({
      record: 'credit',
      claim: String(claim.id),
      amount: '250.00',
      currency: 'USD',
      invoice: 'INV-2026-1101',
    });
    expect(
      (await eventsOf(t, claim.id)).map((event) => [event.type, event.fromStatus, event.toStatus]),
    ).toEqual([
      ['filed', null, 'submitted'],
      ['approved', 'submitted', 'approved'],
      ['credited', 'approved', 'credited'],
    ]);
    const approval = (await eventsOf(t, claim.id)).find((event) => event.type === 'approved');
    expect(approval?.note).toBe(
      'Approved USD 250.00 instead of the computed USD 200.00: Goodwill for the slow response',
    );
  });

  it('keeps internal staff notes from the customer', async () => {
    const { t, world, file } = await octoberOutage();
    const claim = await (await file(world.a.headers)).json();
    await t.app.request(
      `/api/v1/staff/claims/${claim.id}/comments`,
      json(
        'POST',
        { body: 'Check the load balancer logs first', internal: true },
        world.agent.headers,
      ),
    );
    await t.app.request(
      `/api/v1/staff/claims/${claim.id}/comments`,
      json('POST', { body: 'We are looking into it.' }, world.agent.headers),
    );
    await t.app.request(
      `/api/v1/me/claims/${claim.id}/comments`,
      json('POST', { body: 'Thanks!' }, world.a.headers),
    );
    const mine = await (
      await t.app.request(`/api/v1/me/claims/${claim.id}`, { headers: world.a.headers })
    ).json();
    expect(mine.comments.map((comment: { body: string }) => comment.body)).toEqual([
      'We are looking into it.',
      'Thanks!',
    ]);
    expect(JSON.stringify(mine)).not.toContain('load balancer');
    const staff = await (
      await t.app.request(`/api/v1/staff/claims/${claim.id}`, { headers: world.agent.headers })
    ).json();
    expect(staff.comments).toHaveLength(3);
    expect(staff.events.map((event: { type: string }) => event.type)).toEqual([
      'filed',
      'noted',
      'commented',
      'commented',
    ]);
  });
});

describe('GET /staff/claims/{id}', () => {
  it("shows the agreement's termination right beside the claim", async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t, {
      rules: { ...STANDARD_RULES, termination: { missedPeriods: 1, withinPeriods: 3 } },
    });
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
    const detail = await (
      await t.app.request(`/api/v1/staff/claims/${claim.id}`, { headers: world.agent.headers })
    ).json();
    expect(detail.termination).toEqual({
      rule: { missedPeriods: 1, withinPeriods: 3 },
      earned: true,
      consideredPeriods: ['2026-08', '2026-09', '2026-10'],
      missedPeriods: [{ period: '2026-10', services: ['api'] }],
    });
  });
});

describe('GET /staff/claims', () => {
  it('lists oldest first with counts per status and filters', async () => {
    const { t, world, file } = await octoberOutage();
    const first = await (await file(world.a.headers)).json();
    t.clock.advance(86_400_000);
    // A day later every session has gone idle: sign in afresh.
    const agent = await signedIn(t, world.users.agent.id);
    const b = await signedIn(t, world.users.b.id);
    const other = await t.app.request(
      '/api/v1/me/claims',
      json(
        'POST',
        { agreementId: world.agreementB.id, service: 'api', period: '2026-10' },
        b.headers,
      ),
    );
    expect(other.status).toBe(201);
    await t.app.request(
      `/api/v1/staff/claims/${first.id}/decision`,
      json('POST', { decision: 'approve' }, agent.headers),
    );
    const all = await (
      await t.app.request('/api/v1/staff/claims', { headers: agent.headers })
    ).json();
    expect(all.items.map((claim: { customer: { name: string } }) => claim.customer.name)).toEqual([
      'Customer A',
      'Customer B',
    ]);
    expect(all.counts).toMatchObject({ submitted: 1, approved: 1, rejected: 0 });
    const submitted = await (
      await t.app.request('/api/v1/staff/claims?status=submitted', { headers: agent.headers })
    ).json();
    expect(submitted.items).toHaveLength(1);
    expect(submitted.items[0].customer.name).toBe('Customer B');
    const old = await (
      await t.app.request('/api/v1/staff/claims?minAgeDays=1', { headers: agent.headers })
    ).json();
    expect(old.items.map((claim: { id: number }) => claim.id)).toEqual([first.id]);
    const big = await (
      await t.app.request('/api/v1/staff/claims?minAmountMinor=20001', {
        headers: agent.headers,
      })
    ).json();
    expect(big.items).toEqual([]);
  });
});

describe('GET /staff/claims/{id}: the corrections that concern the claim', () => {
  it('lists every correction meeting the period widened to its runs, however many came later', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const world = await claimWorld(t, { rules: { ...STANDARD_RULES, minimumOutageMinutes: 15 } });
    const serviceId = world.service.id;
    const outage = (start: string, end: string) =>
      addWindow(t, serviceId, { state: 'major_outage', start, end });
    // A 40-minute run crossing into October: its first window lies wholly in September.
    const before = await outage('2026-09-30T23:30:00Z', '2026-09-30T23:50:00Z');
    await outage('2026-09-30T23:50:00Z', '2026-10-01T00:00:00Z');
    await outage('2026-10-01T00:00:00Z', '2026-10-01T00:10:00Z');
    const october = await outage('2026-10-10T00:00:00Z', '2026-10-10T03:00:00Z');
    const september = await outage('2026-09-15T00:00:00Z', '2026-09-15T01:00:00Z');
    const moved = await outage('2026-11-06T00:00:00Z', '2026-11-06T01:00:00Z');
    const november = await outage('2026-11-05T00:00:00Z', '2026-11-05T01:00:00Z');
    const filed = await t.app.request(
      '/api/v1/me/claims',
      json(
        'POST',
        { agreementId: world.agreementA.id, service: 'api', period: '2026-10' },
        world.a.headers,
      ),
    );
    expect(filed.status).toBe(201);
    const claim = await filed.json();

    const extent = (start: string, end: string) => ({ state: 'major_outage' as const, start, end });
    const correction = (
      windowId: number,
      was: [string, string],
      now: [string, string],
      at: string,
    ) => ({
      windowId,
      actorUserId: world.users.agent.id,
      reason: 'monitor clock skew',
      before: extent(...was),
      after: extent(...now),
      createdAt: new Date(at),
    });
    const relevant = [
      // Outside the month, but in the run that reaches into it.
      correction(
        before.id,
        ['2026-09-30T23:20:00.000Z', '2026-09-30T23:50:00.000Z'],
        ['2026-09-30T23:30:00.000Z', '2026-09-30T23:50:00.000Z'],
        '2026-11-01T00:00:00Z',
      ),
      correction(
        october.id,
        ['2026-10-10T00:00:00.000Z', '2026-10-10T04:00:00.000Z'],
        ['2026-10-10T00:00:00.000Z', '2026-10-10T03:00:00.000Z'],
        '2026-11-02T00:00:00Z',
      ),
      // Moved out of the month: its extent before still met it.
      correction(
        moved.id,
        ['2026-10-31T23:00:00.000Z', '2026-11-01T01:00:00.000Z'],
        ['2026-11-06T00:00:00.000Z', '2026-11-06T01:00:00.000Z'],
        '2026-11-03T00:00:00Z',
      ),
    ];
    const unrelated = [
      correction(
        september.id,
        ['2026-09-15T00:00:00.000Z', '2026-09-15T02:00:00.000Z'],
        ['2026-09-15T00:00:00.000Z', '2026-09-15T01:00:00.000Z'],
        '2026-11-04T00:00:00Z',
      ),
      // Far more corrections after the claim's month than any fixed cap, all newer.
      ...Array.from({ length: 600 }, (_, index) =>
        correction(
          november.id,
          ['2026-11-05T00:00:00.000Z', '2026-11-05T02:00:00.000Z'],
          ['2026-11-05T00:00:00.000Z', '2026-11-05T01:00:00.000Z'],
          new Date(Date.parse('2026-11-10T00:00:00Z') + index * 60_000).toISOString(),
        ),
      ),
    ];
    const ids = await t.db.write(async (tx) => {
      const inserted: number[] = [];
      for (const row of [...relevant, ...unrelated]) {
        const [added] = await tx.insert(windowCorrections).values(row).returning();
        inserted.push(added?.id ?? 0);
      }
      return inserted;
    });

    const detail = await (
      await t.app.request(`/api/v1/staff/claims/${claim.id}`, { headers: world.agent.headers })
    ).json();
    // Newest first.
    expect(detail.corrections.map((item: { id: number }) => item.id)).toEqual(
      ids.slice(0, 3).reverse(),
    );
    expect(detail.corrections[2]).toMatchObject({
      windowId: before.id,
      service: 'api',
      before: { start: '2026-09-30T23:20:00.000Z' },
    });
  });
});
