import type { RowProblem } from '../../domain/parse/row-problem';
import { ReadError } from './read-error';
import { findHeaderRow, HEADER_SCAN } from './header-row';
import { isEmptyRow, type RowRecord } from './rows';

/**
 * Rows of one sheet or CSV file as a table: the header row (found, or the one the user named),
 * its headers, and the data rows after it. For CSV files each data row is checked against the
 * header: a row with more fields than the header (when the extra fields hold anything) or fewer
 * fields than the header's last named column is marked with a RowProblem, and so is a row with
 * malformed quotes; the engines set such rows aside with their row number and the reason.
 */

export interface TableOptions {
  /** 1-based row number of the header row; default: found (./header-row.ts). */
  headerRow?: number;
  /** CSV: check every row's field count against the header. */
  checkFields?: boolean;
}

export interface Table {
  headers: string[];
  headerRow: number;
  /** Data rows after the header, non-empty, in batches. Iterate once. */
  batches: AsyncIterable<RowRecord[]>;
}

type Batches = AsyncIterable<RowRecord[]> | Iterable<RowRecord[]>;

/** A CSV source marks rows with malformed quotes with a 'bad-quotes' problem; the header count is filled in here. */
export async function tableFrom(source: Batches, options: TableOptions = {}): Promise<Table> {
  const iterator = (Symbol.asyncIterator in source ? (source as AsyncIterable<RowRecord[]>)[Symbol.asyncIterator]() : toAsync(source as Iterable<RowRecord[]>));
  const head: RowRecord[] = [];
  let done = false;
  let last = 0;
  // Enough rows to find the header: HEADER_SCAN non-empty rows, or up to the wanted row.
  const enough = () => (options.headerRow !== undefined ? last >= options.headerRow : head.length >= HEADER_SCAN);
  while (!done && !enough()) {
    const next = await iterator.next();
    if (next.done) done = true;
    else
      for (const r of next.value) {
        last = r.rowNumber;
        if (!isEmptyRow(r.cells)) head.push(r);
      }
  }
  let at: number;
  if (options.headerRow !== undefined) {
    at = head.findIndex((r) => r.rowNumber === options.headerRow);
    if (at < 0) {
      const lastWithData = head.length ? head[head.length - 1].rowNumber : 0;
      if (options.headerRow > lastWithData && done) throw new ReadError('header-row-beyond', { row: options.headerRow, last: lastWithData });
      throw new ReadError('header-row-empty', { row: options.headerRow });
    }
  } else {
    if (head.length === 0) throw new ReadError('no-header');
    at = findHeaderRow(head);
  }
  const headerRecord = head[at];
  const headers = headerRecord.cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
  let named = headers.length;
  while (named > 0 && headers[named - 1] === '') named--;
  const check = (r: RowRecord): RowRecord => {
    if (!options.checkFields) return r;
    const n = r.cells.length;
    let problem: RowProblem | undefined;
    if (r.problem?.code === 'bad-quotes') problem = { code: 'bad-quotes', fields: n, expected: headers.length };
    else if (n < named) problem = { code: 'too-few-fields', fields: n, expected: headers.length };
    else if (n > headers.length) {
      for (let i = headers.length; i < n; i++)
        if (r.cells[i] !== '' && r.cells[i] !== null) {
          problem = { code: 'too-many-fields', fields: n, expected: headers.length };
          break;
        }
    }
    return problem ? { ...r, problem } : r;
  };

  const rest = head.slice(at + 1);
  async function* batches(): AsyncGenerator<RowRecord[]> {
    if (rest.length) yield rest.map(check);
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const out: RowRecord[] = [];
      for (const r of next.value) if (!isEmptyRow(r.cells)) out.push(check(r));
      if (out.length) yield out;
    }
  }
  return { headers, headerRow: headerRecord.rowNumber, batches: batches() };
}

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  yield* it;
}
