import { describe, expect, it } from 'vitest';
import { csvText, csvTextSync } from '../../api/infra/csv.ts';
import {
  hoursMinutes,
  localInstant,
  majorUnits,
  minutesText,
  moneyText,
} from '../../api/services/statement-format.ts';

/** The pure formatting behind statements and the ledger (ADR 160): exact, never shorter. */
describe('statement formatting', () => {
  it('writes minor units in major units with the currency’s own digits, exactly', () => {
    expect(majorUnits(25_000, 'USD')).toBe('250.00');
    expect(majorUnits(5, 'USD')).toBe('0.05');
    expect(majorUnits(0, 'EUR')).toBe('0.00');
    expect(majorUnits(1_500, 'JPY')).toBe('1500');
    expect(majorUnits(1_250, 'KWD')).toBe('1.250');
    // Beyond what a double divides exactly.
    expect(majorUnits(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
    expect(moneyText(123_456_789, 'USD')).toBe('USD 1,234,567.89');
    expect(moneyText(1_500_000, 'JPY')).toBe('JPY 1,500,000');
    // A refund or reversal keeps its sign outside the grouping; small amounts have no comma.
    expect(moneyText(-123_456_789, 'USD')).toBe('USD -1,234,567.89');
    expect(moneyText(-5, 'EUR')).toBe('EUR -0.05');
    expect(moneyText(99_999, 'EUR')).toBe('EUR 999.99');
    expect(moneyText(-100_000, 'KWD')).toBe('KWD -100.000');
    // Totals summed as bigint, beyond 2^53, group the same way.
    expect(moneyText(2n ** 70n, 'USD')).toBe('USD 11,805,916,207,174,113,034.24');
    expect(() => majorUnits(1.5, 'USD')).toThrow(RangeError);
  });

  it('rounds durations up, so that none reads shorter than measured', () => {
    expect(minutesText(0)).toBe('0.00');
    expect(minutesText(20_000)).toBe('0.34');
    expect(minutesText(60_000)).toBe('1.00');
    expect(minutesText(60_001)).toBe('1.01');
    expect(minutesText(10_800_000)).toBe('180.00');
    expect(hoursMinutes(0)).toBe('0:00');
    expect(hoursMinutes(1)).toBe('0:01');
    expect(hoursMinutes(59_000)).toBe('0:01');
    expect(hoursMinutes(3 * 3_600_000)).toBe('3:00');
    expect(hoursMinutes(49.5 * 3_600_000)).toBe('49:30');
    // A weighted downtime (30 % of 1 h 1 min) is a whole number of hundredths of a ms.
    expect(hoursMinutes(0.3 * 3_660_000)).toBe('0:19');
  });

  it('writes instants in the zone with the offset of that instant', () => {
    expect(localInstant('2026-10-14T14:00:00.000Z', 'America/New_York')).toBe(
      '2026-10-14T10:00:00-04:00',
    );
    expect(localInstant('2026-11-14T15:00:00.000Z', 'America/New_York')).toBe(
      '2026-11-14T10:00:00-05:00',
    );
    expect(localInstant('2026-10-01T00:00:00.250Z', 'Asia/Kolkata')).toBe(
      '2026-10-01T05:30:00.25+05:30',
    );
  });
});

describe('the statement run’s CSV writer', () => {
  it('writes exactly what the streaming CSV writer (csv-stringify) writes, cell for cell', async () => {
    const columns = ['name', 'amount', 'note'] as const;
    const cells = [
      'Acme Ltd',
      '',
      null,
      undefined,
      0,
      -12.5,
      '-12.50',
      '=SUM(A1)',
      '+1',
      '@me',
      '\tindent',
      '\rcarriage',
      '\uFF1Dwide',
      '\uFF0Dwide minus',
      'a, b',
      'say "hi"',
      'two\nlines',
      'crlf\r\nend',
      '-"quoted", and,\nbroken',
      'Überseehandel 東京',
      "'already",
    ];
    const rows = cells.flatMap((cell, index) => [
      { name: cell, amount: index, note: cells[cells.length - 1 - index] },
      { amount: cell },
    ]);
    expect(csvTextSync(columns, rows)).toBe(await csvText(columns, rows));
    expect(csvTextSync(columns, [])).toBe(await csvText(columns, []));
  });

  it('quotes a field holding any line break (RFC 4180), so that no reader splits its row', async () => {
    const columns = ['name', 'note'] as const;
    const rows = [
      { name: 'lone\nfeed', note: 'lone\rreturn' },
      { name: 'crlf\r\nend', note: 'plain' },
    ];
    const expected = '\uFEFFname,note\r\n"lone\nfeed","lone\rreturn"\r\n"crlf\r\nend",plain\r\n';
    expect(await csvText(columns, rows)).toBe(expected);
    expect(csvTextSync(columns, rows)).toBe(expected);
  });
});
