/**
 * One comparable description of a sheet, built either from the fake Excel's model (what the
 * Office writer did) or from an .xlsx file read back with ExcelJS (what the file renderer
 * wrote). Each aspect is compared on its own, so one mapping difference fails one test.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellRef, parseRange } from '../../src/sheets/core/a1';
import { MAX_COLUMNS, type ModelSheet, type ModelWorkbook, rectAddress } from './fake-excel/model';

export interface GridSnapshot {
  /** A1 → "f:FORMULA" | "n:123" | "s:text" | "b:true" | "e:#N/A"; empty cells left out. */
  values: Record<string, string>;
  /** A1 → number format, General left out. */
  numberFormats: Record<string, string>;
  merges: string[];
  tables: { name: string; ref: string; style: string; columns: string[]; showRowStripes: boolean }[];
  /** A1 → normalised rule. */
  validations: Record<string, string>;
  /** In priority order. */
  conditionalFormats: string[];
  freeze: { rows: number; columns: number } | null;
  /** "Name=$A$1:$B$2" for the names that point at this sheet. */
  names: string[];
  /**
   * Column index → width in pixels as Excel draws it. For the file: ECMA-376 Part 1 section 18.3.1.13,
   * pixels = Truncate(((256 × width + Truncate(128 / MDW)) / 256) × MDW) with MDW 7 (11-point
   * Calibri); for the fake: columnWidth points ÷ 0.75. Written here independently of
   * src/office/range-format.ts, so a wrong conversion there shows as a different width.
   */
  columnWidths: Record<number, number>;
  /** Print setup: orientation, paper, fit to width, title rows, area and manual row breaks. */
  print: PrintSnapshot | null;
}

export interface PrintSnapshot {
  orientation: string;
  paper: string;
  fitToWidth: boolean;
  titleRows: string;
  area: string;
  rowBreaks: number[];
}

export const ASPECTS = [
  'values',
  'numberFormats',
  'merges',
  'tables',
  'validations',
  'conditionalFormats',
  'freeze',
  'names',
  'columnWidths',
  'print',
] as const satisfies readonly (keyof GridSnapshot)[];

const EPOCH = Date.UTC(1899, 11, 30);
const EXCELJS_DEFAULT_WIDTH = 9;
const MDW = 7;
const xlsxWidthToPixels = (width: number) => Math.trunc(((256 * width + Math.trunc(128 / MDW)) / 256) * MDW);
const serial = (d: Date) => (d.getTime() - EPOCH) / 86_400_000;
const num = (n: number) => String(Math.round(n * 1e9) / 1e9);

function constant(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return `n:${num(v)}`;
  if (typeof v === 'boolean') return `b:${v}`;
  if (v instanceof Date) return `n:${num(serial(v))}`;
  if (typeof v === 'string') return `s:${v}`;
  return `?:${JSON.stringify(v)}`;
}

function rgb(color: string | undefined): string {
  return (color ?? '').replace(/^#/, '').replace(/^FF(?=[0-9A-F]{6}$)/i, '').toUpperCase();
}

const OPERATOR_BACK: Record<string, string> = {
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  Between: 'between',
  NotBetween: 'notBetween',
  GreaterThanOrEqual: 'greaterThanOrEqual',
  LessThanOrEqual: 'lessThanOrEqual',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};

function dvText(d: {
  type: string;
  operator?: string;
  formulae: string[];
  allowBlank: boolean;
  showError: boolean;
  errorStyle: string;
  errorTitle: string;
  error: string;
  showPrompt: boolean;
  promptTitle: string;
  prompt: string;
}): string {
  const error = d.showError ? `error=${d.errorStyle}|${d.errorTitle}|${d.error}` : 'error=off';
  const prompt = d.showPrompt ? `prompt=${d.promptTitle}|${d.prompt}` : 'prompt=off';
  return [d.type, d.operator ?? '', d.formulae.join(';'), `blank=${d.allowBlank}`, error, prompt].join(' ');
}

function cfText(c: { ref: string; type: string; operator?: string; formulae?: string[]; fill?: string; font?: Record<string, unknown>; color?: string }): string {
  const font = c.font
    ? Object.entries(c.font)
        .filter(([, v]) => v !== undefined && v !== null && v !== false)
        .map(([k, v]) => `${k}=${k === 'color' ? rgb(String(v)) : String(v)}`)
        .sort()
        .join(',')
    : '';
  return [c.ref, c.type, c.operator ?? '', (c.formulae ?? []).join(';'), `fill=${rgb(c.fill)}`, `font=${font}`, c.color ? `bar=${rgb(c.color)}` : ''].join(' ');
}

/** Formula text as the file stores it: dates in validation rules become serials. */
function formulaText(v: unknown): string {
  if (v instanceof Date) return num(serial(v));
  if (typeof v === 'number') return num(v);
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}(T00:00:00(\.000)?Z)?$/.test(s)) return num(serial(new Date(s.slice(0, 10) + 'T00:00:00Z')));
  return s;
}

// ------------------------------------------------------------------ from the fake

export function snapshotFake(model: ModelWorkbook, sheetName: string): GridSnapshot {
  const sheet = model.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in the fake workbook`);
  const values: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  for (const [key, c] of sheet.cells) {
    const a1 = cellRef(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
    const v = c.formula !== undefined ? `f:${c.formula}` : c.error !== undefined ? `e:${c.error}` : constant(c.value);
    if (v !== undefined) values[a1] = v;
    if (c.numberFormat && c.numberFormat !== 'General') numberFormats[a1] = c.numberFormat;
  }
  const validations: Record<string, string> = {};
  for (const v of sheet.validations) {
    const [kind, body] = Object.entries(v.rule)[0] ?? ['none', {}];
    const b = body as Record<string, unknown>;
    const type = { list: 'list', wholeNumber: 'whole', decimal: 'decimal', date: 'date', custom: 'custom', textLength: 'textLength', time: 'time' }[kind] ?? kind;
    let formulae: string[];
    let operator: string | undefined;
    if (kind === 'list') {
      const source = String(b.source);
      formulae = [source.startsWith('=') ? source.slice(1) : `"${source}"`];
    } else {
      operator = OPERATOR_BACK[String(b.operator)] ?? String(b.operator);
      formulae = [b.formula1, b.formula2].filter((f) => f !== undefined).map(formulaText);
    }
    const text = dvText({
      type,
      operator,
      formulae,
      allowBlank: v.ignoreBlanks,
      showError: v.errorAlert.showAlert,
      errorStyle: v.errorAlert.style.toLowerCase(),
      errorTitle: v.errorAlert.title,
      error: v.errorAlert.message,
      showPrompt: v.prompt?.showPrompt ?? false,
      promptTitle: v.prompt?.title ?? '',
      prompt: v.prompt?.message ?? '',
    });
    for (let r = v.rect.top; r <= v.rect.bottom; r++) for (let c = v.rect.left; c <= v.rect.right; c++) validations[cellRef(r, c)] = text;
  }
  const conditionalFormats = sheet.conditionalFormats.map((cf) => {
    const ref = rectAddress(cf.rect);
    const strip = (f: unknown) => String(f).replace(/^=/, '');
    if (cf.type === 'Custom') return cfText({ ref, type: 'expression', formulae: [strip(cf.rule.formula)], fill: cf.format.fill, font: cf.format.font });
    if (cf.type === 'CellValue') {
      const formulae = [cf.rule.formula1, cf.rule.formula2].filter((f) => f !== undefined).map(strip);
      return cfText({ ref, type: 'cellIs', operator: OPERATOR_BACK[String(cf.rule.operator)], formulae, fill: cf.format.fill, font: cf.format.font });
    }
    return cfText({ ref, type: 'dataBar', color: String(cf.rule.fillColor ?? '') });
  });
  return {
    values,
    numberFormats,
    merges: sheet.merges.map((m) => rectAddress(m)).sort(),
    tables: model.tables
      .filter((t) => t.sheet === sheet)
      .map((t) => ({
        name: t.name,
        ref: rectAddress(t.rect),
        style: t.style,
        columns: Array.from({ length: t.rect.right - t.rect.left + 1 }, (_, i) => String(sheet.cell(t.rect.top, t.rect.left + i)?.value ?? '')),
        showRowStripes: t.showBandedRows,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    validations,
    conditionalFormats,
    freeze: sheet.freeze,
    names: model.names
      .filter((n) => n.scope === sheet || n.formula.startsWith(`=${quoteLike(sheet)}!`))
      .map((n) => `${n.name}=${n.formula.replace(/^=.*!/, '')}`)
      .sort(),
    print: printFromFake(sheet),
    // ExcelJS writes no <col> for width 9, its default column width: compare like for like.
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].map(([col, pts]) => [col, Math.round((pts / 0.75) * 100) / 100]).filter(([, px]) => px !== xlsxWidthToPixels(EXCELJS_DEFAULT_WIDTH)),
    ),
  };
}

function printFromFake(sheet: ModelSheet): PrintSnapshot | null {
  const p = sheet.pageLayout;
  if (!p.orientation) return null;
  return {
    orientation: p.orientation.toLowerCase(),
    paper: p.paperSize ?? '',
    fitToWidth: p.zoom?.horizontalFitToPages === 1,
    titleRows: (p.printTitleRows ?? '').replace(/\$/g, ''),
    area: (p.printArea ?? '').replace(/\$/g, ''),
    rowBreaks: p.rowBreaks ?? [],
  };
}

function quoteLike(sheet: ModelSheet): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
}

// ------------------------------------------------------------------ from the file

export async function snapshotXlsx(bytes: Uint8Array, sheetName: string): Promise<GridSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName} in the file`);
  const values: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const merged = new Set<string>();
  const merges = ((ws as unknown as { model: { merges: string[] } }).model.merges ?? []).slice().sort();
  for (const m of merges) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) merged.add(cellRef(row, col));
  }
  // Styled blank cells sit in rows ExcelJS calls empty: visit those too.
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const a1 = cell.address;
      if (cell.numFmt && cell.numFmt !== 'General') numberFormats[a1] = cell.numFmt;
      if (merged.has(a1)) return; // ExcelJS repeats the master's value in merged cells
      const v = cell.value as unknown;
      let text: string | undefined;
      if (v && typeof v === 'object' && !(v instanceof Date)) {
        const o = v as { formula?: string; sharedFormula?: string; error?: string; richText?: { text: string }[] };
        if (o.formula !== undefined) text = `f:${o.formula}`;
        else if (o.error !== undefined) text = `e:${o.error}`;
        else if (o.richText) text = `s:${o.richText.map((t) => t.text).join('')}`;
        else text = `?:${JSON.stringify(v)}`;
      } else text = constant(v);
      if (text !== undefined) values[a1] = text;
    }),
  );

  const validations: Record<string, string> = {};
  const dvModel = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  for (const [ref, dv] of Object.entries(dvModel)) {
    const text = dvText({
      type: dv.type,
      operator: dv.type === 'list' ? undefined : (dv.operator ?? 'between'),
      formulae: (dv.formulae ?? []).map(formulaText),
      allowBlank: Boolean(dv.allowBlank),
      showError: Boolean(dv.showErrorMessage),
      errorStyle: dv.errorStyle ?? 'stop',
      errorTitle: dv.errorTitle ?? '',
      error: dv.error ?? '',
      showPrompt: Boolean(dv.showInputMessage),
      promptTitle: dv.promptTitle ?? '',
      prompt: dv.prompt ?? '',
    });
    const r = parseRange(ref.split(' ')[0]);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) validations[cellRef(row, col)] = text;
  }

  type CfRule = { type: string; priority: number; operator?: string; formulae?: unknown[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { bold?: boolean; italic?: boolean; underline?: boolean; color?: { argb?: string } } }; color?: { argb?: string } };
  const cfs = ((ws as unknown as { conditionalFormattings?: { ref: string; rules: CfRule[] }[] }).conditionalFormattings ?? [])
    .flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
    .sort((a, b) => a.rule.priority - b.rule.priority)
    .map(({ ref, rule }) => {
      if (rule.type === 'dataBar') return cfText({ ref, type: 'dataBar', color: rule.color?.argb });
      const f = rule.style?.font;
      const font = f ? { bold: f.bold, italic: f.italic, underline: f.underline ? 'Single' : undefined, color: f.color?.argb } : undefined;
      return cfText({ ref, type: rule.type, operator: rule.operator, formulae: (rule.formulae ?? []).map(String), fill: rule.style?.fill?.bgColor?.argb, font });
    });

  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const freeze = view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null;

  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[])
    .flatMap((n) => n.ranges.filter((r) => r.startsWith(`${quoted}!`)).map((r) => `${n.name}=${r.replace(/^.*!/, '')}`))
    .sort();

  type TableModel = { name: string; tableRef: string; columns: { name: string }[]; style?: { theme?: string; showRowStripes?: boolean } };
  const tables = ((ws as unknown as { getTables(): { table: TableModel }[] }).getTables() ?? [])
    .map(({ table }) => ({
      name: table.name,
      ref: table.tableRef,
      style: table.style?.theme ?? '',
      columns: table.columns.map((c) => c.name),
      showRowStripes: Boolean(table.style?.showRowStripes),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const columnWidths: Record<number, number> = {};
  (ws.columns ?? []).forEach((c, i) => {
    if (c.width !== undefined) columnWidths[i + 1] = xlsxWidthToPixels(c.width);
  });

  const print = await printFromFile(bytes, ws);

  return { values, numberFormats, merges, tables, validations, conditionalFormats: cfs, freeze, names, columnWidths, print };
}

/** ExcelJS reads page setup but not row breaks: those come from the sheet XML itself. */
async function printFromFile(bytes: Uint8Array, ws: ExcelJS.Worksheet): Promise<PrintSnapshot | null> {
  const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { printTitlesRow?: string; printArea?: string };
  if (!setup.orientation || setup.paperSize === undefined) return null;
  const zip = await JSZip.loadAsync(bytes);
  const index = (ws as unknown as { id: number }).id;
  const xml = (await zip.file(`xl/worksheets/sheet${index}.xml`)?.async('string')) ?? '';
  const breaksXml = /<rowBreaks[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
  const rowBreaks = [...breaksXml.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  return {
    orientation: setup.orientation,
    paper: setup.paperSize === 9 ? 'A4' : String(setup.paperSize),
    fitToWidth: Boolean(setup.fitToPage) && setup.fitToWidth === 1,
    titleRows: (setup.printTitlesRow ?? '').replace(/\$/g, ''),
    area: (setup.printArea ?? '').replace(/\$/g, ''),
    rowBreaks,
  };
}
