import {
  cmp,
  floorRat,
  floorToFixed,
  fromDecimal,
  type Rational,
  ratInt,
} from '../../../api/sla/rational.ts';
import { dayOfMonth } from '../shared/format.ts';

/**
 * The figures of the daily charts and their table, derived exactly as the engine derives
 * the month's: availability floored to three decimals on exact rationals (never a binary
 * quotient, which reads 63.749 for 63.75), and "below the target" compared exactly.
 */

/** One local day as the API gives it (`days` of an evaluation). */
export interface DayInput {
  date: string;
  eligibleMs: number;
  downtimeMs: number;
}

export interface ChartDayFigures {
  date: string;
  /** Axis label, e.g. `Wed 14 Oct`. */
  label: string;
  /** The floored figure as the chart plots it, or null where the day had no eligible time. */
  availability: number | null;
  /** The same figure as text with three decimals (`63.750`), as the month's is shown. */
  availabilityText: string | null;
  /** The exact availability is below the target (not the floored figure). */
  belowTarget: boolean;
  downtimeMs: number;
  /** Downtime in minutes, to a tenth (rounded half up), for the bars. */
  downtimeMinutes: number;
}

/** The exact availability of a day in percent, or null without eligible time. */
function exactAvailability(day: DayInput): Rational | null {
  if (day.eligibleMs <= 0) return null;
  const eligible = ratInt(day.eligibleMs);
  // downtimeMs is a decimal (hundredths of a ms at most), read as written (§6.1).
  const downtime = fromDecimal(day.downtimeMs);
  return {
    n: (eligible.n * downtime.d - downtime.n) * 100n,
    d: eligible.n * downtime.d,
  };
}

/** Tenths of a minute, rounded half up, exactly. */
function downtimeMinutes(downtimeMs: number): number {
  const downtime = fromDecimal(downtimeMs);
  const tenths = floorRat({ n: downtime.n * 2n + 6_000n * downtime.d, d: 12_000n * downtime.d });
  return Number(tenths) / 10;
}

export interface DailyChartFigures {
  days: ChartDayFigures[];
  /** Days whose availability is below the target. */
  belowCount: number;
  /** The day with the lowest availability (the first of equals), or null if none counted. */
  lowest: ChartDayFigures | null;
}

export function dailyChartFigures(days: DayInput[], targetPercent: number): DailyChartFigures {
  const target = fromDecimal(targetPercent);
  const figures: ChartDayFigures[] = [];
  let lowest: ChartDayFigures | null = null;
  let lowestExact: Rational | null = null;
  for (const day of days) {
    const exact = exactAvailability(day);
    const text = exact === null ? null : floorToFixed(exact, 3);
    const item: ChartDayFigures = {
      date: day.date,
      label: dayOfMonth(day.date),
      availability: text === null ? null : Number(text),
      availabilityText: text,
      belowTarget: exact !== null && cmp(exact, target) < 0,
      downtimeMs: day.downtimeMs,
      downtimeMinutes: downtimeMinutes(day.downtimeMs),
    };
    if (exact !== null && (lowestExact === null || cmp(exact, lowestExact) < 0)) {
      lowest = item;
      lowestExact = exact;
    }
    figures.push(item);
  }
  return { days: figures, belowCount: figures.filter((day) => day.belowTarget).length, lowest };
}
