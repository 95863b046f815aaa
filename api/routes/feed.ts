import { etag } from 'hono/etag';
import { type ApiApp, defineRoute } from '../openapi.ts';
import { atomFeed } from '../services/feed.ts';
import { setPublicCaching } from './caching.ts';

const feedRoute = defineRoute('public', {
  method: 'get',
  path: '/feed.atom',
  tags: ['Public status'],
  summary: 'Atom 1.0 feed of incidents and published maintenance',
  responses: {
    200: {
      description: 'The feed',
      content: { 'application/atom+xml': { schema: { type: 'string' } } },
    },
  },
});

export function registerFeed(api: ApiApp): void {
  api.use('/feed.atom', etag());
  api.openapi(feedRoute, async (c) => {
    const deps = c.var.deps;
    // Links point at the public site: the first configured portal origin.
    const origin = deps.config.origins[0] ?? new URL(c.req.url).origin;
    setPublicCaching(c);
    return c.body(await atomFeed(deps, origin), 200, {
      'Content-Type': 'application/atom+xml; charset=utf-8',
    });
  });
}
