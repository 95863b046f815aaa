import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateResponseCase, parseResponseRequest } from '../../api/sla/index.ts';
import { credits, supportRequestEvents } from '../../db/schema/index.ts';
import { testApp } from '../helpers/app.ts';
import { expectStatus } from '../helpers/status-data.ts';
import {
  BUSINESS_HOURS,
  RESPONSE_POLICY,
  type SupportWorld,
  supportWorld,
} from '../helpers/support-fixtures.ts';

/** April 2026 in Berlin: March has ended (at 2026-03-31T22:00Z, CEST). */
const NOW = '2026-04-10T12:00:00Z';

const T1 = {
  externalId: 'zendesk:1',
  priority: 'P1',
  openedAt: '2026-03-02T10:00:00Z',
  subject: 'API down',
};

/** The spec's T-1: an auto-reply after 5 s, a person after 41 min, resolved after 2 h. */
async function postSpecRequest(world: SupportWorld) {
  const body = { ...T1, agreementId: world.agreement.id };
  await expectStatus(await world.bot('POST', '/ingest/support-requests', body), 201);
  const events = '/ingest/support-requests/zendesk:1/events';
  await expectStatus(
    await world.bot('POST', events, { id: 'e1', type: 'response', at: '2026-03-02T10:00:05Z' }),
    201,
  );
  await expectStatus(
    await world.people('POST', events, { id: 'e2', type: 'response', at: '2026-03-02T10:41:00Z' }),
    201,
  );
  await expectStatus(
    await world.people('POST', events, { id: 'e3', type: 'resolved', at: '2026-03-02T12:00:00Z' }),
    201,
  );
}

async function setup(now = NOW) {
  // Sessions idle for a day stay signed in: tests here move the clock by hours.
  const t = await testApp({
    now,
    config: { sessionIdleMs: 86_400_000, sessionAbsoluteMs: 86_400_000 },
  });
  return { t, world: await supportWorld(t) };
}

describe('POST /ingest/support-requests', () => {
  it('answers 201, then 200 with the request as it is now, and 409 for a changed body', async () => {
    const { world } = await setup();
    const body = { ...T1, agreementId: world.agreement.id };
    const created = await expectStatus(
      await world.bot('POST', '/ingest/support-requests', body),
      201,
    );
    expect(created).toMatchObject({
      externalId: 'zendesk:1',
      priority: 'P1',
      openedAt: '2026-03-02T10:00:00.000Z',
      customerId: world.customer.id,
      events: [],
    });
    await expectStatus(
      await world.bot('POST', '/ingest/support-requests/zendesk:1/events', {
        id: 'ack',
        type: 'response',
        at: '2026-03-02T10:00:05Z',
      }),
      201,
    );
    // The same instant written another way is the same body; the answer has the event now.
    const again = await expectStatus(
      await world.people('POST', '/ingest/support-requests', {
        ...body,
        openedAt: '2026-03-02T11:00:00+01:00',
      }),
      200,
    );
    expect(again.id).toBe(created.id);
    expect(again.events).toHaveLength(1);
    const changed = await world.bot('POST', '/ingest/support-requests', {
      ...body,
      priority: 'P3',
    });
    expect((await expectStatus(changed, 409)).error.code).toBe('SUPPORT_REQUEST_CONFLICT');
  });

  it('refuses an unknown agreement (422) and a request opened in the future', async () => {
    const { world } = await setup();
    const unknown = await world.bot('POST', '/ingest/support-requests', {
      ...T1,
      agreementId: 999,
    });
    expect((await expectStatus(unknown, 422)).error.issues).toEqual([
      { path: 'agreementId', message: 'no such agreement' },
    ]);
    const future = await world.bot('POST', '/ingest/support-requests', {
      ...T1,
      agreementId: world.agreement.id,
      openedAt: '2026-04-10T13:00:00Z',
    });
    expect((await expectStatus(future, 422)).error.issues[0].path).toBe('openedAt');
  });

  it('is for ingest keys only', async () => {
    const { world } = await setup();
    const body = { ...T1, agreementId: world.agreement.id };
    expect((await world.asCustomer('POST', '/ingest/support-requests', body)).status).toBe(403);
    expect((await world.asAgent('POST', '/ingest/support-requests', body)).status).toBe(403);
  });
});

describe('POST /ingest/support-requests/{externalId}/events', () => {
  it('answers 200 for the same event again and 409 for a changed one', async () => {
    const { world } = await setup();
    await expectStatus(
      await world.bot('POST', '/ingest/support-requests', {
        ...T1,
        agreementId: world.agreement.id,
      }),
      201,
    );
    const path = '/ingest/support-requests/zendesk:1/events';
    const event = { id: 'e2', type: 'response', at: '2026-03-02T10:41:00Z' };
    const first = await expectStatus(await world.people('POST', path, event), 201);
    const again = await expectStatus(await world.people('POST', path, event), 200);
    expect(again.event).toEqual(first.event);
    const moved = await world.people('POST', path, { ...event, at: '2026-03-02T10:20:00Z' });
    expect((await expectStatus(moved, 409)).error.code).toBe('SUPPORT_EVENT_CONFLICT');
    // The same id from an automation key is not the same event: it would be automated.
    expect((await world.bot('POST', path, event)).status).toBe(409);
    const rows = await expectStatus(await world.people('POST', path, event), 200);
    expect(rows.request.events).toHaveLength(1);
  });

  it('refuses an event before the request was opened, naming at', async () => {
    const { world } = await setup();
    await expectStatus(
      await world.bot('POST', '/ingest/support-requests', {
        ...T1,
        agreementId: world.agreement.id,
      }),
      201,
    );
    const early = await world.people('POST', '/ingest/support-requests/zendesk:1/events', {
      id: 'x',
      type: 'response',
      at: '2026-03-02T09:59:59Z',
    });
    expect((await expectStatus(early, 422)).error.issues[0].path).toBe('at');
  });

  it('answers 404 for an unknown request', async () => {
    const { world } = await setup();
    const response = await world.people('POST', '/ingest/support-requests/nope/events', {
      id: 'x',
      type: 'response',
      at: '2026-03-02T10:00:00Z',
    });
    await expectStatus(response, 404);
  });
});

describe('authorship follows the credential', () => {
  it('an automation key writes automated responses only; the body cannot choose', async () => {
    const { t, world } = await setup();
    await expectStatus(
      await world.bot('POST', '/ingest/support-requests', {
        ...T1,
        agreementId: world.agreement.id,
      }),
      201,
    );
    const path = '/ingest/support-requests/zendesk:1/events';
    const human = await world.bot('POST', path, {
      id: 'h',
      type: 'human-response',
      at: '2026-03-02T10:01:00Z',
    });
    const refused = await expectStatus(human, 400);
    expect(refused.error.issues[0].path).toBe('type');
    expect(refused.error.issues[0].message).toMatch(/decided by the key/);
    const flagged = await world.bot('POST', path, {
      id: 'h2',
      type: 'response',
      at: '2026-03-02T10:01:00Z',
      human: true,
    });
    await expectStatus(flagged, 400);
    const answer = await expectStatus(
      await world.bot('POST', path, { id: 'a', type: 'response', at: '2026-03-02T10:01:00Z' }),
      201,
    );
    expect(answer.event).toMatchObject({
      type: 'automated-response',
      author: 'automation',
      counted: false,
    });
    const rows = await t.db.db.select().from(supportRequestEvents);
    expect(rows.map((row) => row.type)).toEqual(['automated-response']);
    // Its reply does not stop the clock: the first response is still missing.
    const month = await expectStatus(
      await world.asCustomer('GET', '/me/support?period=2026-03'),
      200,
    );
    expect(month.agreements[0].requests[0]).toMatchObject({
      firstResponseMs: null,
      firstResponse: 'missed',
    });
  });

  it('a key for people, and a staff person in the console, write human responses', async () => {
    const { t, world } = await setup('2026-03-02T10:20:00Z');
    await expectStatus(
      await world.bot('POST', '/ingest/support-requests', {
        ...T1,
        agreementId: world.agreement.id,
      }),
      201,
    );
    const viaKey = await expectStatus(
      await world.people('POST', '/ingest/support-requests/zendesk:1/events', {
        id: 'p',
        type: 'paused',
        at: '2026-03-02T10:05:00Z',
      }),
      201,
    );
    expect(viaKey.event).toMatchObject({ type: 'paused', author: 'people' });
    const requestId = viaKey.request.id;
    const console = await expectStatus(
      await world.asAgent('POST', `/staff/support/requests/${requestId}/events`, {
        type: 'response',
      }),
      201,
    );
    expect(console.event).toMatchObject({
      type: 'human-response',
      author: 'staff',
      counted: true,
      // A person answers when they answer: the console records now.
      at: new Date(t.clock.now()).toISOString(),
    });
    const refused = await world.asAgent('POST', `/staff/support/requests/${requestId}/events`, {
      type: 'response',
      at: '2026-03-02T10:01:00Z',
    });
    await expectStatus(refused, 400);
    expect(
      (
        await world.asCustomer('POST', `/staff/support/requests/${requestId}/events`, {
          type: 'response',
        })
      ).status,
    ).toBe(403);
  });
});

/** The engine's case built here from what was posted, with asOf = the clock's now. */
function specCase(
  world: SupportWorld,
  asOf: string,
  extraEvents: { at: string; type: string }[] = [],
) {
  const parsed = parseResponseRequest({
    period: '2026-03',
    asOf,
    agreement: {
      timeZone: 'Europe/Berlin',
      start: '2026-01-01T00:00:00Z',
      end: null,
      monthlyFeeMinor: 90_000,
      currency: 'EUR',
      businessHours: BUSINESS_HOURS,
    },
    policy: RESPONSE_POLICY,
    requests: [
      {
        id: 'zendesk:1',
        priority: 'P1',
        openedAt: T1.openedAt,
        events: [
          { at: '2026-03-02T10:00:05Z', type: 'automated-response' },
          { at: '2026-03-02T10:41:00Z', type: 'human-response' },
          { at: '2026-03-02T12:00:00Z', type: 'resolved' },
          ...extraEvents,
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  void world;
  const [one] = parsed.cases;
  if (!one) throw new Error('no case');
  return one;
}

describe('GET /me/support', () => {
  it("gives the engine's figures for the stored requests, with the auto-reply not counted", async () => {
    const { world } = await setup();
    await postSpecRequest(world);
    const answer = await expectStatus(
      await world.asCustomer('GET', '/me/support?period=2026-03'),
      200,
    );
    const [month] = answer.agreements;
    expect(month.evaluation).toEqual(evaluateResponseCase(specCase(world, NOW)));
    expect(month).toMatchObject({
      status: 'evaluated',
      final: true,
      met: false,
      creditPercent: 15,
      creditMinor: 13_500,
      currency: 'EUR',
      targetPercent: 95,
      claim: null,
    });
    expect(month.objectives).toEqual([
      {
        priority: 'P1',
        kind: 'firstResponse',
        met: 0,
        missed: 1,
        pending: 0,
        attainmentPercent: 0,
        attainmentDisplay: '0.000',
      },
      {
        priority: 'P1',
        kind: 'resolution',
        met: 1,
        missed: 0,
        pending: 0,
        attainmentPercent: 100,
        attainmentDisplay: '100.000',
      },
    ]);
    const [line] = month.requests;
    expect(line).toMatchObject({
      externalId: 'zendesk:1',
      firstHumanResponseAt: '2026-03-02T10:41:00.000Z',
      firstResponseMs: 2_460_000,
      firstResponse: 'missed',
      resolutionMs: 7_200_000,
      resolution: 'met',
    });
    expect(line.events.map((event: { counted: boolean }) => event.counted)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('shows another customer nothing of it', async () => {
    const { world } = await setup();
    await postSpecRequest(world);
    const answer = await expectStatus(
      await world.asOther('GET', '/me/support?period=2026-03'),
      200,
    );
    expect(answer.agreements).toEqual([]);
    const theirs = await world.asOther(
      'GET',
      `/me/support?period=2026-03&agreementId=${world.agreement.id}`,
    );
    await expectStatus(theirs, 404);
  });

  it('a pending request keeps the month open, and says by when it settles', async () => {
    // Tuesday 31 March, 17:00 in Berlin: the end of business; the month ends at midnight.
    const { t, world } = await setup('2026-03-31T15:00:00Z');
    await expectStatus(
      await world.bot('POST', '/ingest/support-requests', {
        externalId: 'zendesk:2',
        agreementId: world.agreement.id,
        priority: 'P2',
        openedAt: '2026-03-31T15:00:00Z',
      }),
      201,
    );
    t.clock.set(Date.parse('2026-04-01T01:00:00Z'));
    const answer = await expectStatus(
      await world.asCustomer('GET', '/me/support?period=2026-03'),
      200,
    );
    const [month] = answer.agreements;
    expect(month.final).toBe(false);
    expect(month.requests[0].firstResponse).toBe('pending');
    // Four business hours from Wednesday 09:00 Berlin: 13:00 (11:00Z).
    expect(month.requests[0].firstResponseDueAt).toBe('2026-04-01T11:00:00.000Z');
    expect(month.finalBy).toBe('2026-04-01T11:00:00.000Z');
    const queue = await expectStatus(await world.asAgent('GET', '/staff/support/queue'), 200);
    expect(queue.items).toMatchObject([
      {
        externalId: 'zendesk:2',
        calendar: 'business',
        targetMs: 4 * 3_600_000,
        elapsedMs: 0,
        leftMs: 4 * 3_600_000,
        dueAt: '2026-04-01T11:00:00.000Z',
      },
    ]);
    // Wednesday 12:00 Berlin: three business hours used, one left.
    t.clock.set(Date.parse('2026-04-01T10:00:00Z'));
    const later = await expectStatus(await world.asAgent('GET', '/staff/support/queue'), 200);
    expect(later.items[0].leftMs).toBe(3_600_000);
    const claim = await world.asCustomer('POST', '/me/claims', {
      agreementId: world.agreement.id,
      kind: 'support',
      period: '2026-03',
    });
    expect((await expectStatus(claim, 422)).error.code).toBe('PERIOD_NOT_FINAL');
    // Once answered it leaves the queue.
    await world.people('POST', '/ingest/support-requests/zendesk:2/events', {
      id: 'r',
      type: 'response',
      at: '2026-04-01T10:00:00Z',
    });
    const empty = await expectStatus(await world.asAgent('GET', '/staff/support/queue'), 200);
    expect(empty.items).toEqual([]);
  });
});

describe('support claims', () => {
  it('one live claim per (agreement, support, period), decided and entered in the ledger', async () => {
    const { t, world } = await setup();
    await postSpecRequest(world);
    const body = { agreementId: world.agreement.id, kind: 'support', period: '2026-03' };
    const claim = await expectStatus(await world.asCustomer('POST', '/me/claims', body), 201);
    expect(claim).toMatchObject({
      kind: 'support',
      service: 'support',
      status: 'submitted',
      computedCreditMinor: 13_500,
      capMinor: 90_000,
      currency: 'EUR',
      evaluation: null,
      supportEvaluation: { creditMinor: 13_500, final: true, met: false },
    });
    const twice = await world.asCustomer('POST', '/me/claims', body);
    expect((await expectStatus(twice, 409)).error.code).toBe('CLAIM_EXISTS');
    // The availability claim of the same month is another slot.
    const availability = await world.asCustomer('POST', '/me/claims', {
      agreementId: world.agreement.id,
      service: 'api',
      period: '2026-03',
      description: 'Slow all month.',
    });
    expect((await expectStatus(availability, 201)).kind).toBe('availability');
    const serviceAndSupport = await world.asCustomer('POST', '/me/claims', {
      ...body,
      service: 'api',
    });
    await expectStatus(serviceAndSupport, 400);

    const review = await expectStatus(await world.asAgent('GET', `/staff/claims/${claim.id}`), 200);
    expect(review.support).toMatchObject({ creditMinor: 13_500, final: true });
    expect(review.support.requests[0].events[0]).toMatchObject({
      type: 'automated-response',
      counted: false,
    });
    expect(review.freshDiffers).toBe(false);

    const approved = await expectStatus(
      await world.asAgent('POST', `/staff/claims/${claim.id}/decision`, { decision: 'approve' }),
      200,
    );
    expect(approved).toMatchObject({ status: 'approved', approvedAmountMinor: 13_500 });
    const ledger = await t.db.db.select().from(credits).where(eq(credits.claimId, claim.id));
    expect(ledger).toMatchObject([{ kind: 'support', serviceId: null, amountMinor: 13_500 }]);
    const listed = await expectStatus(await world.asAgent('GET', '/staff/credits'), 200);
    expect(listed.items).toMatchObject([
      { kind: 'support', service: 'support', amountMinor: 13_500 },
    ]);
    // Decided: still the one claim of the slot.
    expect((await world.asCustomer('POST', '/me/claims', body)).status).toBe(409);
  });

  it('the month shows its claim, and a withdrawn claim frees the slot', async () => {
    const { world } = await setup();
    await postSpecRequest(world);
    const body = { agreementId: world.agreement.id, kind: 'support', period: '2026-03' };
    const claim = await expectStatus(await world.asCustomer('POST', '/me/claims', body), 201);
    const month = await expectStatus(
      await world.asCustomer('GET', '/me/support?period=2026-03'),
      200,
    );
    expect(month.agreements[0].claim).toEqual({ id: claim.id, status: 'submitted' });
    await expectStatus(await world.asCustomer('POST', `/me/claims/${claim.id}/withdraw`, {}), 200);
    await expectStatus(await world.asCustomer('POST', '/me/claims', body), 201);
  });
});

describe('property: an automated response never changes a figure (through the API)', () => {
  it('holds for random months of requests and auto-replies at any instant', async () => {
    const { t, world } = await setup();
    const marchStartMs = Date.parse('2026-02-28T23:00:00Z');
    const marchMs = Date.parse('2026-03-31T22:00:00Z') - marchStartMs;
    const nowMs = t.clock.now();
    let round = 0;
    const requestArb = fc.record({
      priority: fc.constantFrom('P1', 'P2', 'P3'),
      openedOffsetMs: fc.integer({ min: 0, max: marchMs - 1 }),
      humanAfterMs: fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 }), { nil: null }),
      resolvedAfterMs: fc.option(fc.integer({ min: 0, max: 5 * 86_400_000 }), { nil: null }),
      autoAfterMs: fc.integer({ min: 0, max: 2 * 86_400_000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb, { minLength: 1, maxLength: 4 }), async (requests) => {
        round += 1;
        const ids: string[] = [];
        for (const [index, request] of requests.entries()) {
          const externalId = `prop:${round}:${index}`;
          ids.push(externalId);
          const openedMs = marchStartMs + request.openedOffsetMs;
          await expectStatus(
            await world.bot('POST', '/ingest/support-requests', {
              externalId,
              agreementId: world.agreement.id,
              priority: request.priority,
              openedAt: new Date(openedMs).toISOString(),
            }),
            201,
          );
          const post = async (id: string, type: string, afterMs: number | null) => {
            if (afterMs === null || openedMs + afterMs > nowMs) return;
            const key = type === 'auto' ? world.bot : world.people;
            await expectStatus(
              await key('POST', `/ingest/support-requests/${externalId}/events`, {
                id,
                type: type === 'auto' ? 'response' : type,
                at: new Date(openedMs + afterMs).toISOString(),
              }),
              201,
            );
          };
          await post('human', 'response', request.humanAfterMs);
          await post('resolved', 'resolved', request.resolvedAfterMs);
        }
        const before = await expectStatus(
          await world.asCustomer('GET', '/me/support?period=2026-03'),
          200,
        );
        for (const [index, request] of requests.entries()) {
          const externalId = ids[index] as string;
          const openedMs = marchStartMs + request.openedOffsetMs;
          const atMs = Math.min(openedMs + request.autoAfterMs, nowMs);
          await expectStatus(
            await world.bot('POST', `/ingest/support-requests/${externalId}/events`, {
              id: 'auto',
              type: 'response',
              at: new Date(atMs).toISOString(),
            }),
            201,
          );
        }
        const after = await expectStatus(
          await world.asCustomer('GET', '/me/support?period=2026-03'),
          200,
        );
        const figures = (answer: typeof before) => {
          const { requests: lines, ...month } = answer.agreements[0];
          return {
            ...month,
            requests: lines.map(({ events: _, ...line }: { events: unknown }) => line),
          };
        };
        expect(figures(after)).toEqual(figures(before));
      }),
      { numRuns: 20 },
    );
  });
});
