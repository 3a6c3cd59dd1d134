import { Decimal } from '../../domain/exact/decimal';
import { BONUS_SCHEMES, type BonusScheme, type CreditRegister } from '../../domain/bonus/line';
import type { SourceLinks } from '../../sheets/core/source-link';
import { defaultRules, type BonusRules as DomainRules } from '../../domain/bonus/rules';
import { SCHEME_FIELDS, currencyCode, runBonus, type BonusRunResult } from '../../domain/bonus/run';
import { parseMoney } from '../../domain/parse/parse-number';
import { normalizeTypedText } from '../../domain/parse/normalize-text';
import type { TableData } from '../../host/workbook-host';
import { buildBonusSheets } from '../../sheets/bonus/bonus-sheets';
import { readRulesSheet } from '../../sheets/bonus/read-rules-sheet';
import { buildBonusRulesSheet } from '../../sheets/bonus/rules-sheet';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import { guessColumnHeaders } from '../../domain/parse/column-map';
import { chosenHeaders, mapOption, uiFields } from './column-guess';
import type { ColumnMap, FieldDef, RejectedRow } from './computation';
import { paneChoice } from './pane-choice';
import { rowBatches } from './row-batches';

export type { BonusScheme };

export function isBonusScheme(id: unknown): id is BonusScheme {
  return typeof id === 'string' && (BONUS_SCHEMES as readonly string[]).includes(id);
}

/** A bonus scheme as the pane offers it. */
export interface SchemeInfo {
  id: BonusScheme;
  fields: readonly FieldDef[];
  /** Whether the scheme uses a settlement period (quarter). */
  usesPeriod: boolean;
}

export interface BonusRules {
  /** Where the rules came from: built-in defaults or a sheet name. */
  source: { kind: 'defaults' } | { kind: 'sheet'; name: string };
  /** Currency → CNY per unit, as held by the rules. */
  rates: Record<string, number>;
  /** Problems the rules sheet itself flags (gaps, overlaps): computing is refused while any exist. */
  problems: string[];
  /** The rules themselves: the page only hands them back to compute(). */
  value: DomainRules;
}

export interface BonusRequest {
  scheme: BonusScheme;
  table: TableData;
  columns: ColumnMap;
  rules: BonusRules;
  /** e.g. "2026Q1"; '' = every period in the data. */
  period: string;
  /** Currency → CNY per unit, overriding the rules' rates. */
  rates: Record<string, number>;
  /** Language of the reasons shown in the pane (the sheets get their own). */
  lang: Lang;
  /** Amounts and shares written with a decimal comma (the page's checkbox, as ABC's). */
  decimalComma?: boolean;
  /**
   * The workbook's credit register (bad-debt scheme): the split follows its approvers and lines,
   * and the bad-debt sheet reads them live (docs/rules/bonus/bad-debt.md).
   */
  creditRegister?: { register: CreditRegister; sources: SourceLinks };
}

export interface BonusSummary {
  reps: { rep: string; lines: number; eligible: number; bonus: number }[];
  total: number;
  lines: number;
  rejectedCount: number;
  rejected: RejectedRow[];
}

export interface BonusComputation {
  summary: BonusSummary;
  /** The bonus sheet, then one statement sheet per rep (reasons in `lang`). */
  sheets(lang: Lang): Promise<SheetSpec[]>;
}

/** Bonuses as the pane runs them: the engine of src/domain/bonus, the sheets of src/sheets/bonus. */
export interface BonusService {
  schemes: readonly SchemeInfo[];
  guessColumns(scheme: BonusScheme, headers: string[]): ColumnMap;
  defaultRules(): BonusRules;
  /** The Rules sheet for the workbook, with the built-in defaults. */
  rulesSheet(lang: Lang): SheetSpec;
  /** Reads rules back from a Rules sheet's data; problems are worded in `lang`. */
  readRules(table: TableData, sheetName: string, lang: Lang): BonusRules;
  /** Currencies the run needs a CNY rate for: those in the data, plus the scheme's band currency. CNY excluded. */
  currencies(scheme: BonusScheme, table: TableData, columns: ColumnMap, rules: BonusRules, decimalComma?: boolean): string[];
  compute(
    request: BonusRequest,
    signal?: AbortSignal,
    onProgress?: (fraction: number) => void,
  ): Promise<BonusComputation>;
}

/** How many rejected rows the pane lists (all are counted). */
const SHOWN_REJECTED = 200;

const PERIOD_SCHEMES = new Set<BonusScheme>(['new-brand', 'new-customer', 'referral', 'fees']);
const MONEY_SCHEMES = new Set<BonusScheme>(['new-brand', 'new-customer', 'bad-debt']);

export function createBonusService(now: () => Date = () => new Date()): BonusService {
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
    guessColumns: (scheme, headers) => guessColumnHeaders(headers, SCHEME_FIELDS[scheme]),
    defaultRules: () => asRules(defaultRules(), { kind: 'defaults' }),
    rulesSheet: (lang) => buildBonusRulesSheet(defaultRules(), { lang }).sheet,
    readRules(table, sheetName, lang) {
      const { rules, problems } = readRulesSheet(table, lang);
      return asRules(rules, { kind: 'sheet', name: sheetName }, problems);
    },
    currencies(scheme, table, columns, rules, decimalComma = false) {
      const found = new Set<string>();
      if (scheme === 'new-brand') found.add(rules.value.newBrand.tierCurrency);
      if (MONEY_SCHEMES.has(scheme)) {
        const amount = table.headers.indexOf(columns.amount ?? '');
        const currency = columns.currency ? table.headers.indexOf(columns.currency) : -1;
        for (const row of table.rows) {
          if (currency >= 0) {
            const c = normalizeTypedText(String(row[currency] ?? '')).trim();
            if (c) found.add(currencyCode(c));
          }
          if (amount >= 0) {
            const m = parseMoney(row[amount], { decimalComma });
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
          req.scheme,
          {
            headers: chosenHeaders(req.table.headers, req.columns),
            batches: rowBatches(req.table.rows, req.table.firstRowNumber, signal, progress, req.table.rowProblems),
          },
          {
            rules: req.rules.value,
            fx: Object.fromEntries(Object.entries(req.rates).map(([c, r]) => [c, new Decimal(String(r))])),
            period: req.period || undefined,
            lang,
            map: mapOption(req.columns),
            keepRejected: SHOWN_REJECTED,
            computedAt,
            decimalComma: req.decimalComma === true,
            // A refused column names the choice as the page shows it.
            decimalCommaChoice: paneChoice(lang, 'decimalComma'),
            ...(req.scheme === 'bad-debt' && req.creditRegister ? { creditRegister: req.creditRegister.register } : {}),
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
          const sources = req.scheme === 'bad-debt' ? req.creditRegister?.sources : undefined;
          return buildBonusSheets(r, { lang: r.lang, ...(sources ? { sources } : {}) });
        },
      };
    },
  };
}
