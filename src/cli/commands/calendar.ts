import path from 'node:path';
import { monthAhead, occasionCalendar, type Contact } from '../../domain/calendar/occasion-calendar';
import { chainColumnNames, chainContactsReader } from '../../sheets/calendar/decision-chain-contacts';
import { parseDate, serialToIso } from '../../domain/parse/parse-date';
import messages from '../../i18n/occasion-calendar';
import { translator } from '../../i18n/define';
import cliMessages from '../../i18n/cli';
import { buildOccasionSheet } from '../../sheets/calendar/occasion-calendar-sheet';
import cliHelp from '../../i18n/cli-help';
import type { Lang } from '../../i18n/define';
import { parseOptions } from '../options';
import { INTO_OPTIONS, workbookDestination, writeWorkbookTo } from '../into';
import { refuseExistingOutput } from '../output';
import { READ_OPTIONS, readInput, readOptions } from '../read-input';
import type { CommandContext } from '../run';
import { UsageError } from '../usage-error';
import { eachRow } from '../../domain/table-rows';


/**
 * The contacts of a decision chain sheet, read whole from row 1 (the shared reader would take the
 * title block for the header): sheets/calendar/decision-chain-contacts.ts finds the people table;
 * a sheet without a customer cell is the file's (its name).
 */
async function readContacts(file: string, customerOption: string | undefined, options: ReturnType<typeof readOptions>, lang: Lang): Promise<Contact[]> {
  const t = translator(messages, lang);
  return readInput(file, { ...options, headerRow: options.headerRow ?? 1 }, lang, async (table) => {
    const reader = chainContactsReader(customerOption);
    reader.row(table.headers, 1);
    await eachRow({ batches: table.batches }, {}, (cells, row) => reader.row(cells, row));
    if (!reader.found) throw new UsageError(`${file}: ${t('missingColumns', { missing: chainColumnNames(lang).join(', '), headers: reader.firstHeaders.join(', ') })}`);
    return reader.contacts(path.basename(file).replace(/\.(xlsx|xlsm|csv)(\.gz)?$/i, ''));
  });
}

export async function calendarCommand(argv: string[], { io, lang }: CommandContext): Promise<void> {
  const usage = translator(cliHelp, lang)('calendar');
  const { values } = parseOptions(
    argv,
    {
      in: { type: 'string' },
      ...READ_OPTIONS,
      customer: { type: 'string' },
      from: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      ...INTO_OPTIONS,
      lang: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    lang,
    usage,
  );
  if (values.help) return io.out(usage);
  if (!values.in) throw new UsageError(translator(cliMessages, lang)('missingIn'), usage);
  let from: string;
  if (values.from !== undefined) {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(values.from) ? parseDate(values.from) : undefined;
    if (!d?.ok) throw new UsageError(`--from must be a date as YYYY-MM-DD; got "${values.from}"`);
    from = serialToIso(d.value);
  } else from = new Date().toISOString().slice(0, 10);
  const window = monthAhead(from);
  const contacts: Contact[] = [];
  await refuseExistingOutput(values.out, !!values.force, lang);
  const dest = await workbookDestination(values, lang);
  for (const file of [values.in]) contacts.push(...(await readContacts(file, values.customer, readOptions(values, lang), lang)));
  const occasions = occasionCalendar(contacts, window);
  if (dest) await writeWorkbookTo(dest, { sheets: [buildOccasionSheet(occasions, { lang, window })], title: 'Occasion Calendar' }, !!values.force, lang, io, !!values.json);
  if (values.json) io.out(JSON.stringify({ window, contacts: contacts.length, occasions }) + '\n');
  else {
    const t = translator(messages, lang);
    const lines = [`${contacts.length} contacts read; ${window.from} to ${window.to} (excluded): ${occasions.length} occasions`];
    for (const o of occasions)
      lines.push(`  ${o.date}  ${o.kind === 'festival' ? t(o.festival!) : `${t(o.kind)}: ${o.person} (${o.customer})${o.detail ? ` — ${o.detail}` : ''}`} → ${t(o.action)}`);
    if (values.out) lines.push(`Wrote ${values.out}`);
    io.out(lines.join('\n') + '\n');
  }
}
