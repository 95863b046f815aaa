import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { UptimeDay, UptimeSummary } from '../../api/services/rollups.ts';
import { contentSecurityPolicy, createSiteApp, precompressSite } from '../../api/site-server.ts';
import { dailyChartFigures } from '../../site/islands/account/daily-figures.ts';
import {
  dayOfMonth,
  unmeasuredTime,
  zonedDate,
  zonedDateTime,
} from '../../site/islands/shared/format.ts';
import {
  dayBreakdown,
  dayLevel,
  daySummary,
  MAJOR_DAY_DOWNTIME_MS,
  uptimeFigures,
} from '../../site/lib/days.ts';
import {
  affectedComponents,
  componentChanges,
  dayLabel,
  duration,
  monthLabel,
  rangeIn,
  shortDayLabel,
  timeText,
  utcDateTime,
  utcRange,
  zoneLabel,
} from '../../site/lib/format.ts';

const MINUTE = 60_000;

function day(fields: Partial<UptimeDay>): UptimeDay {
  return {
    date: '2026-11-20',
    noData: false,
    monitoredMs: 86_400_000,
    downtimeMs: 0,
    majorMs: 0,
    partialMs: 0,
    degradedMs: 0,
    maintenanceMs: 0,
    incidents: [],
    ...fields,
  };
}

describe('the words of the status pages', () => {
  it.each([
    [0, '0 min'],
    [20_000, 'under 1 min'],
    [45 * MINUTE, '45 min'],
    [190 * MINUTE, '3 h 10 min'],
    [120 * MINUTE, '2 h'],
    [(2 * 24 * 60 + 4 * 60) * MINUTE, '2 d 4 h'],
  ])('a duration of %d ms reads "%s"', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });

  it('prints instants in UTC, whatever the local zone', () => {
    expect(utcDateTime('2026-11-27T23:30:00-05:00')).toBe('28 Nov 2026, 04:30 UTC');
    expect(dayLabel('2026-11-27')).toBe('Fri 27 Nov 2026');
    expect(monthLabel('2026-02')).toBe('February 2026');
  });

  it('shortens a range within one day', () => {
    expect(utcRange('2026-11-30T02:00:00Z', '2026-11-30T04:00:00Z')).toBe(
      '30 Nov 2026, 02:00–04:00 UTC',
    );
    expect(utcRange('2026-11-30T22:00:00Z', '2026-12-01T02:00:00Z')).toBe(
      '30 Nov 2026, 22:00 UTC to 1 Dec 2026, 02:00 UTC',
    );
  });

  it("prints an instant in a visitor's zone, labelled with that instant's offset", () => {
    // New York's clocks went back at 06:00 UTC on 1 Nov 2026: the same hour, two offsets.
    expect(timeText('datetime', '2026-11-01T05:30:00Z', null, 'America/New_York')).toBe(
      '1 Nov 2026, 01:30 UTC\u22124',
    );
    expect(timeText('datetime', '2026-11-01T06:30:00Z', null, 'America/New_York')).toBe(
      '1 Nov 2026, 01:30 UTC\u22125',
    );
    // Half-hour offsets, midnight as 00 (never 24), the day before or after UTC's.
    expect(timeText('datetime', '2026-09-30T18:30:00Z', null, 'Asia/Kolkata')).toBe(
      '1 Oct 2026, 00:00 UTC+5:30',
    );
    expect(timeText('date', '2026-09-01T02:00:00Z', null, 'America/Los_Angeles')).toBe(
      '31 Aug 2026',
    );
    expect(timeText('time', '2026-11-30T14:05:00Z', null, 'UTC')).toBe('14:05 UTC');
    expect(zoneLabel('2026-07-01T00:00:00Z', 'Europe/London')).toBe('UTC+1');
    expect(zoneLabel('2026-12-01T00:00:00Z', 'Europe/London')).toBe('UTC+0');
  });

  it('writes September as "Sep" in every zone, like every other month in three letters', () => {
    expect(timeText('date', '2026-09-15T12:00:00Z', null, 'Europe/Berlin')).toBe('15 Sep 2026');
    expect(utcDateTime('2026-09-15T12:00:00Z')).toBe('15 Sep 2026, 12:00 UTC');
    expect(shortDayLabel('2026-09-15')).toBe('Tue 15 Sep');
    // The signed-in portal writes the agreement's local time the same way.
    expect(zonedDateTime('2026-09-30T23:30:00Z', 'America/New_York')).toBe('30 Sep 2026, 19:30');
    expect(zonedDate('2026-09-30T23:30:00Z', 'Asia/Tokyo')).toBe('1 Oct 2026');
    expect(zonedDate('2026-09-02T12:00:00Z', 'Europe/London')).toBe('2 Sep 2026');
    expect(dayOfMonth('2026-09-15')).toBe('Tue 15 Sep');
  });

  it('shortens a range only within one local day and one offset', () => {
    expect(rangeIn('2026-11-30T02:00:00Z', '2026-11-30T04:00:00Z', 'Europe/Berlin')).toBe(
      '30 Nov 2026, 03:00–05:00 UTC+1',
    );
    // 22:00–02:00 UTC is within one day in New York.
    expect(rangeIn('2026-11-30T22:00:00Z', '2026-12-01T02:00:00Z', 'America/New_York')).toBe(
      '30 Nov 2026, 17:00–21:00 UTC\u22125',
    );
    // Across the change of the clocks, each end says its own offset.
    expect(rangeIn('2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z', 'America/New_York')).toBe(
      '1 Nov 2026, 01:00 UTC\u22124 to 1 Nov 2026, 02:00 UTC\u22125',
    );
  });

  it("names an incident's components, with the status of those not operational", () => {
    const names: Record<string, string> = { api: 'Public API', web: 'Website' };
    const nameOf = (slug: string) => names[slug] ?? slug;
    const components = [
      { service: 'api', status: 'major_outage' as const },
      { service: 'web', status: 'operational' as const },
      { service: 'cdn', status: 'degraded' as const },
    ];
    expect(affectedComponents(components, nameOf)).toBe(
      'Public API (Major outage), Website, cdn (Degraded performance)',
    );
    expect(componentChanges(components, nameOf)).toBe(
      'Public API: Major outage, Website: Operational, cdn: Degraded performance',
    );
  });
});

describe('a day of the 90-day bar', () => {
  it.each<[string, Partial<UptimeDay>, string, string]>([
    ['before monitoring', { noData: true, downtimeMs: null, monitoredMs: 0 }, 'none', 'No data'],
    ['quiet', {}, 'ok', 'No downtime.'],
    ['maintenance only', { maintenanceMs: 2 * 60 * MINUTE }, 'maintenance', 'Maintenance'],
    ['degraded only', { degradedMs: 60 * MINUTE }, 'minor', 'degraded performance'],
    ['a short outage', { downtimeMs: 5 * MINUTE, majorMs: 5 * MINUTE }, 'minor', '5 min of'],
    [
      'a long outage',
      { downtimeMs: MAJOR_DAY_DOWNTIME_MS, majorMs: MAJOR_DAY_DOWNTIME_MS },
      'major',
      '30 min of downtime',
    ],
    [
      'an outage during maintenance',
      { downtimeMs: 40 * MINUTE, majorMs: 40 * MINUTE, maintenanceMs: 120 * MINUTE },
      'major',
      'Major disruption',
    ],
  ])('%s is %s', (_, fields, level, words) => {
    expect(dayLevel(day(fields))).toBe(level);
    expect(daySummary(day(fields))).toContain(words);
  });

  it('lists the states behind the figure, most severe first', () => {
    expect(
      dayBreakdown(day({ partialMs: 100 * MINUTE, majorMs: 10 * MINUTE, maintenanceMs: MINUTE })),
    ).toEqual(['Major outage: 10 min', 'Partial outage: 1 h 40 min', 'Maintenance: 1 min']);
  });
});

describe('time not measured, on the signed-in pages', () => {
  it.each([
    [15 * 86_400_000, '15 days 0 h'],
    [86_400_000 + 20 * 3_600_000, '1 day 20 h'],
    [2 * 86_400_000 + 5.5 * 3_600_000, '2 days 5 h 30 min'],
    [5.5 * 3_600_000, '5 h 30 min'],
    [45 * MINUTE, '45 min'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(unmeasuredTime(ms).replaceAll('\u00a0', ' ')).toBe(text);
  });
});

describe('the uptime figures under a bar', () => {
  const DAY = 86_400_000;
  const summary = (fields: Partial<UptimeSummary>): UptimeSummary => ({
    days: 90,
    monitoredMs: 90 * DAY,
    downtimeMs: 0,
    uptimePercent: 100,
    uptimeDisplay: '100.000',
    monitoringBegan: null,
    ...fields,
  });
  const text = (figures: { value: string; span: string }[]) =>
    `Uptime: ${figures.map((figure) => `${figure.value} ${figure.span}`).join(', ')}`;

  it('reads "over 30 days, over 90 days" for a service monitored throughout', () => {
    expect(
      text(
        uptimeFigures(
          summary({ days: 30, uptimeDisplay: '99.950' }),
          summary({ uptimeDisplay: '99.912' }),
        ),
      ),
    ).toBe('Uptime: 99.950\u00a0% over 30 days, 99.912\u00a0% over 90 days');
  });

  it('says since when, and over how many whole days, when monitoring began within the window', () => {
    const began = '2026-11-02T10:00:00.000Z';
    // 28 days and 23 hours monitored: 28 whole days, never rounded up.
    const partial = { monitoredMs: 28 * DAY + 23 * 3_600_000, monitoringBegan: began };
    expect(
      text(
        uptimeFigures(
          summary({ ...partial, days: 30, uptimeDisplay: '99.950' }),
          summary({ ...partial, uptimeDisplay: '99.950' }),
        ),
      ),
    ).toBe('Uptime: 99.950\u00a0% since monitoring began on 2 Nov 2026 (28 days)');
    expect(
      text(
        uptimeFigures(
          summary({ days: 30, uptimeDisplay: '99.990' }),
          summary({ monitoredMs: 45 * DAY, monitoringBegan: began, uptimeDisplay: '99.930' }),
        ),
      ),
    ).toBe(
      'Uptime: 99.990\u00a0% over 30 days, 99.930\u00a0% since monitoring began on 2 Nov 2026 (45 days)',
    );
  });

  it('shows "—" before a full day of monitoring, and never 100 % for a service not yet watched', () => {
    const began = '2026-11-30T10:00:00.000Z';
    const early = { monitoredMs: 12 * 60_000, uptimePercent: null, uptimeDisplay: null };
    expect(
      text(
        uptimeFigures(
          summary({ ...early, days: 30, monitoringBegan: began }),
          summary({ ...early, monitoringBegan: began }),
        ),
      ),
    ).toBe('Uptime: — (monitored for less than a day, since 30 Nov 2026, 10:00 UTC)');
    const none = { monitoredMs: 0, uptimePercent: null, uptimeDisplay: null };
    expect(
      text(
        uptimeFigures(
          summary({ ...none, days: 30, monitoringBegan: '2027-01-01T00:00:00.000Z' }),
          summary({ ...none, monitoringBegan: '2027-01-01T00:00:00.000Z' }),
        ),
      ),
    ).toBe('Uptime: — (not monitored yet)');
  });
});

describe('serving the built site', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function builtSite(pages: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'portal-site-lib-'));
    dirs.push(dir);
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), html);
    }
    return dir;
  }

  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('allows exactly the inline scripts and styles of the build, by their hashes', () => {
    const root = builtSite({
      'index.html':
        '<html><head><style>a{color:red}</style><script type="module" src="/_astro/x.js"></script></head>' +
        '<body><script>self.Astro=1</script><script type="module">go()</script></body></html>',
      'incidents/1/index.html': '<script>self.Astro=1</script><p>same loader</p>',
    });
    const csp = contentSecurityPolicy(root);
    expect(csp).toContain(
      `script-src 'self' ${[hash('self.Astro=1'), hash('go()')].sort().join(' ')};`,
    );
    expect(csp).toContain(`style-src 'self' ${hash('a{color:red}')};`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|https?:/);
  });

  it('sends the CSP of the folder being served, and switches with it', async () => {
    const first = builtSite({ 'index.html': '<script>one()</script>' });
    const second = builtSite({ 'index.html': '<script>two()</script>' });
    const site = await createSiteApp(first);
    const csp = async () =>
      (await site.app.request('/')).headers.get('content-security-policy') ?? '';
    expect(await csp()).toContain(hash('one()'));
    await site.setRoot(second);
    expect(await csp()).toContain(hash('two()'));
    expect(await csp()).not.toContain(hash('one()'));
  });

  it('writes brotli and gzip copies and serves them to browsers that accept them', async () => {
    const html = `<!doctype html><title>t</title>${'<p>status</p>'.repeat(500)}`;
    const root = builtSite({ 'index.html': html, 'small.html': '<p>tiny</p>' });
    await precompressSite(root);
    expect(brotliDecompressSync(readFileSync(join(root, 'index.html.br'))).toString()).toBe(html);
    expect(gunzipSync(readFileSync(join(root, 'index.html.gz'))).toString()).toBe(html);
    expect(existsSync(join(root, 'small.html.br'))).toBe(false);
    const site = await createSiteApp(root);
    const response = await site.app.request('/', {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const plain = await site.app.request('/');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(html);
  });
});

describe('the figures of the daily charts', () => {
  const HOUR = 3_600_000;
  const day = (eligibleMs: number, downtimeMs: number, date = '2026-10-14') => ({
    date,
    eligibleMs,
    downtimeMs,
  });

  it.each([
    // Each of these reads one thousandth low with a binary quotient (63.749 for 63.75).
    [24 * HOUR, 31_320_000, '63.750'],
    [24 * HOUR, 30_542_400, '64.650'],
    [23 * HOUR, 28_540_332, '65.531'],
    [25 * HOUR, 31_022_100, '65.531'],
    // Exactly at the target, and a hundredth of a millisecond under 100 %.
    [24 * HOUR, 43_200, '99.950'],
    [24 * HOUR, 0.01, '99.999'],
    [24 * HOUR, 0, '100.000'],
  ])('a day of %d ms with %d ms down reads %s %%', (eligibleMs, downtimeMs, text) => {
    const [figures] = dailyChartFigures([day(eligibleMs, downtimeMs)], 99.95).days;
    expect(figures?.availabilityText).toBe(text);
    expect(figures?.availability).toBe(Number(text));
  });

  it('compares each day with the target exactly, not the rounded figure', () => {
    const figures = dailyChartFigures(
      [
        day(24 * HOUR, 43_200, '2026-10-01'), // exactly 99.95: met
        day(24 * HOUR, 43_200.01, '2026-10-02'), // a hundredth of a ms more: below
        day(0, 0, '2026-10-03'), // no eligible time: not counted
      ],
      99.95,
    );
    expect(figures.days.map((item) => [item.availabilityText, item.belowTarget])).toEqual([
      ['99.950', false],
      ['99.949', true],
      [null, false],
    ]);
    expect(figures.belowCount).toBe(1);
    expect(figures.lowest?.date).toBe('2026-10-02');
    expect(figures.lowest?.label).toBe('Fri 2 Oct');
  });

  it('finds no lowest day when no day had eligible time', () => {
    const figures = dailyChartFigures([day(0, 0)], 99.9);
    expect(figures.lowest).toBeNull();
    expect(figures.days[0]?.availability).toBeNull();
  });

  it.each([
    [0, 0],
    [2_999.99, 0],
    [3_000, 0.1],
    [9_000, 0.2],
    [31_320_000, 522],
    [1_234_567.89, 20.6],
  ])('draws %d ms of downtime as a bar of %d minutes (tenths, half up)', (downtimeMs, minutes) => {
    const [figures] = dailyChartFigures([day(24 * HOUR, downtimeMs)], 99.9).days;
    expect(figures?.downtimeMinutes).toBe(minutes);
  });
});
