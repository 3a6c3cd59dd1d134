import { AbortError } from '../../src/domain/run-progress';
import { eachRow, isBlankRow, type RowRecord } from '../../src/domain/table-rows';

async function collect(table: Parameters<typeof eachRow>[0], options: Parameters<typeof eachRow>[1] = {}): Promise<[unknown[], number][]> {
  const out: [unknown[], number][] = [];
  await eachRow(table, options, (cells, row) => out.push([[...cells], row]));
  return out;
}

describe('table rows', () => {
  test('a row is blank when no cell holds anything: null, undefined, empty or only spaces', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, undefined, '', '  ', '\t'])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
    expect(isBlankRow(['', false])).toBe(false);
    expect(isBlankRow([' x '])).toBe(false);
    expect(isBlankRow([new Date(0)])).toBe(false);
  });

  test('plain arrays are numbered from firstRowNumber (2 by default), blank ones included; records keep their numbers', async () => {
    expect(await collect({ rows: [['a'], [], ['b']] })).toEqual([
      [['a'], 2],
      [[], 3],
      [['b'], 4],
    ]);
    expect(await collect({ rows: [['a'], ['b']], firstRowNumber: 10 })).toEqual([
      [['a'], 10],
      [['b'], 11],
    ]);
    const records: RowRecord[] = [
      { rowNumber: 7, cells: ['x'] },
      { rowNumber: 9, cells: ['y'] },
    ];
    expect(await collect({ rows: records })).toEqual([
      [['x'], 7],
      [['y'], 9],
    ]);
  });

  test('async rows and batches (sync or async) give the same rows', async () => {
    async function* rows() {
      yield ['a'];
      yield { rowNumber: 5, cells: ['b'] };
    }
    expect(await collect({ rows: rows() })).toEqual([
      [['a'], 2],
      [['b'], 5],
    ]);
    const batch = [
      { rowNumber: 3, cells: ['c'] },
      { rowNumber: 4, cells: ['d'] },
    ];
    async function* batches() {
      yield batch;
      yield [{ rowNumber: 8, cells: ['e'] }];
    }
    const expected = [
      [['c'], 3],
      [['d'], 4],
      [['e'], 8],
    ];
    expect(await collect({ batches: batches() })).toEqual(expected);
    expect(await collect({ batches: [batch, [{ rowNumber: 8, cells: ['e'] }]] })).toEqual(expected);
  });

  test('progress every so many rows, and a cancelled signal stops the reading', async () => {
    const seen: number[] = [];
    const rows = Array.from({ length: 25 }, (_, i) => [i]);
    expect(await collect({ rows }, { onProgress: (n) => seen.push(n), progressEvery: 10 })).toHaveLength(25);
    expect(seen).toEqual([10, 20, 25]);
    const controller = new AbortController();
    const taken: number[] = [];
    const run = eachRow({ rows }, { signal: controller.signal, progressEvery: 5 }, (_, row) => {
      taken.push(row);
      if (row === 8) controller.abort();
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(taken).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(new AbortError('x').name).toBe('AbortError');
  });
});
