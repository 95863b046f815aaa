import type { ApiApp } from '../openapi.ts';
import { databaseReachable } from '../services/health.ts';

/** Liveness and database reachability, for load balancers. Outside /api/v1, never cached. */
export function registerHealth(app: ApiApp): void {
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    return (await databaseReachable(c.var.deps))
      ? c.json({ status: 'ok', database: 'ok' })
      : c.json({ status: 'degraded', database: 'unreachable' }, 503);
  });
}
