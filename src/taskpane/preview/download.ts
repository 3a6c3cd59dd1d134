import { withRowsAsCells } from '../../sheets/core/row-blocks';
import type { SheetSpec } from '../../sheets/core/sheet-spec';
import { previewEngine } from './engine';

/**
 * Renders sheets to .xlsx in the browser with our writer, every formula with its computed value
 * stored beside it; the writer and the engine are fetched only now, never on first load.
 */
export async function renderXlsx(sheets: SheetSpec[], title?: string): Promise<Blob> {
  const [{ renderWorkbook }, { withCachedValues }, engine] = await Promise.all([
    import('../../xlsx/render-workbook'),
    import('../../xlsx/evaluate/with-cached-values'),
    previewEngine(),
  ]);
  // Generated rows as cells: the writer on this branch writes cells only (the streamed writer
  // that takes SheetSpec.rowBlocks as they are is another branch's).
  const bytes = await renderWorkbook(withCachedValues({ sheets: sheets.map(withRowsAsCells), title }, engine).workbook);
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "SWOT 分析" → "SWOT 分析.xlsx"; characters file systems reject become "-". */
export function xlsxFileName(base: string): string {
  const clean = base.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'workbook';
  return `${clean}.xlsx`;
}
