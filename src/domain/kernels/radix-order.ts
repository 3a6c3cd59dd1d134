/**
 * Orders items by an integer value, largest first, without a comparison sort: a stable LSD radix
 * sort (11-bit digits) of each value's distance below the largest one. A speed kernel for the
 * ABC ranking (src/domain/abc/rankings.ts); it knows nothing of customers or tiers.
 */

/** Item indices in order, and their values in the same order (read sequentially, not through the index). */
export interface DescendingOrder {
  order: Int32Array;
  values: Float64Array;
}

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;
const TWO_32 = 4294967296;

/**
 * The items with a positive value (or, with `positive` false, the others), value descending,
 * equal values in index order. `units` are integers whose spread (largest − smallest on the
 * chosen side) is below 2^53.
 *
 * The distance top − value is split into two 32-bit halves; only as many passes are made as that
 * spread needs (three for values up to 10^9) and a digit every item shares is skipped, so the
 * sort costs a few linear passes where a comparison sort of a million keys costs twenty
 * comparisons each, and it needs no packing of value and index into one number.
 */
export function descendingOrder(units: Float64Array, positive: boolean): DescendingOrder {
  const n = units.length;
  let count = 0;
  let top = -Infinity;
  let bottom = Infinity;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    if (u > 0 !== positive) continue;
    count++;
    if (u > top) top = u;
    if (u < bottom) bottom = u;
  }
  const spread = count ? top - bottom : 0;
  // The high halves are all 0 unless the spread reaches 2^32: then they are neither kept nor moved.
  const wide = spread >= TWO_32;
  let lo = new Uint32Array(count);
  let hi = new Uint32Array(wide ? count : 0);
  let order = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) {
    const u = units[i];
    if (u > 0 !== positive) continue;
    const d = top - u;
    const l = d % TWO_32;
    lo[k] = l;
    if (wide) hi[k] = (d - l) / TWO_32;
    order[k++] = i;
  }
  let passes = 0;
  while (passes * DIGIT_BITS < 53 && spread >= 2 ** (passes * DIGIT_BITS)) passes++;
  const counts = new Int32Array(passes * DIGITS);
  for (let k = 0; k < count; k++) {
    const h = wide ? hi[k] : 0;
    for (let p = 0; p < passes; p++) counts[p * DIGITS + digit(lo[k], h, p * DIGIT_BITS)]++;
  }

  let lo2 = new Uint32Array(passes ? count : 0);
  let hi2 = new Uint32Array(passes && wide ? count : 0);
  let order2 = new Int32Array(passes ? count : 0);
  for (let p = 0; p < passes; p++) {
    const base = p * DIGITS;
    const shift = p * DIGIT_BITS;
    // A digit every item shares leaves the order as it is.
    if (counts[base + digit(lo[0], wide ? hi[0] : 0, shift)] === count) continue;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[base + d];
      counts[base + d] = sum;
      sum += c;
    }
    if (wide)
      for (let k = 0; k < count; k++) {
        const at = counts[base + digit(lo[k], hi[k], shift)]++;
        lo2[at] = lo[k];
        hi2[at] = hi[k];
        order2[at] = order[k];
      }
    else
      for (let k = 0; k < count; k++) {
        const at = counts[base + ((lo[k] >>> shift) & DIGIT_MASK)]++;
        lo2[at] = lo[k];
        order2[at] = order[k];
      }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [order, order2] = [order2, order];
  }
  const values = new Float64Array(count);
  if (wide) for (let k = 0; k < count; k++) values[k] = top - (hi[k] * TWO_32 + lo[k]);
  else for (let k = 0; k < count; k++) values[k] = top - lo[k];
  return { order, values };
}

/** The 11 bits of hi·2^32 + lo starting at bit `shift`. */
function digit(lo: number, hi: number, shift: number): number {
  if (shift >= 32) return (hi >>> (shift - 32)) & DIGIT_MASK;
  if (shift + DIGIT_BITS <= 32) return (lo >>> shift) & DIGIT_MASK;
  return ((lo >>> shift) | (hi << (32 - shift))) & DIGIT_MASK;
}
