import fc from 'fast-check';
import { daysInMonth, isoToSerial, parseDate, serialToDate, serialToIso } from '../../../src/domain/parse/parse-date';

const serial = (input: unknown) => {
  const r = parseDate(input);
  return r.ok ? r.value : r.error.code;
};

describe('parseDate', () => {
  test('Excel anchors, including the 1900 leap-year bug', () => {
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('1970-01-01')).toBe(25569);
    expect(isoToSerial('2026-03-01')).toBe(46082);
    expect(isoToSerial('9999-12-31')).toBe(2958465);
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serial(60)).toBe('date-out-of-range');
  });

  test.each([
    ['2026-03-01', 46082],
    ['2026/3/1', 46082],
    ['2026.3.1', 46082],
    ['2026年3月1日', 46082],
    ['2026 年 3 月 1 日', 46082],
    ['２０２６－０３－０１', 46082],
    ['2026-03-01 08:26:00', 46082],
    ['2026-03-01T23:59:59Z', 46082],
    ['2026-03-01 8:26', 46082],
    ["'2026-03-01", 46082],
    [46082, 46082],
    [46082.75, 46082],
    ['46082', 46082],
    [new Date(Date.UTC(2026, 2, 1, 23, 30)), 46082],
  ])('%p → %d', (input, expected) => expect(serial(input)).toBe(expected));

  test.each([
    ['2026-02-30', 'invalid-date'],
    ['2025-02-29', 'invalid-date'],
    ['2026-13-01', 'invalid-date'],
    ['2026-03-01 25:00', 'invalid-date'],
    ['03/01/2026', 'not-a-date'],
    ['March 1, 2026', 'not-a-date'],
    ['2026-3', 'not-a-date'],
    ['', 'empty'],
    [null, 'empty'],
    [0, 'date-out-of-range'],
    [-5, 'date-out-of-range'],
    [3e6, 'date-out-of-range'],
    [Number.NaN, 'not-a-date'],
    [new Date(Number.NaN), 'not-a-date'],
    [true, 'not-a-date'],
  ])('%p is rejected as %s', (input, expected) => expect(serial(input)).toBe(expected));

  test('2024-02-29 exists, 2100-02-29 does not', () => {
    expect(serialToIso(serial('2024-02-29') as number)).toBe('2024-02-29');
    expect(serial('2100-02-29')).toBe('invalid-date');
  });

  const ymd = fc
    .tuple(fc.integer({ min: 1901, max: 9998 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => d <= daysInMonth(y, m));

  test('property: every written form of a date gives the same serial, and serial ↔ ISO round-trips', () => {
    fc.assert(
      fc.property(ymd, fc.integer({ min: 0, max: 23 }), ([y, m, d], hour) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const s = isoToSerial(iso);
        expect(serialToIso(s)).toBe(iso);
        for (const form of [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${iso} ${String(hour).padStart(2, '0')}:15:00`, new Date(Date.UTC(y, m - 1, d, hour)), s, s + 0.5])
          expect(serial(form)).toBe(s);
        expect(serialToDate(s).toISOString().slice(0, 10)).toBe(iso);
      }),
    );
  });

  test('property: days past the end of the month are rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 9998 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        for (let d = daysInMonth(y, m) + 1; d <= 31; d++) expect(serial(`${y}-${m}-${d}`)).toBe('invalid-date');
      }),
    );
  });
});
