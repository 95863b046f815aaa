import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'portal-start-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether a process still runs (a zombie waiting to be reaped has stopped). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The processes `pid` started, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter((id) => id !== '')
      .map(Number);
  } catch {
    return [];
  }
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  for (let waitedMs = 0; waitedMs < timeoutMs; waitedMs += 100) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `npm start` on an empty database in its own folder, with its output collected. */
function startFirst(name: string) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const server = spawn(process.execPath, ['api/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(folder, 'portal.db')}`,
      PORTAL_DEMO: '1',
      PORT: '0',
      PORTAL_SITE_DIR: join(folder, 'site'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = { server, output: '' };
  server.stdout?.on('data', (chunk) => {
    started.output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    started.output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  return { started, exited };
}

/**
 * Starts `npm start` on an empty database, waits until its output says `marker` and it has a
 * child (the seed or the build), stops it with SIGTERM, and checks that it exits 0 saying so
 * and that the child is gone. Returns the server's output.
 */
async function stopWhileStarting(name: string, marker: string, what: string): Promise<string> {
  const { started, exited } = startFirst(name);
  const serverPid = started.server.pid ?? 0;
  await until(what, () => (started.output.includes(marker) ? true : undefined), 90_000);
  const [child] = await until(
    `${what}'s process`,
    () => {
      const children = childrenOf(serverPid);
      return children.length > 0 ? children : undefined;
    },
    30_000,
  );
  started.server.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(started.output).toContain('SIGTERM: stopped while starting.');
  await until(
    `${what} to stop`,
    () => (child !== undefined && running(child) ? undefined : true),
    10_000,
  );
  return started.output;
}

it('stops the first start’s site build when stopped while building', async () => {
  const output = await stopWhileStarting('stopped-building', 'Building the site', 'the build');
  expect(output).not.toContain('running at');
}, 150_000);

it('stops the first start’s demo seed when stopped while seeding', async () => {
  const output = await stopWhileStarting(
    'stopped-seeding',
    'Seeding the demo data set',
    'the seed',
  );
  expect(output).not.toContain('DEMO DATA');
  expect(output).not.toContain('running at');
}, 150_000);

it('does not start, and says why, when the demo seed fails', async () => {
  // The seed's last step saves the logins beside the database: a folder in their place fails it.
  mkdirSync(join(dir, 'failed-seed', 'demo-logins.txt'), { recursive: true });
  const { started, exited } = startFirst('failed-seed');
  expect(await exited).toBe(1);
  expect(started.output).toContain('EISDIR');
  expect(started.output).toMatch(
    /The portal did not start: the demo seed exited with code 1 \(its error is above\)\./,
  );
  expect(started.output).not.toContain('running at');
}, 150_000);
