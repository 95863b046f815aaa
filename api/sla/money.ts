import { floorRat, fromDecimal, type Rational } from './rational.ts';

/**
 * The one place money is rounded: an exact amount in minor units (cents) to an
 * integer number of minor units, half up (x.5 → x+1), as spec §3.12 requires.
 * Callers round once, at the very end of a computation, never in between.
 */
export function roundMoneyHalfUp(amountMinor: Rational): bigint {
  return floorRat({ n: 2n * amountMinor.n + amountMinor.d, d: 2n * amountMinor.d });
}

/**
 * The daily rule's part of a credit (sla-accounting §3.10), for saying what it is worth:
 * `creditDays × monthlyFeeMinor / daysInMonth` per qualifying day, exact, rounded half up on
 * its own. The credit itself adds the exact part to the tier's before the cap and rounds once,
 * so the two shown parts may differ from the credit by a minor unit, or by the cap.
 */
export function dailyRuleCreditMinor(
  creditDays: number,
  monthlyFeeMinor: number,
  qualifyingDayCount: number,
  daysInMonth: number,
): number {
  const days = fromDecimal(creditDays);
  const exact = {
    n: days.n * BigInt(monthlyFeeMinor) * BigInt(qualifyingDayCount),
    d: days.d * BigInt(daysInMonth),
  };
  return Number(roundMoneyHalfUp(exact));
}
