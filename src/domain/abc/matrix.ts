import type { Tier } from './tiers';

/**
 * The second ABC axis (docs/rules/abc.md): X = current purchasing 0–4 (none, little, average,
 * more, large), Y = total purchasing capacity 0–4. A 5×5 grid from the Rules sheet maps (X, Y)
 * to a class; a VIP flag (strong industry influence regardless of purchases) makes it A.
 */

/** grid[y][x]: row = capacity Y, column = current purchasing X, both 0–4. */
export type MatrixGrid = readonly (readonly Tier[])[];

export const MATRIX_LEVELS = 5;

/** Default: A if X ≥ 3 and Y ≥ 3; B if X ≥ 2 and Y ≥ 2 (and not A); C otherwise. */
export const DEFAULT_MATRIX_GRID: MatrixGrid = Array.from({ length: MATRIX_LEVELS }, (_, y) =>
  Array.from({ length: MATRIX_LEVELS }, (_, x): Tier => (x >= 3 && y >= 3 ? 'A' : x >= 2 && y >= 2 ? 'B' : 'C')),
);

export type MatrixProblem = 'grid-shape' | 'grid-value';

/** Problems with a grid typed into the Rules sheet; empty when usable. */
export function checkMatrixGrid(grid: readonly (readonly unknown[])[]): MatrixProblem[] {
  if (grid.length !== MATRIX_LEVELS || grid.some((row) => row.length !== MATRIX_LEVELS)) return ['grid-shape'];
  return grid.some((row) => row.some((c) => c !== 'A' && c !== 'B' && c !== 'C')) ? ['grid-value'] : [];
}

export type MatrixResult = { ok: true; tier: Tier; vip: boolean } | { ok: false; problem: 'x-range' | 'y-range' };

/** Class of one customer; X and Y must be whole levels 0–4. */
export function classifyMatrix(x: number, y: number, vip = false, grid: MatrixGrid = DEFAULT_MATRIX_GRID): MatrixResult {
  const level = (v: number) => Number.isInteger(v) && v >= 0 && v < MATRIX_LEVELS;
  if (!level(x)) return { ok: false, problem: 'x-range' };
  if (!level(y)) return { ok: false, problem: 'y-range' };
  return { ok: true, tier: vip ? 'A' : grid[y][x], vip };
}
