import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { parseInstant } from '../../api/sla/index.ts';
import { testApp } from '../helpers/app.ts';
import {
  claimWorld,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';

// One bad stored row must never break a whole customer's pages (issue 11, ADR 114). Each bad
// row here is written straight into the database, as data written before the checks existed
// (or around the API) would be.

const REASON =
  'The figures cannot be computed from the stored data of this agreement. The operators have been told.';

/** 0000-01-01T00:00:00+14:00, the start the adversarial test got accepted. */
const YEAR_ZERO_MS = parseInstant('0000-01-01T00:00:00+14:00') ?? Number.NaN;

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

async function world() {
  const t = await testApp({ now: '2026-03-14T12:00:00Z' });
  const w = await claimWorld(t);
  // A second, healthy agreement of customer A, on the same service.
  const good = await createAgreement(t, {
    customerId: w.customerA.id,
    policyId: w.policy.id,
    start: '2025-06-01T00:00:00Z',
    timeZone: 'UTC',
    services: [{ serviceId: w.service.id, monthlyFeeMinor: 50_000 }],
  });
  return { t, w, good };
}

async function get(
  t: Awaited<ReturnType<typeof world>>['t'],
  path: string,
  headers: Record<string, string>,
) {
  const response = await t.app.request(`/api/v1${path}`, { headers });
  return { status: response.status, text: await response.text() };
}

describe('a customer with one bad stored agreement', () => {
  it.each([
    [
      'a start at 0000-01-01T00:00:00+14:00',
      'UPDATE agreements SET start = ? WHERE id = ?',
      (id: number) => [YEAR_ZERO_MS, id],
      'api',
    ],
    [
      'a time zone that does not exist',
      "UPDATE agreements SET time_zone = 'Mars/Olympus_Mons' WHERE id = ?",
      (id: number) => [id],
      null,
    ],
  ])(
    'with %s still gets every page; that agreement is marked unavailable',
    async (_name, sql, args, service) => {
      const { t, w, good } = await world();
      await t.db.client.execute({ sql, args: args(w.agreementA.id) });
      const expected = { agreementId: w.agreementA.id, service, reason: REASON };

      const availability = await get(t, '/me/availability?period=2026-02', w.a.headers);
      expect(availability.status, availability.text).toBe(200);
      const report = JSON.parse(availability.text);
      expect(report.items.map((item: { agreementId: number }) => item.agreementId)).toEqual([
        good.id,
      ]);
      expect(report.unavailable).toEqual([expected]);

      const statement = await get(t, '/me/statements/2026-02.json', w.a.headers);
      expect(statement.status, statement.text).toBe(200);
      expect(JSON.parse(statement.text).unavailable).toEqual([expected]);

      const csv = await get(t, '/me/statements/2026-02.csv', w.a.headers);
      expect(csv.status).toBe(200);
      const rows: Record<string, string>[] = parse(csv.text, { columns: true, bom: true });
      expect(rows.filter((row) => row.record === 'unavailable')).toEqual([
        expect.objectContaining({
          agreement: String(w.agreementA.id),
          service: service ?? '',
          month: '2026-02',
          reason: REASON,
        }),
      ]);

      const agreements = await get(t, '/me/agreements', w.a.headers);
      expect(agreements.status, agreements.text).toBe(200);
      const ids = JSON.parse(agreements.text).items.map((item: { id: number }) => item.id);
      expect(ids).toContain(good.id);

      // The operators are told which agreement and why; the other customer sees nothing of it.
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining(`agreement ${w.agreementA.id}`),
        expect.anything(),
      );
      const other = await get(t, '/me/availability?period=2026-02', w.b.headers);
      expect(JSON.parse(other.text)).toMatchObject({ unavailable: [] });
    },
  );

  it('with a policy version whose stored rules no longer parse still gets the other agreement', async () => {
    const { t, w, good } = await world();
    const broken = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
    await t.db.client.execute({
      sql: 'UPDATE policy_versions SET rules = ? WHERE policy_id = ?',
      args: [JSON.stringify({ targetPercent: 'very high' }), broken.id],
    });
    await t.db.client.execute({
      sql: 'UPDATE agreements SET policy_id = ? WHERE id = ?',
      args: [broken.id, w.agreementA.id],
    });
    const availability = await get(t, '/me/availability?period=2026-02', w.a.headers);
    expect(availability.status, availability.text).toBe(200);
    const report = JSON.parse(availability.text);
    expect(report.items.map((item: { agreementId: number }) => item.agreementId)).toEqual([
      good.id,
    ]);
    expect(report.unavailable).toEqual([
      { agreementId: w.agreementA.id, service: 'api', reason: REASON },
    ]);
    const agreements = JSON.parse((await get(t, '/me/agreements', w.a.headers)).text);
    expect(agreements.items.map((item: { id: number }) => item.id)).toEqual([good.id]);
    expect(agreements.unavailable).toEqual([
      { agreementId: w.agreementA.id, service: null, reason: REASON },
    ]);
  });
});
