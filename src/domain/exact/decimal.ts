import DecimalJs from 'decimal.js';

/**
 * The Decimal class every computation uses. decimal.js rounds the result of each operation to
 * `precision` significant digits (20 by default), which would silently round large sums, so this
 * clone keeps 200: every sum and product of amounts people type stays exact.
 */
export const Decimal = DecimalJs.clone({
  precision: 200,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 60,
});
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);

export function isDecimal(x: unknown): x is Decimal {
  return DecimalJs.isDecimal(x);
}

/**
 * The same Decimal with its digit array cut to its length, for Decimals kept by the hundred
 * thousand (one per result line): decimal.js builds the array by push, which leaves room for
 * about 17 words — some 140 bytes of slack per Decimal. Returns `x`, changed in place (its value
 * is not: only the array's spare capacity goes).
 */
export function compactDecimal(x: Decimal): Decimal {
  const d = (x as unknown as { d: number[] | null }).d;
  if (d !== null && d.length < 16) (x as unknown as { d: number[] }).d = d.slice();
  return x;
}

/** Rounds half-up to `places` decimals (the rounding every money figure uses). */
export function roundHalfUp(x: Decimal, places = 2): Decimal {
  return x.toDecimalPlaces(places, DecimalJs.ROUND_HALF_UP);
}
