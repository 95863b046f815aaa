import { readFileSync } from 'node:fs';
import { etag } from 'hono/etag';
import { type ApiApp, defineRoute, errorResponses, z } from '../openapi.ts';
import { atomFeed } from '../services/feed.ts';
import { setPublicCaching } from './caching.ts';
import { slugSchema } from './common.ts';

const ASSETS = new URL('../assets/', import.meta.url);
const FEED_XSL = readFileSync(new URL('feed.xsl', ASSETS), 'utf8');
const FEED_CSS = readFileSync(new URL('feed.css', ASSETS), 'utf8');

const feedRoute = defineRoute('public', {
  method: 'get',
  path: '/feed.atom',
  tags: ['Public status'],
  summary: 'Atom 1.0 feed of incidents and published maintenance, of all or one component',
  description:
    'Feed readers get `application/atom+xml`. A browser (asking for text/html first) gets ' +
    'the same document as `application/xml`, which it shows as a page through the named ' +
    'XSLT stylesheet (`feed.xsl`); browsers show `application/atom+xml` as raw text.',
  request: {
    query: z.strictObject({
      service: slugSchema.optional().openapi({ description: 'Only this component (a slug).' }),
    }),
  },
  responses: {
    200: {
      description: 'The feed',
      content: {
        'application/atom+xml': { schema: { type: 'string' } },
        'application/xml': { schema: { type: 'string' } },
      },
    },
    ...errorResponses(400, 404),
  },
});

const xslRoute = defineRoute('public', {
  method: 'get',
  path: '/feed.xsl',
  tags: ['Public status'],
  summary: 'The XSLT stylesheet that shows the feed as a page in a browser',
  responses: {
    200: { description: 'The stylesheet', content: { 'text/xsl': { schema: { type: 'string' } } } },
  },
});

const cssRoute = defineRoute('public', {
  method: 'get',
  path: '/feed.css',
  tags: ['Public status'],
  summary: "The feed page's styles",
  responses: {
    200: { description: 'The styles', content: { 'text/css': { schema: { type: 'string' } } } },
  },
});

/** A browser's navigation asks for HTML before anything else; feed readers do not. */
function wantsPage(accept: string | undefined): boolean {
  return /^\s*text\/html\b/i.test(accept ?? '');
}

export function registerFeed(api: ApiApp): void {
  api.use('/feed.atom', etag());
  api.openapi(feedRoute, async (c) => {
    const deps = c.var.deps;
    // Links point at the public site: the first configured portal origin.
    const origin = deps.config.origins[0] ?? new URL(c.req.url).origin;
    setPublicCaching(c);
    c.header('Vary', 'Accept');
    const type = wantsPage(c.req.header('accept')) ? 'application/xml' : 'application/atom+xml';
    return c.body(await atomFeed(deps, origin, c.req.valid('query').service), 200, {
      'Content-Type': `${type}; charset=utf-8`,
    });
  });
  api.openapi(xslRoute, (c) => {
    setPublicCaching(c);
    return c.body(FEED_XSL, 200, { 'Content-Type': 'text/xsl; charset=utf-8' });
  });
  api.openapi(cssRoute, (c) => {
    setPublicCaching(c);
    return c.body(FEED_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
}
