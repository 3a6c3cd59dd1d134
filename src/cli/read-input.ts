import { ReadError, readWithRestart, type OpenRowsOptions, type OpenedRows } from '../xlsx/read-rows';
import { UsageError } from './usage-error';

/** The reading options every command that takes --in shares. */
export const READ_OPTIONS = {
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  'header-row': { type: 'string' },
} as const;

export const READ_USAGE = `  --sheet NAME           .xlsx: the sheet to read (default: the first visible sheet with data)
  --encoding ENC         .csv: utf-8, gb18030, gbk, big5 … (default: decided for the whole file:
                         UTF-8 when all of it is, else GB18030)
  --header-row N         the row holding the column headers (default: found below any title block)`;

export function readOptions(values: { sheet?: string; encoding?: string; 'header-row'?: string }): OpenRowsOptions {
  let headerRow: number | undefined;
  if (values['header-row'] !== undefined) {
    headerRow = Number(values['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) throw new UsageError(`--header-row must be a row number (1, 2, 3 …); got "${values['header-row']}"`);
  }
  return { sheet: values.sheet, encoding: values.encoding, headerRow };
}

/**
 * Opens --in and runs `work` on its rows (again from the start if a CSV file turns out not to be
 * UTF-8 late in the file). A file that cannot be read is a usage error: exit code 2, the file named.
 */
export async function readInput<T>(file: string, options: OpenRowsOptions, work: (rows: OpenedRows) => Promise<T>): Promise<T> {
  try {
    return await readWithRestart(file, options, work);
  } catch (err) {
    if (err instanceof ReadError) throw new UsageError(err.file ? err.message : err.inFile(file).message);
    throw err;
  }
}
