// Serves the API on a data set for a benchmark, in its own process so that the load
// generator never shares its event loop: `node bench/lib/serve.ts FILE NOW_MS`. Prints
// `listening PORT` once it listens on a port the system chose; stops on SIGTERM.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { pinnedClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { createDb } from '../../db/client.ts';

const [file, nowText] = process.argv.slice(2);
if (file === undefined || nowText === undefined) {
  process.stderr.write('usage: node bench/lib/serve.ts FILE NOW_MS\n');
  process.exit(2);
}
const database = await createDb({ url: `file:${file}` });
const app = createApp({
  db: database,
  clock: pinnedClock(Number(nowText)),
  config: makeConfig({ origins: ['http://bench.test'] }),
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
server.once('listening', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  database.close();
  process.exit(0);
});
