/**
 * Targets and attainment: per-row attainment, visit totals added up from the tier table, months
 * without a new customer and the penalty flags, and the team summary for one period —
 * recalculated in LibreOffice and compared with values worked out by hand, also after a planner
 * edits inputs. Every formula's stored value (IronCalc) must equal LibreOffice's.
 */
import catalog from '../../src/i18n/templates/targets';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { targets } from '../../src/sheets/templates/targets';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { asIsoDate, type Computed } from '../support/libreoffice';
import { cellBeside, cellRightOf, tableCells } from '../support/spec-cells';
import { expectAgreementWithoutErrors, recalcVariants, type Recalculated } from '../support/recalc-variants';
import { FIXED_TODAY, tempDir } from '../support/template-files';

type Variant = 'example' | 'changed' | 'previous' | 'boundary' | 'blank';
const VARIANTS: Variant[] = ['example', 'changed', 'previous', 'boundary', 'blank'];
let recalculated: Recalculated;
const built = new Map<string, SheetSpec[]>();
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function layout(sheet: SheetSpec, lang: Lang) {
  const t = translator(catalog, lang);
  const R = tableCells(sheet, 'Targets_Reps');
  const V = tableCells(sheet, 'Targets_Visits');
  const line = (label: string) => {
    const target = cellBeside(sheet, label);
    return { target, actual: cellRightOf(target, 1), rate: cellRightOf(target, 2) };
  };
  const held = cellRightOf(cellBeside(sheet, t('sumPotential')), 1);
  return {
    R,
    r: {
      period: R.col(t('colPeriod')),
      potential: R.col(t('colPotential')),
      nc: R.col(t('colNcAttainment')),
      sales: R.col(t('colSalesAttainment')),
      visitTarget: R.col(t('colVisitTarget')),
      visitActual: R.col(t('colVisitActual')),
      visits: R.col(t('colVisitAttainment')),
      lastNew: R.col(t('colLastNew')),
      months: R.col(t('colMonthsWithout')),
      penalty: R.col(t('colPenalty')),
    },
    V,
    v: { actual: V.col(t('colTierActual')), attainment: V.col(t('colTierAttainment')), status: V.col(t('colTierStatus')) },
    s: {
      period: cellBeside(sheet, t('summaryPeriod'), 'input'),
      penaltyAmount: cellBeside(sheet, t('penaltyAmount'), 'input'),
      reps: cellBeside(sheet, t('repsInPeriod')),
      nc: line(t('sumNewCustomers')),
      sales: line(t('sumNewSales')),
      visits: line(t('sumVisits')),
      range: cellBeside(sheet, t('sumPotential')),
      held,
      check: cellRightOf(held, 1),
      replan: cellBeside(sheet, t('replanCount')),
      penalised: cellBeside(sheet, t('penaltyCount')),
      total: cellBeside(sheet, t('penaltyTotal')),
    },
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-targets-');
  const variants = new Map<string, SheetSpec[]>();
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const sheets = targets.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const [sheet] = sheets;
      const L = layout(sheet, lang);
      if (variant === 'changed') {
        // Report date 2026-06-20 (the first quarter is over); Li Na's last new customer on
        // 2025-03-01; Zhang Wei holds 2 potential customers instead of 6; Wang Lei's B visits
        // 6 → 9; the penalty is 1,500.
        setCell(sheet, 'F3', utc(2026, 6, 20));
        setCell(sheet, `${L.r.lastNew}${L.R.first + 1}`, utc(2025, 3, 1));
        setCell(sheet, `${L.r.potential}${L.R.first + 2}`, 2);
        setCell(sheet, `${L.v.actual}${L.V.first + 1}`, 9);
        setCell(sheet, L.s.penaltyAmount, 1500);
      }
      if (variant === 'previous') setCell(sheet, L.s.period, utc(2025, 10, 1));
      if (variant === 'boundary') {
        // As of 2026-03-15: exactly 6 months, one day less than 6 months, exactly 12 months.
        setCell(sheet, `${L.r.lastNew}${L.R.first}`, utc(2025, 9, 15));
        setCell(sheet, `${L.r.lastNew}${L.R.first + 1}`, utc(2025, 9, 16));
        setCell(sheet, `${L.r.lastNew}${L.R.first + 2}`, utc(2025, 3, 15));
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
const close = (actual: Computed[], expected: (number | '')[]) =>
  expected.forEach((e, i) => (e === '' ? expect(actual[i]).toBe('') : expect(actual[i]).toBeCloseTo(e, 12)));

test('every stored value equals LibreOffice’s recalculation, and no cell is an error', () => {
  expectAgreementWithoutErrors(recalculated);
});

describe.each(LANGS)('targets %s', (lang) => {
  const t = translator(catalog, lang);
  const L = () => layout(built.get(`${lang}/example`)![0], lang);
  const col = (v: (ref: string) => Computed, letter: string, first: number, n: number) => Array.from({ length: n }, (_, i) => v(`${letter}${first + i}`));

  test('rows: attainment of new customers, their sales and visits (added up from the tier table)', () => {
    const v = values(lang, 'example');
    const { R, r } = L();
    // Wang Lei, Li Na, Zhang Wei in the quarter from 2026-01-01; Wang Lei's quarter from 2025-10-01.
    expect(col(v, r.period, R.first, 4).map((d) => asIsoDate(d))).toEqual(['2026-01-01', '2026-01-01', '2026-01-01', '2025-10-01']);
    close(col(v, r.nc, R.first, 5), [2 / 3, 0, 0, 1, '']);
    close(col(v, r.sales, R.first, 5), [450000 / 600000, 120000 / 400000, 0, 520000 / 500000, '']);
    // A + B + C: 12+8+4 / 13+6+4, 8+8+6 / 8+8+3, 4+6+6 / 2+5+6; no tier rows for the earlier quarter.
    expect(col(v, r.visitTarget, R.first, 5)).toEqual([24, 22, 16, '', '']);
    expect(col(v, r.visitActual, R.first, 5)).toEqual([23, 19, 13, '', '']);
    close(col(v, r.visits, R.first, 5), [23 / 24, 19 / 22, 13 / 16, '', '']);
  });

  test('tier table: attainment and status per rep and tier', () => {
    const v = values(lang, 'example');
    const { V, v: c } = L();
    close(col(v, c.attainment, V.first, 10), [13 / 12, 6 / 8, 1, 1, 1, 3 / 6, 2 / 4, 5 / 6, 1, '']);
    const [ok, behind] = [t('reached'), t('behind')];
    expect(col(v, c.status, V.first, 10)).toEqual([ok, behind, ok, ok, ok, behind, behind, behind, ok, '']);
  });

  test('penalty flags: months without a new customer up to the period end or the report date', () => {
    const v = values(lang, 'example');
    const { R, r } = L();
    // Last new customer 2026-02-23, 2025-08-27 (200 days before 2026-03-15), 2025-02-08 (400 days);
    // the earlier quarter's row counts to its end, 2025-12-31, from 2025-12-22.
    expect(col(v, r.lastNew, R.first, 4).map((d) => asIsoDate(d))).toEqual(['2026-02-23', '2025-08-27', '2025-02-08', '2025-12-22']);
    expect(col(v, r.months, R.first, 5)).toEqual([0, 6, 13, 0, '']);
    expect(col(v, r.penalty, R.first, 5)).toEqual(['', t('replanFlag'), t('penaltyFlag'), '', '']);
  });

  test('team summary for the quarter from 2026-01-01', () => {
    const v = values(lang, 'example');
    const { s } = L();
    expect(v(s.reps)).toBe(3);
    expect([v(s.nc.target), v(s.nc.actual)]).toEqual([7, 2]);
    expect(v(s.nc.rate)).toBeCloseTo(2 / 7, 12);
    expect([v(s.sales.target), v(s.sales.actual)]).toEqual([1400000, 570000]);
    expect(v(s.sales.rate)).toBeCloseTo(570000 / 1400000, 12);
    expect([v(s.visits.target), v(s.visits.actual)]).toEqual([62, 55]);
    expect(v(s.visits.rate)).toBeCloseTo(55 / 62, 12);
    expect(v(s.range)).toBe(lang === 'zh-CN' ? '25～30' : '25–30');
    // 12 + 9 + 6 potential customers.
    expect([v(s.held), v(s.check)]).toEqual([27, t('potentialOk')]);
    expect([v(s.replan), v(s.penalised), v(s.total)]).toEqual([1, 1, 1000]);
  });

  test('after edits: the quarter is over, a second penalty, fewer potential customers, more visits', () => {
    const v = values(lang, 'changed');
    const { R, r, s } = L();
    // Counted to the quarter's end 2026-03-31: 2026-02-23 → 1, 2025-03-01 → 12, 2025-02-08 → 13.
    expect(col(v, r.months, R.first, 4)).toEqual([1, 12, 13, 0]);
    expect(col(v, r.penalty, R.first, 4)).toEqual(['', t('penaltyFlag'), t('penaltyFlag'), '']);
    expect(v(`${r.visitActual}${R.first}`)).toBe(26);
    expect(v(`${r.visits}${R.first}`)).toBeCloseTo(26 / 24, 12);
    expect(v(s.visits.actual)).toBe(58);
    expect([v(s.held), v(s.check)]).toEqual([23, t('potentialLow')]);
    expect([v(s.replan), v(s.penalised), v(s.total)]).toEqual([0, 2, 3000]);
  });

  test('the flags fall on the day the bonus run uses: on or before EDATE(as-of, −6) and EDATE(as-of, −12)', () => {
    const v = values(lang, 'boundary');
    const { R, r } = L();
    expect(col(v, r.months, R.first, 3)).toEqual([6, 5, 12]);
    expect(col(v, r.penalty, R.first, 3)).toEqual([t('replanFlag'), '', t('penaltyFlag')]);
  });

  test('summary of the earlier quarter: one rep, no tier rows', () => {
    const v = values(lang, 'previous');
    const { s } = L();
    expect(v(s.reps)).toBe(1);
    expect([v(s.nc.target), v(s.nc.actual), v(s.nc.rate)]).toEqual([3, 3, 1]);
    expect(v(s.sales.rate)).toBeCloseTo(1.04, 12);
    expect([v(s.visits.target), v(s.visits.actual), v(s.visits.rate)]).toEqual([0, 0, '']);
    expect([v(s.held), v(s.check)]).toEqual([10, t('potentialLow')]);
    expect([v(s.replan), v(s.penalised), v(s.total)]).toEqual([0, 0, 0]);
  });

  test('blank template: every computed cell is empty, counts zero', () => {
    const v = values(lang, 'blank');
    const { R, r, V, v: c, s } = L();
    for (const letter of [r.nc, r.sales, r.visitTarget, r.visitActual, r.visits, r.months, r.penalty]) expect(col(v, letter, R.first, R.last - R.first + 1).every((x) => x === '')).toBe(true);
    for (const letter of [c.attainment, c.status]) expect(col(v, letter, V.first, V.last - V.first + 1).every((x) => x === '')).toBe(true);
    expect([v(s.reps), v(s.nc.target), v(s.nc.rate), v(s.held), v(s.check)]).toEqual([0, '', '', '', '']);
    expect([v(s.replan), v(s.penalised), v(s.total)]).toEqual([0, 0, 0]);
  });

  test('within Excel’s limits', () => {
    for (const s of built.get(`${lang}/example`)!) expect(excelLimitViolations(s)).toEqual([]);
  });
});
