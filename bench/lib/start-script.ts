// How `npm start` runs the portal, read from package.json, so a bench's portal process runs
// the same way: `MALLOC_ARENA_MAX=… NODE_COMPILE_CACHE=… node --flags api/server.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const START_SCRIPT = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start;

/**
 * The Node flags of `npm start` (`node --… api/server.ts`); BENCH_NODE_OPTIONS replaces them
 * (to compare settings).
 */
export const START_NODE_FLAGS: string[] = (
  process.env.BENCH_NODE_OPTIONS ??
  /\bnode((?: --\S+)*) api\/server\.ts/.exec(START_SCRIPT)?.[1] ??
  ''
)
  .split(/\s+/)
  .filter((flag) => flag !== '');

/** The rest of `npm start`'s environment (MALLOC_ARENA_MAX=…, NODE_COMPILE_CACHE=…). */
export const START_ENV: Record<string, string> = Object.fromEntries(
  [...START_SCRIPT.matchAll(/\b(MALLOC_ARENA_MAX|NODE_COMPILE_CACHE)=(\S+)/g)].map((match) => [
    match[1] as string,
    match[2] as string,
  ]),
);

/** How the portal is run, for a bench's report: `node … with MALLOC_ARENA_MAX=…`. */
export function startDescription(): string {
  return `\`node ${START_NODE_FLAGS.join(' ')}\`${Object.entries(START_ENV)
    .map(([name, value]) => ` and ${name}=${value}`)
    .join('')}`;
}
