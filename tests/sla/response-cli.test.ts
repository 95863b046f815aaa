// `node api/cli.ts sla response FILE`, run as a user would, on temporary files.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../api/cli/sla.ts';
import { request, responseInput } from './response-fixtures.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'sla-response-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let counter = 0;
function file(content: string): string {
  counter += 1;
  const path = join(folder, `case-${counter}.json`);
  writeFileSync(path, content);
  return path;
}

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command in a child process (`npm run --silent sla -- response FILE` runs this). */
function spawnCli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['api/cli.ts', 'sla', ...args],
      { cwd: root },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The same command in-process, capturing what it writes. */
async function cli(...args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await run(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

// One P1 request: a human answer after 41 min (target 30), resolved after 2 h (target 4 h).
const valid = responseInput({
  requests: [
    request('T-1', 'P1', '2026-03-02T10:00:00Z', [
      ['2026-03-02T10:00:05Z', 'automated-response'],
      ['2026-03-02T10:41:00Z', 'human-response'],
      ['2026-03-02T12:00:00Z', 'resolved'],
    ]),
  ],
});

describe.concurrent('node api/cli.ts sla response, as a process', () => {
  it('one case → one result object on stdout, nothing on stderr', async () => {
    const { code, stdout, stderr } = await spawnCli('response', file(JSON.stringify(valid)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // First response 0 % < 80: the 25 % tier of 100 000.
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'evaluated',
      final: true,
      met: false,
      creditPercent: 25,
      creditMinor: 25_000,
      requests: [
        {
          id: 'T-1',
          firstResponseMs: 2_460_000,
          firstResponse: 'missed',
          resolutionMs: 7_200_000,
          resolution: 'met',
        },
      ],
    });
  });

  it('an invalid case in an array: non-zero exit, the case index and field on stderr', async () => {
    const bad = responseInput({ requests: [request('X', 'P7' as 'P1', '2026-03-02T10:00:00Z')] });
    const { code, stdout, stderr } = await spawnCli('response', file(JSON.stringify([valid, bad])));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('case 1: requests.0.priority:');
  });
});

describe('sla response (run in-process)', () => {
  it('an array → an array of results in the same order', async () => {
    const cases = [
      valid,
      responseInput({ period: '2026-04' }),
      responseInput({ period: '2025-12' }),
    ];
    const { code, stdout, stderr } = await cli('response', file(JSON.stringify(cases)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const results = JSON.parse(stdout) as { status: string; period: { start: string } }[];
    expect(results.map((r) => [r.status, r.period.start])).toEqual([
      ['evaluated', '2026-03-01T00:00:00.000Z'],
      ['evaluated', '2026-04-01T00:00:00.000Z'],
      // The agreement starts on 1 January 2026.
      ['not-covered', '2025-12-01T00:00:00.000Z'],
    ]);
  });

  it.each([
    [
      'an event before openedAt',
      responseInput({
        requests: [
          request('X', 'P1', '2026-03-02T10:00:00Z', [['2026-03-02T09:00:00Z', 'resolved']]),
        ],
      }),
      'requests.0.events.0.at: must not be before openedAt',
    ],
    [
      'a business calendar without business hours',
      responseInput({ businessHours: null }),
      'agreement.businessHours: required',
    ],
    [
      'overlapping business intervals',
      responseInput({
        businessHours: {
          schedule: {
            mon: [
              ['09:00', '13:00'],
              ['12:00', '17:00'],
            ],
            tue: [],
            wed: [],
            thu: [],
            fri: [],
            sat: [],
            sun: [],
          },
        },
      }),
      'agreement.businessHours.schedule.mon.1: overlaps interval 0',
    ],
  ])('%s: non-zero exit naming the field, nothing on stdout', async (_name, input, expected) => {
    const { code, stdout, stderr } = await cli('response', file(JSON.stringify(input)));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(expected);
  });

  it('a file that is not JSON, or missing', async () => {
    const broken = await cli('response', file('{ "period": '));
    const missing = await cli('response', join(folder, 'missing.json'));
    expect(broken).toMatchObject({ stdout: '' });
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/not valid JSON/);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read .*missing\.json/);
  });

  it('usage errors: no file, two files, or --days (an availability option)', async () => {
    for (const args of [
      ['response'],
      ['response', 'a.json', 'b.json'],
      ['response', '--days', 'a.json'],
    ]) {
      const outcome = await cli(...args);
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(/usage/);
    }
  });
});
