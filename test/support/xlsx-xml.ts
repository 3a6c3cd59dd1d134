import { parseRange } from '../../src/sheets/core/a1';

/** The sqref of every <dataValidation> in a sheet's XML. */
export function sqrefs(xml: string): string[] {
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
}

/** Pairs of ranges (a sqref may list several) that share at least one cell. */
export function overlaps(refs: string[]): string[] {
  const out: string[] = [];
  const rects = refs.flatMap((r) => r.split(' ')).map((r) => ({ r, ...parseRange(r) }));
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i];
      const c = rects[j];
      if (a.left <= c.right && c.left <= a.right && a.top <= c.bottom && c.top <= a.bottom) out.push(`${a.r} × ${c.r}`);
    }
  return out;
}
