/**
 * Which number formats show a date or a time, and the date a serial number stands for.
 *
 * Built-in format ids (ECMA-376 Part 1, section 18.8.30): 14–22 and 45–47 are dates and times; 27–36 and
 * 50–58 are the East Asian date formats (年月日, 平成 …) that Chinese, Japanese and Korean Excel
 * use under those ids. A custom format is a date format when, outside quoted text, escaped
 * characters and bracketed sections other than elapsed time ([h], [mm], [ss]), it uses one of the
 * date/time codes d, m, y, h, s.
 */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATES.has(id);
  // Only the first section (positive numbers) decides, as it does in Excel.
  const first = splitSections(code)[0] ?? '';
  const stripped = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .replace(/\[(?!(?:h+|m+|s+)\])[^\]]*\]/gi, '');
  if (/general/i.test(stripped)) return false;
  return /[dmyhs]|\[(?:h+|m+|s+)\]/i.test(stripped.replace(/E[+-]/gi, ''));
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < code.length) {
      current += ch + code[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: serial 0 of the arithmetic Excel uses for dates from 1900-03-01 on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The date (and time of day) a serial number shows, as a Date at UTC. In the 1900 date system
 * Excel counts a 29 February 1900 that never was (serial 60), so serials below 60 are one day
 * later than the plain arithmetic gives; serial 60 itself and negative serials are no date (the
 * number is kept).
 */
export function serialToDate(serial: number, date1904: boolean): Date | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  // Milliseconds rounded as Excel shows times: to the nearest millisecond of the day fraction.
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * MS_PER_DAY);
  if (date1904) return new Date(EPOCH_1904 + days * MS_PER_DAY + ms);
  if (days === 60) return undefined;
  const base = days < 60 ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
  const date = new Date(base + days * MS_PER_DAY + ms);
  return date.getUTCFullYear() > 9999 ? undefined : date;
}
