import { PreviewHost, specToGrid } from '../../src/taskpane/preview/preview-host';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';

const rules: SheetSpec = {
  name: 'Rules',
  cells: [
    { ref: 'A1', value: 'rate' },
    { ref: 'B1', value: 7 },
  ],
};
const bonus: SheetSpec = {
  name: 'Bonus',
  cells: [{ ref: 'A1', value: { formula: 'Rules!B1*2' } }],
  conditionalFormats: [
    { ref: 'A1', rules: [{ type: 'expression', formula: "A1>'Rules'!B1", style: { fill: 'FF0000' } }] },
  ],
};

describe('PreviewHost (the in-browser workbook)', () => {
  test('uploaded data is read back with its row numbers; other sources are refused clearly', async () => {
    const host = new PreviewHost();
    const [name] = host.addData([{ name: 'orders', table: { headers: ['a'], rows: [[1], [2]], firstRowNumber: 3 } }]);
    expect(await host.readSource({ kind: 'sheet', name })).toEqual({
      label: 'orders',
      headers: ['a'],
      rows: [[1], [2]],
      firstRowNumber: 3,
    });
    await expect(host.readSource({ kind: 'selection' })).rejects.toMatchObject({ name: 'PreviewUnsupportedError' });
    await expect(host.readSource({ kind: 'sheet', name: 'nope' })).rejects.toMatchObject({
      name: 'HostError',
      code: 'sourceNotFound',
    });
  });

  test('a name already taken gets "(2)" and formulas that point at it follow', async () => {
    const host = new PreviewHost();
    await host.insertSheets([rules]);
    const names = await host.insertSheets([bonus, rules], { activate: true, owner: 'bonus' });
    expect(names).toEqual(['Bonus', 'Rules (2)']);
    expect(host.activeSheet).toBe('Bonus');
    const written = host.getSheets().find((s) => s.name === 'Bonus');
    expect(written?.kind === 'generated' && written.spec.cells[0].value).toEqual({ formula: "'Rules (2)'!B1*2" });
    const cf = written?.kind === 'generated' ? written.spec.conditionalFormats?.[0].rules[0] : undefined;
    expect(cf?.type === 'expression' && cf.formula).toBe("A1>'Rules (2)'!B1");
    expect(await host.listOwnedSheets()).toEqual([
      { name: 'Bonus', owner: 'bonus' },
      { name: 'Rules (2)', owner: 'bonus' },
    ]);
  });

  test('replace: only generated sheets the caller names are replaced, in place; data sheets never', async () => {
    const host = new PreviewHost();
    host.addData([{ name: 'Bonus', table: { headers: ['x'], rows: [], firstRowNumber: 2 } }]);
    const [first] = await host.insertSheets([bonus]);
    expect(first).toBe('Bonus (2)');
    const again = await host.insertSheets([{ ...bonus, cells: [{ ref: 'A1', value: 'new' }] }], {
      replace: ['Bonus (2)', 'Bonus'],
    });
    expect(again).toEqual(['Bonus (2)']);
    expect(host.getSheets().map((s) => [s.name, s.kind])).toEqual([
      ['Bonus', 'data'],
      ['Bonus (2)', 'generated'],
    ]);
  });

  test('generated sheets read back as a grid (formulas blank: the browser does not compute them)', () => {
    expect(specToGrid(bonus)).toEqual([[null]]);
    expect(specToGrid(rules)).toEqual([['rate', 7]]);
  });

  test('settings live for the session', async () => {
    const host = new PreviewHost();
    await host.setSetting('k', { a: 1 });
    expect(await host.getSetting('k')).toEqual({ a: 1 });
  });
});
