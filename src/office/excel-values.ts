import { isFormula, type CellContent } from '../sheets/core/sheet-spec';

/** What Range.formulas accepts per cell: a "=…" formula, a constant, or null (leave unchanged). */
export type CellInput = string | number | boolean | null;

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A UTC date as an Excel serial number (1900 date system, as .xlsx files and Office.js use). */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/**
 * Text Excel would turn into something else when it is written through the API as if typed:
 * formulas (=, +, -, @), numbers and dates in any locale (anything with a digit, e.g. "001",
 * "3月1日", "1/2"), booleans and error literals (#N/A). Such text gets Excel's leading
 * apostrophe, which stores it as text and is not part of the value.
 */
export function needsTextPrefix(text: string): boolean {
  return /^[=+\-@'#]/.test(text) || /[0-9０-９]/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/** Converts a SheetSpec cell into the value Range.formulas takes. */
export function toCellInput(content: CellContent): CellInput {
  if (content === null || content === undefined) return null;
  if (isFormula(content)) return `=${content.formula}`;
  if (content instanceof Date) return dateToSerial(content);
  if (typeof content === 'string') {
    if (content === '') return null;
    return needsTextPrefix(content) ? `'${content}` : content;
  }
  if (typeof content === 'number' && !Number.isFinite(content)) {
    throw new RangeError(`cannot write ${content} into a cell`);
  }
  return content;
}

/** Bytes of a string in UTF-8, the unit of Excel's request size limit. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Size in bytes of a value once serialised as JSON in a request. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}
