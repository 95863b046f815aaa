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

export interface AppEnv {
  Variables: {
    deps: Deps;
    principal: Principal;
    requestId: string;
    /** The client's address, from the socket or the trusted proxies' X-Forwarded-For. */
    clientAddress: string;
  };
}
