import type { WorkbookHost } from '../../host/workbook-host';

/** The Office.js WorkbookHost (src/office), fetched as its own chunk so preview mode never loads it. */
export async function loadExcelHost(): Promise<WorkbookHost> {
  const { OfficeHost } = await import(/* webpackChunkName: "office-host" */ '../../office/office-host');
  return new OfficeHost();
}
