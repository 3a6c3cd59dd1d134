import abcMessages from '../../i18n/abc';
import { translator, type Lang } from '../../i18n/define';
import { parseErrorMessage } from '../../i18n/parse';
import messages from '../../i18n/tier-migration';
import { parseMoney } from '../parse/parse-number';
import { eachRow, isBlankRow, type TableRows } from '../table-rows';
import type { AbcResult } from './run';
import { TierMigrationError, type TierEntry } from './tier-migration';
import type { Tier } from './tiers';

/**
 * The two sides of a tier migration (docs/rules/tier-migration.md): this run's customers, and
 * the previous run read back from the result sheet Account Planner wrote (its "Customer",
 * "Value" and "Tier" columns, in either language). A table without a tier column is not a
 * result sheet: the caller ranks it as the previous period's data with this run's options.
 */

export interface TierTable extends TableRows {
  headers: readonly string[];
}

/** This run's customers: the ranked ones with their tier, and those with a value ≤ 0 as tier C (as the result sheet lists them). */
export function tierEntriesOf(result: AbcResult): TierEntry[] {
  return [
    ...result.customers.map((c) => ({ customer: c.customer, tier: c.tier, value: c.value })),
    ...result.nonPositive.map((c) => ({ customer: c.customer, tier: 'C' as const, value: c.value })),
  ];
}

const norm = (h: string) => h.trim().toLowerCase();

/** Column index of a result-sheet header, in either language; -1 when absent. */
function columnOf(headers: readonly string[], key: 'customer' | 'value' | 'tier'): number {
  const names = new Set([abcMessages['en-US'][key], abcMessages['zh-CN'][key]].map(norm));
  return headers.findIndex((h) => names.has(norm(String(h ?? ''))));
}

/** True when the table has the result sheet's tier column (so it is read as a result, not as data). */
export function isTierTable(headers: readonly string[]): boolean {
  return columnOf(headers, 'tier') >= 0;
}

/**
 * The customers of a result sheet read back. Every row must have a customer, a readable value
 * and a tier A, B or C; the first row that does not stops the reading with its row number.
 * The empty row of a result sheet without customers is skipped.
 */
export async function readTierTable(table: TierTable, lang: Lang = 'en-US'): Promise<TierEntry[]> {
  const t = translator(messages, lang);
  const headers = table.headers.map((h) => String(h ?? ''));
  const cols = { customer: columnOf(headers, 'customer'), value: columnOf(headers, 'value'), tier: columnOf(headers, 'tier') };
  const missing = (['customer', 'value', 'tier'] as const).filter((k) => cols[k] < 0).map((k) => abcMessages[lang][k]);
  if (missing.length) throw new TierMigrationError('previous-unreadable', t('previousMissingColumns', { missing: missing.join(', '), headers: headers.join(', ') }));
  const entries: TierEntry[] = [];
  await eachRow(table, {}, (cells, row) => {
    if (isBlankRow(cells)) return;
    const text = (c: unknown) => (c === null || c === undefined ? '' : String(c).trim());
    const customer = text(cells[cols.customer]);
    const rawValue = cells[cols.value];
    if (customer === '' && text(rawValue) === '') return; // the one empty row of a result without customers
    if (customer === '') throw new TierMigrationError('previous-unreadable', t('previousBlankCustomer', { row, header: headers[cols.customer] }));
    const tier = text(cells[cols.tier]).toUpperCase();
    if (tier !== 'A' && tier !== 'B' && tier !== 'C')
      throw new TierMigrationError('previous-unreadable', t('previousBadTier', { row, header: headers[cols.tier], value: text(cells[cols.tier]) }));
    const value = parseMoney(rawValue);
    if (!value.ok) throw new TierMigrationError('previous-unreadable', t('previousBadValue', { row, header: headers[cols.value], message: parseErrorMessage(value.error, lang) }));
    entries.push({ customer, tier: tier as Tier, value: value.value.amount, row });
  });
  if (entries.length === 0) throw new TierMigrationError('previous-unreadable', t('previousEmpty'));
  return entries;
}

/** How far down a sheet read whole (the pane reads the used range, title block included) the result table's header is looked for. */
const HEADER_SEARCH_ROWS = 60;

/**
 * A sheet read whole as a tier table: when its first row is not the result table's header (an
 * ABC result sheet starts with its title and parameter blocks), the first row below that is —
 * a row with the customer, value and tier headers — becomes the header. Undefined when there
 * is none: the sheet is data, not a result.
 */
export function locateTierTable(headers: readonly string[], rows: readonly (readonly unknown[])[], firstRowNumber: number): { headers: string[]; rows: (readonly unknown[])[]; firstRowNumber: number } | undefined {
  const texts = (cells: readonly unknown[]) => cells.map((c) => (c === null || c === undefined ? '' : String(c)));
  const complete = (h: readonly string[]) => (['customer', 'value', 'tier'] as const).every((k) => columnOf(h, k) >= 0);
  if (complete(headers)) return { headers: texts(headers), rows: [...rows], firstRowNumber };
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const h = texts(rows[i]);
    if (complete(h)) return { headers: h, rows: rows.slice(i + 1), firstRowNumber: firstRowNumber + i + 1 };
  }
  return undefined;
}
