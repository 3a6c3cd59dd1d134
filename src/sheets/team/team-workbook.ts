/**
 * The team workbook's sheets from a combined roll-up (docs/rules/team-rollup.md): the comparison
 * first (what a manager opens), one team sheet per table, the report last.
 */
import type { TeamRollup } from '../../domain/team/combine';
import type { TeamTableId } from '../../domain/team/rules';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { comparisonSheet } from './comparison-sheet';
import { reportSheet } from './report-sheet';
import { teamTableSheet, type PlacedTeamSheet } from './team-table-sheet';
import { TEAM_TABLE_DEFS } from './team-tables';

export function teamWorkbookSheets(rollup: TeamRollup, o: { lang: Lang; today: Date }): SheetSpec[] {
  const reps = rollup.owners.length;
  const placed = Object.fromEntries(TEAM_TABLE_DEFS.map((def) => [def.id, teamTableSheet(def, rollup.tables[def.id], { ...o, reps })])) as Record<TeamTableId, PlacedTeamSheet>;
  return [comparisonSheet(rollup, placed, o), ...TEAM_TABLE_DEFS.map((d) => placed[d.id].sheet), reportSheet(rollup, o)];
}
