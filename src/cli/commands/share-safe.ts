import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliMessages from '../../i18n/cli';
import { translator } from '../../i18n/define';
import type { Lang } from '../../sheets/core/sheet-spec';
import { ShareSafeInputError, makeShareSafeXlsx } from '../../xlsx/share-safe-workbook';
import type { CliIO } from '../io';
import { parseLang } from '../lang-option';
import { writeBytesOutput } from '../output';
import { UsageError } from '../usage-error';

const t = translator(cliMessages, 'en-US');

/** `account-planner share-safe --in FILE.xlsx --out FILE.xlsx [--force] [--lang L]` */
export async function shareSafeCommand(argv: string[], io: CliIO): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(t('shareSafeUsage'));
    return;
  }
  if (!values.in) throw new UsageError(`${t('missingIn')}\n${t('shareSafeUsage')}`);
  if (!values.out) throw new UsageError(`${t('missingOut')}\n${t('shareSafeUsage')}`);
  const lang: Lang | undefined = values.lang === undefined ? undefined : parseLang(values.lang);
  if (await sameFile(values.in, values.out)) throw new UsageError(t('sameFile', { file: values.out }));

  let input: Uint8Array;
  try {
    input = await fs.readFile(values.in);
  } catch (err) {
    throw new UsageError(t('cannotRead', { file: values.in, reason: (err as Error).message }));
  }
  let result;
  try {
    result = await makeShareSafeXlsx(input, { lang });
  } catch (err) {
    if (err instanceof ShareSafeInputError) {
      throw new UsageError(t(err.phase === 'read' ? 'notXlsx' : 'cannotRewrite', { file: values.in, reason: err.message }));
    }
    throw err;
  }
  await writeBytesOutput(values.out, result.bytes, !!values.force);

  const { report } = result;
  for (const s of report.sheets) {
    io.out(t('cleared', { cells: s.cells, notes: s.notes, sheet: s.sheet, ranges: s.ranges.join(', ') }) + '\n');
    if (s.comments + s.hyperlinks + s.validations > 0)
      io.out(t('clearedMore', { sheet: s.sheet, comments: s.comments, links: s.hyperlinks, validations: s.validations }) + '\n');
  }
  if (report.recomputed > 0) io.out(t('recomputed', { count: report.recomputed }) + '\n');
  if (report.uncomputed.length > 0) io.out(t('uncomputed', { cells: report.uncomputed.join(', ') }) + '\n');
  if (report.chartSeries > 0) io.out(t('chartsCleared', { count: report.chartSeries }) + '\n');
  if (report.names.length > 0) io.out(t('namesEmptied', { names: report.names.join(', ') }) + '\n');
  if (report.properties.length > 0) io.out(t('propertiesEmptied', { properties: report.properties.join(', ') }) + '\n');
  if (report.markers === 0) io.err(t('noMarkers', { file: values.in }) + '\n');
  for (const mark of report.unresolved) io.err(t('unresolvedMarker', { mark }) + '\n');
  for (const warning of report.warnings) io.err(t('shareSafeWarning', { warning }) + '\n');
  io.out(t('wrote', { file: values.out }) + '\n');
}

/** The same path, or two names of one file (a link): writing --out would change the input. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}
