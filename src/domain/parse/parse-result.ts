/**
 * The outcome of reading one value a person or an ERP export typed. Parsers never throw on bad
 * input and never fall back to 0: they say what was wrong so the caller can name the row.
 */
export type ParseErrorCode =
  /** Blank cell or only spaces. Whether that is an error is the caller's decision. */
  | 'empty'
  | 'not-a-number'
  /** `1 234,5`, `1.234,5`, `1,23`: a decimal comma or odd grouping (docs/rules/parsing.md; read with the decimal-comma choice). */
  | 'decimal-comma'
  /** `1,234.5` in a column read with decimal commas. */
  | 'decimal-point'
  /** Infinity, NaN, or a number too large to be an amount. */
  | 'not-finite'
  /** Beyond what a spreadsheet cell holds: |x| > 9.99999999999999E+307 (docs/rules/parsing.md). */
  | 'out-of-range'
  /** More than 30 digits: no amount has them; a cell of thousands of digits is a broken export. */
  | 'too-many-digits'
  /** A bare number above 1 in a percent field: 12 could mean 12 % or 1,200 %. */
  | 'ambiguous-percent'
  /** Two different currency marks in one value, e.g. `$100 元`. */
  | 'conflicting-currency'
  | 'not-a-date'
  /** Looks like a date but does not exist, e.g. 2026-02-30. */
  | 'invalid-date'
  /** A date before 1900-01-01 or after 9999-12-31, or Excel's fictitious 1900-02-29. */
  | 'date-out-of-range'
  /** A `--map` option that is not `field=Header,…`. */
  | 'bad-map';

export interface ParseError {
  code: ParseErrorCode;
  /** The input as text, for the message. */
  input: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ParseErrorCode, input: unknown): Parsed<T> {
  return { ok: false, error: { code, input: describeInput(input) } };
}

/** A short text form of any input, for error messages (never more than 60 characters). */
export function describeInput(input: unknown): string {
  let s: string;
  if (input === null || input === undefined) s = '';
  else if (input instanceof Date) s = Number.isNaN(input.getTime()) ? 'Invalid Date' : input.toISOString();
  else if (typeof input === 'object') {
    try {
      s = JSON.stringify(input) ?? String(input);
    } catch {
      s = String(input);
    }
  } else s = String(input);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Every code has a sentence in src/i18n/parse.ts (a missing one is a compile error here). */
export const EVERY_PARSE_ERROR_HAS_A_MESSAGE: ParseErrorCode extends keyof (typeof import('../../i18n/parse').default)['en-US'] ? true : never = true;
