import type { TestApp } from './app.ts';
import { createApiKey, createCustomer, createUser, signedIn } from './factories.ts';

/** Everyone who may call the API, as the headers their requests carry. */
export const PRINCIPAL_NAMES = [
  'anonymous',
  'customerA',
  'customerB',
  'agent',
  'admin',
  'ingestKey',
  'readKeyA',
  'revokedKey',
] as const;
export type PrincipalName = (typeof PRINCIPAL_NAMES)[number];

export interface Principals {
  headers: Record<PrincipalName, Record<string, string>>;
  customerA: { id: number; userId: number };
  customerB: { id: number; userId: number };
  agentId: number;
  adminId: number;
}

/** Two customers with a user each, an agent, an admin and three keys, all signed in. */
export async function createPrincipals(t: TestApp): Promise<Principals> {
  const customerA = await createCustomer(t, 'Customer A', 'Europe/Berlin');
  const customerB = await createCustomer(t, 'Customer B', 'America/New_York');
  const userA = await createUser(t, 'customer', { customerId: customerA.id });
  const userB = await createUser(t, 'customer', { customerId: customerB.id });
  const agent = await createUser(t, 'agent');
  const admin = await createUser(t, 'admin');
  const ingest = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
  const read = await createApiKey(t, ['read'], {
    customerId: customerA.id,
    createdByUserId: userA.id,
  });
  const revoked = await createApiKey(t, ['ingest'], { createdByUserId: admin.id, revoked: true });
  return {
    headers: {
      anonymous: {},
      customerA: (await signedIn(t, userA.id)).headers,
      customerB: (await signedIn(t, userB.id)).headers,
      agent: (await signedIn(t, agent.id)).headers,
      admin: (await signedIn(t, admin.id)).headers,
      ingestKey: ingest.headers,
      readKeyA: read.headers,
      revokedKey: revoked.headers,
    },
    customerA: { id: customerA.id, userId: userA.id },
    customerB: { id: customerB.id, userId: userB.id },
    agentId: agent.id,
    adminId: admin.id,
  };
}

export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. /staff/users/{id}. */
  path: string;
  access: string;
  hasBody: boolean;
  operation: Record<string, unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the OpenAPI document, with its declared access. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        access: String(operation['x-access']),
        hasBody: operation.requestBody !== undefined,
        operation,
      })),
  );
}

/** Values for path parameters: well-formed, naming nothing that exists. */
const PLACEHOLDERS: Record<string, string> = {
  id: '999999',
  slug: 'no-such-thing',
  externalId: 'no-such-window',
  period: '2026-03',
  file: 'swagger-ui.css',
};

export function concretePath(path: string): string {
  return `/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => PLACEHOLDERS[name] ?? '999999')}`;
}
