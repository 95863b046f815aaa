// Serves the API on a data set for a benchmark, in its own process so that the load
// generator never shares its event loop: `node bench/lib/serve.ts FILE NOW_MS`. Prints
// `listening PORT` once it listens on a port the system chose; stops on SIGTERM.
//
// `node bench/lib/serve.ts --bare BODY_FILE ENCODING` is the anchor instead: bare node:http
// answering every request with BODY_FILE's bytes as they are (already in ENCODING, `br`,
// `gzip` or `identity`), with the headers a kept answer carries, so the client, the loopback
// and the bytes are the same and only the server differs (docs/decisions/203).
//
// Either way, a line `reset` on stdin starts a measurement and `report` ends it: the process
// prints `stats {json}` with its CPU time (user + system) and its event loop's delay
// percentiles since the reset, so a benchmark can divide by the requests it made.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { pinnedClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { createLogger, turnBufferedDestination } from '../../api/log.ts';
import { createDb } from '../../db/client.ts';

function usage(): never {
  process.stderr.write(
    'usage: node bench/lib/serve.ts FILE NOW_MS | node bench/lib/serve.ts --bare BODY_FILE ENCODING\n',
  );
  process.exit(2);
}

async function portal(file: string, nowText: string): Promise<{ server: Server; close(): void }> {
  const database = await createDb({ url: `file:${file}` });
  const app = createApp({
    db: database,
    clock: pinnedClock(Number(nowText)),
    config: makeConfig({ origins: ['http://bench.test'] }),
    // As `npm start` logs (its lines written together at the end of each turn): a request
    // line made and written for every request, to nowhere.
    logger: createLogger({ destination: turnBufferedDestination('/dev/null') }),
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  return { server, close: () => database.close() };
}

function bare(bodyFile: string, encoding: string): { server: Server; close(): void } {
  const body = readFileSync(bodyFile);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'cache-control': 'private, no-cache',
    vary: 'Accept-Encoding',
    etag: '"bench-anchor"',
    'content-length': String(body.byteLength),
  };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  const server = createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  return { server, close: () => undefined };
}

const args = process.argv.slice(2);
const [first, second, third] = args;
if (first === undefined || second === undefined) usage();
const { server, close } =
  first === '--bare'
    ? third === undefined
      ? usage()
      : bare(second, third)
    : await portal(first, second);

const delay = monitorEventLoopDelay({ resolution: 1 });
let cpuFrom = process.cpuUsage();
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reset') {
    delay.disable();
    delay.reset();
    delay.enable();
    cpuFrom = process.cpuUsage();
  } else if (line === 'report') {
    const cpu = process.cpuUsage(cpuFrom);
    const ms = (ns: number) => ns / 1e6;
    const stats = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopDelayP50Ms: ms(delay.percentile(50)),
      loopDelayP99Ms: ms(delay.percentile(99)),
      loopDelayMaxMs: ms(delay.max),
    };
    process.stdout.write(`stats ${JSON.stringify(stats)}\n`);
  }
});

const announce = () =>
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
if (server.listening) announce();
else server.once('listening', announce);
process.on('SIGTERM', () => {
  server.close();
  close();
  process.exit(0);
});
