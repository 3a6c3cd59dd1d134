import type { Parsed } from '../../parse/parse-result';

/** Distinct cells a memo remembers. */
export const MEMO_LIMIT = 100_000;

/**
 * Cells that repeat across rows — dates, percentages — parse identically wherever they appear, so
 * each distinct text or number is parsed once (up to `limit` distinct ones) and its outcome, the
 * value or the parse failure, is handed back for every later copy. Other cells (Date objects,
 * booleans…) and cells past the limit are parsed each time.
 */
export class CellMemo<T> {
  private readonly outcomes = new Map<string | number, Parsed<T>>();

  constructor(
    private readonly parse: (cell: unknown) => Parsed<T>,
    private readonly limit = MEMO_LIMIT,
  ) {}

  read(cell: unknown): Parsed<T> {
    if (typeof cell !== 'string' && typeof cell !== 'number') return this.parse(cell);
    let outcome = this.outcomes.get(cell);
    if (outcome === undefined) {
      outcome = this.parse(cell);
      if (this.outcomes.size < this.limit) this.outcomes.set(cell, outcome);
    }
    return outcome;
  }
}
