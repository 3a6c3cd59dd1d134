/**
 * The cockpit's spec with and without source sheets: linked, every block's figures are guarded
 * formulas over the sources' own references and the notes name the sheets they read; without
 * sources the figure cells are empty, no formula reads another sheet, and each block's note
 * names the sheet that would fill it. Charts read the cockpit's own cells and sit on the page.
 */
import { translator } from '../../src/i18n/define';
import abcCatalog from '../../src/i18n/abc';
import bonusCatalog from '../../src/i18n/bonus-sheets';
import catalog from '../../src/i18n/templates/dashboard';
import creditCatalog from '../../src/i18n/templates/credit';
import pipelineCatalog from '../../src/i18n/templates/pipeline';
import visitCatalog from '../../src/i18n/templates/visit-plan';
import { parseRange } from '../../src/sheets/core/a1';
import { chartCells } from '../../src/sheets/core/chart-plan';
import { q } from '../../src/sheets/core/planning-table';
import { isFormula, LANGS, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import type { SourceLinks } from '../../src/sheets/core/source-link';
import { ABC_RESULT_NAMES } from '../../src/sheets/abc/result-sheet';
import { BONUS_NAMES } from '../../src/sheets/bonus/bonus-sheets';
import { CREDIT_NAMES } from '../../src/sheets/templates/credit';
import { DASHBOARD_REPS, DASHBOARD_SOURCES } from '../../src/sheets/templates/dashboard';
import { PIPELINE_NAMES } from '../../src/sheets/templates/pipeline';
import { getTemplate } from '../../src/sheets/templates/registry';
import { VISIT_PLAN_NAMES } from '../../src/sheets/templates/visit-plan';
import { FIXED_TODAY } from '../support/template-files';

/** Sources as a workbook would give them: each name → a column of its sheet. */
function link(sheet: string, names: Record<string, string>): { sheet: string; names: Record<string, string> } {
  return { sheet, names: Object.fromEntries(Object.values(names).map((n, i) => [n, `'${sheet}'!$${String.fromCharCode(65 + i)}$10:$${String.fromCharCode(65 + i)}$40`])) };
}

const SOURCES: SourceLinks = {
  pipeline: link('我的进度', PIPELINE_NAMES),
  'visit-plan': link('拜访计划', VISIT_PLAN_NAMES),
  'visit-log': link('拜访记录', VISIT_PLAN_NAMES),
  'abc-result': link('ABC分类', ABC_RESULT_NAMES),
  'bonus-summary': link('奖金汇总', BONUS_NAMES),
  credit: link('信用台账', CREDIT_NAMES),
};

const build = (lang: (typeof LANGS)[number], sources?: SourceLinks): SheetSpec => {
  const sheets = getTemplate('dashboard').build({ lang, example: true, today: FIXED_TODAY, ...(sources ? { sources } : {}) });
  expect(sheets).toHaveLength(1);
  return sheets[0];
};

const formulas = (s: SheetSpec) => s.cells.filter((c) => isFormula(c.value)).map((c) => ({ ref: c.ref, formula: (c.value as { formula: string }).formula }));
const texts = (s: SheetSpec) => s.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');

test('the registry says which stamped kinds the cockpit reads', () => {
  expect(getTemplate('dashboard').linksTo).toEqual(DASHBOARD_SOURCES);
  expect(Object.keys(SOURCES).sort()).toEqual([...DASHBOARD_SOURCES].sort());
});

describe.each(LANGS)('%s', (lang) => {
  const t = translator(catalog, lang);

  test('with every source: guarded formulas over the sources, notes naming them', () => {
    const s = build(lang, SOURCES);
    const f = formulas(s);
    // Pipeline 5 stages × 6 + totals 6 + potential, target, message; visits 3 × 5 + 5; ABC 4 × 3;
    // reps 2 × DASHBOARD_REPS + total; credit 6; 5 notes; the report month.
    expect(f.length).toBe(39 + 20 + 12 + (2 * DASHBOARD_REPS + 1) + 6 + 5 + 1);
    const reads = (sheet: string) => f.filter((x) => x.formula.includes(`'${sheet}'!`));
    for (const [kind, src] of Object.entries(SOURCES)) {
      expect({ kind, n: reads(src.sheet).length > 0 }).toEqual({ kind, n: true });
      // Every formula that reads a source first asks whether that source still exists.
      for (const x of reads(src.sheet)) expect({ ref: x.ref, guarded: x.formula.includes(`ISERROR(ROWS('${src.sheet}'!`) }).toEqual({ ref: x.ref, guarded: true });
    }
    expect(f.find((x) => x.ref === 'A15')!.formula).toContain(q(t('linkedNote', { sheet: '我的进度' })));
    expect(f.find((x) => x.ref === 'I23')!.formula).toContain(q(t('linkedNote', { sheet: 'ABC分类' })));
    expect(f.find((x) => x.ref === 'I32')!.formula).toContain(q(t('linkedNote', { sheet: '信用台账' })));
    // Stages counted by their number, colours by the pipeline's labels.
    expect(f.find((x) => x.ref === 'B8')!.formula).toContain(`COUNTIFS('我的进度'!$C$10:$C$40,"1*",'我的进度'!$D$10:$D$40,"${translator(pipelineCatalog, lang)('statusRed')}")`);
    expect(texts(s).some((x) => x.includes(t('missingNote', { sheet: '' }).slice(0, 4)))).toBe(false);
  });

  test('without sources: blank figures, no formula over another sheet, a note per block naming its sheet', () => {
    const s = build(lang);
    for (const x of formulas(s)) expect({ ref: x.ref, formula: x.formula }).toEqual({ ref: x.ref, formula: expect.not.stringContaining('!') });
    const notes = [
      translator(pipelineCatalog, lang)('sheetName'),
      translator(visitCatalog, lang)('sheetName'),
      translator(abcCatalog, lang)('sheetName'),
      translator(bonusCatalog, lang)('summarySheet'),
      translator(creditCatalog, lang)('sheetName'),
    ].map((sheet) => t('missingNote', { sheet }));
    for (const n of notes) expect(texts(s)).toContain(n);
    // The figure cells are there, grey and empty.
    for (const ref of ['B8', 'E13', 'B14', 'B19', 'J19', 'B27', 'L26']) expect({ ref, value: s.cells.find((c) => c.ref === ref)?.value }).toEqual({ ref, value: null });
  });

  test('the page: one A4 landscape print area holding every chart, charts over the cockpit’s own cells', () => {
    for (const s of [build(lang), build(lang, SOURCES)]) {
      expect(s.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: true });
      const area = parseRange(s.print!.area!.replace(/\$/g, '').split('!').pop()!);
      expect(s.charts!.map((c) => c.kind)).toEqual(['bar', 'pie', 'column']);
      for (const chart of s.charts!) {
        const at = chartCells(s, chart);
        expect(at.bottom <= area.bottom && at.right <= area.right).toBe(true);
        for (const ref of [chart.categories, ...chart.series.map((x) => x.values)]) expect(ref).not.toContain('!');
      }
    }
  });
});
