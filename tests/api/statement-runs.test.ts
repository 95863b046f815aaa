import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app.ts';
import { run as statementsCli } from '../../api/cli/statements.ts';
import { STALE_RUN_MS, statementRunSettled } from '../../api/services/statement-runs.ts';
import { createDb } from '../../db/client.ts';
import { auditLog, services } from '../../db/schema/index.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { createCustomer, createService, createUser, json, signedIn } from '../helpers/factories.ts';
import {
  addWindow,
  createAgreement,
  createPolicy,
  STANDARD_RULES,
} from '../helpers/sla-fixtures.ts';

/**
 * Two customers: Acme (New York) with an agreement in New York on the API and the website and
 * one in Berlin on the API; Borealis (Kolkata) with one agreement on the website. The API was
 * down for three hours on 10 October, the website for 50 minutes on 20 October. Acme's New
 * York claim for the API was approved (its figures are then the decided ones).
 */
async function world(options: Parameters<typeof testApp>[0] = {}) {
  const t = await testApp({ now: '2026-11-20T12:00:00Z', ...options });
  const api = await createService(t, 'api');
  const web = await createService(t, 'web');
  await t.db.write(async (tx) => {
    await tx.update(services).set({ name: 'Public API' }).where(eq(services.id, api.id));
    await tx.update(services).set({ name: 'Website' }).where(eq(services.id, web.id));
  });
  const policy = await createPolicy(t, [{ effectiveFrom: '0000-01', rules: STANDARD_RULES }]);
  const acme = await createCustomer(t, 'Acme Überseehandel GmbH', 'America/New_York');
  const borealis = await createCustomer(t, 'Borealis & Co', 'Asia/Kolkata');
  const newYork = await createAgreement(t, {
    customerId: acme.id,
    policyId: policy.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'America/New_York',
    services: [
      { serviceId: api.id, monthlyFeeMinor: 200_000 },
      { serviceId: web.id, monthlyFeeMinor: 100_000 },
    ],
  });
  const berlin = await createAgreement(t, {
    customerId: acme.id,
    policyId: policy.id,
    start: '2025-01-01T00:00:00Z',
    timeZone: 'Europe/Berlin',
    services: [{ serviceId: api.id, monthlyFeeMinor: 50_000, currency: 'EUR' }],
  });
  const kolkata = await createAgreement(t, {
    customerId: borealis.id,
    policyId: policy.id,
    start: '2026-10-15T00:00:00Z',
    timeZone: 'Asia/Kolkata',
    services: [{ serviceId: web.id, monthlyFeeMinor: 80_000 }],
  });
  // Begins after October: not in October's run.
  await createAgreement(t, {
    customerId: borealis.id,
    policyId: policy.id,
    start: '2026-11-05T00:00:00Z',
    timeZone: 'Asia/Kolkata',
    services: [{ serviceId: api.id, monthlyFeeMinor: 10_000 }],
  });
  await addWindow(t, api.id, {
    state: 'major_outage',
    start: '2026-10-10T00:00:00Z',
    end: '2026-10-10T03:00:00Z',
  });
  await addWindow(t, web.id, {
    state: 'major_outage',
    start: '2026-10-20T08:00:00Z',
    end: '2026-10-20T08:50:00Z',
  });
  const customer = await signedIn(t, (await createUser(t, 'customer', { customerId: acme.id })).id);
  const agent = await signedIn(t, (await createUser(t, 'agent')).id);
  const request = (path: string, init: RequestInit = {}) => t.app.request(`/api/v1${path}`, init);
  const claim = await (
    await request(
      '/me/claims',
      json(
        'POST',
        { agreementId: newYork.id, service: 'api', period: '2026-10' },
        customer.headers,
      ),
    )
  ).json();
  const decided = await request(
    `/staff/claims/${claim.id}/decision`,
    json('POST', { decision: 'approve' }, agent.headers),
  );
  expect(decided.status).toBe(200);
  return { t, acme, borealis, newYork, berlin, kolkata, customer, agent, request };
}

type World = Awaited<ReturnType<typeof world>>;

interface StatementJson {
  period: string;
  agreementId?: number;
  customer: { id: number; name: string };
  items: Record<string, unknown>[];
  claims: { id: number; agreementId: number; status: string }[];
  totals: { currency: string; creditMinor: number; approvedMinor: number }[];
}

/** The single statement of the customer, as staff download it, cut to one agreement. */
async function singleStatement(w: World, customerId: number, agreementId: number) {
  const response = await w.request(`/staff/customers/${customerId}/statements/2026-10.json`, {
    headers: w.agent.headers,
  });
  expect(response.status).toBe(200);
  const statement = (await response.json()) as StatementJson;
  return {
    ...statement,
    items: statement.items.filter((item) => item.agreementId === agreementId),
    claims: statement.claims.filter((claim) => claim.agreementId === agreementId),
  };
}

/** What both carry: every figure of each service's month, without the windows behind them. */
function figures(items: Record<string, unknown>[]) {
  return items.map(({ counted: _c, ignored: _i, correction, ...item }) => ({
    ...item,
    correction:
      correction === null || correction === undefined
        ? correction
        : (({ counted: _, ignored: __, ...rest }) => rest)(correction as Record<string, unknown>),
  }));
}

const EXPECTED_FILES = (w: World) => {
  const acme = `customer-${String(w.acme.id).padStart(5, '0')}-acme-uberseehandel-gmbh`;
  const borealis = `customer-${String(w.borealis.id).padStart(5, '0')}-borealis-co`;
  const agreement = (id: number) => `agreement-${String(id).padStart(5, '0')}`;
  return [
    `${acme}_${agreement(w.newYork.id)}_statement-2026-10`,
    `${acme}_${agreement(w.berlin.id)}_statement-2026-10`,
    `${borealis}_${agreement(w.kolkata.id)}_statement-2026-10`,
  ];
};

function csvRows(bytes: Uint8Array): Record<string, string>[] {
  return parse(Buffer.from(bytes), { columns: true, bom: true, skip_empty_lines: true });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

function outDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'portal-statements-')), 'out');
}

/** The command as `npm run statements -- …` runs it, on the test's database and clock. */
async function cli(t: TestApp, args: string[], options: { databaseUrl?: string } = {}) {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  let stdout = '';
  try {
    const code = await statementsCli(args, {
      db: t.db,
      clock: t.clock,
      ...options,
      stdout: (text) => {
        stdout += text;
      },
    });
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    return { code, stdout, stderr: written };
  } finally {
    stderr.mockRestore();
  }
}

describe('npm run statements -- --period YYYY-MM', () => {
  it('files every agreement of the month with the figures of the single statement, and an index', async () => {
    const w = await world();
    const out = outDir();
    const { code, stdout, stderr } = await cli(w.t, ['--period', '2026-10', '--out', out]);
    expect(stderr).toContain('statements 2026-10 [');
    expect(stderr).toContain('100% 3/3');
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote 10 files for 3 agreements of 2 customers (2026-10)');

    const stems = EXPECTED_FILES(w);
    expect(readdirSync(out).sort()).toEqual(
      [
        'index.csv',
        ...stems.flatMap((stem) => ['csv', 'json', 'pdf'].map((f) => `${stem}.${f}`)),
      ].sort(),
    );
    const index = csvRows(readFileSync(join(out, 'index.csv')));
    expect(index.map((row) => [row.customer, row.agreement, row.period, row.pdf])).toEqual([
      ['Acme Überseehandel GmbH', String(w.newYork.id), '2026-10', `${stems[0]}.pdf`],
      ['Acme Überseehandel GmbH', String(w.berlin.id), '2026-10', `${stems[1]}.pdf`],
      ['Borealis & Co', String(w.kolkata.id), '2026-10', `${stems[2]}.pdf`],
    ]);

    for (const [stem, customerId, agreementId] of [
      [stems[0], w.acme.id, w.newYork.id],
      [stems[1], w.acme.id, w.berlin.id],
      [stems[2], w.borealis.id, w.kolkata.id],
    ] as const) {
      const filed = JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8')) as StatementJson;
      const single = await singleStatement(w, customerId, agreementId);
      expect(filed.agreementId).toBe(agreementId);
      expect(filed.customer).toEqual(single.customer);
      expect(figures(filed.items)).toEqual(figures(single.items));
      expect(filed.claims).toEqual(single.claims);
      expect(filed.items.length).toBeGreaterThan(0);
      // The CSV's months carry the same credits, in major units.
      const rows = csvRows(readFileSync(join(out, `${stem}.csv`)));
      const months = rows.filter((row) => row.record === 'service month');
      expect(months.map((row) => [row.service, Math.round(Number(row.credit) * 100)])).toEqual(
        single.items.map((item) => [item.service, item.creditMinor]),
      );
      expect(rows.some((row) => row.record === 'counted window')).toBe(false);
    }

    // The decided claim's figures, not a fresh evaluation, head the New York API month.
    const newYork = JSON.parse(
      readFileSync(join(out, `${stems[0]}.json`), 'utf8'),
    ) as StatementJson;
    expect(newYork.items.find((item) => item.service === 'api')?.source).toBe('decided-claim');
    const pdf = await pdfText(new Uint8Array(readFileSync(join(out, `${stems[0]}.pdf`))));
    expect(pdf).toContain('Service level statement — October 2026');
    expect(pdf).toContain(`Agreement #${w.newYork.id} — America/New_York`);
    expect(pdf).not.toContain(`Agreement #${w.berlin.id}`);
  });

  it('writes the same files on several threads (--jobs)', async () => {
    const w = await world();
    const one = outDir();
    const three = outDir();
    expect((await cli(w.t, ['--period', '2026-10', '--out', one, '--jobs', '1'])).code).toBe(0);
    const threaded = await cli(w.t, ['--period', '2026-10', '--out', three, '--jobs', '3'], {
      databaseUrl: `file:${w.t.db.path}`,
    });
    expect(threaded.code).toBe(0);
    expect(threaded.stderr).toContain('100% 3/3');
    expect(readdirSync(three).sort()).toEqual(readdirSync(one).sort());
    for (const name of readdirSync(one).filter((file) => !file.endsWith('.pdf'))) {
      expect(readFileSync(join(three, name), 'utf8'), name).toBe(
        readFileSync(join(one, name), 'utf8'),
      );
    }
    expect((await cli(w.t, ['--period', '2026-10', '--jobs', 'many'])).code).toBe(2);
  });

  it('writes several months in one pass, each exactly as its own run writes it', async () => {
    const w = await world();
    const parent = outDir();
    const both = await cli(w.t, [
      '--period',
      '2026-09',
      '--period',
      '2026-10',
      '--out',
      parent,
      '--formats',
      'csv,json',
    ]);
    expect(both.code).toBe(0);
    expect(both.stderr).toContain('statements 2026-09..2026-10 [');
    expect(both.stdout).toContain('(2026-09) into');
    expect(both.stdout).toContain('(2026-10) into');
    expect(readdirSync(parent).sort()).toEqual(['statements-2026-09', 'statements-2026-10']);
    for (const period of ['2026-09', '2026-10']) {
      const alone = outDir();
      const single = await cli(w.t, ['--period', period, '--out', alone, '--formats', 'csv,json']);
      expect(single.code).toBe(0);
      const together = join(parent, `statements-${period}`);
      expect(readdirSync(together).sort()).toEqual(readdirSync(alone).sort());
      for (const name of readdirSync(alone)) {
        expect(readFileSync(join(together, name), 'utf8'), name).toBe(
          readFileSync(join(alone, name), 'utf8'),
        );
      }
    }
    // September's figures are the single statement's too (October's are checked above).
    const september = JSON.parse(
      readFileSync(
        join(
          parent,
          'statements-2026-09',
          `${EXPECTED_FILES(w)[0]?.replace('2026-10', '2026-09')}.json`,
        ),
        'utf8',
      ),
    ) as StatementJson;
    const response = await w.request(`/staff/customers/${w.acme.id}/statements/2026-09.json`, {
      headers: w.agent.headers,
    });
    const whole = (await response.json()) as StatementJson;
    expect(september.items.length).toBeGreaterThan(0);
    expect(figures(september.items)).toEqual(
      figures(whole.items.filter((item) => item.agreementId === w.newYork.id)),
    );

    expect((await cli(w.t, ['--period', '2026-10', '--period', '2026-10'])).code).toBe(2);
    expect(
      (await cli(w.t, ['--period', '2026-09', '--period', '2026-10', '--jobs', '2'])).code,
    ).toBe(2);
    const open = outDir();
    const refused = await cli(w.t, ['--period', '2026-10', '--period', '2026-11', '--out', open]);
    expect(refused.code).toBe(2);
    expect(existsSync(open)).toBe(false);
  });

  it('writes only the formats asked for', async () => {
    const w = await world();
    const out = outDir();
    const { code } = await cli(w.t, ['--period', '2026-10', '--out', out, '--formats', 'csv']);
    expect(code).toBe(0);
    expect(readdirSync(out).filter((name) => name.endsWith('.csv'))).toHaveLength(4);
    expect(readdirSync(out)).toHaveLength(4);
  });

  it('refuses a month that is not one, one not ended in every zone, and a folder in use', async () => {
    const w = await world();
    const bad = await cli(w.t, ['--period', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The period must be a month: YYYY-MM');

    // 20 November: November has not ended anywhere.
    const open = await cli(w.t, ['--period', '2026-11', '--out', outDir()]);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('2026-11 has not ended in every agreement');
    expect(open.stderr).toContain('America/New_York (it ends 2026-12-01T05:00:00.000Z)');

    // 1 November, 02:00 UTC: October has ended in Berlin and Kolkata, not yet in New York.
    w.t.clock.set(Date.parse('2026-11-01T02:00:00Z'));
    const early = await cli(w.t, ['--period', '2026-10', '--out', outDir()]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain(
      'Not yet ended in America/New_York (it ends 2026-11-01T04:00:00.000Z).',
    );
    w.t.clock.set(Date.parse('2026-11-01T04:00:00Z'));

    expect((await cli(w.t, [])).code).toBe(2);
    expect((await cli(w.t, ['--period', '2026-10', '--formats', 'docx'])).stderr).toContain(
      '--formats takes csv, json and pdf',
    );
    expect((await cli(w.t, ['--period', '2026-10', '--colour'])).code).toBe(2);

    const used = outDir();
    mkdirSync(used, { recursive: true });
    writeFileSync(join(used, 'notes.txt'), 'keep me');
    const refused = await cli(w.t, ['--period', '2026-10', '--out', used]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not empty');
    expect(readdirSync(used)).toEqual(['notes.txt']);

    const fine = outDir();
    expect((await cli(w.t, ['--period', '2026-10', '--out', fine])).code).toBe(0);
    expect(existsSync(`${fine}.partial`)).toBe(false);
  });
});

describe('statement runs from the staff console', () => {
  it('start, one at a time, progress, and the archive of every file; staff only; audited', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const w = await world({ statementRunHooks: { beforeWriting: () => held } });
    const start = (period: string, headers = w.agent.headers) =>
      w.request('/staff/statement-runs', json('POST', { period }, headers));

    expect((await start('2026-10', w.customer.headers)).status).toBe(403);
    const started = await start('2026-10');
    expect(started.status).toBe(202);
    const run = await started.json();
    expect(run).toMatchObject({
      period: '2026-10',
      state: 'running',
      startedAt: '2026-11-20T12:00:00.000Z',
      agreements: 3,
      customers: 2,
      done: 0,
      archiveBytes: null,
    });

    const second = await start('2026-09');
    expect(second.status).toBe(409);
    expect((await second.json()).error).toMatchObject({
      code: 'RUN_IN_PROGRESS',
      message: expect.stringContaining('A statement run for 2026-10 is going on'),
    });
    const early = await w.request(`/staff/statement-runs/${run.id}/archive`, {
      headers: w.agent.headers,
    });
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('RUN_NOT_FINISHED');

    release();
    await statementRunSettled({ db: w.t.db, clock: w.t.clock, config: w.t.config });
    const status = await (
      await w.request(`/staff/statement-runs/${run.id}`, { headers: w.agent.headers })
    ).json();
    expect(status).toMatchObject({ state: 'finished', done: 3, files: 10, failure: null });
    const list = await (
      await w.request('/staff/statement-runs', { headers: w.agent.headers })
    ).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([run.id]);

    expect(
      (await w.request(`/staff/statement-runs/${run.id}/archive`, { headers: w.customer.headers }))
        .status,
    ).toBe(403);
    const archive = await w.request(`/staff/statement-runs/${run.id}/archive`, {
      headers: w.agent.headers,
    });
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/zip');
    expect(archive.headers.get('content-disposition')).toBe(
      'attachment; filename="statements-2026-10.zip"',
    );
    const files = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    const stems = EXPECTED_FILES(w);
    expect(Object.keys(files).sort()).toEqual(
      [
        'index.csv',
        ...stems.flatMap((stem) => ['csv', 'json', 'pdf'].map((f) => `${stem}.${f}`)),
      ].sort(),
    );
    const berlin = JSON.parse(new TextDecoder().decode(files[`${stems[1]}.json`])) as StatementJson;
    expect(figures(berlin.items)).toEqual(
      figures((await singleStatement(w, w.acme.id, w.berlin.id)).items),
    );
    expect(await pdfText(files[`${stems[2]}.pdf`] ?? new Uint8Array())).toContain(
      'Customer Borealis & Co',
    );

    const audit = await w.t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'statement-run.start'), eq(auditLog.entityId, run.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toEqual({ period: '2026-10', agreements: 3, customers: 2 });

    // Once it has finished, the next may start.
    expect((await start('2026-09')).status).toBe(202);
    await statementRunSettled({ db: w.t.db, clock: w.t.clock, config: w.t.config });
  });

  it('refuses a month that is not one or has not ended, in the shared error shape', async () => {
    const w = await world();
    const bad = await w.request(
      '/staff/statement-runs',
      json('POST', { period: '2026-1' }, w.agent.headers),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([
      { path: 'period', message: 'must be YYYY-MM (e.g. 2026-10)' },
    ]);
    const open = await w.request(
      '/staff/statement-runs',
      json('POST', { period: '2026-11' }, w.agent.headers),
    );
    expect(open.status).toBe(422);
    expect((await open.json()).error.code).toBe('PERIOD_NOT_CLOSED');
    const unknown = await w.request('/staff/statement-runs/2026-10-0000000000001', {
      headers: w.agent.headers,
    });
    expect(unknown.status).toBe(404);
    const notAnId = await w.request('/staff/statement-runs/../../etc', {
      headers: w.agent.headers,
    });
    expect(notAnId.status).toBe(404);
  });
});

describe('statement runs across processes, and their retention', () => {
  it('one run at a time across processes; a run whose process died is taken over', async () => {
    const w = await world();
    // A second API process on the same database; its run never gets past its start, as if
    // the process had stopped there.
    const otherDb = await createDb({ url: `file:${w.t.db.path}` });
    try {
      const other = createApp({
        db: otherDb,
        clock: w.t.clock,
        config: w.t.config,
        statementRunHooks: { beforeWriting: () => new Promise<void>(() => {}) },
      });
      const started = await other.request(
        '/api/v1/staff/statement-runs',
        json('POST', { period: '2026-10' }, w.agent.headers),
      );
      expect(started.status).toBe(202);
      const stuck = await started.json();
      const start = () =>
        w.request('/staff/statement-runs', json('POST', { period: '2026-09' }, w.agent.headers));
      const show = async () =>
        (await w.request(`/staff/statement-runs/${stuck.id}`, { headers: w.agent.headers })).json();

      const refused = await start();
      expect(refused.status).toBe(409);
      expect((await refused.json()).error).toMatchObject({
        code: 'RUN_IN_PROGRESS',
        message: expect.stringContaining('A statement run for 2026-10 is going on'),
      });
      expect(await show()).toMatchObject({ state: 'running', failure: null });

      // Within the heartbeat's grace the other process may still be working.
      w.t.clock.advance(STALE_RUN_MS - 1_000);
      expect((await start()).status).toBe(409);

      w.t.clock.advance(2_000);
      expect(await show()).toMatchObject({
        state: 'failed',
        failure: expect.stringContaining('interrupted'),
      });
      const next = await start();
      expect(next.status).toBe(202);
      const run = await next.json();
      await statementRunSettled({ db: w.t.db, clock: w.t.clock, config: w.t.config });
      const list = await (
        await w.request('/staff/statement-runs', { headers: w.agent.headers })
      ).json();
      expect(
        list.items.map((item: { id: string; state: string }) => [item.id, item.state]),
      ).toEqual([
        [run.id, 'finished'],
        [stuck.id, 'failed'],
      ]);
      const archive = await w.request(`/staff/statement-runs/${stuck.id}/archive`, {
        headers: w.agent.headers,
      });
      expect(archive.status).toBe(409);
      expect((await archive.json()).error.code).toBe('RUN_FAILED');
    } finally {
      otherDb.close();
    }
  });

  it('deletes runs beyond the newest N and older than D days, archive and row together', async () => {
    const w = await world({ config: { statementRunsKeep: 2, statementRunsKeepDays: 30 } });
    const dir = w.t.config.statementRunsDir;
    const day = 86_400_000;
    const admin = (await createUser(w.t, 'admin')).id;
    // Signed in afresh each time: weeks pass between the runs.
    const headers = async () => (await signedIn(w.t, admin)).headers;
    const runOnce = async () => {
      const response = await w.request(
        '/staff/statement-runs',
        json('POST', { period: '2026-10' }, await headers()),
      );
      expect(response.status).toBe(202);
      await statementRunSettled({ db: w.t.db, clock: w.t.clock, config: w.t.config });
      return (await response.json()).id as string;
    };
    const listed = async () =>
      (
        await (await w.request('/staff/statement-runs', { headers: await headers() })).json()
      ).items.map((item: { id: string }) => item.id);
    const archives = () => readdirSync(dir).sort();

    const first = await runOnce();
    w.t.clock.advance(40 * day);
    const second = await runOnce();
    // The first is older than 30 days but one of the newest two: kept.
    expect(await listed()).toEqual([second, first]);
    expect(archives()).toEqual([`${first}.zip`, `${second}.zip`].sort());

    w.t.clock.advance(day);
    const third = await runOnce();
    expect(await listed()).toEqual([third, second]);
    expect(archives()).toEqual([`${second}.zip`, `${third}.zip`].sort());
    const gone = await w.request(`/staff/statement-runs/${first}/archive`, {
      headers: await headers(),
    });
    expect(gone.status).toBe(404);

    // Young runs are kept beyond the newest two.
    w.t.clock.advance(day);
    const fourth = await runOnce();
    expect(await listed()).toEqual([fourth, third, second]);
  });
});
