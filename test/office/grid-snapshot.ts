/**
 * One comparable description of a sheet, built either from the fake Excel's model (what the
 * Office writer did) or from an .xlsx file read back with ExcelJS (what the file renderer
 * wrote). Each aspect is compared on its own, so one mapping difference fails one test.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellRef, parseRange } from '../../src/sheets/core/a1';
import { FORMAT_VERSION_NAME, SHEET_STAMP_NAME, parseFormatVersion, parseStamp, stampText } from '../../src/sheets/core/stamp';
import { readStamps } from '../../src/xlsx/read-stamps';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import path from 'node:path';
import { child, descendants, kids, parseXml, type XmlElement } from '../support/xml-tree';
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
  /** The sheet's version stamp "kind@version" and the workbook's format version. */
  stamp: { sheet: string | null; formatVersion: number | null };
  /** Charts in the order they were added: type, title, place, series and the axes' settings. */
  charts: ChartSnapshot[];
}

export interface ChartSnapshot {
  type: string;
  title: string;
  anchor: string;
  width: number;
  height: number;
  /** Ranges as "Sheet!A1:B2" (no quotes, no $). */
  series: { name: string; type: string; secondary: boolean; categories: string; values: string; sizes: string }[];
  /** "Category/Primary", "Value/Primary", "Value/Secondary" → the settings made on that axis. */
  axes: Record<string, Record<string, string | number | boolean>>;
  /** Whether data in hidden rows and columns is left out (a chart over a hidden helper column draws nothing then). */
  plotVisibleOnly: boolean;
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
  'stamp',
  'charts',
] as const satisfies readonly (keyof GridSnapshot)[];

const EPOCH = Date.UTC(1899, 11, 30);
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
      .filter((n) => !isStampName(n.name))
      .filter((n) => n.scope === sheet || n.formula.startsWith(`=${quoteLike(sheet)}!`))
      .map((n) => `${n.name}=${n.formula.replace(/^=.*!/, '')}`)
      .sort(),
    print: printFromFake(sheet),
    charts: sheet.charts.map(chartFromFake),
    stamp: {
      sheet: stampOrNull(model.names.find((n) => n.scope === sheet && n.name === SHEET_STAMP_NAME)?.formula),
      formatVersion: parseFormatVersion(model.names.find((n) => n.scope === null && n.name === FORMAT_VERSION_NAME)?.formula ?? '') ?? null,
    },
    columnWidths: Object.fromEntries([...sheet.columnWidths].map(([col, pts]) => [col, Math.round((pts / 0.75) * 100) / 100])),
  };
}

/** Excel's chart type → how the series is drawn, in the SheetSpec's words. */
const KIND: Record<string, string> = { ColumnClustered: 'column', BarClustered: 'bar', Line: 'line', Pie: 'pie', Bubble: 'bubble' };

/** "'My sheet'!$A$1:$B$2" → "My sheet!A1:B2". */
function plainRange(ref: string | undefined): string {
  if (!ref) return '';
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.*)$/.exec(ref.replace(/^=/, ''));
  if (!m) return ref.replace(/\$/g, '');
  return `${(m[1] ?? m[2]).replace(/''/g, "'")}!${m[3].replace(/\$/g, '')}`;
}

function axisSettings(a: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (a.minimum !== undefined) out.min = Number(a.minimum);
  if (a.maximum !== undefined) out.max = Number(a.maximum);
  if (a.scaleType === 'Logarithmic') out.log = true;
  if (a.numberFormat !== undefined) out.numFmt = String(a.numberFormat);
  if (a.title) out.title = String(a.title);
  return out;
}

function chartFromFake(c: ModelSheet['charts'][number]): ChartSnapshot {
  const axes: ChartSnapshot['axes'] = {};
  for (const [key, a] of Object.entries(c.axes)) {
    const s = axisSettings(a);
    if (Object.keys(s).length) axes[key] = s;
  }
  return {
    type: KIND[c.type] ?? c.type,
    title: c.title,
    anchor: c.anchor ?? '',
    width: c.width ?? 0,
    height: c.height ?? 0,
    series: c.series.map((s) => ({
      name: s.name,
      type: KIND[s.chartType ?? c.type] ?? String(s.chartType),
      secondary: s.axisGroup === 'Secondary',
      categories: plainRange(s.xValues),
      values: plainRange(s.values),
      sizes: plainRange(s.bubbleSizes),
    })),
    axes,
    plotVisibleOnly: c.plotVisibleOnly ?? true,
  };
}

const isStampName = (name: string) => name === SHEET_STAMP_NAME || name === FORMAT_VERSION_NAME;

function stampOrNull(formula: string | undefined): string | null {
  const stamp = formula === undefined ? undefined : parseStamp(formula);
  return stamp ? stampText(stamp) : null;
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
    .filter((n) => !isStampName(n.name))
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
  const index = (ws as unknown as { id: number }).id;
  // ExcelJS keeps names that are not references poorly: the stamps are read from the XML.
  const stamps = await readStamps(bytes);
  const own = stamps.sheets.find((s) => s.sheet === sheetName)?.stamp;
  const stamp = { sheet: own ? stampText(own) : null, formatVersion: stamps.formatVersion ?? null };

  const charts = await chartsFromFile(bytes, index);

  return { values, numberFormats, merges, tables, validations, conditionalFormats: cfs, freeze, names, columnWidths, print, stamp, charts };
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
    area: await printAreaFromFile(bytes, ws.name),
    rowBreaks,
  };
}

/** The print area as the file's defined name holds it ("A1:H40,O5:X30"): ExcelJS reads one range only. */
async function printAreaFromFile(bytes: Uint8Array, sheetName: string): Promise<string> {
  const parts = await readWorkbookParts(bytes);
  const area = parts.names.find((n) => n.name === '_xlnm.Print_Area' && parts.sheets[n.localSheetId ?? -1] === sheetName);
  return area ? area.formula.split(',').map((r) => plainRange(r).replace(/^.*!/, '')).join(',') : '';
}

/** The charts of sheet N read from its drawing and chart parts, in the snapshot's terms. */
async function chartsFromFile(bytes: Uint8Array, sheetNumber: number): Promise<ChartSnapshot[]> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  const target = (rels: string, type: string) =>
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).filter((r) => r.includes(`/${type}"`)).map((r) => ({ id: /Id="([^"]+)"/.exec(r)![1], target: /Target="([^"]+)"/.exec(r)![1] }));
  const sheetRels = await text(`xl/worksheets/_rels/sheet${sheetNumber}.xml.rels`);
  const drawing = target(sheetRels, 'drawing')[0];
  if (!drawing) return [];
  const drawingPath = path.posix.normalize(`xl/worksheets/${drawing.target}`);
  const drawingRels = target(await text(drawingPath.replace(/([^/]+)$/, '_rels/$1.rels')), 'chart');
  const anchors = kids(parseXml(await text(drawingPath)), 'oneCellAnchor').concat(kids(parseXml(await text(drawingPath)), 'twoCellAnchor'));
  const out: ChartSnapshot[] = [];
  for (const anchor of anchors) {
    const relId = descendants(anchor, 'chart')[0]?.attrs.id;
    const chartPath = path.posix.normalize(`${path.posix.dirname(drawingPath)}/${drawingRels.find((r) => r.id === relId)?.target}`);
    const space = parseXml(await text(chartPath));
    const from = child(anchor, 'from');
    const ext = child(anchor, 'ext');
    out.push({
      ...chartFromXml(space),
      anchor: cellRef(Number(child(from, 'row')?.text) + 1, Number(child(from, 'col')?.text) + 1),
      width: Math.round(Number(ext?.attrs.cx) / 12700),
      height: Math.round(Number(ext?.attrs.cy) / 12700),
    });
  }
  return out;
}

function chartFromXml(space: XmlElement): Omit<ChartSnapshot, 'anchor' | 'width' | 'height'> {
  const chart = child(space, 'chart');
  const plot = child(chart, 'plotArea');
  const title = descendants(child(chart, 'title'), 't').map((t) => t.text).join('');
  const groupType = (g: XmlElement) => (g.name === 'barChart' ? (child(g, 'barDir')?.attrs.val === 'bar' ? 'bar' : 'column') : g.name.replace(/Chart$/, ''));
  const valAxes = kids(plot, 'valAx');
  const isSecondary = (g: XmlElement) => {
    const ids = kids(g, 'axId').map((a) => a.attrs.val);
    return valAxes.some((v) => ids.includes(child(v, 'axId')?.attrs.val ?? '') && child(v, 'crosses')?.attrs.val === 'max');
  };
  const groups = (plot?.children ?? []).filter((c) => /Chart$/.test(c.name));
  const f = (el: XmlElement | undefined) => plainRange(descendants(el, 'f')[0]?.text);
  const series = groups.flatMap((g) =>
    kids(g, 'ser').map((s) => ({
      order: Number(child(s, 'order')?.attrs.val),
      name: child(s, 'tx/v')?.text ?? '',
      type: groupType(g),
      secondary: isSecondary(g),
      categories: f(child(s, 'cat') ?? child(s, 'xVal')),
      values: f(child(s, 'val') ?? child(s, 'yVal')),
      sizes: f(child(s, 'bubbleSize')),
    })),
  );
  series.sort((a, b) => a.order - b.order);
  const type = groups.length ? groupType(groups[0]) : '';
  const axes: ChartSnapshot['axes'] = {};
  const settings = (ax: XmlElement) => {
    const s: Record<string, string | number | boolean> = {};
    const scaling = child(ax, 'scaling');
    if (child(scaling, 'min')) s.min = Number(child(scaling, 'min')!.attrs.val);
    if (child(scaling, 'max')) s.max = Number(child(scaling, 'max')!.attrs.val);
    if (child(scaling, 'logBase')) s.log = true;
    const numFmt = child(ax, 'numFmt');
    if (numFmt && numFmt.attrs.sourceLinked === '0') s.numFmt = numFmt.attrs.formatCode;
    const axisTitle = descendants(child(ax, 'title'), 't').map((t) => t.text).join('');
    if (axisTitle) s.title = axisTitle;
    return s;
  };
  const put = (key: string, ax: XmlElement | undefined) => {
    const s = ax ? settings(ax) : {};
    if (Object.keys(s).length) axes[key] = s;
  };
  if (type === 'bubble') {
    put('Category/Primary', valAxes.find((v) => child(v, 'axPos')?.attrs.val === 'b'));
    put('Value/Primary', valAxes.find((v) => child(v, 'axPos')?.attrs.val === 'l'));
  } else {
    put('Category/Primary', kids(plot, 'catAx').find((c) => child(c, 'delete')?.attrs.val !== '1'));
    put('Value/Primary', valAxes.find((v) => child(v, 'crosses')?.attrs.val !== 'max'));
    put('Value/Secondary', valAxes.find((v) => child(v, 'crosses')?.attrs.val === 'max'));
  }
  // CT_Boolean's val defaults to true, and so does a chart without the element.
  const plotVisOnly = child(chart, 'plotVisOnly');
  const plotVisibleOnly = !plotVisOnly || !['0', 'false'].includes(plotVisOnly.attrs.val ?? 'true');
  return { type, title, series: series.map(({ order: _order, ...s }) => s), axes, plotVisibleOnly };
}
