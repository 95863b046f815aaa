// Benchmark of static and status serving: `node bench/serving.ts` (also run by `npm run bench`).
// Builds the site from the demo data set, then, each server in its own process on a port
// of 127.0.0.1 the system picks (printed below), measures with autocannon:
//   GET /api/v1/status (cached) against bare Hono serving the same body, and both 304s; and
//   against bare Hono sending the portal's headers too (the same bytes on the wire);
//   a static file of the built site against bare node:http serving the same bytes, and its 304;
//   the idle memory of the portal against bare Hono's;
//   a restart on an unchanged database (whether the site is rebuilt, and how long it takes).
// Cases are interleaved over rounds and each figure is the median of its rounds. Writes
// docs/benchmarks.md between <!-- bench:serving:start --> and <!-- bench:serving:end -->.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openDatabase, seedDemoData } from '../api/bootstrap.ts';
import { systemClock } from '../api/clock.ts';
import { readEnv } from '../api/env.ts';
import { bumpStatusVersion } from '../api/infra/status-cache.ts';
import { writeSection } from './lib/report.ts';
import { START_ENV, START_NODE_FLAGS, startDescription } from './lib/start-script.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = 32;
const here = import.meta.dirname;
const root = join(here, '..');
function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
}

/** Starts `bench/lib/serving-server.ts <kind>` and waits for the port it prints. */
function startServer(
  name: string,
  kind: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<Server> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, join(here, 'lib', 'serving-server.ts'), kind],
    {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const line = /^\{"port":\d+\}$/m.exec(output)?.[0];
      if (line) resolve({ name, port: (JSON.parse(line) as { port: number }).port, child });
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}) before listening`)));
  });
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

interface Case {
  label: string;
  port: () => number;
  path: string;
  headers?: () => Record<string, string>;
  /** The status every answer must have, or the case's figure is wrong. */
  status: number;
}

interface Figure {
  requestsPerSecond: number;
  p99Ms: number;
}

async function load(target: Case): Promise<Figure> {
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port()}${target.path}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: target.headers?.() ?? {},
  });
  const expected = target.status === 304 ? result['3xx'] : result['2xx'];
  if (result.errors > 0 || result.timeouts > 0 || expected !== result.requests.total) {
    throw new Error(
      `${target.label}: ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${expected} of ${result.requests.total} answers were ${target.status}`,
    );
  }
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
}

async function main() {
  const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-serving-'));
  const servers: Server[] = [];
  try {
    const databaseUrl = `file:${join(dir, 'portal.db')}`;
    const siteDir = join(dir, 'site');
    const env = readEnv({
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORTAL_SITE_DIR: siteDir,
      PORTAL_DEMO: '1',
    });
    const database = await openDatabase(env);
    await seedDemoData(database, env, systemClock, () => undefined);
    database.close();
    // The portal's first start builds the site, as `npm start` does (and records its fingerprint).
    log('Building the demo site…');

    const portal = await startServer(
      'portal',
      'portal',
      { DATABASE_URL: databaseUrl, PORTAL_SITE_DIR: siteDir, ...START_ENV },
      START_NODE_FLAGS,
    );
    servers.push(portal);
    const status = await fetch(`http://127.0.0.1:${portal.port}/api/v1/status`);
    const statusEtag = status.headers.get('etag') ?? '';
    const statusFile = join(dir, 'status.json');
    writeFileSync(statusFile, Buffer.from(await status.arrayBuffer()));
    // As autocannon asks: no encoding (fetch would ask for brotli and get its ETag).
    const page = await fetch(`http://127.0.0.1:${portal.port}/`, {
      headers: { 'accept-encoding': 'identity' },
    });
    const pageEtag = page.headers.get('etag') ?? '';
    const pageBytes = (await page.arrayBuffer()).byteLength;
    const hono = await startServer('bare Hono', 'hono', {
      BENCH_STATUS_FILE: statusFile,
      BENCH_STATUS_ETAG: statusEtag,
    });
    servers.push(hono);
    // The portal's own headers, as autocannon gets them (no encoding), but for those Node adds
    // itself; the request id is one fixed id of the same length.
    const answered = await fetch(`http://127.0.0.1:${portal.port}/api/v1/status`, {
      headers: { 'accept-encoding': 'identity' },
    });
    await answered.arrayBuffer();
    const nodeAdds = new Set(['date', 'connection', 'keep-alive', 'content-length']);
    const portalHeaders = Object.fromEntries(
      [...answered.headers].filter(([name]) => !nodeAdds.has(name)),
    );
    const honoSameBytes = await startServer('bare Hono, the portal’s headers', 'hono', {
      BENCH_STATUS_FILE: statusFile,
      BENCH_STATUS_ETAG: statusEtag,
      BENCH_STATUS_HEADERS: JSON.stringify(portalHeaders),
    });
    servers.push(honoSameBytes);
    const headerBytes = (headers: Record<string, string>) =>
      Object.entries(headers).reduce(
        (sum, [name, value]) => sum + `${name}: ${value}\r\n`.length,
        0,
      );
    const honoAnswer = await fetch(`http://127.0.0.1:${hono.port}/api/v1/status`, {
      headers: { 'accept-encoding': 'identity' },
    });
    await honoAnswer.arrayBuffer();
    const honoHeaders = Object.fromEntries(
      [...honoAnswer.headers].filter(([name]) => !nodeAdds.has(name)),
    );
    const http = await startServer('bare node:http', 'http', {
      BENCH_STATIC_FILE: join(siteDir, 'index.html'),
      BENCH_STATIC_TYPE: 'text/html; charset=utf-8',
    });
    servers.push(http);
    for (const server of servers) log(`${server.name} listens on 127.0.0.1:${server.port}`);

    // Idle: loaded, served one request each, nothing since.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idle = { portal: rssMb(portal.child.pid), hono: rssMb(hono.child.pid) };
    // V8's memory reducer shrinks an idle heap about 8 s after allocation slows down (ADR 204):
    // the figure an idle process keeps.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const settled = { portal: rssMb(portal.child.pid), hono: rssMb(hono.child.pid) };

    const cases: Case[] = [
      { label: 'status, portal', port: () => portal.port, path: '/api/v1/status', status: 200 },
      { label: 'status, bare Hono', port: () => hono.port, path: '/api/v1/status', status: 200 },
      {
        label: 'status, bare Hono with the portal’s headers',
        port: () => honoSameBytes.port,
        path: '/api/v1/status',
        status: 200,
      },
      {
        label: 'status 304, portal',
        port: () => portal.port,
        path: '/api/v1/status',
        headers: () => ({ 'if-none-match': statusEtag }),
        status: 304,
      },
      {
        label: 'status 304, bare Hono',
        port: () => hono.port,
        path: '/api/v1/status',
        headers: () => ({ 'if-none-match': statusEtag }),
        status: 304,
      },
      { label: 'static /, portal', port: () => portal.port, path: '/', status: 200 },
      { label: 'static /, bare node:http', port: () => http.port, path: '/', status: 200 },
      {
        label: 'static / 304, portal',
        port: () => portal.port,
        path: '/',
        headers: () => ({ 'if-none-match': pageEtag }),
        status: 304,
      },
    ];
    const figures = new Map<string, Figure[]>(cases.map((c) => [c.label, []]));
    // A short warm-up of each, so no round pays for compiling the hot paths.
    for (const target of cases) await load({ ...target }).catch(() => undefined);
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const target of round % 2 === 0 ? [...cases].reverse() : cases) {
        const figure = await load(target);
        figures.get(target.label)?.push(figure);
        log(
          `round ${round}: ${target.label}: ${Math.round(figure.requestsPerSecond)} req/s, p99 ${figure.p99Ms} ms`,
        );
      }
    }
    const rate = (label: string) =>
      median((figures.get(label) ?? []).map((figure) => figure.requestsPerSecond));
    const p99 = (label: string) => median((figures.get(label) ?? []).map((figure) => figure.p99Ms));
    // Each round measures a case and its anchor back to back, so their ratio in that round
    // shares the machine's state of the moment; the figure is the median of the rounds' ratios
    // (this shared machine drifts by tens of percent between rounds).
    const ratio = (a: string, b: string) => {
      const anchors = figures.get(b) ?? [];
      return median(
        (figures.get(a) ?? []).map(
          (figure, round) =>
            figure.requestsPerSecond / (anchors[round]?.requestsPerSecond ?? Number.NaN),
        ),
      );
    };
    const idleAfterLoad = rssMb(portal.child.pid);
    // The young generation the load grew, given back once the portal is quiet (ADR 212).
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    const settledAfterLoad = rssMb(portal.child.pid);
    for (const server of servers.splice(0)) server.child.kill('SIGTERM');

    const restart = await restartFigures(env, siteDir);

    const row = (label: string, anchor: string, aim: string) =>
      `| ${label} | ${Math.round(rate(label)).toLocaleString('en')} req/s (p99 ${p99(label)} ms) | ${anchor} ${Math.round(rate(anchor)).toLocaleString('en')} req/s | **${ratio(label, anchor).toFixed(2)}×** | ${aim} |`;
    const uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
    const cpus = os.cpus();
    const mb = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value)} MB`);
    const body = [
      '## Static and status serving',
      '',
      `Measured by \`npm run bench -- serving\` (bench/serving.ts) on ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load before the run: \`${uptime}\`.`,
      `autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per case, ${ROUNDS} interleaved rounds: ` +
        'each figure is the median of its rounds, each ratio the median of the rounds’ ratios (a case and its anchor measured back to back); ' +
        'each server in its own process on 127.0.0.1, the load generator in another (all on the same 2 cores). ' +
        `The portal writes its request log (to /dev/null, the lines of each event-loop turn together, as \`npm start\`'s destination does), settles its heap when quiet, and runs with ${startDescription()} as \`npm start\` does. The demo data set; \`/\` is ` +
        `${(pageBytes / 1024).toFixed(1)} kB of HTML, sent uncompressed (autocannon asks for no encoding).`,
      '',
      '| case | figure | anchor | ratio | aim |',
      '|---|---|---|---|---|',
      row('status, portal', 'status, bare Hono', '≥ 0.8×'),
      row(
        'status, portal',
        'status, bare Hono with the portal’s headers',
        '≥ 0.8× (the same bytes on the wire)',
      ),
      row(
        'status, bare Hono with the portal’s headers',
        'status, bare Hono',
        '(what the portal’s headers alone cost bare Hono)',
      ),
      row('status 304, portal', 'status, portal', '> 1× (faster than its 200)'),
      row('status 304, bare Hono', 'status, bare Hono', '(Hono’s own 304 against its 200)'),
      row('static /, portal', 'static /, bare node:http', '≥ 0.5×'),
      row('static / 304, portal', 'static /, portal', '> 1×'),
      '',
      `The portal's status answer carries ${headerBytes(portalHeaders)} bytes of headers besides those Node adds to every answer ` +
        `(the API's security headers, cache-control, vary, the request id; ADR 216), bare Hono's ${headerBytes(honoHeaders)}; ` +
        'the body is the same. The second anchor sends the portal’s headers (its request id fixed): the same bytes on the wire.',
      '',
      `Idle memory (RSS, after start and one request of each kind): 2 s later portal ${mb(idle.portal)}, ` +
        `bare Hono ${mb(idle.hono)}; 12 s later (settled) portal ${mb(settled.portal)}, bare Hono ${mb(settled.hono)}; ` +
        `the portal just after the load ${mb(idleAfterLoad)}, 12 s later ${mb(settledAfterLoad)}. Aim < 150 MB.`,
      '',
      restart,
    ].join('\n');
    log(`\n${body}`);
    log(`\nWritten to ${writeSection('serving', body)}`);
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm start` again on the same database and site folder: once with nothing changed since
 * the last build, once after a status change (the site must be rebuilt). Time to listening,
 * whether the site was rebuilt, CPU time of the process and its build, and idle RSS (then, and
 * settled 10 s later).
 */
async function restartFigures(env: ReturnType<typeof readEnv>, siteDir: string): Promise<string> {
  const lines: string[] = [];
  for (const attempt of ['unchanged database', 'after a status change']) {
    if (attempt === 'after a status change') {
      const database = await openDatabase(env);
      await database.write((tx) => bumpStatusVersion(tx, systemClock.now()));
      database.close();
    }
    const startedMs = performance.now();
    const child = spawn(process.execPath, [...START_NODE_FLAGS, 'api/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl,
        PORTAL_SITE_DIR: siteDir,
        PORTAL_DEMO: '0',
        HOST: '127.0.0.1',
        PORT: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        ...START_ENV,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    const waitFor = (pattern: RegExp, timeoutMs: number) =>
      new Promise<number>((resolve, reject) => {
        const check = setInterval(() => {
          if (pattern.test(output)) {
            clearInterval(check);
            resolve(performance.now() - startedMs);
          } else if (child.exitCode !== null || performance.now() - startedMs > timeoutMs) {
            clearInterval(check);
            reject(new Error(`no ${pattern} from the portal:\n${output}`));
          }
        }, 20);
      });
    const listeningMs = await waitFor(/running at/, 120_000);
    if (/not rebuilt/.test(output)) {
      // A rebuild at start would have begun within the rebuild's quiet time (3 s).
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    } else {
      await waitFor(/Site rebuilt|Site rebuild failed/, 180_000);
    }
    const rss = rssMb(child.pid);
    const cpuMs = cpuTimeMs(child.pid);
    // V8's memory reducer shrinks an idle heap about 8 s after allocation slows (ADR 204): the
    // figure a restarted portal keeps, as the idle figure above.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const settledRss = rssMb(child.pid);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const site = /Site rebuilt/.test(output)
      ? 'rebuilt'
      : /not rebuilt/.test(output)
        ? 'not rebuilt (unchanged)'
        : 'rebuild failed';
    lines.push(
      `| ${attempt} | ${Math.round(listeningMs)} ms | ${site} | ${cpuMs === null ? 'n/a' : `${Math.round(cpuMs)} ms`} | ${rss === null ? 'n/a' : `${Math.round(rss)} MB`} | ${settledRss === null ? 'n/a' : `${Math.round(settledRss)} MB`} |`,
    );
  }
  return [
    '`npm start` again on the demo database and its built site:',
    '',
    '| restart | to listening | site | CPU of the process and its build | RSS at the end | 10 s later (settled) |',
    '|---|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

/** CPU time of a process and its waited-for children, from /proc (Linux). */
function cpuTimeMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime, stime, cutime, cstime: fields 14–17 of stat, 12–15 after the name.
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}

await main();
