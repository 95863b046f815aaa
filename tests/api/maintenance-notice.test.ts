import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, signedIn } from '../helpers/factories.ts';
import { createAgreement, createPolicy, STANDARD_RULES } from '../helpers/sla-fixtures.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Two policies on `api`: Standard wants the default 48 h of notice; Strict wants 7 days from
 * April 2026 (its first version wanted 24 h). Customers: Acme (UTC, Standard), Birch
 * (Auckland, Strict, on api and web), and Cedar (Standard, on web only).
 */
async function setup() {
  // Days pass within a test: sessions outlive them.
  const t = await testApp({
    now: '2026-03-10T12:00:00Z',
    config: { sessionIdleMs: 60 * DAY, sessionAbsoluteMs: 60 * DAY },
  });
  const api = await createService(t, 'api', { monitoredSince: '2025-01-01T00:00:00Z' });
  const web = await createService(t, 'web', { monitoredSince: '2025-01-01T00:00:00Z' });
  await createService(t, 'db', { monitoredSince: '2025-01-01T00:00:00Z' });
  const standard = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
  const strict = await createPolicy(t, [
    { effectiveFrom: '0000-01', rules: { ...STANDARD_RULES, maintenanceNoticeMinutes: 1440 } },
    { effectiveFrom: '2026-04', rules: { ...STANDARD_RULES, maintenanceNoticeMinutes: 10080 } },
  ]);
  const acme = await createCustomer(t, 'Acme', 'UTC');
  const birch = await createCustomer(t, 'Birch', 'Pacific/Auckland');
  const cedar = await createCustomer(t, 'Cedar', 'UTC');
  const acmeAgreement = await createAgreement(t, {
    customerId: acme.id,
    policyId: standard.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'UTC',
    services: [{ serviceId: api.id, monthlyFeeMinor: 100_000 }],
  });
  const birchAgreement = await createAgreement(t, {
    customerId: birch.id,
    policyId: strict.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'Pacific/Auckland',
    services: [
      { serviceId: api.id, monthlyFeeMinor: 50_000 },
      { serviceId: web.id, monthlyFeeMinor: 50_000 },
    ],
  });
  await createAgreement(t, {
    customerId: cedar.id,
    policyId: standard.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'UTC',
    services: [{ serviceId: web.id, monthlyFeeMinor: 10_000 }],
  });
  const acmeUser = await createUser(t, 'customer', { customerId: acme.id });
  return {
    t,
    standard,
    strict,
    acme,
    birch,
    acmeAgreement,
    birchAgreement,
    asAcme: (await signedIn(t, acmeUser.id)).headers,
    ...(await statusActors(t)),
  };
}

/** What the notice check reads of a plan. */
const window = {
  services: ['api'],
  startsAt: '2026-03-14T01:00:00Z',
  endsAt: '2026-03-14T03:00:00Z',
};

const plan = {
  ...window,
  title: 'Database upgrade',
  description: 'Writes may be refused for a few minutes.',
};

async function windowsOf(t: TestApp) {
  const result = await t.db.client.execute(
    'SELECT external_id, start, "end", announced_at FROM windows ORDER BY start, external_id',
  );
  return result.rows.map((row) => ({
    externalId: row.external_id,
    start: new Date(Number(row.start)).toISOString(),
    end: new Date(Number(row.end)).toISOString(),
    announcedAt: new Date(Number(row.announced_at)).toISOString(),
  }));
}

describe('POST /staff/maintenance/notice', () => {
  it('answers per policy version: the notice it wants, the notice given, and whose agreements it concerns', async () => {
    const { asAgent, standard, strict, acme, birch, acmeAgreement, birchAgreement } = await setup();
    const notice = await expectStatus(
      await asAgent('POST', '/staff/maintenance/notice', window),
      200,
    );
    // Published now, 2026-03-10 12:00, for a start on the 14th at 01:00 UTC: 3 days 13 h.
    const givenMs = 3 * 24 * HOUR + 13 * HOUR;
    expect(notice).toEqual({
      announcedAt: '2026-03-10T12:00:00.000Z',
      startsAt: '2026-03-14T01:00:00.000Z',
      endsAt: '2026-03-14T03:00:00.000Z',
      givenMs,
      unannounced: null,
      allMet: true,
      policies: [
        {
          policy: { id: standard.id, name: 'Test policy' },
          version: 1,
          effectiveFrom: '0000-01',
          requiredMinutes: 2880,
          givenMs,
          met: true,
          earlyPartCounts: false,
          agreements: [
            {
              agreementId: acmeAgreement.id,
              customer: { id: acme.id, name: 'Acme' },
              timeZone: 'UTC',
              active: true,
              services: ['api'],
              months: ['2026-03'],
            },
          ],
        },
        {
          policy: { id: strict.id, name: 'Test policy' },
          version: 1,
          effectiveFrom: '0000-01',
          requiredMinutes: 1440,
          givenMs,
          met: true,
          earlyPartCounts: false,
          agreements: [
            {
              agreementId: birchAgreement.id,
              customer: { id: birch.id, name: 'Birch' },
              timeZone: 'Pacific/Auckland',
              active: true,
              services: ['api'],
              months: ['2026-03'],
            },
          ],
        },
      ],
    });
  });

  it('reads every version in force in the months touched, in each agreement’s zone', async () => {
    const { t, asAgent, strict } = await setup();
    t.clock.set(Date.parse('2026-03-28T00:00:00Z'));
    // 31 March 13:00 UTC is already 1 April in Auckland, where Strict wants 7 days; 3 days
    // 10 h of notice meet its March version and the other policy, not its April one.
    const notice = await expectStatus(
      await asAgent('POST', '/staff/maintenance/notice', {
        services: ['api', 'web'],
        startsAt: '2026-03-31T10:00:00Z',
        endsAt: '2026-03-31T13:00:00Z',
      }),
      200,
    );
    const strictVersions = notice.policies.filter(
      (entry: { policy: { id: number } }) => entry.policy.id === strict.id,
    );
    expect(
      strictVersions.map(
        (entry: {
          version: number;
          requiredMinutes: number;
          met: boolean;
          agreements: { months: string[]; services: string[] }[];
        }) => [entry.version, entry.requiredMinutes, entry.met, entry.agreements[0]?.months],
      ),
    ).toEqual([
      [1, 1440, true, ['2026-03']],
      [2, 10080, false, ['2026-04']],
    ]);
    expect(strictVersions[0].agreements[0].services).toEqual(['api', 'web']);
    expect(notice.allMet).toBe(false);
    // Cedar is on web only, and now concerned too.
    const customers = notice.policies.flatMap(
      (entry: { agreements: { customer: { name: string } }[] }) =>
        entry.agreements.map((agreement) => agreement.customer.name),
    );
    expect(new Set(customers)).toEqual(new Set(['Acme', 'Birch', 'Cedar']));
  });

  it('is met exactly at the required notice, and not a millisecond below', async () => {
    const { asAgent } = await setup();
    const check = async (startsAt: string) =>
      (
        await expectStatus(
          await asAgent('POST', '/staff/maintenance/notice', {
            services: ['api'],
            startsAt,
            endsAt: '2026-03-13T00:00:00Z',
          }),
          200,
        )
      ).policies.find((entry: { requiredMinutes: number }) => entry.requiredMinutes === 2880);
    await expect(check('2026-03-12T12:00:00Z')).resolves.toMatchObject({ met: true });
    await expect(check('2026-03-12T11:59:59.999Z')).resolves.toMatchObject({ met: false });
  });

  it('keeps a stored announcement for an edit within it, and announces anew outside it', async () => {
    const { t, asAgent } = await setup();
    const created = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    t.clock.advance(3 * 24 * HOUR);
    const within = await expectStatus(
      await asAgent('POST', '/staff/maintenance/notice', {
        ...window,
        endsAt: '2026-03-14T02:00:00Z',
        maintenanceId: created.id,
      }),
      200,
    );
    expect(within).toMatchObject({ announcedAt: '2026-03-10T12:00:00.000Z', allMet: true });
    const later = await expectStatus(
      await asAgent('POST', '/staff/maintenance/notice', {
        ...window,
        endsAt: '2026-03-14T04:00:00Z',
        maintenanceId: created.id,
      }),
      200,
    );
    // Moving outside what was announced announces it again now: 13 h before the start, less
    // than either policy's 48 h and 24 h.
    expect(later).toMatchObject({ announcedAt: '2026-03-13T12:00:00.000Z', allMet: false });
    expect(
      later.policies.map((entry: { requiredMinutes: number; met: boolean }) => [
        entry.requiredMinutes,
        entry.met,
      ]),
    ).toEqual([
      [2880, false],
      [1440, false],
    ]);
    const stored = await expectStatus(
      await asAgent('GET', `/staff/maintenance/${created.id}/notice`),
      200,
    );
    expect(stored).toMatchObject({
      announcedAt: '2026-03-10T12:00:00.000Z',
      endsAt: '2026-03-14T03:00:00.000Z',
      allMet: true,
    });
  });

  it.each([
    ['ends before it starts', { endsAt: '2026-03-14T00:00:00Z' }, 400, 'endsAt'],
    ['names no service', { services: [] }, 400, 'services'],
    ['names an unknown service', { services: ['api', 'nope'] }, 422, 'services'],
    ['is not an instant', { startsAt: 'tomorrow' }, 400, 'startsAt'],
    ['lasts over 400 days', { endsAt: '2027-06-01T00:00:00Z' }, 422, 'endsAt'],
  ])('refuses a plan that %s, naming the field', async (_name, change, status, path) => {
    const { asAgent } = await setup();
    const body = await expectStatus(
      await asAgent('POST', '/staff/maintenance/notice', { ...window, ...change }),
      status,
    );
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
  });

  it('answers 404 for an unknown maintenance', async () => {
    const { asAgent } = await setup();
    await expectStatus(await asAgent('GET', '/staff/maintenance/99/notice'), 404);
    await expectStatus(
      await asAgent('POST', '/staff/maintenance/notice', { ...window, maintenanceId: 99 }),
      404,
    );
  });
});

describe('starting and completing maintenance early', () => {
  it('refuses to start early without saying the early part counts, and changes nothing', async () => {
    const { t, asAgent } = await setup();
    const created = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    t.clock.set(Date.parse('2026-03-14T00:30:00Z'));
    const before = await windowsOf(t);
    const refused = await expectStatus(
      await asAgent('POST', `/staff/maintenance/${created.id}/start`, {}),
      422,
    );
    expect(refused.error).toMatchObject({
      code: 'EARLY_START_NOT_ACKNOWLEDGED',
      issues: [{ path: 'acknowledgeUnannounced' }],
    });
    expect(refused.error.message).toContain('counts as downtime');
    expect(await windowsOf(t)).toEqual(before);
  });

  it('keeps the announced window, and counts the early part as unannounced downtime', async () => {
    const { t, asAgent, asAcme, anonymous } = await setup();
    const created = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    t.clock.set(Date.parse('2026-03-14T00:30:00Z'));
    const started = await expectStatus(
      await asAgent('POST', `/staff/maintenance/${created.id}/start`, {
        acknowledgeUnannounced: true,
      }),
      200,
    );
    expect(started).toMatchObject({
      status: 'in_progress',
      startsAt: '2026-03-14T01:00:00.000Z',
      startedEarlyAt: '2026-03-14T00:30:00.000Z',
      publishedAt: '2026-03-10T12:00:00.000Z',
    });
    expect(await windowsOf(t)).toEqual([
      {
        externalId: `maintenance:${created.id}:api:early`,
        start: '2026-03-14T00:30:00.000Z',
        end: '2026-03-14T01:00:00.000Z',
        announcedAt: '2026-03-14T00:30:00.000Z',
      },
      {
        externalId: `maintenance:${created.id}:api`,
        start: '2026-03-14T01:00:00.000Z',
        end: '2026-03-14T03:00:00.000Z',
        announcedAt: '2026-03-10T12:00:00.000Z',
      },
    ]);
    const status = await expectStatus(await anonymous('GET', '/status'), 200);
    expect(status.maintenance.active.map((item: { id: number }) => item.id)).toEqual([created.id]);
    const notice = await expectStatus(
      await asAgent('GET', `/staff/maintenance/${created.id}/notice`),
      200,
    );
    expect(notice).toMatchObject({
      unannounced: { from: '2026-03-14T00:30:00.000Z', to: '2026-03-14T01:00:00.000Z' },
      allMet: false,
    });
    expect(
      notice.policies.map((entry: { earlyPartCounts: boolean }) => entry.earlyPartCounts),
    ).toEqual([true, true]);
    const again = await asAgent('POST', `/staff/maintenance/${created.id}/start`, {
      acknowledgeUnannounced: true,
    });
    expect((await expectStatus(again, 409)).error.code).toBe('MAINTENANCE_STARTED');

    t.clock.set(Date.parse('2026-03-14T02:00:00Z'));
    const completed = await expectStatus(
      await asAgent('POST', `/staff/maintenance/${created.id}/complete`),
      200,
    );
    expect(completed).toMatchObject({
      status: 'completed',
      completedEarlyAt: '2026-03-14T02:00:00.000Z',
      endedAt: '2026-03-14T02:00:00.000Z',
    });
    expect((await windowsOf(t)).map((window) => [window.start, window.end])).toEqual([
      ['2026-03-14T00:30:00.000Z', '2026-03-14T01:00:00.000Z'],
      ['2026-03-14T01:00:00.000Z', '2026-03-14T02:00:00.000Z'],
    ]);
    const recent = await expectStatus(await anonymous('GET', '/maintenance'), 200);
    expect(recent.recent.map((item: { id: number }) => item.id)).toEqual([created.id]);
    expect(recent.active).toEqual([]);

    // Acme's policy wants 48 h of notice: the 30 early minutes are downtime, the announced
    // hour is not (and is not eligible time either).
    t.clock.set(Date.parse('2026-03-20T00:00:00Z'));
    const figures = await expectStatus(
      await t.app.request('/api/v1/me/availability?period=2026-03', { headers: asAcme }),
      200,
    );
    expect(figures.items).toHaveLength(1);
    expect(figures.items[0]).toMatchObject({ downtimeMs: 30 * MINUTE });
    const periodMs = Date.parse('2026-03-20T00:00:00Z') - Date.parse('2026-03-01T00:00:00Z');
    expect(figures.items[0].eligibleMs).toBe(periodMs - HOUR);
  });

  it('refuses to start a draft or one that has begun, and to complete one that has not', async () => {
    const { t, asAgent } = await setup();
    const draft = await expectStatus(await asAgent('POST', '/staff/maintenance', plan), 201);
    const fromDraft = await asAgent('POST', `/staff/maintenance/${draft.id}/start`, {
      acknowledgeUnannounced: true,
    });
    expect((await expectStatus(fromDraft, 409)).error.code).toBe('MAINTENANCE_NOT_PUBLISHED');
    const published = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    const notStarted = await asAgent('POST', `/staff/maintenance/${published.id}/complete`);
    expect((await expectStatus(notStarted, 409)).error.code).toBe('MAINTENANCE_NOT_STARTED');
    t.clock.set(Date.parse('2026-03-14T01:30:00Z'));
    const running = await asAgent('POST', `/staff/maintenance/${published.id}/start`, {
      acknowledgeUnannounced: true,
    });
    expect((await expectStatus(running, 409)).error.code).toBe('MAINTENANCE_STARTED');
    t.clock.set(Date.parse('2026-03-14T04:00:00Z'));
    const finished = await asAgent('POST', `/staff/maintenance/${published.id}/complete`);
    expect((await expectStatus(finished, 409)).error.code).toBe('MAINTENANCE_CLOSED');
    await expectStatus(await asAgent('POST', '/staff/maintenance/99/complete'), 404);
    const badBody = await asAgent('POST', `/staff/maintenance/${draft.id}/start`, {
      acknowledgeUnannounced: 'yes',
    });
    expect((await expectStatus(badBody, 400)).error.issues[0].path).toBe('acknowledgeUnannounced');
  });

  it('records each step in the audit log', async () => {
    const { t, asAgent } = await setup();
    const created = await expectStatus(
      await asAgent('POST', '/staff/maintenance', { ...plan, publish: true }),
      201,
    );
    t.clock.set(Date.parse('2026-03-14T00:45:00Z'));
    await expectStatus(
      await asAgent('POST', `/staff/maintenance/${created.id}/start`, {
        acknowledgeUnannounced: true,
      }),
      200,
    );
    t.clock.advance(MINUTE);
    await expectStatus(await asAgent('POST', `/staff/maintenance/${created.id}/complete`), 200);
    const audit = await t.db.client.execute(
      "SELECT action FROM audit_log WHERE entity_type = 'maintenance' ORDER BY id",
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'maintenance.create',
      'maintenance.start_early',
      'maintenance.complete_early',
    ]);
  });
});

describe('each published maintenance has a public address', () => {
  it('answers GET /maintenance/{id} for published ones only, lists them all, and the feed links there', async () => {
    const { t, asAgent, anonymous } = await setup();
    const draft = await expectStatus(await asAgent('POST', '/staff/maintenance', plan), 201);
    const ids: number[] = [];
    for (const day of [14, 15, 16]) {
      const created = await expectStatus(
        await asAgent('POST', '/staff/maintenance', {
          ...plan,
          title: `Upgrade ${day}`,
          startsAt: `2026-03-${day}T01:00:00Z`,
          endsAt: `2026-03-${day}T02:00:00Z`,
          publish: true,
        }),
        201,
      );
      ids.push(created.id);
    }
    const one = await expectStatus(await anonymous('GET', `/maintenance/${ids[0]}`), 200);
    expect(one).toMatchObject({ id: ids[0], title: 'Upgrade 14', status: 'scheduled' });
    await expectStatus(await anonymous('GET', `/maintenance/${draft.id}`), 404);
    await expectStatus(await anonymous('GET', '/maintenance/999'), 404);

    const first = await expectStatus(await anonymous('GET', '/maintenance/all?limit=2'), 200);
    expect(first.items.map((item: { id: number }) => item.id)).toEqual([ids[2], ids[1]]);
    const second = await expectStatus(
      await anonymous('GET', `/maintenance/all?limit=2&cursor=${first.nextCursor}`),
      200,
    );
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items.map((item: { id: number }) => item.id)).toEqual([ids[0]]);
    await expectStatus(await anonymous('GET', '/maintenance/all?cursor=nonsense'), 400);

    const feed = await (await t.app.request('/api/v1/feed.atom')).text();
    expect(feed).toContain(
      `<link rel="alternate" type="text/html" href="http://portal.test/maintenance/${ids[0]}"/>`,
    );
  });
});
