// Rule tables for sla-response.md §1–§4, each expected figure worked out by hand.
import { describe, expect, it } from 'vitest';
import type { ResponsePolicyInput, SupportRequestInput } from '../../api/sla/index.ts';
import {
  evaluateResponse,
  HOUR_MS,
  MINUTE_MS,
  officeHours,
  onlyOn,
  plus,
  type ResponseOverrides,
  request,
  responseInput,
  runResponse,
} from './response-fixtures.ts';

// Monday 2 March 2026, 10:00 UTC: every P1 request below opens here.
const T0 = '2026-03-02T10:00:00Z';

function figuresOf(req: SupportRequestInput, overrides: ResponseOverrides = {}) {
  const result = runResponse({ ...overrides, requests: [req] });
  expect(result.requests).toHaveLength(1);
  return result.requests[0];
}

describe('sla-response.md §4: the worked example', () => {
  it('gives exactly the result of the spec', () => {
    const result = evaluateResponse({
      period: '2026-03',
      asOf: '2026-04-03T00:00:00Z',
      agreement: {
        timeZone: 'Europe/Berlin',
        start: '2026-01-01T00:00:00Z',
        end: null,
        monthlyFeeMinor: 90000,
        currency: 'EUR',
        businessHours: {
          schedule: {
            mon: [['09:00', '17:00']],
            tue: [['09:00', '17:00']],
            wed: [['09:00', '17:00']],
            thu: [['09:00', '17:00']],
            fri: [['09:00', '17:00']],
            sat: [],
            sun: [],
          },
          holidays: ['2026-04-03'],
        },
      },
      policy: {
        objectives: {
          P1: { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: '24x7' },
          P2: { firstResponseMinutes: 240, calendar: 'business' },
        },
        targetPercent: 95,
        tiers: [
          { belowPercent: 95, creditPercent: 5 },
          { belowPercent: 80, creditPercent: 15 },
        ],
      },
      requests: [
        {
          id: 'T-1',
          priority: 'P1',
          openedAt: '2026-03-02T10:00:00Z',
          events: [
            { at: '2026-03-02T10:00:05Z', type: 'automated-response' },
            { at: '2026-03-02T10:41:00Z', type: 'human-response' },
            { at: '2026-03-02T12:00:00Z', type: 'resolved' },
          ],
        },
      ],
    });
    // March in Berlin: 1 March 00:00 CET = 28 Feb 23:00Z to 1 April 00:00 CEST = 31 March 22:00Z.
    // F = 41 min = 2 460 000 ms > 30 min (the auto-reply at 5 s does not count): missed.
    // R = 2 h = 7 200 000 ms ≤ 4 h: met. Lowest attainment 0 % < 80 and < 95: tiers 5 and
    // 15 apply, the larger wins: 15 % of 90 000 = 13 500. Deadline: 30 days after 31 March
    // ends, local 00:00 on 1 May (CEST) = 30 April 22:00Z.
    expect(result).toEqual({
      status: 'evaluated',
      period: { start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z' },
      final: true,
      met: false,
      creditPercent: 15,
      creditMinor: 13500,
      currency: 'EUR',
      claimDeadline: '2026-04-30T22:00:00.000Z',
      objectives: [
        {
          priority: 'P1',
          kind: 'firstResponse',
          met: 0,
          missed: 1,
          pending: 0,
          attainmentPercent: 0,
          attainmentDisplay: '0.000',
        },
        {
          priority: 'P1',
          kind: 'resolution',
          met: 1,
          missed: 0,
          pending: 0,
          attainmentPercent: 100,
          attainmentDisplay: '100.000',
        },
      ],
      requests: [
        {
          id: 'T-1',
          firstResponseMs: 2460000,
          firstResponse: 'missed',
          resolutionMs: 7200000,
          resolution: 'met',
        },
      ],
      ignored: [],
      capped: false,
      capMinor: 90000,
      asOf: '2026-04-03T00:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
  });
});

describe('§2.1 first response (P1, 24x7, target 30 min)', () => {
  it.each([
    [
      'an automated response never counts',
      [[plus(T0, 0, 5000), 'automated-response']],
      null,
      'missed',
    ],
    [
      'the first human response after an auto-reply: 41 min',
      [
        [plus(T0, 0, 5000), 'automated-response'],
        [plus(T0, 41), 'human-response'],
      ],
      41 * MINUTE_MS,
      'missed',
    ],
    ['exactly on the target is met: 30 min', [[plus(T0, 30), 'human-response']], 1_800_000, 'met'],
    ['1 ms past the target is missed', [[plus(T0, 30, 1), 'human-response']], 1_800_001, 'missed'],
    [
      'only the first human response counts: 20 min',
      [
        [plus(T0, 20), 'human-response'],
        [plus(T0, 25), 'human-response'],
      ],
      20 * MINUTE_MS,
      'met',
    ],
    [
      'a pause does not stop the first-response clock: 40 min',
      [
        [plus(T0, 5), 'paused'],
        [plus(T0, 40), 'human-response'],
        [plus(T0, 50), 'resumed'],
      ],
      40 * MINUTE_MS,
      'missed',
    ],
    [
      'resolved with no human response by asOf: missed, with no time',
      [[plus(T0, 60), 'resolved']],
      null,
      'missed',
    ],
    [
      'a human response after the resolution still is one: 90 min',
      [
        [plus(T0, 60), 'resolved'],
        [plus(T0, 90), 'human-response'],
      ],
      90 * MINUTE_MS,
      'missed',
    ],
  ] as const)('%s', (_name, events, expectedMs, expected) => {
    const figures = figuresOf(
      request(
        'R',
        'P1',
        T0,
        events.map(([at, type]) => [at, type]),
      ),
    );
    expect(figures?.firstResponseMs).toBe(expectedMs);
    expect(figures?.firstResponse).toBe(expected);
  });

  it.each([
    // Not happened by asOf: pending until the elapsed time exceeds 30 min, then missed.
    ['29 min elapsed: pending', plus(T0, 29), 'pending'],
    ['exactly 30 min elapsed does not exceed the target: pending', plus(T0, 30), 'pending'],
    ['30 min and 1 ms elapsed: missed', plus(T0, 30, 1), 'missed'],
  ])('no response yet, %s', (_name, asOf, expected) => {
    const figures = figuresOf(request('R', 'P1', T0), { asOf });
    expect(figures?.firstResponseMs).toBeNull();
    expect(figures?.firstResponse).toBe(expected);
  });

  it('a response after asOf has not happened yet', () => {
    const figures = figuresOf(request('R', 'P1', T0, [[plus(T0, 20), 'human-response']]), {
      asOf: plus(T0, 10),
    });
    expect(figures).toMatchObject({ firstResponseMs: null, firstResponse: 'pending' });
  });

  it('after a reopen without any human response the ordinary rules apply again', () => {
    // P3: 2 h first-response target, no resolution target.
    const policy = {
      objectives: {
        P3: { firstResponseMinutes: 120, calendar: '24x7' as const },
      },
    };
    const resolvedOnly = figuresOf(request('R', 'P3', T0, [[plus(T0, 60), 'resolved']]), {
      asOf: plus(T0, 80),
      policy,
    });
    // Resolved without a human answer: missed at once, although only 80 min have passed.
    expect(resolvedOnly).toMatchObject({ firstResponse: 'missed', resolution: null });
    const reopened = figuresOf(
      request('R', 'P3', T0, [
        [plus(T0, 60), 'resolved'],
        [plus(T0, 70), 'reopened'],
      ]),
      { asOf: plus(T0, 80), policy },
    );
    // Reopened: 80 min elapsed ≤ 120 min, still pending.
    expect(reopened).toMatchObject({ firstResponseMs: null, firstResponse: 'pending' });
  });
});

describe('§2.2 resolution (P1, 24x7, target 240 min)', () => {
  it.each([
    ['resolved after 2 h', [[plus(T0, 120), 'resolved']], 2 * HOUR_MS, 'met'],
    ['exactly on the target: 240 min', [[plus(T0, 240), 'resolved']], 4 * HOUR_MS, 'met'],
    ['1 ms late', [[plus(T0, 240, 1), 'resolved']], 4 * HOUR_MS + 1, 'missed'],
    [
      // 0–60 counts, 60–180 between resolved and reopened counts too, 180–240 counts.
      'a reopen: the time between resolved and reopened counts (240 min)',
      [
        [plus(T0, 60), 'resolved'],
        [plus(T0, 180), 'reopened'],
        [plus(T0, 240), 'resolved'],
      ],
      4 * HOUR_MS,
      'met',
    ],
    [
      'two resolved in a row: the last one is final (300 min)',
      [
        [plus(T0, 60), 'resolved'],
        [plus(T0, 300), 'resolved'],
      ],
      5 * HOUR_MS,
      'missed',
    ],
    [
      // Paused 60–120 and 90–120 overlap: 60 min paused once; 300 − 60 = 240.
      'overlapping paused stretches count once (240 min)',
      [
        [plus(T0, 60), 'paused'],
        [plus(T0, 90), 'paused'],
        [plus(T0, 120), 'resumed'],
        [plus(T0, 300), 'resolved'],
      ],
      4 * HOUR_MS,
      'met',
    ],
    [
      'a pause ends at the resolution (60 min)',
      [
        [plus(T0, 60), 'paused'],
        [plus(T0, 600), 'resolved'],
      ],
      HOUR_MS,
      'met',
    ],
    [
      'resumed without a pause changes nothing (300 min)',
      [
        [plus(T0, 30), 'resumed'],
        [plus(T0, 300), 'resolved'],
      ],
      5 * HOUR_MS,
      'missed',
    ],
    [
      // Paused 120–180 (ended by reopened): 300 − 60 = 240.
      'a pause ends at a reopen (240 min)',
      [
        [plus(T0, 60), 'resolved'],
        [plus(T0, 120), 'paused'],
        [plus(T0, 180), 'reopened'],
        [plus(T0, 300), 'resolved'],
      ],
      4 * HOUR_MS,
      'met',
    ],
    [
      'events are taken in order of `at`, whatever the list order (R 2 h, F 10 min)',
      [
        [plus(T0, 120), 'resolved'],
        [plus(T0, 10), 'human-response'],
      ],
      2 * HOUR_MS,
      'met',
    ],
    [
      'at an equal instant, list order: reopened then resolved is resolved (100 min)',
      [
        [plus(T0, 100), 'reopened'],
        [plus(T0, 100), 'resolved'],
      ],
      100 * MINUTE_MS,
      'met',
    ],
  ] as const)('%s', (_name, events, expectedMs, expected) => {
    const figures = figuresOf(
      request(
        'R',
        'P1',
        T0,
        events.map(([at, type]) => [at, type]),
      ),
    );
    expect(figures?.resolutionMs).toBe(expectedMs);
    expect(figures?.resolution).toBe(expected);
  });

  it.each([
    ['not resolved, 200 min elapsed: pending', [], plus(T0, 200), 'pending'],
    ['not resolved, 241 min elapsed: missed', [], plus(T0, 241), 'missed'],
    [
      'resolved then reopened, 300 min elapsed: missed',
      [
        [plus(T0, 60), 'resolved'],
        [plus(T0, 120), 'reopened'],
      ],
      plus(T0, 300),
      'missed',
    ],
    [
      'at an equal instant, resolved then reopened is open again',
      [
        [plus(T0, 100), 'resolved'],
        [plus(T0, 100), 'reopened'],
      ],
      plus(T0, 200),
      'pending',
    ],
    [
      // Paused from 60 min to asOf: 60 unpaused minutes, however long the wait.
      'paused until asOf: pending after 1 000 min',
      [[plus(T0, 60), 'paused']],
      plus(T0, 1000),
      'pending',
    ],
    [
      // 60 + (1080 − 900) = 240: not more than the target.
      'paused 60–900, 1 080 min elapsed: 240 unpaused, pending',
      [
        [plus(T0, 60), 'paused'],
        [plus(T0, 900), 'resumed'],
      ],
      plus(T0, 1080),
      'pending',
    ],
    [
      'paused 60–900, 1 081 min elapsed: 241 unpaused, missed',
      [
        [plus(T0, 60), 'paused'],
        [plus(T0, 900), 'resumed'],
      ],
      plus(T0, 1081),
      'missed',
    ],
    [
      'a resolution after asOf has not happened',
      [[plus(T0, 120), 'resolved']],
      plus(T0, 100),
      'pending',
    ],
  ] as const)('%s', (_name, events, asOf, expected) => {
    const figures = figuresOf(
      request(
        'R',
        'P1',
        T0,
        events.map(([at, type]) => [at, type]),
      ),
      { asOf },
    );
    expect(figures?.resolutionMs).toBeNull();
    expect(figures?.resolution).toBe(expected);
  });

  it('without a resolution target, R is still reported and the outcome is null', () => {
    const figures = figuresOf(
      request('R', 'P2', '2026-03-02T09:00:00Z', [
        ['2026-03-02T09:30:00Z', 'human-response'],
        ['2026-03-02T12:00:00Z', 'resolved'],
      ]),
    );
    // P2 runs on office hours (Mon 09–17 UTC): 3 h of business time to the resolution.
    expect(figures).toEqual({
      id: 'R',
      firstResponseMs: 30 * MINUTE_MS,
      firstResponse: 'met',
      resolutionMs: 3 * HOUR_MS,
      resolution: null,
    });
  });
});

describe('§1 business calendars (P2: target 240 min in Berlin office hours, Mon–Fri 09–17)', () => {
  const berlin = { timeZone: 'Europe/Berlin' };

  it.each([
    [
      // Saturday 10:00 CET; Monday 09:10 CET: only the 10 min on Monday are business time.
      'opened outside business hours: the clock starts when they do',
      '2026-03-07T09:00:00Z',
      '2026-03-09T08:10:00Z',
      10 * MINUTE_MS,
    ],
    [
      // Friday 16:00–17:00 CET (1 h) + Monday 09:00–09:30 (30 min).
      'a request spanning a weekend',
      '2026-03-06T15:00:00Z',
      '2026-03-09T08:30:00Z',
      90 * MINUTE_MS,
    ],
  ])('%s', (_name, openedAt, respondedAt, expectedMs) => {
    const figures = figuresOf(
      request('R', 'P2', openedAt, [[respondedAt, 'human-response']]),
      berlin,
    );
    expect(figures?.firstResponseMs).toBe(expectedMs);
  });

  it('a holiday has no business time; without it the same request is late', () => {
    // Thursday 2 April 16:00 CEST (14:00Z) to Monday 6 April 12:00 CEST (10:00Z).
    const req = request('R', 'P2', '2026-04-02T14:00:00Z', [
      ['2026-04-06T10:00:00Z', 'human-response'],
    ]);
    // Thursday 1 h + Friday (holiday) 0 + Monday 09:00–12:00 3 h = 4 h: exactly on target.
    const withHoliday = figuresOf(req, {
      ...berlin,
      period: '2026-04',
      businessHours: { ...officeHours, holidays: ['2026-04-03'] },
    });
    expect(withHoliday).toMatchObject({ firstResponseMs: 4 * HOUR_MS, firstResponse: 'met' });
    // Without the holiday Friday adds 8 h: 12 h.
    const withoutHoliday = figuresOf(req, { ...berlin, period: '2026-04' });
    expect(withoutHoliday).toMatchObject({
      firstResponseMs: 12 * HOUR_MS,
      firstResponse: 'missed',
    });
  });

  it.each([
    // Friday 16:00–17:00 (1 h) + Monday 09:00–11:59 (2 h 59): 239 min, not past the target.
    ['pending at 3 h 59 of business time', '2026-03-09T10:59:00Z', 'pending'],
    ['missed 1 ms after 4 h of business time', '2026-03-09T11:00:00.001Z', 'missed'],
    // Over the weekend no business time passes: 1 h on Friday only.
    ['pending all weekend', '2026-03-08T22:00:00Z', 'pending'],
  ])('no response yet: %s', (_name, asOf, expected) => {
    const figures = figuresOf(request('R', 'P2', '2026-03-06T15:00:00Z'), { ...berlin, asOf });
    expect(figures?.firstResponse).toBe(expected);
  });

  it('a holiday outside the period still counts for a request that runs into it', () => {
    // Opened Tuesday 31 March 16:00 CEST (14:00Z); answered Thursday 2 April 10:00 CEST.
    // 31 March 1 h + 1 April (a holiday in April) 0 + 2 April 1 h = 2 h.
    const figures = figuresOf(
      request('R', 'P2', '2026-03-31T14:00:00Z', [['2026-04-02T08:00:00Z', 'human-response']]),
      {
        ...berlin,
        asOf: '2026-04-10T00:00:00Z',
        businessHours: { ...officeHours, holidays: ['2026-04-01'] },
      },
    );
    expect(figures?.firstResponseMs).toBe(2 * HOUR_MS);
  });
});

describe('§1 DST: each interval end converts on its own (Temporal `compatible`)', () => {
  it.each([
    [
      // Sunday 29 March 2026 in Berlin: 00:00 CET (28 Mar 23:00Z) to 24:00 CEST (29 Mar 22:00Z).
      'Berlin spring forward: 00:00–24:00 on the Sunday is 23 h',
      'Europe/Berlin',
      onlyOn('sun', [['00:00', '24:00']]),
      '2026-03',
      '2026-03-28T11:00:00Z',
      '2026-03-30T10:00:00Z',
      23 * HOUR_MS,
    ],
    [
      // Sunday 25 October 2026: 00:00 CEST (24 Oct 22:00Z) to 24:00 CET (25 Oct 23:00Z).
      'Berlin fall back: 00:00–24:00 on the Sunday is 25 h',
      'Europe/Berlin',
      onlyOn('sun', [['00:00', '24:00']]),
      '2026-10',
      '2026-10-24T10:00:00Z',
      '2026-10-26T11:00:00Z',
      25 * HOUR_MS,
    ],
    [
      // 22 March: 02:30–03:30 CET = 1 h. 29 March: 02:30 is in the gap and moves to 03:30
      // CEST (01:30Z), which is also where 03:30 CEST is: empty.
      'Berlin spring forward: 02:30–03:30 is empty that night, 1 h a week before',
      'Europe/Berlin',
      onlyOn('sun', [['02:30', '03:30']]),
      '2026-03',
      '2026-03-21T11:00:00Z',
      '2026-03-30T10:00:00Z',
      HOUR_MS,
    ],
    [
      // Sunday 8 March 2026: 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z.
      'New York spring forward: 01:00–04:00 is 2 h',
      'America/New_York',
      onlyOn('sun', [['01:00', '04:00']]),
      '2026-03',
      '2026-03-07T17:00:00Z',
      '2026-03-09T16:00:00Z',
      2 * HOUR_MS,
    ],
    [
      // Sunday 1 November 2026: 01:00 occurs twice, the earlier (EDT) = 05:00Z; 04:00 EST = 09:00Z.
      'New York fall back: 01:00–04:00 is 4 h',
      'America/New_York',
      onlyOn('sun', [['01:00', '04:00']]),
      '2026-10',
      '2026-10-31T16:00:00Z',
      '2026-11-02T17:00:00Z',
      4 * HOUR_MS,
    ],
    [
      // 02:00–02:30 on 8 March lies wholly in the gap: both ends move 1 h, to 07:00Z–07:30Z.
      'New York spring forward: an interval inside the gap moves with it (30 min)',
      'America/New_York',
      onlyOn('sun', [['02:00', '02:30']]),
      '2026-03',
      '2026-03-07T17:00:00Z',
      '2026-03-09T16:00:00Z',
      30 * MINUTE_MS,
    ],
  ] as const)('%s', (_name, timeZone, businessHours, period, openedAt, respondedAt, expectedMs) => {
    const figures = figuresOf(request('R', 'P2', openedAt, [[respondedAt, 'human-response']]), {
      timeZone,
      period,
      // Some answers come after the period's end: evaluate once they have happened.
      asOf: respondedAt,
      businessHours,
      policy: { objectives: { P2: { firstResponseMinutes: 100_000, calendar: 'business' } } },
    });
    expect(figures?.firstResponseMs).toBe(expectedMs);
  });
});

describe('§3.1 and §4: which requests belong to the period, and why the others do not', () => {
  // March 2026 in UTC, agreement from 5 March 00:00 to 25 March 00:00, asOf 20 March.
  const overrides = {
    start: '2026-03-05T00:00:00Z',
    end: '2026-03-25T00:00:00Z',
    asOf: '2026-03-20T00:00:00Z',
  };

  it.each([
    ['opened after asOf', 'P1', '2026-03-21T00:00:00Z', 'not-yet-opened'],
    [
      'after asOf, and outside the agreement and the period too',
      'P4',
      '2026-04-02T00:00:00Z',
      'not-yet-opened',
    ],
    ['opened in February', 'P1', '2026-02-27T00:00:00Z', 'outside-period'],
    [
      'in February, before the agreement, with no objective',
      'P4',
      '2026-02-01T00:00:00Z',
      'outside-period',
    ],
    ['opened before the agreement started', 'P1', '2026-03-04T23:59:59.999Z', 'outside-coverage'],
    ['before the agreement, with no objective', 'P4', '2026-03-02T00:00:00Z', 'outside-coverage'],
    ['a priority without an objective', 'P4', '2026-03-10T00:00:00Z', 'not-covered'],
  ] as const)('%s: %s', (_name, priority, openedAt, reason) => {
    const result = runResponse({ ...overrides, requests: [request('X', priority, openedAt)] });
    expect(result.requests).toEqual([]);
    expect(result.ignored).toEqual([
      { id: 'X', priority, openedAt: new Date(openedAt).toISOString(), reason, index: 0 },
    ]);
  });

  it('coverage is half-open: opened at the agreement’s start counts, at its end does not', () => {
    const result = runResponse({
      start: '2026-03-05T00:00:00Z',
      end: '2026-03-25T00:00:00Z',
      requests: [
        request('start', 'P1', '2026-03-05T00:00:00Z'),
        request('end', 'P1', '2026-03-25T00:00:00Z'),
      ],
    });
    expect(result.requests.map((r) => r.id)).toEqual(['start']);
    expect(result.ignored).toMatchObject([{ id: 'end', reason: 'outside-coverage', index: 1 }]);
  });

  it('the period is the local month: half-open, in the agreement’s zone', () => {
    // March in New York: 1 March 05:00Z to 1 April 04:00Z.
    const result = runResponse({
      timeZone: 'America/New_York',
      requests: [
        request('before', 'P1', '2026-03-01T04:59:59.999Z'),
        request('first', 'P1', '2026-03-01T05:00:00Z'),
        request('last', 'P1', '2026-04-01T03:59:59.999Z'),
        request('after', 'P1', '2026-04-01T04:00:00Z'),
      ],
    });
    expect(result.requests.map((r) => r.id)).toEqual(['first', 'last']);
    expect(result.ignored.map((r) => [r.id, r.reason])).toEqual([
      ['before', 'outside-period'],
      ['after', 'outside-period'],
    ]);
  });

  it('keeps input order in `requests` and `ignored`, with each request’s position', () => {
    const result = runResponse({
      requests: [
        request('c', 'P1', '2026-03-03T00:00:00Z'),
        request('x', 'P4', '2026-03-03T00:00:00Z'),
        request('a', 'P2', '2026-03-02T00:00:00Z'),
        request('y', 'P1', '2026-02-03T00:00:00Z'),
        request('b', 'P1', '2026-03-01T00:00:00Z'),
      ],
    });
    expect(result.requests.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(result.ignored.map((r) => [r.id, r.index])).toEqual([
      ['x', 1],
      ['y', 3],
    ]);
  });

  it('an agreement that misses the measured interval is not-covered, naming every request', () => {
    const result = runResponse({
      start: '2026-04-01T00:00:00Z',
      requests: [
        request('a', 'P1', '2026-03-10T00:00:00Z'),
        request('b', 'P4', '2026-02-10T00:00:00Z'),
      ],
    });
    expect(result).toMatchObject({
      status: 'not-covered',
      final: true,
      met: null,
      creditPercent: 0,
      creditMinor: 0,
      objectives: [],
      requests: [],
    });
    expect(result.ignored.map((r) => [r.id, r.reason])).toEqual([
      ['a', 'outside-coverage'],
      ['b', 'outside-period'],
    ]);
  });

  it('asOf before the period starts: not-covered, not final, and later requests not yet opened', () => {
    const result = runResponse({
      asOf: '2026-02-20T00:00:00Z',
      requests: [request('a', 'P1', '2026-03-10T00:00:00Z')],
    });
    expect(result).toMatchObject({ status: 'not-covered', final: false, met: null });
    expect(result.ignored).toMatchObject([{ id: 'a', reason: 'not-yet-opened' }]);
  });

  it('a request opened exactly at asOf has been opened (asOf inside the period)', () => {
    const result = runResponse({
      asOf: '2026-03-10T00:00:00Z',
      requests: [request('a', 'P1', '2026-03-10T00:00:00Z')],
    });
    expect(result.status).toBe('evaluated');
    expect(result.requests).toEqual([
      {
        id: 'a',
        firstResponseMs: null,
        firstResponse: 'pending',
        resolutionMs: null,
        resolution: 'pending',
      },
    ]);
  });

  it('a request opened when nothing has been measured yet is outside the covered time', () => {
    // asOf is the period's first instant: the measured interval is empty.
    const result = runResponse({
      asOf: '2026-03-01T00:00:00Z',
      requests: [request('a', 'P1', '2026-03-01T00:00:00Z')],
    });
    expect(result.status).toBe('not-covered');
    expect(result.ignored).toMatchObject([{ id: 'a', reason: 'outside-coverage' }]);
  });
});

/** `count` P1 requests opened on 2 March: the first `met` answered in 10 min, the rest in 1 h. */
function p1Requests(count: number, met: number): SupportRequestInput[] {
  return Array.from({ length: count }, (_, i) =>
    request(`R${i}`, 'P1', T0, [
      [plus(T0, i < met ? 10 : 60), 'human-response'],
      [plus(T0, 120), 'resolved'],
    ]),
  );
}

describe('§3.2–§3.5 attainment, target, tiers and credit (fee 100 000)', () => {
  it.each([
    // 19 of 20 met: 100 × 19 / 20 = 95 exactly, which meets a 95 % target.
    ['exactly on the target is met', 20, 19, 95, true, 95, '95.000', 0, 0],
    // A target of 95.0001 is not met by 95, and 95 is not strictly below the 95 tier.
    [
      'a hair above it is missed, but the tier is strictly below',
      20,
      19,
      95.0001,
      false,
      95,
      '95.000',
      0,
      0,
    ],
    // 18 of 20: 90 < 95 → 10 %: 10 000.
    ['90 %: the 95 tier', 20, 18, 95, false, 90, '90.000', 10, 10_000],
    // 2 of 3: 66.666… < 80 → 25 % (the larger of 10 and 25): 25 000.
    [
      '66.666… %: both tiers, the larger wins',
      3,
      2,
      95,
      false,
      66.66666666666667,
      '66.666',
      25,
      25_000,
    ],
    // 199 of 200: 99.5.
    ['99.5 %', 200, 199, 95, true, 99.5, '99.500', 0, 0],
  ] as const)(
    '%s',
    (_name, count, met, targetPercent, periodMet, attainment, display, creditPercent, creditMinor) => {
      const result = runResponse({ requests: p1Requests(count, met), policy: { targetPercent } });
      expect(result.objectives[0]).toEqual({
        priority: 'P1',
        kind: 'firstResponse',
        met,
        missed: count - met,
        pending: 0,
        attainmentPercent: attainment,
        attainmentDisplay: display,
      });
      expect(result.met).toBe(periodMet);
      expect(result.creditPercent).toBe(creditPercent);
      expect(result.creditMinor).toBe(creditMinor);
    },
  );

  it('the credit comes from the lowest attainment of any priority and kind', () => {
    // P1: first response 100 %, resolution 100 %. P2 (business, Mon 09–17 UTC): one of two
    // answered within 4 h: 50 % < 80 → 25 %.
    const result = runResponse({
      requests: [
        ...p1Requests(2, 2),
        request('B1', 'P2', '2026-03-02T09:00:00Z', [['2026-03-02T10:00:00Z', 'human-response']]),
        request('B2', 'P2', '2026-03-02T09:00:00Z', [['2026-03-03T10:00:00Z', 'human-response']]),
      ],
    });
    expect(result.objectives.map((o) => [o.priority, o.kind, o.attainmentDisplay])).toEqual([
      ['P1', 'firstResponse', '100.000'],
      ['P1', 'resolution', '100.000'],
      ['P2', 'firstResponse', '50.000'],
    ]);
    expect(result).toMatchObject({ met: false, creditPercent: 25, creditMinor: 25_000 });
  });

  it('objectives list only priorities with a target and a request, in priority order', () => {
    const result = runResponse({
      policy: {
        objectives: {
          P1: { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: '24x7' },
          P2: { firstResponseMinutes: 240, calendar: 'business' },
          P3: { firstResponseMinutes: 60, resolutionMinutes: 600, calendar: '24x7' },
        },
      },
      requests: [
        request('b', 'P2', '2026-03-02T09:00:00Z'),
        request('a', 'P1', T0, [[plus(T0, 10), 'human-response']]),
      ],
    });
    // P3 has targets but no request; P2 has no resolution target.
    expect(result.objectives.map((o) => `${o.priority} ${o.kind}`)).toEqual([
      'P1 firstResponse',
      'P1 resolution',
      'P2 firstResponse',
    ]);
  });

  it('pending requests are not decided: attainment null until one is', () => {
    const result = runResponse({
      asOf: plus(T0, 20),
      requests: [request('a', 'P1', T0)],
    });
    expect(result.objectives).toEqual([
      {
        priority: 'P1',
        kind: 'firstResponse',
        met: 0,
        missed: 0,
        pending: 1,
        attainmentPercent: null,
        attainmentDisplay: null,
      },
      {
        priority: 'P1',
        kind: 'resolution',
        met: 0,
        missed: 0,
        pending: 1,
        attainmentPercent: null,
        attainmentDisplay: null,
      },
    ]);
    // With no decided request the period is met, with no credit.
    expect(result).toMatchObject({ met: true, creditPercent: 0, creditMinor: 0, final: false });
  });

  it.each<[string, Partial<ResponsePolicyInput>, number, number, boolean, number]>([
    // 0 % attainment, tier 150 %, cap 100 %: 100 000, capped.
    [
      'the cap bounds the credit',
      { tiers: [{ belowPercent: 50, creditPercent: 150 }] },
      100_000,
      150,
      true,
      100_000,
    ],
    // Cap 12.5 % of 100 000 = 12 500.
    [
      'a fractional cap',
      { tiers: [{ belowPercent: 50, creditPercent: 25 }], capPercent: 12.5 },
      100_000,
      25,
      true,
      12_500,
    ],
    // 5 % of 10 = 0.5 → rounded half up once: 1.
    ['rounded half up once', { tiers: [{ belowPercent: 50, creditPercent: 5 }] }, 10, 5, false, 1],
    // 4.5 % of 100 000 = 4 500 < 5 000: not issued.
    [
      'below the minimum credit: 0',
      { tiers: [{ belowPercent: 50, creditPercent: 4.5 }], minimumCreditMinor: 5_000 },
      100_000,
      4.5,
      false,
      0,
    ],
    // 5 % = 5 000: exactly the minimum is issued.
    [
      'exactly the minimum credit is issued',
      { tiers: [{ belowPercent: 50, creditPercent: 5 }], minimumCreditMinor: 5_000 },
      100_000,
      5,
      false,
      5_000,
    ],
  ])('%s', (_name, policy, monthlyFeeMinor, creditPercent, capped, creditMinor) => {
    // One P1 request answered late and resolved late: 0 % on both kinds.
    const result = runResponse({
      monthlyFeeMinor,
      policy,
      requests: [request('a', 'P1', T0, [[plus(T0, 300), 'resolved']])],
    });
    expect(result).toMatchObject({ creditPercent, capped, creditMinor });
  });

  it('the cap is reported rounded half up', () => {
    // 12.5 % of 999 = 124.875 → 125.
    const result = runResponse({ monthlyFeeMinor: 999, policy: { capPercent: 12.5 } });
    expect(result.capMinor).toBe(125);
  });
});

describe('§3.6 final and the claim deadline', () => {
  const answered = request('a', 'P1', T0, [
    [plus(T0, 10), 'human-response'],
    [plus(T0, 60), 'resolved'],
  ]);
  const open = request('b', 'P1', '2026-03-31T23:00:00Z');

  it.each([
    ['asOf inside the period', '2026-03-20T00:00:00Z', [answered], false],
    ['asOf at the period’s end, nothing pending', '2026-04-01T00:00:00Z', [answered], true],
    // Opened 31 March 23:00: at 1 April 00:00 only 1 h of its 4 h resolution target has passed.
    ['asOf at the end, one request still pending', '2026-04-01T00:00:00Z', [answered, open], false],
    // By 1 April 03:01 both its targets have passed (30 min, 4 h): missed, so final.
    [
      'once the pending request runs out of time',
      '2026-04-01T03:00:00.001Z',
      [answered, open],
      true,
    ],
    ['asOf by default: the period’s end', null, [answered], true],
  ] as const)('%s', (_name, asOf, requests, final) => {
    const result = runResponse({ asOf, requests: [...requests] });
    expect(result.final).toBe(final);
  });

  it('claim deadline: local 00:00 claimWindowDays after the period (sla-accounting §3.13)', () => {
    // March in New York, 10 days: 11 April 00:00 EDT = 04:00Z.
    const result = runResponse({ timeZone: 'America/New_York', policy: { claimWindowDays: 10 } });
    expect(result.claimDeadline).toBe('2026-04-11T04:00:00.000Z');
    expect(runResponse().claimDeadline).toBe('2026-05-01T00:00:00.000Z');
  });
});

describe('inputs', () => {
  it('null means the default: targetPercent 95, no tiers, cap 100, 30 claim days', () => {
    const input = responseInput({ requests: p1Requests(20, 19) });
    const result = evaluateResponse({
      ...input,
      policy: {
        objectives: input.policy.objectives,
        targetPercent: null,
        tiers: null,
        capPercent: null,
        minimumCreditMinor: null,
        claimWindowDays: null,
      },
    });
    expect(result).toMatchObject({
      met: true,
      creditPercent: 0,
      capMinor: 100_000,
      claimDeadline: '2026-05-01T00:00:00.000Z',
    });
  });

  it('decimal minutes are exact: 0.5 min is 30 000 ms', () => {
    const policy = { objectives: { P1: { firstResponseMinutes: 0.5, calendar: '24x7' as const } } };
    const onTime = figuresOf(request('a', 'P1', T0, [[plus(T0, 0, 30_000), 'human-response']]), {
      policy,
    });
    const late = figuresOf(request('a', 'P1', T0, [[plus(T0, 0, 30_001), 'human-response']]), {
      policy,
    });
    expect([onTime?.firstResponse, late?.firstResponse]).toEqual(['met', 'missed']);
  });
});

describe('the edges of the instant range', () => {
  it.each([
    // Monday 3 January 0000 (proleptic Gregorian), New York local mean time: no month before.
    ['0000-01', '0000-01-03T15:00:00Z', '0000-01-03T16:00:00Z', null],
    // The last month instants of §1 can reach: no month after it to build.
    ['9999-12', '9999-12-30T15:00:00Z', '9999-12-30T16:00:00Z', '9999-12-31T23:59:59.999Z'],
  ])('business time in %s', (period, openedAt, respondedAt, asOf) => {
    const result = runResponse({
      period,
      asOf,
      start: '0000-01-01T00:00:00Z',
      timeZone: 'America/New_York',
      requests: [request('a', 'P2', openedAt, [[respondedAt, 'human-response']])],
    });
    // One hour inside Monday–Friday 09:00–17:00 local time (the zone's offset then was −4:56:02
    // and −5:00): 1 h of business time.
    expect(result.requests).toEqual([
      {
        id: 'a',
        firstResponseMs: HOUR_MS,
        firstResponse: 'met',
        resolutionMs: null,
        resolution: null,
      },
    ]);
  });
});
