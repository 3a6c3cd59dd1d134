/**
 * ABC tiers and bonuses inside the workbook, through any WorkbookHost: read the user's data,
 * compute with the engine, write the result sheets as new sheets owned by the add-in. The
 * user's own cells are never written here (a tier column is a separate, confirmed step:
 * WorkbookHost.addColumn). With `replacePrevious`, the sheets an earlier run wrote are
 * replaced — only those, as recorded in the workbook.
 */
import { runAbc, type AbcResult, type AbcRunOptions } from '../domain/abc-run';
import type { BonusScheme } from '../domain/bonus-line';
import { runBonus, type BonusRunOptions, type BonusRunResult } from '../domain/bonus-run';
import { buildAbcSheets } from '../sheets/abc-result';
import { buildBonusSheets } from '../sheets/bonus-sheets';
import type { Lang } from '../sheets/sheet-spec';
import type { DataSourceRef, WorkbookHost } from './workbook-host';

export interface WorkbookRunOptions {
  lang: Lang;
  /** Report date in the title block; default today. */
  today?: Date;
  /** Replace the sheets the previous run of the same kind wrote (the user confirmed). */
  replacePrevious?: boolean;
  signal?: AbortSignal;
  onSkipped?: (sheet: string, skipped: string[]) => void;
}

export const ABC_OWNER = 'abc';
export const bonusOwner = (scheme: BonusScheme) => `bonus:${scheme}`;

async function previous(host: WorkbookHost, owner: string, replace: boolean | undefined): Promise<string[]> {
  if (!replace || !host.listOwnedSheets) return [];
  return (await host.listOwnedSheets()).filter((s) => s.owner === owner).map((s) => s.name);
}

export async function runAbcInWorkbook(
  host: WorkbookHost,
  source: DataSourceRef,
  abc: AbcRunOptions,
  run: WorkbookRunOptions,
): Promise<{ result: AbcResult; sheets: string[] }> {
  const table = await host.readSource(source, run.signal);
  const result = await runAbc({ headers: table.headers, rows: table.rows, firstRowNumber: table.firstRowNumber }, { lang: run.lang, ...abc });
  const specs = buildAbcSheets(result, { lang: run.lang, today: run.today });
  const replace = await previous(host, ABC_OWNER, run.replacePrevious);
  const sheets = await host.insertSheets(specs, { owner: ABC_OWNER, replace, activate: true, onSkipped: run.onSkipped }, run.signal);
  return { result, sheets };
}

export async function runBonusInWorkbook(
  host: WorkbookHost,
  source: DataSourceRef,
  scheme: BonusScheme,
  bonus: BonusRunOptions,
  run: WorkbookRunOptions,
): Promise<{ result: BonusRunResult; sheets: string[] }> {
  const table = await host.readSource(source, run.signal);
  const result = await runBonus(scheme, { headers: table.headers, rows: table.rows, firstRowNumber: table.firstRowNumber }, { lang: run.lang, ...bonus });
  const specs = buildBonusSheets(result, { lang: run.lang });
  const owner = bonusOwner(scheme);
  const replace = await previous(host, owner, run.replacePrevious);
  const sheets = await host.insertSheets(specs, { owner, replace, activate: true, onSkipped: run.onSkipped }, run.signal);
  return { result, sheets };
}
