import cliHelp from '../../i18n/cli-help';
import { translator } from '../../i18n/define';
import intoMessages from '../../i18n/into';
import cliMessages from '../../i18n/cli';
import { parseOptions } from '../options';
import { replaceIntoFile, workbookDestination } from '../into';
import type { CommandContext } from '../run';
import { UsageError } from '../usage-error';

/**
 * `account-planner relink FILE.xlsx`: links sheets made before the sheets they read
 * (docs/notes/links.md). A command of its own rather than a --relink option: it builds
 * nothing, takes only the file, and an option on every writing command would mean nothing
 * for most of them.
 */
export async function relinkCommand(argv: string[], { io, lang }: CommandContext): Promise<void> {
  const t = translator(intoMessages, lang);
  const usage = translator(cliHelp, lang)('relink');
  const { values, positionals } = parseOptions(argv, { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, lang, usage, true);
  if (values.help) return io.out(usage);
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError(t('relinkNeedsFile'), usage);
  if (extra.length) throw new UsageError(translator(cliMessages, lang)('unexpectedArgument', { value: extra[0] }), usage);
  const dest = await workbookDestination({ into: file }, lang);
  if (!dest?.into) throw new UsageError(t('relinkNeedsFile'), usage);
  const { relinkWorkbook } = await import('../../xlsx/into/relink-file');
  const { warningLine } = await import('../../xlsx/write/warnings');
  const result = await relinkWorkbook(dest.target.bytes);
  if (result.bytes) await replaceIntoFile(dest, result.bytes, lang);
  for (const w of result.warnings) io.err(`${warningLine(w)}\n`);
  for (const sheet of result.unfit) io.err(t('relinkUnfit', { sheet }) + '\n');
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(lang === 'zh-CN' ? '、' : ', ');
  for (const r of result.relinked) io.out(t('relinked', { sheet: r.sheet, file, sources: list(r.sources), cells: r.cells }) + '\n');
  if (result.relinked.length === 0) io.out(t('nothingToRelink', { file }) + '\n');
}
