import type { TestApp } from './app.ts';
import { createApiKey, createUser, json, signedIn } from './factories.ts';

/** A monitor (ingest key), an agent and an admin (signed in), calling the API as each. */
export async function statusActors(t: TestApp) {
  const admin = await createUser(t, 'admin');
  const agent = await createUser(t, 'agent');
  const key = await createApiKey(t, ['ingest'], { createdByUserId: admin.id });
  const adminSession = await signedIn(t, admin.id);
  const agentSession = await signedIn(t, agent.id);
  const call =
    (headers: Record<string, string>) =>
    async (method: string, path: string, body?: unknown): Promise<Response> =>
      t.app.request(
        `/api/v1${path}`,
        body === undefined ? { method, headers } : json(method, body, headers),
      );
  return {
    admin,
    agent,
    key,
    monitor: call(key.headers),
    asAdmin: call(adminSession.headers),
    asAgent: call(agentSession.headers),
    anonymous: call({}),
  };
}

export type StatusActors = Awaited<ReturnType<typeof statusActors>>;

/** The response's JSON, after checking its status (the body is shown when it differs). */
export async function expectStatus(
  response: Response,
  status: number,
): ReturnType<Response['json']> {
  const body = response.status === 304 ? null : await response.json();
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  }
  return body;
}
