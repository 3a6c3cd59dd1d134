/**
 * Adds the sheets of a workbook we rendered to an existing workbook, part by part, so that
 * everything already there stays as it was: parts we do not change keep their compressed bytes
 * (JSZip writes an entry it loaded and was not asked to change as it found it), and only the
 * bookkeeping parts are edited — [Content_Types].xml, xl/workbook.xml and its relationships,
 * the styles and the shared strings (appended to, existing indices unchanged). Our parts get
 * file names, table ids and names, note-shape blocks and relationship ids the existing
 * workbook does not use. docs/rules/adding-to-a-workbook.md says what the user sees.
 *
 * One zip library for the job: JSZip, as the share-safe copy (src/xlsx/parts). The sheets to
 * add come from our writer (src/xlsx/write, which zips with fflate) and are read back here.
 */
import JSZip from 'jszip';
import { relativeTarget, relsPath, resolveTarget, REL } from '../parts/package';
import { attributes, elements, escapeAttr, openTag } from '../parts/xml';
import { withSheetTitles } from './app-titles';
import { mergeStyles, type StyleMaps } from './styles-merge';

const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const SST_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const SHAPES_PER_BLOCK = 1024;

export interface AddOptions {
  /** Existing sheets (by name) the added sheet of the same name replaces, in its place. */
  replace?: ReadonlySet<string>;
}

export interface AddedSheet {
  name: string;
  /** It took the place of an existing sheet of that name. */
  replaced: boolean;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return elements(xml, 'Relationship').map((e) => {
    const a = attributes(openTag(e.text));
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' };
  });
}

function relsXml(rels: Rel[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** A relationship id not in `taken` ("rId7"), added to it. */
function freeRelId(taken: Set<string>): string {
  for (let k = taken.size + 1; ; k++) {
    const id = `rId${k}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Reads and edits the package being added to; every change is kept until `bytes()`. */
class Target {
  private readonly texts = new Map<string, string>();
  readonly paths: Set<string>;
  readonly removed = new Set<string>();

  constructor(readonly zip: JSZip) {
    this.paths = new Set(Object.keys(zip.files).filter((p) => !zip.files[p].dir));
  }

  async text(path: string): Promise<string | undefined> {
    if (this.texts.has(path)) return this.texts.get(path);
    if (this.removed.has(path)) return undefined;
    return this.zip.file(path)?.async('string');
  }

  set(path: string, text: string): void {
    this.texts.set(path, text);
    this.paths.add(path);
    this.removed.delete(path);
  }

  remove(path: string): void {
    this.texts.delete(path);
    this.paths.delete(path);
    this.removed.add(path);
  }

  /** "xl/tables/table{n}.xml" with the smallest n no part uses. */
  freePath(pattern: (n: number) => string): string {
    const lower = new Set([...this.paths].map((p) => p.toLowerCase()));
    for (let n = 1; ; n++) if (!lower.has(pattern(n).toLowerCase())) return pattern(n);
  }

  async bytes(): Promise<Uint8Array> {
    for (const p of this.removed) this.zip.remove(p);
    for (const [p, text] of this.texts) this.zip.file(p, text);
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/** Every <definedName> of a workbook part, with its attributes and text as written. */
interface NameEntry {
  xml: string;
  name: string;
  localSheetId?: number;
}

function definedNames(workbook: string): NameEntry[] {
  return elements(workbook, 'definedName').map((e) => {
    const a = attributes(openTag(e.text));
    const local = a.get('localSheetId');
    return { xml: e.text, name: a.get('name') ?? '', ...(local !== undefined ? { localSheetId: Number(local) } : {}) };
  });
}

function withLocalSheetId(xml: string, id: number): string {
  const tag = openTag(xml);
  const next = /\slocalSheetId="\d+"/.test(tag) ? tag.replace(/\slocalSheetId="\d+"/, ` localSheetId="${id}"`) : tag.replace(/^<([\w:]+)/, `<$1 localSheetId="${id}"`);
  return next + xml.slice(tag.length);
}

/** Inserts `text` after the last of these elements present (by local name), else before `fallback`'s match. */
function insertAfterLast(xml: string, after: string[], text: string): string {
  let at = -1;
  for (const tag of after) for (const e of elements(xml, tag)) at = Math.max(at, e.end);
  if (at < 0) throw new Error(`the workbook part has none of ${after.join(', ')}`);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The sheet elements of a workbook part: name, sheetId, relationship id. */
function sheetEntries(workbook: string): { xml: string; name: string; sheetId: number; relId: string; start: number; end: number }[] {
  const list = elements(workbook, 'sheets')[0];
  if (!list) return [];
  const offset = list.start;
  return elements(list.text.replace(/^<[^>]*>/, (m) => ' '.repeat(m.length)), 'sheet').map((e) => {
    const a = attributes(openTag(e.text));
    const relId = [...a].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
    return { xml: e.text, name: a.get('name') ?? '', sheetId: Number(a.get('sheetId')), relId, start: offset + e.start, end: offset + e.end };
  });
}

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * How a <sheet> element names its relationship: with the prefix the workbook element binds to
 * the relationships namespace, or (openpyxl declares it on each <sheet>) "r" declared on it.
 */
function relAttribute(workbook: string): (id: string) => string {
  const root = openTag(workbook.replace(/^<\?xml[^>]*>\s*/, ''));
  const m = new RegExp(`xmlns:([\\w.-]+)="${R_NS.replace(/[./]/g, '\\$&')}"`).exec(root);
  return m ? (id) => `${m[1]}:id="${id}"` : (id) => `xmlns:r="${R_NS}" r:id="${id}"`;
}

/** Content types: Overrides by part path, Defaults by extension. */
class ContentTypes {
  constructor(public xml: string) {}

  typeOf(path: string): string | undefined {
    for (const e of elements(this.xml, 'Override')) {
      const a = attributes(openTag(e.text));
      if ((a.get('PartName') ?? '').replace(/^\//, '').toLowerCase() === path.toLowerCase()) return a.get('ContentType');
    }
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    for (const e of elements(this.xml, 'Default')) {
      const a = attributes(openTag(e.text));
      if ((a.get('Extension') ?? '').toLowerCase() === ext) return a.get('ContentType');
    }
    return undefined;
  }

  override(path: string, type: string): void {
    this.drop(path);
    this.append(`<Override PartName="/${escapeAttr(path)}" ContentType="${escapeAttr(type)}"/>`);
  }

  ensureDefault(ext: string, type: string): void {
    const has = elements(this.xml, 'Default').some((e) => (attributes(openTag(e.text)).get('Extension') ?? '').toLowerCase() === ext);
    if (!has) {
      // Defaults come before Overrides.
      const first = elements(this.xml, 'Override')[0];
      const item = `<Default Extension="${ext}" ContentType="${escapeAttr(type)}"/>`;
      if (first) this.xml = this.xml.slice(0, first.start) + item + this.xml.slice(first.start);
      else this.append(item);
    }
  }

  drop(path: string): void {
    for (const e of elements(this.xml, 'Override').reverse()) {
      const name = (attributes(openTag(e.text)).get('PartName') ?? '').replace(/^\//, '');
      if (name.toLowerCase() === path.toLowerCase()) this.xml = this.xml.slice(0, e.start) + this.xml.slice(e.end);
    }
  }

  private append(item: string): void {
    this.xml = this.xml.replace(/<\/(\w+:)?Types>\s*$/, (end) => `${item}${end}`);
  }
}

/** Shared strings: ours appended after the existing ones. */
function mergeSharedStrings(existing: string, ours: string): { xml: string; offset: number } {
  if (/<\w+:sst\b/.test(existing)) throw new Error('the shared strings part uses a namespace prefix, which adding sheets does not support');
  const offset = elements(existing, 'si').length;
  const added = elements(ours, 'si').map((e) => e.text);
  const ourCount = Number(attributes(openTag(elements(ours, 'sst')[0]?.text ?? '<sst>')).get('count') ?? added.length);
  const sst = elements(existing, 'sst')[0];
  const tag = openTag(sst.text);
  const a = attributes(tag);
  const count = Number(a.get('count') ?? offset) + ourCount;
  let newTag = tag.replace(/\s(count|uniqueCount)="\d+"/g, '').replace(/^<sst/, `<sst count="${count}" uniqueCount="${offset + added.length}"`);
  const body = sst.text.endsWith('/>') ? '' : sst.text.slice(tag.length, sst.text.length - '</sst>'.length);
  if (newTag.endsWith('/>')) newTag = newTag.slice(0, -2) + '>';
  return { xml: existing.slice(0, sst.start) + newTag + body + added.join('') + '</sst>' + existing.slice(sst.end), offset };
}

/** Our sheet's text with style and shared-string indices moved to where the merge put them. */
function remapSheet(xml: string, maps: StyleMaps, stringOffset: number, tableRenames: Map<string, string>): string {
  let out = xml.replace(/<c\b((?:[^>"']|"[^"]*")*?)(\/?)>(<v>(\d+)<\/v>)?/g, (_, attrs: string, slash: string, vEl: string | undefined, v: string | undefined) => {
    const a = attrs.replace(/\ss="(\d+)"/, (_m, s: string) => ` s="${maps.xf(Number(s))}"`);
    const shared = /\st="s"/.test(attrs) && v !== undefined;
    return `<c${a}${slash}>${vEl === undefined ? '' : shared ? `<v>${Number(v) + stringOffset}</v>` : vEl}`;
  });
  out = out.replace(/<row\b[^>]*>/g, (tag) => tag.replace(/\ss="(\d+)"/, (_m, s: string) => ` s="${maps.xf(Number(s))}"`));
  out = out.replace(/<col\b[^>]*>/g, (tag) => tag.replace(/\sstyle="(\d+)"/, (_m, s: string) => ` style="${maps.xf(Number(s))}"`));
  out = out.replace(/<cfRule\b[^>]*>/g, (tag) => tag.replace(/\sdxfId="(\d+)"/, (_m, s: string) => ` dxfId="${maps.dxf(Number(s))}"`));
  // The existing workbook has its own selected sheet: two selected tabs would group them.
  out = out.replace(/(<sheetView\b[^>]*?)\stabSelected="1"/g, '$1');
  for (const [from, to] of tableRenames) out = out.replace(/<f>([^<]*)<\/f>/g, (_, f: string) => `<f>${renameTableRefs(f, from, to)}</f>`);
  return out;
}

function renameTableRefs(formula: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return formula.replace(new RegExp(`(^|[^\\w.])${escaped}\\[`, 'gi'), (_, before: string) => `${before}${to}[`);
}

/**
 * Adds the sheets of `ours` (a package our writer rendered) to `existing`. The sheet names
 * must be settled by the caller (planSheetNames): a name already in the existing workbook is
 * refused unless it is listed in `replace`.
 */
export async function addSheets(existing: Uint8Array, ours: Uint8Array, options: AddOptions = {}): Promise<{ bytes: Uint8Array; sheets: AddedSheet[] }> {
  const target = new Target(await JSZip.loadAsync(existing));
  const source = await JSZip.loadAsync(ours);
  const read = async (zip: JSZip, path: string) => zip.file(path)?.async('string');

  const rootRels = parseRels(await target.text('_rels/.rels'));
  const wbPath = resolveTarget('', rootRels.find((r) => r.type === REL.officeDocument)?.target ?? 'xl/workbook.xml');
  let workbook = await target.text(wbPath);
  if (!workbook) throw new Error(`no workbook part (${wbPath}) in the package`);
  const wbRels = parseRels(await target.text(relsPath(wbPath)));
  const relIds = new Set(wbRels.map((r) => r.id));
  const types = new ContentTypes((await target.text('[Content_Types].xml')) ?? '');
  const ourTypes = new ContentTypes((await read(source, '[Content_Types].xml')) ?? '');
  const ourWorkbook = (await read(source, 'xl/workbook.xml'))!;
  const ourRels = parseRels(await read(source, 'xl/_rels/workbook.xml.rels'));

  // Styles and shared strings: merged into the existing parts (or ours added when there are none).
  /** The existing part of this relationship type merged with ours by `merge`; ours as it is when there is none. */
  const mergeInto = async <T>(relType: string, contentType: string, base: string, ours: string, merge: (existing: string) => { xml: string } & T): Promise<T | undefined> => {
    const rel = wbRels.find((r) => r.type === relType);
    if (rel) {
      const path = resolveTarget(wbPath, rel.target);
      const merged = merge((await target.text(path)) ?? '');
      target.set(path, merged.xml);
      return merged;
    }
    const path = target.freePath((n) => `xl/${base}${n === 1 ? '' : n}.xml`);
    target.set(path, ours);
    wbRels.push({ id: freeRelId(relIds), type: relType, target: relativeTarget(wbPath, path), external: false });
    types.override(path, contentType);
    return undefined;
  };
  const ourStyles = (await read(source, 'xl/styles.xml'))!;
  const maps: StyleMaps = (await mergeInto(STYLES_REL, STYLES_TYPE, 'styles', ourStyles, (x) => mergeStyles(x, ourStyles)))?.maps ?? { xf: (i) => i, dxf: (i) => i };
  const ourSst = (await read(source, 'xl/sharedStrings.xml')) ?? '<sst/>';
  const stringOffset = (await mergeInto(REL.sharedStrings, SST_TYPE, 'sharedStrings', ourSst, (x) => mergeSharedStrings(x || '<sst/>', ourSst)))?.offset ?? 0;

  // What the existing workbook already uses: table ids and names, defined names, note-shape blocks.
  const tableIds = new Set<number>();
  const usedNames = new Set(definedNames(workbook).map((n) => n.name.toLowerCase()));
  let vmlBlocks = 0;
  for (const p of target.paths) {
    if (types.typeOf(p) === 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml') {
      const a = attributes(openTag(elements((await target.text(p)) ?? '', 'table')[0]?.text ?? '<table>'));
      tableIds.add(Number(a.get('id')));
      for (const k of ['name', 'displayName']) if (a.get(k)) usedNames.add(a.get(k)!.toLowerCase());
    } else if (p.toLowerCase().endsWith('.vml')) {
      const text = (await target.text(p)) ?? '';
      for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) for (const b of m[1].split(',')) vmlBlocks = Math.max(vmlBlocks, Number(b) || 0);
    }
  }
  const tableRenames = new Map<string, string>();

  /** Copies one of our parts that a sheet (or its drawing) owns, with its own related parts. */
  const copyOwned = async (ourPath: string): Promise<string> => {
    const folder = ourPath.slice(0, ourPath.lastIndexOf('/') + 1);
    const file = ourPath.slice(folder.length);
    const m = /^(.*?)(\d+)(\.\w+)$/.exec(file)!;
    const newPath = target.freePath((n) => `${folder}${m[1]}${n}${m[3]}`);
    let text = (await read(source, ourPath))!;
    if (newPath.endsWith('.vml')) {
      text = text
        .replace(/(<o:idmap\b[^>]*\bdata=")([^"]*)"/, (_, start: string, data: string) => `${start}${data.split(',').map((b) => Number(b) + vmlBlocks).join(',')}"`)
        .replace(/_x0000_s(\d+)/g, (_, id: string) => `_x0000_s${Number(id) + vmlBlocks * SHAPES_PER_BLOCK}`);
    }
    if (/\/tables\//.test(newPath)) {
      const tag = openTag(elements(text, 'table')[0].text);
      const a = attributes(tag);
      let id = 1;
      while (tableIds.has(id)) id++;
      tableIds.add(id);
      const wanted = a.get('name') ?? `Table${id}`;
      let name = wanted;
      for (let k = 2; usedNames.has(name.toLowerCase()); k++) name = `${wanted}_${k}`;
      usedNames.add(name.toLowerCase());
      if (name !== wanted) tableRenames.set(wanted, name);
      text = text.replace(tag, tag.replace(/\sid="\d+"/, ` id="${id}"`).replace(/\sname="[^"]*"/, ` name="${escapeAttr(name)}"`).replace(/\sdisplayName="[^"]*"/, ` displayName="${escapeAttr(name)}"`));
    }
    target.set(newPath, text);
    const type = ourTypes.typeOf(ourPath);
    if (type && !newPath.endsWith('.vml')) types.override(newPath, type);
    const rels = parseRels(await read(source, relsPath(ourPath)));
    if (rels.length) {
      const moved: Rel[] = [];
      for (const r of rels) moved.push({ ...r, target: relativeTarget(newPath, await copyOwned(resolveTarget(ourPath, r.target))) });
      target.set(relsPath(newPath), relsXml(moved));
    }
    return newPath;
  };

  const existingSheets = sheetEntries(workbook);
  const replace = new Map([...(options.replace ?? [])].map((n) => [n.toLowerCase(), n]));
  const relAttr = relAttribute(workbook);
  let nextSheetId = Math.max(0, ...existingSheets.map((s) => s.sheetId)) + 1;
  const added: AddedSheet[] = [];
  const newSheetXml: string[] = [];
  /** Our sheet index → its index in the merged <sheets>. */
  const position: number[] = [];
  const dropLocal = new Set<number>();
  const replacedNames = new Set<string>();
  /** How many relationships point at each existing part: counted when the first sheet is replaced. */
  let refs: Map<string, number> | undefined;

  for (const entry of sheetEntries(ourWorkbook)) {
    const rel = ourRels.find((r) => r.id === entry.relId)!;
    const ourPath = resolveTarget('xl/workbook.xml', rel.target);
    const sheetPath = target.freePath((n) => `xl/worksheets/sheet${n}.xml`);
    const sheetRels = parseRels(await read(source, relsPath(ourPath)));
    const moved: Rel[] = [];
    for (const r of sheetRels) moved.push({ ...r, target: relativeTarget(sheetPath, await copyOwned(resolveTarget(ourPath, r.target))) });
    target.set(sheetPath, remapSheet((await read(source, ourPath))!, maps, stringOffset, tableRenames));
    if (moved.length) target.set(relsPath(sheetPath), relsXml(moved));
    types.override(sheetPath, SHEET_TYPE);
    const relId = freeRelId(relIds);
    wbRels.push({ id: relId, type: REL.worksheet, target: relativeTarget(wbPath, sheetPath), external: false });

    const old = existingSheets.findIndex((s) => s.name.toLowerCase() === entry.name.toLowerCase());
    if (old >= 0) {
      if (!replace.has(entry.name.toLowerCase())) throw new Error(`the workbook already has a sheet named "${entry.name}"`);
      // In the old sheet's place, with its sheetId: its parts go, its sheet-scoped names are ours now.
      // Its offsets are read from the workbook part as it is now: an earlier replacement may have
      // changed the length of the text before it ("rId9" → "rId12").
      const o: ReturnType<typeof sheetEntries>[number] = sheetEntries(workbook)[old];
      refs ??= await referenceCounts(target);
      await removeSheetParts(target, types, resolveTarget(wbPath, wbRels.find((r) => r.id === o.relId)!.target), refs);
      wbRels.splice(wbRels.findIndex((r) => r.id === o.relId), 1);
      const tag = openTag(o.xml);
      workbook = workbook.slice(0, o.start) + tag.replace(/\s([\w.-]+):id="[^"]*"/, (_, p: string) => ` ${p}:id="${relId}"`) + workbook.slice(o.start + tag.length);
      position.push(old);
      dropLocal.add(old);
      replacedNames.add(o.name.toLowerCase());
      added.push({ name: o.name, replaced: true });
    } else {
      const hidden = /\sstate="hidden"/.test(entry.xml) ? ' state="hidden"' : '';
      newSheetXml.push(`<sheet name="${escapeAttr(entry.name)}" sheetId="${nextSheetId++}"${hidden} ${relAttr(relId)}/>`);
      position.push(existingSheets.length + newSheetXml.length - 1);
      added.push({ name: entry.name, replaced: false });
    }
  }
  if (newSheetXml.length) workbook = workbook.replace(/<\/sheets>|<sheets\s*\/>/, (m) => (m.startsWith('</') ? `${newSheetXml.join('')}</sheets>` : `<sheets>${newSheetXml.join('')}</sheets>`));

  workbook = mergeDefinedNames(workbook, definedNames(ourWorkbook), position, dropLocal, replacedNames);
  // Excel and LibreOffice compute every formula when the file opens (the added sheets read the existing ones).
  workbook = /<calcPr\b/.test(workbook)
    ? workbook.replace(/<calcPr\b[^>]*?(\/?)>/, (tag) => (/fullCalcOnLoad=/.test(tag) ? tag.replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"') : tag.replace(/^<calcPr/, '<calcPr fullCalcOnLoad="1"')))
    : insertAfterLast(workbook, ['sheets', 'functionGroups', 'externalReferences', 'definedNames'], '<calcPr fullCalcOnLoad="1"/>');
  target.set(wbPath, workbook);
  target.set(relsPath(wbPath), relsXml(wbRels));
  types.ensureDefault('vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
  target.set('[Content_Types].xml', types.xml);
  // The file's list of its sheets (docProps/app.xml), when it has one, names the added sheets too.
  const appRel = rootRels.find((r) => r.type === REL.extendedProperties && !r.external);
  const appPath = appRel ? resolveTarget('', appRel.target) : undefined;
  const app = appPath ? await target.text(appPath) : undefined;
  if (appPath && app !== undefined) {
    const titled = withSheetTitles(app, existingSheets.map((e) => e.name), sheetEntries(workbook).map((e) => e.name));
    if (titled !== app) target.set(appPath, titled);
  }
  return { bytes: await target.bytes(), sheets: added };
}

/** The part a .rels file belongs to ("xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml"; "_rels/.rels" → ""). */
function ownerOfRels(path: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(path);
  return m ? m[1] + m[2] : '';
}

/** For every part of the package (lower case), how many internal relationships point at it. */
async function referenceCounts(target: Target): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const p of target.paths) {
    if (!p.toLowerCase().endsWith('.rels')) continue;
    const owner = ownerOfRels(p);
    for (const r of parseRels(await target.text(p))) {
      if (r.external) continue;
      const key = resolveTarget(owner, r.target).toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * A replaced sheet's part, its relationships and the parts only it used (tables, notes, drawings
 * and their charts). A part that something else still points at — an image two sheets' drawings
 * show, a printer setting shared — stays: `refs` counts the relationships pointing at each part,
 * and a part goes only when the last of them went with the parts removed here.
 */
async function removeSheetParts(target: Target, types: ContentTypes, path: string, refs: Map<string, number>): Promise<void> {
  const rels = parseRels(await target.text(relsPath(path)));
  target.remove(path);
  types.drop(path);
  if (rels.length) target.remove(relsPath(path));
  for (const r of rels) {
    if (r.external || r.type === REL.hyperlink) continue;
    const child = resolveTarget(path, r.target);
    const left = (refs.get(child.toLowerCase()) ?? 1) - 1;
    refs.set(child.toLowerCase(), left);
    if (left <= 0 && target.paths.has(child)) await removeSheetParts(target, types, child, refs);
  }
}

/**
 * Our defined names joined to the existing ones: sheet-scoped names point at the added sheets'
 * positions; a workbook-scoped name the workbook already has becomes scoped to our sheet (as
 * the writer does for a name two sheets define), unless the sheet it belonged to was replaced;
 * the format version is kept once.
 */
function mergeDefinedNames(workbook: string, ours: NameEntry[], position: number[], dropLocal: Set<number>, replacedSheets: Set<string>): string {
  const existing = definedNames(workbook);
  const pointsAtReplaced = (n: NameEntry) => {
    const m = /^<[^>]*>([\s\S]*)<\/[^>]*>$/.exec(n.xml);
    const sheet = /^'?((?:[^'!]|'')+)'?!/.exec(m?.[1].trim() ?? '')?.[1]?.replace(/''/g, "'").toLowerCase();
    return sheet !== undefined && replacedSheets.has(sheet);
  };
  const ourGlobal = new Set(ours.filter((n) => n.localSheetId === undefined).map((n) => n.name.toLowerCase()));
  const kept = existing.filter((n) => {
    if (n.localSheetId !== undefined) return !dropLocal.has(n.localSheetId);
    return !(ourGlobal.has(n.name.toLowerCase()) && pointsAtReplaced(n));
  });
  const globalNames = new Set(kept.filter((n) => n.localSheetId === undefined).map((n) => n.name.toLowerCase()));
  const items: string[] = kept.map((n) => n.xml);
  for (const n of ours) {
    if (n.localSheetId !== undefined) {
      items.push(withLocalSheetId(n.xml, position[n.localSheetId]));
      continue;
    }
    if (!globalNames.has(n.name.toLowerCase())) {
      items.push(n.xml);
      globalNames.add(n.name.toLowerCase());
      continue;
    }
    if (n.name === 'AP_FormatVersion') continue;
    // Scoped to the sheet the name refers to (the first added sheet when it names none).
    const body = /^<[^>]*>([\s\S]*)<\/[^>]*>$/.exec(n.xml)?.[1] ?? '';
    const sheet = /^'?((?:[^'!]|'')+)'?!/.exec(body.trim())?.[1]?.replace(/''/g, "'");
    const entries = sheetEntries(workbook);
    const index = entries.findIndex((e) => e.name.toLowerCase() === sheet?.toLowerCase());
    items.push(withLocalSheetId(n.xml, index >= 0 ? index : position[0]));
  }
  const list = `<definedNames>${items.join('')}</definedNames>`;
  const found = elements(workbook, 'definedNames')[0];
  if (found) return workbook.slice(0, found.start) + list + workbook.slice(found.end);
  return items.length ? insertAfterLast(workbook, ['sheets', 'functionGroups', 'externalReferences'], list) : workbook;
}
