import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The files of the browsable API reference: swagger-ui-dist's bundle and styles (from the
 * npm package, never a CDN) and our own start script and styles. Read once, kept in memory.
 */
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ownDir = new URL('../docs/', import.meta.url).pathname;

export const DOCS_ASSETS = {
  'swagger-ui.css': { path: join(swaggerDir, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': {
    path: join(swaggerDir, 'swagger-ui-bundle.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'reference.css': { path: join(ownDir, 'reference.css'), type: 'text/css; charset=utf-8' },
  'swagger-init.js': {
    path: join(ownDir, 'swagger-init.js'),
    type: 'text/javascript; charset=utf-8',
  },
} as const;

export type DocsAsset = keyof typeof DOCS_ASSETS;
export const DOCS_ASSET_NAMES = Object.keys(DOCS_ASSETS) as [DocsAsset, ...DocsAsset[]];

const cache = new Map<DocsAsset, Promise<Uint8Array>>();

export async function docsAsset(name: DocsAsset): Promise<{ body: Uint8Array; type: string }> {
  const asset = DOCS_ASSETS[name];
  let body = cache.get(name);
  if (!body) {
    body = readFile(asset.path).then((buffer) => new Uint8Array(buffer));
    // A failed read is not cached: the next request tries again.
    body.catch(() => cache.delete(name));
    cache.set(name, body);
  }
  return { body: await body, type: asset.type };
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * The reference page: no inline script or style, so its CSP can forbid both. It names the
 * portal's origin for the curl commands it shows (swagger-init.js), which must send it.
 */
export function docsPage(portalOrigin: string): string {
  const origin = portalOrigin.replace(/[&"<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="portal-origin" content="${origin}">
<title>API reference · Status and SLA-credits portal</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="stylesheet" href="docs/reference.css">
</head>
<body>
<noscript>The browsable reference needs JavaScript; the document itself is at <a href="openapi.json">openapi.json</a>.</noscript>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/swagger-init.js"></script>
</body>
</html>
`;
}

/**
 * The docs page's Content-Security-Policy: scripts, styles and fetches from this origin
 * only; images from here or data: URLs (the UI's icons); nothing inline, no framing.
 */
export const DOCS_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};
