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
