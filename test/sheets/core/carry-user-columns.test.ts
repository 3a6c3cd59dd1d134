import type { TableData } from '../../../src/host/workbook-host';
import type { SheetSpec } from '../../../src/sheets/core/sheet-spec';
import { carryUserColumns } from '../../../src/sheets/core/carry-user-columns';

/** A result sheet: title in row 1, table A3:C… with Rep, Contract, Bonus. */
function spec(rows: [string, string, number][]): SheetSpec {
  const cells: SheetSpec['cells'] = [
    { ref: 'A1', value: 'Bonus' },
    { ref: 'A3', value: 'Rep' },
    { ref: 'B3', value: 'Contract' },
    { ref: 'C3', value: 'Bonus' },
  ];
  rows.forEach((r, i) => r.forEach((v, j) => cells.push({ ref: `${'ABC'[j]}${4 + i}`, value: v })));
  return {
    name: 'Bonus',
    cells,
    tables: [{ name: 'T', ref: `A3:C${3 + Math.max(rows.length, 1)}`, columns: [], style: 'TableStyleLight9' }],
  };
}

/** The old sheet as readSource returns it: its used range, header = row 1. */
function sheet(grid: unknown[][]): TableData {
  const width = Math.max(...grid.map((r) => r.length));
  const full = grid.map((r) =>
    Array.from({ length: width }, (_, i) => (r[i] === undefined || r[i] === '' ? null : r[i])),
  );
  return {
    label: `'Bonus'!A1:${String.fromCharCode(64 + width)}${grid.length}`,
    headers: full[0].map((h) => (h === null ? '' : String(h))),
    rows: full.slice(1),
    firstRowNumber: 2,
  };
}

const cellsOf = (s: SheetSpec) => Object.fromEntries(s.cells.map((c) => [c.ref, c.value]));

describe('carrying the columns people added', () => {
  const old = sheet([
    ['Bonus'],
    [],
    ['Rep', 'Contract', 'Bonus', 'Note', 'Follow-up'],
    ['Ann', 'C1', 100, 'checked', 'call'],
    ['Bob', 'C2', 50, 'paid late'],
    ['Cid', 'C3', 0],
  ]);

  test('a note on a matching row stays on its row; one whose row is gone is kept below, labelled, with its keys', () => {
    const { spec: out, unmatched } = carryUserColumns(
      spec([
        ['Ann', 'C1', 120],
        ['Cid', 'C3', 10],
      ]),
      old,
      'en-US',
    );
    expect(unmatched).toBe(1);
    const c = cellsOf(out);
    expect([c.D3, c.E3, c.D4, c.E4, c.D5]).toEqual(['Note', 'Follow-up', 'checked', 'call', undefined]);
    // Below everything (last row 5) after two blank rows: title, explanation, header, the note.
    expect(c.A8).toBe('Notes whose row is no longer in the result');
    expect(String(c.A9)).toMatch(/^Kept by Recalculate/);
    expect([c.A10, c.B10, c.D10, c.E10]).toEqual(['Rep', 'Contract', 'Note', 'Follow-up']);
    expect([c.A11, c.B11, c.D11, c.E11]).toEqual(['Bob', 'C2', 'paid late', undefined]);
    expect(out.cells.filter((x) => x.value === 'paid late')).toHaveLength(1);
  });

  test('labelled in the sheet language', () => {
    const { spec: out } = carryUserColumns(spec([['Ann', 'C1', 120]]), old, 'zh-CN');
    expect(out.cells.some((x) => x.value === '已无法对应到结果行的备注')).toBe(true);
  });

  test('nothing unmatched: no block', () => {
    const { spec: out, unmatched } = carryUserColumns(
      spec([
        ['Ann', 'C1', 1],
        ['Bob', 'C2', 2],
        ['Cid', 'C3', 3],
      ]),
      old,
      'en-US',
    );
    expect(unmatched).toBe(0);
    expect(out.cells.some((x) => x.value === 'Notes whose row is no longer in the result')).toBe(false);
  });

  test('the next Recalculate reads the block back: a note whose row returns goes back to it, the rest stay below once', () => {
    const first = carryUserColumns(spec([['Ann', 'C1', 120]]), old, 'en-US').spec;
    // The sheet as written, read back: the Bob note sits in the block.
    const grid: unknown[][] = [];
    for (const cell of first.cells) {
      const m = /^([A-Z])(\d+)$/.exec(cell.ref)!;
      const r = Number(m[2]) - 1;
      (grid[r] ??= [])[m[1].charCodeAt(0) - 65] = cell.value;
    }
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    const back = sheet(grid);

    const again = carryUserColumns(spec([['Ann', 'C1', 130]]), back, 'en-US');
    expect(again.unmatched).toBe(1);
    expect(again.spec.cells.filter((x) => x.value === 'paid late')).toHaveLength(1);
    expect(again.spec.cells.filter((x) => x.value === 'Notes whose row is no longer in the result')).toHaveLength(1);

    const returned = carryUserColumns(
      spec([
        ['Ann', 'C1', 130],
        ['Bob', 'C2', 60],
      ]),
      back,
      'en-US',
    );
    expect(returned.unmatched).toBe(0);
    expect(cellsOf(returned.spec).D5).toBe('paid late');
  });
});
