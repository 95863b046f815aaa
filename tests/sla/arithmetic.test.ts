// Exact arithmetic, instants, money and interval algebra.
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  intersectSets,
  parseInstant,
  roundMoneyHalfUp,
  severityTimeline,
  subtractSets,
  unionIntervals,
  unionSets,
} from '../../api/sla/index.ts';
import {
  decimalPlaces,
  floorToFixed,
  fromDecimal,
  normalize,
  toNumber,
} from '../../api/sla/rational.ts';

describe('decimals read as String(x) shows them (§6.1)', () => {
  it.each<[number, bigint, bigint, number]>([
    [99.95, 1999n, 20n, 2],
    [0.3, 3n, 10n, 1],
    [1e-7, 1n, 10_000_000n, 7],
    [1.5e-7, 3n, 20_000_000n, 8],
    [1e21, 10n ** 21n, 1n, 0],
    [2.5e22, 25n * 10n ** 21n, 1n, 0],
    [100, 100n, 1n, 0],
    [-0.25, -1n, 4n, 2],
    [0.1 + 0.2, 7_500_000_000_000_001n, 25_000_000_000_000_000n, 17],
  ])('%s', (value, n, d, places) => {
    expect(normalize(fromDecimal(value))).toEqual({ n, d });
    expect(decimalPlaces(value)).toBe(places);
  });
});

describe('nearest double of a rational, ties to even', () => {
  it.each<[string, bigint, bigint, number]>([
    ['small exact operands', 1n, 3n, 1 / 3],
    ['an integer above 2^53 rounds to even (2^53 + 1 → 2^53)', 2n ** 53n + 1n, 1n, 2 ** 53],
    ['2^53 + 3 rounds up to 2^53 + 4', 2n ** 53n + 3n, 1n, 2 ** 53 + 4],
    // (2^54 + 1)/2 = 2^53 + 0.5 → 2^53 (even), but Number(n)/Number(d) gives the same here;
    // (2^55 + 3)/4 = 2^53 + 0.75 → 2^53 + 1 is not representable: nearest is 2^53 (diff .75) or 2^53+2 (1.25) → 2^53.
    ['2^53 + 0.75', 2n ** 55n + 3n, 4n, 2 ** 53],
    // 10^30 / 3 ≈ 3.33…e29: Number(10n**30n) is inexact, the quotient must still be nearest.
    ['huge operands', 10n ** 30n, 3n, 3.333333333333333e29],
    // (2^60 + 2^7 + 1) / 2^7: 2^53 + 1 + 2^-7 → nearest 2^53 + 2 (1 + 2^-7 above the midpoint rule: diff .99 vs 1.01)
    ['just above a midpoint', 2n ** 60n + 2n ** 7n + 1n, 2n ** 7n, 2 ** 53 + 2],
    ['just a midpoint, odd below: to even above', 2n ** 60n + 3n * 2n ** 6n, 2n ** 7n, 2 ** 53 + 2],
  ])('%s', (_name, n, d, expected) => {
    expect(toNumber({ n, d })).toBe(expected);
  });

  it('a naive Number(n)/Number(d) is wrong where toNumber is right', () => {
    // n = 3·2^60 + 1, d = 3: exactly 2^60 + 1/3 → nearest double 2^60.
    const n = 3n * 2n ** 60n + 1n;
    expect(toNumber({ n, d: 3n })).toBe(2 ** 60);
    // (2^53 + 1)·(2^53 − 1) / (2^53 − 1) = 2^53 + 1 → 2^53 (ties to even).
    const big = (2n ** 53n + 1n) * (2n ** 53n - 1n);
    expect(toNumber({ n: big, d: 2n ** 53n - 1n })).toBe(2 ** 53);
  });
});

describe('floored display', () => {
  it.each<[bigint, bigint, string]>([
    [999_999_999n, 10_000_000n, '99.999'],
    [100n, 1n, '100.000'],
    [99n, 1n, '99.000'],
    [1n, 3n, '0.333'],
    [0n, 1n, '0.000'],
    [2n, 3n, '0.666'],
  ])('%s/%s', (n, d, text) => {
    expect(floorToFixed({ n, d }, 3)).toBe(text);
  });
});

describe('money: half up, once', () => {
  it.each<[bigint, bigint, bigint]>([
    [201n, 2n, 101n],
    [5n, 2n, 3n],
    [499n, 10n, 50n],
    [449n, 10n, 45n],
    [0n, 1n, 0n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('%s/%s → %s', (n, d, minor) => {
    expect(roundMoneyHalfUp({ n, d })).toBe(minor);
  });
});

describe('instants (§1)', () => {
  it.each<[string, string | undefined]>([
    ['2026-03-14T10:00:00Z', '2026-03-14T10:00:00.000Z'],
    ['2026-03-14T10:00:00.5Z', '2026-03-14T10:00:00.500Z'],
    ['2026-03-14T10:00:00.123+05:30', '2026-03-14T04:30:00.123Z'],
    ['2026-03-14T00:15:00+13:45', '2026-03-13T10:30:00.000Z'],
    ['2026-03-14T10:00:00-03:00', '2026-03-14T13:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['2026-02-29T00:00:00Z', undefined],
    ['2026-03-14T10:00:00.1234Z', undefined],
    ['2026-03-14T10:00:00', undefined],
    ['2026-03-14 10:00:00Z', undefined],
    ['2026-03-14t10:00:00z', undefined],
    ['2026-03-14T24:00:00Z', undefined],
    ['2026-03-14T10:00:60Z', undefined],
    ['2026-03-14T10:00Z', undefined],
    ['2026-03-14T10:00:00+0530', undefined],
    ['2026-13-01T00:00:00Z', undefined],
    ['1773482400000', undefined],
  ])('%s', (text, iso) => {
    const ms = parseInstant(text);
    expect(ms === undefined ? undefined : formatInstant(ms)).toBe(iso);
  });
});

describe('interval algebra', () => {
  const i = (startMs: number, endMs: number) => ({ startMs, endMs });
  it('union joins overlapping and touching intervals', () => {
    expect(unionIntervals([i(5, 7), i(0, 2), i(2, 3), i(6, 9), i(11, 12)])).toEqual([
      i(0, 3),
      i(5, 9),
      i(11, 12),
    ]);
    expect(unionSets([i(0, 2), i(8, 9)], [i(2, 4), i(5, 6)])).toEqual([i(0, 4), i(5, 6), i(8, 9)]);
  });
  it('intersection and difference', () => {
    expect(intersectSets([i(0, 5), i(8, 12)], [i(3, 9), i(11, 20)])).toEqual([
      i(3, 5),
      i(8, 9),
      i(11, 12),
    ]);
    expect(subtractSets([i(0, 10), i(12, 20)], [i(2, 3), i(5, 13), i(19, 25)])).toEqual([
      i(0, 2),
      i(3, 5),
      i(13, 19),
    ]);
    expect(subtractSets([i(0, 10)], [])).toEqual([i(0, 10)]);
    expect(subtractSets([i(0, 10)], [i(-5, 15)])).toEqual([]);
  });
  it('severity: the heaviest wins, runs are where the weight is > 0', () => {
    const timeline = severityTimeline([
      { startMs: 0, endMs: 10, weight: 30 },
      { startMs: 2, endMs: 4, weight: 100 },
      { startMs: 10, endMs: 12, weight: 50 },
      { startMs: 20, endMs: 30, weight: 0 },
    ]);
    expect(timeline.pieces).toEqual([
      { startMs: 0, endMs: 2, weight: 30 },
      { startMs: 2, endMs: 4, weight: 100 },
      { startMs: 4, endMs: 10, weight: 30 },
      { startMs: 10, endMs: 12, weight: 50 },
    ]);
    expect(timeline.runs).toEqual([i(0, 12)]);
  });
});
