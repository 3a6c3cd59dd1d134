import { Decimal } from '../exact/decimal';

/**
 * Tier tables for bonuses (docs/rules/bonus/general.md).
 * - step: the whole amount earns the fixed `value` of the one band it falls in;
 * - graduated: each band's slice of the amount earns the band's rate (`value` is a fraction);
 * - retroactive: the rate of the band reached applies to the whole amount.
 * Every bound carries an inclusive flag; a missing lower bound means "no lower limit" (and a
 * slice base of 0 for graduated tables), a missing upper bound means "no upper limit".
 */
export type TierMethod = 'step' | 'graduated' | 'retroactive';
export const TIER_METHODS: readonly TierMethod[] = ['step', 'graduated', 'retroactive'];

export interface TierBand {
  lower: Decimal | null;
  lowerInclusive: boolean;
  upper: Decimal | null;
  upperInclusive: boolean;
  /** step: the fixed bonus; graduated and retroactive: the rate as a fraction. */
  value: Decimal;
}

export interface TierTable {
  method: TierMethod;
  bands: TierBand[];
}

export interface TierResult {
  /** Index of the band holding the amount, or -1 when no band does. */
  band: number;
  /** Unrounded: rounding happens once, at the end of the line. */
  bonus: Decimal;
}

const ZERO = new Decimal(0);

export function inBand(b: TierBand, x: Decimal): boolean {
  if (b.lower !== null) {
    const c = x.cmp(b.lower);
    if (c < 0 || (c === 0 && !b.lowerInclusive)) return false;
  }
  if (b.upper !== null) {
    const c = x.cmp(b.upper);
    if (c > 0 || (c === 0 && !b.upperInclusive)) return false;
  }
  return true;
}

export function findBand(table: TierTable, x: Decimal): number {
  for (let i = 0; i < table.bands.length; i++) if (inBand(table.bands[i], x)) return i;
  return -1;
}

/** The slice of x that lies in band b (graduated tables): max(0, min(x, upper) − base). */
function slice(b: TierBand, x: Decimal): Decimal {
  const base = b.lower ?? ZERO;
  const top = b.upper !== null && x.gt(b.upper) ? b.upper : x;
  const s = top.minus(base);
  return s.gt(0) ? s : ZERO;
}

export function applyTiers(table: TierTable, x: Decimal): TierResult {
  const band = findBand(table, x);
  switch (table.method) {
    case 'step':
      return { band, bonus: band < 0 ? ZERO : table.bands[band].value };
    case 'retroactive':
      return { band, bonus: band < 0 ? ZERO : x.times(table.bands[band].value) };
    case 'graduated': {
      let bonus = ZERO;
      for (const b of table.bands) bonus = bonus.plus(slice(b, x).times(b.value));
      return { band, bonus };
    }
  }
}

/** Multiplies every bound by a factor: used to express a USD table in CNY without dividing. */
export function scaleBounds(table: TierTable, factor: Decimal): TierTable {
  return {
    method: table.method,
    bands: table.bands.map((b) => ({
      ...b,
      lower: b.lower === null ? null : b.lower.times(factor),
      upper: b.upper === null ? null : b.upper.times(factor),
    })),
  };
}

export type TierProblemKind = 'gap' | 'overlap' | 'empty' | 'unbounded';

export interface TierProblem {
  /** 0-based index of the offending band (the later one of a pair). */
  band: number;
  kind: TierProblemKind;
}

/**
 * Bands must be listed from low to high with no gap and no overlap between neighbours:
 * gap — the previous upper bound lies below this lower bound, or they are equal and neither
 * includes it; overlap — the previous upper bound lies above, or both include the shared
 * bound; empty — lower above upper, or equal without both inclusive; unbounded — a missing
 * bound in the middle of the table (only the first band may lack a lower bound and only the
 * last an upper bound).
 */
export function validateTiers(table: TierTable): TierProblem[] {
  const out: TierProblem[] = [];
  const bands = table.bands;
  bands.forEach((b, i) => {
    if (b.lower !== null && b.upper !== null) {
      const c = b.lower.cmp(b.upper);
      if (c > 0 || (c === 0 && !(b.lowerInclusive && b.upperInclusive))) out.push({ band: i, kind: 'empty' });
    }
    if (i === 0) return;
    const prev = bands[i - 1];
    if (prev.upper === null || b.lower === null) {
      out.push({ band: i, kind: 'unbounded' });
      return;
    }
    const c = prev.upper.cmp(b.lower);
    if (c < 0 || (c === 0 && !prev.upperInclusive && !b.lowerInclusive)) out.push({ band: i, kind: 'gap' });
    else if (c > 0 || (c === 0 && prev.upperInclusive && b.lowerInclusive)) out.push({ band: i, kind: 'overlap' });
  });
  return out;
}
