import { cellRef, parseCell } from '../../sheets/core/a1';
import { attributes, decodeXml, elements, escapeText, openTag, plainText, startTag } from '../parts/xml';

/** One <c> element of a worksheet part, parsed enough to clear it or change its stored value. */
export interface SheetCell {
  ref: string;
  row: number;
  col: number;
  /** Where the element is in the part's text. */
  start: number;
  end: number;
  prefix: string;
  attrs: Map<string, string>;
  formula?: { text: string; attrs: Map<string, string> };
  /** The <v> text (decoded). */
  value?: string;
  /** The text of an inline string (<is>). */
  inline?: string;
  /** Child elements kept as they were (<is> of an inline string, <extLst>). */
  rest: string;
}

/** Every cell of a worksheet part, in document order; cells without r="" get it from their position. */
export function readCells(xml: string): SheetCell[] {
  const cells: SheetCell[] = [];
  const sheetData = /<((?:\w+:)?)sheetData\b[^>]*>([\s\S]*?)<\/\1sheetData>/.exec(xml);
  if (!sheetData) return cells;
  const offset = sheetData.index + sheetData[0].indexOf('>') + 1;
  let rowNumber = 0;
  for (const rowEl of elements(sheetData[2], 'row')) {
    const rowAttrs = attributes(openTag(rowEl.text));
    rowNumber = rowAttrs.has('r') ? Number(rowAttrs.get('r')) : rowNumber + 1;
    const inner = rowEl.text.endsWith('/>') ? '' : rowEl.text;
    let colNumber = 0;
    for (const c of elements(inner, 'c')) {
      const tag = openTag(c.text);
      const attrs = attributes(tag);
      let ref = attrs.get('r');
      if (ref) colNumber = parseCell(ref).col;
      else {
        colNumber++;
        ref = cellRef(rowNumber, colNumber);
        attrs.set('r', ref);
      }
      const body = c.text.endsWith('/>') && c.text.length === tag.length ? '' : c.text.slice(tag.length, c.text.lastIndexOf('<'));
      const cell: SheetCell = { ref, row: rowNumber, col: colNumber, start: offset + rowEl.start + c.start, end: offset + rowEl.start + c.end, prefix: c.prefix, attrs, rest: '' };
      let rest = body;
      const f = /<((?:\w+:)?)f\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/\1f>)/.exec(body);
      if (f) {
        cell.formula = { text: decodeXml(f[3] ?? ''), attrs: attributes(`<f${f[2]}>`) };
        rest = rest.replace(f[0], '');
      }
      const v = /<((?:\w+:)?)v\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1v>)/.exec(body);
      if (v) {
        cell.value = decodeXml(v[2] ?? '');
        rest = rest.replace(v[0], '');
      }
      const is = /<((?:\w+:)?)is\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1is>)/.exec(body);
      if (is) cell.inline = plainText(is[2] ?? '');
      cell.rest = rest.trim();
      cells.push(cell);
    }
  }
  return cells;
}

/** The element for a cell as it is now (formula, stored value, the rest of its children). */
export function renderCell(c: SheetCell): string {
  const p = c.prefix;
  let inner = '';
  if (c.formula) {
    const hasText = c.formula.text !== '';
    inner += hasText ? `${startTag(`${p}f`, c.formula.attrs)}${escapeText(c.formula.text)}</${p}f>` : startTag(`${p}f`, c.formula.attrs, true);
  }
  if (c.value !== undefined) inner += `<${p}v>${escapeText(c.value)}</${p}v>`;
  inner += c.rest;
  return inner ? `${startTag(`${p}c`, c.attrs)}${inner}</${p}c>` : startTag(`${p}c`, c.attrs, true);
}
