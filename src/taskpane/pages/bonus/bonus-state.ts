import type { Lang } from '../../../sheets/core/sheet-spec';
import type { LoadedData } from '../../components/DataSourcePicker';
import type { SettingsProblem } from '../../components/SettingsWarning';
import type { LastBonusRun } from '../../services/bonus-last-run';
import type { BonusComputation, BonusRules, BonusScheme } from '../../services/bonus-service';
import type { ColumnMap } from '../../services/computation';
import type { PreparedBonusWrite } from '../../services/write-bonus';

/**
 * The Bonus page's state and every change to it, as one reducer: what the user chose, what
 * was computed and written, and what waits for their go-ahead. No I/O here — the workflow
 * hook (use-bonus-workflow.ts) talks to the workbook and dispatches what it found.
 */

/** A write waiting for the user's go-ahead: a Recalculate, or a write that rewrites their Rules sheet. */
export interface PendingWrite {
  kind: 'write' | 'recalc';
  computation: BonusComputation;
  prepared: PreparedBonusWrite;
  run: Omit<LastBonusRun, 'sheets'>;
}

export interface BonusState {
  scheme: BonusScheme;
  rules: BonusRules;
  /** The workbook's visible sheets, offered as Rules sheets. */
  sheets: string[];
  /** Why the sheets could not be listed; cleared by the next listing that works. */
  sheetsError?: unknown;
  /** The sheet picked as the Rules sheet (read only on "Read rules"). */
  rulesSheet: string;
  data?: LoadedData;
  columns: ColumnMap;
  period: string;
  /** Amounts and shares are written with a decimal comma (1.234,5): the checkbox. */
  decimalComma: boolean;
  /** Rates the user typed, by currency; a currency not typed shows the rules' rate. */
  rateEdits: Record<string, string>;
  /** The computed run shown in the pane: what "Write" writes. */
  result?: BonusComputation;
  /** The sheets the last write or Recalculate wrote. */
  written?: string[];
  /** The run recorded in the workbook, which Recalculate redoes. */
  last?: LastBonusRun;
  pending?: PendingWrite;
  /** Language the sheets are written in. */
  lang: Lang;
  settingsProblem?: SettingsProblem;
}

export type BonusAction =
  /** The default sheet language (Settings) changed: it replaces the page's choice. */
  | { type: 'sheetLangChanged'; lang: Lang }
  | { type: 'langPicked'; lang: Lang }
  | { type: 'sheetsListed'; sheets: string[] }
  | { type: 'sheetsNotListed'; error: unknown }
  | { type: 'sheetsErrorDismissed' }
  | { type: 'lastRunFound'; last: LastBonusRun }
  | { type: 'settingsProblem'; problem: SettingsProblem }
  | { type: 'settingsProblemDismissed' }
  /** `columns`: the guess for the new scheme, when data is loaded. */
  | { type: 'schemeChosen'; scheme: BonusScheme; columns?: ColumnMap }
  | { type: 'dataLoaded'; data: LoadedData; columns: ColumnMap }
  | { type: 'columnsChanged'; columns: ColumnMap }
  | { type: 'rulesSheetPicked'; name: string }
  /** Rules read from a sheet; `sheet` is also picked in the list (a Rules sheet just created). */
  | { type: 'rulesRead'; rules: BonusRules; sheet?: string; created?: boolean }
  | { type: 'periodChanged'; period: string }
  | { type: 'decimalCommaChanged'; decimalComma: boolean }
  | { type: 'rateTyped'; currency: string; text: string }
  | { type: 'computeStarted' }
  | { type: 'computed'; result: BonusComputation }
  | { type: 'confirmAsked'; pending: PendingWrite }
  | { type: 'confirmClosed' }
  /** `rulesSheet`: the Rules sheet the formulas read, when the write wrote or kept one. */
  | { type: 'written'; pending: PendingWrite; names: string[]; rulesSheet?: string; last: LastBonusRun };

export function initialBonusState(scheme: BonusScheme, rules: BonusRules, lang: Lang): BonusState {
  return { scheme, rules, sheets: [], rulesSheet: '', columns: {}, period: '', decimalComma: false, rateEdits: {}, lang };
}

/** The sheet to offer as the Rules sheet: the current pick while it exists, else one named like rules. */
function pickRulesSheet(current: string, sheets: string[]): string {
  if (sheets.includes(current)) return current;
  return sheets.find((n) => /rule|规则/i.test(n)) ?? sheets[0] ?? '';
}

/** Any change to what a run reads discards the shown result: what is written is always what was shown. */
const discardResult = (s: BonusState): BonusState => ({ ...s, result: undefined, written: undefined });

export function bonusReducer(state: BonusState, action: BonusAction): BonusState {
  switch (action.type) {
    case 'sheetLangChanged':
    case 'langPicked':
      return action.lang === state.lang ? state : { ...state, lang: action.lang };
    case 'sheetsListed':
      return {
        ...state,
        sheets: action.sheets,
        sheetsError: undefined,
        rulesSheet: pickRulesSheet(state.rulesSheet, action.sheets),
      };
    case 'sheetsNotListed':
      return { ...state, sheetsError: action.error };
    case 'sheetsErrorDismissed':
      return { ...state, sheetsError: undefined };
    case 'lastRunFound':
      return { ...state, last: action.last };
    case 'settingsProblem':
      return { ...state, settingsProblem: action.problem };
    case 'settingsProblemDismissed':
      return { ...state, settingsProblem: undefined };
    case 'schemeChosen':
      return discardResult({ ...state, scheme: action.scheme, columns: action.columns ?? state.columns });
    case 'dataLoaded':
      return discardResult({ ...state, data: action.data, columns: action.columns });
    case 'columnsChanged':
      return discardResult({ ...state, columns: action.columns });
    case 'rulesSheetPicked':
      return { ...state, rulesSheet: action.name };
    case 'rulesRead': {
      const next = discardResult({ ...state, rules: action.rules, rulesSheet: action.sheet ?? state.rulesSheet });
      // A Rules sheet just created is shown (and, in the preview, downloadable) at once.
      return action.created && action.sheet ? { ...next, written: [action.sheet] } : next;
    }
    case 'periodChanged':
      return discardResult({ ...state, period: action.period });
    case 'decimalCommaChanged':
      return discardResult({ ...state, decimalComma: action.decimalComma });
    case 'rateTyped':
      return discardResult({ ...state, rateEdits: { ...state.rateEdits, [action.currency]: action.text } });
    case 'computeStarted':
      return { ...state, written: undefined };
    case 'computed':
      return { ...state, result: action.result };
    case 'confirmAsked':
      return { ...state, pending: action.pending };
    case 'confirmClosed':
      return { ...state, pending: undefined };
    case 'written': {
      const { pending, names, rulesSheet, last } = action;
      // A write that wrote (or kept) a Rules sheet reads its rules from there from now on.
      const rulesMoved = pending.kind === 'write' && rulesSheet !== undefined;
      return {
        ...state,
        result: pending.kind === 'recalc' ? pending.computation : state.result,
        written: names,
        rules: rulesMoved ? { ...state.rules, source: { kind: 'sheet', name: rulesSheet } } : state.rules,
        rulesSheet: rulesMoved ? rulesSheet : state.rulesSheet,
        last,
      };
    }
  }
}

/** The rate shown for a currency: what the user typed, else what the rules hold. */
export function rateText(state: BonusState, currency: string): string {
  const typed = state.rateEdits[currency];
  if (typed !== undefined) return typed;
  const fromRules = state.rules.rates[currency];
  return fromRules === undefined ? '' : String(fromRules);
}
