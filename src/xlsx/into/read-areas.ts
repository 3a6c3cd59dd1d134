/**
 * Which cells of an existing sheet the new sheets' formulas read: the rectangles their
 * references to that sheet cover ('ABC'!$B$26:$B$50025, ABC!C3, whole columns A:A, whole rows
 * 3:5). Adding sheets computes the new formulas' first values over those cells only, so a
 * visit plan that looks up two columns of a 50,000-customer ABC result does not load the whole
 * result into the engine (docs/rules/adding-to-a-workbook.md). A reference the parser does not
 * understand (a name, INDIRECT text) makes the answer "the whole sheet".
 */
import { renameSheetRefs } from '../../sheets/core/sheet-refs';
import { isFormula, type SheetSpec } from '../../sheets/core/sheet-spec';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MARK = '\u0001sheet\u0001';
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "A1", "$A$1:$B$9", "A:C", "3:5" → a rectangle; undefined for anything else. */
function areaOf(ref: string): Area | undefined {
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/.exec(ref);
  if (cell) {
    const [l, t] = [column(cell[1]), Number(cell[2])];
    const [r, b] = cell[3] ? [column(cell[3]), Number(cell[4])] : [l, t];
    return { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w$])/.exec(ref);
  if (cols) {
    const [l, r] = [column(cols[1]), column(cols[2])];
    return { top: 1, left: Math.min(l, r), bottom: MAX_ROW, right: Math.max(l, r) };
  }
  const rows = /^\$?(\d+):\$?(\d+)(?![\w$])/.exec(ref);
  if (rows) {
    const [t, b] = [Number(rows[1]), Number(rows[2])];
    return { top: Math.min(t, b), left: 1, bottom: Math.max(t, b), right: MAX_COL };
  }
  return undefined;
}

/**
 * The areas of `sheet` the specs' formulas refer to: [] when none does, undefined when one
 * refers to it in a way not understood (then the whole sheet is needed).
 */
export function readAreas(specs: readonly SheetSpec[], sheet: string): Area[] | undefined {
  const probe = new Map([[sheet, MARK]]);
  const quoted = `'${MARK}'!`;
  const areas: Area[] = [];
  for (const spec of specs)
    for (const c of spec.cells) {
      if (!isFormula(c.value)) continue;
      const marked = renameSheetRefs(c.value.formula, probe);
      if (marked === c.value.formula) continue;
      for (let at = marked.indexOf(quoted); at >= 0; at = marked.indexOf(quoted, at + 1)) {
        const area = areaOf(marked.slice(at + quoted.length));
        if (!area) return undefined;
        areas.push(area);
      }
    }
  return areas;
}

export function inAreas(areas: readonly Area[], row: number, col: number): boolean {
  return areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
}
