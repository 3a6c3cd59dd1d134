import { promises as fs } from 'node:fs';
import path from 'node:path';
import cliMessages from '../i18n/cli';
import { translator, type Lang } from '../i18n/define';
import type { WorkbookSpec } from '../sheets/core/sheet-spec';
import { OutputExistsError, writeFileAtomic, writeWorkbookFile } from '../xlsx/write-file';
import { processIO, type CliIO } from './io';
import { UsageError } from './usage-error';

/**
 * Computes every formula's value (stored beside it, so the file shows values before anyone
 * recalculates), renders the workbook and writes it atomically to --out. An existing file
 * without --force, or a folder that cannot be written, is a usage error (exit 2), never a
 * half-written file. What the writer had to change to keep the file valid (characters
 * replaced, text cut) goes to stderr.
 */
export async function writeWorkbookOutput(out: string, workbook: WorkbookSpec, force: boolean, lang: Lang, io?: Pick<CliIO, 'err'>): Promise<void> {
  const { warningLine } = await import('../xlsx/write/warnings');
  const { computeCachedValues } = await import('../xlsx/evaluate/node');
  // Streamed into the file as it is produced: sheets of generated rows (an ABC result of a
  // million customers) are never held whole, as a workbook or as bytes.
  const withValues = computeCachedValues(workbook).workbook;
  const warnings = await savingTo(out, lang, () => writeWorkbookFile(out, withValues, force));
  for (const w of warnings) (io ?? processIO).err(`${warningLine(w)}\n`);
}

/** Writes bytes atomically to --out, with the same refusals as writeWorkbookOutput. */
export async function writeBytesOutput(out: string, bytes: Uint8Array, force: boolean, lang: Lang): Promise<void> {
  await savingTo(out, lang, () => writeFileAtomic(out, bytes, force));
}

/** Runs a write to --out; its file-system failures become usage errors naming --out. */
async function savingTo<T>(out: string, lang: Lang, write: () => Promise<T>): Promise<T> {
  const t = translator(cliMessages, lang);
  try {
    return await write();
  } catch (err) {
    if (err instanceof OutputExistsError) throw new UsageError(t('outExists', { file: out }));
    if (!isSystemError(err)) throw err;
    // The user's path, never the temporary file's: that one is ours.
    throw new UsageError(t('cannotWrite', { file: out, reason: systemReason(err, lang, 'write') }));
  }
}

/** A failure of the file system (it has an errno code), not of our own code. */
function isSystemError(err: unknown): boolean {
  return typeof (err as NodeJS.ErrnoException | null)?.code === 'string';
}

/** An existing --out is refused before the work, not after it (unless --force). */
export async function refuseExistingOutput(out: string | undefined, force: boolean, lang: Lang): Promise<void> {
  if (out === undefined || force) return;
  const exists = await fs.access(out).then(
    () => true,
    () => false,
  );
  if (exists) throw new UsageError(translator(cliMessages, lang)('outExists', { file: out }));
}

/**
 * --out naming an input file (the same path, or another name of the same file): refused even
 * with --force, for every command — writing it would destroy the data being read.
 */
export async function refuseInputAsOutput(out: string | undefined, inputs: Record<string, string | undefined>, lang: Lang): Promise<void> {
  if (out === undefined) return;
  for (const [option, file] of Object.entries(inputs))
    if (file !== undefined && (await sameFile(file, out)))
      throw new UsageError(translator(cliMessages, lang)('sameFile', { file: out, option: `--${option} ${file}` }));
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Why a file could not be read or written, from the system's error code, in the output language. */
export function systemReason(err: unknown, lang: Lang, doing: 'read' | 'write'): string {
  const t = translator(cliMessages, lang);
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return t(doing === 'read' ? 'notFound' : 'noFolder');
    case 'EACCES':
    case 'EPERM':
      return t('noPermission');
    case 'EISDIR':
      return t('isFolder');
    case 'ENOTDIR':
      return t('notFolder');
    case 'ENOSPC':
    case 'EDQUOT':
      return t('diskFull');
    case 'EROFS':
      return t('readOnly');
    default:
      return t('osError', { code: code ?? String((err as Error | null)?.message ?? err) });
  }
}
