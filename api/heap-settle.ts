import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';

/**
 * Gives the heap back when the process has gone quiet after work (docs/decisions/212).
 *
 * `npm start` lets V8's young generation grow to what load needs (its semi-spaces up to
 * 16 MB), which is what keeps the status answer near bare Hono's speed. V8 shrinks it again, and
 * returns freed pages to the system, in its "reduce memory" collections, which its memory
 * reducer starts from the embedder's idle notifications; Node sends none, so after start-up or
 * a burst of requests an idle portal could keep 150–300 MB it no longer uses. So, every
 * `intervalMs`: when the event loop was nearly idle over that time and the heap has grown
 * by `growthBytes` since it last settled, one such collection (tens of milliseconds, on an
 * idle process).
 */
export interface HeapSettlerOptions {
  /** A memory-reducing full collection. */
  collect: () => void;
  /** The heap's committed size, in bytes. */
  heapBytes: () => number;
  /** The share of the last interval the event loop was busy (0–1). */
  busyShare: () => number;
  /** Busy below this share is quiet. */
  quietBelow?: number;
  /** Growth since the last settle that is worth a collection. */
  growthBytes?: number;
}

export interface HeapSettler {
  /** One look: collects when quiet and grown; says whether it did. */
  check(): boolean;
}

export function createHeapSettler(options: HeapSettlerOptions): HeapSettler {
  const quietBelow = options.quietBelow ?? 0.1;
  const growthBytes = options.growthBytes ?? 16 * 2 ** 20;
  // Zero: the first quiet look after start-up settles what start-up left.
  let settledBytes = 0;
  return {
    check() {
      // Read every time, so each look's busy share covers the interval since the last.
      const busy = options.busyShare();
      if (busy >= quietBelow || options.heapBytes() - settledBytes < growthBytes) return false;
      options.collect();
      settledBytes = options.heapBytes();
      return true;
    },
  };
}

type GcFunction = (options: { type: 'major'; flavor: 'last-resort' }) => void;

/**
 * Starts the settler for this process, when V8's `gc` is exposed (`npm start` runs with
 * --expose-gc); otherwise does nothing. The first look comes `firstMs` after the call (made
 * once the portal listens: what start-up left goes then), the next every `intervalMs`. The
 * timers never keep the process alive.
 */
export function settleHeapWhenQuiet(options: { firstMs?: number; intervalMs?: number } = {}): {
  stop(): void;
} {
  const gc = (globalThis as { gc?: GcFunction }).gc;
  if (typeof gc !== 'function') return { stop: () => undefined };
  let last = performance.eventLoopUtilization();
  const settler = createHeapSettler({
    // "last-resort": the collection V8 makes before giving up on memory, which also shrinks
    // the young generation and releases the freed pages (a regular one keeps them).
    collect: () => gc({ type: 'major', flavor: 'last-resort' }),
    heapBytes: () => v8.getHeapStatistics().total_heap_size,
    busyShare: () => {
      const now = performance.eventLoopUtilization();
      const share = performance.eventLoopUtilization(now, last).utilization;
      last = now;
      return share;
    },
  });
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    settler.check();
    interval = setInterval(() => settler.check(), options.intervalMs ?? 5_000);
    interval.unref();
  }, options.firstMs ?? 1_000);
  first.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(interval);
    },
  };
}
