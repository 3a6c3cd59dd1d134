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
