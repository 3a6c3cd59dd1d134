/**
 * Pure planning for writing a SheetSpec through Office.js with few, small requests: cells are
 * grouped into rectangles so that values/formulas and number formats go as one 2-D array per
 * contiguous block, identical styles as one format call per rectangle, and blocks are split by
 * rows so no request exceeds Excel on the web's 5 MB payload limit. No Excel types here.
 */
import { cellRef, parseCell, rangeRef } from '../sheets/core/a1';
import type { CellSpec, CellStyle } from '../sheets/core/sheet-spec';
import { jsonBytes, toCellInput, type CellInput } from './excel-values';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Block<T> extends Rect {
  /** rows × columns; null leaves a cell unchanged. */
  data: (T | null)[][];
}

export interface StyleRect extends Rect {
  style: Omit<CellStyle, 'numFmt'>;
}

export interface SheetCellPlan {
  values: Block<CellInput>[];
  numberFormats: Block<string>[];
  styles: StyleRect[];
  /** How many cells get a value or formula (large writes suspend calculation). */
  valueCellCount: number;
}

export function rectAddress(r: Rect): string {
  return r.top === r.bottom && r.left === r.right ? cellRef(r.top, r.left) : rangeRef(r.top, r.left, r.bottom, r.right);
}

interface Pos {
  row: number;
  col: number;
}

/**
 * Groups positions into rectangles: per row the span from its first to last position (gaps
 * become nulls), consecutive rows with the same span merged into one block.
 */
export function spanBlocks<T>(items: { pos: Pos; value: T }[]): Block<T>[] {
  const byRow = new Map<number, Map<number, T>>();
  for (const { pos, value } of items) {
    let row = byRow.get(pos.row);
    if (!row) byRow.set(pos.row, (row = new Map()));
    row.set(pos.col, value);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: Block<T>[] = [];
  let current: Block<T> | undefined;
  for (const r of rows) {
    const cols = byRow.get(r)!;
    let left = Infinity;
    let right = -Infinity;
    for (const c of cols.keys()) {
      if (c < left) left = c;
      if (c > right) right = c;
    }
    const line: (T | null)[] = [];
    for (let c = left; c <= right; c++) line.push(cols.has(c) ? cols.get(c)! : null);
    if (current && current.bottom === r - 1 && current.left === left && current.right === right) {
      current.bottom = r;
      current.data.push(line);
    } else {
      current = { top: r, left, bottom: r, right, data: [line] };
      blocks.push(current);
    }
  }
  return blocks;
}

/**
 * Groups positions into exact rectangles (no gaps): per row runs of consecutive columns,
 * runs with the same columns in consecutive rows merged.
 */
export function exactRects(positions: Pos[]): Rect[] {
  const sorted = [...positions].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Rect[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === p.row && last.right === p.col - 1) last.right = p.col;
    else if (!(last && last.top === p.row && last.right >= p.col)) runs.push({ top: p.row, bottom: p.row, left: p.col, right: p.col });
  }
  // Merge vertically: a run extends the open rectangle with the same columns ending on the row above.
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const prev = open.get(key);
    if (prev && prev.bottom === run.top - 1) prev.bottom = run.top;
    else {
      const rect = { ...run };
      open.set(key, rect);
      out.push(rect);
    }
  }
  return out;
}

/** A stable key for a style, so equal styles written in different key orders group together. */
export function styleKey(style: object): string {
  return JSON.stringify(style, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function hasVisibleStyle(style: Omit<CellStyle, 'numFmt'>): boolean {
  return Object.values(style).some((v) => v !== undefined);
}

/** Plans the cell writes of one sheet. `mapFormula` rewrites formulas (sheet renames). */
export function planCells(cells: CellSpec[], mapFormula: (f: string) => string = (f) => f): SheetCellPlan {
  const values: { pos: Pos; value: CellInput }[] = [];
  const formats: { pos: Pos; value: string }[] = [];
  const styleGroups = new Map<string, { style: Omit<CellStyle, 'numFmt'>; positions: Pos[] }>();
  const keyCache = new WeakMap<CellStyle, string>();
  for (const cell of cells) {
    const pos = parseCell(cell.ref);
    const input = toCellInput(cell.value);
    if (input !== null) values.push({ pos, value: typeof input === 'string' && input.startsWith('=') ? `=${mapFormula(input.slice(1))}` : input });
    if (!cell.style) continue;
    const { numFmt, ...rest } = cell.style;
    if (numFmt) formats.push({ pos, value: numFmt });
    if (!hasVisibleStyle(rest)) continue;
    // Builders reuse one style object for a whole column: key it once per object.
    let key = keyCache.get(cell.style);
    if (key === undefined) keyCache.set(cell.style, (key = styleKey(rest)));
    let group = styleGroups.get(key);
    if (!group) styleGroups.set(key, (group = { style: rest, positions: [] }));
    group.positions.push(pos);
  }
  const styles: StyleRect[] = [];
  for (const { style, positions } of styleGroups.values()) for (const r of exactRects(positions)) styles.push({ ...r, style });
  return { values: spanBlocks(values), numberFormats: spanBlocks(formats), styles, valueCellCount: values.length };
}

/**
 * Splits a block into row slices whose JSON stays under maxBytes each (a single row larger
 * than that is still one slice: Excel cannot take half a row in a 2-D write).
 */
export function splitBlock<T>(block: Block<T>, maxBytes: number): Block<T>[] {
  const total = jsonBytes(block.data);
  if (total <= maxBytes) return [block];
  const out: Block<T>[] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < block.data.length; i++) {
    const rowBytes = jsonBytes(block.data[i]) + 1;
    if (i > start && bytes + rowBytes > maxBytes) {
      out.push({ ...block, top: block.top + start, bottom: block.top + i - 1, data: block.data.slice(start, i) });
      start = i;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  out.push({ ...block, top: block.top + start, bottom: block.bottom, data: block.data.slice(start) });
  return out;
}
