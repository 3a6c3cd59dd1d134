/**
 * Monthly development summary: attainment, gaps and status of the targets, the pipeline's
 * month-end counts and totals, wins and losses, the actions' status against the report date and
 * the summary above them — recalculated in LibreOffice and compared with values worked out by
 * hand, also after a planner edits inputs. Every formula's stored value (IronCalc) must equal
 * LibreOffice's. Cells are found by table names and labels, so the checks hold wherever a block sits.
 */
import catalog from '../../src/i18n/templates/monthly-summary';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { monthlySummary } from '../../src/sheets/templates/monthly-summary';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import type { Computed } from '../support/libreoffice';
import { cellBeside, cellRightOf, tableCells } from '../support/spec-cells';
import { expectAgreementWithoutErrors, recalcVariants, type Recalculated } from '../support/recalc-variants';
import { FIXED_TODAY, tempDir } from '../support/template-files';

type Variant = 'example' | 'changed' | 'blank';
const VARIANTS: Variant[] = ['example', 'changed', 'blank'];
let recalculated: Recalculated;
const built = new Map<string, SheetSpec[]>();

function layout(sheet: SheetSpec, lang: Lang) {
  const t = translator(catalog, lang);
  const T = tableCells(sheet, 'MonthlySummary_Targets');
  const P = tableCells(sheet, 'MonthlySummary_Pipeline');
  const C = tableCells(sheet, 'MonthlySummary_Cases');
  const A = tableCells(sheet, 'MonthlySummary_Actions');
  return {
    T,
    t: {
      metric: T.col(t('colMetric')),
      target: T.col(t('colTarget')),
      actual: T.col(t('colActual')),
      attainment: T.col(t('colAttainment')),
      gap: T.col(t('colGap')),
      status: T.col(t('colStatus')),
    },
    P,
    p: {
      abandoned: P.col(t('colAbandoned')),
      atEnd: P.col(t('colAtEnd')),
      check: P.col(t('colCheck')),
    },
    C,
    outcome: C.col(t('colOutcome')),
    A,
    a: { status: A.col(t('colStatus')), done: A.col(t('colDone')) },
    s: {
      reached: cellBeside(sheet, t('metricsReached')),
      held: cellBeside(sheet, t('pipelineEnd')),
      net: cellBeside(sheet, t('pipelineNet')),
      wins: cellBeside(sheet, t('wins')),
      losses: cellBeside(sheet, t('losses')),
      winAmount: cellBeside(sheet, t('winAmount')),
      overdue: cellBeside(sheet, t('actionsOverdue')),
      open: cellBeside(sheet, t('actionsOpen')),
      closed: cellBeside(sheet, t('closedCount')),
      total: cellBeside(sheet, t('pipelineTotal')),
    },
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-monthly-');
  const variants = new Map<string, SheetSpec[]>();
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const t = translator(catalog, lang);
      const sheets = monthlySummary.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const [sheet] = sheets;
      const L = layout(sheet, lang);
      if (variant === 'changed') {
        // B visits 9 → 13; a measure of the team's own in the first empty row: collections
        // 450,000 of 500,000; stage 4 abandons 6 instead of 1; the third case (a loss of 150,000)
        // becomes a win; the report date moves to 2026-03-30.
        setCell(sheet, `${L.t.actual}${L.T.first + 3}`, 13);
        setCell(sheet, `${L.t.metric}${L.T.first + 5}`, lang === 'zh-CN' ? '回款额（元）' : 'Collections (CNY)');
        setCell(sheet, `${L.t.target}${L.T.first + 5}`, 500000);
        setCell(sheet, `${L.t.actual}${L.T.first + 5}`, 450000);
        setCell(sheet, `${L.p.abandoned}${L.P.first + 3}`, 6);
        setCell(sheet, `${L.outcome}${L.C.first + 2}`, t('outcomeWin'));
        setCell(sheet, 'F3', new Date(Date.UTC(2026, 2, 30)));
      }
      built.set(`${lang}/${variant}`, sheets);
      variants.set(`${lang}/${variant}`, sheets);
    }
  recalculated = await recalcVariants(dir, variants);
}, 240_000);

function values(lang: Lang, variant: Variant) {
  const s = recalculated.results.get(`${lang}/${variant}`)![0];
  return (ref: string): Computed => s.values.get(ref) ?? null;
}

test('every stored value equals LibreOffice’s recalculation, and no cell is an error', () => {
  expectAgreementWithoutErrors(recalculated);
});

describe.each(LANGS)('monthly summary %s', (lang) => {
  const t = translator(catalog, lang);
  const L = () => layout(built.get(`${lang}/example`)![0], lang);
  const col = (v: (ref: string) => Computed, letter: string, first: number, n: number) => Array.from({ length: n }, (_, i) => v(`${letter}${first + i}`));

  test('targets: attainment = actual ÷ target, gap = actual − target, reached when actual ≥ target', () => {
    const v = values(lang, 'example');
    const { T, t: c, s } = L();
    // New customers 2/3, sales 360,000/300,000, visits A 17/16, B 9/12, C 8/8.
    [2 / 3, 1.2, 17 / 16, 0.75, 1].forEach((a, i) => expect(v(`${c.attainment}${T.first + i}`)).toBeCloseTo(a, 12));
    expect(col(v, c.gap, T.first, 7)).toEqual([-1, 60000, 1, -3, 0, '', '']);
    expect(col(v, c.status, T.first, 7)).toEqual([t('behind'), t('reached'), t('reached'), t('behind'), t('reached'), '', '']);
    expect(v(s.reached)).toBe(lang === 'zh-CN' ? '5 项中达成 3 项' : '3 of 5');
  });

  test('pipeline: month end = start + entered − moved on − won − abandoned, with totals', () => {
    const v = values(lang, 'example');
    const { P, p, s } = L();
    // 10+8−3−0−2, 8+3−2−0−1, 6+2−2, 4+2−1−0−1, 2+1−0−2−0
    expect(col(v, p.atEnd, P.first, 5)).toEqual([13, 8, 6, 4, 1]);
    expect(col(v, p.check, P.first, 5)).toEqual(['', '', '', '', '']);
    // Totals row: start, entered, moved on, won, abandoned, end.
    const totals = Array.from({ length: 6 }, (_, i) => v(cellRightOf(s.total, i)));
    expect(totals).toEqual([30, 16, 8, 2, 4, 32]);
    expect([v(s.held), v(s.net), v(s.closed)]).toEqual([32, 2, 2]);
  });

  test('wins and losses; actions done, overdue and open against the report date', () => {
    const v = values(lang, 'example');
    const { A, a, s } = L();
    expect([v(s.wins), v(s.losses), v(s.winAmount)]).toEqual([2, 2, 200000 + 160000]);
    // Due 10 days ago and done 12 days ago; due 3 days ago, not done; due in 10 and 20 days.
    expect(col(v, a.status, A.first, 6)).toEqual([t('statusDone'), t('statusOverdue'), t('statusOpen'), t('statusOpen'), '', '']);
    expect([v(s.overdue), v(s.open)]).toEqual([1, 2]);
  });

  test('after edits: new measure, more abandoned, a loss turned win, a later report date', () => {
    const v = values(lang, 'changed');
    const { T, t: c, P, p, A, a, s } = L();
    expect(v(`${c.attainment}${T.first + 3}`)).toBeCloseTo(13 / 12, 12);
    expect(v(`${c.status}${T.first + 3}`)).toBe(t('reached'));
    expect(v(`${c.attainment}${T.first + 5}`)).toBeCloseTo(0.9, 12);
    expect(v(`${c.gap}${T.first + 5}`)).toBe(-50000);
    expect(v(`${c.status}${T.first + 5}`)).toBe(t('behind'));
    expect(v(s.reached)).toBe(lang === 'zh-CN' ? '6 项中达成 4 项' : '4 of 6');
    // Stage 4: 4 + 2 − 1 − 0 − 6 = −1, flagged; month end 32 − 5 = 27, net −3.
    expect(v(`${p.atEnd}${P.first + 3}`)).toBe(-1);
    expect(v(`${p.check}${P.first + 3}`)).toBe(t('negativeFlag'));
    expect([v(s.held), v(s.net)]).toEqual([27, -3]);
    expect([v(s.wins), v(s.losses), v(s.winAmount)]).toEqual([3, 1, 360000 + 150000]);
    // As of 2026-03-30 the action due 2026-03-25 is overdue too.
    expect(col(v, a.status, A.first, 4)).toEqual([t('statusDone'), t('statusOverdue'), t('statusOverdue'), t('statusOpen')]);
    expect([v(s.overdue), v(s.open)]).toEqual([2, 1]);
  });

  test('blank template: every computed cell is empty or zero', () => {
    const v = values(lang, 'blank');
    const { T, t: c, P, p, A, a, s } = L();
    for (const letter of [c.attainment, c.gap, c.status]) expect(col(v, letter, T.first, 7)).toEqual(Array(7).fill(''));
    for (const letter of [p.atEnd, p.check]) expect(col(v, letter, P.first, 5)).toEqual(Array(5).fill(''));
    expect(col(v, a.status, A.first, 6)).toEqual(Array(6).fill(''));
    expect([v(s.reached), v(s.held), v(s.net), v(s.closed)]).toEqual(['', '', '', '']);
    expect([v(s.wins), v(s.losses), v(s.winAmount), v(s.overdue), v(s.open)]).toEqual([0, 0, 0, 0, 0]);
  });

  test('within Excel’s limits', () => {
    for (const s of built.get(`${lang}/example`)!) expect(excelLimitViolations(s)).toEqual([]);
  });
});
