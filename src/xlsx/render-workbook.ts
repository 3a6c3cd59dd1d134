import ExcelJS from 'exceljs';
import { cellRef, parseRange, quoteSheet } from '../sheets/core/a1';
import {
  isFormula,
  type CellContent,
  type CellStyle,
  type ConditionalRule,
  type DifferentialStyle,
  type FontSpec,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
} from '../sheets/core/sheet-spec';
import { withPersonalMarkers } from '../sheets/sharing/personal-marker';
import { uniqueSheetName } from '../sheets/core/sheet-names';

/**
 * Renders a WorkbookSpec to .xlsx bytes. A formula's `cached` value (src/xlsx/evaluate) is
 * written as its stored value; Excel is asked to recalculate everything on open.
 */
export async function renderWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Account Planner';
  if (spec.title) wb.title = spec.title;
  wb.calcProperties.fullCalcOnLoad = true;
  const taken: string[] = [];
  // Personal columns are marked with AP_Personal_<n> names (src/sheets/personal-marker.ts).
  for (const sheet of withPersonalMarkers(spec.sheets)) {
    const name = uniqueSheetName(sheet.name, taken);
    taken.push(name);
    await renderSheet(wb, sheet, name);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

async function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec, name: string): Promise<void> {
  const ws = wb.addWorksheet(name, {
    state: spec.hidden ? 'hidden' : 'visible',
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {},
    views: spec.freeze
      ? [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows, showGridLines: true }]
      : [{ showGridLines: true }],
  });

  for (const c of spec.columns ?? []) {
    const col = ws.getColumn(c.index);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  }
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = height;

  // Tables first: ExcelJS's addTable writes header/body cells itself, the cells below then
  // overwrite them with the same content plus our styles.
  const byRef = new Map(spec.cells.map((c) => [c.ref, c]));
  for (const t of spec.tables ?? []) {
    const r = parseRange(t.ref);
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = r.top + 1; row <= r.bottom; row++) {
      const line: ExcelJS.CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(toExcelValue(byRef.get(cellRef(row, col))?.value ?? null));
      rows.push(line);
    }
    ws.addTable({
      name: t.name,
      ref: cellRef(r.top, r.left),
      headerRow: true,
      style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: t.showRowStripes ?? true },
      columns: t.columns.map((c) => ({ name: c.name, filterButton: true })),
      rows,
    });
  }

  for (const cell of spec.cells) {
    const target = ws.getCell(cell.ref);
    target.value = toExcelValue(cell.value);
    if (cell.style) applyStyle(target, cell.style);
    if (cell.note) target.note = cell.note;
  }

  for (const m of spec.merges ?? []) ws.mergeCells(m);

  for (const v of spec.validations ?? []) addValidation(ws, v);

  let priority = 1;
  for (const cf of spec.conditionalFormats ?? []) {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: cf.rules.map((rule) => toConditionalRule(rule, priority++)),
    });
  }

  for (const n of spec.names ?? []) wb.definedNames.add(`${quoteSheet(name)}!${n.ref}`, n.name);

  if (spec.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: spec.print.orientation,
      fitToPage: spec.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(spec.print.titleRows ? { printTitlesRow: spec.print.titleRows } : {}),
      ...(spec.print.area ? { printArea: spec.print.area } : {}),
    };
    for (const r of spec.print.rowBreaks ?? []) ws.getRow(r).addPageBreak();
  }

  if (spec.protection?.enabled) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: true,
      autoFilter: true,
    });
  }
}

export function toExcelValue(value: CellContent): ExcelJS.CellValue {
  // ExcelJS writes `result` as the cell's stored value (<v>), typed like the value.
  if (isFormula(value))
    return (value.cached === undefined || value.cached === null ? { formula: value.formula } : { formula: value.formula, result: value.cached }) as ExcelJS.CellFormulaValue;
  return value;
}

function argb(rgb: string): string {
  return `FF${rgb.toUpperCase()}`;
}

function toFont(f: FontSpec): Partial<ExcelJS.Font> {
  const font: Partial<ExcelJS.Font> = {};
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.underline) font.underline = true;
  if (f.size) font.size = f.size;
  if (f.color) font.color = { argb: argb(f.color) };
  return font;
}

function applyStyle(target: ExcelJS.Cell, s: CellStyle): void {
  if (s.numFmt) target.numFmt = s.numFmt;
  if (s.font) target.font = toFont(s.font);
  if (s.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.border) {
    const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: argb(s.border) } };
    target.border = { top: side, left: side, bottom: side, right: side };
  }
  if (s.alignment) target.alignment = { ...s.alignment } as Partial<ExcelJS.Alignment>;
  if (s.locked === false) target.protection = { locked: false };
}

function addValidation(ws: ExcelJS.Worksheet, v: ValidationSpec): void {
  const dv: ExcelJS.DataValidation = { type: 'custom', allowBlank: v.allowBlank ?? true, formulae: [] };
  switch (v.rule.type) {
    case 'list':
      dv.type = 'list';
      dv.formulae = [`"${v.rule.values.join(',')}"`];
      break;
    case 'listRange':
      dv.type = 'list';
      dv.formulae = [v.rule.source];
      break;
    case 'whole':
    case 'decimal':
    case 'date': {
      dv.type = v.rule.type;
      const { min, max } = v.rule;
      if (min !== undefined && max !== undefined) {
        dv.operator = 'between';
        dv.formulae = [min, max];
      } else if (min !== undefined) {
        dv.operator = 'greaterThanOrEqual';
        dv.formulae = [min];
      } else if (max !== undefined) {
        dv.operator = 'lessThanOrEqual';
        dv.formulae = [max];
      }
      break;
    }
  }
  if (v.prompt) {
    dv.showInputMessage = true;
    dv.promptTitle = v.prompt.title;
    dv.prompt = v.prompt.message;
  }
  if (v.error) {
    dv.showErrorMessage = true;
    dv.errorStyle = v.error.style ?? 'stop';
    dv.errorTitle = v.error.title;
    dv.error = v.error.message;
  }
  // Registered once under the whole range: added cell by cell, ExcelJS merges neighbours after
  // sorting addresses as text ("B100" before "B19") and writes overlapping duplicate ranges.
  // (dataValidations is missing from ExcelJS's typings.)
  const validations = (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } })
    .dataValidations;
  validations.add(v.ref, dv);
}

function toDxf(s: DifferentialStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(s.fill) } };
  if (s.font) out.font = toFont(s.font);
  return out;
}

function toConditionalRule(rule: ConditionalRule, priority: number): ExcelJS.ConditionalFormattingRule {
  switch (rule.type) {
    case 'expression':
      return {
        type: 'expression',
        priority,
        formulae: [rule.formula],
        style: toDxf(rule.style),
      } as ExcelJS.ConditionalFormattingRule;
    case 'cellIs':
      return {
        type: 'cellIs',
        priority,
        operator: rule.operator,
        formulae: rule.formulas,
        style: toDxf(rule.style),
      } as ExcelJS.ConditionalFormattingRule;
    case 'dataBar':
      return {
        type: 'dataBar',
        priority,
        gradient: true,
        minLength: 0,
        maxLength: 100,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: { argb: argb(rule.color) },
      } as unknown as ExcelJS.ConditionalFormattingRule;
  }
}
