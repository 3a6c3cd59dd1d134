import { columnIndex, columnLetter } from '../../sheets/core/a1';

/**
 * A formula as it reads in a cell `rows` below and `cols` right of the cell it was written for:
 * relative row and column parts of A1 references move, absolute ($) parts stay — how Excel
 * derives each cell of a shared (filled-down) formula from its first cell. Text in quotes and
 * sheet names are left alone.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let i = 0;
  const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!])/;
  const wholeCols = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!])/;
  const wholeRows = /^(\$?)(\d+):(\$?)(\d+)(?![\w.(!])/;
  const col = (abs: string, letters: string) => (abs ? `$${letters}` : columnLetter(Math.max(1, columnIndex(letters) + cols)));
  const row = (abs: string, n: string) => (abs ? `$${n}` : String(Math.max(1, Number(n) + rows)));
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const m = /^'(?:[^']|'')*'!/.exec(formula.slice(i));
      if (m) {
        out += m[0];
        i += m[0].length;
        continue;
      }
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!/[\w.$\u00C0-\uFFFF]/.test(prev)) {
      const rest = formula.slice(i);
      let m: RegExpExecArray | null;
      if ((m = wholeCols.exec(rest))) {
        out += `${col(m[1], m[2])}:${col(m[3], m[4])}`;
        i += m[0].length;
        continue;
      }
      if ((m = wholeRows.exec(rest))) {
        out += `${row(m[1], m[2])}:${row(m[3], m[4])}`;
        i += m[0].length;
        continue;
      }
      if ((m = ref.exec(rest))) {
        out += `${col(m[1], m[2])}${row(m[3], m[4])}`;
        i += m[0].length;
        continue;
      }
      // A name or function: copied whole, so "LOG10" or "Sheet1!" is not read as a reference.
      const word = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*!?/.exec(rest);
      if (word) {
        out += word[0];
        i += word[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
