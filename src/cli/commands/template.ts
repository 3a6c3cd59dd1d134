import { parseArgs } from 'node:util';
import cliMessages from '../../i18n/cli';
import { translator } from '../../i18n/define';
import type { SheetSpec } from '../../sheets/core/sheet-spec';
import { TEMPLATES, TEMPLATE_KINDS, getTemplate, isTemplateKind } from '../../sheets/templates/registry';
import type { CliIO } from '../io';
import { parseLang } from '../lang-option';
import { writeWorkbookOutput } from '../output';
import { UsageError } from '../usage-error';

const t = translator(cliMessages, 'en-US');

async function write(sheets: SheetSpec[], out: string, force: boolean, title: string, io: CliIO): Promise<void> {
  await writeWorkbookOutput(out, { sheets, title }, force);
  io.out(t('wrote', { file: out }) + '\n');
}

/** --date YYYY-MM-DD as that day (UTC), checked to be a real calendar day; today when absent. */
function parseDate(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new UsageError(t('badDate', { date: text }));
  return date;
}

export async function templateCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      lang: { type: 'string' },
      example: { type: 'boolean' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      date: { type: 'string' },
      protect: { type: 'boolean' },
    },
  });
  if (values.list) {
    for (const def of TEMPLATES) io.out(`${def.kind.padEnd(22)}${def.title['zh-CN']}\t${def.title['en-US']}\n`);
    return;
  }
  const kind = positionals[0];
  if (!kind) throw new UsageError(t('missingKind'));
  if (!isTemplateKind(kind)) throw new UsageError(t('unknownKind', { kind, kinds: TEMPLATE_KINDS.join(', ') }));
  const lang = parseLang(values.lang);
  if (!values.out) throw new UsageError(t('missingOut'));
  const def = getTemplate(kind);
  const today = parseDate(values.date);
  await write(
    def.build({ lang, example: !!values.example, today, protect: !!values.protect }),
    values.out,
    !!values.force,
    def.title[lang],
    io,
  );
}

export async function demoCommand(argv: string[], io: CliIO): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      lang: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      date: { type: 'string' },
      protect: { type: 'boolean' },
    },
  });
  const lang = parseLang(values.lang);
  if (!values.out) throw new UsageError(t('missingOut'));
  const today = parseDate(values.date);
  const sheets = TEMPLATES.flatMap((def) => def.build({ lang, example: true, today, protect: !!values.protect }));
  await write(sheets, values.out, !!values.force, 'Account Planner demo', io);
}
