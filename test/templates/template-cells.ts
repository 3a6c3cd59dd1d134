/**
 * The template tests' short names for the cell finders of test/support/spec-cells.ts: a table's
 * rows and columns by header, and a form value by its label (`offset` columns further right).
 */
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { cellBeside, cellRightOf, tableCells } from '../support/spec-cells';

export const table = tableCells;

export function valueOf(sheet: SheetSpec, label: string, kind: 'formula' | 'input' = 'formula', offset = 0): string {
  return cellRightOf(cellBeside(sheet, label, kind), offset);
}
