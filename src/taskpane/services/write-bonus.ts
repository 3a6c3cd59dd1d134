import { renameSheetRefsInSpec } from '../../sheets/core/sheet-refs';
import type { InsertOptions, WorkbookHost } from '../../host/workbook-host';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import { carryUserColumns } from '../../sheets/core/carry-user-columns';
import { compareRulesSheet, type RulesDifference } from '../../sheets/bonus/rules-sheet-match';
import type { BonusComputation } from './bonus-service';

// What wrote a sheet, as recorded in the workbook with each sheet the pane writes
// (InsertOptions.owner). Recalculate replaces only sheets recorded under BONUS_OWNER.

/** The bonus sheet, summary, orders and statements of the last bonus run. */
export const BONUS_OWNER = 'bonus';
/** A Rules sheet created with "Create Rules sheet". */
export const BONUS_RULES_OWNER = 'bonus-rules';

/** The Rules sheet the user has must be rewritten for the formulas to read it: ask first. */
export interface RulesRewrite {
  sheet: string;
  differences: RulesDifference[];
}

/** A bonus run's sheets, ready to write: nothing has been written yet. */
export interface PreparedBonusWrite {
  specs: SheetSpec[];
  /** Sheets the add-in wrote earlier that these replace (in place). */
  replace: string[];
  /** Old rows with notes in added columns that match no new row (kept below the table). */
  unmatched: number;
  /** Index in `specs` of the Rules sheet, if one is written. */
  rulesAt?: number;
  /** The user's Rules sheet, kept as it is: the bonus formulas point at it. */
  keptRules?: string;
  /** Set when the user's Rules sheet would be rewritten (it is then in `replace`). */
  rulesRewrite?: RulesRewrite;
}

/**
 * Builds a run's sheets for writing. Columns people added to a sheet being replaced (notes,
 * follow-ups) are carried over; a sheet to be replaced that cannot be read stops here, before
 * anything is written — only "it is gone" means there is nothing to carry.
 *
 * A Rules sheet the rules came from (`rulesSheet`) is never rewritten silently: when it holds,
 * cell for cell, what the run's Rules sheet would hold, its layout is the one the formulas
 * expect, so it is left as it is — with whatever the user added that the reader does not
 * parse — and the formulas point at it. Otherwise (a rate typed in the pane, band rows added,
 * another language) rewriting is needed for the formulas to be right: `rulesRewrite` says why,
 * and the caller must ask before committing.
 */
export async function prepareBonusWrite(
  host: WorkbookHost,
  computation: BonusComputation,
  rulesSpecName: string,
  options: { lang: Lang; replace: string[]; rulesSheet?: string; signal?: AbortSignal },
): Promise<PreparedBonusWrite> {
  const { lang, rulesSheet, signal } = options;
  let built = await computation.sheets(lang);
  const replace = options.replace.filter((r) => r !== rulesSheet);
  let keptRules: string | undefined;
  let rulesRewrite: RulesRewrite | undefined;
  let rulesName = rulesSpecName;
  const rulesSpec = built.find((s) => s.name === rulesSpecName);
  if (rulesSheet && rulesSpec) {
    const existing = await host.readSource({ kind: 'sheet', name: rulesSheet }, signal).catch(sheetGone);
    if (existing) {
      const differences = compareRulesSheet(rulesSpec, existing);
      if (differences.length === 0) keptRules = rulesSheet;
      else {
        rulesRewrite = { sheet: rulesSheet, differences };
        replace.push(rulesSheet);
      }
      // The formulas name the sheet the rules are in, whatever it is called.
      const renames = new Map([[rulesSpecName, rulesSheet]]);
      rulesName = rulesSheet;
      built = built.map((s) =>
        renameSheetRefsInSpec(s.name === rulesSpecName ? { ...s, name: rulesSheet } : s, renames),
      );
    }
  }

  let unmatched = 0;
  const specs: SheetSpec[] = [];
  let rulesAt: number | undefined;
  for (const spec of built) {
    if (spec.name === rulesName) {
      if (keptRules) continue;
      rulesAt = specs.length;
      specs.push(spec);
      continue;
    }
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
  return {
    specs,
    replace,
    unmatched,
    ...(rulesAt !== undefined ? { rulesAt } : {}),
    ...(keptRules ? { keptRules } : {}),
    ...(rulesRewrite ? { rulesRewrite } : {}),
  };
}

/**
 * The sheets a Recalculate may replace: those recorded as the bonus run's, under their current
 * names. A host that keeps no such record gets the names the run wrote (`written`). A failure
 * to list them is thrown: nothing must be replaced on a guess.
 */
export async function bonusSheetsToReplace(host: WorkbookHost, written: string[]): Promise<string[]> {
  if (!host.listOwnedSheets) return written;
  const owned = await host.listOwnedSheets();
  return owned.filter((o) => o.owner === BONUS_OWNER).map((o) => o.name);
}

/** Writes prepared sheets; returns the names used and the Rules sheet the formulas read. */
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
  const rulesSheet = prepared.keptRules ?? (prepared.rulesAt !== undefined ? names[prepared.rulesAt] : undefined);
  return { names, ...(rulesSheet ? { rulesSheet } : {}) };
}

function sheetGone(e: unknown): undefined {
  const err = e as { name?: string; code?: string } | null;
  if (err?.name === 'HostError' && err.code === 'sourceNotFound') return undefined;
  throw e;
}
