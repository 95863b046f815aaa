import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPUTED,
  describeViolations,
  type ImportEdge,
  importsOf,
  type LayerException,
  type LayerRule,
  layerViolations,
  repositorySources,
  type SourceText,
} from './helpers/imports.ts';

/**
 * The layers of docs/decisions/180: each rule names the files it binds and the imports that
 * cross it. Biome's noRestrictedImports says the same for routes and the engine while you
 * type; this test also covers services and the site, and type-only imports.
 */
const under = (folder: string) => (path: string) =>
  path === folder || path.startsWith(`${folder}/`);
const isPackage = (name: string) => (target: string) =>
  name.endsWith('/*') ? target.startsWith(name.slice(0, -1)) : target === name;
const anyOf =
  (...tests: ((target: string) => boolean)[]) =>
  (target: string) =>
    tests.some((test) => test(target));

const isDatabase = anyOf(under('db'), isPackage('drizzle-orm'), isPackage('@libsql/*'));
const isHttp = anyOf(isPackage('hono'), isPackage('@hono/*'));
const isOpenApiLayer = (target: string) =>
  target === '@hono/zod-openapi' || /^api\/openapi[^/]*$/.test(target);
/** Pure packages the engine may use: schemas and calendar arithmetic, no I/O. */
const ENGINE_PACKAGES = ['zod', 'temporal-polyfill'];
/** Code without I/O that the site may run as well as the API: the engine, and api/pure. */
const isPure = anyOf(under('api/sla'), under('api/pure'));
/** The one way the site reaches the API's code: the build renders pages through it in-process. */
const BUILD_HOOK = 'site/lib/api.ts';

const RULES: LayerRule[] = [
  {
    name: 'routes never import the database',
    why: 'routes validate, authorise and call a service; queries belong in api/services',
    appliesTo: under('api/routes'),
    typeImportsCount: true,
    forbids: (edge) => isDatabase(edge.target),
  },
  {
    name: 'services never import HTTP or the OpenAPI layer',
    why: 'services are transport-free: hono, @hono/*, api/openapi*, api/http and api/routes belong to the routes',
    appliesTo: under('api/services'),
    typeImportsCount: true,
    forbids: (edge) =>
      isHttp(edge.target) ||
      isOpenApiLayer(edge.target) ||
      under('api/routes')(edge.target) ||
      under('api/http')(edge.target),
  },
  {
    name: 'infrastructure knows no transport and no use case',
    why: 'api/infra (status cache, rate limits, idempotency, paging) sits below the services: no hono, @hono/*, api/openapi*, api/http, api/routes or api/services',
    appliesTo: under('api/infra'),
    typeImportsCount: true,
    forbids: (edge) =>
      isHttp(edge.target) ||
      isOpenApiLayer(edge.target) ||
      ['api/http', 'api/routes', 'api/services'].some((folder) => under(folder)(edge.target)),
  },
  {
    name: 'services and infrastructure throw domain errors',
    why: 'they throw the transport-free failures of api/domain-errors.ts; api/errors.ts (ApiError, statuses) is the HTTP side, and only app.ts maps one to the other (docs/decisions/187)',
    appliesTo: anyOf(under('api/services'), under('api/infra')),
    typeImportsCount: true,
    forbids: (edge) => edge.target === 'api/errors.ts',
  },
  {
    name: 'the HTTP layer never imports the database or a service',
    why: 'api/http holds what the routes share (page schemas, reference assets); queries and use cases belong in api/services',
    appliesTo: under('api/http'),
    typeImportsCount: true,
    forbids: (edge) =>
      isDatabase(edge.target) ||
      under('api/services')(edge.target) ||
      under('api/routes')(edge.target),
  },
  {
    name: 'the engine imports nothing with I/O',
    why: `api/sla is pure: only itself and ${ENGINE_PACKAGES.join(', ')}`,
    appliesTo: under('api/sla'),
    typeImportsCount: true,
    forbids: (edge) => !(under('api/sla')(edge.target) || ENGINE_PACKAGES.includes(edge.target)),
  },
  {
    name: 'pure modules import nothing with I/O',
    why: `api/pure (arithmetic the site runs too) imports only itself, the engine and ${ENGINE_PACKAGES.join(', ')}`,
    appliesTo: under('api/pure'),
    typeImportsCount: true,
    forbids: (edge) => !(isPure(edge.target) || ENGINE_PACKAGES.includes(edge.target)),
  },
  {
    name: 'the site imports no API runtime code',
    why: `types and pure code (api/sla, api/pure) only; the API's code runs in the build through ${BUILD_HOOK}`,
    appliesTo: under('site'),
    typeImportsCount: false,
    forbids: (edge) =>
      edge.target === COMPUTED
        ? edge.from !== BUILD_HOOK
        : (under('api')(edge.target) && !isPure(edge.target)) ||
          isDatabase(edge.target) ||
          isHttp(edge.target),
  },
  {
    name: 'the site takes API types from the OpenAPI document',
    why: 'response and request shapes come from site/lib/api-schema.d.ts (npm run gen:api), never from the code behind the API, so the islands see what the API sends (docs/decisions/071)',
    appliesTo: under('site'),
    typeImportsCount: true,
    // A runtime import is the previous rule's to report; this one catches the type-only ones.
    forbids: (edge) =>
      edge.typeOnly && (under('api/services')(edge.target) || under('api/routes')(edge.target)),
  },
];

/** Today's crossings, each until the change that removes it; the list may only shrink. */
const EXCEPTIONS: LayerException[] = [];

const ROOT = resolve(import.meta.dirname, '..');

describe('the layers', () => {
  const sources = repositorySources(ROOT);

  it('reads the imports of every layer', () => {
    for (const folder of ['api/routes', 'api/services', 'api/infra', 'api/sla', 'site']) {
      expect(sources.filter((file) => under(folder)(file.path)).length, folder).toBeGreaterThan(3);
    }
  });

  it('are not crossed', () => {
    const violations = layerViolations(sources, RULES, EXCEPTIONS);
    expect(describeViolations(violations, RULES)).toBe('');
  });

  it('list only exceptions that are still needed', () => {
    const crossings = layerViolations(sources, RULES);
    const stale = EXCEPTIONS.filter(
      (exception) =>
        !crossings.some(
          ({ rule, edge }) =>
            rule === exception.rule &&
            edge.from === exception.from &&
            edge.target === exception.target,
        ),
    );
    expect(stale).toEqual([]);
  });
});

describe('a probe import that crosses a layer', () => {
  const sources = repositorySources(ROOT);
  const withProbe = (probe: SourceText) => [...sources, probe];

  it.each([
    [
      'a route importing a nested schema module',
      {
        path: 'api/routes/probe.ts',
        text: "import { claims } from '../../db/schema/claims.ts';\n",
      },
      'routes never import the database',
    ],
    [
      'a route importing only a type from the database client',
      { path: 'api/routes/probe.ts', text: "import type { Tx } from '../../db/client.ts';\n" },
      'routes never import the database',
    ],
    [
      'a route in a sub-folder importing drizzle',
      { path: 'api/routes/staff/probe.ts', text: "export { eq } from 'drizzle-orm';\n" },
      'routes never import the database',
    ],
    [
      'a service importing a type from hono',
      { path: 'api/services/probe.ts', text: "import type { Context } from 'hono';\n" },
      'services never import HTTP or the OpenAPI layer',
    ],
    [
      'a service importing zod-openapi',
      { path: 'api/services/probe.ts', text: "import { z } from '@hono/zod-openapi';\n" },
      'services never import HTTP or the OpenAPI layer',
    ],
    [
      'a service importing the OpenAPI layer',
      { path: 'api/services/probe.ts', text: "import { z } from '../openapi.ts';\n" },
      'services never import HTTP or the OpenAPI layer',
    ],
    [
      'a service importing the page schemas of the HTTP layer',
      {
        path: 'api/services/probe.ts',
        text: "import { pageSchema } from '../http/page-schemas.ts';\n",
      },
      'services never import HTTP or the OpenAPI layer',
    ],
    [
      'infrastructure importing a service',
      {
        path: 'api/infra/probe.ts',
        text: "import { fileClaim } from '../services/claims.ts';\n",
      },
      'infrastructure knows no transport and no use case',
    ],
    [
      'infrastructure importing a type from hono',
      { path: 'api/infra/probe.ts', text: "import type { Context } from 'hono';\n" },
      'infrastructure knows no transport and no use case',
    ],
    [
      'infrastructure importing a route',
      { path: 'api/infra/cache/probe.ts', text: "export * from '../../routes/common.ts';\n" },
      'infrastructure knows no transport and no use case',
    ],
    [
      'a service throwing the HTTP layer’s error',
      { path: 'api/services/probe.ts', text: "import { ApiError } from '../errors.ts';\n" },
      'services and infrastructure throw domain errors',
    ],
    [
      'infrastructure naming an HTTP status by a type',
      {
        path: 'api/infra/probe.ts',
        text: "type Status = typeof import('../errors.ts').ERROR_STATUS;\n",
      },
      'services and infrastructure throw domain errors',
    ],
    [
      'the HTTP layer querying the database',
      { path: 'api/http/probe.ts', text: "import { eq } from 'drizzle-orm';\n" },
      'the HTTP layer never imports the database or a service',
    ],
    [
      'the HTTP layer importing a service',
      {
        path: 'api/http/probe.ts',
        text: "import type { Deps } from '../services/claims.ts';\n",
      },
      'the HTTP layer never imports the database or a service',
    ],
    [
      'the engine reading a file',
      { path: 'api/sla/probe.ts', text: "import { readFileSync } from 'node:fs';\n" },
      'the engine imports nothing with I/O',
    ],
    [
      'the engine importing a built-in without the node: prefix',
      { path: 'api/sla/response/probe.ts', text: "import net from 'net';\n" },
      'the engine imports nothing with I/O',
    ],
    [
      'the engine loading the database lazily',
      {
        path: 'api/sla/probe.ts',
        text: "export const load = () => import('../../db/client.ts');\n",
      },
      'the engine imports nothing with I/O',
    ],
    [
      'a pure module reading a file',
      { path: 'api/pure/probe.ts', text: "import { readFileSync } from 'node:fs';\n" },
      'pure modules import nothing with I/O',
    ],
    [
      'a pure module importing a service',
      {
        path: 'api/pure/probe.ts',
        text: "import { logoUrl } from '../services/brand.ts';\n",
      },
      'pure modules import nothing with I/O',
    ],
    [
      'an island importing a service',
      {
        path: 'site/islands/Probe.tsx',
        text: "import { type Page, toPage } from '../../api/infra/pagination.ts';\n",
      },
      'the site imports no API runtime code',
    ],
    [
      'a page frontmatter importing the database',
      {
        path: 'site/pages/probe.astro',
        text: "---\nimport { createDb } from '../../db/client.ts';\n---\n<p>probe</p>\n",
      },
      'the site imports no API runtime code',
    ],
    [
      'a page script importing the app',
      {
        path: 'site/pages/probe.astro',
        text: "<p>probe</p>\n<script>\n  import { createApp } from '../../api/app.ts';\n</script>\n",
      },
      'the site imports no API runtime code',
    ],
    [
      'a site module loading code by a computed path',
      {
        path: 'site/lib/probe.ts',
        text: "const path = '../../api/app.ts';\nexport const load = () => import(path);\n",
      },
      'the site imports no API runtime code',
    ],
    [
      'an island importing a type from a service',
      {
        path: 'site/islands/account/probe.ts',
        text: "import type { ClaimDto } from '../../../api/services/claims.ts';\n",
      },
      'the site takes API types from the OpenAPI document',
    ],
    [
      'a site module re-exporting a type of a route',
      {
        path: 'site/lib/probe.ts',
        text: "export { type ClaimSchema } from '../../api/routes/claims-shapes.ts';\n",
      },
      'the site takes API types from the OpenAPI document',
    ],
    [
      'a component reading a type by a type query',
      {
        path: 'site/components/Probe.tsx',
        text: "type Status = typeof import('../../api/services/status.ts');\n",
      },
      'the site takes API types from the OpenAPI document',
    ],
  ])('fails the test: %s', (_, probe, rule) => {
    const violations = layerViolations(withProbe(probe), RULES, EXCEPTIONS);
    expect(violations.map((each) => [each.rule, each.edge.from])).toEqual([[rule, probe.path]]);
    expect(describeViolations(violations, RULES)).toContain(`${probe.path}: `);
  });

  it.each([
    [
      'the site importing generated API types and the build hook’s type',
      {
        path: 'site/islands/Probe.tsx',
        text: [
          "import type { components } from '../lib/api-client.ts';",
          "type Hook = typeof import('../../api/in-process.ts');",
          "export type { Tx } from '../../db/client.ts';",
        ].join('\n'),
      },
    ],
    [
      'the site using the pure engine',
      { path: 'site/lib/probe.ts', text: "export { ratInt } from '../../api/sla/rational.ts';\n" },
    ],
    [
      'an island using the contrast arithmetic of api/pure',
      {
        path: 'site/islands/Probe.tsx',
        text: "import { checkAccent } from '../../api/pure/brand-colour.ts';\n",
      },
    ],
    [
      'a pure module using the engine',
      { path: 'api/pure/probe.ts', text: "import { ratInt } from '../sla/rational.ts';\n" },
    ],
    [
      'a route calling a service',
      {
        path: 'api/routes/probe.ts',
        text: "import { listCustomerClaims } from '../services/claims.ts';\n",
      },
    ],
    [
      'a service using infrastructure',
      {
        path: 'api/services/probe.ts',
        text: "import { toPage } from '../infra/pagination.ts';\nimport { hitLimit } from '../infra/rate-limit.ts';\n",
      },
    ],
    [
      'a service throwing a domain error',
      {
        path: 'api/services/probe.ts',
        text: "import { NotFound, unprocessable } from '../domain-errors.ts';\n",
      },
    ],
    [
      'a route using the HTTP layer and infrastructure',
      {
        path: 'api/routes/probe.ts',
        text: "import { pageSchema } from '../http/page-schemas.ts';\nimport { decodeCursor } from '../infra/keyset.ts';\n",
      },
    ],
    [
      'the engine using its own modules and zod',
      {
        path: 'api/sla/response/probe.ts',
        text: "import { z } from 'zod';\nimport { ratInt } from '../rational.ts';\n",
      },
    ],
  ])('passes: %s', (_, probe) => {
    expect(layerViolations(withProbe(probe), RULES, EXCEPTIONS)).toEqual([]);
  });
});

describe('the import reader', () => {
  const edges = (path: string, text: string) =>
    importsOf({ path, text }).map(({ target, typeOnly }: ImportEdge) => [target, typeOnly]);

  it('sees every form of import and tells type-only ones apart', () => {
    const text = [
      "import 'side-effect';",
      "import def, { type A } from './a.ts';",
      "import { type B, type C } from './b.ts';",
      "import type * as D from '@scope/pkg/sub';",
      "export * from '../c.ts';",
      "export type { E } from 'node:fs';",
      "import fs = require('fs');",
      "type F = typeof import('./f.ts');",
      "const g = await import('./g.ts');",
    ].join('\n');
    expect(edges('api/x/y.ts', text)).toEqual([
      ['side-effect', false],
      ['api/x/a.ts', false],
      ['api/x/b.ts', true],
      ['@scope/pkg', true],
      ['api/c.ts', false],
      ['node:fs', true],
      ['node:fs', false],
      ['api/x/f.ts', true],
      ['api/x/g.ts', false],
    ]);
  });

  it('reads the frontmatter and the scripts of an Astro component, not its markup', () => {
    const text = [
      '---',
      "import Card from '../components/Card.astro';",
      "import type { Props } from './props.ts';",
      '---',
      "<p>import nothing from 'markup';</p>",
      '<script>',
      "  import { enhance } from '../scripts/enhance.ts';",
      '  enhance();',
      '</script>',
    ].join('\n');
    expect(edges('site/pages/index.astro', text)).toEqual([
      ['site/components/Card.astro', false],
      ['site/pages/props.ts', true],
      ['site/scripts/enhance.ts', false],
    ]);
  });
});
