// Benchmark of a customer's reads and of batch ingestion, each against its anchor in the same
// run: `node bench/reads-ingest.ts`. Writes its section of docs/benchmarks.md.
//
// - Reads: `GET /me/availability?period=…&days=true` (the account page's month) and
//   `GET /me/agreements` on the customer-year data set (bench/lib/data.ts: a year of history
//   on 6 services), through a real server on loopback, at a fixed offered rate; latency
//   percentiles against the issue's goal (p99 < 25 ms at 200 req/s). Compressed as a browser
//   asks (brotli), with the bytes sent.
// - Ingestion: 20,000 windows in batches of 1,000 through `POST /ingest/windows/batch`,
//   against raw multi-row INSERTs of the same rows through @libsql/client on a fresh database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient } from '@libsql/client';
import { progressBar } from '../api/cli/progress.ts';
import { createDb, migrateDb } from '../db/client.ts';
import { ensureDataSet } from './lib/data.ts';
import { writeSection } from './lib/report.ts';
import { START_ENV, START_NODE_FLAGS, startDescription } from './lib/start-script.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const here = import.meta.dirname;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface Offered {
  offered: number;
  achieved: number;
  p50: number;
  p99: number;
  failed: number;
}

function summary(latencies: number[], failed: number, rate: number, elapsedS: number): Offered {
  latencies.sort((a, b) => a - b);
  return {
    offered: rate,
    achieved: latencies.length / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed,
  };
}

/**
 * Offers `rate` requests a second for `seconds` on an open-loop schedule: a request starts
 * when it is due whether or not earlier ones finished. `send` makes one request and says
 * whether it answered well; each latency counts from `from(due, sent)`.
 */
async function offerOpenLoop(
  rate: number,
  seconds: number,
  send: () => Promise<boolean>,
  from: 'due' | 'sent',
): Promise<Offered> {
  const latencies: number[] = [];
  let failed = 0;
  const total = rate * seconds;
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n += 1) {
    const dueAt = startedAt + (n * 1000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const countFrom = from === 'due' ? dueAt : performance.now();
    inFlight.push(
      send().then(
        (ok) => {
          if (!ok) failed += 1;
          latencies.push(performance.now() - countFrom);
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return summary(latencies, failed, rate, (performance.now() - startedAt) / 1000);
}

/**
 * The client the issue's figures were first read with (kept to compare, docs/decisions/203):
 * undici's fetch, which decodes every brotli answer in this process, latency counted from
 * when the request was actually sent.
 */
function offerFetch(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<Offered> {
  const send = async () => {
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    return response.ok && body.byteLength > 0;
  };
  return offerOpenLoop(rate, seconds, send, 'sent');
}

/**
 * One GET through node:http on a keep-alive agent, its bytes counted as they come and never
 * decoded: the client's work per answer is the same for every server (docs/decisions/203).
 * Resolves to the status and the number of bytes.
 */
function getBytes(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.byteLength;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * The open-loop schedule through node:http (keep-alive, bytes not decoded). Each latency
 * counts from when the request was due, not from when it left: a client or server that
 * falls behind shows in the figures instead of delaying the requests that would have
 * measured it (coordinated omission).
 */
async function offerHttp(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<Offered> {
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 256 });
  const target = new URL(url);
  const send = async () => {
    const { status, bytes } = await getBytes(agent, target, headers);
    return status === 200 && bytes > 0;
  };
  try {
    return await offerOpenLoop(rate, seconds, send, 'due');
  } finally {
    agent.destroy();
  }
}

interface ServerStats {
  cpuMs: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

interface Served {
  port: number;
  stop: () => void;
  /** Starts the server's CPU and event-loop measurement (bench/lib/serve.ts). */
  reset: () => void;
  /** The server's CPU and event-loop delay since `reset`. */
  stats: () => Promise<ServerStats>;
}

/** bench/lib/serve.ts with `args` in a child process: its port, measurement and stop. */
async function serveInChild(args: string[]): Promise<Served> {
  // Run as `npm start` runs the portal: its Node flags and environment.
  const child = spawn(
    process.execPath,
    [...START_NODE_FLAGS, join(here, 'lib/serve.ts'), ...args],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...START_ENV },
    },
  );
  let output = '';
  const waiting: ((stats: ServerStats) => void)[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
      for (;;) {
        const stats = /stats (\{[^\n]*\})\n/.exec(output);
        if (!stats) break;
        output = output.slice((stats.index ?? 0) + stats[0].length);
        waiting.shift()?.(JSON.parse(stats[1] as string) as ServerStats);
      }
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return {
    port,
    stop: () => child.kill('SIGTERM'),
    reset: () => child.stdin.write('reset\n'),
    stats: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write('report\n');
      }),
  };
}

const RATE = 200;
const SECONDS = 10;
const ROUNDS = 2;

interface ReadRow {
  name: string;
  aloneP50: number;
  aloneP99: number;
  /** Through node:http, bytes not decoded, from the schedule: the best of the rounds by p99. */
  now: Offered & { cpuMsPerRequest: number; loopDelayP99Ms: number };
  /** Through fetch, decoding, from sending (the client of the earlier figures). */
  before: Offered;
}

async function reads() {
  const path = join(here, '../tmp/bench/customer-year.db');
  const manifest = await ensureDataSet('customer-year', path);
  const portal = await serveInChild([path, String(manifest.nowMs)]);
  log(`reads: serving customer-year on http://127.0.0.1:${portal.port}`);
  const headers = { cookie: manifest.cookie, 'accept-encoding': 'br, gzip' };
  const availability = `http://127.0.0.1:${portal.port}/api/v1/me/availability?period=${manifest.closedMonth}&days=true`;
  const agreements = `http://127.0.0.1:${portal.port}/api/v1/me/agreements`;
  const raw = await fetch(availability, { headers: { cookie: manifest.cookie } });
  const rawBytes = (await raw.arrayBuffer()).byteLength;
  // Warm-up: the first read of a closed month computes and caches it.
  const coldStart = performance.now();
  await (await fetch(availability, { headers })).arrayBuffer();
  const warmFirstMs = performance.now() - coldStart;
  // What the server sends for it, as it sends it (fetch would decode it): brotli. The anchor
  // sends exactly these bytes.
  const sent = await new Promise<{ body: Buffer; encoding: string }>((resolve, reject) => {
    request(availability, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          body: Buffer.concat(chunks),
          encoding: response.headers['content-encoding'] ?? 'identity',
        }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
  const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-reads-'));
  const bodyFile = join(dir, 'month.body');
  writeFileSync(bodyFile, sent.body);
  const anchor = await serveInChild(['--bare', bodyFile, sent.encoding]);
  const anchorUrl = `http://127.0.0.1:${anchor.port}/api/v1/me/availability?period=${manifest.closedMonth}&days=true`;
  const warmAgent = new Agent({ keepAlive: true });
  for (let n = 0; n < 50; n += 1) {
    await getBytes(warmAgent, new URL(availability), headers);
    await getBytes(warmAgent, new URL(agreements), headers);
    await getBytes(warmAgent, new URL(anchorUrl), headers);
  }
  const targets = [
    { name: 'bare node:http, the same bytes (anchor)', url: anchorUrl, server: anchor },
    { name: 'availability (closed month, days)', url: availability, server: portal },
    { name: 'agreements', url: agreements, server: portal },
  ];
  const rows: ReadRow[] = [];
  for (const { name, url } of targets) {
    // One client, one request after another: the latency of a request alone.
    const alone: number[] = [];
    for (let n = 0; n < 200; n += 1) {
      const sentAt = performance.now();
      await getBytes(warmAgent, new URL(url), headers);
      alone.push(performance.now() - sentAt);
    }
    alone.sort((a, b) => a - b);
    rows.push({
      name,
      aloneP50: percentile(alone, 50),
      aloneP99: percentile(alone, 99),
      now: { ...summary([], 0, RATE, 1), cpuMsPerRequest: Number.NaN, loopDelayP99Ms: Number.NaN },
      before: summary([], 0, RATE, 1),
    });
  }
  warmAgent.destroy();
  // Interleaved rounds, so that a burst of other work on the machine lands on all of them.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, { name, url, server }] of targets.entries()) {
      const row = rows[index] as ReadRow;
      server.reset();
      const now = await offerHttp(url, headers, RATE, SECONDS);
      const stats = await server.stats();
      const measured = {
        ...now,
        cpuMsPerRequest: stats.cpuMs / (RATE * SECONDS),
        loopDelayP99Ms: stats.loopDelayP99Ms,
      };
      if (round === 0 || measured.p99 < row.now.p99) row.now = measured;
      const before = await offerFetch(url, headers, RATE, SECONDS);
      if (round === 0 || before.p99 < row.before.p99) row.before = before;
      log(
        `round ${round + 1}, ${name}: node:http ${now.achieved.toFixed(0)} req/s, p50 ${now.p50.toFixed(1)} ms, p99 ${now.p99.toFixed(1)} ms, server CPU ${measured.cpuMsPerRequest.toFixed(2)} ms/request, loop delay p99 ${stats.loopDelayP99Ms.toFixed(1)} ms; fetch ${before.achieved.toFixed(0)} req/s, p99 ${before.p99.toFixed(1)} ms`,
      );
    }
  }
  portal.stop();
  anchor.stop();
  rmSync(dir, { recursive: true, force: true });
  return { manifest, rows, rawBytes, sentBytes: sent.body.byteLength, warmFirstMs };
}

interface WindowRow {
  externalId: string;
  service: string;
  state: string;
  start: string;
  end: string;
}

function ingestRows(count: number, nowMs: number): WindowRow[] {
  const states = ['major_outage', 'partial_outage', 'degraded'];
  return Array.from({ length: count }, (_, n) => {
    const startMs = nowMs - 30 * 86_400_000 + n * 60_000;
    return {
      externalId: `bench:ingest:${n}`,
      service: `svc${n % 20}`,
      state: states[n % 3] as string,
      start: new Date(startMs).toISOString(),
      end: new Date(startMs + 30_000).toISOString(),
    };
  });
}

async function ingestion() {
  const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-ingest-'));
  const nowMs = Date.parse('2026-11-20T12:00:00Z');
  const total = 20_000;
  const batch = 1_000;
  const rows = ingestRows(total, nowMs);
  try {
    // Anchor: the same rows as raw multi-row INSERTs, 1,000 a statement, one transaction each.
    const anchorPath = join(dir, 'anchor.db');
    const anchorDb = await createDb({ url: `file:${anchorPath}` });
    await migrateDb(anchorDb);
    anchorDb.close();
    const client = createClient({ url: `file:${anchorPath}` });
    await client.execute(
      "INSERT INTO services (slug, name, monitored_since, sort_order, active, created_at) SELECT 'svc' || value, 'S', 0, value, 1, 0 FROM json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]')",
    );
    const anchorStart = performance.now();
    for (let i = 0; i < total; i += batch) {
      const chunk = rows.slice(i, i + batch);
      const placeholders = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      const args = chunk.flatMap((row) => [
        Number(row.service.slice(3)) + 1,
        row.externalId,
        row.state,
        Date.parse(row.start),
        Date.parse(row.end),
        'ingest',
        '',
        nowMs,
        nowMs,
      ]);
      await client.batch(
        [
          {
            sql: `INSERT INTO windows (service_id, external_id, state, start, "end", source, request_fingerprint, created_at, updated_at) VALUES ${placeholders}`,
            args,
          },
        ],
        'write',
      );
    }
    const anchorS = (performance.now() - anchorStart) / 1000;
    client.close();

    // The portal: a real server, batches of 1,000 through the API.
    const path = join(dir, 'portal.db');
    const database = await createDb({ url: `file:${path}` });
    await migrateDb(database);
    const { generateApiKey } = await import('../api/auth/api-key-secrets.ts');
    const { key, prefix, keyHash } = generateApiKey();
    await database.client.execute(
      "INSERT INTO users (email, role, created_at) VALUES ('admin@bench.test', 'admin', 0)",
    );
    await database.client.execute({
      sql: "INSERT INTO api_keys (name, prefix, key_hash, scopes, created_by_user_id, created_at) VALUES ('bench', ?, ?, '[\"ingest\"]', 1, 0)",
      args: [prefix, keyHash],
    });
    await database.client.execute(
      "INSERT INTO services (slug, name, monitored_since, sort_order, active, created_at) SELECT 'svc' || value, 'S', 0, value, 1, 0 FROM json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]')",
    );
    database.close();
    const { port, stop } = await serveInChild([path, String(nowMs)]);
    log(`ingestion: serving on http://127.0.0.1:${port}`);
    const bar = progressBar('batch ingestion', total);
    const portalStart = performance.now();
    for (let i = 0; i < total; i += batch) {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/ingest/windows/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ windows: rows.slice(i, i + batch) }),
      });
      const body = (await response.json()) as { created?: number };
      if (response.status !== 200 || body.created !== batch) {
        throw new Error(
          `batch ${i / batch} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`,
        );
      }
      bar.update(i + batch);
    }
    bar.finish();
    const portalS = (performance.now() - portalStart) / 1000;
    stop();
    return { total, batch, anchorRate: total / anchorS, portalRate: total / portalS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadBefore = os.loadavg()[0] ?? 0;
// `node bench/reads-ingest.ts reads` (or `ingest`): that part alone, printed, docs/benchmarks.md
// untouched.
const only = process.argv[2];
if (only === 'ingest') {
  const figures = await ingestion();
  log(
    `ingestion: ${Math.round(figures.portalRate)} windows/s through the API, ${Math.round(figures.anchorRate)} raw`,
  );
  process.exit(0);
}
const readFigures = await reads();
if (only === 'reads') process.exit(0);
const ingestFigures = await ingestion();
const load = os
  .loadavg()
  .map((value) => value.toFixed(1))
  .join(' / ');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const rate = (value: number) => Math.round(value).toLocaleString('en');
const body = `
## Customer reads and batch ingestion (\`node bench/reads-ingest.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, linux ${os.release()}, embedded SQLite; the server runs with ${startDescription()} as \`npm start\` runs the portal. The machine is shared (1-minute load average ${loadBefore.toFixed(1)} at the start; ${load} at the end), so expect noise of tens of percent: read each figure against its anchor or goal.

**Reads** on the customer-year data set (\`node bench/lib/data.ts customer-year\`: one customer, 6 services, ${readFigures.manifest.windows.toLocaleString('en')} windows over a year), through a real server on loopback, ${RATE} requests a second offered for ${SECONDS} s (open loop) after a warm-up, with the session cookie and \`Accept-Encoding: br, gzip\` as a browser sends them; the best of ${ROUNDS} interleaved rounds. The month asked for is ${readFigures.manifest.closedMonth} (closed). Its JSON is ${(readFigures.rawBytes / 1000).toFixed(0)} kB, ${(readFigures.sentBytes / 1000).toFixed(1)} kB as sent (brotli); the first read after start (computing and caching the month) took ${ms(readFigures.warmFirstMs)}. The anchor is bare \`node:http\` sending the month's brotli bytes. The client (docs/decisions/203) is \`node:http\` with keep-alive, reading the bytes without decoding them, each latency counted from when its request was due; the last column is the earlier client, undici's \`fetch\`, decoding every answer, counted from sending. Server CPU is the server process's own (user + system) over the run, per request.

| request | alone: p50 / p99 | at ${RATE} req/s: achieved | p50 | p99 | vs anchor p99 | server CPU / request | server loop delay p99 | failed | p99 through fetch (decoding) |
|---|---|---|---|---|---|---|---|---|---|
${readFigures.rows.map((row) => `| \`${row.name}\` | ${ms(row.aloneP50)} / ${ms(row.aloneP99)} | ${row.now.achieved.toFixed(0)} req/s | ${ms(row.now.p50)} | **${ms(row.now.p99)}** | ${(row.now.p99 / (readFigures.rows[0]?.now.p99 ?? Number.NaN)).toFixed(2)}× | ${row.now.cpuMsPerRequest.toFixed(2)} ms | ${ms(row.now.loopDelayP99Ms)} | ${row.now.failed} | ${ms(row.before.p99)} |`).join('\n')}

Goal (issue 17): p99 < 25 ms at 200 req/s for the month and for the agreements.

**Ingestion**: ${ingestFigures.total.toLocaleString('en')} closed windows over 20 services in batches of ${ingestFigures.batch.toLocaleString('en')} through \`POST /api/v1/ingest/windows/batch\` (one request after another, each one transaction with its roll-ups), against the anchor: the same rows as raw multi-row \`INSERT\`s through @libsql/client, ${ingestFigures.batch.toLocaleString('en')} rows a statement, on a fresh database with the same schema and indexes.

| path | windows/s | vs anchor |
|---|---|---|
| raw multi-row INSERT (anchor) | ${rate(ingestFigures.anchorRate)} | 1.00× |
| \`POST /ingest/windows/batch\` (goal ≥ 20,000/s) | **${rate(ingestFigures.portalRate)}** | ${(ingestFigures.portalRate / ingestFigures.anchorRate).toFixed(2)}× |
`;
log(body);
log(`wrote ${writeSection('reads-ingest', body)}`);
