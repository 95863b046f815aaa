// Interval algebra on epoch-millisecond instants. Every interval is half-open,
// `[startMs, endMs)` with `startMs < endMs`; a "set" is an array of such intervals
// sorted by start, pairwise disjoint and not touching (touching ones are joined).
// All values are integers of milliseconds, so every comparison here is exact.

/** A half-open interval `[startMs, endMs)` of epoch milliseconds. */
export interface Interval {
  readonly startMs: number;
  readonly endMs: number;
}

/** An interval carrying an integer weight level (the engine uses hundredths: 30 = 0.3). */
export interface WeightedInterval extends Interval {
  readonly weight: number;
}

/**
 * The union of any intervals as a set (sorted, disjoint, touching ones joined), in
 * O(n log n). Starts and ends are sorted independently because a union depends
 * only on how many intervals are open at each instant; numeric typed-array sorts
 * are several times faster than sorting objects.
 */
export function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const count = intervals.length;
  if (count === 0) return [];
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const interval = intervals[i] as Interval;
    starts[i] = interval.startMs;
    ends[i] = interval.endMs;
  }
  starts.sort();
  ends.sort();
  const result: Interval[] = [];
  let open = 0;
  let openedAt = 0;
  let i = 0;
  let j = 0;
  while (j < count) {
    // On a tie a start is taken first, so [a, b) and [b, c) join into one interval.
    if (i < count && (starts[i] as number) <= (ends[j] as number)) {
      if (open === 0) openedAt = starts[i] as number;
      open += 1;
      i += 1;
    } else {
      open -= 1;
      if (open === 0) result.push({ startMs: openedAt, endMs: ends[j] as number });
      j += 1;
    }
  }
  return result;
}

/** The union of two sets, in O(|a| + |b|). */
export function unionSets(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  let current: { startMs: number; endMs: number } | undefined;
  while (i < a.length || j < b.length) {
    const next =
      j >= b.length || (i < a.length && (a[i] as Interval).startMs <= (b[j] as Interval).startMs)
        ? (a[i++] as Interval)
        : (b[j++] as Interval);
    if (current !== undefined && next.startMs <= current.endMs) {
      if (next.endMs > current.endMs) current.endMs = next.endMs;
    } else {
      if (current !== undefined) result.push(current);
      current = { startMs: next.startMs, endMs: next.endMs };
    }
  }
  if (current !== undefined) result.push(current);
  return result;
}

/** The intersection of two sets, in O(|a| + |b|). */
export function intersectSets(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const startMs = Math.max(x.startMs, y.startMs);
    const endMs = Math.min(x.endMs, y.endMs);
    if (startMs < endMs) result.push({ startMs, endMs });
    if (x.endMs < y.endMs) i += 1;
    else j += 1;
  }
  return result;
}

/** `a − b` for two sets, in O(|a| + |b|). */
export function subtractSets(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let cursor = x.startMs;
    while (j < b.length && (b[j] as Interval).endMs <= cursor) j += 1;
    let k = j;
    while (k < b.length && (b[k] as Interval).startMs < x.endMs) {
      const y = b[k] as Interval;
      if (y.startMs > cursor) result.push({ startMs: cursor, endMs: y.startMs });
      if (y.endMs > cursor) cursor = y.endMs;
      if (y.endMs > x.endMs) break;
      k += 1;
    }
    if (cursor < x.endMs) result.push({ startMs: cursor, endMs: x.endMs });
  }
  return result;
}

/** Index of the first interval of a sorted disjoint list whose end is after `instantMs`. */
export function firstEndingAfter(set: readonly Interval[], instantMs: number): number {
  let low = 0;
  let high = set.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((set[mid] as Interval).endMs <= instantMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The part of a sorted disjoint list inside `[startMs, endMs)`, each element cut
 * to it (other fields kept), in O(log n + k).
 */
export function clipSorted<T extends Interval>(
  set: readonly T[],
  startMs: number,
  endMs: number,
): T[] {
  const result: T[] = [];
  for (let i = firstEndingAfter(set, startMs); i < set.length; i += 1) {
    const x = set[i] as T;
    if (x.startMs >= endMs) break;
    if (x.startMs >= startMs && x.endMs <= endMs) result.push(x);
    else
      result.push({ ...x, startMs: Math.max(x.startMs, startMs), endMs: Math.min(x.endMs, endMs) });
  }
  return result;
}

/** `true` when `[startMs, endMs)` lies wholly inside one interval of the set. */
export function coveredBy(set: readonly Interval[], startMs: number, endMs: number): boolean {
  const x = set[firstEndingAfter(set, startMs)];
  return x !== undefined && x.startMs <= startMs && x.endMs >= endMs;
}

/** `true` when `[startMs, endMs)` shares at least one instant with the set. */
export function overlaps(set: readonly Interval[], startMs: number, endMs: number): boolean {
  const x = set[firstEndingAfter(set, startMs)];
  return x !== undefined && x.startMs < endMs;
}

/** Total length in milliseconds of a set (or of any disjoint list). */
export function totalMs(set: readonly Interval[]): number {
  let sum = 0;
  for (const x of set) sum += x.endMs - x.startMs;
  return sum;
}

/** The severity timeline: where the weight is > 0, which weight is the largest. */
export interface SeverityTimeline {
  /** Sorted, disjoint pieces of constant weight (the largest covering weight). */
  readonly pieces: readonly WeightedInterval[];
  /** Outage runs: maximal intervals where the weight is > 0 (a set). */
  readonly runs: readonly Interval[];
  /** Per weight level, the set of instants where that level is the largest. */
  readonly regions: ReadonlyMap<number, readonly Interval[]>;
}

/**
 * The severity timeline of weighted intervals (spec §3.4–3.5): at every instant
 * the largest weight of the intervals covering it, so overlaps count once and the
 * most severe wins; and the outage runs, maximal intervals of weight > 0.
 * Weight-0 intervals take no part (they neither join nor split runs). Works level
 * by level from the heaviest down: O(n log n + n·L) for L distinct weights, and
 * the engine has at most three (one per outage state).
 */
export function severityTimeline(intervals: readonly WeightedInterval[]): SeverityTimeline {
  const byWeight = new Map<number, Interval[]>();
  for (const x of intervals) {
    if (x.weight <= 0) continue;
    const list = byWeight.get(x.weight);
    if (list === undefined) byWeight.set(x.weight, [x]);
    else list.push(x);
  }
  const levels = [...byWeight.keys()].sort((a, b) => b - a);
  const regions = new Map<number, Interval[]>();
  let covered: Interval[] = [];
  const pieces: WeightedInterval[] = [];
  for (const weight of levels) {
    const level = unionIntervals(byWeight.get(weight) ?? []);
    const region = levels.length === 1 ? level : subtractSets(level, covered);
    regions.set(weight, region);
    for (const x of region) pieces.push({ startMs: x.startMs, endMs: x.endMs, weight });
    covered = levels.length === 1 ? level : unionSets(covered, level);
  }
  if (levels.length > 1) pieces.sort((a, b) => a.startMs - b.startMs);
  return { pieces, runs: covered, regions };
}
