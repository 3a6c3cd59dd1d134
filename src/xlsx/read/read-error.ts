import type { Lang } from '../../i18n/define';
import { readMessage, type ReadMessageKey } from '../../i18n/read';

export type { RowProblem } from '../../domain/parse/row-problem';

/**
 * The file cannot be read as a table: nothing is computed from it. Shared by the command line
 * (which prints `FILE: message` and exits 2) and the pane (which shows `message(lang)`).
 */
export type ReadErrorCode = ReadMessageKey &
  (
    | 'not-found'
    | 'unreadable'
    | 'bad-format'
    | 'encrypted'
    | 'old-xls'
    | 'no-sheet'
    | 'no-worksheet'
    | 'no-header'
    | 'header-row-beyond'
    | 'header-row-empty'
    | 'bad-encoding'
    | 'undecodable'
    | 'unterminated-quote'
    | 'csv-for-sheet'
  );

export interface ReadErrorParams {
  detail?: string;
  sheet?: string;
  sheets?: string;
  encoding?: string;
  offset?: number;
  /** 1-based row (as a spreadsheet numbers them) the problem starts on. */
  row?: number;
  /** 1-based physical line of the file (what a text editor shows). */
  line?: number;
  /** Lines swallowed by an unterminated quote. */
  lines?: number;
  last?: number;
}

export class ReadError extends Error {
  /** Set by the wrapper that knows the file's name (the message then starts with it). */
  file?: string;

  constructor(
    readonly code: ReadErrorCode,
    readonly params: ReadErrorParams = {},
  ) {
    super(readMessage(code, 'en-US', params as Record<string, string | number>));
    this.name = 'ReadError';
  }

  /** The sentence in the given language, without the file name. */
  text(lang: Lang): string {
    return readMessage(this.code, lang, this.params as Record<string, string | number>);
  }

  /** Names the file in the message: "orders.csv: line 12: a quoted field …". */
  inFile(file: string): this {
    this.file = file;
    this.message = `${file}: ${readMessage(this.code, 'en-US', this.params as Record<string, string | number>)}`;
    return this;
  }
}
