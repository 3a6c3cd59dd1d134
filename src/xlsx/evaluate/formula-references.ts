import { parseRange, type RangePos } from '../../sheets/core/a1';
import { nameAreas } from '../../sheets/core/name-reference';

/**
 * The cells a set of formulas can read, by sheet: every A1 reference (cell, range, whole
 * columns or rows, sheet-qualified or not) and every defined name they use. 'all' when a
 * formula reads something this cannot follow (INDIRECT, OFFSET, an unknown name): the caller
 * then assumes every cell is read. Used to leave out of the engine the pre-computed cells no
 * evaluated formula reads.
 */
export type ReadAreas = Map<string, RangePos[]> | 'all';

const QUOTED_SHEET = /'((?:[^']|'')+)'!/y;
const PLAIN_SHEET = /([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/y;
const AREA = /(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\w.(\u00C0-\uFFFF])/y;
const WORD = /[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/y;
const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/y;
const UNFOLLOWABLE = new Set(['INDIRECT', 'OFFSET']);
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

function area(ref: string): RangePos {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  if (/^\d+$/.test(a)) return { top: Math.min(+a, +b), bottom: Math.max(+a, +b), left: 1, right: MAX_COLUMNS };
  if (/^[A-Za-z]+$/.test(a)) return { ...parseRange(`${a}1:${b}1`), top: 1, bottom: MAX_ROWS };
  return parseRange(`${a}:${b}`);
}

export function readAreas(formulas: Iterable<{ sheet: string; formula: string }>, names: readonly { name: string; formula: string }[]): ReadAreas {
  const out = new Map<string, RangePos[]>();
  const add = (sheet: string, r: RangePos) => {
    const key = sheet.toLowerCase();
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  };
  const byName = new Map(names.map((n) => [n.name.toLowerCase(), n.formula]));
  for (const { sheet, formula } of formulas) {
    const text = formula;
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
        i++;
        continue;
      }
      const prev = i > 0 ? text[i - 1] : '';
      const wordBefore = /[\w.$\u00C0-\uFFFF]/.test(prev);
      let m: RegExpExecArray | null;
      let target = sheet;
      if ((m = at(QUOTED_SHEET, text, i)) || (!wordBefore && (m = at(PLAIN_SHEET, text, i)))) {
        target = m[1].replace(/''/g, "'");
        const ref = at(AREA, text, i + m[0].length);
        if (!ref) return 'all';
        add(target, area(ref[1]));
        i += m[0].length + ref[0].length;
        continue;
      }
      if (!wordBefore && (m = at(AREA, text, i))) {
        add(sheet, area(m[1]));
        i += m[0].length;
        continue;
      }
      if (!wordBefore && (m = at(WORD, text, i))) {
        const word = m[0];
        const call = text[i + word.length] === '(';
        const upper = word.toUpperCase();
        if (call) {
          if (UNFOLLOWABLE.has(upper)) return 'all';
        } else if (upper !== 'TRUE' && upper !== 'FALSE') {
          const def = byName.get(word.toLowerCase());
          if (def === undefined) return 'all';
          const found = nameAreas(def);
          if (found.length === 0) return 'all';
          for (const a of found) add(a.sheet, { top: a.top, left: a.left, bottom: a.bottom, right: a.right });
        }
        i += word.length;
        continue;
      }
      if (!wordBefore && (m = at(NUMBER, text, i))) {
        i += m[0].length;
        continue;
      }
      i++;
    }
  }
  return out;
}

export function isRead(areas: ReadAreas, sheet: string, row: number, col: number): boolean {
  if (areas === 'all') return true;
  const list = areas.get(sheet.toLowerCase());
  return !!list && list.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}
