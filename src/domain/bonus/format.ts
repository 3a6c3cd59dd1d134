import type { Lang } from '../../i18n/define';
import type { TierBand } from './tiers';
import { Decimal } from '../exact/decimal';
import { exactDivRound, exactToDecimal, exactValue, type ExactValue } from '../exact/exact-accumulator';

/**
 * Numbers inside bonus reasons: "50,000 USD", "¥1,234.50", "12 %". For reading only — every
 * comparison and sum is done on the exact values, never on these texts.
 */
export function fmtNumber(x: Decimal, maxPlaces = 2): string {
  const fixed = x.toFixed(maxPlaces, Decimal.ROUND_HALF_UP); // "-0.00" for −0.001: no sign then
  const signed = fixed.charCodeAt(0) === 45;
  const point = fixed.indexOf('.');
  const int = fixed.slice(signed ? 1 : 0, point < 0 ? fixed.length : point);
  const frac = point < 0 ? '' : fixed.slice(point + 1);
  const fracShown = /[1-9]/.test(frac) ? frac : '';
  return assemble(signed && (fracShown !== '' || /[1-9]/.test(int)), int, fracShown);
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** fmtNumber of m × 10^-s, from the plain numbers when they hold it (no Decimal). */
export function fmtExact(x: ExactValue, maxPlaces = 2): string {
  if (x.big !== null || maxPlaces > 15) return fmtNumber(exactToDecimal(x), maxPlaces);
  let m = x.m;
  let s = x.s;
  if (s > maxPlaces) {
    // Round half away from zero (ROUND_HALF_UP) to maxPlaces, in exact integer steps.
    const p = POW10[s - maxPlaces];
    const r = m % p;
    m = (m - r) / p;
    if (2 * Math.abs(r) >= p) m += m < 0 || (m === 0 && r < 0) ? -1 : 1;
    s = maxPlaces;
  }
  const negative = m < 0;
  const digits = String(negative ? -m : m).padStart(s + 1, '0');
  const int = digits.slice(0, digits.length - s);
  const frac = digits.slice(digits.length - s);
  return assemble(negative && m !== 0, int, /[1-9]/.test(frac) ? frac.padEnd(maxPlaces, '0') : '');
}

function assemble(negative: boolean, int: string, frac: string): string {
  let grouped = int;
  if (int.length > 3) {
    const head = int.length % 3 || 3;
    grouped = int.slice(0, head);
    for (let i = head; i < int.length; i += 3) grouped += ',' + int.slice(i, i + 3);
  }
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** ¥ for CNY (the currency bonuses are paid in), the code after the number otherwise. */
export function fmtMoney(x: Decimal, currency = 'CNY'): string {
  if (currency === 'CNY') return x.isNeg() ? `-¥${fmtNumber(x.abs())}` : `¥${fmtNumber(x)}`;
  return `${fmtNumber(x)} ${currency}`;
}

/** fmtMoney of an exact value. */
export function fmtExactMoney(x: ExactValue, currency = 'CNY'): string {
  if (x.big !== null) return fmtMoney(x.big, currency);
  if (currency !== 'CNY') return `${fmtExact(x)} ${currency}`;
  return x.m < 0 ? `-¥${fmtExact({ m: -x.m, s: x.s, big: null })}` : `¥${fmtExact(x)}`;
}

export function fmtPercent(x: Decimal, lang: Lang): string {
  return `${fmtNumber(x.times(100))}${lang === 'en-US' ? ' %' : '%'}`;
}

/** fmtPercent of an exact fraction. */
export function fmtExactPercent(x: ExactValue, lang: Lang): string {
  let percent: ExactValue;
  if (x.big === null && x.s >= 2) percent = { m: x.m, s: x.s - 2, big: null };
  else if (x.big === null && Number.isSafeInteger(x.m * 10 ** (2 - x.s))) percent = { m: x.m * 10 ** (2 - x.s), s: 0, big: null };
  else return fmtPercent(exactToDecimal(x), lang);
  return `${fmtExact(percent)}${lang === 'en-US' ? ' %' : '%'}`;
}

/** fmtPercent(num ÷ den) without the division: the ratio is rounded to 0.01 % exactly (den ≠ 0). */
export function fmtRatioPercent(num: ExactValue, den: ExactValue, lang: Lang): string {
  // A ratio rounded to 0.0001 is a percentage rounded to 0.01: formatting rounds no further.
  return fmtExactPercent(exactDivRound(num, den, 4, exactValue()), lang);
}

/** "10,000–30,000", "> 100,000", "≥ 300,000", "≤ 5,000": the band as people write it. */
export function fmtBand(b: TierBand): string {
  if (b.lower !== null && b.upper !== null) return `${fmtNumber(b.lower)}–${fmtNumber(b.upper)}`;
  if (b.lower !== null) return `${b.lowerInclusive ? '≥' : '>'} ${fmtNumber(b.lower)}`;
  if (b.upper !== null) return `${b.upperInclusive ? '≤' : '<'} ${fmtNumber(b.upper)}`;
  return '−∞–∞';
}

/**
 * translator() of i18n/define with each template split once into its pieces: the same text
 * (a {name} without a parameter stays visible), without a regex pass per sentence — a run
 * writes several sentences for each of its lines.
 */
export function reasonTranslator<T extends Record<string, string>>(
  catalog: { 'en-US': T; 'zh-CN': { [K in keyof T]: string } },
  lang: Lang,
): (key: keyof T & string, params?: Record<string, string | number>) => string {
  const table = catalog[lang] as Record<string, string>;
  const compiled = new Map<string, string[]>();
  return (key, params) => {
    const template = table[key];
    if (!params) return template;
    let parts = compiled.get(key);
    if (parts === undefined) compiled.set(key, (parts = template.split(/\{(\w+)\}/))); // text, name, text, …, text
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i];
      out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1];
    }
    return out;
  };
}
