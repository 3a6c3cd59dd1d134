/** A1-address arithmetic shared by builders and writers. Rows and columns are 1-based. */

export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`column index ${index}`);
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellRef(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(col)}${d}${row}`;
}

export function rangeRef(r1: number, c1: number, r2: number, c2: number, absolute = false): string {
  return `${cellRef(r1, c1, absolute)}:${cellRef(r2, c2, absolute)}`;
}

export interface CellPos {
  row: number;
  col: number;
}

export function parseCell(ref: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not a cell address: ${ref}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): RangePos {
  const [a, b] = ref.split(':');
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/**
 * Quotes a sheet name for use in a formula or defined name: 'My Sheet'!A1, 'O''Brien'!A1.
 * Only a plain word stays bare, and not one Excel would read as something else: a cell
 * address (ABC1), an R1C1 reference (R2C3, R, C) or a boolean.
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C?\d*|C\d*)$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A print area as the SheetSpec carries it: "A1:N73" → "A$1:N$73". The .xlsx renderer (ExcelJS)
 * puts a "$" before each column itself, so this is written as $A$1:$N$73; a plain "A1:N73" would
 * come out as $A1:$N73, which LibreOffice ignores (it then prints the whole used range).
 */
export function printArea(range: string): string {
  return range.replace(/\$?([A-Za-z]{1,3})\$?(\d+)/g, '$1$$$2');
}
