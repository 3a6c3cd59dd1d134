/**
 * What every formula of the ABC result sheet computes, worked out from the engine's result
 * instead of by a spreadsheet engine: the file stores these beside the formulas. A sheet of
 * 1,000,000 customers cannot be evaluated by IronCalc in any reasonable time, and the engine
 * already knows each customer's share and tier exactly. test/xlsx/abc-cached.test.ts checks
 * every value against IronCalc evaluating the formulas alone, test/xlsx/abc-streamed.lo.test.ts
 * against LibreOffice.
 *
 * Per-row values live in typed arrays (a few numbers per customer) and are read one row at a
 * time, so a streamed sheet never holds an object per row.
 */
import type { AbcResult } from '../../domain/abc/run';
import { countCuts } from '../../domain/abc/tiers';
import { Decimal } from '../../domain/exact/decimal';

/** One table row: rank, customer, value and what its formulas compute. */
export interface AbcRowValues {
  customer: string;
  value: number;
  rank: number;
  share: number;
  cum: number | string;
  before: number | string;
  tier: string;
  flag: string;
  units: number;
  run: number;
  larger: number;
  through: number;
  start: number;
}

type Tier = 'A' | 'B' | 'C';

/** The parameter block's computed cells, the summary per tier and the stale-order check. */
export interface AbcHeadValues {
  n: number;
  total: number;
  cutA: number;
  cutAB: number;
  totalUnits: number;
  limitA: number;
  limitB: number;
  tiers: Record<Tier, { customers: number; customerShare: number; value: number; valueShare: number }>;
  sum: { customers: number; customerShare: number; value: number; valueShare: number };
  excluded: { customers: number; value: number };
  /** Some value is smaller than the one below it (the warning formula shows its text). */
  stale: boolean;
}

/**
 * The table's rows (positive customers by rank, then the others) with the values of their
 * formulas. `decimals` is the sheet's "decimals" input: values count in whole units of 10^-decimals.
 */
export class AbcTableValues {
  readonly count: number;
  private readonly units: Float64Array;
  private readonly runs: Float64Array;
  private readonly throughs: Float64Array;
  private readonly larger: Float64Array;
  private readonly starts: Int32Array;
  readonly totalUnits: number;

  constructor(
    private readonly r: AbcResult,
    decimals: number,
    private readonly excludedText: string,
  ) {
    const n = r.customers.length + r.nonPositive.length;
    this.count = n;
    const scale = new Decimal(10).pow(decimals);
    const units = (this.units = new Float64Array(n));
    for (let i = 0; i < n; i++)
      // ROUND(value × 10^decimals, 0): half away from zero, as the spreadsheet rounds.
      units[i] = this.decimalAt(i).times(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    this.runs = new Float64Array(n);
    this.larger = new Float64Array(n);
    this.starts = new Int32Array(n);
    let run = 0;
    for (let i = 0; i < n; i++) {
      const u = units[i];
      const sameAsAbove = i > 0 && units[i - 1] === u;
      this.larger[i] = sameAsAbove ? this.larger[i - 1] : run;
      this.starts[i] = sameAsAbove ? this.starts[i - 1] : i + 1;
      run += Math.max(u, 0);
      this.runs[i] = run;
    }
    this.totalUnits = run;
    // Through the end of a run of equal values, from the row below (an empty row below the last reads as 0).
    this.throughs = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const below = i + 1 < n ? units[i + 1] : 0;
      this.throughs[i] = units[i] === below ? (i + 1 < n ? this.throughs[i + 1] : 0) : this.runs[i];
    }
  }

  private decimalAt(i: number): Decimal {
    const c = this.r.customers;
    return i < c.length ? c[i].value : this.r.nonPositive[i - c.length].value;
  }

  unitsAt(i: number): number {
    return this.units[i];
  }

  at(i: number): AbcRowValues {
    const c = i < this.r.customers.length ? this.r.customers[i] : undefined;
    const item = c ?? this.r.nonPositive[i - this.r.customers.length];
    const u = this.units[i];
    const total = this.totalUnits;
    return {
      customer: item.customer,
      value: item.value.toNumber(),
      rank: i + 1,
      share: u > 0 ? (c ? c.share : u / total) : 0,
      cum: u > 0 ? this.runs[i] / total : '',
      before: u > 0 ? (c ? c.cumulativeBefore : 0) : '',
      tier: c && u > 0 ? c.tier : 'C',
      flag: u > 0 ? '' : this.excludedText,
      units: u,
      run: this.runs[i],
      larger: this.larger[i],
      through: this.throughs[i],
      start: this.starts[i],
    };
  }

  /**
   * The computed cells above the table. Sums of values are exact (Decimal) and then rounded once,
   * as LibreOffice's compensated sums come out; ratios divide the stored results, as the formulas do.
   */
  head(): AbcHeadValues {
    const r = this.r;
    const tiers = { A: blank(), B: blank(), C: blank() };
    let n = 0;
    let total = new Decimal(0);
    let excludedCount = 0;
    let excludedValue = new Decimal(0);
    let stale = false;
    for (let i = 0; i < this.count; i++) {
      const u = this.units[i];
      if (i + 1 < this.count && u < this.units[i + 1]) stale = true;
      const row = i < r.customers.length ? r.customers[i] : undefined;
      if (u > 0) {
        n++;
        const value = this.decimalAt(i);
        total = total.plus(value);
        const t = tiers[row ? row.tier : 'C'];
        t.customers++;
        t.exact = t.exact.plus(value);
      } else {
        if ((row ?? r.nonPositive[i - r.customers.length]).customer !== '') excludedCount++;
        excludedValue = excludedValue.plus(this.decimalAt(i));
      }
    }
    const totalNumber = total.toNumber();
    const cuts = countCuts(r, n);
    const limit = (share: Decimal) => share.times(this.totalUnits).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
    const out = {} as AbcHeadValues['tiers'];
    for (const t of ['A', 'B', 'C'] as const) {
      const value = tiers[t].exact.toNumber();
      out[t] = {
        customers: tiers[t].customers,
        customerShare: n > 0 ? tiers[t].customers / n : 0,
        value,
        valueShare: totalNumber !== 0 ? value / totalNumber : 0,
      };
    }
    // The total row adds the three stored results (SUM over E8:E10 …), in that order.
    const add = (key: 'customers' | 'customerShare' | 'value' | 'valueShare') => out.A[key] + out.B[key] + out.C[key];
    return {
      n,
      total: totalNumber,
      cutA: cuts.a,
      cutAB: cuts.ab,
      totalUnits: this.totalUnits,
      limitA: limit(r.thresholds.a),
      limitB: limit(r.thresholds.b),
      tiers: out,
      sum: { customers: add('customers'), customerShare: add('customerShare'), value: add('value'), valueShare: add('valueShare') },
      excluded: { customers: excludedCount, value: excludedValue.toNumber() },
      stale,
    };
  }
}

function blank() {
  return { customers: 0, exact: new Decimal(0) };
}

/** total − SUM(values) as the chart's "all others" row computes it: the sum exact, rounded once. */
export function restOfTotal(total: number, values: number[]): number {
  return total - values.reduce((s, v) => s.plus(v), new Decimal(0)).toNumber();
}
