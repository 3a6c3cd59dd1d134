import { Decimal } from '../../domain/exact/decimal';
import { BONUS_SCHEMES, type BonusScheme } from '../../domain/bonus/line';
import { defaultRules, type BonusRules as DomainRules } from '../../domain/bonus/rules';
import { SCHEME_FIELDS, currencyCode, runBonus, type BonusRunResult } from '../../domain/bonus/run';
import { parseMoney } from '../../domain/parse/parse-number';
import { normalizeTypedText } from '../../domain/parse/normalize-text';
import type { Lang } from '../../sheets/core/sheet-spec';
import type { TableData } from '../../host/workbook-host';
import { chosenHeaders, guessColumns, mapOption, uiFields } from './column-guess';
import { rowBatches } from './row-batches';
import type { BonusComputation, BonusRequest, BonusRules, BonusService, ColumnMap } from './types';

/** How many rejected rows the pane lists (all are counted). */
const SHOWN_REJECTED = 200;

const PERIOD_SCHEMES = new Set<BonusScheme>(['new-brand', 'new-customer', 'referral', 'fees']);
const MONEY_SCHEMES = new Set<BonusScheme>(['new-brand', 'new-customer', 'bad-debt']);

export interface BonusSheetsBuilder {
  rulesSheet(rules: DomainRules, lang: Lang): import('../../sheets/core/sheet-spec').SheetSpec;
  readRulesSheet(table: TableData, lang: Lang): { rules: DomainRules; problems: string[] };
  bonusSheets(result: BonusRunResult): import('../../sheets/core/sheet-spec').SheetSpec[];
}

export function createBonusService(sheets: BonusSheetsBuilder, now: () => Date = () => new Date()): BonusService {
  const asRules = (value: DomainRules, source: BonusRules['source'], problems: string[] = []): BonusRules => ({
    source,
    value,
    problems,
    rates: Object.fromEntries(Object.entries(value.fx).map(([c, r]) => [c, r.toNumber()])),
  });

  return {
    schemes: BONUS_SCHEMES.map((id) => ({
      id,
      fields: uiFields(SCHEME_FIELDS[id]),
      usesPeriod: PERIOD_SCHEMES.has(id),
    })),
    guessColumns: (scheme, headers) => guessColumns(headers, SCHEME_FIELDS[scheme as BonusScheme] ?? []),
    defaultRules: () => asRules(defaultRules(), { kind: 'defaults' }),
    rulesSheet: (lang) => sheets.rulesSheet(defaultRules(), lang),
    readRules(table, sheetName, lang) {
      const { rules, problems } = sheets.readRulesSheet(table, lang);
      return asRules(rules, { kind: 'sheet', name: sheetName }, problems);
    },
    currencies(scheme, table, columns, rules) {
      const found = new Set<string>();
      const s = scheme as BonusScheme;
      if (s === 'new-brand') found.add((rules.value as DomainRules).newBrand.tierCurrency);
      if (MONEY_SCHEMES.has(s)) {
        const amount = table.headers.indexOf(columns.amount ?? '');
        const currency = columns.currency ? table.headers.indexOf(columns.currency) : -1;
        for (const row of table.rows) {
          if (currency >= 0) {
            const c = normalizeTypedText(String(row[currency] ?? '')).trim();
            if (c) found.add(currencyCode(c));
          }
          if (amount >= 0) {
            const m = parseMoney(row[amount]);
            if (m.ok && m.value.currency) found.add(m.value.currency);
          }
        }
      }
      found.delete('CNY');
      return [...found].filter((c) => /^[A-Z]{3}$/.test(c)).sort();
    },
    async compute(
      req: BonusRequest,
      signal?: AbortSignal,
      onProgress?: (fraction: number) => void,
    ): Promise<BonusComputation> {
      const computedAt = now();
      const run = (lang: Lang, progress?: (f: number) => void) =>
        runBonus(
          req.scheme as BonusScheme,
          {
            headers: chosenHeaders(req.table.headers, req.columns),
            batches: rowBatches(req.table.rows, req.table.firstRowNumber, signal, progress),
          },
          {
            rules: req.rules.value as DomainRules,
            fx: Object.fromEntries(Object.entries(req.rates).map(([c, r]) => [c, new Decimal(String(r))])),
            period: req.period || undefined,
            lang,
            map: mapOption(req.columns),
            keepRejected: SHOWN_REJECTED,
            computedAt,
          },
        );
      const result = await run(req.lang, onProgress);
      signal?.throwIfAborted();
      const byLang = new Map<Lang, BonusRunResult>([[req.lang, result]]);
      return {
        summary: {
          reps: result.byRep.map((r) => ({
            rep: r.rep,
            lines: r.lines,
            eligible: r.eligible,
            bonus: r.bonus.toNumber(),
          })),
          total: result.byRep.reduce((s, r) => s.plus(r.bonus), new Decimal(0)).toNumber(),
          lines: result.lines.length,
          rejectedCount: result.rejected.count,
          rejected: result.rejected.rows,
        },
        // Reasons are sentences in the sheet's language, so another language means another run.
        async sheets(lang) {
          let r = byLang.get(lang);
          if (!r) byLang.set(lang, (r = await run(lang)));
          return sheets.bonusSheets(r);
        },
      };
    },
  };
}

export type { ColumnMap };
