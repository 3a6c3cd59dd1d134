/**
 * Customer credit: the register's exposure, utilisation and flags, its summary, and the survey
 * form's score, rating, approval status, approver and review date — recalculated in LibreOffice
 * and compared with values worked out by hand, also after a planner edits inputs. Every
 * formula's stored value (IronCalc) must equal LibreOffice's. Cells are found by table names and
 * labels in the built sheets, so the checks hold wherever a block sits.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/credit';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { credit } from '../../src/sheets/templates/credit';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { asIsoDate, errorCells, readWorkbook, recalc, type Computed, type SheetValues } from '../support/libreoffice';
import { compareStored, readStoredFormulas, type Disagreement } from '../support/stored-values';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';
import { table, valueOf } from './template-cells';

type Variant = 'example' | 'changed' | 'weights' | 'blank';
const VARIANTS: Variant[] = ['example', 'changed', 'weights', 'blank'];
const results = new Map<string, SheetValues[]>();
const built = new Map<string, SheetSpec[]>();
const disagreements: (Disagreement & { file: string })[] = [];

function layout(sheets: SheetSpec[], lang: Lang) {
  const t = translator(catalog, lang);
  const [reg, form] = sheets;
  const R = table(reg, 'Credit_Register');
  const S = table(form, 'Credit_Score');
  const A = table(form, 'Credit_Approvals');
  const P = table(form, 'Credit_Payments');
  return {
    R,
    r: {
      customer: R.col(t('colCustomer')),
      line: R.col(t('colLine')),
      review: R.col(t('colReview')),
      overdue: R.col(t('colOverdue')),
      openOrders: R.col(t('colOpenOrders')),
      exposure: R.col(t('colExposure')),
      available: R.col(t('colAvailable')),
      use: R.col(t('colUse')),
      overLine: R.col(t('colOverLine')),
      reviewDue: R.col(t('colReviewDue')),
      hold: R.col(t('colHold')),
    },
    summary: {
      lines: valueOf(reg, t('linesCount')),
      total: valueOf(reg, t('totalLine')),
      exposure: valueOf(reg, t('totalExposure')),
      use: valueOf(reg, t('overallUse')),
      over: valueOf(reg, t('overCount')),
      noLine: valueOf(reg, t('noLineCount')),
      review: valueOf(reg, t('reviewCount')),
      hold: valueOf(reg, t('holdCount')),
    },
    S,
    A,
    P,
    f: {
      years: valueOf(form, t('years')),
      weightTotal: valueOf(form, t('weightTotal')),
      score: valueOf(form, t('creditScore')),
      rating: valueOf(form, t('rating')),
      status: valueOf(form, t('status')),
      approver: valueOf(form, t('approver')),
      nextReview: valueOf(form, t('nextReview')),
      check: valueOf(form, t('check')),
    },
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-credit-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const t = translator(catalog, lang);
      const sheets = credit.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const [reg, form] = sheets;
      const L = layout(sheets, lang);
      const row = (i: number) => L.R.first + i;
      if (variant === 'changed') {
        // Register: report date 2026-07-20; Ningbo (row 3) gets 250,000 of open orders;
        // Changzhou (row 6) has paid its overdue part; Wuxi (row 5) gets a line of 50,000.
        setCell(reg, 'F3', new Date(Date.UTC(2026, 6, 20)));
        setCell(reg, `${L.r.openOrders}${row(2)}`, 250000);
        setCell(reg, `${L.r.overdue}${row(5)}`, 0);
        setCell(reg, `${L.r.line}${row(4)}`, 50000);
        // Form: years in business and payments to us scored 5; the general manager rejects.
        const score = L.S.col(t('colScore'));
        setCell(form, `${score}${L.S.first}`, 5);
        setCell(form, `${score}${L.S.first + 2}`, 5);
        setCell(form, `${L.A.col(t('colOpinion'))}${L.A.first + 2}`, t('opinionReject'));
      }
      if (variant === 'weights') setCell(form, `${L.S.col(t('colWeight'))}${L.S.first}`, 0.2);
      built.set(`${lang}/${variant}`, sheets);
      files.push(await writeSheets(sheets, path.join(dir, `credit-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) {
    results.set(keys[i], await readWorkbook(out[i]));
    const cmp = compareStored(await readStoredFormulas(files[i]), await readStoredFormulas(out[i]));
    disagreements.push(...cmp.disagreements.map((d) => ({ ...d, file: keys[i] })));
  }
}, 240_000);

function values(lang: Lang, variant: Variant, sheet: 0 | 1) {
  const s = results.get(`${lang}/${variant}`)![sheet];
  return (ref: string) => s.values.get(ref) ?? null;
}
const iso = (v: Computed) => (v === '' || v === null ? v : asIsoDate(v));

test('every stored value equals LibreOffice’s recalculation, and no cell is an error', () => {
  expect(disagreements).toEqual([]);
  for (const [key, wb] of results) expect({ key, errors: errorCells(wb) }).toEqual({ key, errors: [] });
});

describe.each(LANGS)('credit %s', (lang) => {
  const t = translator(catalog, lang);
  const L = () => layout(built.get(`${lang}/example`)!, lang);
  const col = (v: (ref: string) => Computed, letter: string, n = 7) =>
    Array.from({ length: n }, (_, i) => v(`${letter}${L().R.first + i}`));

  test('register: exposure = receivables + open orders; available, utilisation and the three flags', () => {
    const v = values(lang, 'example', 0);
    const { r } = L();
    // Huadong, Suzhou, Ningbo, Hangzhou, Wuxi (no line), Changzhou, Jiaxing.
    expect(col(v, r.exposure)).toEqual([400000, 210000, 90000, 60000, 45000, 60000, 80000]);
    expect(col(v, r.available)).toEqual([100000, -10000, 210000, 40000, '', 90000, 0]);
    const use = col(v, r.use);
    [0.8, 1.05, 0.3, 0.6, null, 0.4, 1].forEach((u, i) => (u === null ? expect(use[i]).toBe('') : expect(use[i]).toBeCloseTo(u, 12)));
    expect(col(v, r.overLine)).toEqual(['', t('overLineFlag'), '', '', t('noLineFlag'), '', '']);
    // Review dates: +120 days, −10, the form's approval + 12 months, −40, none, +200, today (not yet due).
    expect(col(v, r.review).map(iso)).toEqual(['2026-07-13', '2026-03-05', '2027-01-14', '2026-02-03', null, '2026-10-01', '2026-03-15']);
    expect(col(v, r.reviewDue)).toEqual(['', t('reviewFlag'), '', t('reviewFlag'), '', '', '']);
    // Overdue money and an open order at once: Suzhou (30,000 / 60,000) and Changzhou (8,000 / 20,000).
    expect(col(v, r.hold)).toEqual(['', t('holdFlag'), '', '', '', t('holdFlag'), '']);
    // Blank rows stay blank.
    for (let row = L().R.first + 7; row <= L().R.last; row++)
      for (const c of [r.exposure, r.available, r.use, r.overLine, r.reviewDue, r.hold]) expect(v(`${c}${row}`)).toBe('');
  });

  test('register summary: 6 lines, 1,330,000 approved, 900,000 exposure within lines, 67.7 %', () => {
    const v = values(lang, 'example', 0);
    const s = L().summary;
    expect(v(s.lines)).toBe(6);
    expect(v(s.total)).toBe(500000 + 200000 + 300000 + 100000 + 150000 + 80000);
    expect(v(s.exposure)).toBe(400000 + 210000 + 90000 + 60000 + 60000 + 80000);
    expect(v(s.use)).toBeCloseTo(900000 / 1330000, 12);
    expect([v(s.over), v(s.noLine), v(s.review), v(s.hold)]).toEqual([1, 1, 2, 2]);
  });

  test('register after edits: new report date, more open orders, overdue paid, a new line', () => {
    const v = values(lang, 'changed', 0);
    const { r, summary: s } = L();
    // Ningbo: 90,000 + 250,000 = 340,000 against 300,000.
    expect(v(`${r.exposure}${L().R.first + 2}`)).toBe(340000);
    expect(v(`${r.available}${L().R.first + 2}`)).toBe(-40000);
    expect(v(`${r.use}${L().R.first + 2}`)).toBeCloseTo(340000 / 300000, 12);
    // Wuxi: 45,000 of 50,000.
    expect(v(`${r.use}${L().R.first + 4}`)).toBeCloseTo(0.9, 12);
    expect(col(v, r.overLine)).toEqual(['', t('overLineFlag'), t('overLineFlag'), '', '', '', '']);
    // As of 2026-07-20 Huadong (07-13) and Jiaxing (03-15) are due too; Wuxi has no review date.
    expect(col(v, r.reviewDue)).toEqual([t('reviewFlag'), t('reviewFlag'), '', t('reviewFlag'), '', '', t('reviewFlag')]);
    expect(col(v, r.hold)).toEqual(['', t('holdFlag'), '', '', '', '', '']);
    expect(v(s.lines)).toBe(7);
    expect(v(s.total)).toBe(1380000);
    expect(v(s.exposure)).toBe(900000 + 250000 + 45000);
    expect(v(s.use)).toBeCloseTo(1195000 / 1380000, 12);
    expect([v(s.over), v(s.noLine), v(s.review), v(s.hold)]).toEqual([2, 0, 4, 1]);
  });

  test('survey: years in business, on-time rates, weighted score 3.60 → fair', () => {
    const v = values(lang, 'example', 1);
    const { f, P, S } = L();
    // Founded 2017-03-01, report date 2026-03-15: nine whole years.
    expect(v(f.years)).toBe(9);
    const rate = P.col(t('colOnTimeRate'));
    expect(v(`${rate}${P.first}`)).toBeCloseTo(11 / 12, 12);
    expect(v(`${rate}${P.first + 1}`)).toBeCloseTo(18 / 20, 12);
    expect(v(`${rate}${P.first + 2}`)).toBe('');
    // 15 % × 4 + 15 % × 3 + 25 % × 4 + 20 % × 3 + 10 % × 5 + 15 % × 3
    const weighted = S.col(t('colWeighted'));
    [0.6, 0.45, 1, 0.6, 0.5, 0.45].forEach((w, i) => expect(v(`${weighted}${S.first + i}`)).toBeCloseTo(w, 12));
    expect(v(f.weightTotal)).toBeCloseTo(1, 12);
    expect(v(f.score)).toBeCloseTo(3.6, 12);
    expect(v(f.rating)).toBe(t('ratingFair'));
  });

  test('application: approved by the general manager, who is the approver; review 12 months after', () => {
    const v = values(lang, 'example', 1);
    const { f } = L();
    expect(v(f.status)).toBe(t('statusApproved'));
    expect(v(f.approver)).toBe(lang === 'zh-CN' ? '陈刚' : 'Chen Gang');
    // Approved 60 days before 2026-03-15 = 2026-01-14; EDATE(…, 12).
    expect(iso(v(f.nextReview))).toBe('2027-01-14');
    expect(v(f.check)).toBe(t('checkOk'));
  });

  test('after edits: score 4.00 → good; the general manager rejects → rejected, no approver, no review date', () => {
    const v = values(lang, 'changed', 1);
    const { f } = L();
    // 3.60 + 15 % × (5 − 4) + 25 % × (5 − 4)
    expect(v(f.score)).toBeCloseTo(4, 12);
    expect(v(f.rating)).toBe(t('ratingGood'));
    expect(v(f.status)).toBe(t('statusRejected'));
    expect(v(f.approver)).toBe('');
    expect(v(f.nextReview)).toBe('');
    expect(v(f.check)).toBe(t('checkNotApproved'));
  });

  test('weights that do not total 100 % stop the rating', () => {
    const v = values(lang, 'weights', 1);
    expect(v(L().f.weightTotal)).toBeCloseTo(1.05, 12);
    expect(v(L().f.rating)).toBe(t('weightError'));
  });

  test('blank template: every computed cell is empty', () => {
    const reg = values(lang, 'blank', 0);
    const form = values(lang, 'blank', 1);
    const { r, f, summary: s } = L();
    for (let row = L().R.first; row <= L().R.last; row++)
      for (const c of [r.exposure, r.available, r.use, r.overLine, r.reviewDue, r.hold]) expect(reg(`${c}${row}`)).toBe('');
    expect([reg(s.lines), reg(s.total), reg(s.use), reg(s.over)]).toEqual([0, 0, '', 0]);
    for (const ref of [f.years, f.score, f.rating, f.status, f.approver, f.nextReview, f.check]) expect(form(ref)).toBe('');
  });

  test('within Excel’s limits', () => {
    for (const s of built.get(`${lang}/example`)!) expect(excelLimitViolations(s)).toEqual([]);
  });
});
