import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, turnBufferedDestination } from '../../api/log.ts';
import { tempPathForTest } from '../helpers/files.ts';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** The JSON lines written to `file` so far. */
const linesOf = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("npm start's log destination (docs/decisions/211)", () => {
  it('writes the lines a turn made together when the turn ends, in order and whole', async () => {
    const file = tempPathForTest('portal.log');
    const logger = createLogger({ destination: turnBufferedDestination(file) });
    for (let n = 1; n <= 500; n += 1) logger.info({ n }, 'request');
    // Still this turn: nothing is out yet (these 500 lines are written as one).
    expect(readFileSync(file, 'utf8')).toBe('');
    await turn();
    const lines = linesOf(file);
    expect(lines.map((line) => line.n)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(lines.every((line) => line.msg === 'request')).toBe(true);
  });

  it('lets no line wait for more traffic: a lone line is out by the next turn', async () => {
    const file = tempPathForTest('portal.log');
    const logger = createLogger({ destination: turnBufferedDestination(file) });
    logger.info({ n: 1 }, 'request');
    await turn();
    expect(linesOf(file)).toEqual([expect.objectContaining({ n: 1 })]);
    await turn();
    logger.warn({ n: 2 }, 'request refused');
    await turn();
    expect(linesOf(file).map((line) => [line.n, line.level])).toEqual([
      [1, 30],
      [2, 40],
    ]);
  });

  it('writes the last turn’s lines when the process exits before the turn ends', () => {
    const file = tempPathForTest('portal.log');
    const script = [
      `import { createLogger, turnBufferedDestination } from ${JSON.stringify(join(import.meta.dirname, '../../api/log.ts'))};`,
      `const logger = createLogger({ destination: turnBufferedDestination(${JSON.stringify(file)}) });`,
      "logger.info({ n: 1 }, 'request');",
      "logger.fatal({ n: 2 }, 'stopping');",
      'process.exit(3);',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
    expect(linesOf(file).map((line) => line.n)).toEqual([1, 2]);
  });
});
