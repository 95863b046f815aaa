import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeapSettler } from '../../api/heap-settle.ts';

const MB = 2 ** 20;

/** A settler over a heap and an event loop the test sets, counting its collections. */
function arrange(start: { heapMb: number; busy: number }) {
  const state = { ...start, collections: 0 };
  const settler = createHeapSettler({
    collect: () => {
      state.collections += 1;
      state.heapMb = 30;
    },
    heapBytes: () => state.heapMb * MB,
    busyShare: () => state.busy,
  });
  return { state, settler };
}

describe('giving the heap back when the portal is quiet (docs/decisions/212)', () => {
  it('collects once after start-up when quiet, then only after the heap grows again', () => {
    const { state, settler } = arrange({ heapMb: 90, busy: 0.01 });
    expect(settler.check()).toBe(true);
    expect(state).toMatchObject({ collections: 1, heapMb: 30 });
    // Quiet, and nothing grew: no collection on every look.
    expect(settler.check()).toBe(false);
    state.heapMb = 40;
    expect(settler.check()).toBe(false);
    // A burst grew the young generation: given back once the burst is over.
    state.heapMb = 80;
    state.busy = 0.9;
    expect(settler.check()).toBe(false);
    state.busy = 0.03;
    expect(settler.check()).toBe(true);
    expect(state.collections).toBe(2);
  });

  it('never collects while the event loop is busy, however large the heap', () => {
    const { state, settler } = arrange({ heapMb: 400, busy: 0.5 });
    for (let look = 0; look < 5; look += 1) expect(settler.check()).toBe(false);
    expect(state.collections).toBe(0);
  });

  it('shrinks a real heap that a burst grew, with --expose-gc as npm start runs', () => {
    const settle = join(import.meta.dirname, '../../api/heap-settle.ts');
    const script = `
      import v8 from 'node:v8';
      import { settleHeapWhenQuiet } from ${JSON.stringify(settle)};
      const size = () => v8.getHeapStatistics().total_heap_size;
      // A burst: many short-lived objects, some kept for a while.
      let kept = [];
      for (let i = 0; i < 400_000; i += 1) {
        kept.push({ i, text: 'x'.repeat(64) + i });
        if (kept.length > 100_000) kept = [];
      }
      kept = [];
      const before = size();
      settleHeapWhenQuiet({ firstMs: 100, intervalMs: 100 });
      setTimeout(() => {
        process.stdout.write(JSON.stringify({ before, after: size() }));
      }, 600);
    `;
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-semi-space-size=16', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    const { before, after } = JSON.parse(child.stdout) as { before: number; after: number };
    expect(before - after).toBeGreaterThan(10 * MB);
  });
});
