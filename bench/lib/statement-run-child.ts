// One statement run (of one month or several) in a process of its own, as
// `npm run statements` runs it, for bench/statements.ts:
//   node bench/lib/statement-run-child.ts DB_FILE NOW_MS OUT_ROOT FORMATS JOBS PERIOD...
// (JOBS: `--jobs`, or `default` for the command's own choice)
// Prints one JSON line: each run's time, the process's peak resident memory and CPU time.
import { join } from 'node:path';
import { run } from '../../api/cli/statements.ts';
import { pinnedClock } from '../../api/clock.ts';
import { createDb } from '../../db/client.ts';

const [file, nowText, outRoot, formats, jobs, ...periods] = process.argv.slice(2);
if (
  file === undefined ||
  nowText === undefined ||
  outRoot === undefined ||
  formats === undefined ||
  jobs === undefined
) {
  process.stderr.write(
    'usage: statement-run-child.ts DB_FILE NOW_MS OUT_ROOT FORMATS JOBS PERIOD...\n',
  );
  process.exit(2);
}
const db = await createDb({ url: `file:${file}` });
const clock = pinnedClock(Number(nowText));
const runs: { period: string; ms: number }[] = [];
// Several months run as one command, sharing their reads (ADR 169), each into OUT_ROOT/statements-YYYY-MM.
const startedMs = performance.now();
const code = await run(
  [
    ...periods.flatMap((period) => ['--period', period]),
    '--out',
    periods.length === 1 ? join(outRoot, periods[0] ?? '') : outRoot,
    '--formats',
    formats,
    ...(jobs === 'default' ? [] : ['--jobs', jobs]),
  ],
  // The threads of `--jobs` open the same file.
  { db, databaseUrl: `file:${file}`, clock, stdout: () => {} },
);
if (code !== 0) process.exit(code);
runs.push({ period: periods.join(','), ms: performance.now() - startedMs });
db.close();
const usage = process.resourceUsage();
const mainThread = process.threadCpuUsage();
process.stdout.write(
  `${JSON.stringify({
    runs,
    maxRssBytes: usage.maxRSS * 1024,
    // CPU time, of every thread and of the main one (the run's path on idle cores; ADR 205):
    // on a shared machine these say more than the wall time.
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    mainThreadCpuMs: (mainThread.user + mainThread.system) / 1000,
  })}\n`,
);
