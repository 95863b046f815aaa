import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { noneMatchHits } from '../http-cache.ts';
import type { Representation } from '../infra/status-cache.ts';

/** Public data may sit in shared caches briefly, and be served stale while revalidating. */
export function setPublicCaching<E extends AppEnv>(c: Context<E>): void {
  const { publicMaxAgeSeconds, publicStaleSeconds } = c.var.deps.config;
  c.header(
    'Cache-Control',
    `public, max-age=${publicMaxAgeSeconds}, stale-while-revalidate=${publicStaleSeconds}`,
  );
}

/** A prepared public representation, or 304 when the client already has it. */
export function serveCached<E extends AppEnv>(c: Context<E>, representation: Representation) {
  setPublicCaching(c);
  c.header('ETag', representation.etag);
  if (noneMatchHits(c.req.header('if-none-match'), representation.etag)) {
    return c.body(null, 304);
  }
  return c.body(representation.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}
