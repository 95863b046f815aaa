// A closed month's answer is kept finished, with its compressed bytes and a strong ETag
// (docs/decisions/178). It must never be served stale: whatever changes what the customer
// would read changes the bytes, and a client holding the old tag gets them, not a 304.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { availabilityReport } from '../../api/services/availability.ts';
import { createDb } from '../../db/client.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { json, signedIn } from '../helpers/factories.ts';
import { addWindow, claimWorld, STANDARD_RULES } from '../helpers/sla-fixtures.ts';

const MONTH = '2026-10';

async function world() {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const w = await claimWorld(t);
  // A 3-hour outage: October misses 99.9 % and earns a credit.
  const outage = await addWindow(t, w.service.id, {
    state: 'major_outage',
    start: '2026-10-10T00:00:00Z',
    end: '2026-10-10T03:00:00Z',
  });
  for (let day = 1; day <= 28; day += 3) {
    await addWindow(t, w.service.id, {
      state: 'degraded',
      start: `2026-10-${String(day).padStart(2, '0')}T08:00:00Z`,
      end: `2026-10-${String(day).padStart(2, '0')}T08:20:00Z`,
    });
  }
  const get = async (query: string, headers: Record<string, string> = {}) => {
    const response = await t.app.request(`/api/v1/me/availability?${query}`, {
      // A read key: a session would lapse before the claim deadline the clock is moved to.
      headers: { ...w.readKeyA.headers, ...headers },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  /** The month as sent without compression: its text and tag. */
  const read = async (query = `period=${MONTH}&days=true`) => {
    const { response, bytes } = await get(query);
    expect(response.status).toBe(200);
    return { text: bytes.toString('utf8'), etag: response.headers.get('etag') ?? '' };
  };
  return { t, w, outage, get, read };
}

/**
 * The report made afresh, as the route would write it, past every cache: through another
 * connection to the file, as another process would read it.
 */
async function fresh(t: TestApp, customerId: number, includeDays: boolean) {
  const db = await createDb({ url: `file:${t.db.path}` });
  try {
    const deps = { db, clock: t.clock, config: t.config };
    return JSON.stringify({
      period: MONTH,
      ...(await availabilityReport(deps, customerId, [MONTH], { includeDays })),
    });
  } finally {
    db.close();
  }
}

describe('a closed month’s kept answer', () => {
  it('sends the same bytes as a fresh report, compressed as asked, and 304 for its tag', async () => {
    const { t, w, get, read } = await world();
    const first = await read();
    const second = await read();
    expect(second.text).toBe(first.text);
    expect(first.text).toBe(await fresh(t, w.customerA.id, true));
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    expect(second.etag).toBe(first.etag);

    const br = await get(`period=${MONTH}&days=true`, { 'accept-encoding': 'gzip, br' });
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(first.text);
    const gz = await get(`period=${MONTH}&days=true`, { 'accept-encoding': 'gzip' });
    expect(gz.response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString('utf8')).toBe(first.text);
    // Each encoding's bytes carry their own tag; all name the same document.
    const brTag = br.response.headers.get('etag') ?? '';
    expect(new Set([first.etag, brTag, gz.response.headers.get('etag')]).size).toBe(3);

    for (const tag of [first.etag, brTag]) {
      const again = await get(`period=${MONTH}&days=true`, {
        'accept-encoding': 'br',
        'if-none-match': tag,
      });
      expect(again.response.status).toBe(304);
      expect(again.bytes.byteLength).toBe(0);
      expect(again.response.headers.get('cache-control')).toBe('private, no-cache');
    }
    const other = await get(`period=${MONTH}&days=true`, { 'if-none-match': '"something-else"' });
    expect(other.response.status).toBe(200);
    // Without daily figures it is another document, with another tag.
    const plain = await read(`period=${MONTH}`);
    expect(plain.etag).not.toBe(first.etag);
    expect(plain.text).toBe(await fresh(t, w.customerA.id, false));
  });

  it('answers requests arriving together while its first compressed copy is made', async () => {
    const { get, read } = await world();
    const plain = await read();
    const together = await Promise.all(
      Array.from({ length: 4 }, () =>
        get(`period=${MONTH}&days=true`, { 'accept-encoding': 'br' }),
      ),
    );
    const tags = new Set(together.map(({ response }) => response.headers.get('etag')));
    expect(tags.size).toBe(1);
    expect([...tags][0]).not.toBe(plain.etag);
    for (const { response, bytes } of together) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(bytes).toString('utf8')).toBe(plain.text);
    }
  });

  it('changes with a correction of the month', async () => {
    const { t, w, outage, get, read } = await world();
    const before = await read();
    const response = await t.app.request(
      `/api/v1/staff/windows/${outage.id}/corrections`,
      json(
        'POST',
        { end: '2026-10-10T09:00:00Z', reason: 'The outage lasted nine hours.' },
        w.admin.headers,
      ),
    );
    expect(response.status).toBe(201);
    const after = await read();
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(after.text).items[0].downtimeMs).toBe(9 * 3_600_000);
    expect(after.text).toBe(await fresh(t, w.customerA.id, true));
    const stale = await get(`period=${MONTH}&days=true`, { 'if-none-match': before.etag });
    expect(stale.response.status).toBe(200);
  });

  it('changes when a claim is filed, and again when it is decided', async () => {
    const { t, w, read } = await world();
    const before = await read();
    expect(JSON.parse(before.text).items[0]).toMatchObject({ claimable: true, claim: null });
    const filed = await t.app.request(
      '/api/v1/me/claims',
      json('POST', { agreementId: w.agreementA.id, service: 'api', period: MONTH }, w.a.headers),
    );
    expect(filed.status).toBe(201);
    const claim = await filed.json();
    const submitted = await read();
    expect(JSON.parse(submitted.text).items[0]).toMatchObject({
      claimable: false,
      claim: { id: claim.id, status: 'submitted' },
      source: 'computed',
    });
    expect(submitted.etag).not.toBe(before.etag);
    const decided = await t.app.request(
      `/api/v1/staff/claims/${claim.id}/decision`,
      json('POST', { decision: 'approve' }, w.agent.headers),
    );
    expect(decided.status).toBe(200);
    const approved = await read();
    expect(JSON.parse(approved.text).items[0]).toMatchObject({
      claim: { id: claim.id, status: 'approved' },
      source: 'decided-claim',
    });
    expect(approved.etag).not.toBe(submitted.etag);
    expect(approved.text).toBe(await fresh(t, w.customerA.id, true));
  });

  it('changes with the policy: its name, and its stored rules even when written around the API', async () => {
    const { t, w, read } = await world();
    const before = await read();
    const renamed = await t.app.request(
      `/api/v1/staff/policies/${w.policy.id}`,
      json('PATCH', { name: 'Gold' }, w.admin.headers),
    );
    expect(renamed.status).toBe(200);
    const after = await read();
    expect(JSON.parse(after.text).items[0].policy.name).toBe('Gold');
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(after.text).items[0].met).toBe(false);
    // A repair of the version's rules in the database (no status version bump): the target
    // drops to 99 %, so October is met after all.
    await t.db.client.execute({
      sql: "UPDATE policy_versions SET rules = json_set(rules, '$.targetPercent', 99) WHERE policy_id = ?",
      args: [w.policy.id],
    });
    const repaired = await read();
    expect(JSON.parse(repaired.text).items[0]).toMatchObject({
      met: true,
      policy: { targetPercent: 99 },
    });
    expect(repaired.text).toBe(await fresh(t, w.customerA.id, true));
  });

  it('changes with any stored input written around the API: a service, a fee, a claim', async () => {
    const { t, w, read } = await world();
    // Each change is written directly, as an operator's repair or a script would: no version
    // of anything moves. Each answer is read twice: the second is the kept one.
    const changes: [string, unknown[], (item: Record<string, unknown>) => void][] = [
      [
        'UPDATE services SET name = ? WHERE id = ?',
        ['Public API', w.service.id],
        (item) => expect(item.serviceName).toBe('Public API'),
      ],
      [
        'UPDATE agreement_services SET monthly_fee_minor = ? WHERE agreement_id = ?',
        [300_000, w.agreementA.id],
        (item) => expect(item.monthlyFeeMinor).toBe(300_000),
      ],
    ];
    for (const [sql, args, check] of changes) {
      await read();
      const before = await read();
      await t.db.client.execute({ sql, args: args as (string | number)[] });
      const after = await read();
      expect(after.etag).not.toBe(before.etag);
      check(JSON.parse(after.text).items[0]);
      expect(after.text).toBe(await fresh(t, w.customerA.id, true));
    }
    const filed = await t.app.request(
      '/api/v1/me/claims',
      json('POST', { agreementId: w.agreementA.id, service: 'api', period: MONTH }, w.a.headers),
    );
    expect(filed.status).toBe(201);
    await read();
    expect(JSON.parse((await read()).text).items[0].claimable).toBe(false);
    await t.db.client.execute({
      sql: "UPDATE claims SET status = 'withdrawn' WHERE id = ?",
      args: [(await filed.json()).id],
    });
    const withdrawn = await read();
    expect(JSON.parse(withdrawn.text).items[0]).toMatchObject({
      claimable: true,
      claim: { status: 'withdrawn' },
    });
    expect(withdrawn.text).toBe(await fresh(t, w.customerA.id, true));
  });

  it('answers for the clock it reads, also when the clock is set back', async () => {
    const { t, w, read } = await world();
    const before = await read();
    const deadline = JSON.parse(before.text).items[0].claimDeadline as string;
    t.clock.set(Date.parse(deadline));
    await read();
    expect(JSON.parse((await read()).text).items[0].claimable).toBe(false);
    t.clock.set(Date.parse(deadline) - 1);
    const back = await read();
    expect(JSON.parse(back.text).items[0].claimable).toBe(true);
    expect(back.etag).toBe(before.etag);
    expect(back.text).toBe(await fresh(t, w.customerA.id, true));
  });

  it('stops offering a claim once the deadline passes, on the same data', async () => {
    const { t, w, read } = await world();
    const before = await read();
    const deadline = JSON.parse(before.text).items[0].claimDeadline as string;
    t.clock.set(Date.parse(deadline) - 1);
    expect(JSON.parse((await read()).text).items[0].claimable).toBe(true);
    t.clock.set(Date.parse(deadline));
    const after = await read();
    expect(JSON.parse(after.text).items[0].claimable).toBe(false);
    expect(after.text).toBe(await fresh(t, w.customerA.id, true));
  });

  it('is never shared between customers, nor kept for a month still open', async () => {
    const { t, w, read } = await world();
    const mine = await read();
    const theirs = await t.app.request(`/api/v1/me/availability?period=${MONTH}&days=true`, {
      headers: { ...w.b.headers, 'if-none-match': mine.etag },
    });
    expect(theirs.status).toBe(200);
    expect((await theirs.json()).items[0].agreementId).toBe(w.agreementB.id);
    const open = await t.app.request('/api/v1/me/availability?period=2026-11', {
      headers: w.a.headers,
    });
    expect(open.status).toBe(200);
    expect(open.headers.get('etag')).toBeNull();
    expect(open.headers.get('cache-control')).toBe('private, no-store');
  });

  it('is refused at once to a session signed out, or whose customer is deactivated around the API', async () => {
    const { t, w } = await world();
    const month = (headers: Record<string, string>) =>
      t.app.request(`/api/v1/me/availability?period=${MONTH}&days=true`, { headers });
    // Read twice: the second answer is the kept one.
    for (let n = 0; n < 2; n += 1) expect((await month(w.a.headers)).status).toBe(200);
    const out = await t.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: w.a.headers,
    });
    expect(out.status).toBe(204);
    expect((await month(w.a.headers)).status).toBe(401);

    const again = await signedIn(t, w.users.a.id);
    expect((await month(again.headers)).status).toBe(200);
    // Written directly, as an operator's repair would be: no version of anything moves.
    await t.db.client.execute({
      sql: 'UPDATE customers SET active = 0 WHERE id = ?',
      args: [w.customerA.id],
    });
    expect((await month(again.headers)).status).toBe(401);
  });
});

describe('the termination right on /me/agreements, kept between page loads', () => {
  it('follows the stored rule, a correction, and the clock into the next month', async () => {
    const t = await testApp({ now: '2026-11-20T12:00:00Z' });
    const w = await claimWorld(t, {
      rules: { ...STANDARD_RULES, termination: { missedPeriods: 2, withinPeriods: 3 } },
    });
    const outage = await addWindow(t, w.service.id, {
      state: 'major_outage',
      start: '2026-10-10T00:00:00Z',
      end: '2026-10-10T03:00:00Z',
    });
    const termination = async () => {
      const response = await t.app.request('/api/v1/me/agreements', {
        headers: w.readKeyA.headers,
      });
      expect(response.status).toBe(200);
      return (await response.json()).items[0].termination;
    };
    const november = {
      rule: { missedPeriods: 2, withinPeriods: 3 },
      earned: false,
      consideredPeriods: ['2026-08', '2026-09', '2026-10'],
      missedPeriods: [{ period: '2026-10', services: ['api'] }],
    };
    expect(await termination()).toEqual(november);
    expect(await termination()).toEqual(november);
    // The rule repaired in the database, around the API: one missed month now suffices.
    await t.db.client.execute({
      sql: "UPDATE policy_versions SET rules = json_set(rules, '$.termination.missedPeriods', 1) WHERE policy_id = ?",
      args: [w.policy.id],
    });
    expect(await termination()).toMatchObject({ earned: true, rule: { missedPeriods: 1 } });
    const corrected = await t.app.request(
      `/api/v1/staff/windows/${outage.id}/corrections`,
      json('POST', { end: '2026-10-10T00:05:00Z', reason: 'A five-minute blip.' }, w.admin.headers),
    );
    expect(corrected.status).toBe(201);
    expect(await termination()).toMatchObject({ earned: false, missedPeriods: [] });
    t.clock.set(Date.parse('2026-12-02T12:00:00Z'));
    expect(await termination()).toMatchObject({
      consideredPeriods: ['2026-09', '2026-10', '2026-11'],
    });
  });
});
