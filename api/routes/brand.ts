import { notFound } from '../domain-errors.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  brandLogo,
  FOOTER_TEXT_MAX,
  getBrand,
  LOGO_MAX_BYTES,
  LOGO_MAX_SIDE_PX,
  PRODUCT_NAME_MAX,
  removeBrandLogo,
  setBrandLogo,
  updateBrand,
} from '../services/brand.ts';
import { setPublicCaching } from './caching.ts';
import { emailSchema } from './common.ts';

const BrandSchema = z
  .object({
    productName: z.string(),
    accent: z
      .object({
        color: z.string().openapi({ description: '`#rrggbb`, as given, for light backgrounds.' }),
        dark: z.string().openapi({
          description:
            'The shade used on dark backgrounds: the colour itself, or the nearest lighter shade reaching 4.5:1.',
        }),
        lightContrast: z.number(),
        darkContrast: z.number(),
        adjustedForDark: z.boolean(),
      })
      .nullable()
      .openapi({ description: 'Null: the built-in colours.' }),
    logo: z
      .object({
        url: z.string().openapi({ example: '/api/v1/brand/logo/3a7bd3….png' }),
        hash: z.string(),
        contentType: z.literal('image/png'),
        widthPx: z.number().int(),
        heightPx: z.number().int(),
        bytes: z.number().int(),
      })
      .nullable()
      .openapi({ description: 'Null: the built-in icon.' }),
    support: z.object({ url: z.string().nullable(), email: z.string().nullable() }),
    footerText: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .openapi('Brand');

const tags = ['Brand'];

const read = defineRoute('public', {
  method: 'get',
  path: '/brand',
  tags,
  summary: 'The brand the pages show: product name, logo, accent colour, support, footer',
  responses: { 200: jsonContent(BrandSchema, 'The brand (built-in defaults until one is saved)') },
});

const logoFile = defineRoute('public', {
  method: 'get',
  path: '/brand/logo/{file}',
  tags,
  summary: 'A logo, by the SHA-256 of its bytes (cached for a year)',
  request: {
    params: z.strictObject({
      file: z
        .string()
        .regex(/^[0-9a-f]{64}\.png$/, { message: 'must be a logo’s file name, <sha256>.png' })
        .openapi({ param: { name: 'file', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'The PNG', content: { 'image/png': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    ...errorResponses(400, 404),
  },
});

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((text) => (text === '' ? null : text))
    .nullish()
    .openapi({ description: `${what}; empty or null removes it.` });

const supportUrl = z
  .string()
  .trim()
  .max(500, { message: 'must be at most 500 characters' })
  .refine((text) => text === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(text), {
    message: 'must be a web address starting with https://',
  })
  .transform((text) => (text === '' ? null : text))
  .nullish()
  .openapi({ description: 'Where customers get help; empty or null removes it.' });

const update = defineRoute('admin', {
  method: 'patch',
  path: '/staff/brand',
  tags,
  summary: 'Change the product name, accent colour, support contact or footer text',
  description:
    'An omitted field keeps its value; null (or an empty text) restores the default. The accent colour is used as given on light backgrounds and must reach 4.5:1 against them (WCAG AA for text; 422 `ACCENT_CONTRAST` otherwise, naming a darker shade that would); on dark backgrounds the portal uses it, or the nearest lighter shade that reaches 4.5:1. The public site shows a change after its next rebuild, within a minute.',
  request: {
    body: jsonBody(
      z.strictObject({
        productName: z
          .string({ error: 'must be text' })
          .trim()
          .min(1, { message: 'must not be empty' })
          .max(PRODUCT_NAME_MAX, { message: `must be at most ${PRODUCT_NAME_MAX} characters` })
          .optional(),
        accentColor: z
          .string({ error: 'must be a colour in hex, such as #0b5cad, or null' })
          .nullish()
          .openapi({ example: '#0b5cad' }),
        supportUrl,
        supportEmail: z
          .union([z.literal(''), emailSchema])
          .transform((text) => (text === '' ? null : text))
          .nullish(),
        footerText: optionalText(FOOTER_TEXT_MAX, 'A line of text at the foot of every page'),
      }),
    ),
  },
  responses: {
    200: jsonContent(BrandSchema, 'The brand'),
    ...errorResponses(400, 413, 415, 422),
  },
});

const setLogo = defineRoute('admin', {
  method: 'put',
  path: '/staff/brand/logo',
  tags,
  summary: `Upload the logo: a PNG of at most ${LOGO_MAX_BYTES / 1024} KiB and ${LOGO_MAX_SIDE_PX} px a side`,
  description:
    'The file’s bytes in base64 (the API takes JSON only). PNG only: an SVG can carry scripts and external references, so it is refused (docs/decisions/141-brand-logo-png-only.md). Served at `/brand/logo/<sha256>.png`.',
  request: {
    body: jsonBody(
      z.strictObject({
        contentType: z.literal('image/png', { error: 'must be image/png' }),
        dataBase64: z
          .string({ error: 'must be the logo file’s bytes in base64' })
          .min(1, { error: 'must be the logo file’s bytes in base64' }),
      }),
    ),
  },
  responses: {
    200: jsonContent(BrandSchema, 'The brand with its new logo'),
    ...errorResponses(400, 413, 415),
  },
});

const deleteLogo = defineRoute('admin', {
  method: 'delete',
  path: '/staff/brand/logo',
  tags,
  summary: 'Go back to the built-in icon',
  responses: { 200: jsonContent(BrandSchema, 'The brand without a logo') },
});

export function registerBrand(api: ApiApp): void {
  api.openapi(read, async (c) => {
    setPublicCaching(c);
    return c.json(await getBrand(c.var.deps), 200);
  });
  api.openapi(logoFile, async (c) => {
    const { file } = c.req.valid('param');
    const hash = file.slice(0, 64);
    const bytes = await brandLogo(c.var.deps, hash);
    if (bytes === null) throw notFound('No such logo.');
    // The name is the content's hash: it never changes, so it may be kept for a year.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('ETag', `"${hash}"`);
    if (c.req.header('if-none-match') === `"${hash}"`) return c.body(null, 304);
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'image/png' });
  });
  api.openapi(update, async (c) =>
    c.json(await updateBrand(c.var.caller, c.req.valid('json')), 200),
  );
  api.openapi(setLogo, async (c) =>
    c.json(await setBrandLogo(c.var.caller, c.req.valid('json').dataBase64), 200),
  );
  api.openapi(deleteLogo, async (c) => c.json(await removeBrandLogo(c.var.caller), 200));
}
