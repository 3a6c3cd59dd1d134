import { promises as fs } from 'node:fs';
import cliMessages from '../../i18n/cli';
import cliHelp from '../../i18n/cli-help';
import { pluralTranslator, translator } from '../../i18n/define';
import { ShareSafeInputError, makeShareSafeXlsx } from '../../xlsx/share-safe-workbook';
import { parseOptions } from '../options';
import { refuseInputAsOutput, systemReason, writeBytesOutput } from '../output';
import type { CommandContext } from '../run';
import { UsageError } from '../usage-error';

/** `account-planner share-safe --in FILE.xlsx --out FILE.xlsx [--force] [--lang L]` */
export async function shareSafeCommand(argv: string[], { io, lang }: CommandContext): Promise<void> {
  const t = translator(cliMessages, lang);
  const tn = pluralTranslator(cliMessages, lang);
  const usage = translator(cliHelp, lang)('share-safe');
  const { values } = parseOptions(
    argv,
    {
      in: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    lang,
    usage,
  );
  if (values.help) return io.out(usage);
  if (!values.in) throw new UsageError(t('missingIn'), usage);
  if (!values.out) throw new UsageError(t('missingOut'), usage);
  await refuseInputAsOutput(values.out, { in: values.in }, lang);

  let input: Uint8Array;
  try {
    input = await fs.readFile(values.in);
  } catch (err) {
    throw new UsageError(t('cannotRead', { file: values.in, reason: systemReason(err, lang, 'read') }));
  }
  let result;
  try {
    // The header note: in --lang when given, else in the language of each header (the copy stays in the workbook's language).
    result = await makeShareSafeXlsx(input, { lang: values.lang === undefined ? undefined : lang });
  } catch (err) {
    if (err instanceof ShareSafeInputError) {
      throw new UsageError(t(err.phase === 'read' ? 'notXlsx' : 'cannotRewrite', { file: values.in, reason: err.message }));
    }
    throw err;
  }
  await writeBytesOutput(values.out, result.bytes, !!values.force, lang);

  const { report } = result;
  for (const s of report.sheets) {
    io.out(t('cleared', { cells: tn('cells', s.cells), notes: tn('notes', s.notes), sheet: s.sheet, ranges: s.ranges.join(', ') }) + '\n');
    if (s.comments + s.hyperlinks + s.validations > 0)
      io.out(t('clearedMore', { sheet: s.sheet, comments: tn('comments', s.comments), links: tn('links', s.hyperlinks), validations: tn('validations', s.validations) }) + '\n');
  }
  if (report.recomputed > 0) io.out(t('recomputed', { cells: tn('formulaCells', report.recomputed) }) + '\n');
  if (report.uncomputed.length > 0) io.out(t('uncomputed', { cells: report.uncomputed.join(', ') }) + '\n');
  if (report.chartSeries > 0) io.out(t('chartsCleared', { series: tn('series', report.chartSeries) }) + '\n');
  if (report.names.length > 0) io.out(tn('namesEmptied', report.names.length, { names: report.names.join(', ') }) + '\n');
  if (report.properties.length > 0) io.out(t('propertiesEmptied', { properties: report.properties.join(', ') }) + '\n');
  if (report.markers === 0) io.err(t('noMarkers', { file: values.in }) + '\n');
  for (const mark of report.unresolved) io.err(t('unresolvedMarker', { mark }) + '\n');
  for (const warning of report.warnings) io.err(t('shareSafeWarning', { warning }) + '\n');
  io.out(t('wrote', { file: values.out }) + '\n');
}
