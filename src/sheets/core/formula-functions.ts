/**
 * Functions a written formula may use: ones Excel 2010 already had (docs/rules/sharing.md), so a shared
 * workbook computes the same in Excel 2016+, Excel on the web, WPS and LibreOffice.
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS', 'AND', 'AVERAGE', 'AVERAGEIF', 'AVERAGEIFS', 'CEILING', 'CHOOSE', 'COLUMN', 'COLUMNS', 'CONCATENATE',
  'COUNT', 'COUNTA', 'COUNTBLANK', 'COUNTIF', 'COUNTIFS', 'DATE', 'DATEDIF', 'DAY', 'EDATE', 'EOMONTH', 'EXACT',
  'FALSE', 'FIND', 'FLOOR', 'HLOOKUP', 'IF', 'IFERROR', 'INDEX', 'INT', 'ISBLANK', 'ISERROR', 'ISNA', 'ISNUMBER',
  'ISTEXT', 'LARGE', 'LEFT', 'LEN', 'LN', 'LOG10', 'LOOKUP', 'LOWER', 'MATCH', 'MAX', 'MEDIAN', 'MID', 'MIN',
  'MOD', 'MONTH', 'N', 'NETWORKDAYS', 'NOT', 'OR', 'PRODUCT', 'QUOTIENT', 'RANK', 'RIGHT', 'ROUND', 'ROUNDDOWN',
  'ROUNDUP', 'ROW', 'ROWS', 'SEARCH', 'SMALL', 'SUBSTITUTE', 'SUBTOTAL', 'SUM', 'SUMIF', 'SUMIFS', 'SUMPRODUCT',
  'TEXT', 'TODAY', 'TRIM', 'TRUE', 'UPPER', 'VALUE', 'VLOOKUP', 'WEEKDAY', 'WORKDAY', 'YEAR',
]);

/**
 * Names called as functions in a formula ("IF(", "_xlfn.IFS(" → "_XLFN.IFS"), ignoring text
 * inside string literals.
 */
export function functionsUsed(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: string[] = [];
  for (const m of withoutStrings.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) out.push(m[1].toUpperCase());
  return out;
}

export function disallowedFunctions(formula: string): string[] {
  return functionsUsed(formula).filter((f) => !ALLOWED_FUNCTIONS.has(f));
}
