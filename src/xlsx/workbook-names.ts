import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/**
 * The defined names of an .xlsx exactly as the file holds them, read from xl/workbook.xml.
 * ExcelJS keeps one name per spelling: two sheet-scoped names with the same name (what Excel
 * writes when a sheet is copied, or a template is inserted twice) collapse into one, and the
 * scope is lost. Whoever must find every name, or write them back unchanged, reads them here.
 */
export interface RawDefinedName {
  name: string;
  /** The reference or formula, without "=", e.g. "'决策链'!$L$6:$L$27". */
  formula: string;
  /** Sheet scope: the index into `sheets`; undefined for a workbook-scoped name. */
  localSheetId?: number;
  hidden?: boolean;
}

export interface WorkbookParts {
  /** Sheet names in the order of <sheets> (what localSheetId counts), chart sheets included. */
  sheets: string[];
  names: RawDefinedName[];
  /** Every part in the package, e.g. "xl/charts/chart1.xml". */
  parts: string[];
}

export async function readWorkbookParts(bytes: Uint8Array): Promise<WorkbookParts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const entry = zip.file('xl/workbook.xml') ?? zip.file(/(^|\/)workbook\.xml$/)[0];
  if (!entry) throw new Error('no workbook.xml in the package');
  return { ...parseWorkbookXml(await entry.async('string')), parts };
}

export function parseWorkbookXml(xml: string): Omit<WorkbookParts, 'parts'> {
  const sheets: string[] = [];
  const names: RawDefinedName[] = [];
  let current: RawDefinedName | null = null;
  const parser = new SaxesParser();
  const local = (tag: string) => tag.replace(/^.*:/, '');
  parser.on('opentag', (node) => {
    const tag = local(node.name);
    const attrs = node.attributes as Record<string, string>;
    if (tag === 'sheet') sheets.push(attrs.name ?? '');
    else if (tag === 'definedName') {
      current = { name: attrs.name ?? '', formula: '' };
      if (attrs.localSheetId !== undefined) current.localSheetId = Number(attrs.localSheetId);
      if (attrs.hidden === '1' || attrs.hidden === 'true') current.hidden = true;
    }
  });
  const text = (t: string) => {
    if (current) current.formula += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (node) => {
    if (local(node.name) === 'definedName' && current) {
      current.formula = current.formula.trim().replace(/^=/, '');
      names.push(current);
      current = null;
    }
  });
  parser.write(xml).close();
  return { sheets, names };
}

export interface SheetArea {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The areas a name's formula refers to: "'S'!$A$1:$B$9", "S!$C$4", "'S'!$L:$L", unions of
 * these separated by commas. `scopeSheet` is used for areas without a sheet. A formula that is
 * not a plain reference (a constant, a function, #REF!) gives no areas.
 */
export function nameAreas(formula: string, scopeSheet?: string): SheetArea[] {
  const areas: SheetArea[] = [];
  for (const part of splitUnion(formula.trim())) {
    let sheet: string | undefined;
    let ref = part;
    const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(part);
    if (quoted) {
      sheet = quoted[1].replace(/''/g, "'");
      ref = quoted[2];
    } else if (part.includes('!')) {
      const bang = part.lastIndexOf('!');
      sheet = part.slice(0, bang);
      ref = part.slice(bang + 1);
      // An unquoted sheet name is a plain word: anything else is a formula or #REF!.
      if (!/^[^\s'!#()",;:*?/\\[\]]+$/.test(sheet)) return [];
    }
    const target = sheet ?? scopeSheet;
    const area = parseArea(ref);
    if (!area || target === undefined || target === '') return [];
    areas.push({ sheet: target, ...area });
  }
  return areas;
}

/** Splits "a,b" at commas outside quoted sheet names. */
function splitUnion(text: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function parseArea(ref: string): Omit<SheetArea, 'sheet'> | undefined {
  const [a, b = a] = ref.split(':');
  const p = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(a);
  const q = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(b);
  if (!p || !q || (!p[1] && !p[2]) || (!q[1] && !q[2])) return undefined;
  const top = p[2] ? Number(p[2]) : 1;
  const bottom = q[2] ? Number(q[2]) : MAX_ROWS;
  const left = p[1] ? colNumber(p[1]) : 1;
  const right = q[1] ? colNumber(q[1]) : MAX_COLUMNS;
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLUMNS) return undefined;
  return { top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) };
}
