// `node api/cli.ts sla evaluate FILE`, run as a user would, on temporary files.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../api/cli/sla.ts';
import { caseInput, major } from './fixtures.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'sla-cli-'));
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

/** The real command in a child process: slow (≈1 s to start), so used for a few cases only. */
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
    const [command, ...rest] = args[0] === 'sla' ? args.slice(1) : args;
    const code = await run(command === undefined ? [] : [command, ...rest]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const valid = caseInput({ windows: [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')] });

describe.concurrent('node api/cli.ts sla evaluate, as a process', () => {
  it('one case → one result object on stdout, nothing on stderr', async () => {
    const { code, stdout, stderr } = await spawnCli('evaluate', file(JSON.stringify(valid)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // 1 h in June: 100 − 100/720 = 99.8611…, tier 10 % of 200 000.
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'evaluated',
      downtimeMs: 3_600_000,
      availabilityDisplay: '99.861',
      creditMinor: 20_000,
    });
  });

  it('an invalid case in an array: non-zero exit, the case index and field on stderr', async () => {
    const bad = caseInput({ policy: { tiers: [{ belowPercent: 101, creditPercent: 10 }] } });
    const { code, stdout, stderr } = await spawnCli('evaluate', file(JSON.stringify([valid, bad])));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('case 1: policy.tiers.0.belowPercent: must be at most 100');
  });
});

describe('sla evaluate (run in-process)', () => {
  it('one case → one result object on stdout, nothing on stderr', async () => {
    const { code, stdout, stderr } = await cli('evaluate', file(JSON.stringify(valid)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // 1 h in June: 100 − 100/720 = 99.8611…, tier 10 % of 200 000.
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'evaluated',
      downtimeMs: 3_600_000,
      availabilityDisplay: '99.861',
      creditMinor: 20_000,
    });
  });

  it('an array → an array of results in the same order', async () => {
    const cases = [
      valid,
      caseInput({ period: '2026-07' }),
      caseInput({ period: '2026-05', start: '2026-06-01T00:00:00Z' }),
    ];
    const { code, stdout } = await cli('evaluate', file(JSON.stringify(cases)));
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { status: string; period: { start: string } }[];
    expect(results.map((r) => [r.status, r.period.start])).toEqual([
      ['evaluated', '2026-06-01T00:00:00.000Z'],
      ['evaluated', '2026-07-01T00:00:00.000Z'],
      ['not-covered', '2026-05-01T00:00:00.000Z'],
    ]);
  });

  it('--days adds the figures per local day', async () => {
    const { code, stdout } = await cli('evaluate', '--days', file(JSON.stringify(valid)));
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      days: { date: string; downtimeMs: number; eligibleMs: number }[];
    };
    expect(result.days).toHaveLength(30);
    expect(result.days[9]).toMatchObject({
      date: '2026-06-10',
      downtimeMs: 3_600_000,
      eligibleMs: 86_400_000,
    });
  });

  it('an invalid case in an array fails the whole call, naming the case index and field', async () => {
    const bad = caseInput({ policy: { tiers: [{ belowPercent: 101, creditPercent: 10 }] } });
    const { code, stdout, stderr } = await cli(
      'evaluate',
      file(JSON.stringify([valid, valid, bad])),
    );
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('case 2: policy.tiers.0.belowPercent: must be at most 100');
  });

  it('a misspelt field is rejected, not defaulted', async () => {
    const bad = { ...valid, policy: { targetPercent: 99.9, tiers: [], minimumOutageMinuts: 5 } };
    const { code, stdout, stderr } = await cli('evaluate', file(JSON.stringify(bad)));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('policy');
    expect(stderr).toContain('minimumOutageMinuts');
  });

  it('a window ending before it starts names the field', async () => {
    const bad = caseInput({ windows: [major('2026-06-10T01:00:00Z', '2026-06-10T00:00:00Z')] });
    const { code, stderr } = await cli('evaluate', file(JSON.stringify(bad)));
    expect(code).not.toBe(0);
    expect(stderr).toContain('windows.0.end: end must be after start');
  });

  it('a file that is not JSON', async () => {
    const { code, stdout, stderr } = await cli('evaluate', file('{ "period": '));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/not valid JSON/);
  });

  it('a file that does not exist', async () => {
    const { code, stdout, stderr } = await cli('evaluate', join(folder, 'missing.json'));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot read .*missing\.json/);
  });

  it('usage errors', async () => {
    const none = await cli();
    const unknown = await cli('frobnicate');
    const noFile = await cli('evaluate');
    for (const outcome of [none, unknown, noFile]) {
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(/usage/);
    }
  });
});
