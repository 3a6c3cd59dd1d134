import fc from 'fast-check';
import { DEFAULT_MATRIX_GRID, checkMatrixGrid, classifyMatrix } from '../../../src/domain/abc/matrix';

describe('X/Y purchasing matrix', () => {
  test('property: the default grid is A if X ≥ 3 and Y ≥ 3, B if X ≥ 2 and Y ≥ 2, else C; VIP is always A', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (x, y) => {
        const expected = x >= 3 && y >= 3 ? 'A' : x >= 2 && y >= 2 ? 'B' : 'C';
        expect(classifyMatrix(x, y)).toEqual({ ok: true, tier: expected, vip: false });
        expect(classifyMatrix(x, y, true)).toEqual({ ok: true, tier: 'A', vip: true });
      }),
    );
  });
  test('the grid is a parameter: grid[y][x]', () => {
    const grid = DEFAULT_MATRIX_GRID.map((row) => [...row]);
    grid[4][0] = 'B'; // capacity large, buying nothing yet: worth developing
    expect(classifyMatrix(0, 4, false, grid)).toEqual({ ok: true, tier: 'B', vip: false });
    expect(classifyMatrix(4, 0, false, grid)).toEqual({ ok: true, tier: 'C', vip: false });
  });
  test('levels outside 0–4 and malformed grids are reported', () => {
    expect(classifyMatrix(5, 1)).toEqual({ ok: false, problem: 'x-range' });
    expect(classifyMatrix(1, 2.5)).toEqual({ ok: false, problem: 'y-range' });
    expect(checkMatrixGrid(DEFAULT_MATRIX_GRID)).toEqual([]);
    expect(checkMatrixGrid([['A']])).toEqual(['grid-shape']);
    expect(checkMatrixGrid(DEFAULT_MATRIX_GRID.map((r, y) => r.map((c, x) => (x === 0 && y === 0 ? 'D' : c))))).toEqual(['grid-value']);
  });
});
