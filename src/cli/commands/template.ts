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
  await write(def.build({ lang, example: !!values.example }), values.out, !!values.force, def.title[lang], io);
}

export async function demoCommand(argv: string[], io: CliIO): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { lang: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  });
  const lang = parseLang(values.lang);
  if (!values.out) throw new UsageError(t('missingOut'));
  const sheets = TEMPLATES.flatMap((def) => def.build({ lang, example: true }));
  await write(sheets, values.out, !!values.force, 'Account Planner demo', io);
}
