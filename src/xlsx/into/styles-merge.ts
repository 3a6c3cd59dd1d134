/**
 * Merges the styles part of a workbook we rendered into the styles part of an existing
 * workbook: our number formats, fonts, fills, borders, cell formats and differential formats
 * are appended (an item the existing part already holds, byte for byte, is reused), and the
 * returned maps say where each of our indices went. The existing items keep their indices, so
 * the existing sheets' style references stay valid without being touched.
 */
import { attributes, elements, escapeAttr } from '../parts/xml';

export interface StyleMaps {
  /** Our cellXfs index → the merged part's. */
  xf(i: number): number;
  /** Our dxfs index → the merged part's. */
  dxf(i: number): number;
}

/** First number-format id free for custom formats (0–163 are Excel's built-in ones). */
const FIRST_CUSTOM_FORMAT = 164;

/** One list of the stylesheet (fonts, cellXfs…): its items, and where its element sits in the text. */
interface Section {
  items: string[];
  start: number;
  end: number;
}

function section(xml: string, tag: string, item: string): Section | undefined {
  const found = elements(xml, tag)[0];
  if (!found) return undefined;
  return { items: elements(found.text.replace(/^<[^>]*>/, ''), item).map((e) => e.text), start: found.start, end: found.end };
}

function items(xml: string, tag: string, item: string): string[] {
  return section(xml, tag, item)?.items ?? [];
}

/** Appends items to a list, reusing identical ones: index in `ours` → index in the merged list. */
function appendUnique(existing: string[], ours: string[]): { merged: string[]; map: number[] } {
  const merged = [...existing];
  const at = new Map<string, number>();
  existing.forEach((x, i) => {
    if (!at.has(x)) at.set(x, i);
  });
  const map = ours.map((x) => {
    let i = at.get(x);
    if (i === undefined) {
      i = merged.length;
      merged.push(x);
      at.set(x, i);
    }
    return i;
  });
  return { merged, map };
}

/** Sets (or adds) attributes of an element's start tag. */
function withAttributes(element: string, values: Record<string, string>): string {
  return element.replace(/^<([\w:]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/, (_, name: string, attrs: string, slash: string) => {
    let out = attrs;
    for (const [k, v] of Object.entries(values)) {
      const re = new RegExp(`\\s${k}\\s*=\\s*("[^"]*"|'[^']*')`);
      out = re.test(out) ? out.replace(re, ` ${k}="${escapeAttr(v)}"`) : `${out} ${k}="${escapeAttr(v)}"`;
    }
    return `<${name}${out}${slash}>`;
  });
}

/**
 * The order of the stylesheet's children (CT_Stylesheet), to put a list the existing part
 * lacks in its place.
 */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

function putSection(xml: string, tag: string, item: string, list: string[]): string {
  const body = `<${tag} count="${list.length}">${list.join('')}</${tag}>`;
  const found = elements(xml, tag)[0];
  if (found) return xml.slice(0, found.start) + body + xml.slice(found.end);
  // Before the first list that follows it, else before the end of the stylesheet.
  for (const next of ORDER.slice(ORDER.indexOf(tag) + 1)) {
    const after = elements(xml, next)[0];
    if (after) return xml.slice(0, after.start) + body + xml.slice(after.start);
  }
  return xml.replace(/<\/styleSheet>\s*$/, `${body}</styleSheet>`);
}

export function mergeStyles(existing: string, ours: string): { xml: string; maps: StyleMaps } {
  if (/<\w+:styleSheet\b/.test(existing)) throw new Error('the styles part uses a namespace prefix, which adding sheets does not support');

  // Number formats: ours get ids above every id the existing part uses (an equal format code is reused).
  const existingFormats = items(existing, 'numFmts', 'numFmt').map((x) => attributes(x));
  const byCode = new Map(existingFormats.map((a) => [a.get('formatCode') ?? '', Number(a.get('numFmtId'))]));
  let nextId = Math.max(FIRST_CUSTOM_FORMAT - 1, ...existingFormats.map((a) => Number(a.get('numFmtId')))) + 1;
  const formatMap = new Map<number, number>();
  const addedFormats: string[] = [];
  for (const x of items(ours, 'numFmts', 'numFmt')) {
    const a = attributes(x);
    const code = a.get('formatCode') ?? '';
    let id = byCode.get(code);
    if (id === undefined) {
      id = nextId++;
      byCode.set(code, id);
      addedFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    formatMap.set(Number(a.get('numFmtId')), id);
  }

  const fonts = appendUnique(items(existing, 'fonts', 'font'), items(ours, 'fonts', 'font'));
  const fills = appendUnique(items(existing, 'fills', 'fill'), items(ours, 'fills', 'fill'));
  const borders = appendUnique(items(existing, 'borders', 'border'), items(ours, 'borders', 'border'));
  // Our cell formats point into the merged lists, and at the existing part's Normal cell style.
  const ourXfs = items(ours, 'cellXfs', 'xf').map((xf) => {
    const a = attributes(/^<[^>]*>/.exec(xf)![0]);
    const n = (k: string) => Number(a.get(k) ?? 0);
    const format = n('numFmtId');
    return withAttributes(xf, {
      numFmtId: String(formatMap.get(format) ?? format),
      fontId: String(fonts.map[n('fontId')] ?? 0),
      fillId: String(fills.map[n('fillId')] ?? 0),
      borderId: String(borders.map[n('borderId')] ?? 0),
      xfId: '0',
    });
  });
  const xfs = appendUnique(items(existing, 'cellXfs', 'xf'), ourXfs);
  const dxfs = appendUnique(items(existing, 'dxfs', 'dxf'), items(ours, 'dxfs', 'dxf'));

  let xml = existing;
  if (addedFormats.length) xml = putSection(xml, 'numFmts', 'numFmt', [...items(existing, 'numFmts', 'numFmt'), ...addedFormats]);
  xml = putSection(xml, 'fonts', 'font', fonts.merged);
  xml = putSection(xml, 'fills', 'fill', fills.merged);
  xml = putSection(xml, 'borders', 'border', borders.merged);
  if (!elements(xml, 'cellStyleXfs')[0]) xml = putSection(xml, 'cellStyleXfs', 'xf', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']);
  xml = putSection(xml, 'cellXfs', 'xf', xfs.merged);
  if (dxfs.merged.length) xml = putSection(xml, 'dxfs', 'dxf', dxfs.merged);
  return {
    xml,
    maps: {
      xf: (i) => xfs.map[i] ?? 0,
      dxf: (i) => dxfs.map[i] ?? 0,
    },
  };
}
