/**
 * Editing an input cell of the preview workbook: the value is written, every formula (on any
 * sheet) is evaluated again by IronCalc, values computed beforehand are not kept, and the
 * download carries the edit; formulas and cells not marked as input are refused.
 */
import { readStoredFormulas } from '../support/stored-values';
import { PreviewHost } from '../../src/taskpane/preview/preview-host';
import { createPreviewWorkbook } from '../../src/taskpane/preview/preview-workbook';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';

const rules: SheetSpec = {
  name: 'Rules',
  cells: [
    { ref: 'A1', value: 'rate' },
    { ref: 'B1', value: 0.1, style: { locked: false, numFmt: '0%' } },
    { ref: 'B2', value: 'fixed' },
  ],
};
const bonus: SheetSpec = {
  name: 'Bonus',
  cells: [
    { ref: 'A1', value: 1000, style: { locked: false, numFmt: '#,##0.00' } },
    // A value the builder computed beforehand (as ABC and bonus sheets carry): stale after an edit.
    { ref: 'B1', value: { formula: 'A1*Rules!B1', cached: 100 } },
  ],
};

test('an edit is parsed, written and every sheet evaluated again; the download carries it', async () => {
  const host = new PreviewHost();
  let blob: Blob | undefined;
  const wb = createPreviewWorkbook(host, (b) => (blob = b));
  await host.insertSheets([rules]);
  await host.insertSheets([bonus]);
  expect(wb.generatedSheets()).toEqual(['Rules', 'Bonus']);
  let changes = 0;
  wb.subscribe(() => changes++);

  expect(await wb.editCell('Rules', 'B1', '25%')).toEqual({ ok: true, value: 0.25 });
  expect(changes).toBe(1);
  const cell = (sheet: string, ref: string) => wb.sheet(sheet)!.cells.find((c) => c.ref === ref)!.value;
  expect(cell('Rules', 'B1')).toBe(0.25);
  expect(cell('Bonus', 'B1')).toEqual({ formula: 'A1*Rules!B1', cached: 250 });

  expect(await wb.editCell('Bonus', 'A1', '2,000.50')).toEqual({ ok: true, value: 2000.5 });
  expect(cell('Bonus', 'B1')).toEqual({ formula: 'A1*Rules!B1', cached: 500.125 });

  // Refused: unreadable text (nothing changes), a formula, a cell not marked as input.
  expect(await wb.editCell('Bonus', 'A1', 'lots')).toMatchObject({ ok: false, error: { code: 'not-a-number' } });
  expect(cell('Bonus', 'A1')).toBe(2000.5);
  await expect(wb.editCell('Bonus', 'B1', '3')).rejects.toThrow('Bonus!B1 is not an input cell');
  await expect(wb.editCell('Rules', 'B2', 'x')).rejects.toThrow('Rules!B2 is not an input cell');
  expect(changes).toBe(2);

  await wb.download(wb.generatedSheets(), 'session');
  const stored = await readStoredFormulas(new Uint8Array(await blob!.arrayBuffer()));
  expect([...stored.keys()]).toEqual(['Rules', 'Bonus']);
  expect(stored.get('Bonus')!.get('B1')).toEqual({ formula: 'A1*Rules!B1', value: 500.125 });
});
