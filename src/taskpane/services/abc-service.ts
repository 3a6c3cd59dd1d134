import { runAbc, type AbcResult } from '../../domain/abc/run';
import { field } from '../../domain/parse/column-map';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import { chosenHeaders, guessColumns } from './column-guess';
import { rowBatches } from './row-batches';
import type { AbcComputation, AbcService, ColumnMap } from './types';

/** How many rejected rows the pane lists (all are counted). */
const SHOWN_REJECTED = 200;

// The engine's fields; `factor` is the pane's way to say "value = this column × that column".
const ENGINE_FIELDS = [field('customer', true), field('value', true, ['sales amount', 'net amount'])];

/** namePrefix keeps the defined names of a second ABC sheet apart from the first one's. */
export type AbcSheetsBuilder = (result: AbcResult, lang: Lang, namePrefix: string) => SheetSpec[];

export function createAbcService(buildSheets: AbcSheetsBuilder): AbcService {
  return {
    fields: [
      { key: 'customer', required: true },
      { key: 'value', required: true },
      { key: 'factor', required: false },
    ],
    guessColumns(headers) {
      const guess = guessColumns(headers, ENGINE_FIELDS);
      // No amount column but quantity and unit price (ERP line exports): value = quantity × price.
      if (!guess.value) {
        const qp = guessColumns(headers, [field('quantity', false), field('unit_price', false)]);
        if (qp.quantity && qp.unit_price)
          return { customer: guess.customer, value: qp.quantity, factor: qp.unit_price };
      }
      return { customer: guess.customer, value: guess.value, factor: '' };
    },
    async compute(table, columns: ColumnMap, options, uiLang, signal, onProgress): Promise<AbcComputation> {
      const value = columns.factor ? `${columns.value}*${columns.factor}` : columns.value;
      const run = (lang: Lang, progress?: (f: number) => void) =>
        runAbc(
          {
            headers: chosenHeaders(table.headers, columns),
            batches: rowBatches(table.rows, table.firstRowNumber, signal, progress),
          },
          {
            customer: columns.customer,
            value,
            method: options.method,
            thresholds: options.method === 'value' ? { a: options.thresholds[0], b: options.thresholds[1] } : undefined,
            countShares:
              options.method === 'count' ? { a: options.thresholds[0], b: options.thresholds[1] } : undefined,
            crossing: options.crossingToLower ? 'exclude' : 'include',
            group: options.groupByCustomer,
            keepRejected: SHOWN_REJECTED,
            lang,
          },
        );
      const result = await run(uiLang, onProgress);
      signal?.throwIfAborted();
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
        },
        // Rejection reasons on the sheet are in the sheet's language.
        async sheets(lang, runNumber = 1) {
          let r = byLang.get(lang);
          if (!r) byLang.set(lang, (r = await run(lang)));
          return buildSheets(r, lang, runNumber > 1 ? `ABC${runNumber}_` : 'ABC_');
        },
      };
    },
  };
}
