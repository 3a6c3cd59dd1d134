import type { TierMethod } from '../../domain/bonus/tiers';

/**
 * Live Excel-2010 formulas for a tier table on the Rules sheet. Each band row has lower and
 * upper bounds (blank = open), "included" flags holding the sheet's Yes text, and a bonus or
 * rate (blank = unused row). SUMPRODUCT over the handful of band rows keeps every line's cost
 * constant; no IF inside SUMPRODUCT (Excel would not evaluate it per row without Ctrl+Shift+Enter).
 */
export interface TierRefs {
  /** Absolute, sheet-qualified single cell holding the method name. */
  method: string;
  /** Absolute, sheet-qualified ranges over the band rows (spare rows included). */
  lower: string;
  lowerIncl: string;
  upper: string;
  upperIncl: string;
  value: string;
  /** Absolute, sheet-qualified range over the band numbers (1, 2, … beside the band rows). */
  number: string;
  /** Sheet row of the first band. */
  firstRow: number;
}

export interface TierFormulas {
  /** 1-based band number holding x, 0 when none. */
  band: string;
  /** Unrounded bonus by the table's method. */
  bonus: string;
}

/**
 * x: a cell with the amount; factor: a cell converting the bounds into x's currency (the band
 * currency's CNY rate), so bounds are multiplied and the amount never divided.
 */
export function tierFormulas(x: string, refs: TierRefs, yes: string, methodNames: Record<TierMethod, string>, factor?: string): TierFormulas {
  const f = factor ? `*${factor}` : '';
  const y = `"${yes.replace(/"/g, '""')}"`;
  const lowerOk = `((${refs.lower}="")+(${x}>${refs.lower}${f})+(${x}=${refs.lower}${f})*(${refs.lowerIncl}=${y})>0)`;
  const upperOk = `((${refs.upper}="")+(${x}<${refs.upper}${f})+(${x}=${refs.upper}${f})*(${refs.upperIncl}=${y})>0)`;
  const used = `(${refs.value}<>"")`;
  const inBand = `${lowerOk}*${upperOk}*${used}`;
  const step = `SUMPRODUCT(${inBand}*${refs.value})`;
  const retro = `${x}*${step}`;
  const top = `(${x}-(${refs.upper}<>"")*(${x}>${refs.upper}${f})*(${x}-${refs.upper}${f}))`;
  const graduated = `SUMPRODUCT(${used}*(${x}>${refs.lower}${f})*(${top}-${refs.lower}${f})*${refs.value})`;
  const name = (m: TierMethod) => `"${methodNames[m].replace(/"/g, '""')}"`;
  return {
    // The band's number from the table's own column, not ROW(range)-k: IronCalc evaluates ROW
    // of a range inside an array expression as one row number.
    band: `SUMPRODUCT(${inBand}*${refs.number})`,
    bonus: `IF(${refs.method}=${name('step')},${step},IF(${refs.method}=${name('retroactive')},${retro},${graduated}))`,
  };
}

/** A text constant inside a formula. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
