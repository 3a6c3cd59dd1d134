import { runAbc, type AbcResult, type AbcRunOptions } from '../../domain/abc/run';
import { findAbcColumns } from '../../domain/abc/columns';
import { paneChoice } from './pane-choice';
import { locateTierTable, readTierTable, tierEntriesOf } from '../../domain/abc/previous-tiers';
import { compareTiers, type TierMigration } from '../../domain/abc/tier-migration';
import { buildMigrationSheet } from '../../sheets/abc/migration-sheet';
import type { TableData } from '../../host/workbook-host';
import { buildAbcSheets } from '../../sheets/abc/result-sheet';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import { chosenHeaders } from './column-guess';
import type { ColumnMap, FieldDef, RejectedRow } from './computation';
import { rowBatches } from './row-batches';

export type Tier = 'A' | 'B' | 'C';

export interface AbcOptions {
  method: 'value' | 'count';
  /** Fractions: value method cumulative limits a/b (0.8, 0.95); count method shares of customers in A and in B (0.2, 0.3). */
  thresholds: [number, number];
  /** Value method: the customer crossing a threshold goes to the lower tier (default: stays in the upper one). */
  crossingToLower: boolean;
  groupByCustomer: boolean;
  /** Read text values with decimal commas (1.234,5); without, a column holding one is refused whole. */
  decimalComma?: boolean;
  /** Currency of values without a mark; without, such rows are set aside when other values are marked. */
  currency?: 'CNY' | 'USD' | 'EUR';
}

export interface AbcSummary {
  tiers: { tier: Tier; customers: number; customerShare: number; value: number; valueShare: number }[];
  /** Positive customers in rank order (for the chart), value and cumulative share after each. */
  ranked: { customer: string; value: number; cumulative: number; tier: Tier }[];
  total: number;
  positiveCustomers: number;
  nonPositive: number;
  rejectedCount: number;
  /** The first rejected rows, with the sheet row numbers. */
  rejected: RejectedRow[];
  /** Compared with a previous result: the movements and the change in visits per month. */
  migration?: Pick<TierMigration, 'counts' | 'visits' | 'quotas'>;
}

/** The previous ABC result to compare with: a result sheet (read back) or the previous period's data (ranked alike). */
export interface AbcPrevious {
  table: TableData;
}

export interface AbcComputation {
  summary: AbcSummary;
  /** Builds the result sheet(s), Pareto chart included; `run` numbers the workbook's ABC results (defined names stay unique). */
  sheets(lang: Lang, run?: number): Promise<SheetSpec[]>;
}

/** ABC tiers as the pane runs them: the engine of src/domain/abc, the sheets of src/sheets/abc. */
export interface AbcService {
  fields: readonly FieldDef[];
  /** Maps engine fields to headers by name (zh-CN/en-US synonyms). */
  guessColumns(headers: string[]): ColumnMap;
  /** `lang`: language of the reasons shown in the pane (the sheets get their own). */
  compute(
    table: TableData,
    columns: ColumnMap,
    options: AbcOptions,
    lang: Lang,
    signal?: AbortSignal,
    onProgress?: (fraction: number) => void,
    previous?: AbcPrevious,
  ): Promise<AbcComputation>;
}

/** How many rejected rows the pane lists (all are counted). */
const SHOWN_REJECTED = 200;

// `factor` is the pane's way to say "value = this column × that column".
/** namePrefix keeps the defined names of a second ABC sheet apart from the first one's. */
export type AbcSheetsBuilder = (result: AbcResult, lang: Lang, namePrefix: string) => SheetSpec[];

/**
 * From this many table rows the customer table is generated rows (SheetSpec.rowBlocks) carrying
 * the engine's values: as cells, 200,000 customers took 1.8 GiB in Chromium and 90 s in the
 * preview's spreadsheet engine (IronCalc's input grows faster than linearly), over the pane's
 * 1 GiB. Such a sheet is shown and written, not recomputed in the preview.
 */
export const ABC_ROWS_AS_BLOCK_FROM = 10_000;

const resultSheets: AbcSheetsBuilder = (result, lang, namePrefix) =>
  buildAbcSheets(result, {
    lang,
    namePrefix,
    rowsAsBlock: result.customers.length + result.nonPositive.length >= ABC_ROWS_AS_BLOCK_FROM,
  });

/** `buildSheets`: the result sheets of src/sheets/abc; tests that check only what is written pass a stand-in. */
export function createAbcService(buildSheets: AbcSheetsBuilder = resultSheets): AbcService {
  return {
    fields: [
      { key: 'customer', required: true },
      { key: 'value', required: true },
      { key: 'factor', required: false },
    ],
    guessColumns(headers) {
      // The command line finds them the same way (value = quantity × unit price when there is no value column).
      const found = findAbcColumns(headers);
      const header = (i: number | undefined) => (i === undefined ? '' : headers[i]);
      return { customer: header(found.customer), value: header(found.value[0]), factor: header(found.value[1]) };
    },
    async compute(table, columns: ColumnMap, options, uiLang, signal, onProgress, previous): Promise<AbcComputation> {
      const value = columns.factor ? `${columns.value}*${columns.factor}` : columns.value;
      const runOptions = (lang: Lang): AbcRunOptions => ({
        customer: columns.customer,
        value,
        method: options.method,
        thresholds: options.method === 'value' ? { a: options.thresholds[0], b: options.thresholds[1] } : undefined,
        countShares: options.method === 'count' ? { a: options.thresholds[0], b: options.thresholds[1] } : undefined,
        crossing: options.crossingToLower ? 'exclude' : 'include',
        group: options.groupByCustomer,
        keepRejected: SHOWN_REJECTED,
        decimalComma: options.decimalComma === true,
        currency: options.currency,
        // The engine's messages name these choices as the pane shows them.
        choiceNames: { decimalComma: paneChoice(lang, 'decimalComma'), currency: paneChoice(lang, 'currency') },
        lang,
      });
      const run = (lang: Lang, progress?: (f: number) => void) =>
        runAbc(
          {
            headers: chosenHeaders(table.headers, columns),
            batches: rowBatches(table.rows, table.firstRowNumber, signal, progress, table.rowProblems),
          },
          runOptions(lang),
        );
      const result = await run(uiLang, onProgress);
      signal?.throwIfAborted();
      let migration: TierMigration | undefined;
      if (previous) {
        const p = previous.table;
        const located = locateTierTable(p.headers, p.rows, p.firstRowNumber);
        // A result sheet is read back; anything else is the previous period's data, ranked with the same columns and options.
        const entries = located
          ? await readTierTable(located, uiLang)
          : tierEntriesOf(
              await runAbc(
                { headers: chosenHeaders(p.headers, columns), rows: p.rows, firstRowNumber: p.firstRowNumber },
                { ...runOptions(uiLang), keepRejected: 0 },
              ),
            );
        migration = compareTiers(entries, tierEntriesOf(result), { lang: uiLang });
      }
      const byLang = new Map<Lang, AbcResult>([[uiLang, result]]);
      let cumulative = 0;
      const total = result.total.toNumber();
      return {
        summary: {
          tiers: (['A', 'B', 'C'] as const).map((tier) => ({
            tier,
            customers: result.summary[tier].customers,
            customerShare: result.summary[tier].customerShare,
            value: result.summary[tier].value.toNumber(),
            valueShare: result.summary[tier].valueShare,
          })),
          ranked: result.customers.map((c) => {
            cumulative = c.cumulativeBefore + c.share;
            return { customer: c.customer, value: c.value.toNumber(), cumulative, tier: c.tier };
          }),
          total,
          positiveCustomers: result.customers.length,
          nonPositive: result.nonPositive.length,
          rejectedCount: result.rejected.count,
          rejected: result.rejected.rows.map((r) => ({ row: r.row, reason: r.reason })),
          ...(migration
            ? { migration: { counts: migration.counts, visits: migration.visits, quotas: migration.quotas } }
            : {}),
        },
        // Rejection reasons on the sheet are in the sheet's language.
        async sheets(lang, runNumber = 1) {
          let r = byLang.get(lang);
          if (!r) byLang.set(lang, (r = await run(lang)));
          const sheets = buildSheets(r, lang, runNumber > 1 ? `ABC${runNumber}_` : 'ABC_');
          if (migration)
            sheets.push(
              buildMigrationSheet(migration, {
                lang,
                previousLabel: previous!.table.label,
                currentLabel: table.label,
                namePrefix: runNumber > 1 ? `Migration${runNumber}` : 'Migration',
              }),
            );
          return sheets;
        },
      };
    },
  };
}
