import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, EnvError, readEnv, readSiteEnv } from '../../api/env.ts';

describe('readEnv', () => {
  it('defaults to 127.0.0.1:8787 and the embedded database, with demo data', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      databaseUrl: DEFAULT_DATABASE_URL,
      defaultDatabase: true,
      demo: true,
    });
    expect(env.config.origins).toEqual(['http://127.0.0.1:8787', 'http://localhost:8787']);
  });

  it.each([
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', PORTAL_DEMO: '1' }, false],
    [{ DATABASE_URL: 'libsql://db.example.turso.io' }, false],
    [{ DATABASE_URL: 'file:/tmp/x.db' }, false],
    [{ DATABASE_URL: 'file:/tmp/x.db', PORTAL_DEMO: '1' }, true],
    [{ PORTAL_DEMO: '0' }, false],
  ])('decides demo data for %o: %s', (vars, demo) => {
    expect(readEnv(vars).demo).toBe(demo);
  });

  it('takes the public origins from PORTAL_ORIGIN', () => {
    const env = readEnv({
      PORTAL_ORIGIN: 'https://status.example.com, https://portal.example.com',
    });
    expect(env.config.origins).toEqual([
      'https://status.example.com',
      'https://portal.example.com',
    ]);
  });

  it('takes the backfill horizon from PORTAL_BACKFILL_DAYS (400 days unless set)', () => {
    expect(readEnv({}).config.backfillDays).toBe(400);
    expect(readEnv({ PORTAL_BACKFILL_DAYS: '30' }).config.backfillDays).toBe(30);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORTAL_BACKFILL_DAYS: '-1' }, 'PORTAL_BACKFILL_DAYS'],
    [{ PORTAL_BACKFILL_DAYS: 'a year' }, 'PORTAL_BACKFILL_DAYS'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ PORTAL_ORIGIN: 'https://example.com/path' }, 'PORTAL_ORIGIN'],
    [{ PORTAL_ADMIN_EMAIL: 'not-an-email' }, 'PORTAL_ADMIN_EMAIL'],
    [
      { PORTAL_ADMIN_EMAIL: 'a@example.com', PORTAL_ADMIN_PASSWORD: 'short' },
      'PORTAL_ADMIN_PASSWORD',
    ],
    [{ PORTAL_ADMIN_PASSWORD: 'long enough password' }, 'PORTAL_ADMIN_EMAIL'],
    [{ PORTAL_DEMO: 'yes' }, 'PORTAL_DEMO'],
  ])('rejects %o naming %s', (vars, name) => {
    expect(() => readEnv(vars)).toThrow(EnvError);
    expect(() => readEnv(vars)).toThrow(name);
  });
});

describe('readSiteEnv', () => {
  it('builds in-process at the machine time unless told the API and the instant', () => {
    expect(readSiteEnv({})).toEqual({ apiUrl: undefined, asOfMs: undefined });
    expect(
      readSiteEnv({
        PORTAL_API_URL: 'https://api.example.com',
        PORTAL_SITE_AS_OF_MS: '1803861000000',
      }),
    ).toEqual({ apiUrl: 'https://api.example.com', asOfMs: 1_803_861_000_000 });
  });

  it.each([
    [{ PORTAL_API_URL: 'not a url' }, 'PORTAL_API_URL'],
    [{ PORTAL_SITE_AS_OF_MS: 'yesterday' }, 'PORTAL_SITE_AS_OF_MS'],
    [{ PORTAL_SITE_AS_OF_MS: '-5' }, 'PORTAL_SITE_AS_OF_MS'],
  ])('rejects %o naming %s', (vars, name) => {
    expect(() => readSiteEnv(vars)).toThrow(EnvError);
    expect(() => readSiteEnv(vars)).toThrow(name);
  });
});
