import { q } from './planning-table';

/**
 * Turns a translated message with {placeholders} into a formula text expression, each
 * placeholder replaced by a formula: ('还差 {n} 家', { n: 'C9-J7' }) → "还差 "&(C9-J7)&" 家".
 */
export function messageFormula(template: string, params: Record<string, string>): string {
  const parts = template.split(/\{(\w+)\}/);
  const pieces = parts.flatMap((p, i) => {
    if (i % 2 === 0) return p === '' ? [] : [q(p)];
    if (!(p in params)) throw new Error(`no formula for {${p}} in "${template}"`);
    return [`(${params[p]})`];
  });
  return pieces.length ? pieces.join('&') : '""';
}

/**
 * A computed number as text shows it: rounded to 10 decimals first, so 30.51−0 reads "30.51" in
 * every engine (IronCalc turns a number into its shortest round-trip text, 30.509999999999998,
 * where Excel and LibreOffice show 15 significant digits).
 */
export function shownNumber(expr: string): string {
  return `ROUND(${expr},10)`;
}
