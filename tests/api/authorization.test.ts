import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { ACCESS_LEVELS } from '../../api/auth/middleware.ts';
import { manualClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { TEST_ORIGIN, TEST_PASSWORD_HASHING, type TestApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import {
  concretePath,
  createPrincipals,
  operationsOf,
  PRINCIPAL_NAMES,
  type PrincipalName,
  type Principals,
} from '../helpers/principals.ts';

// The matrix is generated from the OpenAPI document, so every route anyone adds is covered.
const docDb = await tempDb();
const docApp = createApp({ db: docDb, clock: manualClock(0), config: makeConfig() });
const doc = await (await docApp.request('/api/v1/openapi.json')).json();
afterAll(() => docDb.dispose());
const operations = operationsOf(doc);

/** Who gets past each access level; everyone else gets 403, or 401 without credentials. */
const ALLOWED: Record<string, PrincipalName[]> = {
  public: ['anonymous', 'customerA', 'customerB', 'agent', 'admin', 'ingestKey', 'readKeyA'],
  session: ['customerA', 'customerB', 'agent', 'admin'],
  'customer-read': ['customerA', 'customerB', 'readKeyA'],
  customer: ['customerA', 'customerB'],
  staff: ['agent', 'admin'],
  admin: ['admin'],
  ingest: ['ingestKey'],
};

function expected(access: string, who: PrincipalName): 'allowed' | 401 | 403 {
  const allowed = ALLOWED[access];
  if (!allowed) throw new Error(`no expectation for access level ${access}`);
  if (allowed.includes(who)) return 'allowed';
  // A revoked key is a bad credential everywhere, even on public routes.
  return who === 'anonymous' || who === 'revokedKey' ? 401 : 403;
}

describe('the OpenAPI document', () => {
  it('declares a known access level on every operation', () => {
    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) {
      expect(ACCESS_LEVELS, `${operation.method} ${operation.path}`).toContain(operation.access);
      expect(Object.keys(ALLOWED), `${operation.method} ${operation.path}`).toContain(
        operation.access,
      );
    }
  });

  it('lists every route the API answers', () => {
    const documented = new Set(operations.map((op) => `${op.method} ${op.path}`));
    const served = docApp.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/v1/'))
      .map(
        (route) =>
          `${route.method} ${route.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`,
      )
      .filter((route) => route !== 'GET /openapi.json');
    for (const route of served) expect(documented, route).toContain(route);
  });
});

/** One app per route: each principal calls it once, so a sign-out cannot disturb another. */
async function routeApp(): Promise<TestApp> {
  const db = await tempDb();
  const clock = manualClock(Date.parse('2026-11-20T12:00:00Z'));
  const config = makeConfig({ origins: [TEST_ORIGIN], passwordHashing: TEST_PASSWORD_HASHING });
  return { app: createApp({ db, clock, config }), db, clock, config };
}

describe.each(operations)('$method $path ($access)', ({ method, path, access, hasBody }) => {
  let t: TestApp;
  let principals: Principals;
  beforeAll(async () => {
    t = await routeApp();
    principals = await createPrincipals(t);
  });
  afterAll(() => t.db.dispose());

  it.each(PRINCIPAL_NAMES)('answers %s as the access level says', async (who) => {
    const want = expected(access, who);
    const response = await t.app.request(concretePath(path), {
      method,
      headers: {
        ...principals.headers[who],
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      ...(hasBody ? { body: '{}' } : {}),
    });
    if (want === 'allowed') {
      expect(response.status, await response.clone().text()).not.toBe(401);
      expect(response.status).not.toBe(403);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status, await response.clone().text()).toBe(want);
      const body = await response.json();
      expect(body.error.code).toBe(want === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});
