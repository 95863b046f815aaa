import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { expectStatus } from '../helpers/status-data.ts';
import { BUSINESS_HOURS, type SupportWorld, supportWorld } from '../helpers/support-fixtures.ts';

/** April 2026 in Berlin: January to March have ended, April runs. */
const NOW = '2026-04-10T12:00:00Z';

interface Objective {
  priority: string;
  kind: 'firstResponse' | 'resolution';
  met: number;
  missed: number;
  pending: number;
  attainmentPercent: number | null;
  attainmentDisplay: string | null;
}
interface SupportMonth {
  agreementId: number;
  final: boolean;
  met: boolean | null;
  targetPercent: number;
  creditPercent: number;
  creditMinor: number;
  currency: string;
  claimDeadline: string;
  objectives: Objective[];
  targets: {
    priority: string;
    firstResponseMinutes: number;
    resolutionMinutes: number | null;
    calendar: string;
  }[];
  requests: { events: { counted: boolean }[] }[];
  claim: { id: number; status: string } | null;
}
interface StatementMonth {
  month: string;
  final: boolean;
  met: boolean | null;
  targetPercent: number;
  creditPercent: number;
  creditMinor: number;
  currency: string;
  claimDeadline: string | null;
  requestCount: number;
  automatedResponseCount: number;
  pendingCount: number;
  source: string;
  claim: { id: number; status: string } | null;
  objectives: (Objective & {
    targetMinutes: number | null;
    calendar: string | null;
    targetPercent: number;
    result: 'met' | 'missed' | null;
  })[];
}
interface Statement {
  items: { currency: string; creditMinor: number }[];
  agreements: { id: number; kind: string; support: StatementMonth[] | null }[];
  claims: { id: number; kind: string; status: string }[];
  totals: {
    currency: string;
    creditMinor: number;
    availabilityCreditMinor: number;
    supportCreditMinor: number;
    approvedMinor: number;
  }[];
}

async function setup() {
  const t = await testApp({ now: NOW });
  return { t, world: await supportWorld(t) };
}

/**
 * A P1 request of `day`: an auto-reply after 5 s (never counted), a person after
 * `answerMinutes` (P1's first-response target is 30 min), resolved an hour later.
 */
async function p1Request(world: SupportWorld, id: string, openedAt: string, answerMinutes: number) {
  const openedMs = Date.parse(openedAt);
  const at = (ms: number) => new Date(openedMs + ms).toISOString();
  const body = { externalId: id, agreementId: world.agreement.id, priority: 'P1', openedAt };
  await expectStatus(await world.bot('POST', '/ingest/support-requests', body), 201);
  const events = `/ingest/support-requests/${id}/events`;
  await expectStatus(
    await world.bot('POST', events, { id: 'ack', type: 'response', at: at(5_000) }),
    201,
  );
  await expectStatus(
    await world.people('POST', events, {
      id: 'answer',
      type: 'response',
      at: at(answerMinutes * 60_000),
    }),
    201,
  );
  await expectStatus(
    await world.people('POST', events, {
      id: 'fixed',
      type: 'resolved',
      at: at((answerMinutes + 60) * 60_000),
    }),
    201,
  );
}

/** The customer's second agreement, on the same policy but with no support fee: no terms. */
async function agreementWithoutSupport(world: SupportWorld, customerId: number) {
  return expectStatus(
    await world.asAdmin('POST', '/staff/agreements', {
      customerId,
      policyId: world.policy.id,
      start: '2026-01-01T00:00:00Z',
      services: [{ slug: 'api', monthlyFeeMinor: 100_000, currency: 'EUR' }],
      businessHours: BUSINESS_HOURS,
    }),
    201,
  );
}

async function meSupport(world: SupportWorld, period: string): Promise<SupportMonth> {
  const answer = await expectStatus(
    await world.asCustomer('GET', `/me/support?period=${period}&agreementId=${world.agreement.id}`),
    200,
  );
  return answer.agreements[0];
}

async function statementJson(world: SupportWorld, file: string): Promise<Statement> {
  return expectStatus(await world.asCustomer('GET', `/me/statements/${file}`), 200);
}

function supportOf(statement: Statement, agreementId: number): StatementMonth[] | null {
  const agreement = statement.agreements.find((each) => each.id === agreementId);
  if (agreement === undefined) throw new Error(`agreement ${agreementId} is not in the statement`);
  return agreement.support;
}

/** What the statement must show for a month of GET /me/support, worked out here. */
function expectSameFigures(line: StatementMonth | undefined, month: SupportMonth) {
  expect(line).toMatchObject({
    final: month.final,
    met: month.met,
    targetPercent: month.targetPercent,
    creditPercent: month.creditPercent,
    creditMinor: month.creditMinor,
    currency: month.currency,
    claimDeadline: month.claimDeadline,
    claim: month.claim,
    requestCount: month.requests.length,
    automatedResponseCount: month.requests
      .flatMap((request) => request.events)
      .filter((event) => !event.counted).length,
  });
  expect(
    line?.objectives.map(
      ({ targetMinutes: _, calendar: __, targetPercent: ___, result, ...o }) => o,
    ),
  ).toEqual(month.objectives);
  for (const objective of line?.objectives ?? []) {
    const target = month.targets.find((each) => each.priority === objective.priority);
    expect(objective.targetMinutes).toBe(
      objective.kind === 'firstResponse' ? target?.firstResponseMinutes : target?.resolutionMinutes,
    );
    expect(objective.calendar).toBe(target?.calendar);
    const decided = objective.met + objective.missed;
    // The attainments here are whole percentages (0, 50, 100): a double compares them exactly.
    const expected =
      decided === 0
        ? null
        : (100 * objective.met) / decided >= month.targetPercent
          ? 'met'
          : 'missed';
    expect(objective.result).toBe(expected);
  }
}

async function pdfText(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function csvRows(response: Response): Promise<Record<string, string>[]> {
  expect(response.headers.get('content-type')).toContain('text/csv');
  const bytes = Buffer.from(await response.arrayBuffer());
  return parse(bytes, { columns: true, bom: true, skip_empty_lines: true });
}

/** Written here independently of the API's own formatting (EUR: two decimals). */
const money = (minor: number, currency: string) =>
  `${currency} ${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(minor / 100)}`;
const cents = (text: string | undefined) => Math.round(Number(text) * 100);

describe('a month statement with support terms', () => {
  it('shows the figures of GET /me/support for a month with a missed P1 response', async () => {
    const { world } = await setup();
    // Answered by a person after 41 minutes: P1's 30-minute first response is missed.
    await p1Request(world, 'zendesk:1', '2026-03-02T10:00:00Z', 41);
    const plain = await agreementWithoutSupport(world, world.customer.id);
    const month = await meSupport(world, '2026-03');
    expect(month.met).toBe(false);
    expect(month.creditMinor).toBeGreaterThan(0);

    const statement = await statementJson(world, '2026-03.json');
    const support = supportOf(statement, world.agreement.id);
    expect(support?.map((line) => line.month)).toEqual(['2026-03']);
    expectSameFigures(support?.[0], month);
    expect(support?.[0]?.objectives.find((o) => o.priority === 'P1')?.result).toBe('missed');
    expect(support?.[0]?.source).toBe('computed');
    // The agreement without a support fee has no support section.
    expect(supportOf(statement, plain.id)).toBeNull();

    // Support credits count in their currency's total, apart from availability's.
    const availabilityEur = statement.items
      .filter((item) => item.currency === 'EUR')
      .reduce((sum, item) => sum + item.creditMinor, 0);
    expect(statement.totals).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        availabilityCreditMinor: availabilityEur,
        supportCreditMinor: month.creditMinor,
        creditMinor: availabilityEur + month.creditMinor,
      }),
    ]);
  });

  it('shows the support claim and, once approved, its decided figures and amount', async () => {
    const { world } = await setup();
    await p1Request(world, 'zendesk:1', '2026-03-02T10:00:00Z', 41);
    const body = { agreementId: world.agreement.id, kind: 'support', period: '2026-03' };
    const claim = await expectStatus(await world.asCustomer('POST', '/me/claims', body), 201);
    const submitted = supportOf(await statementJson(world, '2026-03.json'), world.agreement.id);
    expect(submitted?.[0]?.claim).toEqual({ id: claim.id, status: 'submitted' });
    expect(submitted?.[0]?.source).toBe('computed');

    await expectStatus(
      await world.asAgent('POST', `/staff/claims/${claim.id}/decision`, { decision: 'approve' }),
      200,
    );
    const statement = await statementJson(world, '2026-03.json');
    const month = await meSupport(world, '2026-03');
    const [line] = supportOf(statement, world.agreement.id) ?? [];
    expectSameFigures(line, month);
    expect(line?.source).toBe('decided-claim');
    expect(statement.claims).toEqual([
      expect.objectContaining({ id: claim.id, kind: 'support', status: 'approved' }),
    ]);
    expect(statement.totals[0]?.approvedMinor).toBe(claim.computedCreditMinor);
  });

  it('has CSV rows for the support month and each objective, adding up to the total', async () => {
    const { world } = await setup();
    await p1Request(world, 'zendesk:1', '2026-03-02T10:00:00Z', 41);
    const month = await meSupport(world, '2026-03');
    const statement = await statementJson(world, '2026-03.json');
    const rows = await csvRows(await world.asCustomer('GET', '/me/statements/2026-03.csv'));

    const supportMonths = rows.filter((row) => row.record === 'support month');
    expect(supportMonths).toHaveLength(1);
    expect(supportMonths[0]).toMatchObject({
      customer: 'Customer A',
      agreement: String(world.agreement.id),
      month: '2026-03',
      service: 'support',
      target: month.met ? 'met' : 'missed',
      credit_percent: String(month.creditPercent),
      credit: (month.creditMinor / 100).toFixed(2),
      currency: month.currency,
      final: month.final ? 'final' : 'not final',
      requests: String(month.requests.length),
      automated_responses: '1',
      pending_requests: '0',
    });
    const objectives = rows.filter((row) => row.record === 'support objective');
    expect(
      objectives.map((row) => ({
        priority: row.priority,
        kind: row.objective === 'first response' ? 'firstResponse' : 'resolution',
        met: Number(row.met_requests),
        missed: Number(row.missed_requests),
        pending: Number(row.pending_requests),
        attainmentDisplay: row.attainment_percent,
      })),
    ).toEqual(
      month.objectives.map(({ priority, kind, met, missed, pending, attainmentDisplay }) => ({
        priority,
        kind,
        met,
        missed,
        pending,
        attainmentDisplay,
      })),
    );
    expect(objectives.find((row) => row.priority === 'P1')?.objective_minutes).toBe('30');

    // A finance contact sums the service and support months and gets the total row.
    const [total] = rows.filter((row) => row.record === 'total');
    const summed = rows
      .filter((row) => row.record === 'service month' || row.record === 'support month')
      .reduce((sum, row) => sum + cents(row.credit), 0);
    expect(cents(total?.credit)).toBe(summed);
    expect(cents(total?.support_credit)).toBe(month.creditMinor);
    expect(cents(total?.credit)).toBe(statement.totals[0]?.creditMinor);
  });

  it('prints the support section in the PDF', async () => {
    const { world } = await setup();
    await p1Request(world, 'zendesk:1', '2026-03-02T10:00:00Z', 41);
    const month = await meSupport(world, '2026-03');
    const statement = await statementJson(world, '2026-03.json');
    const text = await pdfText(await world.asCustomer('GET', '/me/statements/2026-03.pdf'));

    expect(text).toContain('Support — response times');
    expect(text).toContain('Automated replies are recorded and never counted.');
    for (const objective of month.objectives) {
      const target = month.targets.find((each) => each.priority === objective.priority);
      const minutes =
        objective.kind === 'firstResponse'
          ? target?.firstResponseMinutes
          : target?.resolutionMinutes;
      const calendar = target?.calendar === 'business' ? 'business hours' : 'round the clock';
      const decided = objective.met + objective.missed;
      const row = [
        objective.priority,
        objective.kind === 'firstResponse' ? 'First response' : 'Resolution',
        `${minutes} min, ${calendar}`,
        `${objective.met} / ${objective.missed} / ${objective.pending}`,
        `${objective.attainmentDisplay} % of ${month.targetPercent} %`,
        (100 * objective.met) / decided >= month.targetPercent ? 'Met' : 'Missed',
      ].join(' ');
      expect(text, row).toContain(row);
    }
    expect(text).toContain(
      `March 2026: target missed; support credit ${money(month.creditMinor, month.currency)} (${month.creditPercent} % of the support fee); 1 request, 1 automated reply not counted; final.`,
    );
    const total = statement.totals[0];
    expect(total).toBeDefined();
    if (total) {
      const figures = [total.availabilityCreditMinor, total.supportCreditMinor, total.creditMinor];
      expect(text).toContain(
        [total.currency, ...figures.map((minor) => money(minor, total.currency))].join(' '),
      );
    }
  });
});

describe('a year statement with support terms', () => {
  it('lists each month and sums the support credits of GET /me/support', async () => {
    const { world } = await setup();
    await p1Request(world, 'zendesk:1', '2026-01-15T10:00:00Z', 120);
    await p1Request(world, 'zendesk:2', '2026-02-10T10:00:00Z', 10);
    await p1Request(world, 'zendesk:3', '2026-03-02T10:00:00Z', 41);
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const figures = await Promise.all(months.map((period) => meSupport(world, period)));
    const year = await statementJson(world, '2026.json');
    const support = supportOf(year, world.agreement.id) ?? [];
    expect(support.map((line) => line.month)).toEqual(months);
    months.forEach((_, index) => {
      const month = figures[index];
      if (month) expectSameFigures(support[index], month);
    });
    const sum = figures.reduce((total, month) => total + month.creditMinor, 0);
    // Two missed months and a met one: more than any single month.
    expect(figures.filter((month) => month.creditMinor > 0)).toHaveLength(2);
    expect(year.totals[0]?.supportCreditMinor).toBe(sum);

    // The year's CSV adds up the same.
    const rows = await csvRows(await world.asCustomer('GET', '/me/statements/2026.csv'));
    const csvSum = rows
      .filter((row) => row.record === 'support month')
      .reduce((total, row) => total + cents(row.credit), 0);
    expect(csvSum).toBe(sum);
    // April is running: not final, so the statement is in progress.
    expect(support[3]?.final).toBe(false);
  });
});

describe('an agreement without support terms', () => {
  it('has no support section in the JSON, the CSV or the PDF', async () => {
    const { world } = await setup();
    const plain = await agreementWithoutSupport(world, world.other.id);
    const ask = (file: string) => world.asOther('GET', `/me/statements/${file}`);
    const statement: Statement = await expectStatus(await ask('2026-03.json'), 200);
    expect(statement.agreements.map((agreement) => [agreement.id, agreement.support])).toEqual([
      [plain.id, null],
    ]);
    expect(statement.totals.every((total) => total.supportCreditMinor === 0)).toBe(true);
    const rows = await csvRows(await ask('2026-03.csv'));
    expect(rows.some((row) => row.record?.startsWith('support'))).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
    const text = await pdfText(await ask('2026-03.pdf'));
    expect(text).not.toContain('Support — response times');
    expect(text).toContain(`Agreement #${plain.id}`);
  });
});

describe('an internal agreement with support terms', () => {
  it('shows the same figures as a report, with no credit amount and nothing to claim', async () => {
    const { world } = await setup();
    const internal = await expectStatus(
      await world.asAdmin('POST', '/staff/agreements', {
        kind: 'internal',
        customerId: world.other.id,
        policyId: world.policy.id,
        start: '2026-01-01T00:00:00Z',
        services: [{ slug: 'api' }],
        businessHours: BUSINESS_HOURS,
        supportFeeMinor: 90_000,
      }),
      201,
    );
    const body = {
      externalId: 'team:1',
      agreementId: internal.id,
      priority: 'P1',
      openedAt: '2026-03-02T10:00:00Z',
    };
    await expectStatus(await world.bot('POST', '/ingest/support-requests', body), 201);
    await expectStatus(
      await world.people('POST', '/ingest/support-requests/team:1/events', {
        id: 'answer',
        type: 'response',
        at: '2026-03-02T11:00:00Z',
      }),
      201,
    );
    const live = await expectStatus(
      await world.asOther('GET', `/me/support?period=2026-03&agreementId=${internal.id}`),
      200,
    );
    const month: SupportMonth = live.agreements[0];
    const statement: Statement = await expectStatus(
      await world.asOther('GET', '/me/statements/2026-03.json'),
      200,
    );
    const [line] = supportOf(statement, internal.id) ?? [];
    expect(line?.met).toBe(month.met);
    expect(line?.met).toBe(false);
    expect(line?.objectives.map(({ met, missed }) => ({ met, missed }))).toEqual(
      month.objectives.map(({ met, missed }) => ({ met, missed })),
    );
    expect(line).toMatchObject({ creditMinor: 0, claimDeadline: null, claim: null });
    expect(statement.totals.every((total) => total.supportCreditMinor === 0)).toBe(true);
    const text = await pdfText(await world.asOther('GET', '/me/statements/2026-03.pdf'));
    expect(text).toContain('a report between our own teams: no credit');
  });
});
