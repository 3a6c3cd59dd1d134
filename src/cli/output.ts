import cliMessages from '../i18n/cli';
import { translator } from '../i18n/define';
import type { WorkbookSpec } from '../sheets/core/sheet-spec';
import { OutputExistsError, writeFileAtomic } from '../xlsx/write-file';
import { UsageError } from './usage-error';

const t = translator(cliMessages, 'en-US');

/**
 * Computes every formula's value (stored beside it, so the file shows values before anyone
 * recalculates), renders the workbook and writes it atomically to --out. An existing file
 * without --force, or a folder that cannot be written, is a usage error (exit 2), never a
 * half-written file.
 */
export async function writeWorkbookOutput(out: string, workbook: WorkbookSpec, force: boolean): Promise<void> {
  const { renderWorkbook } = await import('../xlsx/render-workbook');
  const { computeCachedValues } = await import('../xlsx/evaluate/node');
  await writeBytesOutput(out, await renderWorkbook(computeCachedValues(workbook).workbook), force);
}

/** Writes bytes atomically to --out, with the same refusals as writeWorkbookOutput. */
export async function writeBytesOutput(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    await writeFileAtomic(out, bytes, force);
  } catch (err) {
    if (err instanceof OutputExistsError) throw new UsageError(t('outExists', { file: out }));
    throw new UsageError(t('cannotWrite', { file: out, reason: (err as Error).message }));
  }
}
