import { floorRat, type Rational } from './rational.ts';

/**
 * The one place money is rounded: an exact amount in minor units (cents) to an
 * integer number of minor units, half up (x.5 → x+1), as spec §3.12 requires.
 * Callers round once, at the very end of a computation, never in between.
 */
export function roundMoneyHalfUp(amountMinor: Rational): bigint {
  return floorRat({ n: 2n * amountMinor.n + amountMinor.d, d: 2n * amountMinor.d });
}
