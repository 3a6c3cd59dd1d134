/**
 * The preview workbook's share-safe copies: same rules as in Excel, on the in-browser SheetSpecs.
 */
import { PreviewHost } from '../../src/taskpane/preview/preview-host';
import { getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';

const chain = (example: boolean) => getTemplate('decision-chain').build({ lang: 'en-US', example, today: FIXED_TODAY });

test('each generated sheet with personal data gets an emptied copy right after it; originals unchanged', async () => {
  const host = new PreviewHost();
  host.addData([{ name: 'Orders', table: { headers: ['Customer'], rows: [['A']], firstRowNumber: 2 } }]);
  await host.insertSheets(chain(true));
  await host.insertSheets(getTemplate('swot').build({ lang: 'en-US', example: true, today: FIXED_TODAY }));
  await host.insertSheets(chain(false));
  const original = JSON.stringify(host.getSheets());
  let emitted = 0;
  host.subscribe(() => emitted++);

  const result = await host.makeShareSafeCopy('en-US');
  expect(result).toEqual({
    copies: [{ source: 'Decision chain', copy: 'Decision chain (share-safe)', cells: 3, notes: 0 }],
    alreadySafe: ['Decision chain (2)'],
    notesUnchecked: false,
  });
  const sheets = host.getSheets();
  expect(sheets.map((s) => s.name)).toEqual(['Orders', 'Decision chain', 'Decision chain (share-safe)', 'SWOT', 'Decision chain (2)']);
  expect(host.activeSheet).toBe('Decision chain (share-safe)');
  expect(emitted).toBe(1);
  // The originals are the very same entries as before.
  expect(JSON.stringify(sheets.filter((s) => !s.name.endsWith('(share-safe)')))).toBe(original);

  const copy = sheets[2];
  if (copy.kind !== 'generated') throw new Error('the copy is a generated sheet');
  expect(copy.owner).toBeUndefined();
  const cell = (ref: string) => copy.spec.cells.find((c) => c.ref === ref);
  expect([cell('L8')?.value, cell('N7')?.value, cell('N9')?.value]).toEqual([null, null, null]);
  expect(cell('L6')).toMatchObject({ value: 'Hometown', note: 'Personal information removed for sharing.' });
  expect(cell('A7')?.value).not.toBeNull();
});

test('nothing marked: no copy, no change', async () => {
  const host = new PreviewHost();
  await host.insertSheets(getTemplate('swot').build({ lang: 'en-US', example: true, today: FIXED_TODAY }));
  const before = host.getSheets().map((s) => s.name);
  expect(await host.makeShareSafeCopy('zh-CN')).toEqual({ copies: [], alreadySafe: [], notesUnchecked: false });
  expect(host.getSheets().map((s) => s.name)).toEqual(before);
});
