import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * The feed as an element tree, read by saxes, a conformant XML 1.0 parser: anything not
 * well-formed (a character XML forbids, an undefined entity, a tag left open, a second root,
 * a repeated attribute, an unbound namespace prefix) fails the test with the parser's message.
 */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const top = () => stack.at(-1) ?? root;
  const errors: string[] = [];
  parser.on('error', (error) => {
    errors.push(error.message);
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]),
      ),
      children: [],
      text: '',
    };
    top().children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    top().text += text;
  });
  parser.write(xml).close();
  expect(errors, 'the feed is well-formed XML').toEqual([]);
  expect(root.children, 'one root element').toHaveLength(1);
  return root.children[0] as XmlElement;
}

const child = (element: XmlElement, name: string) =>
  element.children.filter((each) => each.name === name);

/** The Atom 1.0 rules (RFC 4287 §4.1) a feed reader relies on. */
function expectValidAtom(xml: string) {
  const feed = parseXml(xml);
  expect(feed.name).toBe('feed');
  expect(feed.attributes.xmlns).toBe(ATOM);
  for (const name of ['id', 'title', 'updated']) expect(child(feed, name), name).toHaveLength(1);
  expect(child(feed, 'author').length).toBeGreaterThan(0);
  expect(child(feed, 'link').some((link) => link.attributes.rel === 'self')).toBe(true);
  expect(child(feed, 'updated')[0]?.text).toMatch(RFC3339);
  const ids = new Set<string>();
  for (const entry of child(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated']) expect(child(entry, name), name).toHaveLength(1);
    const id = child(entry, 'id')[0]?.text ?? '';
    expect(id).toMatch(/^[a-z][a-z0-9+.-]*:/);
    expect(ids.has(id)).toBe(false);
    ids.add(id);
    expect(child(entry, 'updated')[0]?.text).toMatch(RFC3339);
    expect(child(entry, 'link').some((link) => link.attributes.rel === 'alternate')).toBe(true);
    expect(child(entry, 'content').length + child(entry, 'summary').length).toBeGreaterThan(0);
  }
  return feed;
}

describe('GET /feed.atom', () => {
  it('is valid Atom 1.0 even when empty', async () => {
    const t = await testApp();
    const response = await t.app.request('/api/v1/feed.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=/);
    const feed = expectValidAtom(await response.text());
    expect(child(feed, 'entry')).toEqual([]);
  });

  it('lists incidents and published maintenance, newest change first, escaping what it must', async () => {
    const t = await testApp({ now: '2026-03-14T12:00:00Z' });
    await createService(t, 'api');
    const { asAgent } = await statusActors(t);
    await expectStatus(
      await asAgent('POST', '/staff/maintenance', {
        title: 'Draft <never shown>',
        services: ['api'],
        startsAt: '2026-03-20T01:00:00Z',
        endsAt: '2026-03-20T02:00:00Z',
      }),
      201,
    );
    t.clock.advance(MINUTE);
    const maintenance = await expectStatus(
      await asAgent('POST', '/staff/maintenance', {
        title: 'Network work',
        description: 'Brief loss of connectivity.',
        services: ['api'],
        startsAt: '2026-03-21T01:00:00Z',
        endsAt: '2026-03-21T02:00:00Z',
        publish: true,
      }),
      201,
    );
    t.clock.advance(MINUTE);
    const incident = await expectStatus(
      await asAgent('POST', '/staff/incidents', {
        title: 'Errors & "timeouts" <api>',
        services: ['api'],
        body: 'Looking into it now.',
      }),
      201,
    );
    // The API refuses control characters now (decision 117); a row stored before that rule
    // may still hold one, and the feed must stay well-formed XML.
    await t.db.client.execute({
      sql: 'UPDATE incident_updates SET body = ? WHERE incident_id = ?',
      args: ['Looking into it \u0001 now.', incident.id],
    });
    const xml = await (await t.app.request('/api/v1/feed.atom')).text();
    const feed = expectValidAtom(xml);
    const entries = child(feed, 'entry');
    expect(entries.map((entry) => child(entry, 'id')[0]?.text)).toEqual([
      `http://portal.test/incidents/${incident.id}`,
      `http://portal.test/maintenance/${maintenance.id}`,
    ]);
    expect(child(entries[0] as XmlElement, 'title')[0]?.text).toBe(
      '[Investigating] Errors & "timeouts" <api>',
    );
    expect(child(entries[0] as XmlElement, 'content')[0]?.text).toContain(
      '(posted by staff): Looking into it  now.',
    );
    expect(child(feed, 'updated')[0]?.text).toBe('2026-03-14T12:02:00.000Z');
    expect(xml).not.toContain('Draft');
  });
});

describe('the feed in a browser, and per component', () => {
  it('names its XSLT stylesheet; a browser gets it as XML it can style, with a CSP that allows that', async () => {
    const t = await testApp();
    const asReader = await t.app.request('/api/v1/feed.atom', {
      headers: { accept: 'application/atom+xml, application/xml;q=0.9' },
    });
    const asBrowser = await t.app.request('/api/v1/feed.atom', {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(asReader.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(asBrowser.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(asBrowser.headers.get('vary')).toContain('Accept');
    const xml = await asBrowser.text();
    expect(xml.split('\n')[1]).toBe('<?xml-stylesheet type="text/xsl" href="/api/v1/feed.xsl"?>');
    expect(await asReader.text()).toBe(xml);
    const csp = asBrowser.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const xsl = await t.app.request('/api/v1/feed.xsl');
    expect(xsl.headers.get('content-type')).toBe('text/xsl; charset=utf-8');
    expect(await xsl.text()).toContain('<xsl:stylesheet');
    const css = await t.app.request('/api/v1/feed.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('offers a feed per component with only its incidents and maintenance', async () => {
    const t = await testApp({ now: '2026-03-14T12:00:00Z' });
    await createService(t, 'api');
    await createService(t, 'web');
    const { asAgent } = await statusActors(t);
    for (const service of ['api', 'web']) {
      await expectStatus(
        await asAgent('POST', '/staff/incidents', {
          title: `${service} errors`,
          services: [service],
          body: 'Looking.',
        }),
        201,
      );
    }
    const xml = await (await t.app.request('/api/v1/feed.atom?service=web')).text();
    const feed = expectValidAtom(xml);
    expect(child(feed, 'entry').map((entry) => child(entry, 'title')[0]?.text)).toEqual([
      '[Investigating] web errors',
    ]);
    expect(child(feed, 'title')[0]?.text).toBe('Service status: WEB — incidents and maintenance');
    const self = child(feed, 'link').find((link) => link.attributes.rel === 'self');
    expect(self?.attributes.href).toBe('http://portal.test/api/v1/feed.atom?service=web');
    expect((await t.app.request('/api/v1/feed.atom?service=nope')).status).toBe(404);
    expect((await t.app.request('/api/v1/feed.atom?service=Not%20A%20Slug')).status).toBe(400);
  });
});

describe('end to end: a monitor reports an outage through the HTTP API', () => {
  it('shows in the status, the incident timeline, the feed and the 90-day figures', async () => {
    const t = await testApp({ now: '2026-03-14T12:00:00Z' });
    await createService(t, 'api', { monitoredSince: '2026-01-01T00:00:00Z' });
    const { monitor, asAgent, anonymous } = await statusActors(t);

    // An earlier partial outage, reported closed, weighs 0.3.
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'mon:w:0',
        service: 'api',
        state: 'partial_outage',
        start: '2026-02-10T00:00:00Z',
        end: '2026-02-10T02:00:00Z',
      }),
      201,
    );
    // The outage starts: the monitor opens a window and an incident.
    await expectStatus(
      await monitor('POST', '/ingest/windows', {
        externalId: 'mon:w:1',
        service: 'api',
        state: 'major_outage',
        start: '2026-03-14T11:30:00Z',
      }),
      201,
    );
    const opened = await expectStatus(
      await monitor('POST', '/ingest/incidents', {
        externalId: 'mon:i:1',
        title: 'API unreachable',
        impact: 'critical',
        services: ['api'],
        startedAt: '2026-03-14T11:30:00Z',
        body: 'Health checks failing from every region.',
      }),
      201,
    );
    const during = await expectStatus(await anonymous('GET', '/status'), 200);
    expect(during.overall.state).toBe('outage');
    expect(during.services[0]).toMatchObject({
      slug: 'api',
      state: 'major_outage',
      since: '2026-03-14T11:30:00.000Z',
    });
    expect(during.activeIncidents).toMatchObject([
      { id: opened.id, title: 'API unreachable', latestUpdate: { kind: 'automated' } },
    ]);

    // A person answers; later the monitor reports recovery.
    t.clock.set(Date.parse('2026-03-14T12:05:00Z'));
    await expectStatus(
      await asAgent('POST', `/staff/incidents/${opened.id}/updates`, {
        status: 'identified',
        body: 'A load balancer lost its certificate; replacing it.',
      }),
      201,
    );
    t.clock.set(Date.parse('2026-03-14T12:15:00Z'));
    await expectStatus(
      await monitor('PATCH', '/ingest/windows/mon:w:1', { end: '2026-03-14T12:10:00Z' }),
      200,
    );
    await expectStatus(
      await monitor('POST', '/ingest/incidents/mon:i:1/updates', {
        status: 'resolved',
        body: 'Health checks passing.',
      }),
      201,
    );

    const after = await expectStatus(await anonymous('GET', '/status'), 200);
    expect(after.overall.state).toBe('operational');
    expect(after.activeIncidents).toEqual([]);

    const incident = await expectStatus(await anonymous('GET', `/incidents/${opened.id}`), 200);
    expect(incident).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-03-14T12:15:00.000Z',
      timeToFirstHumanUpdateMs: 35 * MINUTE,
    });
    expect(
      incident.updates.map((update: { kind: string; status: string }) => [
        update.kind,
        update.status,
      ]),
    ).toEqual([
      ['automated', 'investigating'],
      ['human', 'identified'],
      ['automated', 'resolved'],
    ]);

    const feed = expectValidAtom(await (await anonymous('GET', '/feed.atom')).text());
    const [entry] = child(feed, 'entry');
    expect(child(entry as XmlElement, 'title')[0]?.text).toBe('[Resolved] API unreachable');
    expect(child(entry as XmlElement, 'content')[0]?.text).toContain(
      '(posted by staff): A load balancer lost its certificate; replacing it.',
    );

    const uptime = await expectStatus(await anonymous('GET', '/services/api/uptime?days=90'), 200);
    const byDate = Object.fromEntries(uptime.days.map((day: { date: string }) => [day.date, day]));
    expect(uptime.days).toHaveLength(90);
    expect(uptime.days[0]).toMatchObject({ date: '2025-12-15', noData: true });
    expect(byDate['2026-02-10']).toMatchObject({
      partialMs: 2 * 60 * MINUTE,
      downtimeMs: 36 * MINUTE,
    });
    expect(byDate['2026-03-14']).toMatchObject({
      majorMs: 40 * MINUTE,
      downtimeMs: 40 * MINUTE,
      monitoredMs: (12 * 60 + 15) * MINUTE,
      incidents: [{ id: opened.id, title: 'API unreachable', impact: 'critical' }],
    });
    // The figures agree with the windows: monitored from Jan 1st to now, 76 minutes down.
    const monitored = 72 * DAY + (12 * 60 + 15) * MINUTE;
    const down = 76 * MINUTE;
    expect(uptime.last90).toMatchObject({ monitoredMs: monitored, downtimeMs: down });
    const floored = (100_000n * BigInt(monitored - down)) / BigInt(monitored);
    expect(uptime.last90.uptimeDisplay).toBe(
      `${floored / 1000n}.${String(floored % 1000n).padStart(3, '0')}`,
    );
    expect(uptime.last90.uptimePercent).toBeCloseTo((100 * (monitored - down)) / monitored, 10);
    // The last 30 days start on Feb 13th: only the 40-minute outage.
    expect(uptime.last30).toMatchObject({
      monitoredMs: 29 * DAY + (12 * 60 + 15) * MINUTE,
      downtimeMs: 40 * MINUTE,
    });
  });
});
