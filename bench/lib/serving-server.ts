// One server of bench/serving.ts, in its own process (so the load generator never shares its
// event loop): `node bench/lib/serving-server.ts <kind>`, with its input in the environment.
// It listens on 127.0.0.1 on a port the system picks, then prints one JSON line
// `{"port": …}` on stdout and serves until killed.
//   portal   the portal as `npm start` serves it (DATABASE_URL, PORTAL_SITE_DIR), the request
//            log written to /dev/null (the lines are still made), no rebuilds
//   hono     bare Hono: GET /api/v1/status answers BENCH_STATUS_FILE's bytes with the same
//            ETag, and Hono's own etag() middleware answers its 304; with BENCH_STATUS_HEADERS
//            (a JSON object) it sends those headers instead (the portal's own, for the anchor
//            that sends the same bytes on the wire, headers included)
//   http     bare node:http: every request answers BENCH_STATIC_FILE's bytes from memory
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { etag } from 'hono/etag';

const kind = process.argv[2];

function listening(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

if (kind === 'portal') {
  const { openDatabase } = await import('../../api/bootstrap.ts');
  const { systemClock } = await import('../../api/clock.ts');
  const { readEnv } = await import('../../api/env.ts');
  const { createLogger, turnBufferedDestination } = await import('../../api/log.ts');
  const { startPortal } = await import('../../api/portal.ts');
  const { settleHeapWhenQuiet } = await import('../../api/heap-settle.ts');
  const env = readEnv({ ...process.env, HOST: '127.0.0.1', PORT: '0', PORTAL_DEMO: '0' });
  const database = await openDatabase(env);
  const portal = await startPortal({
    env,
    database,
    clock: systemClock,
    log: () => undefined,
    logger: createLogger({ destination: turnBufferedDestination('/dev/null') }),
    siteRebuilds: false,
  });
  settleHeapWhenQuiet();
  listening(Number(new URL(portal.origin).port));
} else if (kind === 'hono') {
  const body = readFileSync(required('BENCH_STATUS_FILE'));
  const tag = required('BENCH_STATUS_ETAG');
  const sameHeaders = process.env.BENCH_STATUS_HEADERS;
  const headers: Record<string, string> = sameHeaders
    ? (JSON.parse(sameHeaders) as Record<string, string>)
    : { 'content-type': 'application/json; charset=utf-8', etag: tag };
  const app = new Hono();
  app.use('/api/v1/status', etag());
  app.get('/api/v1/status', (c) => c.body(body, 200, headers));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
    listening(info.port),
  );
  void server;
} else if (kind === 'http') {
  const body = readFileSync(required('BENCH_STATIC_FILE'));
  const type = required('BENCH_STATIC_TYPE');
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': type, 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => listening((server.address() as AddressInfo).port));
} else {
  process.stderr.write('usage: node bench/lib/serving-server.ts portal|hono|http\n');
  process.exit(2);
}
