// Every script in package.json: each names a command, file or tool that exists, and those
// a test can run without recursing into the suite or rewriting the repository are run, as
// `npm run …`, exactly as a user types them.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from '../../api/cli/commands.ts';
import { testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { caseInput, major } from '../sla/fixtures.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scripts: Record<string, string> = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
).scripts;

/**
 * Scripts the suite does not run, and why. Every other script is run below, so a script
 * added to package.json must be either run here or given its reason.
 */
const NOT_RUN: Record<string, string> = {
  start: 'a server that runs until stopped: tests/e2e/start.test.ts runs api/server.ts',
  'gen:api': 'rewrites a tracked file: tests/api/contract.test.ts checks it is current',
  test: 'the suite itself',
  check: 'part of `npm test`, which runs it before the suite',
  'test:unit': 'the suite itself',
  'test:fast': 'the suite itself, its engine and api projects',
  'test:long': 'the suite itself, longer',
  'db:generate': 'would write a migration into db/migrations',
  format: 'rewrites files in the repository',
};
const RUN = ['build', 'seed', 'sla', 'statements', 'bench'];

const folder = mkdtempSync(join(tmpdir(), 'portal-scripts-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function npm(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      args,
      {
        cwd: root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The commands of a script: `a && b` is two, each split into words after any `VAR=value`s. */
function commandsOf(script: string): string[][] {
  return script.split('&&').map((part) => {
    const words = part.trim().split(/\s+/);
    const first = words.findIndex((word) => !/^[A-Z_]+=/.test(word));
    return first < 0 ? [] : words.slice(first);
  });
}

describe('package.json scripts', () => {
  it('are each either run by this file or listed with the reason they are not', () => {
    expect(Object.keys(scripts).sort()).toEqual([...RUN, ...Object.keys(NOT_RUN)].sort());
  });

  it.each(Object.entries(scripts))('%s names a command, file or tool that exists', (_, script) => {
    for (const [program, ...args] of commandsOf(script)) {
      if (program === 'node') {
        // Node's own flags (`node --expose-gc api/server.ts`) come before the file.
        const file = args.find((arg) => !arg.startsWith('--')) ?? '';
        expect(existsSync(join(root, file)), `${file} exists`).toBe(true);
        if (file === 'api/cli.ts') {
          expect(Object.keys(CLI_COMMANDS), `the CLI has ${args[1]}`).toContain(args[1]);
        }
      } else if (program === 'npm') {
        expect(args[0]).toBe('run');
        expect(Object.keys(scripts)).toContain(args[1]);
      } else {
        expect(existsSync(join(root, 'node_modules/.bin', program ?? '')), `${program}`).toBe(true);
      }
    }
  });

  it('npm run build builds the site from DATABASE_URL into PORTAL_SITE_DIR', async () => {
    const t = await testApp();
    await createService(t, 'checkout');
    const siteDir = join(folder, 'site');
    const { code, stdout, stderr } = await npm(['run', 'build'], {
      DATABASE_URL: `file:${t.db.path}`,
      PORTAL_SITE_DIR: siteDir,
    });
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(stdout).toContain(`Built the site into ${siteDir}`);
    // The page shows the service in that database, compressed copies beside it.
    expect(readFileSync(join(siteDir, 'index.html'), 'utf8')).toContain('CHECKOUT');
    expect(existsSync(join(siteDir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(siteDir, 'index.html.gz'))).toBe(true);
  }, 240_000);

  it('npm run seed writes the demo data into an empty database, and refuses a second time', async () => {
    const env = { DATABASE_URL: `file:${join(folder, 'seed', 'portal.db')}` };
    const first = await npm(['run', 'seed'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo logins/);
    expect(existsSync(join(folder, 'seed', 'demo-logins.txt'))).toBe(true);
    const second = await npm(['run', 'seed'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already has users/);
  }, 240_000);

  it('npm run sla -- evaluate FILE prints the evaluation', async () => {
    const file = join(folder, 'case.json');
    writeFileSync(
      file,
      JSON.stringify(
        caseInput({ windows: [major('2026-06-10T00:00:00Z', '2026-06-10T01:00:00Z')] }),
      ),
    );
    const { code, stdout } = await npm(['run', '--silent', 'sla', '--', 'evaluate', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'evaluated' });
  }, 60_000);

  it('npm run statements -- --period YYYY-MM writes the month into --out, and refuses a bad month', async () => {
    const env = { DATABASE_URL: `file:${join(folder, 'statements', 'portal.db')}` };
    const bad = await npm(['run', '--silent', 'statements', '--', '--period', '2026-13'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The period must be a month: YYYY-MM, e.g. 2026-10.');
    // A database without agreements: nothing to check against the clock, an index of none.
    const out = join(folder, 'statements', 'out');
    const { code, stdout, stderr } = await npm(
      ['run', '--silent', 'statements', '--', '--period', '2026-10', '--out', out],
      env,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('statements 2026-10 [');
    expect(stdout).toContain('Wrote 1 files for 0 agreements of 0 customers (2026-10)');
    expect(readFileSync(join(out, 'index.csv'), 'utf8')).toContain(
      'customer_id,customer,agreement',
    );
  }, 60_000);

  it('npm run bench knows its benchmarks, and names them when asked for one it lacks', async () => {
    // Only the refusal: speed is never measured in tests.
    const { code, stdout, stderr } = await npm(['run', 'bench', '--', 'no-such-bench']);
    expect(code).toBe(2);
    expect(stdout).not.toContain('=== bench/');
    expect(stderr).toMatch(/unknown benchmark no-such-bench; known: .*\bsla\b/);
  }, 60_000);
});
