import type { Database } from '../db/client.ts';
import type { ApiKeyScope, Role } from '../db/schema/index.ts';
import type { Clock } from './clock.ts';
import type { AppConfig } from './config.ts';
import type { HostResolver } from './notify/targets.ts';
import type { RunHooks } from './services/statement-runs.ts';

/** What createApp is given: everything with a side effect comes in here. */
export interface Deps {
  db: Database;
  clock: Clock;
  config: AppConfig;
  /** How webhook hosts are resolved (the system resolver when absent; tests give their own). */
  resolveHost?: HostResolver;
  /** Where a statement run may be held before it writes (tests hold one to see it running). */
  statementRunHooks?: RunHooks;
}

export interface SessionUser {
  id: number;
  email: string;
  role: Role;
  customerId: number | null;
}

/** Who is calling, decided once per request from the session cookie or the bearer key. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: SessionUser; sessionTokenHash: string }
  | {
      kind: 'key';
      key: { id: number; scopes: ApiKeyScope[]; customerId: number | null };
    };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
export type KeyPrincipal = Extract<Principal, { kind: 'key' }>;

/** A signed-in agent or admin. */
export type StaffPrincipal = UserPrincipal & { user: { role: 'agent' | 'admin' } };
/** A signed-in admin; an admin is staff too, so this fits wherever staff does. */
export type AdminPrincipal = UserPrincipal & { user: { role: 'admin' } };
/** A signed-in user of a customer, with the customer they belong to. */
export type CustomerUserPrincipal = UserPrincipal & {
  user: { role: 'customer'; customerId: number };
};
/** A key that belongs to a customer (a `read` key on /me). */
export type CustomerKeyPrincipal = KeyPrincipal & { key: { customerId: number } };

/**
 * Who each access level lets through, as a type: the route's `authorize(access)` decides it
 * once, so a service that needs staff takes a staff caller and a customer's cannot reach it.
 */
export interface PrincipalByAccess {
  public: Principal;
  session: UserPrincipal;
  'customer-read': CustomerUserPrincipal | CustomerKeyPrincipal;
  customer: CustomerUserPrincipal;
  staff: StaffPrincipal;
  admin: AdminPrincipal;
  ingest: KeyPrincipal;
}

/**
 * One request as a service sees it: its dependencies, who is calling (narrowed by the
 * route's access level) and the request id the audit trail records.
 */
export interface RequestContext<P extends Principal = Principal> {
  readonly deps: Deps;
  readonly principal: P;
  /** Absent when a script, the CLI or the seed acts rather than a request. */
  readonly requestId: string | undefined;
}

/** A caller acting on one customer's own data (/me): the customer is theirs, decided at the edge. */
export interface OwnDataContext<P extends CustomerUserPrincipal | CustomerKeyPrincipal>
  extends RequestContext<P> {
  readonly customerId: number;
}

export type StaffContext = RequestContext<StaffPrincipal>;
export type AdminContext = RequestContext<AdminPrincipal>;
export type UserContext = RequestContext<UserPrincipal>;
export type KeyContext = RequestContext<KeyPrincipal>;
export type CustomerContext = OwnDataContext<CustomerUserPrincipal>;
export type CustomerReadContext = OwnDataContext<CustomerUserPrincipal | CustomerKeyPrincipal>;

/**
 * A user acting for themselves before they have a session (accepting an invitation, completing
 * a password reset): the audit trail names them, though no session token exists yet.
 */
export function selfContext(
  deps: Deps,
  user: SessionUser,
  requestId: string | undefined,
): UserContext {
  const { id, email, role, customerId } = user;
  return {
    deps,
    principal: { kind: 'user', user: { id, email, role, customerId }, sessionTokenHash: '' },
    requestId,
  };
}

/** The context each access level hands its route. */
export interface ContextByAccess {
  public: RequestContext;
  session: UserContext;
  'customer-read': CustomerReadContext;
  customer: CustomerContext;
  staff: StaffContext;
  admin: AdminContext;
  ingest: KeyContext;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    principal: Principal;
    requestId: string;
    /** The client's address, from the socket or the trusted proxies' X-Forwarded-For. */
    clientAddress: string;
  };
}

/** What a route's handler sees after `authorize(access)`: the caller, narrowed to the level. */
export interface AuthorizedEnv<C extends RequestContext> {
  Variables: AppEnv['Variables'] & { caller: C };
}
