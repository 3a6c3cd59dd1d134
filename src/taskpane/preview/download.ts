import type { SheetSpec } from '../../sheets/core/sheet-spec';

/** Renders sheets to .xlsx in the browser; ExcelJS is fetched only now, never on first load. */
export async function renderXlsx(sheets: SheetSpec[], title?: string): Promise<Blob> {
  const { renderWorkbook } = await import('../../xlsx/render-workbook');
  const bytes = await renderWorkbook({ sheets, title });
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
