import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

it('stops the first start’s site build when stopped while building', async () => {
  const server = spawn(process.execPath, ['api/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'portal.db')}`,
      PORTAL_DEMO: '1',
      PORT: '0',
      PORTAL_SITE_DIR: join(dir, 'site'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  const serverPid = server.pid ?? 0;
  await until(
    'the first build',
    () => (output.includes('Building the site') ? true : undefined),
    90_000,
  );
  const [build] = await until(
    'the build process',
    () => {
      const children = childrenOf(serverPid);
      return children.length > 0 ? children : undefined;
    },
    30_000,
  );
  server.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).toContain('SIGTERM: stopped while starting.');
  await until(
    'the build to stop',
    () => (build !== undefined && running(build) ? undefined : true),
    10_000,
  );
  expect(output).not.toContain('running at');
}, 150_000);
