/**
 * xl/worksheets/sheetN.xml from a SheetSpec, its children in the order the schema requires
 * (CT_Worksheet): sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData,
 * sheetProtection, mergeCells, conditionalFormatting, dataValidations, printOptions,
 * pageMargins, pageSetup, rowBreaks, drawing, legacyDrawing, tableParts. (ExcelJS wrote
 * tableParts before legacyDrawing, which makes Excel repair the file.)
 * Rows are produced one at a time, so the sheet body streams into the zip.
 */
import { cellRef, parseCell, parseRange } from '../../sheets/core/a1';
import type { CellSpec, ConditionalRule, RowBlock, RowCellSpec, SheetSpec, ValidationSpec } from '../../sheets/core/sheet-spec';
import { cellXml, dateSerial, isDateValue, type CellWriteContext } from './cell-xml';
import type { FontFace } from './font-faces';
import { R_NS, SML_NS, XML_DECLARATION } from './namespaces';
import type { PartWriter } from './package-writer';
import type { StyleRegistry } from './styles-part';
import { escapeAttr, escapeText, numberText } from './xml-text';

export interface WorksheetRefs {
  /** Relationship ids (in the sheet's .rels) of its parts. */
  tables: string[];
  legacyDrawing?: string;
  drawing?: string;
}

export interface WorksheetContext extends CellWriteContext {
  spec: SheetSpec;
  face: FontFace;
  styles: StyleRegistry;
  /** The tab shown when the workbook opens. */
  selected: boolean;
  refs: WorksheetRefs;
  /** Table header cell → the column name it must show (Excel's rule for tables). */
  tableHeaders: Map<string, string>;
}

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;
/** Rows between two hand-overs of the compressed bytes to the sink. */
const ROWS_PER_DRAIN = 2000;

export async function writeWorksheet(out: PartWriter, ctx: WorksheetContext): Promise<void> {
  const { spec } = ctx;
  const rows = groupRows(spec.cells, ctx.tableHeaders);
  const blocks = [...(spec.rowBlocks ?? [])].filter((b) => b.count > 0).sort((a, b) => a.firstRow - b.firstRow);
  out.write(`${XML_DECLARATION}<worksheet xmlns="${SML_NS}" xmlns:r="${R_NS}">`);
  out.write(sheetPr(spec));
  const extent = usedExtent(rows, blocks);
  out.write(`<dimension ref="${extent ?? 'A1'}"/>`);
  out.write(sheetViews(spec, ctx.selected));
  out.write('<sheetFormatPr defaultRowHeight="15"/>');
  out.write(cols(spec));

  out.write('<sheetData>');
  const heights = spec.rowHeights ?? {};
  const rowNumbers = [...new Set([...rows.keys(), ...Object.keys(heights).map(Number)])].sort((a, b) => a - b);
  let n = 0;
  for (const [r, cells] of sheetRows(rowNumbers, rows, blocks)) {
    out.write(rowXml(r, cells, heights[r], ctx));
    if (++n % ROWS_PER_DRAIN === 0) await out.drain();
  }
  out.write('</sheetData>');

  if (spec.protection?.enabled)
    // Locked cells protected; formatting rows and columns, sorting and filtering stay allowed
    // (an attribute set to 0 means "not protected"). No password: it guards against slips.
    out.write('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>');
  const merges = spec.merges ?? [];
  if (merges.length) out.write(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  out.write(conditionalFormats(spec, ctx));
  out.write(validations(spec, ctx));
  out.write(printSetup(spec));
  const refs = ctx.refs;
  if (refs.drawing) out.write(`<drawing r:id="${refs.drawing}"/>`);
  if (refs.legacyDrawing) out.write(`<legacyDrawing r:id="${refs.legacyDrawing}"/>`);
  if (refs.tables.length) out.write(`<tableParts count="${refs.tables.length}">${refs.tables.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  out.write('</worksheet>');
}

/** A cell placed in its row: the spec's cells and generated rows meet in this form. */
type PlacedCell = RowCellSpec;

/**
 * Every row to write, in order: the spec's rows (cells and row heights) and the generated rows
 * of its blocks, produced one at a time as the writer goes (a block's rows never all exist).
 * A row that has both gets both, by column.
 */
function* sheetRows(rowNumbers: number[], rows: Map<number, PlacedCell[]>, blocks: RowBlock[]): Generator<[number, PlacedCell[]]> {
  let next = 0;
  for (const block of blocks)
    for (let i = 0; i < block.count; i++) {
      const r = block.firstRow + i;
      for (; next < rowNumbers.length && rowNumbers[next] < r; next++) yield [rowNumbers[next], rows.get(rowNumbers[next]) ?? []];
      let cells = block.row(i);
      if (next < rowNumbers.length && rowNumbers[next] === r) {
        const own = rows.get(r) ?? [];
        if (own.length) cells = [...own, ...cells].sort((a, b) => a.col - b.col);
        next++;
      }
      yield [r, cells];
    }
  for (; next < rowNumbers.length; next++) yield [rowNumbers[next], rows.get(rowNumbers[next]) ?? []];
}

/**
 * Cells by row number, each row sorted by column; the last spec of a repeated address wins.
 * A table header cell the spec left out is added: a table's header row must hold its names.
 */
function groupRows(cells: CellSpec[], tableHeaders: Map<string, string>): Map<number, PlacedCell[]> {
  const rows = new Map<number, Map<number, CellSpec>>();
  const place = (cell: CellSpec) => {
    const p = parseCell(cell.ref);
    let row = rows.get(p.row);
    if (!row) rows.set(p.row, (row = new Map()));
    row.set(p.col, cell);
    return p;
  };
  const seen = new Set<string>();
  for (const cell of cells) {
    place(cell);
    if (tableHeaders.has(cell.ref)) seen.add(cell.ref);
  }
  for (const [ref, name] of tableHeaders) if (!seen.has(ref)) place({ ref, value: name });
  const out = new Map<number, PlacedCell[]>();
  for (const [r, row] of rows) out.set(r, [...row].sort((a, b) => a[0] - b[0]).map(([col, cell]) => ({ col, value: cell.value, ...(cell.style ? { style: cell.style } : {}) })));
  return out;
}

/** The rows and columns holding cells; a block's columns are those of its first and last rows. */
function usedExtent(rows: Map<number, PlacedCell[]>, blocks: RowBlock[]): string | undefined {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const [r, cells] of rows) {
    if (!cells.length) continue;
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, cells[0].col);
    right = Math.max(right, cells[cells.length - 1].col);
  }
  for (const b of blocks)
    for (const cells of [b.row(0), b.row(b.count - 1)]) {
      if (!cells.length) continue;
      top = Math.min(top, b.firstRow);
      bottom = Math.max(bottom, b.firstRow + b.count - 1);
      for (const c of cells) {
        left = Math.min(left, c.col);
        right = Math.max(right, c.col);
      }
    }
  if (top === Infinity) return undefined;
  const a = cellRef(top, left);
  const b = cellRef(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

function rowXml(r: number, cells: PlacedCell[], height: number | undefined, ctx: WorksheetContext): string {
  let body = '';
  const inline = ctx.spec.inlineText && r >= ctx.spec.inlineText.fromRow ? ctx.spec.inlineText.columns : undefined;
  for (const cell of cells) {
    const ref = cellRef(r, cell.col);
    const header = ctx.tableHeaders.get(ref);
    const value = header !== undefined ? header : cell.value;
    const s = ctx.styles.cellXf(cell.style, ctx.face, isDateValue(value));
    body += cellXml(ref, value, s, ctx, header === undefined && !!inline?.includes(cell.col));
  }
  const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : '';
  if (!body && !ht) return '';
  return body ? `<row r="${r}"${ht}>${body}</row>` : `<row r="${r}"${ht}/>`;
}

function sheetPr(spec: SheetSpec): string {
  const tab = spec.tabColor ? `<tabColor rgb="${argb(spec.tabColor)}"/>` : '';
  const fit = spec.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '';
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : '';
}

function sheetViews(spec: SheetSpec, selected: boolean): string {
  const sel = selected ? ' tabSelected="1"' : '';
  const rows = spec.freeze?.rows ?? 0;
  const columns = spec.freeze?.columns ?? 0;
  if (rows <= 0 && columns <= 0) return `<sheetViews><sheetView workbookViewId="0"${sel}/></sheetViews>`;
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  const topLeft = cellRef(rows + 1, columns + 1);
  return (
    `<sheetViews><sheetView workbookViewId="0"${sel}>` +
    `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function cols(spec: SheetSpec): string {
  const list = [...(spec.columns ?? [])].sort((a, b) => a.index - b.index);
  if (!list.length) return '';
  const items = list.map((c) => `<col min="${c.index}" max="${c.index}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`);
  return `<cols>${items.join('')}</cols>`;
}

function conditionalFormats(spec: SheetSpec, ctx: WorksheetContext): string {
  let priority = 1;
  let xml = '';
  for (const cf of spec.conditionalFormats ?? []) {
    const rules = cf.rules.map((rule) => ruleXml(rule, priority++, ctx)).join('');
    xml += `<conditionalFormatting sqref="${cf.ref}">${rules}</conditionalFormatting>`;
  }
  return xml;
}

function formulaElement(tag: string, formula: string, ctx: WorksheetContext, what: string): string {
  const text = ctx.log.clean(ctx.mapFormula(formula), { sheet: ctx.sheet, what });
  return `<${tag}>${escapeText(text)}</${tag}>`;
}

function ruleXml(rule: ConditionalRule, priority: number, ctx: WorksheetContext): string {
  switch (rule.type) {
    case 'expression':
      return `<cfRule type="expression" dxfId="${ctx.styles.dxf(rule.style)}" priority="${priority}">${formulaElement('formula', rule.formula, ctx, 'conditional format')}</cfRule>`;
    case 'cellIs':
      return (
        `<cfRule type="cellIs" dxfId="${ctx.styles.dxf(rule.style)}" priority="${priority}" operator="${rule.operator}">` +
        rule.formulas.map((f) => formulaElement('formula', f, ctx, 'conditional format')).join('') +
        '</cfRule>'
      );
    case 'dataBar':
      // Bars from the smallest to the largest value, over the whole cell width.
      return (
        `<cfRule type="dataBar" priority="${priority}"><dataBar minLength="0" maxLength="100">` +
        `<cfvo type="min"/><cfvo type="max"/><color rgb="${argb(rule.color)}"/></dataBar></cfRule>`
      );
  }
}

function validations(spec: SheetSpec, ctx: WorksheetContext): string {
  const list = spec.validations ?? [];
  if (!list.length) return '';
  return `<dataValidations count="${list.length}">${list.map((v) => validationXml(v, ctx)).join('')}</dataValidations>`;
}

function validationXml(v: ValidationSpec, ctx: WorksheetContext): string {
  const text = (s: string, what: string) => escapeAttr(ctx.log.clean(s, { sheet: ctx.sheet, ref: v.ref, what }));
  let type: string;
  let operator = '';
  let formulas: string[] = [];
  switch (v.rule.type) {
    case 'list':
      type = 'list';
      formulas = [`"${v.rule.values.join(',').replace(/"/g, '""')}"`];
      break;
    case 'listRange':
      type = 'list';
      formulas = [ctx.mapFormula(v.rule.source)];
      break;
    case 'whole':
    case 'decimal':
    case 'date': {
      type = v.rule.type;
      const num = (x: number | Date) => numberText(x instanceof Date ? dateSerial(x) : x) ?? '0';
      const { min, max } = v.rule;
      if (min !== undefined && max !== undefined) {
        operator = 'between';
        formulas = [num(min), num(max)];
      } else if (min !== undefined) {
        operator = 'greaterThanOrEqual';
        formulas = [num(min)];
      } else if (max !== undefined) {
        operator = 'lessThanOrEqual';
        formulas = [num(max)];
      } else {
        // Any number (any date): Excel's rules always carry a bound; the same one the Office writer uses.
        operator = 'greaterThanOrEqual';
        formulas = [type === 'date' ? '1' : '-9.99E+307'];
      }
      break;
    }
  }
  const attrs = [
    `type="${type}"`,
    operator ? `operator="${operator}"` : '',
    (v.allowBlank ?? true) ? 'allowBlank="1"' : '',
    v.prompt ? `showInputMessage="1" promptTitle="${text(v.prompt.title, 'validation prompt')}" prompt="${text(v.prompt.message, 'validation prompt')}"` : '',
    v.error
      ? `showErrorMessage="1" errorStyle="${v.error.style ?? 'stop'}" errorTitle="${text(v.error.title, 'validation message')}" error="${text(v.error.message, 'validation message')}"`
      : '',
    `sqref="${v.ref}"`,
  ].filter(Boolean);
  const body = formulas.map((f, i) => `<formula${i + 1}>${escapeText(ctx.log.clean(f, { sheet: ctx.sheet, ref: v.ref, what: 'validation' }))}</formula${i + 1}>`).join('');
  return `<dataValidation ${attrs.join(' ')}>${body}</dataValidation>`;
}

/** Margins in inches: the print setup's, or Excel's defaults. */
const PRINT_MARGINS = '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>';
const DEFAULT_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const PAPER = { A4: 9 } as const;

function printSetup(spec: SheetSpec): string {
  const p = spec.print;
  if (!p) return DEFAULT_MARGINS;
  const fit = p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  const breaks = p.rowBreaks ?? [];
  // A break with id r starts a new page below row r (ids count rows from 0 above the break).
  const rowBreaks = breaks.length
    ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`
    : '';
  return `<printOptions horizontalCentered="1"/>${PRINT_MARGINS}<pageSetup paperSize="${PAPER[p.paperSize]}" orientation="${p.orientation}"${fit}/>${rowBreaks}`;
}

/** The cell range of a table's header row, for the header override. */
export function tableHeaderCells(tables: SheetSpec['tables'], clean: (name: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tables ?? []) {
    const r = parseRange(t.ref);
    t.columns.forEach((c, i) => out.set(cellRef(r.top, r.left + i), clean(c.name)));
  }
  return out;
}
