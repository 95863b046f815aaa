import { eq } from 'drizzle-orm';
import { generateApiKey } from '../../api/auth/api-key-secrets.ts';
import { hashPassword } from '../../api/auth/passwords.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { randomToken, sha256 } from '../../api/auth/tokens.ts';
import {
  type ApiKeyScope,
  apiKeys,
  customers,
  type Role,
  serviceGroups,
  services,
  sessions,
  users,
} from '../../db/schema/index.ts';
import { TEST_ORIGIN, TEST_PASSWORD_HASHING, type TestApp } from './app.ts';

/** Rows written straight to the database, for arranging a test; the act goes through HTTP. */

export async function createCustomer(t: TestApp, name = 'Acme', timeZone = 'UTC') {
  const now = new Date(t.clock.now());
  return t.db.write(async (tx) =>
    tx.insert(customers).values({ name, timeZone, createdAt: now }).returning().get(),
  );
}

export async function createUser(
  t: TestApp,
  role: Role,
  options: { email?: string; password?: string; customerId?: number } = {},
) {
  const email = options.email ?? `${role}-${randomToken(6)}@example.test`.toLowerCase();
  const passwordHash = await hashPassword(
    options.password ?? 'correct horse battery staple',
    TEST_PASSWORD_HASHING,
  );
  return t.db.write(async (tx) =>
    tx
      .insert(users)
      .values({
        email,
        passwordHash,
        role,
        customerId: options.customerId ?? null,
        createdAt: new Date(t.clock.now()),
      })
      .returning()
      .get(),
  );
}

/** A session for `userId`, as the headers a browser would send on a write. */
export async function signedIn(t: TestApp, userId: number) {
  const token = randomToken();
  const now = t.clock.now();
  await t.db.write((tx) =>
    tx.insert(sessions).values({
      tokenHash: sha256(token),
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + t.config.sessionAbsoluteMs),
    }),
  );
  return {
    token,
    headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: TEST_ORIGIN },
  };
}

export async function createApiKey(
  t: TestApp,
  scopes: ApiKeyScope[],
  options: { customerId?: number; createdByUserId: number; revoked?: boolean },
) {
  const { key, prefix, keyHash } = generateApiKey();
  const now = new Date(t.clock.now());
  const row = await t.db.write((tx) =>
    tx
      .insert(apiKeys)
      .values({
        name: `test ${scopes.join('+')}`,
        prefix,
        keyHash,
        scopes,
        customerId: options.customerId ?? null,
        createdByUserId: options.createdByUserId,
        createdAt: now,
        revokedAt: options.revoked ? now : null,
      })
      .returning()
      .get(),
  );
  return { key, id: row.id, headers: { authorization: `Bearer ${key}` } };
}

export async function createService(
  t: TestApp,
  slug: string,
  options: { group?: string; monitoredSince?: string } = {},
) {
  const now = new Date(t.clock.now());
  return t.db.write(async (tx) => {
    let groupId: number | null = null;
    if (options.group) {
      const existing = await tx
        .select()
        .from(serviceGroups)
        .where(eq(serviceGroups.slug, options.group))
        .get();
      groupId =
        existing?.id ??
        (
          await tx
            .insert(serviceGroups)
            .values({ slug: options.group, name: options.group, createdAt: now })
            .returning()
            .get()
        ).id;
    }
    return tx
      .insert(services)
      .values({
        slug,
        name: slug.toUpperCase(),
        groupId,
        monitoredSince: new Date(options.monitoredSince ?? '2024-01-01T00:00:00Z'),
        createdAt: now,
      })
      .returning()
      .get();
  });
}

/** JSON request options for app.request(). */
export function json(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
