import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ACCESS_LEVELS,
  type Access,
  authorize,
  checkAccess,
  contextFor,
} from '../../api/auth/middleware.ts';
import type {
  AdminContext,
  AppEnv,
  ContextByAccess,
  CustomerContext,
  CustomerReadContext,
  Deps,
  KeyContext,
  Principal,
  RequestContext,
  StaffContext,
  UserContext,
} from '../../api/context.ts';
import { ApiError } from '../../api/errors.ts';
import { decideClaim, fileClaim } from '../../api/services/claims.ts';
import { createCustomer } from '../../api/services/staff-customers.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, json, signedIn } from '../helpers/factories.ts';

/** docs/decisions/207: one context per request, its principal narrowed by the route's level. */

const user = (role: 'customer' | 'agent' | 'admin', customerId: number | null): Principal => ({
  kind: 'user',
  user: { id: 7, email: `${role}@example.com`, role, customerId },
  sessionTokenHash: 'hash',
});
const key = (scopes: ('read' | 'ingest')[], customerId: number | null): Principal => ({
  kind: 'key',
  key: { id: 9, scopes, customerId },
});

const CALLERS = {
  anonymous: { kind: 'anonymous' },
  customer: user('customer', 3),
  customerWithoutCustomer: user('customer', null),
  agent: user('agent', null),
  admin: user('admin', null),
  readKey: key(['read'], 3),
  readKeyWithoutCustomer: key(['read'], null),
  ingestKey: key(['ingest'], null),
} satisfies Record<string, Principal>;
type CallerName = keyof typeof CALLERS;

type Outcome = 'ok' | 401 | 403;
/** The authorisation matrix of api/auth/middleware.ts, written out by hand. */
const EXPECTED: Record<Access, Record<CallerName, Outcome>> = {
  public: {
    anonymous: 'ok',
    customer: 'ok',
    customerWithoutCustomer: 'ok',
    agent: 'ok',
    admin: 'ok',
    readKey: 'ok',
    readKeyWithoutCustomer: 'ok',
    ingestKey: 'ok',
  },
  session: {
    anonymous: 401,
    customer: 'ok',
    customerWithoutCustomer: 'ok',
    agent: 'ok',
    admin: 'ok',
    readKey: 403,
    readKeyWithoutCustomer: 403,
    ingestKey: 403,
  },
  'customer-read': {
    anonymous: 401,
    customer: 'ok',
    customerWithoutCustomer: 403,
    agent: 403,
    admin: 403,
    readKey: 'ok',
    readKeyWithoutCustomer: 403,
    ingestKey: 403,
  },
  customer: {
    anonymous: 401,
    customer: 'ok',
    customerWithoutCustomer: 403,
    agent: 403,
    admin: 403,
    readKey: 403,
    readKeyWithoutCustomer: 403,
    ingestKey: 403,
  },
  staff: {
    anonymous: 401,
    customer: 403,
    customerWithoutCustomer: 403,
    agent: 'ok',
    admin: 'ok',
    readKey: 403,
    readKeyWithoutCustomer: 403,
    ingestKey: 403,
  },
  admin: {
    anonymous: 401,
    customer: 403,
    customerWithoutCustomer: 403,
    agent: 403,
    admin: 'ok',
    readKey: 403,
    readKeyWithoutCustomer: 403,
    ingestKey: 403,
  },
  ingest: {
    anonymous: 401,
    customer: 403,
    customerWithoutCustomer: 403,
    agent: 403,
    admin: 403,
    readKey: 403,
    readKeyWithoutCustomer: 403,
    ingestKey: 'ok',
  },
};

function outcomeOf(run: () => unknown): Outcome {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return error.status;
    }
    throw error;
  }
}

describe('the request context', () => {
  it('types each service by the caller its route lets through', () => {
    expectTypeOf(decideClaim).parameter(0).toEqualTypeOf<StaffContext>();
    expectTypeOf(fileClaim).parameter(0).toEqualTypeOf<CustomerContext>();
    expectTypeOf(createCustomer).parameter(0).toEqualTypeOf<AdminContext>();
    // An admin may do what staff may; a customer, a key or an unnarrowed caller may not.
    expectTypeOf<AdminContext>().toExtend<StaffContext>();
    expectTypeOf<CustomerContext>().not.toExtend<StaffContext>();
    expectTypeOf<CustomerReadContext>().not.toExtend<StaffContext>();
    expectTypeOf<KeyContext>().not.toExtend<StaffContext>();
    expectTypeOf<RequestContext>().not.toExtend<StaffContext>();
    expectTypeOf<StaffContext>().not.toExtend<AdminContext>();
    expectTypeOf<StaffContext>().not.toExtend<CustomerContext>();
    expectTypeOf<CustomerContext>().toExtend<UserContext>();
  });

  it('refuses, at compile time, a customer context where staff is needed', () => {
    const refused = (customer: CustomerContext, staff: StaffContext) => [
      // @ts-expect-error a customer's context is not a staff one: decisions are staff's
      () => decideClaim(customer, 1, { decision: 'reject', reason: 'no' }),
      // @ts-expect-error nor may staff file a claim in a customer's name
      () => fileClaim(staff, { agreementId: 1, period: '2026-10' }, { key: undefined, path: '' }),
      () => decideClaim(staff, 1, { decision: 'reject', reason: 'no' }),
    ];
    expect(refused).toBeTypeOf('function');
  });

  it('narrows as checkAccess decides, for every level and caller', async () => {
    const { db, clock, config } = await testApp();
    const deps: Deps = { db, clock, config };
    for (const access of ACCESS_LEVELS) {
      for (const [name, principal] of Object.entries(CALLERS) as [CallerName, Principal][]) {
        const expected = EXPECTED[access][name];
        expect(
          outcomeOf(() => checkAccess(principal, access)),
          `${access} ${name}`,
        ).toBe(expected);
        expect(
          outcomeOf(() => contextFor({ deps, requestId: 'r' }, principal, access)),
          `${access} ${name}`,
        ).toBe(expected);
        if (expected === 'ok') {
          const context = contextFor({ deps, requestId: 'r' }, principal, access);
          expect(context.principal).toBe(principal);
          expect(context.requestId).toBe('r');
        }
      }
    }
  });

  it('gives /me levels the customer the caller belongs to', async () => {
    const { db, clock, config } = await testApp();
    const deps: Deps = { db, clock, config };
    const base = { deps, requestId: undefined };
    expect(contextFor(base, CALLERS.customer, 'customer').customerId).toBe(3);
    expect(contextFor(base, CALLERS.customer, 'customer-read').customerId).toBe(3);
    expect(contextFor(base, CALLERS.readKey, 'customer-read').customerId).toBe(3);
    expectTypeOf(contextFor(base, CALLERS.agent, 'staff')).toEqualTypeOf<StaffContext>();
    expectTypeOf(contextFor(base, CALLERS.admin, 'admin')).toEqualTypeOf<AdminContext>();
    expectTypeOf(contextFor(base, CALLERS.ingestKey, 'ingest')).toEqualTypeOf<KeyContext>();
    expectTypeOf(
      contextFor(base, CALLERS.readKey, 'customer-read'),
    ).toEqualTypeOf<CustomerReadContext>();
  });

  it('hands the route its narrowed caller through authorize', async () => {
    const { db, clock, config } = await testApp();
    const deps: Deps = { db, clock, config };
    const app = new Hono<AppEnv>();
    app.onError((error, c) =>
      c.json({ status: error instanceof ApiError ? error.status : 500 }, 200),
    );
    app.use(async (c, next) => {
      const name = c.req.header('x-caller') as CallerName;
      c.set('deps', deps);
      c.set('principal', CALLERS[name]);
      c.set('requestId', 'req-1');
      await next();
    });
    app.get('/staff', authorize('staff'), (c) => {
      expectTypeOf(c.var.caller).toEqualTypeOf<ContextByAccess['staff']>();
      return c.json({ role: c.var.caller.principal.user.role, requestId: c.var.caller.requestId });
    });
    app.get('/customer', authorize('customer'), (c) =>
      c.json({ customerId: c.var.caller.customerId }),
    );
    const get = async (path: string, caller: CallerName) =>
      (await app.request(path, { headers: { 'x-caller': caller } })).json();
    expect(await get('/staff', 'agent')).toEqual({ role: 'agent', requestId: 'req-1' });
    expect(await get('/staff', 'admin')).toEqual({ role: 'admin', requestId: 'req-1' });
    expect(await get('/staff', 'customer')).toEqual({ status: 403 });
    expect(await get('/staff', 'anonymous')).toEqual({ status: 401 });
    expect(await get('/customer', 'customer')).toEqual({ customerId: 3 });
    expect(await get('/customer', 'readKey')).toEqual({ status: 403 });
  });

  it('lets an admin change others through the context, never their own role', async () => {
    const t = await testApp();
    const admin = await createUser(t, 'admin');
    const agent = await createUser(t, 'agent');
    const { headers } = await signedIn(t, admin.id);
    const self = await t.app.request(
      `/api/v1/staff/users/${admin.id}`,
      json('PATCH', { role: 'agent' }, headers),
    );
    expect(self.status).toBe(422);
    expect(await self.json()).toMatchObject({ error: { code: 'SELF_CHANGE' } });
    const other = await t.app.request(
      `/api/v1/staff/users/${agent.id}`,
      json('PATCH', { role: 'admin' }, headers),
    );
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ id: agent.id, role: 'admin' });
  });
});
