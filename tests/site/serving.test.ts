import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../api/clock.ts';
import { noneMatchHits, pathOf, preferredEncoding } from '../../api/http-cache.ts';
import { startSiteRebuilds } from '../../api/site-rebuild.ts';
import { createSiteApp, precompressSite } from '../../api/site-server.ts';
import { testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site in a fresh folder: path → content. */
function builtSite(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-serving-'));
  dirs.push(dir);
  writeBuild(dir, files);
  return dir;
}

function writeBuild(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

const page = (words: string) => `<!doctype html><title>t</title>${`<p>${words}</p>`.repeat(300)}`;
const BR = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('the built site, served from memory', () => {
  it('sends a strong ETag and answers a matching If-None-Match with 304 and no body', async () => {
    const site = await createSiteApp(
      builtSite({ 'index.html': page('up'), '_astro/a.css': 'a{}' }),
    );
    for (const path of ['/', '/_astro/a.css']) {
      const first = await site.app.request(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await site.app.request(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
      const stale = await site.app.request(path, { headers: { 'if-none-match': '"other"' } });
      expect(stale.status).toBe(200);
    }
  });

  it('negotiates the encoding, each with its own ETag, and 304s only the one the client has', async () => {
    const html = page('operational');
    const site = await createSiteApp(builtSite({ 'index.html': html }));
    const br = await site.app.request('/', { headers: BR });
    const gzip = await site.app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    const refused = await site.app.request('/', {
      headers: { 'accept-encoding': 'br;q=0, gzip;q=0' },
    });
    const plain = await site.app.request('/');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(html);
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(html);
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(await refused.text()).toBe(html);
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const response of [br, gzip, plain]) {
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
    }
    const etags = new Set([br, gzip, plain].map((response) => response.headers.get('etag')));
    expect(etags.size).toBe(3);
    // A brotli ETag offered by a client that now takes only gzip is not what it would get.
    const switched = await site.app.request('/', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': br.headers.get('etag') ?? '' },
    });
    expect(switched.status).toBe(200);
    expect(switched.headers.get('content-encoding')).toBe('gzip');
  });

  it('never serves a compressed copy on disk that does not hold the file', async () => {
    const html = page('new words');
    const root = builtSite({
      'index.html': html,
      // Left by an earlier build of the same folder.
      'index.html.gz': gzipSync(page('old words')),
    });
    const site = await createSiteApp(root);
    const gzip = await site.app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(html);
  });

  it("serves the build's own copies, but not ones its record made for an earlier file", async () => {
    const root = builtSite({ 'index.html': page('old words'), 'about/index.html': page('about') });
    await precompressSite(root);
    // A later build over the same folder that wrote the page but made no copies of it.
    writeFileSync(join(root, 'index.html'), page('new words'));
    const site = await createSiteApp(root);
    for (const [path, words] of [
      ['/', 'new words'],
      ['/about/', 'about'],
    ] as const) {
      const br = await site.app.request(path, { headers: BR });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(
        page(words),
      );
      const gzip = await site.app.request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(page(words));
    }
  });

  it("takes an earlier build's copies of unchanged files and compresses the changed ones", async () => {
    const earlier = builtSite({
      'index.html': page('old words'),
      'about/index.html': page('about'),
    });
    await precompressSite(earlier);
    // Still the page's bytes, but not what brotli 11 writes: only taking the copy puts it here.
    const earlierCopy = brotliCompressSync(page('about'), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
    });
    writeFileSync(join(earlier, 'about/index.html.br'), earlierCopy);
    const next = builtSite({ 'index.html': page('new words'), 'about/index.html': page('about') });
    await precompressSite(next, earlier);
    const site = await createSiteApp(next);
    const about = await site.app.request('/about/', { headers: BR });
    expect(Buffer.from(await about.arrayBuffer())).toEqual(earlierCopy);
    for (const encoding of ['br', 'gzip']) {
      const home = await site.app.request('/', { headers: { 'accept-encoding': encoding } });
      expect(home.headers.get('content-encoding')).toBe(encoding);
      const bytes = Buffer.from(await home.arrayBuffer());
      const decoded = encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);
      expect(decoded.toString()).toBe(page('new words'));
    }
  });

  it('writes the same record of copies for the same files, whatever order they finish in', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`p${index}/index.html`, page(`page ${index}`)]),
    );
    const [first, second] = [builtSite(files), builtSite(files)];
    await precompressSite(first);
    await precompressSite(second);
    const record = (dir: string) => readFileSync(join(dir, '.portal-copies.json'), 'utf8');
    expect(record(second)).toBe(record(first));
    expect(Object.keys(JSON.parse(record(first)))).toEqual(
      Object.keys(files)
        .map((path) => path)
        .sort(),
    );
  });

  it("serves compressed copies and the build's records only as encodings, never as files", async () => {
    const root = builtSite({ 'index.html': page('up') });
    await precompressSite(root);
    const site = await createSiteApp(root);
    for (const path of ['/index.html.br', '/index.html.gz', '/.portal-copies.json']) {
      expect((await site.app.request(path)).status).toBe(404);
    }
  });

  it('serves a page under its folder with and without the slash, and the 404 page', async () => {
    const site = await createSiteApp(
      builtSite({
        'index.html': page('home'),
        'incidents/7/index.html': page('incident seven'),
        '404.html': page('no such page'),
      }),
    );
    for (const path of ['/incidents/7/', '/incidents/7', '/incidents/7/index.html']) {
      const response = await site.app.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('incident seven');
    }
    const missing = await site.app.request('/incidents/8/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('no such page');
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
    const head = await site.app.request('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('keeps serving the bytes it loaded when the folder changes on disk', async () => {
    const root = builtSite({ 'index.html': page('loaded') });
    const site = await createSiteApp(root);
    writeFileSync(join(root, 'index.html'), page('written later'));
    expect(await (await site.app.request('/')).text()).toContain('loaded');
  });

  it('serves the new bytes with a new ETag after a rebuild swaps the build in', async () => {
    const dir = builtSite({ 'site/index.html': page('first build') });
    const siteDir = join(dir, 'site');
    const site = await createSiteApp(siteDir);
    const before = await site.app.request('/', { headers: BR });
    const etag = before.headers.get('etag') ?? '';
    let version = 'v1';
    const rebuilds = startSiteRebuilds({
      site,
      siteDir,
      build: async (outDir) => writeBuild(outDir, { 'index.html': page('second build') }),
      fingerprint: async () => version,
      clock: manualClock(Date.parse('2026-11-30T12:00:00Z')),
      log: () => undefined,
      rebuildAtStart: false,
      timings: { pollMs: 10, quietMs: 0, maxDelayMs: 0 },
    });
    try {
      version = 'v2';
      await expect
        .poll(async () => (await site.app.request('/')).text(), { timeout: 10_000 })
        .toContain('second build');
      await rebuilds.idle();
      const after = await site.app.request('/', { headers: { ...BR, 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(brotliDecompressSync(Buffer.from(await after.arrayBuffer())).toString()).toContain(
        'second build',
      );
    } finally {
      await rebuilds.stop();
    }
  });
});

describe('GET /api/v1/status from the cache', () => {
  it('sends its ETag, answers If-None-Match with 304, and compresses a large body', async () => {
    const t = await testApp();
    for (let n = 0; n < 20; n += 1) {
      await createService(t, `service-${n}`, { group: 'core' });
    }
    const plain = await t.app.request('/api/v1/status');
    const etag = plain.headers.get('etag') ?? '';
    expect(plain.status).toBe(200);
    const body = await plain.text();
    expect(JSON.parse(body).services).toHaveLength(20);
    const br = await t.app.request('/api/v1/status', { headers: BR });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('etag')).toBe(etag);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(body);
    const gzip = await t.app.request('/api/v1/status', { headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(body);
    const revalidated = await t.app.request('/api/v1/status', {
      headers: { ...BR, 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('content-security-policy')).toBe(
      plain.headers.get('content-security-policy'),
    );
    expect(revalidated.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('answers the 304 also to a request with an unknown session (checked, and anonymous)', async () => {
    const t = await testApp();
    const etag = (await t.app.request('/api/v1/status')).headers.get('etag') ?? '';
    const response = await t.app.request('/api/v1/status', {
      headers: { 'if-none-match': etag, cookie: 'portal_session=not-a-session' },
    });
    expect(response.status).toBe(304);
  });

  it('applies no body limit to a GET that claims a huge body', async () => {
    const t = await testApp({ config: { bodyLimitBytes: 1024 } });
    for (const path of ['/api/v1/status', '/api/v1/incidents', '/api/v1/maintenance']) {
      const response = await t.app.request(path, {
        headers: { 'content-length': String(10 * 1024 * 1024) },
      });
      expect(response.status, path).toBe(200);
    }
    const post = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://portal.test' },
      body: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(2048) }),
    });
    expect(post.status).toBe(413);
  });
});

describe('negotiation and validators', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
    ['gzip;q=0.5, br;q=0.0', 'gzip'],
  ])('Accept-Encoding %j sends %s', (header, encoding) => {
    expect(preferredEncoding(header)).toBe(encoding);
  });

  it.each([
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['"b", "a"', '"a"', true],
    ['*', '"a"', true],
    ['"a"', 'W/"a"', true],
    ['"b"', '"a"', false],
    [undefined, '"a"', false],
  ])('If-None-Match %j against %s: %s', (header, etag, hit) => {
    expect(noneMatchHits(header, etag)).toBe(hit);
  });

  it.each([
    ['http://h:1/', '/'],
    ['http://h/a/b?x=1#y', '/a/b'],
    ['http://h/caf%C3%A9/', '/café/'],
    ['http://h/%E0%A4%A', null],
    ['http://h', '/'],
  ])('the path of %s is %s', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});
