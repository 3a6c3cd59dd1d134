import { daysInMonth } from '../parse/parse-date';
import { festivalsOfYear, type FestivalKey } from './festivals';
import type { Contact, MonthDay } from './contact-dates';

// The contacts and the dates read from the decision chain live apart from the festivals (and
// their lunar-calendar library), so a reader of the chain does not load them.
export { findDate, readBirthday, readFamilyOccasions, type Contact, type MonthDay } from './contact-dates';

/**
 * The occasion calendar (docs/rules/occasion-calendar.md): for a window of dates (a month from
 * a start date), the contacts' birthdays and family occasions taken from the decision chain,
 * and the festivals of the years the window touches, each with a suggested care action.
 * Personal: the people and their occasions; the sheet marks them so share-safe copies drop them.
 */

export type CareAction = 'card' | 'call' | 'visit';
export type OccasionKind = 'birthday' | 'family' | 'festival';

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
