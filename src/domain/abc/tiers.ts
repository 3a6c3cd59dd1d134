import { Decimal } from '../exact/decimal';
import { DecimalRanking, ScaledRanking, toScaled, type Ranking, type ScaledValues } from './rankings';

export { toScaled, type ScaledValues } from './rankings';

/**
 * ABC tiers (docs/rules/abc.md) over items that each have a name and an exact value.
 *
 * - Only positive values take part; values ≤ 0 are tier C, outside the total, and listed apart.
 * - Customers are ranked by value, largest first, then by name.
 * - Value method: a customer's tier comes from the share of the total held by the customers with
 *   a strictly larger value — A if below a, B if below b, else C (crossing 'include', the
 *   default: the customer that crosses 80 % is still A). With crossing 'exclude' the share
 *   *including* the customer and its equals is used: A if at most a, B if at most b.
 * - Count method: A = the first round-half-up(shareA × N) customers (at least 1), A+B = the first
 *   round-half-up((shareA + shareB) × N); customers tied with the last member of a tier join it.
 * - Equal values always share a tier.
 *
 * The rule is written once (`assignTiers`) and reads the values through a Ranking: exact
 * integers in float64 on the fast path, Decimals when they do not fit (see rankings.ts).
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

/** Tiers for exact decimals: the fast path when they fit, the Decimal path otherwise. */
export function rankAbc(names: readonly string[], values: readonly Decimal[], options: AbcOptions = DEFAULT_ABC_OPTIONS): AbcRanking {
  const scaled = toScaled(values);
  return scaled ? rankAbcScaled(names, scaled, options) : rankAbcDecimal(names, values, options);
}

/** The fast path. `units` must satisfy the ScaledValues contract. */
export function rankAbcScaled(names: readonly string[], scaled: ScaledValues, options: AbcOptions = DEFAULT_ABC_OPTIONS): AbcRanking {
  if (names.length !== scaled.units.length) throw new RangeError('names and values differ in length');
  return assignTiers(new ScaledRanking(names, scaled), names.length, options);
}

/** The Decimal path, for values that do not fit the fast path (slower, same results). */
export function rankAbcDecimal(names: readonly string[], values: readonly Decimal[], options: AbcOptions = DEFAULT_ABC_OPTIONS): AbcRanking {
  return assignTiers(new DecimalRanking(names, values), values.length, options);
}

/** Round-half-up of share × n, at least `min`. */
function countCut(share: Decimal, n: number, min: number): number {
  return Math.max(min, share.times(n).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** Count method: how many customers A and A+B take before ties join them. */
export function countCuts(o: AbcOptions, n: number): { a: number; ab: number } {
  const a = Math.min(n, countCut(o.countShares.a, n, 1));
  const ab = Math.min(n, countCut(o.countShares.a.plus(o.countShares.b), n, a));
  return { a, ab };
}

/** The tier rule, one run of equal values at a time (equal values always share a tier). */
function assignTiers<Limit>(ranking: Ranking<Limit>, items: number, options: AbcOptions): AbcRanking {
  const { order, total } = ranking;
  const n = order.length;
  const tier = new Uint8Array(items).fill(TIER_C);
  const cumulativeBefore = new Float64Array(n);
  const share = new Float64Array(n);
  const cuts = options.method === 'count' ? countCuts(options, n) : undefined;
  const a = ranking.limit(options.thresholds.a);
  const b = ranking.limit(options.thresholds.b);
  const lowerOnCrossing = options.crossing === 'exclude';
  // Tiers only go down along the ranking, so each is one stretch of it: tier t (or a lower one)
  // begins at rank position firstOf[t], with the exact sum sumAhead[t] ahead of it.
  const firstOf = [n, n, n];
  const sumAhead = [total, total, total];
  let begun = 0;

  for (let start = 0, end = 0; start < n; start = end) {
    end = ranking.nextRun(start);
    let t: number;
    if (cuts) t = start < cuts.a ? TIER_A : start < cuts.ab ? TIER_B : TIER_C;
    else if (lowerOnCrossing) t = ranking.throughAtMost(a) ? TIER_A : ranking.throughAtMost(b) ? TIER_B : TIER_C;
    else t = ranking.aheadBelow(a) ? TIER_A : ranking.aheadBelow(b) ? TIER_B : TIER_C;
    for (; begun <= t; begun++) {
      firstOf[begun] = start;
      sumAhead[begun] = ranking.aheadSum();
    }
    const aheadShare = ranking.aheadShare();
    const valueShare = ranking.valueShare();
    for (let p = start; p < end; p++) {
      tier[order[p]] = t;
      cumulativeBefore[p] = aheadShare;
      share[p] = valueShare;
    }
  }

  const stretch = (t: number) => ({
    customers: (t < TIER_C ? firstOf[t + 1] : n) - firstOf[t],
    value: (t < TIER_C ? sumAhead[t + 1] : total).minus(sumAhead[t]),
  });
  return {
    order,
    nonPositive: ranking.nonPositive,
    tier,
    cumulativeBefore,
    share,
    total,
    summary: { A: stretch(TIER_A), B: stretch(TIER_B), C: stretch(TIER_C) },
    ...(cuts ? { countCut: cuts } : {}),
  };
}
