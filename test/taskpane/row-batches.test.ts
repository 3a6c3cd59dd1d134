import { rowBatches } from '../../src/taskpane/services/row-batches';

async function collect(rows: unknown[][], first = 2) {
  const out: { rowNumber: number; cells: unknown[] }[] = [];
  for await (const batch of rowBatches(rows, first)) out.push(...batch);
  return out;
}

describe('rowBatches', () => {
  test('skips rows with nothing in them, keeping the sheet row numbers of the others', async () => {
    const rows = [['A', 1], [null, null], ['', '  '], ['B', 2], [null, 0], [], [null, undefined]];
    const out = await collect(rows, 5);
    expect(out.map((r) => r.rowNumber)).toEqual([5, 8, 9]);
    expect(out.map((r) => r.cells)).toEqual([
      ['A', 1],
      ['B', 2],
      [null, 0],
    ]);
  });

  test('a row with only a blank customer but a value is kept (the engine reports it)', async () => {
    const out = await collect([[' ', 100]]);
    expect(out).toEqual([{ rowNumber: 2, cells: [' ', 100] }]);
  });

  test('large inputs come in several batches, and an aborted signal stops them', async () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => [`c${i}`, i]);
    const sizes: number[] = [];
    for await (const batch of rowBatches(rows, 2)) sizes.push(batch.length);
    expect(sizes).toEqual([5000, 5000, 2001]);
    const controller = new AbortController();
    controller.abort();
    const it = rowBatches(rows, 2, controller.signal);
    await expect(it.next()).rejects.toThrow();
  });
});
