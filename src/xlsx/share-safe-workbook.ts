import { translator } from '../i18n/define';
import messages from '../i18n/share-safe';
import { parseCell, rangeRef } from '../sheets/core/a1';
import { nameAreas, type SheetArea } from '../sheets/core/name-reference';
import type { CachedValue, CellContent, Lang } from '../sheets/core/sheet-spec';
import { isPersonalMarkerName } from '../sheets/sharing/personal-marker';
import { EXCEL_ERRORS } from './evaluate/evaluate-workbook';
import type { IronCalc } from './evaluate/ironcalc';
import { REL, XlsxPackage, resolveTarget } from './parts/package';
import { applyReplacements, attributes, decodeXml, elements, escapeText, openTag, plainText, startTag, type Replacement } from './parts/xml';
import { contains, formatSqref, intersects, parseSqref, subtractAll, type Rect } from './share-safe/areas';
import { clearDocumentProperties } from './share-safe/doc-properties';
import { editNotes } from './share-safe/notes';
import { dependentFormulas, nameInput, recompute, type ConstantCell, type FormulaCell } from './share-safe/recompute';
import { readCells, renderCell, type SheetCell } from './share-safe/sheet-cells';
import { shiftFormula } from './share-safe/shift-formula';
import { parseWorkbookXml, type RawDefinedName } from './workbook-names';

/**
 * A share-safe copy of an .xlsx file, made part by part (every part it does not need to change
 * is written back as it was). Every range marked personal (AP_Personal_<n> names, see
 * src/sheets/sharing/personal-marker.ts) loses below its header row: the values, formulas,
 * notes, threaded comments and hyperlinks of its cells, the rich text they showed (their shared
 * strings are blanked), and list validations over them. The header keeps its text and gets the
 * note "removed for sharing". Then nothing computed from those cells keeps it:
 * - every formula whose stored value came from a personal cell (directly or through other
 *   formulas or names) is recomputed with those cells empty, by IronCalc; one the engine cannot
 *   compute as Excel would keeps no stored value (Excel recalculates on open, as the copy asks);
 * - charts plotting personal cells lose their cached points (Excel redraws them from the cells);
 * - defined names holding text (other than our own AP_ names) are emptied;
 * - the document properties (author, last saved by, title, subject, keywords, description,
 *   category, company, manager, custom properties) are emptied.
 * What it cannot clean — a pivot table whose cache holds personal columns — is reported.
 */

export interface ClearedSheet {
  sheet: string;
  /** The marked ranges on this sheet, e.g. "L6:L27". */
  ranges: string[];
  /** Cells below the headers that held a value or formula. */
  cells: number;
  /** Notes removed below the headers. */
  notes: number;
  /** Threaded comments removed below the headers. */
  comments: number;
  hyperlinks: number;
  /** List validations narrowed or removed. */
  validations: number;
}

export interface ShareSafeReport {
  sheets: ClearedSheet[];
  /** Marker names found. */
  markers: number;
  /** Marker names that point nowhere usable (deleted sheet, #REF!, not a range). */
  unresolved: string[];
  /** Formula cells outside the personal ranges whose stored value was recomputed. */
  recomputed: number;
  /** Of those, the ones the engine could not compute: their stored value was removed. */
  uncomputed: string[];
  /** Defined names whose text was emptied. */
  names: string[];
  /** Document properties emptied, e.g. "creator", "Company", "custom: Owner". */
  properties: string[];
  /** Chart series whose cached points were cleared. */
  chartSeries: number;
  /** What still holds personal data and why (pivot caches). */
  warnings: string[];
}

/** The input cannot be read as a workbook ('read'), or cannot be written back ('write'). */
export class ShareSafeInputError extends Error {
  constructor(
    readonly phase: 'read' | 'write',
    message: string,
  ) {
    super(message);
  }
}

export interface ShareSafeOptions {
  lang?: Lang;
  /** IronCalc, for recomputing the formulas that read personal cells (Node's loader by default). */
  engine?: () => IronCalc | Promise<IronCalc>;
}

interface Sheet {
  name: string;
  path: string;
  xml: string;
  cells: SheetCell[];
  bodies: Rect[];
  headers: Rect[];
  ranges: string[];
}

export async function makeShareSafeXlsx(input: Uint8Array, options: ShareSafeOptions = {}): Promise<{ bytes: Uint8Array; report: ShareSafeReport }> {
  let pkg: XlsxPackage;
  let workbookPath: string;
  let workbookXml: string;
  let parsed: ReturnType<typeof parseWorkbookXml>;
  const sheets: Sheet[] = [];
  let strings: { text: string; start: number; end: number }[] = [];
  let stringsPath: string | undefined;
  let stringsXml: string | undefined;
  try {
    pkg = await XlsxPackage.open(input);
    const root = (await pkg.rels('')).find((r) => r.type === REL.officeDocument);
    workbookPath = root ? resolveTarget('', root.target) : 'xl/workbook.xml';
    workbookXml = (await pkg.text(workbookPath)) ?? '';
    if (!workbookXml) throw new Error('no workbook part in the package');
    parsed = parseWorkbookXml(workbookXml);
    const wbRels = await pkg.rels(workbookPath);
    for (const el of elements(workbookXml, 'sheet')) {
      const a = attributes(openTag(el.text));
      const id = [...a].find(([k]) => k.endsWith(':id'))?.[1];
      const rel = wbRels.find((r) => r.id === id);
      if (!rel || rel.type !== REL.worksheet) continue;
      const path = resolveTarget(workbookPath, rel.target);
      const xml = await pkg.text(path);
      if (xml === undefined) continue;
      sheets.push({ name: a.get('name') ?? '', path, xml, cells: readCells(xml), bodies: [], headers: [], ranges: [] });
    }
    const ssRel = wbRels.find((r) => r.type === REL.sharedStrings);
    stringsPath = ssRel ? resolveTarget(workbookPath, ssRel.target) : undefined;
    stringsXml = stringsPath ? await pkg.text(stringsPath) : undefined;
    strings = stringsXml ? elements(stringsXml, 'si').map((si) => ({ text: plainText(si.text), start: si.start, end: si.end })) : [];
  } catch (e) {
    throw new ShareSafeInputError('read', (e as Error).message);
  }

  // The marked areas: the header row and the body below it.
  const { areas, markers, unresolved } = personalAreas(parsed.names, parsed.sheets);
  for (const a of areas) {
    const s = sheets.find((x) => x.name.toLowerCase() === a.sheet.toLowerCase());
    if (!s) {
      unresolved.push(`${a.sheet}!${rangeRef(a.top, a.left, a.bottom, a.right)}`);
      continue;
    }
    const ref = rangeRef(a.top, a.left, a.bottom, a.right);
    if (s.ranges.includes(ref)) continue;
    s.ranges.push(ref);
    s.headers.push({ top: a.top, bottom: a.top, left: a.left, right: a.right });
    if (a.bottom > a.top) s.bodies.push({ top: a.top + 1, bottom: a.bottom, left: a.left, right: a.right });
  }
  const inBody = (s: Sheet, row: number, col: number) => s.bodies.some((r) => contains(r, row, col));

  // Shared formulas touching a personal body become ordinary formulas in each of their cells.
  for (const s of sheets) expandSharedFormulas(s, (r) => s.bodies.some((b) => intersects(b, r)));

  // Every formula and constant, for finding and recomputing what read the personal cells.
  const sheetNames = sheets.map((s) => s.name);
  const names = parsed.names
    .filter((n) => !n.name.startsWith('_xlnm.'))
    .map((n) => nameInput(n.name, n.formula, n.localSheetId === undefined ? undefined : parsed.sheets[n.localSheetId], sheetNames));
  const formulas: FormulaCell[] = [];
  const constants: ConstantCell[] = [];
  const formulaOf = new Map<SheetCell, FormulaCell>();
  for (const s of sheets) {
    const masters = new Map<string, SheetCell>();
    for (const c of s.cells) if (c.formula?.attrs.get('t') === 'shared' && c.formula.text) masters.set(c.formula.attrs.get('si') ?? '', c);
    for (const c of s.cells) {
      const stored = storedValue(c, strings);
      if (c.formula && c.formula.attrs.get('t') !== 'dataTable') {
        let text = c.formula.text;
        if (!text && c.formula.attrs.get('t') === 'shared') {
          const m = masters.get(c.formula.attrs.get('si') ?? '');
          if (m) text = shiftFormula(m.formula!.text, c.row - m.row, c.col - m.col);
        }
        if (!text) continue;
        const f: FormulaCell = { sheet: s.name, ref: c.ref, row: c.row, col: c.col, formula: text, stored };
        formulas.push(f);
        formulaOf.set(c, f);
      } else if (stored !== undefined) constants.push({ sheet: s.name, ref: c.ref, row: c.row, col: c.col, value: asConstant(stored) });
    }
  }
  const personal = new Map(sheets.filter((s) => s.bodies.length).map((s) => [s.name, s.bodies]));
  const affected = dependentFormulas(
    formulas.filter((f) => !inBody(sheets.find((s) => s.name === f.sheet)!, f.row, f.col)),
    personal,
    names,
  );
  let results = new Map<FormulaCell, CachedValue | undefined>();
  if (affected.size) {
    const engine = await (options.engine ?? (await import('./evaluate/load-node')).loadIronCalcNode)();
    results = recompute(engine, sheetNames, constants, formulas, affected, personal, names);
  }

  // Rewrite each sheet.
  const report: ShareSafeReport = { sheets: [], markers, unresolved, recomputed: 0, uncomputed: [], names: [], properties: [], chartSeries: 0, warnings: [] };
  const stillUsed = new Set<number>();
  const author = 'Account Planner';
  for (const s of sheets) {
    const cleared: ClearedSheet = { sheet: s.name, ranges: s.ranges, cells: 0, notes: 0, comments: 0, hyperlinks: 0, validations: 0 };
    const cut: Replacement[] = [];
    const headerNotes: { ref: string; text: string }[] = [];
    const arrayRanges: Rect[] = [];
    for (const c of s.cells) {
      let changed = false;
      if (inBody(s, c.row, c.col)) {
        if (c.formula || c.value !== undefined || c.inline !== undefined) cleared.cells++;
        if (c.formula?.attrs.get('t') === 'array' && c.formula.attrs.get('ref')) arrayRanges.push(...parseSqref(c.formula.attrs.get('ref')!));
        const attrs = new Map([...c.attrs].filter(([k]) => k === 'r' || k === 's'));
        Object.assign(c, { attrs, formula: undefined, value: undefined, inline: undefined, rest: '' });
        changed = true;
      } else {
        if (s.headers.some((h) => contains(h, c.row, c.col))) {
          const text = c.inline ?? (c.attrs.get('t') === 's' ? strings[Number(c.value)]?.text : c.value);
          if (text !== undefined && text !== '') headerNotes.push({ ref: c.ref, text: removedNote(String(text), options.lang) });
        }
        const f = formulaOf.get(c);
        if (f && affected.has(f)) {
          report.recomputed++;
          const v = results.get(f);
          if (v === undefined) report.uncomputed.push(`${s.name}!${c.ref}`);
          setStoredValue(c, v);
          changed = true;
        }
        if (c.formula?.attrs.has('expanded')) {
          c.formula.attrs.delete('expanded');
          changed = true;
        }
      }
      if (changed) cut.push({ start: c.start, end: c.end, text: renderCell(c) });
    }
    // Cells of an array formula whose first cell was cleared: their values came from it.
    for (const c of s.cells)
      if (!inBody(s, c.row, c.col) && arrayRanges.some((r) => contains(r, c.row, c.col)) && c.value !== undefined && !c.formula) {
        c.value = undefined;
        c.attrs.delete('t');
        cut.push({ start: c.start, end: c.end, text: renderCell(c) });
      }
    for (const c of s.cells) if (c.attrs.get('t') === 's' && c.value !== undefined) stillUsed.add(Number(c.value));
    let xml = applyReplacements(s.xml, dedupe(cut));
    if (s.bodies.length) {
      xml = await clearHyperlinks(pkg, s, xml, cleared);
      xml = clearListValidations(s, xml, cleared);
      cleared.comments = await clearThreadedComments(pkg, s);
    }
    if (s.bodies.length || headerNotes.length) {
      const notes = await editNotes(pkg, s.path, xml, { drop: (row, col) => inBody(s, row, col), add: headerNotes, author });
      xml = notes.sheetXml;
      cleared.notes = notes.removed;
    }
    if (xml !== s.xml) pkg.setText(s.path, xml);
    if (s.ranges.length) report.sheets.push(cleared);
  }

  // Shared strings no remaining cell shows (those of cleared cells among them) are blanked.
  if (stringsPath && stringsXml) {
    const blank: Replacement[] = strings.flatMap((si, i) => (stillUsed.has(i) || si.text === '' ? [] : [{ start: si.start, end: si.end, text: '<si><t></t></si>' }]));
    if (blank.length) pkg.setText(stringsPath, applyReplacements(stringsXml, blank));
  }

  // Names holding text, the workbook's recalculation flag.
  workbookXml = clearTextNames(workbookXml, report);
  workbookXml = askFullRecalculation(workbookXml);
  pkg.setText(workbookPath, workbookXml);

  report.properties = await clearDocumentProperties(pkg);
  report.chartSeries = await clearChartCaches(pkg, personal);
  report.warnings.push(...(await pivotWarnings(pkg, personal)));

  let bytes: Uint8Array;
  try {
    bytes = await pkg.bytes();
  } catch (e) {
    throw new ShareSafeInputError('write', (e as Error).message);
  }
  return { bytes, report };
}

function personalAreas(names: RawDefinedName[], sheets: string[]) {
  const areas: SheetArea[] = [];
  const unresolved: string[] = [];
  let markers = 0;
  for (const n of names) {
    if (!isPersonalMarkerName(n.name)) continue;
    markers++;
    const scope = n.localSheetId !== undefined ? sheets[n.localSheetId] : undefined;
    const found = nameAreas(n.formula, scope);
    if (found.length === 0) unresolved.push(`${n.name}=${n.formula}`);
    areas.push(...found);
  }
  return { areas, markers, unresolved };
}

function removedNote(header: string, lang: Lang | undefined): string {
  const l: Lang = lang ?? (/[\u3400-\u9fff]/.test(header) ? 'zh-CN' : 'en-US');
  return translator(messages, l)('removedNote');
}

function dedupe(cut: Replacement[]): Replacement[] {
  const byStart = new Map<number, Replacement>();
  for (const r of cut) byStart.set(r.start, r);
  return [...byStart.values()];
}

/** The value a cell stores, as the engine takes it (shared strings resolved, dates as serials). */
function storedValue(c: SheetCell, strings: { text: string }[]): CachedValue | undefined {
  const t = c.attrs.get('t') ?? 'n';
  if (t === 'inlineStr') return c.inline ?? '';
  if (c.value === undefined) return undefined;
  switch (t) {
    case 's':
      return strings[Number(c.value)]?.text ?? '';
    case 'str':
      return c.value;
    case 'b':
      return c.value.trim() === '1' || c.value.trim().toLowerCase() === 'true';
    case 'e':
      return { error: c.value.trim() };
    case 'd': {
      const ms = Date.parse(c.value);
      return Number.isNaN(ms) ? c.value : ms / 86_400_000 + 25_569;
    }
    default: {
      const n = Number(c.value);
      return Number.isFinite(n) ? n : undefined;
    }
  }
}

function asConstant(v: CachedValue): CellContent {
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return { formula: 'NA()', cached: v };
  return v;
}

/** Writes a recomputed value (or none) as the cell's <v> and type. */
function setStoredValue(c: SheetCell, v: CachedValue | undefined): void {
  c.attrs.delete('t');
  c.value = undefined;
  if (v === undefined || v === null) return;
  if (typeof v === 'number') c.value = String(v);
  else if (typeof v === 'boolean') {
    c.attrs.set('t', 'b');
    c.value = v ? '1' : '0';
  } else if (v instanceof Date) c.value = String(v.getTime() / 86_400_000 + 25_569);
  else if (typeof v === 'string') {
    c.attrs.set('t', 'str');
    c.value = v;
  } else if (EXCEL_ERRORS.has(v.error)) {
    c.attrs.set('t', 'e');
    c.value = v.error;
  }
  // Attribute order: r, s, t as Excel writes them.
  const order = ['r', 's', 't'];
  c.attrs = new Map([...c.attrs].sort(([a], [b]) => (order.indexOf(a) + 1 || 9) - (order.indexOf(b) + 1 || 9)));
}

/** Shared formula groups whose range `touches` become an explicit formula in every cell. */
function expandSharedFormulas(s: Sheet, touches: (r: Rect) => boolean): void {
  const groups = new Map<string, SheetCell[]>();
  for (const c of s.cells) if (c.formula?.attrs.get('t') === 'shared') groups.set(c.formula.attrs.get('si') ?? '', [...(groups.get(c.formula.attrs.get('si') ?? '') ?? []), c]);
  for (const cells of groups.values()) {
    const master = cells.find((c) => c.formula!.text !== '' && c.formula!.attrs.has('ref'));
    if (!master) continue;
    const ref = parseSqref(master.formula!.attrs.get('ref')!);
    if (!ref.some(touches) && !cells.some((c) => touches({ top: c.row, bottom: c.row, left: c.col, right: c.col }))) continue;
    const text = master.formula!.text;
    for (const c of cells) {
      const attrs = new Map([...c.formula!.attrs].filter(([k]) => k !== 't' && k !== 'si' && k !== 'ref'));
      attrs.set('expanded', '1');
      c.formula = { text: shiftFormula(text, c.row - master.row, c.col - master.col), attrs };
    }
  }
}

async function clearHyperlinks(pkg: XlsxPackage, s: Sheet, xml: string, cleared: ClearedSheet): Promise<string> {
  const cut: Replacement[] = [];
  const dropped: string[] = [];
  const links = elements(xml, 'hyperlink');
  for (const h of links) {
    const a = attributes(openTag(h.text));
    const rects = parseSqref(a.get('ref') ?? '');
    if (!rects.some((r) => s.bodies.some((b) => intersects(b, r)))) continue;
    cut.push({ start: h.start, end: h.end, text: '' });
    cleared.hyperlinks++;
    const id = [...a].find(([k]) => k.endsWith(':id'))?.[1];
    if (id) dropped.push(id);
  }
  if (!cut.length) return xml;
  let out = applyReplacements(xml, cut);
  out = out.replace(/<((?:\w+:)?)hyperlinks\b[^>]*>\s*<\/\1hyperlinks>/, '');
  const rels = await pkg.rels(s.path);
  const keep = rels.filter((r) => !(dropped.includes(r.id) && !new RegExp(`:id\\s*=\\s*["']${r.id}["']`).test(out)));
  if (keep.length !== rels.length) pkg.setRels(s.path, keep);
  return out;
}

/** List validations lose the personal cells from their ranges; one left with none is removed. */
function clearListValidations(s: Sheet, xml: string, cleared: ClearedSheet): string {
  const cut: Replacement[] = [];
  for (const local of ['dataValidation']) {
    for (const v of elements(xml, local)) {
      const tag = openTag(v.text);
      const a = attributes(tag);
      if (a.get('type') !== 'list') continue;
      // Excel 2010+ keeps validations that read other sheets in the extension list, with <xm:sqref>.
      const x14 = /<((?:\w+:)?)sqref>([^<]*)<\/\1sqref>/.exec(v.text);
      const sqref = a.get('sqref') ?? x14?.[2] ?? '';
      const rects = parseSqref(sqref);
      if (!rects.some((r) => s.bodies.some((b) => intersects(b, r)))) continue;
      cleared.validations++;
      const rest = subtractAll(rects, s.bodies);
      if (rest.length === 0) cut.push({ start: v.start, end: v.end, text: '' });
      else if (a.has('sqref')) {
        a.set('sqref', formatSqref(rest));
        cut.push({ start: v.start, end: v.start + tag.length, text: startTag(tag.slice(1).split(/[\s/>]/)[0], a, tag.endsWith('/>')) });
      } else if (x14) {
        const at = v.start + x14.index;
        cut.push({ start: at, end: at + x14[0].length, text: `<${x14[1]}sqref>${formatSqref(rest)}</${x14[1]}sqref>` });
      }
    }
  }
  if (!cut.length) return xml;
  let out = applyReplacements(xml, cut);
  // Counts follow the validations left; an empty list is removed.
  out = out.replace(/<((?:\w+:)?)dataValidations\b([^>]*)>([\s\S]*?)<\/\1dataValidations>/g, (m, p: string, attrs: string, inner: string) => {
    const n = elements(inner, 'dataValidation').length;
    if (n === 0) return '';
    return `<${p}dataValidations${attrs.replace(/\bcount\s*=\s*["']\d+["']/, `count="${n}"`)}>${inner}</${p}dataValidations>`;
  });
  // An emptied extension entry goes with its wrapper.
  out = out.replace(/<((?:\w+:)?)ext\b[^>]*>\s*<\/\1ext>/g, '').replace(/<((?:\w+:)?)extLst\b[^>]*>\s*<\/\1extLst>/g, '');
  return out;
}

async function clearThreadedComments(pkg: XlsxPackage, s: Sheet): Promise<number> {
  let removed = 0;
  for (const rel of (await pkg.rels(s.path)).filter((r) => r.type === REL.threadedComment)) {
    const path = resolveTarget(s.path, rel.target);
    const xml = await pkg.text(path);
    if (!xml) continue;
    const cut: Replacement[] = [];
    for (const c of elements(xml, 'threadedComment')) {
      const ref = attributes(openTag(c.text)).get('ref');
      if (!ref) continue;
      const { row, col } = parseCell(ref);
      if (s.bodies.some((b) => contains(b, row, col))) {
        cut.push({ start: c.start, end: c.end, text: '' });
        removed++;
      }
    }
    if (cut.length) pkg.setText(path, applyReplacements(xml, cut));
  }
  return removed;
}

/** Defined names whose formula holds text (not ours: AP_ marks and stamps, print settings) are emptied. */
function clearTextNames(xml: string, report: ShareSafeReport): string {
  const cut: Replacement[] = [];
  for (const el of elements(xml, 'definedName')) {
    const tag = openTag(el.text);
    const name = attributes(tag).get('name') ?? '';
    if (/^AP_/i.test(name) || name.startsWith('_xlnm.')) continue;
    const formula = decodeXml(el.text.slice(tag.length, el.text.lastIndexOf('<')));
    if (!/"(?:[^"]|"")+"/.test(formula)) continue;
    report.names.push(name);
    cut.push({ start: el.start + tag.length, end: el.start + el.text.lastIndexOf('<'), text: escapeText('""') });
  }
  return applyReplacements(xml, cut);
}

function askFullRecalculation(xml: string): string {
  const calc = /<((?:\w+:)?)calcPr\b[^>]*?(\/?)>/.exec(xml);
  if (calc) {
    if (/fullCalcOnLoad\s*=/.test(calc[0])) return xml.replace(calc[0], calc[0].replace(/fullCalcOnLoad\s*=\s*["'][^"']*["']/, 'fullCalcOnLoad="1"'));
    return xml.replace(calc[0], calc[0].replace(/\s*(\/?)>$/, ' fullCalcOnLoad="1"$1>'));
  }
  // calcPr follows definedNames (or sheets) in CT_Workbook.
  const m = /<\/((?:\w+:)?)definedNames>|<\/((?:\w+:)?)sheets>/.exec(xml);
  if (!m) return xml;
  const prefix = m[1] ?? m[2] ?? '';
  return xml.slice(0, m.index + m[0].length) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + xml.slice(m.index + m[0].length);
}

/** Chart series plotting personal cells lose their cached points. */
async function clearChartCaches(pkg: XlsxPackage, personal: Map<string, Rect[]>): Promise<number> {
  if (personal.size === 0) return 0;
  let series = 0;
  for (const path of pkg.paths().filter((p) => /^xl\/charts\/chart\d*\.xml$/.test(p))) {
    const xml = (await pkg.text(path)) ?? '';
    const cut: Replacement[] = [];
    for (const ref of xml.matchAll(/<((?:\w+:)?)(strRef|numRef|multiLvlStrRef)>([\s\S]*?)<\/\1\2>/g)) {
      const f = /<(?:\w+:)?f>([\s\S]*?)<\/(?:\w+:)?f>/.exec(ref[3]);
      if (!f) continue;
      const formula = decodeXml(f[1]).replace(/^\(|\)$/g, '');
      const hit = nameAreas(formula).some((a) =>
        [...personal].some(([sheet, rects]) => sheet.toLowerCase() === a.sheet.toLowerCase() && rects.some((r) => intersects(r, a))),
      );
      if (!hit) continue;
      series++;
      const start = ref.index! + ref[0].indexOf(ref[3]);
      const inner = ref[3].replace(/<((?:\w+:)?)(strCache|numCache|multiLvlStrCache)>[\s\S]*?<\/\1\2>/, (_m, q: string, kind: string) => `<${q}${kind}><${q}ptCount val="0"/></${q}${kind}>`);
      cut.push({ start, end: start + ref[3].length, text: inner });
    }
    if (cut.length) pkg.setText(path, applyReplacements(xml, cut));
  }
  return series;
}

async function pivotWarnings(pkg: XlsxPackage, personal: Map<string, Rect[]>): Promise<string[]> {
  const out: string[] = [];
  for (const path of pkg.paths().filter((p) => /^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/.test(p))) {
    const xml = (await pkg.text(path)) ?? '';
    const src = /<(?:\w+:)?worksheetSource\b[^>]*>/.exec(xml);
    if (!src) continue;
    const a = attributes(src[0]);
    const sheet = a.get('sheet');
    const rects = sheet ? personal.get([...personal.keys()].find((k) => k.toLowerCase() === sheet.toLowerCase()) ?? '') : undefined;
    const hit = a.has('name') || (rects && a.get('ref') ? parseSqref(a.get('ref')!).some((r) => rects.some((b) => intersects(b, r))) : false);
    if (hit) out.push(`${path}: a pivot table's cache reads ${sheet ? `${sheet}!${a.get('ref')}` : a.get('name')}, which may hold personal columns; delete the pivot table before sharing`);
  }
  return out;
}
