/** @jest-environment jsdom */
/**
 * The preview shows what formulas compute, through each cell's number format, from IronCalc —
 * the engine the downloads store their values with. Loaded from the file system here (the
 * browser fetches it as a lazy chunk).
 */
import { waitFor } from '@testing-library/react';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { PreviewHost } from '../../src/taskpane/preview/preview-host';
import { createPreviewWorkbook } from '../../src/taskpane/preview/preview-workbook';
import { SheetPreview } from '../../src/taskpane/preview/SheetPreview';
import { setPreviewEngineLoader } from '../../src/taskpane/preview/engine';
import { loadIronCalcNode } from '../../src/xlsx/evaluate/load-node';
import { renderInPane } from './support/render';

const node = async () => loadIronCalcNode();
// The suite's setup loads the engine from disk for every test (test/support/jest-setup.ts).
afterEach(() => setPreviewEngineLoader(node));

const rules: SheetSpec = {
  name: 'Rules',
  cells: [
    { ref: 'A1', value: 'rate' },
    { ref: 'B1', value: 0.125 },
  ],
};
const bonus: SheetSpec = {
  name: 'Bonus',
  cells: [
    { ref: 'A1', value: 'Amount' },
    { ref: 'B1', value: 9876.5, style: { numFmt: '"¥"#,##0.00' } },
    { ref: 'A2', value: 'Bonus' },
    { ref: 'B2', value: { formula: 'B1*Rules!B1' }, style: { numFmt: '"¥"#,##0.00' } },
    { ref: 'A3', value: 'Rate' },
    { ref: 'B3', value: { formula: 'Rules!B1' }, style: { numFmt: '0.0%' } },
    { ref: 'A4', value: 'Paid' },
    { ref: 'B4', value: { formula: 'DATE(2026,7,1)+B5' }, style: { numFmt: 'yyyy-mm-dd' } },
    { ref: 'B5', value: 14 },
    { ref: 'B6', value: new Date(Date.UTC(2026, 2, 15)), style: { numFmt: 'yyyy-mm-dd' } },
    { ref: 'A6', value: { formula: 'IF(B2>1000,"high","low")' } },
  ],
};

test('the preview workbook computes every generated sheet together; sheet() hands out the values', async () => {
  const host = new PreviewHost(node);
  await host.insertSheets([rules]);
  await host.insertSheets([bonus]);
  const preview = createPreviewWorkbook(host);
  const cells = new Map(preview.sheet('Bonus')!.cells.map((c) => [c.ref, c.value]));
  expect(cells.get('B2')).toEqual({ formula: 'B1*Rules!B1', cached: 1234.5625 });
  expect(cells.get('B3')).toEqual({ formula: 'Rules!B1', cached: 0.125 });
  // 2026-07-01 is serial 46204, plus 14 days.
  expect(cells.get('B4')).toEqual({ formula: 'DATE(2026,7,1)+B5', cached: 46218 });
  expect(cells.get('A6')).toEqual({ formula: 'IF(B2>1000,"high","low")', cached: 'high' });
  // The host's own specs are left as they were written.
  const raw = host.getSheets().find((s) => s.name === 'Bonus');
  expect(raw?.kind === 'generated' && raw.spec.cells[3].value).toEqual({ formula: 'B1*Rules!B1' });
  expect(preview.sheet('Bonus')).toBe(preview.sheet('Bonus'));
});

test('SheetPreview shows values in the cells’ number formats, not formula text', async () => {
  setPreviewEngineLoader(node);
  const host = new PreviewHost(node);
  await host.insertSheets([rules, bonus]);
  const view = renderInPane(<SheetPreview spec={createPreviewWorkbook(host).sheet('Bonus')!} />);
  await waitFor(() => expect(view.getByText('¥1,234.56')).toBeTruthy());
  for (const text of ['¥9,876.50', '12.5%', '2026-07-15', '2026-03-15', 'high']) expect(view.getByText(text)).toBeTruthy();
  expect(view.queryByText(/=B1\*Rules!B1/)).toBeNull();
  expect(view.getByText(/computed here/)).toBeTruthy();
});

test('without the engine (offline) the preview shows the formulas and says so', async () => {
  const offline = () => Promise.reject(new Error('offline'));
  setPreviewEngineLoader(offline);
  const host = new PreviewHost(offline);
  await host.insertSheets([rules, bonus]);
  expect(host.valuesUnavailable).toBe(true);
  const view = renderInPane(<SheetPreview spec={createPreviewWorkbook(host).sheet('Bonus')!} />);
  expect(view.getByText('=B1*Rules!B1')).toBeTruthy();
  expect(view.getByText(/shown as written/)).toBeTruthy();
});
