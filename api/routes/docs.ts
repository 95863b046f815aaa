import { DOCS_ASSET_NAMES, docsAsset, docsPage } from '../http/docs-assets.ts';
import { type ApiApp, defineRoute, errorResponses, z } from '../openapi.ts';

/** Path of the reference page under /api/v1; app.ts gives it its own CSP. */
export const DOCS_PATH = '/docs';

const page = defineRoute('public', {
  method: 'get',
  path: DOCS_PATH,
  tags: ['Reference'],
  summary: 'The browsable API reference (HTML)',
  responses: {
    200: { description: 'The reference page', content: { 'text/html': { schema: z.string() } } },
  },
});

const asset = defineRoute('public', {
  method: 'get',
  path: `${DOCS_PATH}/{file}`,
  tags: ['Reference'],
  summary: 'A script or style sheet of the reference page',
  request: {
    params: z.strictObject({
      file: z.enum(DOCS_ASSET_NAMES).openapi({ param: { name: 'file', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'The file', content: { 'text/plain': { schema: z.string() } } },
    ...errorResponses(400),
  },
});

export function registerDocs(api: ApiApp): void {
  api.openapi(page, (c) => {
    c.header('Cache-Control', 'no-cache');
    // The first public origin: the one the curl commands on the page send as Origin.
    const origin = c.var.deps.config.origins[0] ?? new URL(c.req.url).origin;
    return c.html(docsPage(origin), 200);
  });
  api.openapi(asset, async (c) => {
    const file = await docsAsset(c.req.valid('param').file);
    // The package's files change only with a new install: a short shared cache is safe.
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Type', file.type);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200);
  });
}
