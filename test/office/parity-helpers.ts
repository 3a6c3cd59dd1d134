/**
 * Writes the same SheetSpecs twice — through the Office writer into the fake Excel and through
 * the .xlsx renderer into a file — and returns both snapshots per sheet, for parity tests.
 */
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { uniqueSheetName } from '../../src/sheets/core/sheet-names';
import { OfficeHost } from '../../src/office/office-host';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { installFakeExcel } from './fake-excel/install';
import { snapshotFake, snapshotXlsx, type GridSnapshot } from './grid-snapshot';

export interface ParityResult {
  sheets: { name: string; office: GridSnapshot; file: GridSnapshot }[];
  syncs: number;
}

export async function writeBoth(specs: SheetSpec[], apiVersion = '1.18'): Promise<ParityResult> {
  const fake = installFakeExcel({ apiVersion });
  try {
    const mark = fake.session.mark();
    const officeNames = await new OfficeHost().insertSheets(specs);
    const syncs = fake.session.since(mark).length;
    const bytes = await renderWorkbook({ sheets: specs });
    const taken: string[] = [];
    const sheets = [];
    for (let i = 0; i < specs.length; i++) {
      const fileName = uniqueSheetName(specs[i].name, taken);
      taken.push(fileName);
      sheets.push({ name: officeNames[i], office: snapshotFake(fake.model, officeNames[i]), file: await snapshotXlsx(bytes, fileName) });
    }
    return { sheets, syncs };
  } finally {
    fake.uninstall();
  }
}
