/**
 * The roll-up's work in the pane, loaded only when files are combined (rollup-service.ts): the
 * chosen files read by the same reader as the command line (src/xlsx/read/rep-workbook.ts),
 * combined by the same rules (docs/rules/team-rollup.md) into the same sheets.
 */
import { combineTeam, type RepFileRead, type TeamRollup } from '../../domain/team/combine';
import { DEFAULT_TEAM_RULES, type TeamRules } from '../../domain/team/rules';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import { rollupTotals } from '../../sheets/team/report-sheet';
import { teamWorkbookSheets } from '../../sheets/team/team-workbook';
import { readRepWorkbook } from '../../xlsx/read/rep-workbook';

export interface RollupFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface PaneRollup {
  sheets: SheetSpec[];
  rollup: TeamRollup;
  totals: { read: number; taken: number; notTaken: number };
}

/** Reads the files one after another (`step` lets the pane paint and stop between them). */
export async function combineWorkbooks(
  files: readonly RollupFile[],
  o: { lang: Lang; today: Date; rules?: TeamRules; step?: () => Promise<void> },
): Promise<PaneRollup> {
  const reads: RepFileRead[] = [];
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await f.arrayBuffer());
    } catch (err) {
      reads.push({ file: f.name, sheets: [], issues: [{ code: 'unreadable', file: f.name, detail: { reason: (err as Error).message } }] });
      continue;
    }
    reads.push(readRepWorkbook(bytes, f.name, o.lang));
    await o.step?.();
  }
  const rollup = combineTeam(reads, o.rules ?? DEFAULT_TEAM_RULES);
  return { sheets: teamWorkbookSheets(rollup, { lang: o.lang, today: o.today }), rollup, totals: rollupTotals(rollup) };
}
