import { Decimal } from '../exact/decimal';

/**
 * ABC tiers (docs/rules/abc.md) over items that each have a name and an exact value.
 *
 * - value method: order by value descending (then name); a customer's tier comes from the
 *   cumulative share of the customers strictly ahead of it — A if < a, B if < b, else C
 *   (crossing 'include', the default: the customer that crosses 80 % is still A). With crossing
 *   'exclude' the share *including* the customer and its equals is used: A if ≤ a, B if ≤ b.
 * - count method: A = the first round-half-up(shareA × N) customers (at least 1), A+B = the first
 *   round-half-up((shareA + shareB) × N); customers tied with the last member of a tier join it.
 * - Equal values always share a tier. Values ≤ 0 are tier C, outside the total, and listed apart.
 *
 * Speed: the hot path works on exact integers (value × 10^scale, all partial sums below 2^53),
 * so the cumulative sums are plain float64 operations whose results are exact, the order comes
 * from a radix sort and ties are put in name order without a comparator callback. Values that
 * do not fit go through `rankAbcDecimal`, the same walk on Decimals.
 */

export type Tier = 'A' | 'B' | 'C';
export const TIERS: readonly Tier[] = ['A', 'B', 'C'];
export type AbcMethod = 'value' | 'count';
/** 'include': the crossing customer stays in the upper tier (default); 'exclude': it goes to the lower one. */
export type Crossing = 'include' | 'exclude';

export interface AbcOptions {
  method: AbcMethod;
  /** Value method: cumulative value shares, as fractions (0.8, 0.95). */
  thresholds: { a: Decimal; b: Decimal };
  crossing: Crossing;
  /** Count method: share of customers in A and in B, as fractions (0.2, 0.3; C is the rest). */
  countShares: { a: Decimal; b: Decimal };
}

export const DEFAULT_ABC_OPTIONS: AbcOptions = {
  method: 'value',
  thresholds: { a: new Decimal('0.8'), b: new Decimal('0.95') },
  crossing: 'include',
  countShares: { a: new Decimal('0.2'), b: new Decimal('0.3') },
};

export type AbcOptionProblem = 'thresholds-range' | 'thresholds-order' | 'thresholds-precision' | 'count-range' | 'count-sum';

/** Problems with the options, empty when usable. Shares are limited to 0.01 % steps so the sheet's formulas can compare them exactly. */
export function checkAbcOptions(o: AbcOptions): AbcOptionProblem[] {
  const out: AbcOptionProblem[] = [];
  const { a, b } = o.thresholds;
  if (a.lte(0) || b.gt(1) || a.gt(1) || b.lte(0)) out.push('thresholds-range');
  else if (a.gt(b)) out.push('thresholds-order');
  const ca = o.countShares.a;
  const cb = o.countShares.b;
  if (ca.lte(0) || cb.lt(0) || ca.gt(1)) out.push('count-range');
  else if (ca.plus(cb).gt(1)) out.push('count-sum');
  if ([a, b, ca, cb].some((x) => x.decimalPlaces() > 4)) out.push('thresholds-precision');
  return out;
}

export const TIER_A = 0;
export const TIER_B = 1;
export const TIER_C = 2;

/** The result in columns, so a million customers cost a few typed arrays rather than objects. */
export interface AbcRanking {
  /** Items with a positive value, in rank order (value descending, then name, then input order). */
  order: Int32Array;
  /** Items with a value ≤ 0, value descending then name: tier C, excluded from the total. */
  nonPositive: Int32Array;
  /** Per item (input index): TIER_A, TIER_B or TIER_C. */
  tier: Uint8Array;
  /** Per rank position: share of the total held by customers with a strictly larger value. */
  cumulativeBefore: Float64Array;
  /** Per rank position: share of the total held by this customer. */
  share: Float64Array;
  /** Sum of the positive values, exact. */
  total: Decimal;
  /** Over positive customers. */
  summary: Record<Tier, { customers: number; value: Decimal }>;
  /** Count method: the rank positions that end A and B before ties are added (1-based). */
  countCut?: { a: number; ab: number };
}

export interface ScaledValues {
  /** value × 10^scale per item: integers, with the sum of their absolute values ≤ 2^53 − 1. */
  units: Float64Array;
  scale: number;
}

const compareNames = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Exact value of a scaled integer. */
export function unitsToDecimal(units: number, scale: number): Decimal {
  const d = new Decimal(units);
  return scale === 0 ? d : d.div(new Decimal(10).pow(scale));
}

/**
 * Brings exact decimals to one integer scale; undefined when they do not fit the fast path
 * (more than 15 decimals, or sums beyond 2^53), in which case callers use the reference path.
 */
export function toScaled(values: readonly Decimal[]): ScaledValues | undefined {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, v.decimalPlaces());
  if (scale > 15) return undefined;
  const factor = new Decimal(10).pow(scale);
  const units = new Float64Array(values.length);
  let abs = 0;
  for (let i = 0; i < values.length; i++) {
    const u = values[i].times(factor);
    const n = u.toNumber();
    if (!Number.isSafeInteger(n)) return undefined;
    abs += Math.abs(n);
    if (abs > Number.MAX_SAFE_INTEGER) return undefined;
    units[i] = n;
  }
  return { units, scale };
}

/** Tiers for exact decimals: the fast path when they fit, the reference path otherwise. */
export function rankAbc(names: readonly string[], values: readonly Decimal[], options: AbcOptions = DEFAULT_ABC_OPTIONS): AbcRanking {
  const scaled = toScaled(values);
  return scaled ? rankAbcScaled(names, scaled, options) : rankAbcDecimal(names, values, options);
}

/** A·T as the largest integer units strictly below it (for `<`) and the largest at or below it (for `≤`). */
function integerLimits(share: Decimal, total: number): { below: number; atMost: number } {
  const x = share.times(total);
  const floor = x.floor().toNumber();
  return { below: x.isInteger() ? floor - 1 : floor, atMost: floor };
}

/** Round-half-up of share × n, at least `min`. */
function countCut(share: Decimal, n: number, min: number): number {
  return Math.max(min, share.times(n).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

export function countCuts(o: AbcOptions, n: number): { a: number; ab: number } {
  const a = Math.min(n, countCut(o.countShares.a, n, 1));
  const ab = Math.min(n, countCut(o.countShares.a.plus(o.countShares.b), n, a));
  return { a, ab };
}

/** The fast path. `units` must satisfy the ScaledValues contract. */
export function rankAbcScaled(names: readonly string[], scaled: ScaledValues, options: AbcOptions = DEFAULT_ABC_OPTIONS): AbcRanking {
  const { units, scale } = scaled;
  const n = units.length;
  if (names.length !== n) throw new RangeError('names and values differ in length');

  let positives = 0;
  let totalUnits = 0;
  let posTop = -Infinity;
  let posBottom = Infinity;
  let nonTop = -Infinity;
  let nonBottom = Infinity;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    if (u > 0) {
      positives++;
      totalUnits += u;
      if (u > posTop) posTop = u;
      if (u < posBottom) posBottom = u;
    } else {
      if (u > nonTop) nonTop = u;
      if (u < nonBottom) nonBottom = u;
    }
  }

  const { order, values: ranked } = sortDescending(units, names, { positive: true, count: positives, top: posTop, bottom: posBottom });
  const nonPositive = sortDescending(units, names, { positive: false, count: n - positives, top: nonTop, bottom: nonBottom }).order;

  const tier = new Uint8Array(n).fill(TIER_C);
  const cumulativeBefore = new Float64Array(positives);
  const share = new Float64Array(positives);
  const sums = [0, 0, 0];
  const counts = [0, 0, 0];
  const cuts = options.method === 'count' ? countCuts(options, positives) : undefined;
  const limA = integerLimits(options.thresholds.a, totalUnits);
  const limB = integerLimits(options.thresholds.b, totalUnits);
  const exclude = options.crossing === 'exclude';

  let cum = 0;
  for (let start = 0; start < positives; ) {
    const v = ranked[start];
    let end = start + 1;
    while (end < positives && ranked[end] === v) end++;
    const before = cum;
    const through = before + v * (end - start);
    let t: number;
    if (cuts) t = start < cuts.a ? TIER_A : start < cuts.ab ? TIER_B : TIER_C;
    else if (exclude) t = through <= limA.atMost ? TIER_A : through <= limB.atMost ? TIER_B : TIER_C;
    else t = before <= limA.below ? TIER_A : before <= limB.below ? TIER_B : TIER_C;
    const beforeShare = before / totalUnits;
    const itemShare = v / totalUnits;
    for (let p = start; p < end; p++) {
      tier[order[p]] = t;
      cumulativeBefore[p] = beforeShare;
      share[p] = itemShare;
    }
    counts[t] += end - start;
    sums[t] += v * (end - start);
    cum = through;
    start = end;
  }

  return {
    order,
    nonPositive,
    tier,
    cumulativeBefore,
    share,
    total: unitsToDecimal(totalUnits, scale),
    summary: {
      A: { customers: counts[0], value: unitsToDecimal(sums[0], scale) },
      B: { customers: counts[1], value: unitsToDecimal(sums[1], scale) },
      C: { customers: counts[2], value: unitsToDecimal(sums[2], scale) },
    },
    ...(cuts ? { countCut: cuts } : {}),
  };
}

/** One side of the ranking: the positive or the non-positive items, with their largest and smallest value. */
interface SignClass {
  positive: boolean;
  count: number;
  top: number;
  bottom: number;
}

/** Item indices in rank order, and their values in the same order (read sequentially, not through the index). */
interface Ranked {
  order: Int32Array;
  values: Float64Array;
}

/** Indices of the positive (or the non-positive) items, value descending, then name, then index. */
function sortDescending(units: Float64Array, names: readonly string[], side: SignClass): Ranked {
  const ranked = radixOrder(units, side);
  orderTiesByName(ranked, names);
  return ranked;
}

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;
const TWO_32 = 4294967296;

/**
 * Value descending, then index: a stable LSD radix sort (11-bit digits) of the distance below the
 * largest value, top − value, an integer below 2^53 split into two 32-bit halves. It makes only
 * as many passes as that spread needs (three for values up to 10^9) and skips digits every item
 * shares, so it costs a few linear passes where a comparison sort of a million keys costs
 * twenty comparisons each, and it needs no packing of value and index into one number.
 */
function radixOrder(units: Float64Array, side: SignClass): Ranked {
  const { positive, count, top, bottom } = side;
  const n = units.length;
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
    const lo3 = lo;
    lo = lo2;
    lo2 = lo3;
    const hi3 = hi;
    hi = hi2;
    hi2 = hi3;
    const order3 = order;
    order = order2;
    order2 = order3;
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

/**
 * Within each block of equal values (in index order), orders by name, keeping index order among
 * equal names. Blocks can hold hundreds of thousands of items (many customers with the same small
 * value), so this avoids Array#sort with a comparator callback: each item gets a number that
 * orders like its name over the three UTF-16 units after the block's common prefix, and a
 * stable merge sort compares those numbers, reading the names only when the numbers are equal.
 */
function orderTiesByName({ order, values }: Ranked, names: readonly string[]): void {
  const count = order.length;
  const scratch = new TieScratch();
  for (let start = 0; start < count; ) {
    const v = values[start];
    let end = start + 1;
    while (end < count && values[end] === v) end++;
    if (end - start > 1) orderBlockByName(order, start, end, names, scratch);
    start = end;
  }
}

/** Buffers reused across blocks, grown to the largest block. */
class TieScratch {
  items = new Int32Array(0);
  keys = new Float64Array(0);
  tmpItems = new Int32Array(0);
  tmpKeys = new Float64Array(0);
  ensure(size: number): void {
    if (this.items.length >= size) return;
    const cap = Math.max(size, this.items.length * 2, 64);
    this.items = new Int32Array(cap);
    this.keys = new Float64Array(cap);
    this.tmpItems = new Int32Array(cap);
    this.tmpKeys = new Float64Array(cap);
  }
}

/** Code unit + 1 at position i, 0 past the end: a shorter name sorts before its extensions. */
function unitAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) + 1 : 0;
}

/** Runs shorter than this are insertion-sorted before merging. */
const INSERTION_RUN = 16;

function orderBlockByName(order: Int32Array, start: number, end: number, names: readonly string[], scratch: TieScratch): void {
  // Already in name order (or strictly reversed), as in inputs sorted by customer: nothing to sort.
  let ascending = true;
  let descending = true;
  for (let p = start + 1; p < end && (ascending || descending); p++) {
    const a = names[order[p - 1]];
    const b = names[order[p]];
    if (a > b) ascending = false;
    if (a <= b) descending = false;
  }
  if (ascending) return;
  if (descending) {
    for (let p = start, q = end - 1; p < q; p++, q--) {
      const x = order[p];
      order[p] = order[q];
      order[q] = x;
    }
    return;
  }

  const size = end - start;
  scratch.ensure(size);
  const { items, keys } = scratch;
  const first = names[order[start]];
  let common = first.length;
  for (let p = start + 1; p < end && common > 0; p++) {
    const s = names[order[p]];
    const limit = Math.min(common, s.length);
    let k = 0;
    while (k < limit && s.charCodeAt(k) === first.charCodeAt(k)) k++;
    common = k;
  }
  // Three units of 17 bits each: at most 2^51, exact in a float64.
  for (let j = 0; j < size; j++) {
    const i = order[start + j];
    const s = names[i];
    items[j] = i;
    keys[j] = (unitAt(s, common) * 131072 + unitAt(s, common + 1)) * 131072 + unitAt(s, common + 2);
  }
  mergeSortByKeyThenName(items, keys, size, names, scratch);
  for (let j = 0; j < size; j++) order[start + j] = items[j];
}

/** Stable sort of items[0..size) by (key, name): insertion-sorted runs, then bottom-up merges. */
function mergeSortByKeyThenName(items: Int32Array, keys: Float64Array, size: number, names: readonly string[], scratch: TieScratch): void {
  for (let lo = 0; lo < size; lo += INSERTION_RUN) {
    const hi = Math.min(lo + INSERTION_RUN, size);
    for (let j = lo + 1; j < hi; j++) {
      const item = items[j];
      const key = keys[j];
      let p = j - 1;
      while (p >= lo && (keys[p] > key || (keys[p] === key && names[items[p]] > names[item]))) {
        items[p + 1] = items[p];
        keys[p + 1] = keys[p];
        p--;
      }
      items[p + 1] = item;
      keys[p + 1] = key;
    }
  }
  let srcItems: Int32Array = items;
  let srcKeys: Float64Array = keys;
  let dstItems: Int32Array = scratch.tmpItems;
  let dstKeys: Float64Array = scratch.tmpKeys;
  for (let width = INSERTION_RUN; width < size; width *= 2) {
    for (let lo = 0; lo < size; lo += 2 * width) {
      const mid = Math.min(lo + width, size);
      const hi = Math.min(lo + 2 * width, size);
      let a = lo;
      let b = mid;
      let out = lo;
      while (a < mid && b < hi) {
        // Take from the right run only when it is strictly smaller: equal items keep their order.
        const ka = srcKeys[a];
        const kb = srcKeys[b];
        if (kb < ka || (kb === ka && names[srcItems[b]] < names[srcItems[a]])) {
          dstItems[out] = srcItems[b];
          dstKeys[out++] = kb;
          b++;
        } else {
          dstItems[out] = srcItems[a];
          dstKeys[out++] = ka;
          a++;
        }
      }
      while (a < mid) {
        dstItems[out] = srcItems[a];
        dstKeys[out++] = srcKeys[a++];
      }
      while (b < hi) {
        dstItems[out] = srcItems[b];
        dstKeys[out++] = srcKeys[b++];
      }
    }
    const items2 = srcItems;
    srcItems = dstItems;
    dstItems = items2;
    const keys2 = srcKeys;
    srcKeys = dstKeys;
    dstKeys = keys2;
  }
  if (srcItems !== items) for (let j = 0; j < size; j++) items[j] = srcItems[j];
}

/** The same walk on Decimals: the fallback for values that do not fit the fast path (slower, same results). */
export function rankAbcDecimal(names: readonly string[], values: readonly Decimal[], options: AbcOptions = DEFAULT_ABC_OPTIONS): AbcRanking {
  const n = values.length;
  const byRank = (x: number, y: number) => values[y].comparedTo(values[x]) || compareNames(names[x], names[y]) || x - y;
  const idx = Array.from({ length: n }, (_, i) => i);
  const pos = idx.filter((i) => values[i].gt(0)).sort(byRank);
  const nonPos = idx.filter((i) => !values[i].gt(0)).sort(byRank);
  const total = pos.reduce((s, i) => s.plus(values[i]), new Decimal(0));
  const tier = new Uint8Array(n).fill(TIER_C);
  const cumulativeBefore = new Float64Array(pos.length);
  const share = new Float64Array(pos.length);
  const cuts = options.method === 'count' ? countCuts(options, pos.length) : undefined;
  const limitA = total.times(options.thresholds.a);
  const limitB = total.times(options.thresholds.b);
  const summary = { A: { customers: 0, value: new Decimal(0) }, B: { customers: 0, value: new Decimal(0) }, C: { customers: 0, value: new Decimal(0) } };
  let cum = new Decimal(0);
  for (let start = 0; start < pos.length; ) {
    const v = values[pos[start]];
    let end = start + 1;
    while (end < pos.length && values[pos[end]].eq(v)) end++;
    const before = cum;
    const through = before.plus(v.times(end - start));
    let t: Tier;
    if (cuts) t = start < cuts.a ? 'A' : start < cuts.ab ? 'B' : 'C';
    // Shares compared as products (share ≤ a ⇔ sum ≤ a × total): no rounded quotient decides a tier.
    else if (options.crossing === 'exclude') t = through.lte(limitA) ? 'A' : through.lte(limitB) ? 'B' : 'C';
    else t = before.lt(limitA) ? 'A' : before.lt(limitB) ? 'B' : 'C';
    for (let p = start; p < end; p++) {
      tier[pos[p]] = TIERS.indexOf(t);
      cumulativeBefore[p] = before.div(total).toNumber();
      share[p] = v.div(total).toNumber();
    }
    summary[t].customers += end - start;
    summary[t].value = summary[t].value.plus(v.times(end - start));
    cum = through;
    start = end;
  }
  return {
    order: Int32Array.from(pos),
    nonPositive: Int32Array.from(nonPos),
    tier,
    cumulativeBefore,
    share,
    total,
    summary,
    ...(cuts ? { countCut: cuts } : {}),
  };
}
