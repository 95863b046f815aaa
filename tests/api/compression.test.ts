import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { preferredEncoding } from '../../api/http-cache.ts';
import { testApp } from '../helpers/app.ts';

async function get(path: string, acceptEncoding?: string) {
  const t = await testApp();
  const response = await t.app.request(
    path,
    acceptEncoding === undefined ? {} : { headers: { 'accept-encoding': acceptEncoding } },
  );
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('compressed JSON', () => {
  it('sends brotli to a client that takes it, the same document, a fraction of the size', async () => {
    const plain = await get('/api/v1/openapi.json');
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    const br = await get('/api/v1/openapi.json', 'gzip, deflate, br');
    expect(br.response.status).toBe(200);
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.response.headers.get('content-length')).toBeNull();
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 5);
  });

  it('sends gzip to a client that takes gzip but not brotli', async () => {
    const plain = await get('/api/v1/openapi.json');
    const gz = await get('/api/v1/openapi.json', 'gzip');
    expect(gz.response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    expect(gz.response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gz.response.headers.get('content-length')).toBeNull();
    const refused = await get('/api/v1/openapi.json', 'gzip;q=0.5, br;q=0');
    expect(refused.response.headers.get('content-encoding')).toBe('gzip');
    // `*` takes any coding: brotli, as the built site and the status path answer it.
    const wildcard = await get('/api/v1/openapi.json', '*');
    expect(wildcard.response.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(wildcard.bytes).toString('utf8')).toBe(
      plain.bytes.toString('utf8'),
    );
    const notGzip = await get('/api/v1/openapi.json', 'gzip;q=0, deflate');
    expect(notGzip.response.headers.get('content-encoding')).toBeNull();
    expect(notGzip.bytes.toString('utf8')).toBe(plain.bytes.toString('utf8'));
  });

  it('leaves clients that take neither alone, and answers without a body', async () => {
    const identity = await get('/api/v1/openapi.json', 'identity');
    expect(identity.response.headers.get('content-encoding')).toBeNull();
    const head = await testApp();
    const response = await head.app.request('/api/v1/openapi.json', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('reads Accept-Encoding weights', () => {
    // The one negotiation the API's JSON, the built site and the status path share.
    expect(preferredEncoding('br')).toBe('br');
    expect(preferredEncoding('gzip, BR;q=0.1')).toBe('br');
    expect(preferredEncoding('br;q=0')).toBe('identity');
    expect(preferredEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredEncoding('deflate, *;q=0.1')).toBe('br');
    expect(preferredEncoding('GZIP;q=0, br;q=0, *')).toBe('identity');
    expect(preferredEncoding('deflate')).toBe('identity');
    expect(preferredEncoding(undefined)).toBe('identity');
  });
});
