// Exact rational arithmetic on BigInt. Every comparison and amount the SLA engine
// reports goes through here, so that no binary floating-point value ever decides
// whether a target was met or how much a customer is owed.

/** A rational number `n / d` with `d > 0`; not necessarily in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };

/** An exact integer as a rational. */
export function ratInt(value: bigint | number): Rational {
  return { n: BigInt(value), d: 1n };
}

/** `n / d` with the sign moved to the numerator; throws on a zero denominator. */
export function rat(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('rational with zero denominator');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** Exact `a + b` (not reduced: callers only compare and round the result). */
export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** Exact `a − b` (not reduced). */
export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return { n: a.n - b.n, d: a.d };
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

/** Exact `a × b` (not reduced). */
export function mul(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** Exact `a / b`; throws when `b` is zero. */
export function div(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`; exact. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The smaller of two rationals, compared exactly. */
export function min(a: Rational, b: Rational): Rational {
  return cmp(a, b) <= 0 ? a : b;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The same value in lowest terms (for display and equality tests). */
export function normalize(a: Rational): Rational {
  const g = gcd(a.n, a.d);
  return g <= 1n ? a : { n: a.n / g, d: a.d / g };
}

/** Largest integer ≤ a (floor division, also right for negatives). */
export function floorRat(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Smallest integer ≥ a. */
export function ceilRat(a: Rational): bigint {
  return -floorRat({ n: -a.n, d: a.d });
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The exact rational a JSON number stands for, read as the shortest decimal that
 * denotes it (`String(x)`, so `99.95` is 9995/100 and `1e-7` is 1/10^7), never
 * the binary double's own value (spec §6.1). Throws on NaN and infinities.
 */
export function fromDecimal(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = DECIMAL.exec(String(value));
  if (match === null) throw new RangeError(`unexpected number text: ${String(value)}`);
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match;
  let n = BigInt(whole + fraction);
  if (sign === '-') n = -n;
  const exponent = Number(exponentText) - fraction.length;
  return exponent >= 0
    ? { n: n * 10n ** BigInt(exponent), d: 1n }
    : { n, d: 10n ** BigInt(-exponent) };
}

/** Number of decimals `String(value)` needs (0 for integers); exponent forms count too. */
export function decimalPlaces(value: number): number {
  // A reduced denominator 2^a·5^b needs max(a, b) decimals.
  let rest = normalize(fromDecimal(value)).d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  return Math.max(twos, fives);
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

const TWO_53 = 2n ** 53n;
const TWO_52 = 2n ** 52n;

/**
 * The double nearest to the exact rational, ties to even (IEEE 754
 * round-to-nearest). `Number(n) / Number(d)` is only correctly rounded when both
 * are exact doubles, so large operands are reduced to a 53-bit quotient first.
 * Results are assumed to lie in the normal range of doubles (they are durations,
 * percentages and amounts of money).
 */
export function toNumber(a: Rational): number {
  if (a.n === 0n) return 0;
  const negative = a.n < 0n;
  const n = negative ? -a.n : a.n;
  const { d } = a;
  if (n <= TWO_53 && d <= TWO_53) {
    const value = Number(n) / Number(d);
    return negative ? -value : value;
  }
  let exponent = bitLength(n) - bitLength(d) - 53;
  let quotient = 0n;
  let remainder = 0n;
  let divisor = 0n;
  for (;;) {
    const numerator = exponent >= 0 ? n : n << BigInt(-exponent);
    divisor = exponent >= 0 ? d << BigInt(exponent) : d;
    quotient = numerator / divisor;
    remainder = numerator - quotient * divisor;
    if (quotient >= TWO_53) exponent += 1;
    else if (quotient < TWO_52) exponent -= 1;
    else break;
  }
  const twice = remainder * 2n;
  if (twice > divisor || (twice === divisor && (quotient & 1n) === 1n)) quotient += 1n;
  const value = Number(quotient) * 2 ** exponent;
  return negative ? -value : value;
}

/**
 * `a` floored to `places` decimals, as fixed-point text (`99.9999…` → `"99.999"`
 * for 3 places); exact, so a value just under 100 never shows as `100.000`.
 */
export function floorToFixed(a: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = floorRat({ n: a.n * scale, d: a.d });
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const cut = digits.length - places;
  const text = places === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}
