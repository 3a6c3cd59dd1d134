/**
 * Annual marketing plan: the SMART check, the objectives' progress from the monthly evaluation,
 * segment shares and priorities, the action flags, budget against its cap, the expected return,
 * the contingency priorities, the evaluation log and the twelve-month summary — recalculated in
 * LibreOffice and compared with values worked out by hand, also after a planner edits inputs.
 * Every formula's stored value (IronCalc) must equal LibreOffice's. Cells are found by table
 * names, column headers and labels in the built sheets, so the checks hold wherever a block sits.
 *
 * The example is made for FIXED_TODAY (2026-03-15): the plan year runs 2025-10-01 … 2026-09-30,
 * so October to February are closed months and March is open.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/annual-plan';
import common from '../../src/i18n/common';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { annualPlan } from '../../src/sheets/templates/annual-plan';
import { setCell } from '../support/excel-limits';
import { asIsoDate, errorCells, readWorkbook, recalc, type Computed, type SheetValues } from '../support/libreoffice';
import { compareStored, readStoredFormulas, type Disagreement } from '../support/stored-values';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';
import { table, valueOf } from './template-cells';

type Variant = 'example' | 'changed' | 'blank';
const VARIANTS: Variant[] = ['example', 'changed', 'blank'];
const results = new Map<string, SheetValues[]>();
const built = new Map<string, SheetSpec[]>();
const disagreements: (Disagreement & { file: string })[] = [];

function layout(sheets: SheetSpec[], lang: Lang) {
  const t = translator(catalog, lang);
  const [plan, actions, evaluation] = sheets;
  const O = table(plan, 'AnnualPlan_Objectives');
  const S = table(plan, 'AnnualPlan_Segments');
  const A = table(actions, 'AnnualPlan_Actions');
  const C = table(actions, 'AnnualPlan_Contingency');
  const E = table(evaluation, 'AnnualPlan_Evaluation');
  const M = table(evaluation, 'AnnualPlan_Months');
  return {
    O,
    o: {
      owner: O.col(t('colOwner')),
      check: O.col(t('colCheck')),
      plan: O.col(t('colPlanToDate')),
      actual: O.col(t('colActualToDate')),
      year: O.col(t('colYearAttainment')),
      pace: O.col(t('colPace')),
    },
    planEnd: valueOf(plan, t('planEnd')),
    swot: [t('swotS'), t('swotW'), t('swotO'), t('swotT')].map((k) => [valueOf(plan, k), valueOf(plan, k, 'formula', 1)]),
    S,
    s: { share: S.col(t('colShare')), priority: S.col(t('colPriority')), targeted: S.col(t('colTargeted')) },
    segTotals: [valueOf(plan, t('segmentsTotal')), valueOf(plan, t('segmentsTotal'), 'formula', 1), valueOf(plan, t('segmentsTotal'), 'formula', 2)],
    targetedPotential: valueOf(plan, t('targetedPotential')),
    A,
    a: { owner: A.col(t('colOwner')), spent: A.col(t('colSpent')), remaining: A.col(t('colRemaining')), flag: A.col(t('colActionFlag')) },
    budget: {
      cap: valueOf(actions, t('budgetCap'), 'input'),
      total: valueOf(actions, t('totalBudget')),
      spent: valueOf(actions, t('totalSpent')),
      check: valueOf(actions, t('capCheck')),
      byElement: [t('mixProduct'), t('mixPrice'), t('mixPlace'), t('mixPromotion')].map((k) => valueOf(actions, k)),
      margin: valueOf(actions, t('margin'), 'input'),
      profit: valueOf(actions, t('grossProfit')),
      net: valueOf(actions, t('netReturn')),
      roi: valueOf(actions, t('roi')),
      breakEven: valueOf(actions, t('breakEven')),
      verdict: valueOf(actions, t('returnCheck')),
    },
    C,
    riskPriority: C.col(t('colRiskPriority')),
    warn: valueOf(evaluation, t('warnAt'), 'input'),
    E,
    e: {
      actual: E.col(t('colMonthActual')),
      objective: E.col(t('colLogObjective')),
      code: E.col(t('colLogCode')),
      attainment: E.col(t('colMonthAttainment')),
      cumTarget: E.col(t('colCumTarget')),
      cumActual: E.col(t('colCumActual')),
      cumAttainment: E.col(t('colCumAttainment')),
      flag: E.col(t('colLogFlag')),
    },
    M,
    m: {
      month: M.col(t('colMonth')),
      count: M.col(t('colCount')),
      verdict: M.col(t('colVerdict')),
      counts: [t('colReachedCount'), t('colSlightlyCount'), t('colMissedCount'), t('colNoActualCount')].map((h) => M.col(h)),
    },
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-annual-plan-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const c = translator(common, lang);
      const sheets = annualPlan.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const [plan, actions, evaluation] = sheets;
      const L = layout(sheets, lang);
      if (variant === 'changed') {
        // Plan: O3 gets an owner; medical devices (segment 4) are no target this year.
        setCell(plan, `${L.o.owner}${L.O.first + 2}`, 'Zhou');
        setCell(plan, `${L.s.targeted}${L.S.first + 3}`, c('no'));
        // Actions: the fair cost 150,000 after all; online promotion gets an owner; the cap is raised.
        setCell(actions, `${L.a.spent}${L.A.first}`, 150000);
        setCell(actions, `${L.a.owner}${L.A.first + 6}`, 'Zhou');
        setCell(actions, L.budget.cap, 800000);
        setCell(actions, L.budget.margin, 0.05);
        // Evaluation: February's new customers typed (2 of 2); "slightly behind" from 96 %.
        setCell(evaluation, `${L.e.actual}${L.E.first + 16}`, 2);
        setCell(evaluation, L.warn, 0.96);
      }
      built.set(`${lang}/${variant}`, sheets);
      files.push(await writeSheets(sheets, path.join(dir, `annual-plan-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) {
    results.set(keys[i], await readWorkbook(out[i]));
    const cmp = compareStored(await readStoredFormulas(files[i]), await readStoredFormulas(out[i]));
    disagreements.push(...cmp.disagreements.map((d) => ({ ...d, file: keys[i] })));
  }
}, 240_000);

function values(lang: Lang, variant: Variant, sheet: 0 | 1 | 2) {
  const s = results.get(`${lang}/${variant}`)![sheet];
  return (ref: string): Computed => s.values.get(ref) ?? '';
}
const column = (v: (ref: string) => Computed, letter: string, first: number, n: number) => Array.from({ length: n }, (_, i) => v(`${letter}${first + i}`));
const near = (got: Computed[], want: (number | string)[]) =>
  want.forEach((w, i) => (typeof w === 'number' ? expect(got[i] as number).toBeCloseTo(w, 9) : expect(got[i]).toBe(w)));

test('every stored value equals LibreOffice’s recalculation, and no cell is an error', () => {
  expect(disagreements).toEqual([]);
  for (const [key, wb] of results) expect({ key, errors: errorCells(wb) }).toEqual({ key, errors: [] });
});

describe.each(LANGS)('annual plan %s', (lang) => {
  const t = translator(catalog, lang);
  const L = () => layout(built.get(`${lang}/example`)!, lang);

  test('plan year, SWOT counts, SMART check of each objective', () => {
    const v = values(lang, 'example', 0);
    const l = L();
    expect(asIsoDate(v(l.planEnd))).toBe('2026-09-30');
    // S: the company; O: economy, policy; T: customers (medium), competitors (high).
    expect(l.swot.map(([n, h]) => [v(n), v(h)])).toEqual([
      [1, 1],
      [0, 0],
      [2, 2],
      [2, 1],
    ]);
    const sep = t('listSeparator');
    expect(column(v, l.o.check, l.O.first, 6)).toEqual([
      t('checkOk'),
      t('checkOk'),
      t('checkMissing') + t('partOwner'),
      t('checkMissing') + t('partMeasure') + sep + t('partTarget'),
      // O5's deadline, 2026-12-31, is after the plan year.
      t('checkOutside'),
      '',
    ]);
  });

  test('objectives: plan and actual of the closed months, attainment of the year, progress', () => {
    const v = values(lang, 'example', 0);
    const { o, O } = L();
    // O1: targets 80+80+90+100+100 = 450, actuals 84+78+70+102+95 = 429 → 95.3 % of plan: slightly behind (≥ 90 %).
    // O2: targets 5 × 2 = 10, actuals 2+1+3+2 (February not typed) = 8 → 80 %: behind.
    expect(column(v, o.plan, O.first, 5)).toEqual([450, 10, '', '', '']);
    expect(column(v, o.actual, O.first, 5)).toEqual([429, 8, '', '', '']);
    near(column(v, o.year, O.first, 3), [429 / 1200, 8 / 24, '']);
    expect(column(v, o.pace, O.first, 5)).toEqual([t('paceSlightly'), t('paceBehind'), '', '', '']);
  });

  test('segments: shares, priorities, totals', () => {
    const v = values(lang, 'example', 0);
    const l = L();
    near(column(v, l.s.share, l.S.first, 5), [600 / 8000, 250 / 5000, 40 / 2000, 0, '']);
    expect(column(v, l.s.priority, l.S.first, 5)).toEqual([t('priorityKey'), t('priorityNormal'), t('priorityOut'), t('priorityKey'), '']);
    expect(v(l.segTotals[0])).toBe(18000);
    expect(v(l.segTotals[1])).toBe(890);
    expect(v(l.segTotals[2]) as number).toBeCloseTo(890 / 18000, 12);
    expect(v(l.targetedPotential)).toBe(8000 + 5000 + 3000);
  });

  test('actions: remaining budget, one flag a row, totals against the cap, budget by 4P', () => {
    const v = values(lang, 'example', 1);
    const { a, A, budget } = L();
    expect(column(v, a.remaining, A.first, 8)).toEqual([-12000, 4000, 75000, 30000, 20000, 180000, 90000, '']);
    // The fair overspent; the dealer training ended 10 days ago while under way; online promotion has no owner.
    expect(column(v, a.flag, A.first, 8)).toEqual([t('flagOverspent'), '', '', t('flagOverdue'), '', '', t('flagNoOwner'), '']);
    expect(v(budget.total)).toBe(150000 + 80000 + 120000 + 60000 + 20000 + 180000 + 90000);
    expect(v(budget.spent)).toBe(162000 + 76000 + 45000 + 30000);
    expect(v(budget.check)).toBe(t('capOver', { amount: '50,000' }));
    expect(budget.byElement.map((r) => v(r))).toEqual([120000, 20000, 60000, 150000 + 80000 + 180000 + 90000]);
  });

  test('expected return on 700,000 of budget at 18 % on 12,000,000', () => {
    const v = values(lang, 'example', 1);
    const { budget } = L();
    expect(v(budget.profit) as number).toBeCloseTo(2160000, 6);
    expect(v(budget.net) as number).toBeCloseTo(1460000, 6);
    expect(v(budget.roi) as number).toBeCloseTo(1460000 / 700000, 12);
    expect(v(budget.breakEven) as number).toBeCloseTo(700000 / 0.18, 6);
    expect(v(budget.verdict)).toBe(t('returnGain'));
  });

  test('contingency priorities: high on both, high on one, neither', () => {
    const v = values(lang, 'example', 1);
    const { C, riskPriority } = L();
    expect(column(v, riskPriority, C.first, 5)).toEqual([t('riskWatch'), t('riskFollow'), t('riskLow'), t('riskFollow'), '']);
  });

  test('evaluation log: attainment per month and so far, results, February missing', () => {
    const v = values(lang, 'example', 2);
    const { e, E } = L();
    const o1 = E.first;
    const o2 = E.first + 12;
    near(column(v, e.attainment, o1, 6), [84 / 80, 78 / 80, 70 / 90, 102 / 100, 95 / 100, '']);
    expect(column(v, e.cumTarget, o1, 3)).toEqual([80, 160, 250]);
    expect(column(v, e.cumActual, o1, 3)).toEqual([84, 162, 232]);
    near(column(v, e.cumAttainment, o1, 6), [84 / 80, 162 / 160, 232 / 250, 334 / 350, 429 / 450, '']);
    // March (open) has no actual yet and is not flagged; February (closed) is.
    expect(column(v, e.flag, o1, 7)).toEqual([t('logReached'), t('logSlightly'), t('logMissed'), t('logReached'), t('logSlightly'), '', '']);
    expect(column(v, e.flag, o2, 6)).toEqual([t('logReached'), t('logMissed'), t('logReached'), t('logReached'), t('logNoActual'), '']);
    expect(v(`${e.objective}${o2}`)).toBe(lang === 'zh-CN' ? '开发新客户' : 'Win new customers');
    // Blank rows stay blank.
    for (let row = E.first + 24; row <= E.last; row++) for (const c of Object.values(e)) expect(v(`${c}${row}`)).toBe('');
  });

  test('twelve months: counts of results and a verdict per month', () => {
    const v = values(lang, 'example', 2);
    const { m, M } = L();
    expect(column(v, m.month, M.first, 12).map((x) => asIsoDate(x).slice(0, 7))).toEqual([
      '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
    ]);
    expect(column(v, m.count, M.first, 12)).toEqual(Array(12).fill(2));
    const counts = (i: number) => m.counts.map((c) => v(`${c}${M.first + i}`));
    expect([0, 1, 2, 3, 4, 5, 6].map(counts)).toEqual([
      [2, 0, 0, 0],
      [0, 1, 1, 0],
      [1, 0, 1, 0],
      [2, 0, 0, 0],
      [0, 1, 0, 1],
      // March is the report month: nothing typed yet.
      [0, 0, 0, 0],
      // April is after the report date: no counts.
      ['', '', '', ''],
    ]);
    expect(column(v, m.verdict, M.first, 7)).toEqual([t('verdictGood'), t('verdictAct'), t('verdictAct'), t('verdictGood'), t('verdictData'), '', '']);
  });

  test('after edits: owner, target segment, spending, cap, margin, February actual, 96 % threshold', () => {
    const l = L();
    const plan = values(lang, 'changed', 0);
    const act = values(lang, 'changed', 1);
    const ev = values(lang, 'changed', 2);
    expect(plan(`${l.o.check}${l.O.first + 2}`)).toBe(t('checkOk'));
    expect(plan(`${l.s.priority}${l.S.first + 3}`)).toBe(t('priorityOut'));
    expect(plan(l.targetedPotential)).toBe(13000);
    // O1 at 95.3 % is now below 96 %; O2 has 10 of 10.
    expect(column(plan, l.o.actual, l.O.first, 2)).toEqual([429, 10]);
    expect(column(plan, l.o.pace, l.O.first, 2)).toEqual([t('paceBehind'), t('paceOnTrack')]);
    expect(column(act, l.a.flag, l.A.first, 7)).toEqual(['', '', '', t('flagOverdue'), '', '', '']);
    expect(act(l.budget.spent)).toBe(150000 + 76000 + 45000 + 30000);
    expect(act(l.budget.check)).toBe(t('capWithin'));
    // 5 % of 12,000,000 = 600,000, 100,000 short of the budget.
    expect(act(l.budget.profit) as number).toBeCloseTo(600000, 6);
    expect(act(l.budget.net) as number).toBeCloseTo(-100000, 6);
    expect(act(l.budget.roi) as number).toBeCloseTo(-100000 / 700000, 12);
    expect(act(l.budget.breakEven) as number).toBeCloseTo(14000000, 6);
    expect(act(l.budget.verdict)).toBe(t('returnLoss'));
    // November's 97.5 % stays slightly behind; February's 95 % is now missed; February's O2 is reached.
    expect(column(ev, l.e.flag, l.E.first, 5)).toEqual([t('logReached'), t('logSlightly'), t('logMissed'), t('logReached'), t('logMissed')]);
    expect(ev(`${l.e.flag}${l.E.first + 16}`)).toBe(t('logReached'));
    expect(ev(`${l.m.verdict}${l.M.first + 4}`)).toBe(t('verdictAct'));
    expect(l.m.counts.map((c) => ev(`${c}${l.M.first + 4}`))).toEqual([1, 0, 1, 0]);
  });

  test('blank template: the plan year is the report date’s calendar year and nothing else is computed', () => {
    const sheets = built.get(`${lang}/blank`)!;
    const l = layout(sheets, lang);
    const [plan, act, ev] = [0, 1, 2].map((i) => values(lang, 'blank', i as 0 | 1 | 2));
    expect(asIsoDate(plan(l.planEnd))).toBe('2026-12-31');
    expect(asIsoDate(ev(`${l.m.month}${l.M.first}`))).toBe('2026-01-01');
    expect(column(plan, l.o.check, l.O.first, 8)).toEqual(Array(8).fill(''));
    expect(column(plan, l.o.pace, l.O.first, 8)).toEqual(Array(8).fill(''));
    expect(act(l.budget.total)).toBe(0);
    expect(act(l.budget.check)).toBe(t('capNone'));
    expect(act(l.budget.verdict)).toBe('');
    expect(column(ev, l.m.verdict, l.M.first, 12)).toEqual(Array(12).fill(''));
  });
});
