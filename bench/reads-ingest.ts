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
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient } from '@libsql/client';
import { progressBar } from '../api/cli/progress.ts';
import { createDb, migrateDb } from '../db/client.ts';
import { ensureDataSet } from './lib/data.ts';
import { writeSection } from './lib/report.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const here = import.meta.dirname;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * Offers `rate` requests a second for `seconds` (open loop: a request starts on schedule
 * whether or not earlier ones finished), and reports achieved rate and latency.
 */
async function offer(url: string, headers: Record<string, string>, rate: number, seconds: number) {
  const latencies: number[] = [];
  let failed = 0;
  const total = rate * seconds;
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n += 1) {
    const dueAt = startedAt + (n * 1000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    inFlight.push(
      fetch(url, { headers })
        .then(async (response) => {
          const body = await response.arrayBuffer();
          if (!response.ok || body.byteLength === 0) failed += 1;
          latencies.push(performance.now() - sentAt);
        })
        .catch(() => {
          failed += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    offered: rate,
    achieved: latencies.length / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed,
  };
}

/** The API on `file` in a child process (bench/lib/serve.ts): its port, and how to stop it. */
async function serveInChild(
  file: string,
  nowMs: number,
): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [join(here, 'lib/serve.ts'), file, String(nowMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

async function reads() {
  const path = join(here, '../tmp/bench/customer-year.db');
  const manifest = await ensureDataSet('customer-year', path);
  const { port, stop } = await serveInChild(path, manifest.nowMs);
  log(`reads: serving customer-year on http://127.0.0.1:${port}`);
  const headers = { cookie: manifest.cookie, 'accept-encoding': 'br, gzip' };
  const availability = `http://127.0.0.1:${port}/api/v1/me/availability?period=${manifest.closedMonth}&days=true`;
  const agreements = `http://127.0.0.1:${port}/api/v1/me/agreements`;
  const raw = await fetch(availability, { headers: { cookie: manifest.cookie } });
  const rawBody = Buffer.from(await raw.arrayBuffer());
  const rawBytes = rawBody.byteLength;
  // What the server sends for it, as it sends it (fetch would decode it): brotli.
  const sentBytes = await new Promise<number>((resolve, reject) => {
    get(availability, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.byteLength;
      });
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    }).on('error', reject);
  });
  // Warm-up: the first read of a closed month computes and caches it.
  const coldStart = performance.now();
  await (await fetch(availability, { headers })).arrayBuffer();
  const warmFirstMs = performance.now() - coldStart;
  for (let n = 0; n < 50; n += 1) {
    await (await fetch(availability, { headers })).arrayBuffer();
    await (await fetch(agreements, { headers })).arrayBuffer();
  }
  const rows = [];
  for (const [name, url] of [
    ['availability (closed month, days)', availability],
    ['agreements', agreements],
  ] as const) {
    // One client, one request after another: the latency of a request alone.
    const alone: number[] = [];
    for (let n = 0; n < 200; n += 1) {
      const sentAt = performance.now();
      await (await fetch(url, { headers })).arrayBuffer();
      alone.push(performance.now() - sentAt);
    }
    alone.sort((a, b) => a - b);
    const result = {
      aloneP50: percentile(alone, 50),
      aloneP99: percentile(alone, 99),
      ...(await offer(url, headers, 200, 10)),
    };
    log(
      `${name}: ${result.achieved.toFixed(0)} req/s achieved of 200 offered, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.failed} failed`,
    );
    rows.push({ name, ...result });
  }
  stop();
  return { manifest, rows, rawBytes, sentBytes, warmFirstMs };
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
    const { port, stop } = await serveInChild(path, nowMs);
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
const readFigures = await reads();
const ingestFigures = await ingestion();
const load = os
  .loadavg()
  .map((value) => value.toFixed(1))
  .join(' / ');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const rate = (value: number) => Math.round(value).toLocaleString('en');
const body = `
## Customer reads and batch ingestion (\`node bench/reads-ingest.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, linux ${os.release()}, embedded SQLite. The machine is shared (1-minute load average ${loadBefore.toFixed(1)} at the start; ${load} at the end), so expect noise of tens of percent: read each figure against its anchor or goal.

**Reads** on the customer-year data set (\`node bench/lib/data.ts customer-year\`: one customer, 6 services, ${readFigures.manifest.windows.toLocaleString('en')} windows over a year), through a real server on loopback, 200 requests a second offered for 10 s (open loop) after a warm-up, with the session cookie and \`Accept-Encoding: br, gzip\` as a browser sends them. The month asked for is ${readFigures.manifest.closedMonth} (closed). Its JSON is ${(readFigures.rawBytes / 1000).toFixed(0)} kB, ${(readFigures.sentBytes / 1000).toFixed(1)} kB as sent (brotli); the first read after start (computing and caching the month) took ${ms(readFigures.warmFirstMs)}.

| request | alone: p50 / p99 | goal | at 200 req/s offered: achieved | p50 | p99 | failed |
|---|---|---|---|---|---|---|
${readFigures.rows.map((row) => `| \`${row.name}\` | ${ms(row.aloneP50)} / ${ms(row.aloneP99)} | p99 < 25 ms at 200 req/s | ${row.achieved.toFixed(0)} req/s | ${ms(row.p50)} | **${ms(row.p99)}** | ${row.failed} |`).join('\n')}

**Ingestion**: ${ingestFigures.total.toLocaleString('en')} closed windows over 20 services in batches of ${ingestFigures.batch.toLocaleString('en')} through \`POST /api/v1/ingest/windows/batch\` (one request after another, each one transaction with its roll-ups), against the anchor: the same rows as raw multi-row \`INSERT\`s through @libsql/client, ${ingestFigures.batch.toLocaleString('en')} rows a statement, on a fresh database with the same schema and indexes.

| path | windows/s | vs anchor |
|---|---|---|
| raw multi-row INSERT (anchor) | ${rate(ingestFigures.anchorRate)} | 1.00× |
| \`POST /ingest/windows/batch\` (goal ≥ 20,000/s) | **${rate(ingestFigures.portalRate)}** | ${(ingestFigures.portalRate / ingestFigures.anchorRate).toFixed(2)}× |
`;
log(body);
log(`wrote ${writeSection('reads-ingest', body)}`);
