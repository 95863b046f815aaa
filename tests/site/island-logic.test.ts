import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsOf } from '../../site/islands/account/AccountApp.tsx';
import { moneyInput, parseMoney } from '../../site/islands/shared/format.ts';
import { toMinor } from '../../site/islands/staff/QueueApp.tsx';

/**
 * The islands' own arithmetic of money and months, without a browser: what a customer or an
 * agent types becomes exact minor units or a refusal, and the month list covers exactly the
 * agreement's months in its zone. (The daily figures are in site-lib.test.ts.)
 */

describe('an amount typed on the customer pages (parseMoney)', () => {
  it.each([
    ['1800', 'USD', 180_000],
    ['1,800.50', 'USD', 180_050],
    ['1800,5', 'USD', 180_050],
    [' 1 800.50 ', 'USD', 180_050],
    ['1\u00a0800', 'EUR', 180_000],
    ["1'800.05", 'USD', 180_005],
    ['0.01', 'USD', 1],
    ['1800', 'JPY', 1_800],
    ['12.345', 'BHD', 12_345],
  ])('reads %j in %s as %d minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  it.each([
    ['', 'USD'],
    ['abc', 'USD'],
    ['-5', 'USD'],
    ['1.2.3', 'USD'],
    ['18.005', 'USD'],
    ['1800.5', 'JPY'],
    ['1,80,000', 'USD'],
    ['90071992547409.93', 'USD'],
  ])('refuses %j in %s', (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull();
  });

  it('reads back exactly what moneyInput writes, in currencies of 0, 2 and 3 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom('JPY', 'USD', 'EUR', 'BHD'),
        (minor, currency) => {
          expect(parseMoney(moneyInput(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });
});

describe("an amount typed in the staff queue's filters (toMinor)", () => {
  it.each([
    ['250', 25_000],
    ['250.5', 25_050],
    ['250,50', 25_050],
    [' 250.05 ', 25_005],
    ['0', 0],
  ])('reads %j as %d minor units', (text, minor) => {
    expect(toMinor(text)).toBe(minor);
  });

  it.each([[''], ['abc'], ['-1'], ['250.505'], ['1,000'], ['2.5e3']])(
    'refuses %j rather than guess (a thousands comma is not a decimal one)',
    (text) => {
      expect(toMinor(text)).toBeNull();
    },
  );
});

describe('the months an agreement covered (monthsOf)', () => {
  type Agreement = Parameters<typeof monthsOf>[0][number];
  const agreement = (
    fields: Pick<Agreement, 'start' | 'end' | 'timeZone' | 'currentPeriod'>,
  ): Agreement => ({
    id: 1,
    kind: 'customer',
    active: fields.end === null,
    policy: { id: 1, name: 'Standard' },
    services: [],
    policyVersions: [],
    termination: null,
    ...fields,
  });

  it('lists every month from the first to the current one, newest first, across a year', () => {
    expect(
      monthsOf([
        agreement({
          start: '2025-11-15T09:00:00Z',
          end: null,
          timeZone: 'UTC',
          currentPeriod: '2026-02',
        }),
      ]),
    ).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });

  it("starts in the month of the agreement's own zone", () => {
    // 23:30 UTC on 31 January is 05:00 on 1 February in Kolkata.
    expect(
      monthsOf([
        agreement({
          start: '2026-01-31T23:30:00Z',
          end: null,
          timeZone: 'Asia/Kolkata',
          currentPeriod: '2026-03',
        }),
      ]),
    ).toEqual(['2026-03', '2026-02']);
  });

  it('ends with the month of its last instant: an end is exclusive, in the zone', () => {
    // Ends at 00:00 UTC on 1 March: in New York that is still 28 February.
    expect(
      monthsOf([
        agreement({
          start: '2026-01-10T00:00:00Z',
          end: '2026-03-01T00:00:00Z',
          timeZone: 'America/New_York',
          currentPeriod: '2026-05',
        }),
      ]),
    ).toEqual(['2026-02', '2026-01']);
    // Ends at midnight in its own zone: March is not covered at all.
    expect(
      monthsOf([
        agreement({
          start: '2026-01-10T00:00:00Z',
          end: '2026-03-01T00:00:00Z',
          timeZone: 'UTC',
          currentPeriod: '2026-05',
        }),
      ]),
    ).toEqual(['2026-02', '2026-01']);
  });

  it('merges the months of several agreements once each', () => {
    expect(
      monthsOf([
        agreement({
          start: '2026-01-01T00:00:00Z',
          end: '2026-03-01T00:00:00Z',
          timeZone: 'UTC',
          currentPeriod: '2026-04',
        }),
        agreement({
          start: '2026-02-01T00:00:00Z',
          end: null,
          timeZone: 'UTC',
          currentPeriod: '2026-04',
        }),
      ]),
    ).toEqual(['2026-04', '2026-03', '2026-02', '2026-01']);
  });
});
