/**
 * "Combine team workbooks" in the pane: the chosen files read in the browser by the same reader as
 * the command line, combined by the same rules (docs/rules/team-rollup.md) into the same sheets,
 * which the pane inserts through its host. The reader, the combining and the team sheets are a
 * chunk of their own (rollup-run.ts), loaded when files are combined, not with the pane.
 */
import type { Lang } from '../../sheets/core/sheet-spec';
import type { TeamRules } from '../../domain/team/rules';
import type { PaneRollup, RollupFile } from './rollup-run';

export type { PaneRollup, RollupFile };

/** Reads the files one after another (`step` lets the pane paint and stop between them). */
export async function combineWorkbooks(
  files: readonly RollupFile[],
  o: { lang: Lang; today: Date; rules?: TeamRules; step?: () => Promise<void> },
): Promise<PaneRollup> {
  const run = await import(/* webpackChunkName: "team-rollup" */ './rollup-run');
  return run.combineWorkbooks(files, o);
}
