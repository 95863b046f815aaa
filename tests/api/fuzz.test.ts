import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { manualClock } from '../../api/clock.ts';
import { makeConfig } from '../../api/config.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { tempDb } from '../helpers/db.ts';
import { createApiKey, json, signedIn } from '../helpers/factories.ts';
import { concretePath, type Operation, operationsOf } from '../helpers/principals.ts';
import { runs } from '../helpers/runs.ts';
import { claimWorld } from '../helpers/sla-fixtures.ts';

// Issue 11's acceptance: requests generated from the OpenAPI document, with invalid inputs
// of every kind, sent to every operation as each kind of caller. None may answer 5xx, and
// every error answers in the shared error shape. Seeded: a failure names the seed and the
// request, and the same run finds it again.

const SEED = 20_261_130;

const docDb = await tempDb();
const docApp = createApp({ db: docDb, clock: manualClock(0), config: makeConfig() });
const doc = await (await docApp.request('/api/v1/openapi.json')).json();
afterAll(() => docDb.dispose());
const operations = operationsOf(doc);

// ——— The document's schemas, read as far as a plausible value needs ———

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
}

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
}

/** Date-times of one plausible body, each an hour after the last: starts come before ends. */
let nextInstantMs = Date.parse('2026-11-10T10:00:00Z');

/** A value the schema accepts, as far as the document tells: the base every mutation changes. */
function plausible(raw: JsonSchema, depth = 0): unknown {
  const schema = resolve(raw);
  if (depth > 6) return null;
  if (schema.format === 'date-time') {
    nextInstantMs += 3_600_000;
    return new Date(nextInstantMs).toISOString();
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  const member = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (member) return plausible(member, depth + 1);
  const type = Array.isArray(schema.type)
    ? (schema.type.find((each) => each !== 'null') ?? 'null')
    : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'email') return 'someone@example.com';
      return 'api';
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        plausible(schema.items ?? {}, depth + 1),
      );
    case 'object':
    case undefined: {
      if (!schema.properties) return {};
      return Object.fromEntries(
        Object.entries(schema.properties).map(([name, property]) => [
          name,
          plausible(property, depth + 1),
        ]),
      );
    }
    default:
      return null;
  }
}

function bodySchemaOf(operation: Operation): JsonSchema | undefined {
  const body = operation.operation.requestBody as
    | { content: Record<string, { schema: JsonSchema }> }
    | undefined;
  const schema = body?.content['application/json']?.schema;
  return schema ? resolve(schema) : undefined;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: JsonSchema;
}

function parametersOf(operation: Operation): Parameter[] {
  return (operation.operation.parameters as Parameter[] | undefined) ?? [];
}

// ——— What goes wrong in requests ———

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u200f\u2066x\u2069',
  '😀🏳️‍🌈',
  '\ud800',
  'x'.repeat(10_000),
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  'null',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
];
const HUGE_NUMBERS = [
  1e308,
  -1e308,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  Number.MAX_SAFE_INTEGER,
  5e-324,
  0,
  -1,
  0.5,
  123_456_789.123,
];
const FAR_DATES = [
  '0000-01-01T00:00:00+14:00',
  '0001-01-01T00:00:00Z',
  '1000-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1999-12-31T23:59:59.999-12:00',
  '2199-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-10T24:00:00Z',
  '2026-11-10T10:00:60Z',
  '2026-11-10',
  '2026-11',
  '0000-00',
  '9999-12',
];
const WRONG_TYPES: unknown[] = [true, 'text', 12.5, [], {}, null, [null], { nested: { deep: 1 } }];
const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,]',
  '{"a":1}garbage',
  'nul',
  "{'a': 1}",
  '\u0000',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '['.repeat(5_000),
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
];
const TOP_LEVEL = ['null', '[]', '123', '"text"', 'true', '[{}]'];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/jsonx',
  '',
];
const ODD_IDS = [
  '00001',
  '+1',
  '-1',
  '0',
  '1.0',
  '1e3',
  '0x10',
  '%201',
  '1%20',
  '99999999999999999999999',
  '9007199254740993',
  '%00',
  '%F0%9F%98%80',
  '%E2%80%AE1',
  'NaN',
  'null',
  '..',
  '%2e%2e',
  '1%2F2',
  'a'.repeat(300),
];

type Mutation =
  | { kind: 'none' }
  | { kind: 'missing'; pick: number }
  | { kind: 'value'; pick: number; value: unknown }
  | { kind: 'extra'; value: unknown }
  | { kind: 'nested'; pick: number; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'contentType'; type: string };

const valueArb = fc.oneof(
  fc.constantFrom(...WRONG_TYPES),
  fc.constantFrom(...HUGE_NUMBERS),
  // Instants and text fill most fields: their checks run deepest.
  { arbitrary: fc.constantFrom(...FAR_DATES), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 2 },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('missing' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), pick: fc.nat(), value: valueArb }),
  fc.record({ kind: fc.constant('value' as const), pick: fc.nat(), value: valueArb }),
  fc.record({ kind: fc.constant('extra' as const), value: valueArb }),
  fc.record({ kind: fc.constant('nested' as const), pick: fc.nat(), value: valueArb }),
  fc.record({
    kind: fc.constant('raw' as const),
    text: fc.oneof(fc.constantFrom(...MALFORMED_JSON, ...TOP_LEVEL), fc.json()),
  }),
  fc.record({ kind: fc.constant('contentType' as const), type: fc.constantFrom(...CONTENT_TYPES) }),
);

const requestArb = fc.record({
  body: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  pathValue: fc.oneof(
    fc.constant(null),
    fc.constantFrom(...ODD_IDS),
    fc.constantFrom('1', '2', '3', '2026-10.csv', '2026-10.json', 'api', 'w1'),
  ),
  query: fc.array(
    fc.record({
      declared: fc.boolean(),
      pick: fc.nat(),
      value: fc.oneof(
        fc.constantFrom(...FAR_DATES, ...ODD_STRINGS.slice(0, 12), ...ODD_IDS),
        fc.string({ maxLength: 12 }),
      ),
    }),
    { maxLength: 3 },
  ),
});

type FuzzRequest = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

/** `value` changed at the `pick`-th of the object's fields (or the first object below it). */
function setField(target: unknown, pick: number, value: unknown, nested: boolean): unknown {
  if (Array.isArray(target)) {
    return target.length === 0
      ? [value]
      : target.map((item, i) => (i === 0 ? setField(item, pick, value, nested) : item));
  }
  if (typeof target !== 'object' || target === null) return value;
  const entries = Object.entries(target);
  if (entries.length === 0) return { field: value };
  const [name, current] = entries[pick % entries.length] as [string, unknown];
  const deeper = nested && typeof current === 'object' && current !== null;
  return { ...target, [name]: deeper ? setField(current, pick >> 2, value, false) : value };
}

function bodyOf(
  schema: JsonSchema | undefined,
  mutations: readonly Mutation[],
): { text: string | undefined; type: string } {
  nextInstantMs = Date.parse('2026-11-10T10:00:00Z');
  let body: unknown = schema ? plausible(schema) : undefined;
  let type = 'application/json';
  for (const mutation of mutations) {
    switch (mutation.kind) {
      case 'none':
        break;
      case 'missing': {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) break;
        const names = schema?.required?.length ? schema.required : Object.keys(body);
        const dropped = names[mutation.pick % Math.max(1, names.length)];
        body = Object.fromEntries(Object.entries(body).filter(([name]) => name !== dropped));
        break;
      }
      case 'value':
        body = setField(body ?? {}, mutation.pick, mutation.value, false);
        break;
      case 'nested':
        body = setField(body ?? {}, mutation.pick, mutation.value, true);
        break;
      case 'extra':
        body =
          typeof body === 'object' && body !== null && !Array.isArray(body)
            ? { ...body, unexpected: mutation.value }
            : { unexpected: mutation.value };
        break;
      case 'raw':
        return { text: mutation.text, type };
      case 'contentType':
        type = mutation.type;
        break;
    }
  }
  return body === undefined && type === 'application/json'
    ? { text: undefined, type: '' }
    : { text: JSON.stringify(body ?? {}), type };
}

function urlOf(operation: Operation, request: FuzzRequest): string {
  let path = operation.path;
  if (request.pathValue !== null) {
    path = path.replace(/\{\w+\}/g, request.pathValue);
  }
  const url = new URL(concretePath(path), 'http://portal.test');
  const declared = parametersOf(operation).filter((parameter) => parameter.in === 'query');
  for (const query of request.query) {
    const name =
      query.declared && declared.length > 0
        ? (declared[query.pick % declared.length] as Parameter).name
        : 'unexpected';
    url.searchParams.append(name, query.value);
  }
  return `${url.pathname}${url.search}`;
}

// ——— The callers ———

const CALLERS = ['anonymous', 'customer', 'agent', 'admin', 'ingestKey'] as const;
type Caller = (typeof CALLERS)[number];

/** Who gets past each access level (as tests/api/authorization.test.ts checks). */
const ALLOWED: Record<string, readonly Caller[]> = {
  public: CALLERS,
  session: ['customer', 'agent', 'admin'],
  'customer-read': ['customer'],
  customer: ['customer'],
  staff: ['agent', 'admin'],
  admin: ['admin'],
  ingest: ['ingestKey'],
};
/**
 * Requests per operation, shared by the callers it lets through (at least 8 each); each
 * caller it refuses gets 2. Twenty times as many in `npm run test:long`.
 */
const PER_OPERATION = runs(30).numRuns;
const PER_REFUSED_CALLER = runs(2).numRuns;

interface World {
  t: TestApp;
  headers: Record<Caller, Record<string, string>>;
  users: { customer: number; agent: number; admin: number };
  customerId: number;
  keyId: number;
}

async function world(): Promise<World> {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const w = await claimWorld(t);
  const key = await createApiKey(t, ['ingest'], { createdByUserId: w.users.admin.id });
  // Some data for the routes to find: a closed window, an incident, a maintenance, a claim.
  const send = (path: string, body: unknown, headers: Record<string, string>) =>
    t.app.request(`/api/v1${path}`, json('POST', body, headers));
  await send(
    '/ingest/windows',
    {
      externalId: 'w1',
      service: 'api',
      state: 'major_outage',
      start: '2026-10-10T10:00:00Z',
      end: '2026-10-10T14:00:00Z',
    },
    key.headers,
  );
  await send(
    '/ingest/incidents',
    { externalId: 'i1', title: 'Down', services: ['api'] },
    key.headers,
  );
  await send(
    '/staff/maintenance',
    {
      title: 'Upgrade',
      services: ['api'],
      startsAt: '2026-11-25T01:00:00Z',
      endsAt: '2026-11-25T02:00:00Z',
    },
    w.admin.headers,
  );
  await send(
    '/me/claims',
    { agreementId: w.agreementA.id, service: 'api', period: '2026-10' },
    {
      ...w.a.headers,
      'idempotency-key': 'fuzz-claim-1',
    },
  );
  return {
    t,
    headers: {
      anonymous: {},
      customer: w.a.headers,
      agent: w.agent.headers,
      admin: w.admin.headers,
      ingestKey: key.headers,
    },
    users: { customer: w.users.a.id, agent: w.users.agent.id, admin: w.users.admin.id },
    customerId: w.customerA.id,
    keyId: key.id,
  };
}

/**
 * Undoes what fuzzed writes did to the callers themselves (signed out, deactivated, demoted,
 * revoked), so every operation meets each kind of caller as it should.
 */
async function restoreCallers(w: World): Promise<void> {
  const { client } = w.t.db;
  await client.execute({
    sql: 'UPDATE customers SET active = 1 WHERE id = ?',
    args: [w.customerId],
  });
  await client.execute({
    sql: "UPDATE users SET active = 1, role = 'customer', customer_id = ? WHERE id = ?",
    args: [w.customerId, w.users.customer],
  });
  await client.execute({
    sql: "UPDATE users SET active = 1, role = 'agent', customer_id = NULL WHERE id = ?",
    args: [w.users.agent],
  });
  await client.execute({
    sql: "UPDATE users SET active = 1, role = 'admin', customer_id = NULL WHERE id = ?",
    args: [w.users.admin],
  });
  await client.execute({
    sql: 'UPDATE api_keys SET revoked_at = NULL WHERE id = ?',
    args: [w.keyId],
  });
  for (const caller of ['customer', 'agent', 'admin'] as const) {
    const session = await signedIn(w.t, w.users[caller]);
    w.headers[caller] = session.headers;
  }
}

// ——— The run ———

interface Finding {
  caller: Caller;
  method: string;
  url: string;
  contentType: string;
  body: string | undefined;
  status: number;
  answer: string;
}

function errorShapeProblem(status: number, text: string): string | null {
  if (status < 400) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the error is not JSON';
  }
  const error = (body as { error?: Record<string, unknown> }).error;
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error' || !error) {
    return 'the error is not { error }';
  }
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z_]+$/.test(error.code)) return 'bad error.code';
  if (typeof error.message !== 'string' || error.message.length === 0) return 'bad error.message';
  if (typeof error.requestId !== 'string' || error.requestId.length === 0) return 'bad requestId';
  const extra = Object.keys(error).filter(
    (key) => !['code', 'message', 'requestId', 'issues'].includes(key),
  );
  if (extra.length > 0) return `unexpected error fields ${extra.join()}`;
  if (error.issues !== undefined) {
    const issues = error.issues as unknown[];
    const ok =
      Array.isArray(issues) &&
      issues.every(
        (issue) =>
          typeof (issue as { path?: unknown }).path === 'string' &&
          typeof (issue as { message?: unknown }).message === 'string',
      );
    if (!ok) return 'bad error.issues';
  }
  return null;
}

describe('the API under invalid input generated from its OpenAPI document', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it(`answers every one of ${operations.length} operations as ${CALLERS.length} callers without a 5xx, every error in the shared shape`, async () => {
    expect(operations.length).toBeGreaterThan(60);
    const findings: (Finding & { problem: string })[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const [index, operation] of operations.entries()) {
      await restoreCallers(w);
      const allowed = ALLOWED[operation.access] ?? [];
      const plan = CALLERS.flatMap((caller) =>
        Array.from<Caller>({
          length: allowed.includes(caller)
            ? Math.max(8, Math.ceil(PER_OPERATION / allowed.length))
            : PER_REFUSED_CALLER,
        }).fill(caller),
      );
      const requests = fc.sample(requestArb, { seed: SEED + index, numRuns: plan.length });
      const schema = bodySchemaOf(operation);
      for (const [n, request] of requests.entries()) {
        const caller = plan[n] as Caller;
        const url = urlOf(operation, request);
        const body = operation.hasBody
          ? bodyOf(schema, request.body)
          : bodyOf(undefined, request.body);
        const sentText = operation.method === 'GET' ? undefined : body.text;
        const sendBody = sentText !== undefined;
        const headers: Record<string, string> = { ...w.headers[caller] };
        if (sendBody && body.type !== '') headers['content-type'] = body.type;
        if (parametersOf(operation).some((parameter) => parameter.name === 'idempotency-key')) {
          headers['idempotency-key'] = `fuzz-${index}-${n}`;
        }
        const response = await w.t.app.request(url, {
          method: operation.method,
          headers,
          ...(sentText === undefined ? {} : { body: sentText }),
        });
        sent += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const answer = await response.text();
        const problem =
          response.status >= 500
            ? `answered ${response.status}`
            : errorShapeProblem(response.status, answer);
        if (problem !== null) {
          findings.push({
            problem,
            caller,
            method: operation.method,
            url,
            contentType: headers['content-type'] ?? '',
            body: sendBody ? body.text?.slice(0, 300) : undefined,
            status: response.status,
            answer: answer.slice(0, 300),
          });
        }
      }
    }
    expect(sent).toBeGreaterThan(2_500);
    // Most requests reach validation, and some go through it to the handlers.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(sent / 4);
    expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(sent / 20);
    expect(findings).toEqual([]);
    // Thousands of in-process requests: a few seconds alone, longer on a loaded machine.
  }, 180_000);
});
