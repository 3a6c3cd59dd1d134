/**
 * Example rows are dated relative to the day a template is made for, so that on any day the
 * example shows the same mix of on-time, overdue, stalled and closed rows and the same monthly
 * counts. All dates are whole UTC days (the SheetSpec's date convention).
 */

const DAY = 86_400_000;

function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The day `days` days after `today` (before it when negative). */
export function daysFrom(today: Date, days: number): Date {
  return new Date(utcDay(today).getTime() + days * DAY);
}

/** The first day of the month `months` months after today's month. */
export function monthStart(today: Date, months = 0): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, 1));
}

/** The last day of the month `months` months after today's month (as EOMONTH). */
export function monthEnd(today: Date, months = 0): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months + 1, 0));
}

/**
 * `days` days before today, but not before the first day of today's month: a visit the example
 * counts as "this month" stays in this month even when the template is made on the 1st.
 */
export function earlierThisMonth(today: Date, days: number): Date {
  const d = daysFrom(today, -days);
  const start = monthStart(today);
  return d < start ? start : d;
}

/** ISO yyyy-mm-dd of a date, for messages and tests. */
export function isoDay(d: Date): string {
  return utcDay(d).toISOString().slice(0, 10);
}
