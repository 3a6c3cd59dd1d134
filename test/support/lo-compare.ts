/**
 * Compares what our reader read from a sheet with what LibreOffice wrote to CSV for it. The two
 * sides meet as text: LibreOffice writes numbers in full ("not as shown"), percentages as 12.5%,
 * dates and times in a standard form; we compare numbers by value, dates by the calendar day and
 * time they show, text after folding the ways line breaks are written.
 */
import type { CellValue } from '../../src/xlsx/read/rows';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The serial of our Date (the 1900 date system counts a 29 February 1900 that never was). */
function serialOf(d: Date, date1904: boolean): number {
  if (date1904) return (d.getTime() - EPOCH_1904) / MS_PER_DAY;
  const plain = (d.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
  return plain < 61 ? plain - 1 : plain;
}

/** A date as LibreOffice counts it (from 1899-12-30, no 29 February 1900). */
function loSerial(ms: number, date1904: boolean): number {
  return (ms - (date1904 ? EPOCH_1904 : EXCEL_EPOCH)) / MS_PER_DAY;
}

const ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** LibreOffice's date or time text as a calendar date-time (UTC), or as days for a time alone. */
function loDate(text: string): { date?: number; days?: number } | undefined {
  let m = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?: ?(AM|PM))?)?$/.exec(text);
  if (m) return { date: utc(+m[3], +m[1], +m[2], hour(m[4], m[8]), m[5], m[6], m[7]) };
  m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/.exec(text);
  if (m) return { date: utc(+m[1], +m[2], +m[3], hour(m[4]), m[5], m[6], m[7]) };
  m = /^(-?)(\d+):(\d{2})(?::(\d{2})(\.\d+)?)?(?: ?(AM|PM))?$/.exec(text);
  if (m) return { days: (m[1] ? -1 : 1) * ((hour(m[2], m[6]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0) + Number(m[5] ?? 0)) / 86400) };
  return undefined;
}

function hour(h: string | undefined, ampm?: string): number {
  const n = Number(h ?? 0);
  if (ampm === 'PM') return n % 12 + 12;
  if (ampm === 'AM') return n % 12;
  return n;
}

function utc(y: number, mo: number, d: number, h: number, mi?: string, s?: string, frac?: string): number {
  return Date.UTC(y, mo - 1, d, h, Number(mi ?? 0), Number(s ?? 0)) + Math.round(Number(frac ?? 0) * 1000);
}

/** Line breaks as LibreOffice writes them: `_x000D_` escapes and CR LF all become LF. */
function foldText(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\r\n?/g, '\n');
}

export function sameCell(ours: CellValue | undefined, lo: string, date1904 = false): boolean {
  if (ours === null || ours === undefined || ours === '') return lo === '';
  if (typeof ours === 'boolean') return lo === (ours ? 'TRUE' : 'FALSE');
  // An error reads as an error: LibreOffice recalculates cells holding errors (Err:502, #NAME? for
  // functions it lacks), and whichever error it is, the row is refused the same.
  if (typeof ours === 'string' && ERROR.test(ours)) return ERROR.test(lo) || /^Err:\d+$/.test(lo);
  if (typeof ours === 'number') {
    let x = lo.endsWith('%') ? Number(lo.slice(0, -1)) / 100 : Number(lo);
    if (lo === '' || Number.isNaN(x)) {
      // A number LibreOffice shows as a date or time (it treats some formats as dates that Excel does not).
      const d = loDate(lo);
      if (!d) return false;
      x = d.date !== undefined ? loSerial(d.date, date1904) : d.days!;
      // Shown to the second, cut.
      return Math.abs(x - ours) <= 1 / 86_400;
    }
    return Math.abs(x - ours) <= 1e-13 * Math.max(1, Math.abs(ours)) || x.toPrecision(15) === ours.toPrecision(15);
  }
  if (ours instanceof Date) {
    const d = loDate(lo);
    if (!d) return false;
    if (d.days !== undefined) {
      // A time alone: the time of day, or elapsed time past 24 hours ([h]:mm).
      const serial = serialOf(ours, date1904);
      return Math.abs((d.days >= 1 ? serial : serial - Math.floor(serial)) - d.days) <= 1 / 86_400;
    }
    // LibreOffice shows whole seconds, cut rather than rounded.
    const close = (shift: number) => Math.abs(d.date! + shift - ours.getTime()) <= 1000;
    // LibreOffice has no 29 February 1900: a serial before 1 March 1900 shows one day earlier than in
    // Excel (a t="d" date shows the same day in both).
    return close(0) || (!date1904 && ours.getTime() < Date.UTC(1900, 2, 1) && close(MS_PER_DAY));
  }
  return foldText(ours) === foldText(lo);
}

export interface CellDiff {
  cell: string;
  ours: CellValue | undefined;
  lo: string;
}

function colName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Every differing cell; `grid` is ours by sheet row (grid[0] = row 1). Trailing empty cells and rows do not count. */
export function diffSheet(grid: CellValue[][], lo: string[][], date1904 = false): CellDiff[] {
  const out: CellDiff[] = [];
  const rows = Math.max(grid.length, lo.length);
  for (let r = 0; r < rows; r++) {
    const a = grid[r] ?? [];
    const b = lo[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++)
      if (!sameCell(a[c] ?? null, b[c] ?? '', date1904)) out.push({ cell: `${colName(c)}${r + 1}`, ours: a[c], lo: b[c] ?? '' });
  }
  return out;
}
