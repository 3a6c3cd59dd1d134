import { Lunar } from 'lunar-typescript';

/**
 * The festivals of a Gregorian year on which customers are cared for (docs/rules/occasion-calendar.md):
 * fixed-date ones, and the lunar ones converted by lunar-typescript (6tail's Chinese calendar,
 * MIT) — Spring Festival on lunar 1-1, Lantern on 1-15, Dragon Boat on 5-5, Mid-Autumn on 8-15.
 * A lunar festival of lunar year Y always falls in Gregorian year Y.
 */

export type FestivalKey = 'newYear' | 'springFestival' | 'lantern' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay';

export interface Festival {
  key: FestivalKey;
  /** yyyy-mm-dd */
  date: string;
  lunar: boolean;
}

const LUNAR: [FestivalKey, number, number][] = [
  ['springFestival', 1, 1],
  ['lantern', 1, 15],
  ['dragonBoat', 5, 5],
  ['midAutumn', 8, 15],
];
const SOLAR: [FestivalKey, number, number][] = [
  ['newYear', 1, 1],
  ['labourDay', 5, 1],
  ['nationalDay', 10, 1],
];

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The year's festivals in date order. Years 1901–2099 (the library reaches further; the sheet's dates do not need to). */
export function festivalsOfYear(year: number): Festival[] {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) throw new RangeError(`festivals are computed for the years 1901–2099; got ${year}`);
  const out: Festival[] = SOLAR.map(([key, m, d]) => ({ key, date: iso(year, m, d), lunar: false }));
  for (const [key, m, d] of LUNAR) {
    const s = Lunar.fromYmd(year, m, d).getSolar();
    out.push({ key, date: iso(s.getYear(), s.getMonth(), s.getDay()), lunar: true });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
