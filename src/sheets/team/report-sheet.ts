/**
 * The roll-up report (docs/rules/team-rollup.md, "Report"): how many rows were read, taken and
 * not taken, and one line per issue naming the file, sheet and row, in the order found.
 */
import catalog from '../../i18n/team-rollup';
import { translator } from '../../i18n/define';
import type { TeamIssue, TeamRollup } from '../../domain/team/combine';
import { printArea, rangeRef } from '../core/a1';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellStyle, Lang, RowCellSpec, SheetSpec } from '../core/sheet-spec';
import { STYLE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import { a4Landscape } from '../core/print-layout';

type T = ReturnType<typeof translator<(typeof catalog)['en-US']>>;

/** The issue's sentence in the report's language. */
export function issueDetail(t: T, i: TeamIssue): string {
  const key = i.code === 'conflict' ? `detail_conflict_${i.action ?? 'kept-marked'}` : `detail_${i.code}`;
  return t(key as 'detail_unreadable', i.detail);
}

export function issueProblem(t: T, i: TeamIssue): string {
  return t(`problem_${i.code}` as 'problem_unreadable');
}

/** Rows read, taken and not taken over every file. */
export function rollupTotals(r: TeamRollup): { read: number; taken: number; notTaken: number } {
  let read = 0;
  let taken = 0;
  for (const f of r.files) {
    for (const v of Object.values(f.read)) read += v ?? 0;
    for (const v of Object.values(f.taken)) taken += v ?? 0;
  }
  return { read, taken, notTaken: read - taken };
}

export function reportSheet(r: TeamRollup, o: { lang: Lang; today: Date }): SheetSpec {
  const t = translator(catalog, o.lang);
  const b = new SheetBuilder(t('sheetReport'));
  const headers = [t('repNo'), t('repProblem'), t('repFile'), t('repSheet'), t('repRow'), t('repCustomer'), t('repDetail'), t('repNotTaken')];
  titleBlock(b, { lang: o.lang, title: t('reportTitle'), purpose: t('reportPurpose'), width: headers.length, date: o.today });
  const totals = rollupTotals(r);
  const label = style(STYLE.label, { alignment: { horizontal: 'left' } });
  const value = style(STYLE.computed, { alignment: { horizontal: 'center' } });
  const facts: [string, number][] = [
    [t('reportFiles'), r.files.length],
    [t('reportRowsRead'), totals.read],
    [t('reportRowsTaken'), totals.taken],
    [t('reportRowsNotTaken'), totals.notTaken],
  ];
  facts.forEach(([l, v], i) => b.at(6 + i, 1, l, label).merge(rangeRef(6 + i, 1, 6 + i, 2)).at(6 + i, 3, v, value));
  const top = 11;
  headers.forEach((h, i) => b.at(top, i + 1, h, STYLE.header));
  const cell: CellStyle = { border: 'BFBFBF', alignment: { vertical: 'top', wrapText: true } };
  if (r.issues.length === 0) b.at(top + 1, 1, t('reportNone'), STYLE.note).merge(rangeRef(top + 1, 1, top + 1, headers.length));
  // One line per issue, generated as the writer asks for them: a roll-up of many reps may list thousands.
  const line = (k: number): RowCellSpec[] => {
    const i = r.issues[k];
    const values = [k + 1, issueProblem(t, i), i.file, i.sheet ?? '', i.row ?? '', i.customer ?? '', issueDetail(t, i), i.rowsNotTaken ?? 0];
    return values.flatMap((v, c) => (v === '' ? [] : [{ col: c + 1, value: v, style: cell }]));
  };
  const last = top + Math.max(r.issues.length, 1);
  b.widths([6, 22, 22, 16, 9, 20, 60, 10]);
  return {
    ...b.configure({ freeze: { rows: top, columns: 0 }, print: a4Landscape(printArea(rangeRef(1, 1, last, headers.length)), `${top}:${top}`), rowHeights: { 1: 26, 2: 18, 3: 20 } }).build(),
    stamp: { kind: 'team-report', version: 1 },
    rowBlocks: r.issues.length ? [{ firstRow: top + 1, count: r.issues.length, row: line }] : [],
    lang: o.lang,
  };
}
