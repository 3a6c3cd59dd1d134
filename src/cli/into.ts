import { promises as fs } from 'node:fs';
import cliMessages from '../i18n/cli';
import { translator, type Lang } from '../i18n/define';
import intoMessages from '../i18n/into';
import type { WorkbookSpec } from '../sheets/core/sheet-spec';
import type { OpenedTarget } from '../xlsx/into/into-workbook';
import { processIO, type CliIO } from './io';
import { systemReason, writeBytesOutput, writeWorkbookOutput } from './output';
import { UsageError } from './usage-error';

/** The options of every command that writes a workbook: --into adds its sheets to an existing one. */
export const INTO_OPTIONS = { into: { type: 'string' }, replace: { type: 'boolean' } } as const;

/** Where a command writes its workbook: a new file (--out) or an existing one (--into). */
export type WorkbookDestination =
  | { file: string; into: false }
  | { file: string; into: true; replace: boolean; target: OpenedTarget; opened: FileState };

/** What a file looked like when it was read: compared again before it is replaced. */
interface FileState {
  size: number;
  mtimeMs: number;
  mode: number;
}

const stateOf = async (file: string): Promise<FileState> => {
  const s = await fs.stat(file);
  return { size: s.size, mtimeMs: s.mtimeMs, mode: s.mode & 0o7777 };
};

/**
 * --out or --into (not both; --replace only with --into). The --into file is opened before the
 * work, so a file that is missing or not a workbook is refused at once.
 */
export async function workbookDestination(values: { out?: string; into?: string; replace?: boolean }, lang: Lang): Promise<WorkbookDestination | undefined> {
  const t = translator(intoMessages, lang);
  if (values.out !== undefined && values.into !== undefined) throw new UsageError(t('outAndInto'));
  if (values.replace && values.into === undefined) throw new UsageError(t('replaceNeedsInto'));
  if (values.into === undefined) return values.out === undefined ? undefined : { file: values.out, into: false };
  const file = values.into;
  let bytes: Uint8Array;
  let opened: FileState;
  try {
    opened = await stateOf(file);
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (err) {
    throw new UsageError(translator(cliMessages, lang)('cannotRead', { file, reason: systemReason(err, lang, 'read') }));
  }
  const { openTarget } = await import('../xlsx/into/into-workbook');
  try {
    return { file, into: true, replace: !!values.replace, target: await openTarget(bytes), opened };
  } catch (err) {
    throw new UsageError(t('notWorkbook', { file, reason: (err as Error).message }));
  }
}

/** The file a command's summary names as written: the --out file (an --into run says so itself). */
export function writtenFile(dest: WorkbookDestination | undefined): string | undefined {
  return dest && !dest.into ? dest.file : undefined;
}

/**
 * Writes the workbook to its destination: a new file, or the sheets added to the --into file
 * (temp file, then renamed), saying which sheets were added, renamed or replaced — on stderr when
 * stdout carries the --json document.
 */
export async function writeWorkbookTo(dest: WorkbookDestination, workbook: WorkbookSpec, force: boolean, lang: Lang, io: CliIO = processIO, json = false): Promise<void> {
  if (!dest.into) return writeWorkbookOutput(dest.file, workbook, force, lang, io);
  const t = translator(intoMessages, lang);
  const { intoWorkbook } = await import('../xlsx/into/into-workbook');
  const { IntoRefusal } = await import('../xlsx/into/plan-names');
  const { warningLine } = await import('../xlsx/write/warnings');
  let result;
  try {
    result = await intoWorkbook(dest.target, workbook, dest.replace);
  } catch (err) {
    if (err instanceof IntoRefusal) throw new UsageError(t(err.reason, { sheet: err.sheet, file: dest.file }));
    throw err;
  }
  await replaceIntoFile(dest, result.bytes, lang);
  for (const w of result.warnings) io.err(`${warningLine(w)}\n`);
  for (const r of result.plan.renamed) io.err(t('renamed', { file: dest.file, from: r.from, to: r.to }) + '\n');
  for (const sheet of result.plan.replaced) io.err(t('replaced', { sheet }) + '\n');
  (json ? io.err : io.out)(t('added', { file: dest.file, sheets: result.plan.specs.map((s) => `"${s.name}"`).join(lang === 'zh-CN' ? '、' : ', ') }) + '\n');
  // Sheets already in the file that can now read what was added (docs/notes/links.md): said, not done.
  const { pendingRelinks } = await import('../xlsx/into/relink-file');
  // A hint only: a file the check cannot follow gets none (the sheets are written by then).
  for (const r of await pendingRelinks(result.bytes).catch(() => []))
    (json ? io.err : io.out)(t('relinkHint', { sheet: r.sheet, sources: r.sources.map((s) => `"${s}"`).join(lang === 'zh-CN' ? '、' : ', '), file: dest.file }) + '\n');
}

/**
 * The --into file replaced by new bytes: written beside it and renamed over it — unless someone
 * saved it while this ran (their edits would be lost), and with its permissions.
 */
export async function replaceIntoFile(dest: Extract<WorkbookDestination, { into: true }>, bytes: Uint8Array, lang: Lang): Promise<void> {
  const now = await stateOf(dest.file).catch(() => undefined);
  if (!now || now.size !== dest.opened.size || now.mtimeMs !== dest.opened.mtimeMs) throw new UsageError(translator(intoMessages, lang)('changedMeanwhile', { file: dest.file }));
  await writeBytesOutput(dest.file, bytes, true, lang);
  await fs.chmod(dest.file, dest.opened.mode);
}
