// Strict input (sla-response.md §4, sla-accounting.md §5/§6.8): every invalid case is
// refused with the field named; `null` means the default.
import { describe, expect, it } from 'vitest';
import { formatProblem, parseResponseRequest, responseCaseSchema } from '../../api/sla/index.ts';
import { officeHours, request, responseInput } from './response-fixtures.ts';

const valid = responseInput({
  requests: [
    request('T-1', 'P1', '2026-03-02T10:00:00Z', [['2026-03-02T10:10:00Z', 'human-response']]),
  ],
});

type Mutation = (c: ReturnType<typeof clone>) => void;

function clone() {
  return JSON.parse(JSON.stringify(valid));
}

/** The problems of the case after `mutate`, as `path: message` lines. */
function problems(mutate: Mutation): string[] {
  const input = clone();
  mutate(input);
  const parsed = parseResponseRequest(input);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

describe('the response case schema', () => {
  it('accepts the valid case', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it.each<[string, Mutation, string]>([
    [
      'an instant not in §1 form',
      (c) => {
        c.requests[0].openedAt = '2026-03-02 10:00:00Z';
      },
      'requests.0.openedAt: must be an instant',
    ],
    [
      'an instant with 4 fraction digits',
      (c) => {
        c.requests[0].events[0].at = '2026-03-02T10:10:00.0001Z';
      },
      'requests.0.events.0.at: must be an instant',
    ],
    [
      'a priority outside P1–P4',
      (c) => {
        c.requests[0].priority = 'P5';
      },
      'requests.0.priority:',
    ],
    [
      'an unknown event type',
      (c) => {
        c.requests[0].events[0].type = 'bot-response';
      },
      'requests.0.events.0.type:',
    ],
    [
      'an event before openedAt',
      (c) => {
        c.requests[0].events.push({ at: '2026-03-02T09:59:59.999Z', type: 'resolved' });
      },
      'requests.0.events.1.at: must not be before openedAt',
    ],
    [
      'two requests with one id',
      (c) => {
        c.requests.push({ ...c.requests[0] });
      },
      'requests.1.id: duplicate id: request 0 has the same id',
    ],
    [
      'an objective without firstResponseMinutes',
      (c) => {
        c.policy.objectives.P1 = { resolutionMinutes: 240, calendar: '24x7' };
      },
      'policy.objectives.P1.firstResponseMinutes:',
    ],
    [
      'an objective without a calendar',
      (c) => {
        c.policy.objectives.P1 = { firstResponseMinutes: 30 };
      },
      'policy.objectives.P1.calendar:',
    ],
    [
      'an unknown calendar',
      (c) => {
        c.policy.objectives.P1.calendar = 'weekdays';
      },
      'policy.objectives.P1.calendar:',
    ],
    [
      'negative minutes',
      (c) => {
        c.policy.objectives.P1.resolutionMinutes = -1;
      },
      'policy.objectives.P1.resolutionMinutes: must be at least 0',
    ],
    [
      'an objective for an unknown priority',
      (c) => {
        c.policy.objectives.P5 = { firstResponseMinutes: 30, calendar: '24x7' };
      },
      'policy.objectives:',
    ],
    [
      'a business calendar without businessHours',
      (c) => {
        c.agreement.businessHours = null;
      },
      'agreement.businessHours: required: the objective for P2 uses the business calendar',
    ],
    [
      'a malformed local time',
      (c) => {
        c.agreement.businessHours.schedule.mon = [['9:00', '17:00']];
      },
      'agreement.businessHours.schedule.mon.0.0: must be a local time HH:MM',
    ],
    [
      '24:00 as a start',
      (c) => {
        c.agreement.businessHours.schedule.mon = [['24:00', '24:00']];
      },
      'agreement.businessHours.schedule.mon.0.0:',
    ],
    [
      'a time past 24:00',
      (c) => {
        c.agreement.businessHours.schedule.mon = [['22:00', '24:30']];
      },
      'agreement.businessHours.schedule.mon.0.1:',
    ],
    [
      'an interval crossing midnight',
      (c) => {
        c.agreement.businessHours.schedule.fri = [['22:00', '02:00']];
      },
      'agreement.businessHours.schedule.fri.0: from must be before to',
    ],
    [
      'an empty interval',
      (c) => {
        c.agreement.businessHours.schedule.fri = [['09:00', '09:00']];
      },
      'agreement.businessHours.schedule.fri.0: from must be before to',
    ],
    [
      'overlapping intervals',
      (c) => {
        c.agreement.businessHours.schedule.tue = [
          ['13:00', '17:00'],
          ['09:00', '13:30'],
        ];
      },
      'agreement.businessHours.schedule.tue.0: overlaps interval 1 of the same day',
    ],
    [
      'a weekday left out of the schedule',
      (c) => {
        delete c.agreement.businessHours.schedule.sun;
      },
      'agreement.businessHours.schedule.sun:',
    ],
    [
      'a misspelt weekday',
      (c) => {
        c.agreement.businessHours.schedule.thur = [];
      },
      'agreement.businessHours.schedule:',
    ],
    [
      'a holiday that is not a date',
      (c) => {
        c.agreement.businessHours.holidays = ['2026-02-30'];
      },
      'agreement.businessHours.holidays.0: must be a local date YYYY-MM-DD',
    ],
    [
      'end ≤ start',
      (c) => {
        c.agreement.end = c.agreement.start;
      },
      'agreement.end: end must be after start',
    ],
    [
      'a time-zone offset instead of a name',
      (c) => {
        c.agreement.timeZone = '+01:00';
      },
      'agreement.timeZone: must be an IANA time-zone name',
    ],
    [
      'targetPercent above 100',
      (c) => {
        c.policy.targetPercent = 100.5;
      },
      'policy.targetPercent: must be at most 100',
    ],
    [
      'targetPercent with 5 decimals',
      (c) => {
        c.policy.targetPercent = 95.00001;
      },
      'policy.targetPercent: must have at most 4 decimals',
    ],
    [
      'a tier above 100 %',
      (c) => {
        c.policy.tiers = [{ belowPercent: 101, creditPercent: 10 }];
      },
      'policy.tiers.0.belowPercent: must be at most 100',
    ],
    [
      'a negative credit',
      (c) => {
        c.policy.tiers = [{ belowPercent: 90, creditPercent: -1 }];
      },
      'policy.tiers.0.creditPercent: must be at least 0',
    ],
    [
      'a fractional minimum credit',
      (c) => {
        c.policy.minimumCreditMinor = 0.5;
      },
      'policy.minimumCreditMinor:',
    ],
    [
      'a misspelt policy field',
      (c) => {
        c.policy.capPercnt = 50;
      },
      'policy: Unrecognized key: "capPercnt"',
    ],
    [
      'a fee whose cap would not be exact in JSON',
      (c) => {
        c.agreement.monthlyFeeMinor = Number.MAX_SAFE_INTEGER;
        c.policy.capPercent = 200;
      },
      'agreement.monthlyFeeMinor: monthlyFeeMinor × capPercent / 100 must not exceed',
    ],
    [
      'asOf more than ten years after the period',
      (c) => {
        c.asOf = '2036-04-01T00:00:00.001Z';
      },
      "asOf: must be at most 10 years after the period's end",
    ],
  ])('refuses %s, naming the field', (_name, mutate, expected) => {
    const found = problems(mutate);
    expect(
      found.some((line) => line.startsWith(expected)),
      found.join('\n'),
    ).toBe(true);
  });

  it('accepts asOf exactly ten years after the period, and touching, unsorted intervals', () => {
    expect(
      problems((c) => {
        // March 2026 in UTC ends 1 April 2026; ten years on: 1 April 2036.
        c.asOf = '2036-04-01T00:00:00Z';
        c.agreement.businessHours.schedule.mon = [
          ['12:00', '24:00'],
          ['00:00', '12:00'],
        ];
      }),
    ).toEqual([]);
  });

  it('null and omitted mean the default', () => {
    const parsed = responseCaseSchema.parse({
      period: '2026-03',
      asOf: null,
      agreement: {
        timeZone: null,
        start: '2026-01-01T00:00:00Z',
        end: null,
        monthlyFeeMinor: 1000,
        currency: 'EUR',
        businessHours: { ...officeHours, holidays: null },
      },
      policy: {
        objectives: {
          P1: { firstResponseMinutes: 30, resolutionMinutes: null, calendar: '24x7' },
          P2: null,
        },
        targetPercent: null,
        tiers: null,
        capPercent: null,
        minimumCreditMinor: null,
        claimWindowDays: null,
      },
      requests: [{ id: 'a', priority: 'P1', openedAt: '2026-03-02T10:00:00Z', events: null }],
    });
    expect(parsed.agreement).toMatchObject({ timeZone: 'UTC', businessHours: { holidays: [] } });
    expect(parsed.policy).toEqual({
      objectives: {
        P1: { firstResponseMinutes: 30, resolutionMinutes: null, calendar: '24x7' },
        P2: null,
        P3: null,
        P4: null,
      },
      targetPercent: 95,
      tiers: [],
      capPercent: 100,
      minimumCreditMinor: 0,
      claimWindowDays: 30,
    });
    expect(parsed.requests[0]?.events).toEqual([]);
  });

  it('an invalid case in an array fails the whole request, naming its index', () => {
    const bad = clone();
    bad.requests[0].priority = 'P0';
    const parsed = parseResponseRequest([valid, bad]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(formatProblem)[0]).toMatch(/^case 1: requests\.0\.priority: /);
  });
});
