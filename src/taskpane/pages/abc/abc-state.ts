import type { Lang } from '../../../sheets/core/sheet-spec';
import type { LoadedData } from '../../components/DataSourcePicker';
import type { SettingsProblem } from '../../components/SettingsWarning';
import type { AbcComputation } from '../../services/abc-service';
import type { ColumnMap } from '../../services/computation';
import { DEFAULT_FORM, type AbcForm } from './abc-form';

/**
 * The ABC page's state and every change to it, as one reducer. No I/O here — the workflow
 * hook (use-abc-workflow.ts) talks to the workbook and dispatches what it found.
 */
export interface AbcState {
  data?: LoadedData;
  columns: ColumnMap;
  form: AbcForm;
  /** The previewed result: what "Write" writes. */
  result?: AbcComputation;
  /** The sheets the last write wrote. */
  written?: string[];
  /** Language the sheets are written in. */
  lang: Lang;
  settingsProblem?: SettingsProblem;
  /** Sheets the result can be compared with, and the one chosen ('' = no comparison). */
  compareSheets: string[];
  compareWith: string;
}

export type AbcAction =
  /** The default sheet language (Settings) changed: it replaces the page's choice. */
  | { type: 'sheetLangChanged'; lang: Lang }
  | { type: 'langPicked'; lang: Lang }
  /** `form`: the options remembered with the columns, if any. */
  | { type: 'dataLoaded'; data: LoadedData; columns: ColumnMap; form?: Partial<AbcForm> }
  | { type: 'columnsChanged'; columns: ColumnMap }
  | { type: 'formChanged'; patch: Partial<AbcForm> }
  | { type: 'computeStarted' }
  | { type: 'computed'; result: AbcComputation }
  | { type: 'written'; names: string[] }
  | { type: 'settingsProblem'; problem: SettingsProblem }
  | { type: 'settingsProblemDismissed' }
  | { type: 'compareSheetsListed'; sheets: string[] }
  | { type: 'compareChanged'; sheet: string };

export const initialAbcState = (lang: Lang): AbcState => ({ columns: {}, form: DEFAULT_FORM, lang, compareSheets: [], compareWith: '' });

export function abcReducer(state: AbcState, action: AbcAction): AbcState {
  switch (action.type) {
    case 'sheetLangChanged':
    case 'langPicked':
      return action.lang === state.lang ? state : { ...state, lang: action.lang };
    case 'dataLoaded':
      return {
        ...state,
        data: action.data,
        columns: action.columns,
        form: action.form ? { ...DEFAULT_FORM, ...action.form } : state.form,
        result: undefined,
        written: undefined,
      };
    // Any change to the mapping or options discards the preview: what is written is always what was shown.
    case 'columnsChanged':
      return { ...state, columns: action.columns, result: undefined };
    case 'formChanged':
      return { ...state, form: { ...state.form, ...action.patch }, result: undefined };
    case 'computeStarted':
      return { ...state, written: undefined };
    case 'computed':
      return { ...state, result: action.result };
    case 'written':
      return { ...state, written: action.names };
    case 'settingsProblem':
      return { ...state, settingsProblem: action.problem };
    case 'settingsProblemDismissed':
      return { ...state, settingsProblem: undefined };
    // A sheet that is gone is no longer offered, nor chosen.
    case 'compareSheetsListed':
      return { ...state, compareSheets: action.sheets, compareWith: action.sheets.includes(state.compareWith) ? state.compareWith : '' };
    // Like any option change, choosing what to compare with discards the preview.
    case 'compareChanged':
      return action.sheet === state.compareWith ? state : { ...state, compareWith: action.sheet, result: undefined };
  }
}
