/**
 * "Occasion calendar" in the pane (docs/rules/occasion-calendar.md): the workbook's decision chain
 * sheets, found by their version stamp (WorkbookHost.listStampedSheets) whatever they are called
 * now, are read for their people's birthdays and family occasions; the month ahead from `from`,
 * with the year's festivals, is written as a new sheet with the suggested care actions.
 */
import type { StampedSheet, WorkbookHost } from '../../host/workbook-host';
import type { Contact } from '../../domain/calendar/contact-dates';
import { chainContactsReader } from '../../sheets/calendar/decision-chain-contacts';
import type { Lang } from '../../sheets/core/sheet-spec';

/** The stamp kind of the decision chain template (src/sheets/templates/registry.ts). */
export const DECISION_CHAIN_KIND = 'decision-chain';
/** What the calendar sheets are recorded as written by (WorkbookHost.insertSheets owner). */
export const CALENDAR_OWNER = 'calendar';

export interface CalendarOutcome {
  /** The decision chain sheets read, in workbook order. */
  chains: string[];
  /** Decision chain sheets whose people table was not found (edited out of shape). */
  unreadable: string[];
  contacts: number;
  occasions: number;
  window: { from: string; to: string };
  /** The name the calendar sheet got; undefined when there was no decision chain to read. */
  sheet?: string;
}

export async function writeOccasionCalendar(host: WorkbookHost, o: { lang: Lang; from: string; today?: Date; signal?: AbortSignal }): Promise<CalendarOutcome> {
  const stamped: StampedSheet[] = host.listStampedSheets ? await host.listStampedSheets(o.signal) : [];
  const chains = stamped.filter((s) => s.kind === DECISION_CHAIN_KIND).map((s) => s.name);
  const { calendarSheet } = await import(/* webpackChunkName: "occasion-calendar" */ './occasion-calendar-run');
  const contacts: Contact[] = [];
  const unreadable: string[] = [];
  for (const name of chains) {
    const table = await host.readSource({ kind: 'sheet', name }, o.signal);
    const reader = chainContactsReader();
    const first = table.firstRowNumber - 1;
    reader.row(table.headers, first);
    table.rows.forEach((cells, i) => reader.row(cells, table.firstRowNumber + i));
    if (reader.found) contacts.push(...reader.contacts(name));
    else unreadable.push(name);
  }
  const today = o.today ?? new Date();
  const { sheet, occasions, window } = calendarSheet(contacts, { lang: o.lang, from: o.from, today });
  if (chains.length === 0) return { chains, unreadable, contacts: 0, occasions: occasions.length, window };
  o.signal?.throwIfAborted();
  const [written] = await host.insertSheets([sheet], { activate: true, owner: CALENDAR_OWNER }, o.signal);
  return { chains, unreadable, contacts: contacts.length, occasions: occasions.length, window, sheet: written };
}
