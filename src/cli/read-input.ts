import { ReadError, readWithRestart, type OpenRowsOptions, type OpenedRows } from '../xlsx/read-rows';
import cliMessages from '../i18n/cli';
import { translator, type Lang } from '../i18n/define';
import { UsageError } from './usage-error';

/** The reading options every command that takes --in shares. */
export const READ_OPTIONS = {
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  'header-row': { type: 'string' },
} as const;

/** Their help lines are in each command's help (src/i18n/cli-help.ts). */
export function readOptions(values: { sheet?: string; encoding?: string; 'header-row'?: string }, lang: Lang): OpenRowsOptions {
  let headerRow: number | undefined;
  if (values['header-row'] !== undefined) {
    headerRow = Number(values['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) throw new UsageError(translator(cliMessages, lang)('badHeaderRow', { value: values['header-row'] }));
  }
  return { sheet: values.sheet, encoding: values.encoding, headerRow };
}

/**
 * Opens --in and runs `work` on its rows (again from the start if a CSV file turns out not to be
 * UTF-8 late in the file). A file that cannot be read is a usage error: exit code 2, the user's
 * file named, the reason in the output language.
 */
export async function readInput<T>(file: string, options: OpenRowsOptions, lang: Lang, work: (rows: OpenedRows) => Promise<T>): Promise<T> {
  try {
    return await readWithRestart(file, options, work);
  } catch (err) {
    if (err instanceof ReadError) throw new UsageError(`${err.file ?? file}: ${err.text(lang)}`);
    throw err;
  }
}
