/**
 * Builds small .xlsx files part by part, so a test can produce exactly the oddity it is about:
 * zip entries in any order, part names in another letter case, absolute relationship targets,
 * cells without `r`, CDATA, phonetic runs, `t="d"` cells. The parts are plain SpreadsheetML as
 * ECMA-376 Part 1 (section 18) and Part 2 (OPC) describe them; nothing here is produced by a library
 * we test, so a reader cannot agree with it merely by sharing code.
 */
import JSZip from 'jszip';

export interface SheetPart {
  name: string;
  /** The content of <sheetData> (rows and cells as XML). */
  sheetData: string;
  state?: 'visible' | 'hidden';
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** <si> elements of the shared-strings part (without the <sst> wrapper); omitted: no part. */
  sharedStrings?: string[];
  /** Extra number formats and cell styles: cellXfs entries after the default one. */
  cellXfs?: string[];
  numFmts?: string[];
  /** Relationship targets as openpyxl writes them ("/xl/worksheets/sheet1.xml"). */
  absoluteTargets?: boolean;
  /** Zip entry name of the shared-strings part (the relationship still says sharedStrings.xml). */
  sharedStringsEntry?: string;
  /** Zip entry order: worksheets (and everything else) before the workbook and shared strings. */
  sheetsFirst?: boolean;
  date1904?: boolean;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The parts of a workbook, in a sensible default order, as [entry name, text]. */
export function workbookParts(w: WorkbookParts): [string, string][] {
  const target = (t: string) => (w.absoluteTargets ? `/xl/${t}` : t);
  const sheetEntries = w.sheets.map((s, i): [string, string] => [
    `xl/worksheets/sheet${i + 1}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R_NS}"><sheetData>${s.sheetData}</sheetData></worksheet>`,
  ]);
  const rels = [
    ...w.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`),
    `<Relationship Id="rIdS" Type="${REL}/styles" Target="${target('styles.xml')}"/>`,
    ...(w.sharedStrings ? [`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`] : []),
  ];
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    ...w.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    ...(w.sharedStrings ? [`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`] : []),
  ];
  const numFmts = w.numFmts?.length ? `<numFmts count="${w.numFmts.length}">${w.numFmts.join('')}</numFmts>` : '';
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...(w.cellXfs ?? [])];
  const head: [string, string][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${w.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`],
  ];
  const workbook: [string, string][] = [
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${R_NS}">${w.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${w.sheets
        .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`],
  ];
  const styles: [string, string] = [
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">${numFmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`,
  ];
  const shared: [string, string][] = w.sharedStrings
    ? [
        [
          w.sharedStringsEntry ?? 'xl/sharedStrings.xml',
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${w.sharedStrings.length}" uniqueCount="${w.sharedStrings.length}">${w.sharedStrings.join('')}</sst>`,
        ],
      ]
    : [];
  return w.sheetsFirst ? [...head, ...sheetEntries, styles, ...workbook, ...shared] : [...head, ...workbook, styles, ...shared, ...sheetEntries];
}

/** Zips the entries in the given order (JSZip keeps insertion order). */
export async function zipEntries(entries: [string, string | Uint8Array][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of entries) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function buildXlsx(w: WorkbookParts): Promise<Buffer> {
  return zipEntries(workbookParts(w));
}

/** A shared-string item of plain text. */
export function si(text: string): string {
  return `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`;
}

/** One row of cells: strings become inline strings, numbers numbers, `{ s: n }` shared-string n. */
export function row(r: number, cells: (string | number | null | { s: number } | { raw: string })[]): string {
  const col = (i: number) => {
    let n = i + 1;
    let s = '';
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const xml = cells
    .map((v, i) => {
      const ref = `${col(i)}${r}`;
      if (v === null) return '';
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
      if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      if ('s' in v) return `<c r="${ref}" t="s"><v>${v.s}</v></c>`;
      return v.raw;
    })
    .join('');
  return `<row r="${r}">${xml}</row>`;
}
