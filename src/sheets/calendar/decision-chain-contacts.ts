/**
 * The contacts of a decision chain sheet (docs/rules/occasion-calendar.md), read row by row from
 * row 1 — the CLI from a file, the pane from a sheet of the open workbook. The people table's
 * header is the first row with the person, age / birthday and family columns (in either
 * language); the customer is the project row's "Customer" cell unless one is given; the table
 * ends at the summary block's section title under it.
 */
import { readBirthday, readFamilyOccasions, type Contact } from '../../domain/calendar/contact-dates';
import chainMessages from '../../i18n/templates/decision-chain';
import type { Lang } from '../../i18n/define';

const norm = (h: unknown) => String(h ?? '').trim().toLowerCase();
const both = (key: keyof (typeof chainMessages)['en-US']) => new Set([chainMessages['en-US'][key], chainMessages['zh-CN'][key]].map(norm));

/** How far down the sheet the people table's header is looked for (under the title and project rows). */
const HEADER_SEARCH_ROWS = 30;

const COLUMN_KEYS = ['colPerson', 'colAge', 'colFamily'] as const;

export interface ChainContactsReader {
  /** One sheet row's cells (column A first) and its 1-based row number. */
  row(cells: readonly unknown[], rowNumber: number): void;
  /** Whether the people table's header was found. */
  readonly found: boolean;
  /** The contacts read; a contact without a customer gets `fallbackCustomer`. */
  contacts(fallbackCustomer: string): Contact[];
  /** The first row's cells, for a message when the header was not found. */
  readonly firstHeaders: string[];
}

export function chainContactsReader(customerOption?: string): ChainContactsReader {
  const names = COLUMN_KEYS.map((k) => both(k));
  const summaryLabels = both('summarySection');
  const customerLabels = both('projectCustomer');
  let cols: { person: number; age: number; family: number } | undefined;
  let customer = customerOption;
  let searched = 0;
  let ended = false;
  let firstHeaders: string[] | undefined;
  const out: Contact[] = [];
  const find = (cells: readonly unknown[]) => {
    const h = cells.map(norm);
    const [person, age, family] = names.map((set) => h.findIndex((x) => set.has(x)));
    return person >= 0 && age >= 0 && family >= 0 ? { person, age, family } : undefined;
  };
  const customerIn = (cells: readonly unknown[]) => {
    const at = cells.findIndex((x) => customerLabels.has(norm(x)));
    const value = at >= 0 ? cells.slice(at + 1).find((x) => String(x ?? '').trim() !== '') : undefined;
    return value === undefined ? undefined : String(value).trim();
  };
  return {
    row(cells, rowNumber) {
      firstHeaders ??= cells.map((x) => String(x ?? ''));
      if (ended) return;
      if (!cols) {
        if (searched++ >= HEADER_SEARCH_ROWS) return;
        customer ??= customerIn(cells);
        cols = find(cells);
        return;
      }
      const person = String(cells[cols.person] ?? '').trim();
      if (summaryLabels.has(norm(person))) {
        ended = true;
        return;
      }
      if (person === '') return;
      const birthday = readBirthday(cells[cols.age]);
      out.push({ customer: customer ?? '', person, ...(birthday ? { birthday } : {}), occasions: readFamilyOccasions(cells[cols.family]), row: rowNumber });
    },
    get found() {
      return cols !== undefined;
    },
    get firstHeaders() {
      return firstHeaders ?? [];
    },
    contacts(fallbackCustomer) {
      return out.map((c) => (c.customer ? c : { ...c, customer: fallbackCustomer }));
    },
  };
}

/** The names of the three columns the people table needs, in `lang`. */
export function chainColumnNames(lang: Lang): string[] {
  return COLUMN_KEYS.map((k) => chainMessages[lang][k]);
}
