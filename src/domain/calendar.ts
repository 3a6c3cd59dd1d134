/**
 * Calendar arithmetic on Excel serial day numbers (1 = 1900-01-01, 25569 = 1970-01-01), the form
 * parseDate returns and the form the bonus sheets' formulas work on, so EDATE and quarter ends
 * here agree with Excel's to the day.
 */
import { daysInMonth, serialToYmd, ymdToSerial } from './parse/parse-date';

export { serialToIso as isoOf } from './parse/parse-date';

/** Excel's EDATE: the same day `months` later, clamped to the last day of a shorter month. */
export function edate(serial: number, months: number): number {
  const [year, month, day] = serialToYmd(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymdToSerial(y, m, Math.min(day, daysInMonth(y, m)));
}

export interface Quarter {
  year: number;
  /** 1–4 */
  q: number;
}

export function quarterOf(serial: number): Quarter {
  const [year, month] = serialToYmd(serial);
  return { year, q: Math.ceil(month / 3) };
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}Q${q.q}`;
}

export function quarterEnd(q: Quarter): number {
  return q.q === 4 ? ymdToSerial(q.year, 12, 31) : ymdToSerial(q.year, q.q * 3 + 1, 1) - 1;
}

/** "2026-04": the month `monthsAfter` months after the quarter's last month. */
export function monthAfterQuarter(q: Quarter, monthsAfter: number): string {
  const total = q.year * 12 + (q.q * 3 - 1) + monthsAfter;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** A settlement period: inclusive first and last day. */
export interface Period {
  label: string;
  start: number;
  end: number;
}

/** "2026Q1", "2026-03" (a month) or "2026" (a year); undefined when the text is none of these. */
export function parsePeriod(text: string): Period | undefined {
  const s = text.trim().toUpperCase();
  let m = /^(\d{4})-?Q([1-4])$/.exec(s);
  if (m) {
    const q = { year: Number(m[1]), q: Number(m[2]) };
    return { label: quarterLabel(q), start: ymdToSerial(q.year, q.q * 3 - 2, 1), end: quarterEnd(q) };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { label: `${y}-${String(mo).padStart(2, '0')}`, start: ymdToSerial(y, mo, 1), end: ymdToSerial(y, mo, daysInMonth(y, mo)) };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return { label: String(y), start: ymdToSerial(y, 1, 1), end: ymdToSerial(y, 12, 31) };
  }
  return undefined;
}

export function inPeriod(serial: number, period: Period | undefined): boolean {
  return !period || (serial >= period.start && serial <= period.end);
}
