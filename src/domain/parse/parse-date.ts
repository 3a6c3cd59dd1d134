import { cleanTyped } from './normalize-text';
import { fail, ok, type Parsed } from './parse-result';

/**
 * Dates as Excel serial day numbers (1900 date system), whole days: the time of day is dropped.
 * Accepted: serial numbers (as numbers or digit strings), JS Dates (their UTC date),
 * `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`, each optionally followed by a time
 * (`2026-03-01 08:26:00`, `2026-03-01T08:26:00Z`). Day-first or month-first forms such as
 * `03/01/2026` are ambiguous and rejected, as are dates that do not exist (2026-02-30).
 */

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01; valid for serials from 61 (1900-03-01) on. */
const UNIX_EPOCH_SERIAL = 25_569;
/** 9999-12-31, the last date Excel knows. */
export const MAX_SERIAL = 2_958_465;

const ISO_LIKE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[AP]M)?)?$/i;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2})[:时](\d{2})(?:[:分](\d{2})秒?)?)?$/;
const SERIAL_TEXT = /^\d+(?:\.\d+)?$/;

export function parseDate(input: unknown): Parsed<number> {
  if (input === null || input === undefined) return fail('empty', input);
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) return fail('not-a-date', input);
    return serialInRange(Math.floor(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL, input);
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not-a-date', input);
    return serialInRange(Math.floor(input), input);
  }
  if (typeof input !== 'string') return fail('not-a-date', input);
  const s = cleanTyped(input);
  if (s === '') return fail('empty', input);
  if (SERIAL_TEXT.test(s)) return serialInRange(Math.floor(Number(s)), input);
  const iso = ISO_LIKE.exec(s);
  const zh = iso ? null : CHINESE.exec(s);
  // Both patterns capture year, month, day, then optional hour, minute, second.
  const parts = iso ? [iso[1], iso[3], iso[4], iso[5], iso[6], iso[7]] : zh ? zh.slice(1, 7) : null;
  if (!parts) return fail('not-a-date', input);
  const [year, month, day] = parts.slice(0, 3).map(Number);
  const [hour, minute, second] = parts.slice(3).map((p) => (p === undefined ? 0 : Number(p)));
  if (!validYmd(year, month, day) || hour > 23 || minute > 59 || second > 59) return fail('invalid-date', input);
  return serialInRange(ymdToSerial(year, month, day), input);
}

function serialInRange(serial: number, input: unknown): Parsed<number> {
  if (serial < 1 || serial > MAX_SERIAL) return fail('date-out-of-range', input);
  if (serial === 60) return fail('date-out-of-range', input); // Excel's 1900-02-29 never existed.
  return ok(serial);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Serial of a calendar date, reproducing Excel's 1900 leap-year bug (serial 60 is skipped). */
export function ymdToSerial(year: number, month: number, day: number): number {
  const days = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
  return days >= 61 ? days : days - 1;
}

export function serialToYmd(serial: number): [number, number, number] {
  const s = Math.floor(serial);
  const days = s >= 61 ? s : s + 1;
  const d = new Date((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** `46082` → `2026-03-01`. */
export function serialToIso(serial: number): string {
  const [y, m, d] = serialToYmd(serial);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2026-03-01` → 46082; throws on anything but a valid yyyy-mm-dd (it is for code, not for input). */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !validYmd(+m[1], +m[2], +m[3])) throw new RangeError(`not an ISO date: ${iso}`);
  return ymdToSerial(+m[1], +m[2], +m[3]);
}

/** The UTC midnight Date of a serial, e.g. for writing a cell. */
export function serialToDate(serial: number): Date {
  const [y, m, d] = serialToYmd(serial);
  return new Date(Date.UTC(y, m - 1, d));
}
