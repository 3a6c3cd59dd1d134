import { daysInMonth, parseDate, serialToYmd } from '../parse/parse-date';
import { festivalsOfYear, type FestivalKey } from './festivals';

/**
 * The occasion calendar (docs/rules/occasion-calendar.md): for a window of dates (a month from
 * a start date), the contacts' birthdays and family occasions taken from the decision chain,
 * and the festivals of the years the window touches, each with a suggested care action.
 * Personal: the people and their occasions; the sheet marks them so share-safe copies drop them.
 */

export type CareAction = 'card' | 'call' | 'visit';
export type OccasionKind = 'birthday' | 'family' | 'festival';

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

export interface Occasion {
  /** yyyy-mm-dd */
  date: string;
  kind: OccasionKind;
  festival?: FestivalKey;
  customer?: string;
  person?: string;
  /** The family occasion's label. */
  detail?: string;
  action: CareAction;
}

/** Our defaults: the two gift festivals are visited, the other festivals get a card, birthdays a call, family occasions a card. */
export const FESTIVAL_ACTIONS: Record<FestivalKey, CareAction> = {
  newYear: 'card',
  springFestival: 'visit',
  lantern: 'card',
  labourDay: 'card',
  dragonBoat: 'card',
  midAutumn: 'visit',
  nationalDay: 'card',
};
export const BIRTHDAY_ACTION: CareAction = 'call';
export const FAMILY_ACTION: CareAction = 'card';

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The window: from `start` (yyyy-mm-dd) up to the same day of the next month, excluded. */
export function monthAhead(start: string): { from: string; to: string } {
  const [y, m, d] = start.split('-').map(Number);
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return { from: start, to: iso(ny, nm, Math.min(d, daysInMonth(ny, nm))) };
}

/** The day a yearly date falls on in `year`: 29 February on 28 February in other years. */
function inYear(md: MonthDay, year: number): string {
  return iso(year, md.month, Math.min(md.day, daysInMonth(year, md.month)));
}

/**
 * The dates of `md` inside [from, to): a date with a year on or after the window's start is that
 * one day; a date without a year, or with a year before the window (a birthday, an anniversary),
 * comes back every year.
 */
function datesIn(md: MonthDay, from: string, to: string): string[] {
  if (md.year !== undefined && iso(md.year, md.month, md.day) >= from) {
    const d = iso(md.year, md.month, md.day);
    return d < to ? [d] : [];
  }
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const d = inYear(md, y);
    if (d >= from && d < to) out.push(d);
  }
  return out;
}

export function occasionCalendar(contacts: readonly Contact[], window: { from: string; to: string }): Occasion[] {
  const { from, to } = window;
  const out: Occasion[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    for (const f of festivalsOfYear(y)) if (f.date >= from && f.date < to) out.push({ date: f.date, kind: 'festival', festival: f.key, action: FESTIVAL_ACTIONS[f.key] });
  for (const c of contacts) {
    if (c.birthday) for (const date of datesIn(c.birthday, from, to)) out.push({ date, kind: 'birthday', customer: c.customer, person: c.person, action: BIRTHDAY_ACTION });
    for (const o of c.occasions)
      for (const date of datesIn(o.date, from, to)) out.push({ date, kind: 'family', customer: c.customer, person: c.person, detail: o.label, action: FAMILY_ACTION });
  }
  const kindOrder: Record<OccasionKind, number> = { festival: 0, birthday: 1, family: 2 };
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : kindOrder[a.kind] - kindOrder[b.kind] || (a.person ?? '').localeCompare(b.person ?? '')));
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
