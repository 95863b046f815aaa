import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import {
  createApiKey,
  createCustomer,
  createService,
  createUser,
  json,
  signedIn,
} from '../helpers/factories.ts';

async function arrange() {
  const t = await testApp({ now: '2026-03-10T12:00:00Z' });
  const admin = await createUser(t, 'admin');
  const session = await signedIn(t, admin.id);
  const ingest = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
  await createService(t, 'api');
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = session.headers,
  ): Promise<Response> =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers } : json(method, body, headers),
    );
  return { t, call, ingestHeaders: ingest.headers };
}

async function errorOf(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text).error as {
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
  };
}

describe('ids in paths', () => {
  it('are canonical decimal: any other spelling of an existing id is a 404', async () => {
    const { t, call } = await arrange();
    const customer = await createCustomer(t, 'Acme');
    const id = String(customer.id);
    expect((await call('GET', `/staff/customers/${id}`)).status).toBe(200);
    for (const spelling of [
      `0000${id}`,
      `+${id}`,
      `${id}.0`,
      `${id}e0`,
      `%20${id}`,
      `${id}%20`,
      `0x${customer.id.toString(16)}`,
      '0',
      '-1',
      '9007199254740993',
      '1'.repeat(400),
    ]) {
      const error = await errorOf(await call('GET', `/staff/customers/${spelling}`), 404);
      expect(error.code, spelling).toBe('NOT_FOUND');
    }
    // The same on a write, and on a public read: nothing is changed through a second address.
    const patch = await call('PATCH', `/staff/customers/0${id}`, { name: 'Renamed' });
    expect((await errorOf(patch, 404)).code).toBe('NOT_FOUND');
    expect((await (await call('GET', `/staff/customers/${id}`)).json()).name).toBe('Acme');
    expect((await errorOf(await call('GET', '/incidents/+1', undefined, {}), 404)).code).toBe(
      'NOT_FOUND',
    );
  });

  it('in query filters are canonical too, or a 400 naming the filter', async () => {
    const { t, call } = await arrange();
    const customer = await createCustomer(t, 'Acme');
    expect((await call('GET', `/staff/agreements?customerId=${customer.id}`)).status).toBe(200);
    const error = await errorOf(
      await call('GET', `/staff/agreements?customerId=0${customer.id}`),
      400,
    );
    expect(error.issues?.map((issue) => issue.path)).toEqual(['customerId']);
  });
});

const NUL = '\u0000';
const RLO = '\u202E';

/** Single-line text that must be refused, and the words its message must use. */
const BAD_NAMES: [string, string, RegExp][] = [
  ['NUL', `Acme${NUL}Corp`, /control characters \(found U\+0000\)/],
  ['DEL', 'Acme\u007F', /control characters \(found U\+007F\)/],
  ['a C1 control', 'Acme\u0085Corp', /control characters \(found U\+0085\)/],
  ['a line break', 'Acme\nCorp', /one line.*U\+000A/],
  ['a tab', 'Acme\tCorp', /one line.*U\+0009/],
  ['right-to-left override', `Acme ${RLO}gnp.exe`, /direction of text \(found U\+202E\)/],
  ['left-to-right embedding', 'Acme\u202ACorp', /direction of text \(found U\+202A\)/],
  ['a first-strong isolate', 'Acme\u2068Corp\u2069', /direction of text \(found U\+2068\)/],
  ['a right-to-left mark', 'Acme\u200F', /direction of text \(found U\+200F\)/],
  ['a line separator', 'Acme\u2028Corp', /one line.*U\+2028/],
  ['a lone surrogate', 'Acme\uD800', /valid Unicode/],
];

/** Names other scripts need: they go through unchanged. */
const GOOD_NAMES = ['شركة المثال', 'Zoë & Søn – 東京', 'Team 👩‍💻', 'नमस्ते'];

interface NameCase {
  what: string;
  field: string;
  send: (
    call: Awaited<ReturnType<typeof arrange>>['call'],
    value: string,
    ingestHeaders: Record<string, string>,
  ) => Promise<Response>;
}

let sequence = 0;
function slug() {
  sequence += 1;
  return `s${sequence}`;
}

const NAME_CASES: NameCase[] = [
  {
    what: 'a customer name',
    field: 'name',
    send: (call, name) => call('POST', '/staff/customers', { name, timeZone: 'UTC' }),
  },
  {
    what: 'a service name',
    field: 'name',
    send: (call, name) => call('POST', '/staff/services', { slug: slug(), name }),
  },
  {
    what: 'a service group name',
    field: 'name',
    send: (call, name) => call('POST', '/staff/service-groups', { slug: slug(), name }),
  },
  {
    what: 'a user name',
    field: 'name',
    send: (call, name) =>
      call('POST', '/staff/users', {
        email: `${slug()}@example.test`,
        password: 'a long enough password 1',
        role: 'agent',
        name,
      }),
  },
  {
    what: 'a policy name',
    field: 'name',
    send: (call, name) =>
      call('POST', '/staff/policies', {
        name,
        targetPercent: 99.9,
        tiers: [{ belowPercent: 99.9, creditPercent: 10 }],
      }),
  },
  {
    what: 'an API key name',
    field: 'name',
    send: (call, name) => call('POST', '/staff/api-keys', { name, scopes: ['ingest'] }),
  },
  {
    what: 'a staff incident title',
    field: 'title',
    send: (call, title) =>
      call('POST', '/staff/incidents', { title, services: ['api'], body: 'Looking into it.' }),
  },
  {
    what: "a monitor's incident title",
    field: 'title',
    send: (call, title, ingestHeaders) =>
      call('POST', '/ingest/incidents', { externalId: slug(), title }, ingestHeaders),
  },
  {
    what: 'a maintenance title',
    field: 'title',
    send: (call, title) =>
      call('POST', '/staff/maintenance', {
        title,
        services: ['api'],
        startsAt: '2026-03-14T01:00:00Z',
        endsAt: '2026-03-14T03:00:00Z',
      }),
  },
];

describe('names and titles', () => {
  it.each(NAME_CASES)('$what refuses control and direction characters, in words', async (item) => {
    const { call, ingestHeaders } = await arrange();
    for (const [label, value, message] of BAD_NAMES) {
      const error = await errorOf(await item.send(call, value, ingestHeaders), 400);
      expect(error.code, label).toBe('INVALID_INPUT');
      expect(error.issues, label).toEqual([
        { path: item.field, message: expect.stringMatching(message) },
      ]);
    }
    for (const value of GOOD_NAMES) {
      const response = await item.send(call, value, ingestHeaders);
      expect(response.status, `${value}: ${await response.clone().text()}`).toBe(201);
      expect((await response.json())[item.field]).toBe(value);
    }
  });

  it('refuses them on a rename too, and keeps the old name', async () => {
    const { t, call } = await arrange();
    const customer = await createCustomer(t, 'Acme');
    const error = await errorOf(
      await call('PATCH', `/staff/customers/${customer.id}`, { name: `Acme${RLO}` }),
      400,
    );
    expect(error.issues?.[0]?.path).toBe('name');
    expect((await (await call('GET', `/staff/customers/${customer.id}`)).json()).name).toBe('Acme');
  });
});

describe('longer texts (descriptions, updates, reasons)', () => {
  async function incident(call: Awaited<ReturnType<typeof arrange>>['call']) {
    const response = await call('POST', '/staff/incidents', {
      title: 'Errors',
      services: ['api'],
      body: 'First line.\n\n\tIndented second paragraph.',
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: number; updates: { body: string }[] };
  }

  it('keep line breaks and tabs, and marks a mixed-direction sentence needs', async () => {
    const { call } = await arrange();
    const created = await incident(call);
    expect(created.updates[0]?.body).toBe('First line.\n\n\tIndented second paragraph.');
    const body = 'Customers in \u200Fمصر\u200F saw errors.\r\nFixed.';
    const update = await call('POST', `/staff/incidents/${created.id}/updates`, {
      status: 'resolved',
      body,
    });
    expect(update.status, await update.clone().text()).toBe(201);
    expect((await update.json()).updates.some((item: { body: string }) => item.body === body)).toBe(
      true,
    );
  });

  it('refuse NUL, other controls and direction overrides, naming the field', async () => {
    const { call } = await arrange();
    const created = await incident(call);
    for (const [body, message] of [
      [`Fixed.${NUL}`, /control characters \(found U\+0000\)/],
      ['Fixed.\u001B[31m', /control characters \(found U\+001B\)/],
      [`Fixed by ${RLO}nimda`, /direction of text \(found U\+202E\)/],
      ['Fixed \u2067here\u2069', /direction of text \(found U\+2067\)/],
    ] as const) {
      const error = await errorOf(
        await call('POST', `/staff/incidents/${created.id}/updates`, { status: 'resolved', body }),
        400,
      );
      expect(error.issues).toEqual([{ path: 'body', message: expect.stringMatching(message) }]);
    }
    const description = await errorOf(
      await call('POST', '/staff/services', { slug: 'web', name: 'Web', description: `x${NUL}` }),
      400,
    );
    expect(description.issues?.[0]?.path).toBe('description');
  });
});
