import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkAccent, contrastRatio } from '../../api/pure/brand-colour.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, json, signedIn } from '../helpers/factories.ts';

/** The brand's API: the public read, the admin's changes, the logo's checks and its cache. */

async function arrange() {
  const t = await testApp({ now: '2026-11-20T12:00:00Z' });
  const admin = await createUser(t, 'admin');
  const session = await signedIn(t, admin.id);
  const asAdmin = (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: session.headers }
        : json(method, body, session.headers),
    );
  const statusVersion = async () =>
    Number((await t.db.client.execute('SELECT version FROM status_version')).rows[0]?.version);
  const auditActions = async () =>
    (await t.db.client.execute('SELECT action FROM audit_log ORDER BY id')).rows.map(
      (row) => row.action,
    );
  return { t, asAdmin, statusVersion, auditActions };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of one colour (8-bit RGB), `padding` bytes of text chunk to make it larger. */
function png(widthPx: number, heightPx: number, padding = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(widthPx, 0);
  header.writeUInt32BE(heightPx, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(widthPx * 3, 0x33)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: heightPx }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(padding > 0 ? [chunk('tEXt', Buffer.alloc(padding, 0x61))] : []),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const upload = (bytes: Buffer) => ({
  contentType: 'image/png',
  dataBase64: bytes.toString('base64'),
});

describe('GET /brand', () => {
  it('gives the built-in defaults to anyone until an admin saves a brand', async () => {
    const { t } = await arrange();
    const response = await t.app.request('/api/v1/brand');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(await response.json()).toEqual({
      productName: 'Service status',
      accent: null,
      logo: null,
      support: { url: null, email: null },
      footerText: null,
      updatedAt: null,
    });
  });
});

describe('PATCH /staff/brand', () => {
  it('changes what it is given, audits it, and bumps the status version (the site rebuilds)', async () => {
    const { t, asAdmin, statusVersion, auditActions } = await arrange();
    const versionBefore = await statusVersion();
    const response = await asAdmin('PATCH', '/staff/brand', {
      productName: '  Northwind Cloud status ',
      accentColor: '#0B5CAD',
      supportUrl: 'https://help.northwind.example/status',
      supportEmail: 'Support@Northwind.example',
      footerText: 'Northwind Cloud Ltd, 1 Harbour Street, Leith',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const brand = await response.json();
    expect(brand).toMatchObject({
      productName: 'Northwind Cloud status',
      accent: { color: '#0b5cad', adjustedForDark: true },
      support: { url: 'https://help.northwind.example/status', email: 'support@northwind.example' },
      footerText: 'Northwind Cloud Ltd, 1 Harbour Street, Leith',
      updatedAt: '2026-11-20T12:00:00.000Z',
    });
    // On dark backgrounds a lighter shade that reaches AA.
    expect(brand.accent.dark).not.toBe('#0b5cad');
    expect(contrastRatio(brand.accent.dark, '#0d1117')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(brand.accent.dark, '#161b22')).toBeGreaterThanOrEqual(4.5);
    expect(await statusVersion()).toBe(versionBefore + 1);
    expect(await auditActions()).toEqual(['brand.update']);
    await expect((await t.app.request('/api/v1/brand')).json()).resolves.toEqual(brand);

    // An omitted field keeps its value; empty text removes it.
    const second = await (await asAdmin('PATCH', '/staff/brand', { footerText: '' })).json();
    expect(second).toMatchObject({ productName: 'Northwind Cloud status', footerText: null });
    // Saving the same again changes nothing: no audit entry, no rebuild.
    const version = await statusVersion();
    expect(
      (await asAdmin('PATCH', '/staff/brand', { productName: 'Northwind Cloud status' })).status,
    ).toBe(200);
    expect(await statusVersion()).toBe(version);
    expect(await auditActions()).toEqual(['brand.update', 'brand.update']);
    // null restores the default.
    const reset = await (await asAdmin('PATCH', '/staff/brand', { accentColor: null })).json();
    expect(reset.accent).toBeNull();
  });

  it('refuses an accent too light for text on the light page, naming a shade that passes', async () => {
    const { asAdmin, auditActions } = await arrange();
    const response = await asAdmin('PATCH', '/staff/brand', { accentColor: '#ff9900' });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('ACCENT_CONTRAST');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toBe('accentColor');
    expect(error.issues[0].message).toMatch(
      /^has a contrast of 2\.\d\d:1 against the light page; at least 4\.50:1 is needed \(WCAG AA\)\. #[0-9a-f]{6} would do\.$/,
    );
    const suggestion = /#[0-9a-f]{6}/.exec(error.issues[0].message)?.[0] ?? '';
    expect(checkAccent(suggestion).passes).toBe(true);
    expect(await auditActions()).toEqual([]);
    const accepted = await asAdmin('PATCH', '/staff/brand', { accentColor: suggestion });
    expect(accepted.status).toBe(200);
  });

  it.each([
    [{ accentColor: 'blue' }, 'accentColor', 'must be a colour in hex, such as #0b5cad'],
    [{ accentColor: '#12' }, 'accentColor', 'must be a colour in hex, such as #0b5cad'],
    [{ productName: '   ' }, 'productName', 'must not be empty'],
    [{ productName: 'x'.repeat(61) }, 'productName', 'must be at most 60 characters'],
    [
      { supportUrl: 'javascript:alert(1)' },
      'supportUrl',
      'must be a web address starting with https://',
    ],
    [
      { supportUrl: 'ftp://files.example' },
      'supportUrl',
      'must be a web address starting with https://',
    ],
    [{ footerText: 'x'.repeat(501) }, 'footerText', 'must be at most 500 characters'],
    [{ supportEmail: 'not an address' }, 'supportEmail', undefined],
    [{ colour: '#000000' }, 'colour', 'Unknown field "colour".'],
  ])('answers 400 to %j naming %s in words', async (body, field, message) => {
    const { asAdmin } = await arrange();
    const response = await asAdmin('PATCH', '/staff/brand', body);
    expect(response.status).toBe(400);
    const issue = (await response.json()).error.issues.find(
      (candidate: { path: string }) => candidate.path === field,
    );
    expect(issue).toBeDefined();
    if (message !== undefined) expect(issue.message).toBe(message);
  });
});

describe('the logo', () => {
  it('stores a PNG by its hash and serves it for a year with its ETag', async () => {
    const { t, asAdmin, statusVersion, auditActions } = await arrange();
    const bytes = png(64, 32);
    const version = await statusVersion();
    const response = await asAdmin('PUT', '/staff/brand/logo', upload(bytes));
    expect(response.status, await response.clone().text()).toBe(200);
    const { logo } = await response.json();
    expect(logo).toMatchObject({
      contentType: 'image/png',
      widthPx: 64,
      heightPx: 32,
      bytes: bytes.length,
    });
    expect(logo.url).toBe(`/api/v1/brand/logo/${logo.hash}.png`);
    expect(await statusVersion()).toBe(version + 1);
    expect(await auditActions()).toEqual(['brand.logo.set']);

    const served = await t.app.request(logo.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    const again = await t.app.request(logo.url, {
      headers: { 'if-none-match': served.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);

    // Back to the built-in icon; pages built before still find the old logo.
    const removed = await (await asAdmin('DELETE', '/staff/brand/logo')).json();
    expect(removed.logo).toBeNull();
    expect((await t.app.request(logo.url)).status).toBe(200);
    expect(await auditActions()).toEqual(['brand.logo.set', 'brand.logo.remove']);
  });

  it('answers 404 for an unknown logo and 400 for a name that is not one', async () => {
    const { t } = await arrange();
    expect((await t.app.request(`/api/v1/brand/logo/${'0'.repeat(64)}.png`)).status).toBe(404);
    expect((await t.app.request('/api/v1/brand/logo/logo.svg')).status).toBe(400);
  });

  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
  );

  it.each([
    ['an SVG (it could carry scripts)', upload(svg), /^must be a PNG image/],
    ['text that is not base64', { contentType: 'image/png', dataBase64: 'not base64!' }, /base64/],
    ['a PNG cut short', upload(png(10, 10).subarray(0, 60)), /cut short/],
    [
      'a PNG wider than 1024 px',
      upload(png(1025, 1)),
      /^is 1025 × 1 px; each side must be at most 1024 px$/,
    ],
    [
      'a PNG over 100 KiB',
      upload(png(8, 8, 100 * 1024)),
      /^is 101 KiB; a logo may be at most 100 KiB$/,
    ],
  ])('refuses %s, naming the file, and keeps the brand as it was', async (_, body, message) => {
    const { asAdmin, auditActions } = await arrange();
    const response = await asAdmin('PUT', '/staff/brand/logo', body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.issues[0].path).toBe('dataBase64');
    expect(error.issues[0].message).toMatch(message);
    expect(await auditActions()).toEqual([]);
  });

  it('refuses another content type, and a body far over the limit with 413', async () => {
    const { asAdmin } = await arrange();
    const typed = await asAdmin('PUT', '/staff/brand/logo', {
      contentType: 'image/svg+xml',
      dataBase64: svg.toString('base64'),
    });
    expect(typed.status).toBe(400);
    expect((await typed.json()).error.issues[0]).toEqual({
      path: 'contentType',
      message: 'must be image/png',
    });
    const huge = await asAdmin('PUT', '/staff/brand/logo', upload(png(8, 8, 200 * 1024)));
    expect(huge.status).toBe(413);
  });
});
