import path from 'node:path';
import { monthAhead, occasionCalendar, readBirthday, readFamilyOccasions, type Contact } from '../../domain/calendar/occasion-calendar';
import { parseDate, serialToIso } from '../../domain/parse/parse-date';
import chainMessages from '../../i18n/templates/decision-chain';
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


const norm = (h: unknown) => String(h ?? '').trim().toLowerCase();

function columnOf(headers: readonly string[], key: 'colPerson' | 'colAge' | 'colFamily'): number {
  const names = new Set([chainMessages['en-US'][key], chainMessages['zh-CN'][key]].map(norm));
  return headers.findIndex((h) => names.has(norm(h)));
}

/** How far down the sheet the people table's header is looked for (under the title and project rows). */
const HEADER_SEARCH_ROWS = 30;

/**
 * The contacts of a decision chain sheet, read whole from row 1 (the shared reader would take the
 * title block for the header): the people table's header is the first row with the person, age /
 * birthday and family columns; the customer is the project row's "Customer" cell unless given.
 */
async function readContacts(file: string, customerOption: string | undefined, options: ReturnType<typeof readOptions>, lang: Lang): Promise<Contact[]> {
  const t = translator(messages, lang);
  // The template's summary block starts under the people table with this section title: the table ends there.
  const summaryLabels = new Set([chainMessages['en-US'].summarySection, chainMessages['zh-CN'].summarySection].map(norm));
  const customerLabels = new Set([chainMessages['en-US'].projectCustomer, chainMessages['zh-CN'].projectCustomer].map(norm));
  return readInput(file, { ...options, headerRow: options.headerRow ?? 1 }, lang, async (table) => {
    let cols: { person: number; age: number; family: number } | undefined;
    let firstHeaders = table.headers;
    let customer = customerOption;
    const contacts: Contact[] = [];
    const find = (headers: readonly unknown[]) => {
      const h = headers.map((x) => String(x ?? ''));
      const c = { person: columnOf(h, 'colPerson'), age: columnOf(h, 'colAge'), family: columnOf(h, 'colFamily') };
      return c.person >= 0 && c.age >= 0 && c.family >= 0 ? c : undefined;
    };
    const customerIn = (cells: readonly unknown[]) => {
      const at = cells.findIndex((x) => customerLabels.has(norm(x)));
      const value = at >= 0 ? cells.slice(at + 1).find((x) => String(x ?? '').trim() !== '') : undefined;
      return value === undefined ? undefined : String(value).trim();
    };
    cols = find(table.headers);
    let searched = 0;
    let ended = false;
    await eachRow({ batches: table.batches }, {}, (cells, row) => {
      if (ended) return;
      if (!cols) {
        if (searched++ >= HEADER_SEARCH_ROWS) return;
        customer ??= customerIn(cells);
        cols = find(cells);
        if (cols) firstHeaders = cells.map((x) => String(x ?? ''));
        return;
      }
      const person = String(cells[cols.person] ?? '').trim();
      if (summaryLabels.has(norm(person))) {
        ended = true;
        return;
      }
      if (person === '') return;
      const birthday = readBirthday(cells[cols.age]);
      contacts.push({ customer: customer ?? '', person, ...(birthday ? { birthday } : {}), occasions: readFamilyOccasions(cells[cols.family]), row });
    });
    if (!cols) {
      const missing = (['colPerson', 'colAge', 'colFamily'] as const).map((k) => chainMessages[lang][k]);
      throw new UsageError(`${file}: ${t('missingColumns', { missing: missing.join(', '), headers: firstHeaders.join(', ') })}`);
    }
    const fallback = path.basename(file).replace(/\.(xlsx|xlsm|csv)(\.gz)?$/i, '');
    return contacts.map((c) => (c.customer ? c : { ...c, customer: fallback }));
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
