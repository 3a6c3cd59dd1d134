import cliMessages from '../i18n/cli';
import { pluralTranslator, translator, type Lang } from '../i18n/define';

/** "3 rows rejected" and the first ten with their row number and reason (abc and bonus alike). */
export function rejectedLines(rejected: { count: number; rows: readonly { row: number; reason: string }[] }, lang: Lang): string[] {
  const t = translator(cliMessages, lang);
  const tn = pluralTranslator(cliMessages, lang);
  const lines = [t('rejected', { rows: tn('rows', rejected.count) })];
  for (const x of rejected.rows.slice(0, 10)) lines.push(t('rejectedRow', { row: x.row, reason: x.reason }));
  if (rejected.count > 10) lines.push(tn('more', rejected.count - 10));
  return lines;
}
