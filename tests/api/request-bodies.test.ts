import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { LOGO_BODY_LIMIT_BYTES } from '../../api/services/brand.ts';
import { TEST_ORIGIN, TEST_PASSWORD_HASHING, type TestApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import {
  concretePath,
  createPrincipals,
  operationsOf,
  type PrincipalName,
  type Principals,
} from '../helpers/principals.ts';

// Every route with a body, read from the OpenAPI document: bad bodies get the right 4xx in
// the error shape, never a 500, and nothing is written.
const docDb = await tempDb();
const docApp = createApp({ db: docDb, clock: manualClock(0), config: makeConfig() });
const doc = await (await docApp.request('/api/v1/openapi.json')).json();
afterAll(() => docDb.dispose());
const declaresJson = (operation: Record<string, unknown>) =>
  'application/json' in (operation.requestBody as { content: Record<string, unknown> }).content;
const withBody = operationsOf(doc).filter(
  (operation) => operation.hasBody && declaresJson(operation.operation),
);
// The routes that take HTML forms instead (the status page's subscribe form, one-click
// unsubscribe): they refuse other bodies alike, and never answer a bad form with a 5xx.
const withForm = operationsOf(doc).filter(
  (operation) => operation.hasBody && !declaresJson(operation.operation),
);

/** A principal the access level lets through, so validation is what answers. */
const CALLER: Record<string, PrincipalName> = {
  public: 'anonymous',
  session: 'admin',
  'customer-read': 'customerA',
  customer: 'customerA',
  staff: 'admin',
  admin: 'admin',
  ingest: 'ingestKey',
};

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(doc.components.schemas[name]);
}

/** The JSON types a schema accepts, or null when the document does not say. */
function acceptedTypes(schema: JsonSchema): Set<string> | null {
  const resolved = resolve(schema);
  if (resolved.type) {
    return new Set(Array.isArray(resolved.type) ? resolved.type : [resolved.type]);
  }
  const members = resolved.anyOf ?? resolved.oneOf;
  if (!members) return null;
  const types = new Set<string>();
  for (const member of members) {
    const memberTypes = acceptedTypes(member);
    if (!memberTypes) return null;
    for (const type of memberTypes) types.add(type);
  }
  return types;
}

const CANDIDATES: [unknown, (types: Set<string>) => boolean][] = [
  [true, (types) => types.has('boolean')],
  ['wrong type', (types) => types.has('string')],
  [12.5, (types) => types.has('number')],
  [[], (types) => types.has('array')],
  [{}, (types) => types.has('object')],
];

/** A value of a JSON type the field does not accept. */
function wrongValue(schema: JsonSchema): unknown {
  const types = acceptedTypes(schema);
  if (!types) return undefined;
  return CANDIDATES.find(([, accepts]) => !accepts(types))?.[0];
}

function bodySchema(operation: Record<string, unknown>): JsonSchema {
  const body = operation.requestBody as { content: Record<string, { schema: JsonSchema }> };
  const json = body.content['application/json'];
  if (!json) throw new Error('a request body that is not JSON');
  return resolve(json.schema);
}

async function routeApp(): Promise<TestApp> {
  const db = await tempDb();
  const clock = manualClock(Date.parse('2026-11-20T12:00:00Z'));
  const config = makeConfig({ origins: [TEST_ORIGIN], passwordHashing: TEST_PASSWORD_HASHING });
  return { app: createApp({ db, clock, config }), db, clock, config };
}

/** Rows per table; rate-limit counters are bookkeeping, not data, and may move. */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = await t.db.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name != 'rate_limits'",
  );
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    const result = await t.db.client.execute(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(result.rows[0]?.n);
  }
  return counts;
}

describe.each(withBody)('$method $path', ({ method, path, access, operation }) => {
  let t: TestApp;
  let principals: Principals;
  let countsBefore: Record<string, number>;
  const schema = bodySchema(operation);

  beforeAll(async () => {
    t = await routeApp();
    principals = await createPrincipals(t);
    countsBefore = await rowCounts(t);
  });
  afterAll(async () => {
    // Nothing any of these requests sent was written.
    expect(await rowCounts(t)).toEqual(countsBefore);
    t.db.dispose();
  });

  function send(body: string, contentType = 'application/json') {
    const caller = CALLER[access];
    if (!caller) throw new Error(`no caller for access level ${access}`);
    return t.app.request(concretePath(path), {
      method,
      headers: { ...principals.headers[caller], 'content-type': contentType },
      body,
    });
  }

  async function expectError(response: Response, status: number, code?: string) {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    const body = JSON.parse(text);
    expect(body.error.requestId).toMatch(/.+/);
    if (code) expect(body.error.code).toBe(code);
    return body.error as { code: string; issues?: { path: string; message: string }[] };
  }

  it('answers 400 to malformed JSON', async () => {
    await expectError(await send('{"broken": '), 400, 'MALFORMED_JSON');
  });

  it.each(schema.required ?? [])('answers 400 naming %s when it is missing', async (field) => {
    const error = await expectError(await send('{}'), 400, 'INVALID_INPUT');
    expect(error.issues?.map((issue) => issue.path.split('.')[0])).toContain(field);
  });

  it('answers 400 naming an unknown field', async () => {
    if (!schema.properties) {
      // A body that is not one object (one case or an array of them): still refused, with issues.
      const error = await expectError(await send('{"notAField": 1}'), 400, 'INVALID_INPUT');
      expect(error.issues?.length).toBeGreaterThan(0);
      return;
    }
    const error = await expectError(await send('{"notAField": 1}'), 400, 'INVALID_INPUT');
    expect(error.issues?.map((issue) => issue.path)).toContain('notAField');
  });

  it.each(Object.keys(schema.properties ?? {}))(
    'answers 400 naming %s when its type is wrong',
    async (field) => {
      const property = schema.properties?.[field];
      const value = property ? wrongValue(property) : undefined;
      if (value === undefined) throw new Error(`the document does not give ${field} a type`);
      const error = await expectError(
        await send(JSON.stringify({ [field]: value })),
        400,
        'INVALID_INPUT',
      );
      expect(error.issues?.map((issue) => issue.path.split('.')[0])).toContain(field);
    },
  );

  it('answers 413 to a body over the limit', async () => {
    const limit = ['/sla/evaluate', '/sla/evaluate-response'].includes(path)
      ? t.config.evaluateBodyLimitBytes
      : path === '/staff/brand/logo'
        ? LOGO_BODY_LIMIT_BYTES
        : path === '/ingest/windows/batch'
          ? t.config.ingestBatchBodyLimitBytes
          : t.config.bodyLimitBytes;
    const body = JSON.stringify({ padding: 'x'.repeat(limit) });
    await expectError(await send(body), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 415 to a body that is not JSON', async () => {
    await expectError(await send('{}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(
      await send('a=1', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });
});

describe.each(withForm)('$method $path (a form)', ({ method, path, access }) => {
  let t: TestApp;
  let principals: Principals;
  let countsBefore: Record<string, number>;

  beforeAll(async () => {
    t = await routeApp();
    principals = await createPrincipals(t);
    countsBefore = await rowCounts(t);
  });
  afterAll(async () => {
    expect(await rowCounts(t)).toEqual(countsBefore);
    t.db.dispose();
  });

  function send(body: string, contentType: string) {
    const caller = CALLER[access];
    if (!caller) throw new Error(`no caller for access level ${access}`);
    return t.app.request(`${concretePath(path)}?code=no-such-code`, {
      method,
      headers: { ...principals.headers[caller], 'content-type': contentType },
      body,
    });
  }

  it('answers 413 to a body over the limit', async () => {
    const response = await send(
      `a=${'x'.repeat(t.config.bodyLimitBytes)}`,
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 to a body that is neither a form nor empty', async () => {
    for (const type of ['text/plain', 'application/json']) {
      const response = await send('{}', type);
      expect(response.status, type).toBe(415);
      expect((await response.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers a form it cannot use without a 5xx and without writing anything', async () => {
    for (const body of ['a=1', 'email=not-an-address', 'services=%00']) {
      const response = await send(body, 'application/x-www-form-urlencoded');
      expect(response.status, body).toBeLessThan(500);
      expect([200, 303, 400]).toContain(response.status);
    }
  });
});
