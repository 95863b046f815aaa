import { describe, expect, it } from 'vitest';
import { markRebuild, rebuildDue } from '../../api/site-rebuild.ts';

/**
 * When the running portal rebuilds its pages after status changes (docs/decisions/050): a
 * burst of writes builds once, after a quiet spell, but a steady trickle never holds the
 * pages back longer than the maximum delay; a failed build waits for its retry time.
 */
describe('the site rebuild schedule', () => {
  const timings = { quietMs: 3_000, maxDelayMs: 20_000 };

  it('waits for the changes to go quiet, keeping the first reason', () => {
    let pending = markRebuild(null, 'status changed', 1_000);
    pending = markRebuild(pending, 'a new UTC day', 2_500);
    expect(pending).toEqual({
      firstMs: 1_000,
      lastMs: 2_500,
      notBeforeMs: 0,
      reason: 'status changed',
    });
    expect(rebuildDue(pending, 5_499, timings)).toBe(false);
    expect(rebuildDue(pending, 5_500, timings)).toBe(true);
  });

  it('builds by the maximum delay even while changes keep coming', () => {
    let pending = markRebuild(null, 'status changed', 0);
    for (let atMs = 1_000; atMs <= 20_000; atMs += 1_000) {
      pending = markRebuild(pending, 'status changed', atMs);
    }
    expect(rebuildDue(pending, 19_999, timings)).toBe(false);
    expect(rebuildDue(pending, 20_000, timings)).toBe(true);
  });

  it('holds a retry until its time, even when a later change asks sooner', () => {
    let pending = markRebuild(null, 'start', 0, 60_000);
    pending = markRebuild(pending, 'status changed', 10_000);
    expect(pending.notBeforeMs).toBe(60_000);
    expect(rebuildDue(pending, 59_999, timings)).toBe(false);
    expect(rebuildDue(pending, 60_000, timings)).toBe(true);
  });

  it('has nothing to build when nothing was asked', () => {
    expect(rebuildDue(null, 1_000_000, timings)).toBe(false);
  });
});
