import type { Lang } from '../i18n/define';
import type { TierBand } from './bonus-tiers';
import { Decimal } from './decimal';

/**
 * Numbers inside bonus reasons: "50,000 USD", "¥1,234.50", "12 %". For reading only — every
 * comparison and sum is done on the exact Decimal values, never on these texts.
 */
export function fmtNumber(x: Decimal, maxPlaces = 2): string {
  const rounded = x.toDecimalPlaces(maxPlaces, Decimal.ROUND_HALF_UP);
  const [int, frac] = rounded.abs().toFixed(rounded.isInteger() ? 0 : maxPlaces).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded.isNeg() && !rounded.isZero() ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** ¥ for CNY (the currency bonuses are paid in), the code after the number otherwise. */
export function fmtMoney(x: Decimal, currency = 'CNY'): string {
  if (currency === 'CNY') return x.isNeg() ? `-¥${fmtNumber(x.abs())}` : `¥${fmtNumber(x)}`;
  return `${fmtNumber(x)} ${currency}`;
}

export function fmtPercent(x: Decimal, lang: Lang): string {
  return `${fmtNumber(x.times(100))}${lang === 'en-US' ? ' %' : '%'}`;
}

/** "10,000–30,000", "> 100,000", "≥ 300,000", "≤ 5,000": the band as people write it. */
export function fmtBand(b: TierBand): string {
  if (b.lower !== null && b.upper !== null) return `${fmtNumber(b.lower)}–${fmtNumber(b.upper)}`;
  if (b.lower !== null) return `${b.lowerInclusive ? '≥' : '>'} ${fmtNumber(b.lower)}`;
  if (b.upper !== null) return `${b.upperInclusive ? '≤' : '<'} ${fmtNumber(b.upper)}`;
  return '−∞–∞';
}
