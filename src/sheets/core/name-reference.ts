/**
 * The cells a defined name refers to, from its formula text as Excel, LibreOffice and the
 * .xlsx file spell it. Pure: used by the .xlsx reader and the Office host alike.
 */
import { columnIndex } from './a1';

export interface SheetArea {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * The areas a name's formula refers to: "'S'!$A$1:$B$9", "S!$C$4", "'S'!$L:$L", unions of
 * these separated by commas, with or without a leading "=". `scopeSheet` is used for areas without a sheet. A formula that is
 * not a plain reference (a constant, a function, #REF!) gives no areas.
 */
export function nameAreas(formula: string, scopeSheet?: string): SheetArea[] {
  const areas: SheetArea[] = [];
  for (const part of splitUnion(formula.trim().replace(/^=/, ''))) {
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
  const left = p[1] ? columnIndex(p[1]) : 1;
  const right = q[1] ? columnIndex(q[1]) : MAX_COLUMNS;
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLUMNS) return undefined;
  return { top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) };
}
