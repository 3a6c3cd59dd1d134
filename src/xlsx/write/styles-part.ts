/**
 * xl/styles.xml: every distinct cell style of the workbook becomes one cell format (xf) built
 * from shared fonts, fills, borders and number formats; conditional-format looks become
 * differential formats (dxf). Parts are listed in the schema's order (CT_Stylesheet).
 */
import type { AlignmentSpec, CellStyle, DifferentialStyle, FontSpec } from '../../sheets/core/sheet-spec';
import { DEFAULT_FONT_SIZE, type FontFace } from './font-faces';
import { escapeAttr } from './xml-text';
import { SML_NS } from './namespaces';

/** Number formats Excel knows by id; others are declared from id 164 on. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};
/** Excel's built-in short date (shown in the reader's locale): dates that come without a format. */
export const DATE_FORMAT_ID = 14;
const FIRST_CUSTOM_FORMAT = 164;

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

export class StyleRegistry {
  private readonly fonts: string[] = [];
  private readonly fontIds = new Map<string, number>();
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly fillIds = new Map<string, number>();
  private readonly borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly borderIds = new Map<string, number>();
  private readonly numFmts: { id: number; code: string }[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly xfs: string[];
  private readonly xfIds = new Map<string, number>();
  private readonly dxfs: string[] = [];
  private readonly dxfIds = new Map<string, number>();
  /** Style object → face name → xf index: builders share one style object across many cells. */
  private readonly byObject = new WeakMap<CellStyle, Map<string, number>>();

  constructor(private readonly defaultFace: FontFace) {
    this.font({}, defaultFace);
    this.xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
    this.xfIds.set(xfKey(0, 0, 0, 0, '', ''), 0);
  }

  /** The cell format index of a style in the sheet's face; `date` picks a date format when the style has none. */
  cellXf(style: CellStyle | undefined, face: FontFace, date = false): number {
    if (!style) return date ? this.cellXf({}, face, true) : this.plainXf(face);
    const cacheKey = date ? `${face.name}\u0000d` : face.name;
    let perFace = this.byObject.get(style);
    const hit = perFace?.get(cacheKey);
    if (hit !== undefined) return hit;
    const numFmtId = style.numFmt ? this.numFmt(style.numFmt) : date ? DATE_FORMAT_ID : 0;
    const fontId = this.font(style.font ?? {}, face);
    const fillId = style.fill ? this.fill(style.fill) : 0;
    const borderId = style.border ? this.border(style.border) : 0;
    const alignment = style.alignment ? alignmentXml(style.alignment) : '';
    const protection = style.locked === false ? '<protection locked="0"/>' : '';
    const key = xfKey(numFmtId, fontId, fillId, borderId, alignment, protection);
    let id = this.xfIds.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      const apply = [
        numFmtId ? ' applyNumberFormat="1"' : '',
        fontId ? ' applyFont="1"' : '',
        fillId ? ' applyFill="1"' : '',
        borderId ? ' applyBorder="1"' : '',
        alignment ? ' applyAlignment="1"' : '',
        protection ? ' applyProtection="1"' : '',
      ].join('');
      const inner = alignment + protection;
      this.xfs.push(
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}${inner ? `>${inner}</xf>` : '/>'}`,
      );
      this.xfIds.set(key, id);
    }
    if (!perFace) this.byObject.set(style, (perFace = new Map()));
    perFace.set(cacheKey, id);
    return id;
  }

  /** A cell with no style: 0 in the default face, else a format naming the sheet's face. */
  private plainXf(face: FontFace): number {
    return face.name === this.defaultFace.name ? 0 : this.cellXf(EMPTY_STYLE, face);
  }

  /** A differential format for a conditional-format rule. */
  dxf(style: DifferentialStyle): number {
    const font = style.font ? `<font>${dxfFontBody(style.font)}</font>` : '';
    // In a differential format the fill colour is the pattern's background (as Excel writes it).
    const fill = style.fill ? `<fill><patternFill><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>` : '';
    const xml = `<dxf>${font}${fill}</dxf>`;
    let id = this.dxfIds.get(xml);
    if (id === undefined) {
      id = this.dxfs.length;
      this.dxfs.push(xml);
      this.dxfIds.set(xml, id);
    }
    return id;
  }

  numFmt(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.numFmts.length;
      this.numFmts.push({ id, code });
      this.numFmtIds.set(code, id);
    }
    return id;
  }

  private font(f: FontSpec, face: FontFace): number {
    const xml = `<font>${fontBody(f)}<name val="${escapeAttr(face.name)}"/><family val="${face.family}"/>${face.charset !== undefined ? `<charset val="${face.charset}"/>` : ''}</font>`;
    return intern(xml, this.fonts, this.fontIds);
  }

  private fill(rgb: string): number {
    return intern(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(rgb)}"/><bgColor indexed="64"/></patternFill></fill>`, this.fills, this.fillIds);
  }

  private border(rgb: string): number {
    const side = (tag: string) => `<${tag} style="thin"><color rgb="${argb(rgb)}"/></${tag}>`;
    return intern(`<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`, this.borders, this.borderIds);
  }

  xml(): string {
    const list = (tag: string, items: string[], extra = '') => `<${tag} count="${items.length}"${extra}>${items.join('')}</${tag}>`;
    const numFmts = this.numFmts.length
      ? list('numFmts', this.numFmts.map((n) => `<numFmt numFmtId="${n.id}" formatCode="${escapeAttr(n.code)}"/>`))
      : '';
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${SML_NS}">` +
      numFmts +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

const EMPTY_STYLE: CellStyle = {};

function xfKey(...parts: (string | number)[]): string {
  return parts.join('|');
}

function intern(xml: string, list: string[], ids: Map<string, number>): number {
  let id = ids.get(xml);
  if (id === undefined) {
    id = list.length;
    list.push(xml);
    ids.set(xml, id);
  }
  return id;
}

/** Font properties in the order Excel writes them (b, i, u, sz, color); the face follows. */
function fontBody(f: FontSpec): string {
  return (
    (f.bold ? '<b/>' : '') +
    (f.italic ? '<i/>' : '') +
    (f.underline ? '<u/>' : '') +
    `<sz val="${f.size ?? DEFAULT_FONT_SIZE}"/>` +
    (f.color ? `<color rgb="${argb(f.color)}"/>` : '')
  );
}

/** A conditional format's font changes only what it names: no size, no face. */
function dxfFontBody(f: FontSpec): string {
  return (f.bold ? '<b/>' : '') + (f.italic ? '<i/>' : '') + (f.underline ? '<u/>' : '') + (f.color ? `<color rgb="${argb(f.color)}"/>` : '');
}

const VERTICAL = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

function alignmentXml(a: AlignmentSpec): string {
  const attrs = [
    a.horizontal ? ` horizontal="${a.horizontal}"` : '',
    a.vertical ? ` vertical="${VERTICAL[a.vertical]}"` : '',
    a.wrapText ? ' wrapText="1"' : '',
    a.indent ? ` indent="${a.indent}"` : '',
  ].join('');
  return attrs ? `<alignment${attrs}/>` : '';
}
