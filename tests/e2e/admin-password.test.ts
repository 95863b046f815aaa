import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start with a weak PORTAL_ADMIN_PASSWORD', () => {
  it('stops before opening the database, naming the variable and why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-admin-password-'));
    try {
      const run = spawnSync(process.execPath, ['api/server.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: `file:${join(dir, 'portal.db')}`,
          PORT: '0',
          PORTAL_ADMIN_EMAIL: 'owner@example.test',
          PORTAL_ADMIN_PASSWORD: 'owner@example.test',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        'PORTAL_ADMIN_PASSWORD: this password contains your email address; choose another.',
      );
      expect(run.stdout).not.toContain('Opening the database');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
