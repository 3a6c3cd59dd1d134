/**
 * The per-rep comparison (docs/rules/team-rollup.md, "Rep comparison"): one row per rep, the
 * count of their rows in each team sheet as COUNTIF/COUNTIFS formulas over the team sheets' rep
 * column (so a row added or moved on a team sheet changes it), and a team row of sums. Every
 * formula carries the value the roll-up counted, so the file shows it before recalculation.
 */
import catalog from '../../i18n/team-rollup';
import { translator } from '../../i18n/define';
import type { TeamRollup } from '../../domain/team/combine';
import type { TeamTableId } from '../../domain/team/rules';
import { printArea, rangeRef } from '../core/a1';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { STYLE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import { a4Landscape } from '../core/print-layout';
import { countEach, isOneOf, onSheet, pipelineWords, type PlacedTeamSheet } from './team-table-sheet';
import { tableLayout, TEAM_TABLE_DEFS } from './team-tables';
import pipelineCatalog from '../../i18n/templates/pipeline';

const TOP = 6;

export function comparisonSheet(rollup: TeamRollup, placed: Record<TeamTableId, PlacedTeamSheet>, o: { lang: Lang; today: Date }): SheetSpec {
  const t = translator(catalog, o.lang);
  const b = new SheetBuilder(t('sheetComparison'));
  const w = pipelineWords();
  const pipeline = placed.pipeline;
  // The pipeline's status column, found by its header in the template's layout.
  const pipelineDef = TEAM_TABLE_DEFS.find((d) => d.id === 'pipeline')!;
  const statusIndex = tableLayout(pipelineDef, o.lang).headers.indexOf(translator(pipelineCatalog, o.lang)('colStatus'));
  const owners = rollup.owners;
  const count = (table: TeamTableId, owner: string) => rollup.tables[table].filter((r) => r.owner === owner).length;
  const byStatus = (owner: string, words: string[]) => rollup.tables.pipeline.filter((r) => r.owner === owner && isOneOf(r.cells[statusIndex], words)).length;
  const range = (table: TeamTableId) => onSheet(placed[table].sheet.name, placed[table].ownerRange);
  const statusRange = onSheet(pipeline.sheet.name, pipeline.columnRange(statusIndex));

  type Column = { header: string; formula?: (rep: string) => string; value: (owner: string) => number };
  const rowsOf = (table: TeamTableId): Column => ({ header: '', formula: (rep) => `COUNTIF(${range(table)},${rep})`, value: (owner) => count(table, owner) });
  const status = (words: string[]): Column => ({ header: '', formula: (rep) => countEach(words, (w2) => `COUNTIFS(${range('pipeline')},${rep},${statusRange},${w2})`), value: (owner) => byStatus(owner, words) });
  const columns: Column[] = [
    { ...rowsOf('pipeline'), header: t('cmpPipeline') },
    { ...status(w.green), header: t('cmpGreen') },
    { ...status(w.yellow), header: t('cmpYellow') },
    { ...status(w.red), header: t('cmpRed') },
    { ...rowsOf('visit-log'), header: t('cmpVisits') },
    { ...rowsOf('decision-chain'), header: t('cmpPeople') },
    { ...rowsOf('communication-record'), header: t('cmpComms') },
    {
      header: t('cmpTargets'),
      formula: (rep) => `COUNTIF(${range('targets-reps')},${rep})+COUNTIF(${range('targets-visits')},${rep})`,
      value: (owner) => count('targets-reps', owner) + count('targets-visits', owner),
    },
    // Conflicts are the roll-up's finding, not something the team sheets can recount.
    { header: t('cmpConflicts'), value: (owner) => Object.values(rollup.tables).flat().filter((r) => r.owner === owner && r.conflict !== '').length },
  ];
  const width = columns.length + 1;
  titleBlock(b, { lang: o.lang, title: t('comparisonTitle'), purpose: t('comparisonPurpose'), width, date: o.today });
  b.at(TOP, 1, t('cmpRep'), STYLE.header);
  columns.forEach((c, i) => b.at(TOP, i + 2, c.header, STYLE.header));
  const body = style(STYLE.computed, { alignment: { horizontal: 'center' } });
  owners.forEach((owner, k) => {
    const row = TOP + 1 + k;
    b.at(row, 1, owner, { border: 'BFBFBF' });
    const rep = `$A${row}`;
    columns.forEach((c, i) => b.at(row, i + 2, c.formula ? { formula: c.formula(rep), cached: c.value(owner) } : c.value(owner), body));
  });
  const first = TOP + 1;
  const last = TOP + Math.max(owners.length, 1);
  const total = last + 1;
  b.at(total, 1, t('cmpTotal'), style(STYLE.label, { alignment: { horizontal: 'left' } }));
  const bold = style(body, { font: { bold: true } });
  columns.forEach((c, i) => {
    const sum = owners.reduce((a, o2) => a + c.value(o2), 0);
    b.at(total, i + 2, { formula: `SUM(${rangeRef(first, i + 2, last, i + 2)})`, cached: sum }, bold);
  });
  b.widths([16, ...columns.map(() => 12)]);
  return {
    ...b.configure({ freeze: { rows: TOP, columns: 1 }, print: a4Landscape(printArea(rangeRef(1, 1, total, width)), `${TOP}:${TOP}`), rowHeights: { 1: 26, 2: 18, 3: 20, [TOP]: 36 } }).build(),
    stamp: { kind: 'team-comparison', version: 1 },
    lang: o.lang,
  };
}
