/**
 * The formulas the monthly summary and targets build over their sources (plan-links.ts,
 * docs/rules/templates/monthly-summary.md, targets.md), with and without each source.
 */
import { translator } from '../../src/i18n/define';
import common from '../../src/i18n/common';
import summaryCatalog from '../../src/i18n/templates/monthly-summary';
import targetsCatalog from '../../src/i18n/templates/targets';
import { quoteSheet } from '../../src/sheets/core/a1';
import { disallowedFunctions } from '../../src/sheets/core/formula-functions';
import { isFormula, LANGS, type CellContent, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import type { SourceLink, SourceLinks } from '../../src/sheets/core/source-link';
import { BONUS_NAMES } from '../../src/sheets/bonus/bonus-sheets';
import { monthlySummary } from '../../src/sheets/templates/monthly-summary';
import { pipeline } from '../../src/sheets/templates/pipeline';
import { targets } from '../../src/sheets/templates/targets';
import { visitPlan } from '../../src/sheets/templates/visit-plan';
import { tableCells } from '../support/spec-cells';
import { FIXED_TODAY } from '../support/template-files';

/** A built sheet as the workbook reader finds it: its names, as references on the sheet. */
function asSource(sheet: SheetSpec): SourceLink {
  return { sheet: sheet.name, names: Object.fromEntries((sheet.names ?? []).map((n) => [n.name, `${quoteSheet(sheet.name)}!${n.ref}`])) };
}

function sourcesFor(lang: Lang): Record<'pipeline' | 'visit-log' | 'bonus-new-customer', SourceLink> {
  const [pipe] = pipeline.build({ lang, example: false, today: FIXED_TODAY });
  const [, log] = visitPlan.build({ lang, example: false, today: FIXED_TODAY });
  const bonus: SourceLink = {
    sheet: '新客户奖',
    names: {
      [BONUS_NAMES.newCustomerReps]: "'新客户奖'!$A$7:$A$9",
      [BONUS_NAMES.newCustomerAmounts]: "'新客户奖'!$P$7:$P$9",
      [BONUS_NAMES.newCustomerDates]: "'新客户奖'!$C$7:$C$9",
    },
  };
  return { pipeline: asSource(pipe), 'visit-log': asSource(log), 'bonus-new-customer': bonus };
}

const cell = (sheet: SheetSpec, ref: string): CellContent => sheet.cells.find((c) => c.ref === ref)?.value ?? null;
const formula = (sheet: SheetSpec, ref: string) => {
  const v = cell(sheet, ref);
  if (!isFormula(v)) throw new Error(`${sheet.name}!${ref} is not a formula: ${JSON.stringify(v)}`);
  return v.formula;
};
const noteText = (sheet: SheetSpec) => sheet.cells.map((c) => (typeof c.value === 'string' ? c.value : '')).join('\n');

describe.each(LANGS)('%s', (lang) => {
  const all = sourcesFor(lang);
  const ts = translator(summaryCatalog, lang);
  const tt = translator(targetsCatalog, lang);
  // As written inside a formula's string literal (quotes doubled).
  const gone = (s: string) => translator(common, lang)('linkSourceGone', { sheet: s }).replace(/"/g, '""');
  const build = (sources?: SourceLinks) => ({
    summary: monthlySummary.build({ lang, example: true, today: FIXED_TODAY, ...(sources ? { sources } : {}) })[0],
    targets: targets.build({ lang, example: true, today: FIXED_TODAY, ...(sources ? { sources } : {}) })[0],
  });

  test('both templates say which stamped kinds they read', () => {
    expect(monthlySummary.linksTo).toEqual(['pipeline', 'visit-log', 'bonus-new-customer']);
    expect(targets.linksTo).toEqual(['pipeline', 'visit-log', 'bonus-new-customer']);
  });

  test('without sources: the linkable cells are inputs and the notes name the sheets that would fill them', () => {
    const { summary, targets: tg } = build();
    const st = tableCells(summary, 'MonthlySummary_Targets');
    const actual = st.col(ts('colActual'));
    for (const i of [0, 2, 3, 4]) expect(isFormula(cell(summary, `${actual}${st.first + i}`))).toBe(false);
    expect(cell(summary, `${actual}${st.first}`)).toBe(2);
    const reps = tableCells(tg, 'Targets_Reps');
    for (const h of ['colNcActual', 'colPotential', 'colLastNew'] as const) expect(isFormula(cell(tg, `${reps.col(tt(h))}${reps.first}`))).toBe(false);
    const tiers = tableCells(tg, 'Targets_Visits');
    expect(cell(tg, `${tiers.col(tt('colTierActual'))}${tiers.first}`)).toBe(13);
    const pipeName = all.pipeline.sheet;
    const logName = all['visit-log'].sheet;
    const bonusName = lang === 'zh-CN' ? '新客户奖' : 'New-customer bonus';
    for (const sheet of [summary, tg]) for (const name of [pipeName, logName, bonusName]) expect(noteText(sheet)).toContain(lang === 'zh-CN' ? `“${name}”` : `"${name}"`);
  });

  test('with every source: the summary reads the month of its rep, guarded against a deleted sheet', () => {
    const { summary } = build(all);
    const st = tableCells(summary, 'MonthlySummary_Targets');
    const actual = st.col(ts('colActual'));
    const nc = formula(summary, `${actual}${st.first}`);
    expect(nc).toBe(
      `IF(OR($B$7="",$E$7=""),"",IF(ISERROR(ROWS('新客户奖'!$A$7:$A$9)),"${gone('新客户奖')}",` +
        `COUNTIFS('新客户奖'!$A$7:$A$9,$B$7,'新客户奖'!$C$7:$C$9,">="&DATE(YEAR($E$7),MONTH($E$7),1),'新客户奖'!$C$7:$C$9,"<"&EDATE(DATE(YEAR($E$7),MONTH($E$7),1),1))))`,
    );
    // New-customer sales stay typed; A, B and C visits count the log by tier.
    expect(isFormula(cell(summary, `${actual}${st.first + 1}`))).toBe(false);
    const log = quoteSheet(all['visit-log'].sheet);
    ['A', 'B', 'C'].forEach((tier, i) => {
      const f = formula(summary, `${actual}${st.first + 2 + i}`);
      expect(f).toContain(`ISERROR(ROWS(${log}!$A$7:$A$26))`);
      expect(f).toContain(`COUNTIFS(${log}!$C$7:$C$26,"*"&$B$7&"*",${log}!$K$7:$K$26,"${tier}",${log}!$A$7:$A$26,">="&DATE(YEAR($E$7),MONTH($E$7),1)`);
    });
    // The team's own measures stay inputs.
    for (const i of [5, 6]) expect(isFormula(cell(summary, `${actual}${st.first + i}`))).toBe(false);
    const pipe = tableCells(summary, 'MonthlySummary_Pipeline');
    const atEnd = formula(summary, `${pipe.col(ts('colAtEnd'))}${pipe.first + 2}`);
    const p = quoteSheet(all.pipeline.sheet);
    expect(atEnd).toMatch(new RegExp(`^IF\\(\\$B\\$7="","",IF\\(ISERROR\\(ROWS\\(${p.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}!\\$B\\$13:\\$B\\$72\\)\\)`));
    expect(atEnd).toContain(`COUNTIFS(${p}!$B$13:$B$72,$B$7,${p}!$C$13:$C$72,$A${pipe.first + 2})-COUNTIFS(`);
    // The check compares the typed moves with the pipeline's count.
    expect(formula(summary, `${pipe.col(ts('colCheck'))}${pipe.first}`)).toContain(`<>$${pipe.col(ts('colAtEnd'))}${pipe.first}`);
    for (const c of summary.cells) if (isFormula(c.value)) expect({ ref: c.ref, bad: disallowedFunctions(c.value.formula) }).toEqual({ ref: c.ref, bad: [] });
    expect(noteText(summary)).not.toContain(lang === 'zh-CN' ? '请手工填写' : 'Typed until');
  });

  test('with every source: targets read per rep and period', () => {
    const { targets: tg } = build(all);
    const reps = tableCells(tg, 'Targets_Reps');
    const r = reps.first;
    expect(formula(tg, `${reps.col(tt('colNcActual'))}${r}`)).toBe(
      `IF(OR($A${r}="",$B${r}=""),"",IF(ISERROR(ROWS('新客户奖'!$A$7:$A$9)),"${gone('新客户奖')}",COUNTIFS('新客户奖'!$A$7:$A$9,$A${r},'新客户奖'!$C$7:$C$9,">="&$B${r},'新客户奖'!$C$7:$C$9,"<"&EDATE($B${r},$C$7))))`,
    );
    expect(formula(tg, `${reps.col(tt('colLastNew'))}${r}`)).toContain(`SUMPRODUCT(MAX(('新客户奖'!$A$7:$A$9=$A${r})*('新客户奖'!$C$7:$C$9<EDATE($B${r},$C$7))*'新客户奖'!$C$7:$C$9))`);
    expect(formula(tg, `${reps.col(tt('colPotential'))}${r}`)).toContain(`COUNTIFS(${quoteSheet(all.pipeline.sheet)}!$B$13:$B$72,$A${r},`);
    // Sales stay typed; attainment treats a message in the actual as blank.
    expect(isFormula(cell(tg, `${reps.col(tt('colSalesActual'))}${r}`))).toBe(false);
    expect(formula(tg, `${reps.col(tt('colNcAttainment'))}${r}`)).toContain(`NOT(ISNUMBER($${reps.col(tt('colNcActual'))}${r}))`);
    const tiers = tableCells(tg, 'Targets_Visits');
    const t = tiers.first;
    expect(formula(tg, `${tiers.col(tt('colTierActual'))}${t}`)).toContain(`"*"&$A${t}&"*",${quoteSheet(all['visit-log'].sheet)}!$K$7:$K$26,$C${t},`);
    for (const c of tg.cells) if (isFormula(c.value)) expect({ ref: c.ref, bad: disallowedFunctions(c.value.formula) }).toEqual({ ref: c.ref, bad: [] });
  });

  test('one source only, or a source lacking a name: the others stay inputs', () => {
    const { summary, targets: tg } = build({ pipeline: all.pipeline });
    const st = tableCells(summary, 'MonthlySummary_Targets');
    for (const i of [0, 2]) expect(isFormula(cell(summary, `${st.col(ts('colActual'))}${st.first + i}`))).toBe(false);
    const pipe = tableCells(summary, 'MonthlySummary_Pipeline');
    expect(formula(summary, `${pipe.col(ts('colAtEnd'))}${pipe.first}`)).toContain('ISERROR(ROWS(');
    const reps = tableCells(tg, 'Targets_Reps');
    expect(isFormula(cell(tg, `${reps.col(tt('colPotential'))}${reps.first}`))).toBe(true);
    expect(isFormula(cell(tg, `${reps.col(tt('colNcActual'))}${reps.first}`))).toBe(false);
    const names = { ...all['bonus-new-customer'].names };
    delete names[BONUS_NAMES.newCustomerDates];
    const partial = build({ 'bonus-new-customer': { sheet: '新客户奖', names } });
    expect(isFormula(cell(partial.targets, `${reps.col(tt('colNcActual'))}${reps.first}`))).toBe(false);
  });
});
