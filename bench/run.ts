// `npm run bench`: every benchmark in bench/ (each `*.ts` file but this one), one after
// another in its own Node process, so one's memory and timers never disturb the next.
// Each writes its own section of docs/benchmarks.md. `npm run bench -- site` runs only
// the benchmarks whose names are given.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const here = import.meta.dirname;
const self = basename(import.meta.filename);
const only = process.argv.slice(2);
const known = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== self)
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();
const unknown = only.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; known: ${known.join(', ')}\n`);
  process.exit(2);
}
const benches = known
  .filter((name) => only.length === 0 || only.includes(name))
  .map((name) => `${name}.ts`);
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== bench/${name}\n`);
  const result = spawnSync(process.execPath, [join(here, name)], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    failed += 1;
    process.stderr.write(`bench/${name} failed (exit ${result.status ?? result.signal})\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
