import { SYNONYMS, normalizeHeader } from '../../domain/parse/column-map';
import type { RowRecord } from './rows';

/**
 * Where the header row is (docs/rules/parsing.md "Reading files"). Exported reports often start
 * with a title block (报表名称, 制表日期 …) above the real headers, so the header is the first row
 * among the first HEADER_SCAN non-empty rows whose cells name known columns (the synonyms of
 * column-map: 客户, 金额, Customer, Amount …): the first row with at least two such cells, or one
 * when no row has two. A file whose rows name no known column at all has its header on its first
 * non-empty row, as before. The user can always say which row it is (`--header-row N`, or the
 * pane's header-row choice).
 */
export const HEADER_SCAN = 30;

let known: Set<string> | undefined;

function knownHeaders(): Set<string> {
  if (!known) {
    known = new Set<string>();
    for (const [field, names] of Object.entries(SYNONYMS)) for (const n of [field, ...names]) known.add(normalizeHeader(n));
  }
  return known;
}

/** How many cells of the row are known column headers (a trailing unit in brackets ignored). */
export function headerScore(cells: readonly unknown[]): number {
  const set = knownHeaders();
  let n = 0;
  for (const c of cells) {
    if (typeof c !== 'string' || c === '') continue;
    const h = normalizeHeader(c);
    if (set.has(h) || set.has(h.replace(/[([][^()[\]]*[)\]]$/, ''))) n++;
  }
  return n;
}

/** Index in `rows` (non-empty rows in file order) of the header row. */
export function findHeaderRow(rows: readonly RowRecord[]): number {
  const scan = rows.slice(0, HEADER_SCAN).map((r) => headerScore(r.cells));
  const best = Math.max(0, ...scan);
  if (best === 0) return 0;
  const need = Math.min(2, best);
  return scan.findIndex((s) => s >= need);
}
