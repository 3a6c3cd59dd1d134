import { parseRange, rangeRef, type RangePos } from '../../sheets/core/a1';

/** Rectangles of cells (1-based, inclusive), as the share-safe copy compares them. */
export type Rect = RangePos;

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** A sqref ("A1:B3 D5") as rectangles. */
export function parseSqref(sqref: string): Rect[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => parseRange(r.replace(/\$/g, '')));
}

export function formatSqref(rects: Rect[]): string {
  return rects.map((r) => (r.top === r.bottom && r.left === r.right ? rangeRef(r.top, r.left, r.top, r.left).split(':')[0] : rangeRef(r.top, r.left, r.bottom, r.right))).join(' ');
}

/** The cells of `r` outside `cut`, as at most four rectangles. */
export function subtract(r: Rect, cut: Rect): Rect[] {
  if (!intersects(r, cut)) return [r];
  const out: Rect[] = [];
  if (r.top < cut.top) out.push({ ...r, bottom: cut.top - 1 });
  if (r.bottom > cut.bottom) out.push({ ...r, top: cut.bottom + 1 });
  const top = Math.max(r.top, cut.top);
  const bottom = Math.min(r.bottom, cut.bottom);
  if (r.left < cut.left) out.push({ top, bottom, left: r.left, right: cut.left - 1 });
  if (r.right > cut.right) out.push({ top, bottom, left: cut.right + 1, right: r.right });
  return out;
}

export function subtractAll(rects: Rect[], cuts: Rect[]): Rect[] {
  let out = rects;
  for (const c of cuts) out = out.flatMap((r) => subtract(r, c));
  return out;
}
