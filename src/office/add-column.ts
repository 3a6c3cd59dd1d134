/**
 * Appends one column to the user's data (the ABC tier beside the customer rows): the only
 * place the add-in writes into cells it did not create. The host calls it only after the user
 * confirmed; it refuses, before writing anything, when the target column holds any data.
 */
import { cellRef, columnLetter, parseRange, rangeRef } from '../sheets/core/a1';
import { toCellInput, type CellInput } from './excel-values';
import { HostError, throwIfAborted, toHostError } from '../host/host-error';
import { resolveSource } from './read-range';
import { DEFAULT_MAX_REQUEST_BYTES } from './apply-sheet-spec';
import { splitBlock } from './write-plan';
import type { DataSourceRef, NewColumn } from '../host/workbook-host';

export async function appendColumn(
  context: Excel.RequestContext,
  ref: DataSourceRef,
  column: NewColumn,
  signal?: AbortSignal,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
): Promise<{ address: string }> {
  throwIfAborted(signal, 'add column');
  const source = await resolveSource(context, ref);
  const dataRows = source.rows - 1;
  if (column.values.length !== dataRows) {
    throw new HostError('columnLengthMismatch', `${column.values.length} values for ${dataRows} data rows of ${source.label}`, {
      params: { values: column.values.length, rows: dataRows, label: source.label },
    });
  }
  const pos = parseRange(source.address);
  const col = pos.right + 1;
  const sheet = context.workbook.worksheets.getItem(source.sheet);
  const target = sheet.getRange(rangeRef(pos.top, col, pos.bottom, col));
  target.load('formulas');
  const table = source.table ? context.workbook.tables.getItem(source.table) : undefined;
  const tableColumns = table?.columns;
  tableColumns?.load('items/name');
  try {
    await context.sync();
  } catch (e) {
    throw toHostError(e, `check column ${columnLetter(col)} of ${source.sheet}`);
  }
  const used = target.formulas.findIndex((row) => row[0] !== '' && row[0] !== null);
  if (used >= 0) {
    const at = cellRef(pos.top + used, col);
    throw new HostError('columnNotEmpty', `${source.sheet}!${at} is not empty; nothing was written`, {
      params: { cell: `${source.sheet}!${at}`, column: columnLetter(col) },
    });
  }
  if (tableColumns && tableColumns.items.some((c) => c.name.trim().toLowerCase() === column.header.trim().toLowerCase())) {
    throw new HostError('columnExists', `table ${source.table} already has a column "${column.header}"`, {
      params: { table: source.table ?? '', header: column.header },
    });
  }

  // A table grows by one named column first; then header and values are written in chunks.
  const data: CellInput[][] = [[toCellInput(column.header)], ...column.values.map((v) => [toCellInput(v)])];
  const parts = splitBlock({ top: pos.top, left: col, bottom: pos.bottom, right: col, data }, maxRequestBytes - 1024);
  try {
    for (let i = 0; i < parts.length; i++) {
      throwIfAborted(signal, 'add column');
      if (i === 0 && table) table.columns.add(undefined, undefined, column.header);
      const part = parts[i];
      sheet.getRange(rangeRef(part.top, col, part.bottom, col)).formulas = part.data;
      // One request per chunk, as the 5 MB request limit requires.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  } catch (e) {
    throw toHostError(e, `write column ${columnLetter(col)} of ${source.sheet}`);
  }
  return { address: `${source.sheet}!${rangeRef(pos.top, col, pos.bottom, col)}` };
}
