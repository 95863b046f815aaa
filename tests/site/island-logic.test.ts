import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsOf } from '../../site/islands/account/AccountApp.tsx';
import { moneyInput, parseMoney } from '../../site/islands/shared/format.ts';
import { checkDecision, type DecisionDraft } from '../../site/islands/staff/claim-decision.tsx';
import {
  type Filters,
  problemsOf,
  queueQuery,
  toMinor,
} from '../../site/islands/staff/QueueApp.tsx';

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

describe("the staff queue's filters as the API reads them", () => {
  const none: Filters = {
    status: 'submitted',
    minAgeDays: '',
    maxAgeDays: '',
    minAmount: '',
    maxAmount: '',
    period: '',
  };

  it('sends amounts in minor units and leaves out what was not typed', () => {
    expect(
      queueQuery({ ...none, status: 'all', minAmount: '250.5', minAgeDays: ' 7 ' }, 'next-page'),
    ).toEqual({
      minAgeDays: 7,
      maxAgeDays: undefined,
      minAmountMinor: 25_050,
      maxAmountMinor: null,
      limit: 25,
      cursor: 'next-page',
    });
    expect(queueQuery({ ...none, period: '2026-10' }, undefined)).toMatchObject({
      status: 'submitted',
      period: '2026-10',
    });
  });

  it('names each filter that cannot be read, in words', () => {
    expect(
      problemsOf({ ...none, minAgeDays: '7.5', maxAmount: '1,000', period: '2026-13' }),
    ).toEqual({
      minAgeDays: 'Whole days, e.g. 7.',
      maxAmount: 'An amount, e.g. 250 or 250.50.',
      period: 'A month, YYYY-MM.',
    });
    expect(problemsOf({ ...none, maxAgeDays: '30', minAmount: '0', period: '2026-12' })).toEqual(
      {},
    );
  });
});

describe('a claim decision before its confirm step (checkDecision)', () => {
  // A computed credit of 1,800.00 under a cap of 2,500.00.
  const claim = { currency: 'USD', capMinor: 250_000, computedCreditMinor: 180_000 };
  const draft = (fields: Partial<DecisionDraft>): DecisionDraft => ({
    choice: null,
    amountChoice: null,
    amount: '',
    reason: '',
    ...fields,
  });

  it('chooses nothing for the agent', () => {
    expect(checkDecision(draft({}), claim)).toEqual({
      problems: { decision: 'Choose whether to approve or to reject the claim.' },
      pending: null,
    });
    expect(checkDecision(draft({ choice: 'approve' }), claim).problems).toEqual({
      amountChoice: 'Choose the computed credit (US$1,800.00) or another amount.',
    });
  });

  it('approves the computed credit without a reason, and sends no amount', () => {
    expect(checkDecision(draft({ choice: 'approve', amountChoice: 'computed' }), claim)).toEqual({
      problems: {},
      pending: { decision: 'approve', approvedMinor: 180_000, reason: '' },
    });
    // Typing the computed credit as "another amount" is the computed credit.
    expect(
      checkDecision(draft({ choice: 'approve', amountChoice: 'other', amount: '1800' }), claim)
        .pending,
    ).toEqual({ decision: 'approve', approvedMinor: 180_000, reason: '' });
  });

  it('needs a reason for another amount, and never more than the cap', () => {
    const other = draft({ choice: 'approve', amountChoice: 'other', amount: '2000.50' });
    expect(checkDecision(other, claim)).toEqual({
      problems: {
        reason: 'Give the reason for approving another amount than the computed credit.',
      },
      pending: null,
    });
    expect(checkDecision({ ...other, reason: '  Goodwill  ' }, claim).pending).toEqual({
      decision: 'approve',
      approvedMinor: 200_050,
      amountMinor: 200_050,
      reason: 'Goodwill',
    });
    expect(checkDecision({ ...other, amount: '2500.01', reason: 'x' }, claim).problems).toEqual({
      amount: 'At most US$2,500.00: an approval never exceeds the cap.',
    });
    expect(checkDecision({ ...other, amount: 'lots', reason: 'x' }, claim).problems).toEqual({
      amount: 'Enter an amount in USD, e.g. 250.00.',
    });
  });

  it('rejects only with a reason the customer will read', () => {
    expect(checkDecision(draft({ choice: 'reject', reason: ' ' }), claim)).toEqual({
      problems: { reason: 'Give the reason for the rejection; the customer sees it.' },
      pending: null,
    });
    expect(
      checkDecision(draft({ choice: 'reject', reason: 'Outside the agreement' }), claim),
    ).toEqual({
      problems: {},
      pending: { decision: 'reject', approvedMinor: 180_000, reason: 'Outside the agreement' },
    });
  });
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
