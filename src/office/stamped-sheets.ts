/**
 * The sheets of the open workbook that carry our version stamp: the AP_Sheet name scoped to each
 * sheet (src/sheets/core/stamp.ts), read with the sheet's own name list (ExcelApi 1.4). Two round
 * trips whatever the number of sheets.
 */
import type { StampedSheet } from '../host/workbook-host';
import { parseStamp, SHEET_STAMP_NAME } from '../sheets/core/stamp';

export async function readStampedSheets(context: Excel.RequestContext, signal?: AbortSignal): Promise<StampedSheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  signal?.throwIfAborted();
  const scoped = sheets.items.map((ws) => ({ ws, names: ws.names.load('items/name,items/formula') }));
  await context.sync();
  signal?.throwIfAborted();
  return scoped.flatMap(({ ws, names }) => {
    const item = names.items.find((n) => n.name.toLowerCase() === SHEET_STAMP_NAME.toLowerCase());
    const stamp = item ? parseStamp(String(item.formula ?? '')) : undefined;
    return stamp ? [{ name: ws.name, ...stamp }] : [];
  });
}
