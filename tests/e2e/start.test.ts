import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_ENV, START_NODE_FLAGS } from '../../bench/lib/start-script.ts';

/**
 * `npm start` as a new user runs it: migrations, demo data on an empty database, the site
 * built on first start, the API and the site served on one origin, SIGTERM drains and stops.
 * The process runs with `npm start`'s Node flags and environment, read from package.json (the
 * signal then reaches the portal itself, not npm's shell).
 */
describe('npm start', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-start-'));
    child = spawn(process.execPath, [...START_NODE_FLAGS, 'api/server.ts'], {
      env: {
        ...process.env,
        ...START_ENV,
        DATABASE_URL: `file:${join(dir, 'portal.db')}`,
        PORTAL_DEMO: '1',
        PORT: '0',
        PORTAL_SITE_DIR: join(dir, 'site'),
        PORTAL_ADMIN_EMAIL: 'owner@example.test',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
      const check = () => {
        const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`the server exited:\n${output}`));
        } else {
          setTimeout(check, 100);
        }
      };
      check();
    });
  }, 120_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the demo logins and saves them beside the database', () => {
    expect(output).toContain('DEMO DATA');
    expect(output).toMatch(/admin\s+admin@demo\.example\s+\S{20,}/);
    const saved = readFileSync(join(dir, 'demo-logins.txt'), 'utf8');
    const password = /admin@demo\.example\s+(\S+)/.exec(output)?.[1];
    expect(password).toBeDefined();
    expect(saved).toContain(password);
  });

  it('creates the PORTAL_ADMIN_EMAIL admin and shows its generated password once', () => {
    expect(output).toMatch(/Created the admin owner@example\.test/);
    expect(output).toMatch(/password \(shown once.*\): \S{20,}/);
  });

  it('answers /healthz, /api/v1/status with the demo services, and the site at /', async () => {
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const status = await (await fetch(`${origin}/api/v1/status`)).json();
    expect(status.services.length).toBeGreaterThanOrEqual(6);
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const service of status.services) expect(html).toContain(service.name);
  });

  it('drains and stops on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
  });
});
