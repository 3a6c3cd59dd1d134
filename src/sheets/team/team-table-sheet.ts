/**
 * One team sheet: the rows of one table from every rep's workbook, with the columns saying whose
 * row it is and where it came from, then the template's own columns (docs/rules/team-rollup.md,
 * "Team sheets"). Stamped like its source, personal columns marked as in the template, so a
 * share-safe copy of the team workbook clears them; the team pipeline also carries the pipeline's
 * names (PIPELINE_NAMES), so sheets that read a pipeline read the team's.
 */
import catalog from '../../i18n/team-rollup';
import pipelineCatalog from '../../i18n/templates/pipeline';
import { translator } from '../../i18n/define';
import type { TeamRow } from '../../domain/team/combine';
import { printArea, rangeRef } from '../core/a1';
import { PERSONAL_HEADER } from '../core/planning-table';
import { a4Landscape } from '../core/print-layout';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import { LANGS, type CellStyle, type Lang, type RowCellSpec, type SheetSpec } from '../core/sheet-spec';
import { dateColumnWidth, NUMFMT, STYLE, style, TEMPLATE_NOTE } from '../core/styles';
import { titleBlock } from '../core/title-block';
import { PIPELINE_NAMES } from '../templates/pipeline';
import { CURRENT_LAYOUT_VERSION, tableLayout, type TeamTableDef } from './team-tables';

/** The pipeline template's default target per rep (src/sheets/templates/pipeline.ts). */
const REP_TARGET: [number, number] = [25, 30];

export interface TeamSheetOptions {
  lang: Lang;
  today: Date;
  reps: number;
}

export interface PlacedTeamSheet {
  sheet: SheetSpec;
  /** Absolute body range of the rep column, e.g. "$A$13:$A$1012". */
  ownerRange: string;
  /** Absolute body range of a template column by its index in the layout. */
  columnRange(index: number): string;
  firstRow: number;
  lastRow: number;
}

const BODY: CellStyle = { border: 'BFBFBF', alignment: { vertical: 'top' } };
const BODY_DATE: CellStyle = style(BODY, { numFmt: NUMFMT.date, alignment: { horizontal: 'center' } });
const BODY_SOURCE: CellStyle = style(BODY, { font: { color: '595959' } });
const BODY_CONFLICT: CellStyle = style(BODY, { font: { bold: true, color: '9C0006' }, fill: 'FFC7CE' });

/**
 * The pipeline's status and decision words in both languages: reps may keep their workbooks in
 * either, and the team counts a green row as green whichever it is (docs/rules/team-rollup.md).
 */
export function pipelineWords(): { green: string[]; yellow: string[]; red: string[]; abandon: string[] } {
  const all = (key: 'statusGreen' | 'statusYellow' | 'statusRed' | 'decisionAbandon') => [...new Set(LANGS.map((l) => translator(pipelineCatalog, l)(key)))];
  return { green: all('statusGreen'), yellow: all('statusYellow'), red: all('statusRed'), abandon: all('decisionAbandon') };
}

/** The cell holds one of the words (as COUNTIF compares: whole text, any letter case). */
export const isOneOf = (v: unknown, words: readonly string[]) => typeof v === 'string' && words.some((w) => v.trim().toLowerCase() === w.toLowerCase());

/** COUNTIFS(…) for each word, added up. */
export function countEach(words: readonly string[], count: (word: string) => string): string {
  return words.map((w) => count(`"${w.replace(/"/g, '""')}"`)).join('+');
}

export function teamTableSheet(def: TeamTableDef, rows: readonly TeamRow[], o: TeamSheetOptions): PlacedTeamSheet {
  const t = translator(catalog, o.lang);
  const layout = tableLayout(def, o.lang);
  const isPipeline = def.id === 'pipeline';
  const withCustomer = def.customerCell !== undefined;
  const withCode = rows.some((r) => r.code !== '');
  const prefix = [t('colOwner'), t('colFile'), t('colRow'), t('colConflict'), ...(withCustomer ? [t('colCustomer')] : []), ...(withCode ? [t('colCode')] : [])];
  const headers = [...prefix, ...layout.headers];
  const at = prefix.length; // 0-based index of the first template column
  const top = isPipeline ? 12 : 6;
  const first = top + 1;
  const last = top + Math.max(rows.length, 1);
  const b = new SheetBuilder(t(`sheet_${def.id}`));
  titleBlock(b, { lang: o.lang, title: t(`title_${def.id}`), purpose: t('purposeTeam', { count: o.reps }), width: Math.min(headers.length, 12), date: o.today });

  headers.forEach((h, i) => b.at(top, i + 1, h, i >= at && layout.personal[i - at] ? PERSONAL_HEADER : STYLE.header));
  const source = (r: TeamRow): RowCellSpec[] => {
    const cells: RowCellSpec[] = [
      { col: 1, value: r.owner, style: BODY },
      { col: 2, value: r.file, style: BODY_SOURCE },
      { col: 3, value: r.rowNumber, style: BODY_SOURCE },
    ];
    if (r.conflict) cells.push({ col: 4, value: r.conflict, style: BODY_CONFLICT });
    let col = 5;
    if (withCustomer) cells.push({ col: col++, value: r.customer, style: BODY });
    if (withCode) {
      if (r.code) cells.push({ col, value: r.code, style: BODY });
      col++;
    }
    r.cells.forEach((v, i) => {
      if (v === null || v === '') return;
      cells.push({ col: at + 1 + i, value: v, style: v instanceof Date ? BODY_DATE : BODY });
    });
    return cells;
  };
  b.table({ name: def.teamTableName, ref: rangeRef(top, 1, last, headers.length), columns: headers.map((name) => ({ name })), style: 'TableStyleLight9', showRowStripes: true });
  headers.forEach((_, i) => b.width(i + 1, i === 0 ? 10 : i === 1 ? 18 : i === 2 ? 7 : i === 3 ? 12 : i >= at && layout.date[i - at] ? dateColumnWidth(o.lang) : 14));
  const personalRanges = layout.personal.flatMap((p, i) => (p ? [rangeRef(top, at + 1 + i, last, at + 1 + i)] : []));
  const columnRange = (index: number) => rangeRef(first, at + 1 + index, last, at + 1 + index, true);
  const ownerRange = rangeRef(first, 1, last, 1, true);

  if (isPipeline) {
    // The team's own figures above the table, where the pipeline template keeps its rules.
    const w = pipelineWords();
    sectionBand(b, 6, 8, t('rulesSection'));
    const label = style(STYLE.label, { alignment: { horizontal: 'left' } });
    const input = style(STYLE.input, { alignment: { horizontal: 'center', vertical: 'middle' } });
    const computed = style(STYLE.computed, { alignment: { horizontal: 'center', vertical: 'middle' } });
    b.at(7, 1, t('reportDate'), label).merge('A7:B7');
    // The title block's date (F3) as a serial day, stored with the formula that shows it.
    const day = Date.UTC(o.today.getUTCFullYear(), o.today.getUTCMonth(), o.today.getUTCDate());
    b.set('C7', { formula: '$F$3', cached: (day - Date.UTC(1899, 11, 30)) / 86_400_000 }, style(computed, { numFmt: NUMFMT.date }));
    b.at(8, 1, t('targetMin'), label).merge('A8:B8');
    b.set('C8', REP_TARGET[0] * o.reps, input);
    b.at(9, 1, t('targetMax'), label).merge('A9:B9');
    b.set('C9', REP_TARGET[1] * o.reps, input);
    b.set('D8', t('targetNote', { min: REP_TARGET[0], max: REP_TARGET[1] }), TEMPLATE_NOTE).merge('D8:H9');
    b.at(10, 1, t('potentialCount'), label).merge('A10:B10');
    const idx = (h: string) => layout.headers.indexOf(h);
    const pl = translator(pipelineCatalog, o.lang);
    const [customer, stage, status, decision, overdue, stalled, missingDocs] = ['colCustomer', 'colStage', 'colStatus', 'colDecision', 'colOverdue', 'colStalled', 'colMissingDocs'].map((k) => idx(pl(k as 'colCustomer')));
    const iStatus = status;
    const iDecision = decision;
    const potential = rows.filter((r) => isOneOf(r.cells[iStatus], w.green) && !isOneOf(r.cells[iDecision], w.abandon)).length;
    // Green rows minus the abandoned green ones, as the pipeline template counts them.
    const greens = countEach(w.green, (g) => `COUNTIF(${columnRange(status)},${g})`);
    const abandoned = countEach(w.green, (g) => countEach(w.abandon, (a) => `COUNTIFS(${columnRange(status)},${g},${columnRange(decision)},${a})`));
    b.set('C10', { formula: `${greens}-(${abandoned})`, cached: potential }, computed);
    const names: [string, string][] = [
      [PIPELINE_NAMES.customer, columnRange(customer)],
      [PIPELINE_NAMES.owner, ownerRange],
      [PIPELINE_NAMES.stage, columnRange(stage)],
      [PIPELINE_NAMES.status, columnRange(status)],
      [PIPELINE_NAMES.decision, columnRange(decision)],
      [PIPELINE_NAMES.overdue, columnRange(overdue)],
      [PIPELINE_NAMES.stalled, columnRange(stalled)],
      [PIPELINE_NAMES.missingDocs, columnRange(missingDocs)],
      [PIPELINE_NAMES.reportDate, '$C$7'],
      [PIPELINE_NAMES.targetMin, '$C$8'],
      [PIPELINE_NAMES.targetMax, '$C$9'],
      [PIPELINE_NAMES.potential, '$C$10'],
    ];
    for (const [name, ref] of names) b.defineName({ name, ref });
  }

  const sheet: SheetSpec = {
    ...b
      .configure({
        freeze: { rows: top, columns: 1 },
        print: a4Landscape(printArea(rangeRef(1, 1, last, headers.length)), `${top}:${top}`),
        rowHeights: { 1: 26, 2: 18, 3: 20, [top]: 36 },
      })
      .build(),
    stamp: { kind: def.stampKind, version: CURRENT_LAYOUT_VERSION },
    lang: o.lang,
    ...(personalRanges.length ? { personalRanges } : {}),
    rowBlocks: rows.length ? [{ firstRow: first, count: rows.length, row: (i) => source(rows[i]) }] : [],
  };
  return { sheet, ownerRange, columnRange, firstRow: first, lastRow: last };
}

/** "'Team pipeline'!$A$13:$A$40": a range of another sheet, as a formula names it. */
export function onSheet(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

