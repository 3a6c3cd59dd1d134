/**
 * What links between sheets need of the open workbook (docs/notes/links.md): the stamped sheets
 * and defined names (to find a template's sources by stamp, src/sheets/core/find-sources.ts),
 * the cells of a dependent sheet (to see whether it fits and is linked already), and the
 * rewrite of the cells a relink changes — each one Excel.run of one or two syncs.
 */
import type { WorkbookLinkInfo, WorkbookName } from '../sheets/core/find-sources';
import type { Scalar } from '../sheets/core/sheet-spec';
import { parseStamp, SHEET_STAMP_NAME } from '../sheets/core/stamp';
import { cellRef, parseRange } from '../sheets/core/a1';
import type { CellPatch, ReadCell } from '../host/workbook-host';
import { queueValidation } from './apply-sheet-spec';
import type { ExcelFeatures } from './features';
import { applyStyle } from './range-format';
import { planCells, rectAddress } from './write-plan';

/** Sheets in workbook order with their stamps, and every workbook- and sheet-scoped name. */
export async function readLinkInfo(context: Excel.RequestContext): Promise<WorkbookLinkInfo> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/position');
  const workbookNames = context.workbook.names.load('items/name,items/formula');
  await context.sync();
  const ordered = [...sheets.items].sort((a, b) => a.position - b.position);
  const scoped = ordered.map((ws) => ({ sheet: ws.name, names: ws.names.load('items/name,items/formula') }));
  await context.sync();
  const names: WorkbookName[] = workbookNames.items.map((n) => ({ name: n.name, formula: n.formula }));
  const stamps: WorkbookLinkInfo['stamps'][number][] = [];
  for (const { sheet, names: own } of scoped)
    for (const n of own.items) {
      names.push({ name: n.name, formula: n.formula, scope: sheet });
      if (n.name.toLowerCase() !== SHEET_STAMP_NAME.toLowerCase()) continue;
      const stamp = parseStamp(n.formula);
      if (stamp) stamps.push({ sheet, stamp });
    }
  return { stamps, names };
}

/** The constants and formulas of one rectangle of a sheet (a formula cell's value is not read); empty cells left out. */
export async function readCells(context: Excel.RequestContext, sheet: string, area: string): Promise<Map<string, ReadCell>> {
  const range = context.workbook.worksheets.getItem(sheet).getRange(area);
  // Range.formulas gives a constant cell's value and a formula cell's formula: all a relink
  // compares, without asking Excel for computed values.
  range.load('formulas');
  await context.sync();
  const { top, left } = parseRange(area);
  const out = new Map<string, ReadCell>();
  range.formulas.forEach((row, r) =>
    row.forEach((content: unknown, c) => {
      if (content === '' || content === null || content === undefined) return;
      const ref = cellRef(top + r, left + c);
      if (typeof content === 'string' && content.startsWith('=')) out.set(ref, { value: null, formula: content });
      else out.set(ref, { value: content as Scalar });
    }),
  );
  return out;
}

/**
 * Rewrites the patched cells in one request: each area loses its validations and input look, then
 * the cells get their formulas or values, number formats and styles, and the validations of
 * the linked build go back. Cells outside the areas are not touched.
 */
export async function patchCells(context: Excel.RequestContext, sheet: string, patch: CellPatch, features: ExcelFeatures): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  for (const area of patch.areas) {
    const range = ws.getRange(area);
    range.dataValidation.clear();
    // What an input cell's style sets and a formula cell's leaves to Excel's default goes back to
    // that default (locked, bottom-aligned, not wrapped); fill, font, border and number format
    // come from the linked build below.
    range.format.protection.locked = true;
    range.format.wrapText = false;
    range.format.verticalAlignment = 'Bottom';
  }
  const cleared = patch.cells.filter((c) => c.value === null || c.value === undefined);
  for (const c of cleared) ws.getRange(c.ref).clear('Contents');
  const plan = planCells(patch.cells, (f) => f);
  for (const block of plan.values) ws.getRange(rectAddress(block)).formulas = block.data;
  for (const block of plan.numberFormats) ws.getRange(rectAddress(block)).numberFormat = block.data;
  for (const rect of plan.styles) applyStyle(ws.getRange(rectAddress(rect)), rect.style, { rows: rect.bottom - rect.top + 1, columns: rect.right - rect.left + 1 }, features);
  for (const v of patch.validations) queueValidation(ws, v, (f) => f);
  await context.sync();
}
