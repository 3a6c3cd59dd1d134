import { Decimal } from './decimal';

/**
 * ABC tiers (DOMAIN 3.1) over items that each have a name and an exact value.
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
 * so the sort and the cumulative sums are plain float64 operations whose results are exact.
 * Values that do not fit go through `rankAbcDecimal`, the same walk on Decimals.
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
  for (let i = 0; i < n; i++)
    if (units[i] > 0) {
      positives++;
      totalUnits += units[i];
    }

  const { order, values: ranked } = sortDescending(units, names, positives, true);
  const nonPositive = sortDescending(units, names, n - positives, false).order;

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

/**
 * Indices of the positive (or the non-positive) items, value descending, then name, then index.
 * When value × n + index stays below 2^53 (cents up to 10^9 with a million customers), each item
 * becomes one float64 key and a native Float64Array sort does all the work; otherwise values are
 * sorted natively and each item finds its block of equals by binary search. Either way only the
 * blocks of equal values are then ordered by name.
 */
function sortDescending(units: Float64Array, names: readonly string[], count: number, positive: boolean): Ranked {
  const n = units.length;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) if (units[i] > 0 === positive) maxAbs = Math.max(maxAbs, Math.abs(units[i]));
  const ranked = (maxAbs + 1) * n < Number.MAX_SAFE_INTEGER ? packedOrder(units, count, positive) : searchedOrder(units, count, positive);
  orderTiesByName(ranked, names);
  return ranked;
}

/** Item indices in rank order, and their values in the same order (read sequentially, not through the index). */
interface Ranked {
  order: Int32Array;
  values: Float64Array;
}

/** Keys value × n + (n − 1 − index): sorted ascending and read backwards, equal values come in index order. */
function packedOrder(units: Float64Array, count: number, positive: boolean): Ranked {
  const n = units.length;
  const keys = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) if (units[i] > 0 === positive) keys[k++] = units[i] * n + (n - 1 - i);
  keys.sort();
  const order = new Int32Array(count);
  const values = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const key = keys[count - 1 - p];
    let q = Math.floor(key / n);
    let r = key - q * n;
    // key / n may round up to the next integer when the remainder is n − 1.
    if (r < 0) {
      q--;
      r += n;
    }
    order[p] = n - 1 - r;
    values[p] = q;
  }
  return { order, values };
}

function searchedOrder(units: Float64Array, count: number, positive: boolean): Ranked {
  const n = units.length;
  const sorted = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) if (units[i] > 0 === positive) sorted[k++] = units[i];
  sorted.sort();
  const order = new Int32Array(count);
  const filled = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) {
    const v = units[i];
    if (v > 0 !== positive) continue;
    // lo = number of values ≤ v; in descending order the block of v starts at count − lo.
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    const blockStart = count - lo;
    order[blockStart + filled[blockStart]++] = i;
  }
  return { order, values: sorted.reverse() };
}

/** Within each block of equal values (in index order), orders by name, keeping index order among equal names. */
function orderTiesByName({ order, values }: Ranked, names: readonly string[]): void {
  const count = order.length;
  for (let start = 0; start < count; ) {
    const v = values[start];
    let end = start + 1;
    while (end < count && values[end] === v) end++;
    if (end - start > 1) {
      let ascending = true;
      let descending = true;
      for (let p = start + 1; p < end && (ascending || descending); p++) {
        const c = compareNames(names[order[p - 1]], names[order[p]]);
        if (c > 0) ascending = false;
        if (c <= 0) descending = false;
      }
      if (descending) order.subarray(start, end).reverse();
      else if (!ascending) {
        const block = Array.from(order.subarray(start, end));
        block.sort((x, y) => compareNames(names[x], names[y]) || x - y);
        order.set(block, start);
      }
    }
    start = end;
  }
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
    else if (options.crossing === 'exclude') {
      const s = through.div(total);
      t = s.lte(options.thresholds.a) ? 'A' : s.lte(options.thresholds.b) ? 'B' : 'C';
    } else {
      const s = before.div(total);
      t = s.lt(options.thresholds.a) ? 'A' : s.lt(options.thresholds.b) ? 'B' : 'C';
    }
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
