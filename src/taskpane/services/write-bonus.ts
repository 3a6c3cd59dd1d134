import type { InsertOptions, WorkbookHost } from '../../office/workbook-host';
import type { Lang, SheetSpec } from '../../sheets/sheet-spec';
import { carryUserColumns } from './carry-user-columns';
import { BONUS_OWNER } from './owners';
import type { BonusComputation } from './types';

/** A bonus run's sheets, ready to write: nothing has been written yet. */
export interface PreparedBonusWrite {
  specs: SheetSpec[];
  /** Sheets the add-in wrote earlier that these replace (in place). */
  replace: string[];
  /** Old rows with notes in added columns that match no new row (kept below the table). */
  unmatched: number;
  /** Index in `specs` of the Rules sheet, if it is written. */
  rulesAt?: number;
}

/**
 * Builds a run's sheets for writing. Columns people added to a sheet being replaced (notes,
 * follow-ups) are carried over; a sheet to be replaced that cannot be read stops here, before
 * anything is written — only "it is gone" means there is nothing to carry.
 */
export async function prepareBonusWrite(
  host: WorkbookHost,
  computation: BonusComputation,
  rulesSheetName: string,
  options: { lang: Lang; replace: string[]; signal?: AbortSignal },
): Promise<PreparedBonusWrite> {
  const { lang, replace, signal } = options;
  const built = await computation.sheets(lang);
  let unmatched = 0;
  const specs: SheetSpec[] = [];
  for (const spec of built) {
    const old = replace.find((r) => r === spec.name || r.replace(/ \(\d+\)$/, '') === spec.name);
    const data = old ? await host.readSource({ kind: 'sheet', name: old }, signal).catch(sheetGone) : undefined;
    if (!data) {
      specs.push(spec);
      continue;
    }
    const carried = carryUserColumns(spec, data, lang);
    unmatched += carried.unmatched;
    specs.push(carried.spec);
  }
  const rulesAt = specs.findIndex((s) => s.name === rulesSheetName);
  return { specs, replace, unmatched, ...(rulesAt >= 0 ? { rulesAt } : {}) };
}

/** Writes prepared sheets; returns the names used and the Rules sheet's, if it was written. */
export async function commitBonusWrite(
  host: WorkbookHost,
  prepared: PreparedBonusWrite,
  options: { signal?: AbortSignal; onSettingsNotSaved?: InsertOptions['onSettingsNotSaved'] } = {},
): Promise<{ names: string[]; rulesSheet?: string }> {
  const names = await host.insertSheets(
    prepared.specs,
    { activate: true, replace: prepared.replace, owner: BONUS_OWNER, onSettingsNotSaved: options.onSettingsNotSaved },
    options.signal,
  );
  return { names, ...(prepared.rulesAt !== undefined ? { rulesSheet: names[prepared.rulesAt] } : {}) };
}

function sheetGone(e: unknown): undefined {
  const err = e as { name?: string; code?: string } | null;
  if (err?.name === 'HostError' && err.code === 'sourceNotFound') return undefined;
  throw e;
}
