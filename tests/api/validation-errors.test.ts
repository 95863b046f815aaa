import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { TEST_ORIGIN, TEST_PASSWORD_HASHING, type TestApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import {
  concretePath,
  createPrincipals,
  operationsOf,
  type PrincipalName,
  type Principals,
} from '../helpers/principals.ts';

// Every query and path parameter of every operation, from the OpenAPI document: a route
// added later is covered without touching this file.
const docDb = await tempDb();
const docApp = createApp({ db: docDb, clock: manualClock(0), config: makeConfig() });
const doc = await (await docApp.request('/api/v1/openapi.json')).json();
afterAll(() => docDb.dispose());

interface Parameter {
  in: string;
  name: string;
  schema?: { type?: string | string[]; enum?: unknown[]; pattern?: string };
}

/** A principal who passes each access level, so validation is what answers. */
const CALLER: Record<string, PrincipalName> = {
  public: 'anonymous',
  session: 'admin',
  'customer-read': 'customerA',
  customer: 'customerA',
  staff: 'admin',
  admin: 'admin',
  ingest: 'ingestKey',
};

/** Parameters that "maybe!" cannot satisfy: numbers, enums and patterned text. */
function refusable(parameter: Parameter): boolean {
  const schema = parameter.schema ?? {};
  const types = [schema.type ?? []].flat();
  return (
    (parameter.in === 'query' || parameter.in === 'path') &&
    (types.includes('integer') ||
      types.includes('number') ||
      schema.enum !== undefined ||
      schema.pattern !== undefined)
  );
}

const cases = operationsOf(doc).flatMap((operation) =>
  ((operation.operation.parameters ?? []) as Parameter[]).filter(refusable).map((parameter) => ({
    ...operation,
    parameter: parameter.name,
    where: parameter.in,
  })),
);

describe('a parameter that fails validation', () => {
  let t: TestApp;
  let principals: Principals;
  beforeAll(async () => {
    // One app for every case (testApp's would be disposed after the first).
    const db = await tempDb();
    const clock = manualClock(Date.parse('2026-11-20T12:00:00Z'));
    const config = makeConfig({ origins: [TEST_ORIGIN], passwordHashing: TEST_PASSWORD_HASHING });
    t = { app: createApp({ db, clock, config }), db, clock, config };
    principals = await createPrincipals(t);
  });
  afterAll(() => t.db.dispose());

  it('is found on many operations (the list is not empty by mistake)', () => {
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.some((item) => item.where === 'path')).toBe(true);
  });

  it.each(cases)(
    '$method $path: $where parameter $parameter answers 400 (404 for a path id) in the shared shape',
    async ({ method, path, access, hasBody, parameter, where }) => {
      const target =
        where === 'path'
          ? concretePath(path.replace(`{${parameter}}`, 'maybe!'))
          : `${concretePath(path)}?${parameter}=maybe!`;
      const response = await t.app.request(target, {
        method,
        headers: {
          ...principals.headers[CALLER[access] ?? 'anonymous'],
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
        },
        ...(hasBody ? { body: '{}' } : {}),
      });
      const text = await response.text();
      const body = JSON.parse(text);
      // Only the shared shape: zod's own result ({ success, error: { name, message } }) never leaks.
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.requestId).toEqual(expect.any(String));
      if (where === 'path' && parameter === 'id') {
        // A path id that is not an id names no record.
        expect(response.status, text).toBe(404);
        expect(body.error.code).toBe('NOT_FOUND');
        return;
      }
      expect(response.status, text).toBe(400);
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(parameter);
    },
  );
});
