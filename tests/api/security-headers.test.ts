import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createCustomer, createUser, signedIn } from '../helpers/factories.ts';

/** Headers every API answer carries (OWASP REST Security Cheat Sheet, and defence in depth). */
const API_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-site',
};

/** Headers that act only on an HTML document or on retired browsers and plug-ins. */
const DOCUMENT_ONLY = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

const headersOf = (response: Response) => Object.fromEntries(response.headers);

describe('security headers of the API (docs/decisions/216)', () => {
  it('gives JSON answers, public and signed-in, the API set and none of the document-only ones', async () => {
    const t = await testApp();
    const customer = await createCustomer(t, 'Acme');
    const user = await createUser(t, 'customer', { customerId: customer.id });
    const session = await signedIn(t, user.id);
    const answers = [
      await t.app.request('/api/v1/status'),
      await t.app.request('/api/v1/services'),
      await t.app.request('/api/v1/me/agreements', { headers: session.headers }),
      // An error in the shared shape carries them too.
      await t.app.request('/api/v1/me/agreements'),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 401]);
    for (const response of answers) {
      const headers = headersOf(response);
      expect(headers).toMatchObject(API_HEADERS);
      for (const name of DOCUMENT_ONLY) expect(headers[name]).toBeUndefined();
    }
  });

  it('keeps the whole document set on the documents the API serves', async () => {
    const t = await testApp();
    for (const path of ['/api/v1/docs', '/api/v1/feed.atom']) {
      const response = await t.app.request(path, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const headers = headersOf(response);
      for (const name of DOCUMENT_ONLY) expect(headers[name], `${path} ${name}`).toBeDefined();
      expect(headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
