import { daysInMonth, parseDate, serialToYmd } from '../parse/parse-date';

/**
 * The people of a decision chain and the dates typed beside them — birthdays, family occasions —
 * as the occasion calendar reads them (docs/rules/occasion-calendar.md). Kept apart from the
 * festivals (occasion-calendar.ts) so that reading a chain does not load the lunar calendar.
 */

/** A date as people enter it: with a year (a day that happened or will happen) or without (every year). */
export interface MonthDay {
  year?: number;
  month: number;
  day: number;
}

export interface Contact {
  customer: string;
  person: string;
  birthday?: MonthDay;
  /** Family occasions with their label ("daughter's wedding"). */
  occasions: { label: string; date: MonthDay }[];
  row?: number;
}

// ——— Reading the dates people type into the decision chain ———

const FULL = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/;
const MONTH_DAY_ZH = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const MONTH_DAY = /(?<![\d.])(\d{1,2})[-/](\d{1,2})(?![\d/-])/;

function valid(md: MonthDay): MonthDay | undefined {
  if (md.month < 1 || md.month > 12 || md.day < 1) return undefined;
  return md.day <= daysInMonth(md.year ?? 2000, md.month) ? md : undefined;
}

/** The first date in a piece of text and the text without it; undefined when there is none. */
export function findDate(text: string): { date: MonthDay; rest: string } | undefined {
  for (const [re, hasYear] of [[FULL, true], [MONTH_DAY_ZH, false], [MONTH_DAY, false]] as const) {
    const m = re.exec(text);
    if (!m) continue;
    const nums = m.slice(1).map(Number);
    const md = valid(hasYear ? { year: nums[0], month: nums[1], day: nums[2] } : { month: nums[0], day: nums[1] });
    if (md) return { date: md, rest: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/[:：\s]+$|^[:：\s]+/g, '').trim() };
  }
  return undefined;
}

/** Smallest serial taken as a date rather than an age (1901-01-01): "45" in "Age / birthday" is an age. */
const FIRST_DATE_SERIAL = 367;

/** The birthday in an "Age / birthday" cell: a date, a date with a year, or a month and day; undefined for an age or nothing. */
export function readBirthday(cell: unknown): MonthDay | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (typeof cell === 'number' || cell instanceof Date) {
    const serial = parseDate(cell);
    if (!serial.ok || serial.value < FIRST_DATE_SERIAL) return undefined;
    const [year, month, day] = serialToYmd(serial.value);
    return { year, month, day };
  }
  return findDate(String(cell))?.date;
}

/** Family occasions in a "Family" cell: each part (split at ; ， , 、 or a new line) holding a date, labelled with the rest of that part. */
export function readFamilyOccasions(cell: unknown): { label: string; date: MonthDay }[] {
  if (cell === null || cell === undefined) return [];
  if (typeof cell === 'number' || cell instanceof Date) {
    const b = readBirthday(cell);
    return b ? [{ label: '', date: b }] : [];
  }
  const out: { label: string; date: MonthDay }[] = [];
  for (const part of String(cell).split(/[;；，,、\n]+/)) {
    const found = findDate(part);
    if (found) out.push({ label: found.rest, date: found.date });
  }
  return out;
}
