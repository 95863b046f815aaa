/**
 * How many fast-check runs a property gets: the given number in `npm test`, twenty times as
 * many in `npm run test:long` (LONG=1), where a deeper search is worth the minutes.
 */
export function runs(base: number): { numRuns: number } {
  return { numRuns: process.env.LONG === '1' ? base * 20 : base };
}
