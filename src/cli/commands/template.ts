import cliMessages from '../../i18n/cli';
import cliHelp from '../../i18n/cli-help';
import { sentences, translator, type Lang } from '../../i18n/define';
import { sourcesOfSpecs, type SourceLinks } from '../../sheets/core/source-link';
import { TEMPLATES, TEMPLATE_KINDS, getTemplate, isTemplateKind } from '../../sheets/templates/registry';
import { nearest, parseOptions } from '../options';
import { INTO_OPTIONS, workbookDestination, writeWorkbookTo } from '../into';
import type { CommandContext } from '../run';
import { UsageError } from '../usage-error';

const COMMON = {
  lang: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  date: { type: 'string' },
  protect: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...INTO_OPTIONS,
} as const;


/** --date YYYY-MM-DD as that day (UTC), checked to be a real calendar day; today when absent. */
function parseDate(text: string | undefined, lang: Lang): Date {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new UsageError(translator(cliMessages, lang)('badDate', { date: text }));
  return date;
}

export async function templateCommand(argv: string[], ctx: CommandContext): Promise<void> {
  const { lang, io } = ctx;
  const t = translator(cliMessages, lang);
  const usage = translator(cliHelp, lang)('template');
  const { values, positionals } = parseOptions(argv, { ...COMMON, list: { type: 'boolean' }, example: { type: 'boolean' } }, lang, usage, true);
  if (values.help) return io.out(usage);
  if (values.list) {
    for (const def of TEMPLATES) io.out(`${def.kind.padEnd(22)}${def.title['zh-CN']}\t${def.title['en-US']}\n`);
    return;
  }
  const [kind, ...extra] = positionals;
  if (!kind) throw new UsageError(t('missingKind'), usage);
  if (extra.length) throw new UsageError(t('unexpectedArgument', { value: extra[0] }), usage);
  if (!isTemplateKind(kind)) {
    const suggestion = nearest(kind, TEMPLATE_KINDS);
    const known = t('unknownKind', { kind, kinds: TEMPLATE_KINDS.join(', ') });
    throw new UsageError(sentences(lang, known, suggestion ? t('suggestCommand', { suggestion }) : ''));
  }
  const dest = await workbookDestination(values, lang);
  if (!dest) throw new UsageError(t('missingOut'), usage);
  const def = getTemplate(kind);
  const today = parseDate(values.date, lang);
  const sources = dest.into ? dest.target.sources : undefined;
  const sheets = def.build({ lang, example: !!values.example, today, protect: !!values.protect, ...(sources ? { sources } : {}) });
  await writeWorkbookTo(dest, { sheets, title: def.title[lang] }, !!values.force, lang, io);
  if (!dest.into) io.out(t('wrote', { file: dest.file }) + '\n');
}

export async function demoCommand(argv: string[], ctx: CommandContext): Promise<void> {
  const { lang, io } = ctx;
  const usage = translator(cliHelp, lang)('demo');
  const { values } = parseOptions(argv, COMMON, lang, usage);
  if (values.help) return io.out(usage);
  const dest = await workbookDestination(values, lang);
  if (!dest) throw new UsageError(translator(cliMessages, lang)('missingOut'), usage);
  const today = parseDate(values.date, lang);
  // The templates that read other sheets (the hope list, the cockpit) come last, linked to the
  // sheets built before them, as --into would link them.
  const build = (def: (typeof TEMPLATES)[number], sources?: SourceLinks) => def.build({ lang, example: true, today, protect: !!values.protect, ...(sources ? { sources } : {}) });
  const plain = TEMPLATES.filter((def) => !def.linksTo).flatMap((def) => build(def));
  const sources = sourcesOfSpecs(plain);
  const sheets = [...plain, ...TEMPLATES.filter((def) => def.linksTo).flatMap((def) => build(def, sources))];
  await writeWorkbookTo(dest, { sheets, title: 'Account Planner demo' }, !!values.force, lang, io);
  if (!dest.into) io.out(translator(cliMessages, lang)('wrote', { file: dest.file }) + '\n');
}
