import type { DataSourceRef, WorkbookHost } from '../../host/workbook-host';
import type { Lang } from '../../sheets/core/sheet-spec';
import { isBonusScheme, type BonusScheme } from './bonus-service';
import type { ColumnMap } from './computation';

/** What the last written bonus run used, kept in the workbook so "Recalculate" can redo it. */
export interface LastBonusRun {
  scheme: BonusScheme;
  source: DataSourceRef;
  columns: ColumnMap;
  rulesSheet?: string;
  period: string;
  rates: Record<string, number>;
  lang: Lang;
  /** Amounts read with a decimal comma (absent in runs recorded before the choice existed: false). */
  decimalComma?: boolean;
  /** The sheets it wrote: the only ones Recalculate may replace. */
  sheets: string[];
}

/** Workbook setting holding the LastBonusRun. */
export const LAST_BONUS_RUN_SETTING = 'bonus.last';

/**
 * The last run recorded in the workbook, or undefined when there is none. A failure to read
 * the settings is thrown (the caller says so). A record this version cannot use — written by
 * another version of the add-in, or edited — is logged and treated as no record: Recalculate
 * is then not offered, and computing and writing again records a new one.
 */
export async function readLastBonusRun(host: WorkbookHost): Promise<LastBonusRun | undefined> {
  const value = await host.getSetting<unknown>(LAST_BONUS_RUN_SETTING);
  if (value === undefined || value === null) return undefined;
  if (isLastBonusRun(value)) return value;
  console.warn(
    `Account Planner: the workbook setting ${LAST_BONUS_RUN_SETTING} is not a bonus run this version reads`,
    value,
  );
  return undefined;
}

/** Records the run for Recalculate; a failure is thrown (the sheets are written by then: the caller warns). */
export function rememberBonusRun(host: WorkbookHost, run: LastBonusRun): Promise<void> {
  return host.setSetting(LAST_BONUS_RUN_SETTING, run);
}

const LANGS: readonly unknown[] = ['zh-CN', 'en-US'];

const isRecord = (o: unknown): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o);
const valuesAre = (o: unknown, type: 'string' | 'number') =>
  isRecord(o) && Object.values(o).every((x) => typeof x === type);

function isSourceRef(s: unknown): s is DataSourceRef {
  if (!isRecord(s)) return false;
  return s.kind === 'selection' || ((s.kind === 'table' || s.kind === 'sheet') && typeof s.name === 'string');
}

function isLastBonusRun(r: unknown): r is LastBonusRun {
  return (
    isRecord(r) &&
    isBonusScheme(r.scheme) &&
    isSourceRef(r.source) &&
    valuesAre(r.columns, 'string') &&
    (r.rulesSheet === undefined || typeof r.rulesSheet === 'string') &&
    typeof r.period === 'string' &&
    valuesAre(r.rates, 'number') &&
    LANGS.includes(r.lang) &&
    (r.decimalComma === undefined || typeof r.decimalComma === 'boolean') &&
    Array.isArray(r.sheets) &&
    r.sheets.every((s) => typeof s === 'string')
  );
}
