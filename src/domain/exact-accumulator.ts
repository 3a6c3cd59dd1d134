import { Decimal } from './decimal';

/**
 * Exact per-key sums that stay in plain numbers while they can: each sum is an integer count of
 * 10^-scale (a safe integer, so float64 addition is exact) and moves to a Decimal only when it
 * would leave the safe range. Summing a 500,000-line invoice file this way is exact and several
 * times faster than one Decimal addition per line.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact up to 10^22
/** Scales above this go straight to Decimal. */
export const MAX_FAST_SCALE = 15;

export class ExactAccumulator {
  private units = new Float64Array(1024);
  private scales = new Uint8Array(1024);
  private big: (Decimal | undefined)[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** A new sum at zero; returns its index. */
  push(): number {
    if (this.size === this.units.length) {
      const units = new Float64Array(this.size * 2);
      units.set(this.units);
      this.units = units;
      const scales = new Uint8Array(this.size * 2);
      scales.set(this.scales);
      this.scales = scales;
    }
    return this.size++;
  }

  /** Adds m × 10^-s (m a safe integer, s ≤ MAX_FAST_SCALE) to sum `id`. */
  addScaled(id: number, m: number, s: number): void {
    const current = this.big[id];
    if (current !== undefined) {
      this.big[id] = current.plus(scaledToDecimal(m, s));
      return;
    }
    let cs = this.scales[id];
    let u = this.units[id];
    if (s > cs) {
      u *= POW10[s - cs];
      if (!Number.isSafeInteger(u)) return this.toBig(id, scaledToDecimal(m, s));
      cs = s;
      this.scales[id] = s;
      this.units[id] = u;
    }
    const term = s < cs ? m * POW10[cs - s] : m;
    const sum = u + term;
    if (!Number.isSafeInteger(term) || !Number.isSafeInteger(sum)) return this.toBig(id, scaledToDecimal(m, s));
    this.units[id] = sum;
  }

  add(id: number, d: Decimal): void {
    const s = d.decimalPlaces();
    if (s <= MAX_FAST_SCALE) {
      const m = d.times(POW10[s]).toNumber();
      if (Number.isSafeInteger(m)) return this.addScaled(id, m, s);
    }
    const current = this.big[id];
    if (current !== undefined) this.big[id] = current.plus(d);
    else this.toBig(id, d);
  }

  private toBig(id: number, plus: Decimal): void {
    this.big[id] = scaledToDecimal(this.units[id], this.scales[id]).plus(plus);
  }

  value(id: number): Decimal {
    return this.big[id] ?? scaledToDecimal(this.units[id], this.scales[id]);
  }

  /**
   * All sums as integers at one scale, if they fit (every |sum| and their total ≤ 2^53 − 1),
   * without creating a Decimal per sum.
   */
  scaled(): { units: Float64Array; scale: number } | undefined {
    let scale = 0;
    for (let i = 0; i < this.size; i++) {
      if (this.big[i] !== undefined) return undefined;
      if (this.scales[i] > scale) scale = this.scales[i];
    }
    const out = new Float64Array(this.size);
    let abs = 0;
    for (let i = 0; i < this.size; i++) {
      const u = this.units[i] * POW10[scale - this.scales[i]];
      abs += Math.abs(u);
      if (!Number.isSafeInteger(u) || abs > Number.MAX_SAFE_INTEGER) return undefined;
      out[i] = u;
    }
    return { units: out, scale };
  }
}

export function scaledToDecimal(m: number, s: number): Decimal {
  const d = new Decimal(m);
  return s === 0 ? d : d.div(POW10[s]);
}

/**
 * Reads a plain decimal text (`-1234.50`, at most 15 digits) as m × 10^-s without any rounding;
 * false for anything else, which then goes through the full parser. Results land in `out`.
 */
export function readPlainDecimal(text: string, out: { m: number; s: number }): boolean {
  const len = text.length;
  if (len === 0 || len > 17) return false;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let m = 0;
  let digits = 0;
  let s = -1;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (s >= 0) s++;
    } else if (c === 46 && s < 0) s = 0;
    else return false;
  }
  if (digits === 0 || digits > 15 || s === 0) return false;
  out.m = negative ? -m : m;
  out.s = s < 0 ? 0 : s;
  return true;
}
