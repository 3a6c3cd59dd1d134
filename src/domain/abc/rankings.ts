import { Decimal } from '../exact/decimal';
import { scaledToDecimal } from '../exact/exact-accumulator';
import { descendingOrder } from '../kernels/radix-order';
import { orderTiesByName } from '../kernels/ties-by-name';

/**
 * The customers in rank order, in one of two encodings of their values, as the tier rule in
 * tiers.ts reads them: one run of equal values at a time, with the sums it compares. Both
 * encodings give the same order and the same answers; they differ only in speed and reach.
 *
 * - ScaledRanking, the fast path: values as exact integers (value × 10^scale) in float64, all
 *   partial sums below 2^53, so every sum is a plain float64 addition whose result is exact and
 *   the order comes from a radix sort (kernels/radix-order, kernels/ties-by-name).
 * - DecimalRanking, for values that do not fit: the same on Decimals, with a comparison sort.
 */
export interface Ranking<Limit> {
  /** Items with a positive value, in rank order: value descending, then name, then input order. */
  readonly order: Int32Array;
  /** Items with a value ≤ 0, value descending then name. */
  readonly nonPositive: Int32Array;
  /** Sum of the positive values, exact. */
  readonly total: Decimal;
  /** `share` of the total, in the form aheadBelow and throughAtMost compare with. */
  limit(share: Decimal): Limit;
  /**
   * Moves to the run of values equal to the one at rank position `start` (the next run after the
   * previous call; the first call starts at 0) and returns the position just after it.
   */
  nextRun(start: number): number;
  /** The sum of the values larger than the run's is below `limit`. */
  aheadBelow(limit: Limit): boolean;
  /** The sum of the values larger than the run's, plus the run's own, is at most `limit`. */
  throughAtMost(limit: Limit): boolean;
  /** Share of the total held by the values larger than the run's (for display: a float). */
  aheadShare(): number;
  /** Share of the total held by one value of the run (for display: a float). */
  valueShare(): number;
  /** The sum of the values larger than the run's, exact. */
  aheadSum(): Decimal;
}

export interface ScaledValues {
  /** value × 10^scale per item: integers, with the sum of their absolute values ≤ 2^53 − 1. */
  units: Float64Array;
  scale: number;
}

/**
 * Brings exact decimals to one integer scale; undefined when they do not fit the fast path
 * (more than 15 decimals, or sums beyond 2^53), in which case callers use DecimalRanking.
 */
export function toScaled(values: readonly Decimal[]): ScaledValues | undefined {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, v.decimalPlaces());
  if (scale > 15) return undefined;
  const factor = new Decimal(10).pow(scale);
  const units = new Float64Array(values.length);
  let abs = 0;
  for (let i = 0; i < values.length; i++) {
    const n = values[i].times(factor).toNumber();
    if (!Number.isSafeInteger(n)) return undefined;
    abs += Math.abs(n);
    if (abs > Number.MAX_SAFE_INTEGER) return undefined;
    units[i] = n;
  }
  return { units, scale };
}

/** share × total in integer units: the largest integer strictly below it (for `<`) and the largest at or below it (for `≤`). */
interface IntegerLimit {
  below: number;
  atMost: number;
}

/** The fast path. `units` must satisfy the ScaledValues contract. */
export class ScaledRanking implements Ranking<IntegerLimit> {
  readonly order: Int32Array;
  readonly nonPositive: Int32Array;
  readonly total: Decimal;
  /** The positive values in rank order. */
  private readonly ranked: Float64Array;
  private readonly totalUnits: number;
  private readonly scale: number;
  private ahead = 0;
  private through = 0;
  private value = 0;

  constructor(names: readonly string[], { units, scale }: ScaledValues) {
    const positive = descendingOrder(units, true);
    orderTiesByName(positive, names);
    const nonPositive = descendingOrder(units, false);
    orderTiesByName(nonPositive, names);
    this.order = positive.order;
    this.ranked = positive.values;
    this.nonPositive = nonPositive.order;
    let total = 0;
    for (let p = 0; p < this.ranked.length; p++) total += this.ranked[p];
    this.totalUnits = total;
    this.scale = scale;
    this.total = scaledToDecimal(total, scale);
  }

  limit(share: Decimal): IntegerLimit {
    const x = share.times(this.totalUnits);
    const floor = x.floor().toNumber();
    return { below: x.isInteger() ? floor - 1 : floor, atMost: floor };
  }

  nextRun(start: number): number {
    const ranked = this.ranked;
    const v = ranked[start];
    let end = start + 1;
    while (end < ranked.length && ranked[end] === v) end++;
    this.value = v;
    this.ahead = this.through;
    this.through += v * (end - start);
    return end;
  }

  aheadBelow(limit: IntegerLimit): boolean {
    return this.ahead <= limit.below;
  }

  throughAtMost(limit: IntegerLimit): boolean {
    return this.through <= limit.atMost;
  }

  aheadShare(): number {
    return this.ahead / this.totalUnits;
  }

  valueShare(): number {
    return this.value / this.totalUnits;
  }

  aheadSum(): Decimal {
    return scaledToDecimal(this.ahead, this.scale);
  }
}

const compareNames = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The fallback for values that do not fit the fast path: slower, same results. */
export class DecimalRanking implements Ranking<Decimal> {
  readonly order: Int32Array;
  readonly nonPositive: Int32Array;
  readonly total: Decimal;
  private ahead: Decimal;
  private through: Decimal;
  private value: Decimal;

  constructor(
    names: readonly string[],
    private readonly values: readonly Decimal[],
  ) {
    const byRank = (x: number, y: number) => values[y].comparedTo(values[x]) || compareNames(names[x], names[y]) || x - y;
    const items = Array.from({ length: values.length }, (_, i) => i);
    const positive = items.filter((i) => values[i].gt(0)).sort(byRank);
    this.order = Int32Array.from(positive);
    this.nonPositive = Int32Array.from(items.filter((i) => !values[i].gt(0)).sort(byRank));
    this.total = positive.reduce((s, i) => s.plus(values[i]), new Decimal(0));
    this.ahead = this.through = this.value = new Decimal(0);
  }

  // Shares are compared as products (share ≤ a ⇔ sum ≤ a × total): no rounded quotient decides a tier.
  limit(share: Decimal): Decimal {
    return this.total.times(share);
  }

  nextRun(start: number): number {
    const { order, values } = this;
    const v = values[order[start]];
    let end = start + 1;
    while (end < order.length && values[order[end]].eq(v)) end++;
    this.value = v;
    this.ahead = this.through;
    this.through = this.through.plus(v.times(end - start));
    return end;
  }

  aheadBelow(limit: Decimal): boolean {
    return this.ahead.lt(limit);
  }

  throughAtMost(limit: Decimal): boolean {
    return this.through.lte(limit);
  }

  aheadShare(): number {
    return this.ahead.div(this.total).toNumber();
  }

  valueShare(): number {
    return this.value.div(this.total).toNumber();
  }

  aheadSum(): Decimal {
    return this.ahead;
  }
}
