/**
 * Key-account plan: share of wallet, the cost & sales forecast verdict and the relationship
 * stage logic, recalculated in LibreOffice and compared with values worked out by hand. Cells
 * are found by their labels in the built sheet, so the checks hold wherever a block sits.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/key-account-plan';
import { translator } from '../../src/i18n/define';
import { cellRef, parseCell, parseRange } from '../../src/sheets/core/a1';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { DECISION_MAKERS, keyAccountPlan } from '../../src/sheets/templates/key-account-plan';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { readWorkbook, recalc, type SheetValues } from '../support/libreoffice';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'risky' | 'collaborative' | 'blank' | 'margin5risk25' | 'margin5risk60' | 'margin5risk90' | 'overShare';
const VARIANTS: Variant[] = ['example', 'risky', 'collaborative', 'blank', 'margin5risk25', 'margin5risk60', 'margin5risk90', 'overShare'];
const results = new Map<string, SheetValues>();
const built = new Map<string, SheetSpec>();

/** The cell `offset` columns right of the cell holding `label`. */
function beside(sheet: SheetSpec, label: string, offset = 1): string {
  const cell = sheet.cells.find((c) => c.value === label);
  if (!cell) throw new Error(`no label ${label}`);
  const { row, col } = parseCell(cell.ref);
  return cellRef(row, col + offset);
}

function table(sheet: SheetSpec, name: string) {
  const t = sheet.tables!.find((x) => x.name === `KeyAccountPlan_${name}`)!;
  const r = parseRange(t.ref);
  return { first: r.top + 1, last: r.bottom, header: r.top };
}

function layout(sheet: SheetSpec, lang: Lang) {
  const t = translator(catalog, lang);
  return {
    sales: beside(sheet, t('expectedSales')),
    margin: beside(sheet, t('grossMargin')),
    profit: beside(sheet, t('expectedProfit')),
    costs: beside(sheet, t('totalCosts')),
    risk: beside(sheet, t('riskCoefficient')),
    adjusted: beside(sheet, t('riskAdjusted')),
    hurdle: beside(sheet, t('hurdle')),
    verdict: beside(sheet, t('verdict')),
    stage: beside(sheet, t('currentStage')),
    cause: beside(sheet, t('interruptionCause')),
    nextGoal: beside(sheet, t('nextGoal')),
    check: beside(sheet, t('relationshipCheck')),
    trading: table(sheet, 'Trading'),
    competitors: table(sheet, 'Competitors'),
    advantages: table(sheet, 'Advantages'),
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-keyaccount-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const t = translator(catalog, lang);
      const [sheet] = keyAccountPlan.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const L = layout(sheet, lang);
      if (variant === 'risky') {
        setCell(sheet, L.risk, 0.9);
        setCell(sheet, L.hurdle, 50000);
        setCell(sheet, L.stage, t('stageInterrupted'));
      }
      if (variant === 'collaborative') {
        setCell(sheet, L.stage, t('stageCollaborative'));
        setCell(sheet, L.cause, t('causeStaff'));
      }
      const margin5 = /^margin5risk(\d+)$/.exec(variant);
      if (margin5) {
        setCell(sheet, L.margin, 0.05);
        setCell(sheet, L.risk, Number(margin5[1]) / 100);
      }
      if (variant === 'overShare') {
        // Our supply in the first month typed as 560,000 against their purchases of 420,000 (133 %),
        // and the second competitor's share as 70 % (with the first's 45 %: 115 %).
        setCell(sheet, `D${L.trading.first}`, 560000);
        setCell(sheet, `C${L.competitors.first + 1}`, 0.7);
      }
      built.set(`${lang}/${variant}`, sheet);
      files.push(await writeSheets([sheet], path.join(dir, `keyaccount-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) results.set(keys[i], (await readWorkbook(out[i]))[0]);
}, 600_000);

function values(lang: Lang, variant: Variant) {
  const s = results.get(`${lang}/${variant}`)!;
  return (ref: string) => s.values.get(ref) ?? null;
}

describe.each(LANGS)('key-account-plan %s', (lang) => {
  const t = translator(catalog, lang);
  const L = () => layout(built.get(`${lang}/example`)!, lang);

  test('trading record: our share per month and overall, over the six months before the report month', () => {
    const v = values(lang, 'example');
    const { first, last } = L().trading;
    // our supply ÷ their purchases: 84/420, 99/450, 100/400, 132/480, 108/360, 96/300 (thousand CNY)
    const shares = [0.2, 0.22, 0.25, 0.275, 0.3, 0.32];
    const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
    shares.forEach((share, i) => expect(v(`E${first + i}`)).toBeCloseTo(share, 12));
    months.forEach((month, i) => expect(new Date(v(`A${first + i}`) as Date).toISOString().slice(0, 7)).toBe(month));
    for (let r = first + shares.length; r <= last; r++) expect(v(`E${r}`)).toBe('');
    const total = last + 1;
    expect(v(`A${total}`)).toBe(t('total'));
    expect(v(`B${total}`)).toBe(7190000);
    expect(v(`C${total}`)).toBe(2410000);
    expect(v(`D${total}`)).toBe(619000);
    expect(v(`E${total}`)).toBeCloseTo(619000 / 2410000, 12);
    expect(v(`F${total}`)).toBe('');
  });

  test('a share of wallet over 100 % and competitor shares over 100 % are flagged', () => {
    const v = values(lang, 'overShare');
    const { first, last } = L().trading;
    expect(v(`E${first}`)).toBeCloseTo(560000 / 420000, 12);
    expect(v(`F${last + 1}`)).toBe(t('shareOver', { n: 1 }));
    expect(v(`A${L().competitors.last + 1}`)).toBe(t('competitorShareOver', { total: '115%' }));
    expect(values(lang, 'example')(`A${L().competitors.last + 1}`)).toBe('');
  });

  test('forecast: 3,600,000 × 18 % × (1 − 25 %) − 264,000 = 222,000 > 0 → worth developing', () => {
    const v = values(lang, 'example');
    const F = L();
    expect(v(F.verdict.replace('B', 'A'))).toBe(t('verdict'));
    expect(v(F.profit)).toBeCloseTo(648000, 6);
    // 36,000 inventory interest + 120,000 staff + 48,000 travel + 60,000 management
    expect(v(F.costs)).toBe(264000);
    expect(v(F.adjusted)).toBeCloseTo(222000, 6);
    expect(v(F.verdict)).toBe(t('verdictWorth'));
    expect(v(`C${F.advantages.last + 1}`)).toBe(180000 + 120000 + 50000 + 30000);
  });

  test('forecast: risk 90 % and a 50,000 hurdle → 648,000 × 10 % − 264,000 = −199,200, not worth developing', () => {
    const v = values(lang, 'risky');
    expect(v(L().adjusted)).toBeCloseTo(-199200, 6);
    expect(v(L().verdict)).toBe(t('verdictNotWorth'));
  });

  test('risk discounts the profit, never the costs: at a 5 % margin more risk only makes a loss worse', () => {
    // profit 3,600,000 × 5 % = 180,000; × (1 − risk) − 264,000
    const worth = (risk: number) => values(lang, `margin5risk${risk}` as Variant)(L().adjusted);
    expect(worth(25)).toBeCloseTo(180000 * 0.75 - 264000, 6); // −129,000
    expect(worth(60)).toBeCloseTo(180000 * 0.4 - 264000, 6); // −192,000
    expect(worth(90)).toBeCloseTo(180000 * 0.1 - 264000, 6); // −246,000
    expect(worth(25) as number).toBeGreaterThan(worth(60) as number);
    expect(worth(60) as number).toBeGreaterThan(worth(90) as number);
  });

  test('relationship: next goal and the interruption-cause check', () => {
    expect(values(lang, 'example')(L().nextGoal)).toBe(t('stagePartnership'));
    expect(values(lang, 'example')(L().check)).toBe('');
    expect(values(lang, 'risky')(L().nextGoal)).toBe(t('goalRestore'));
    expect(values(lang, 'risky')(L().check)).toBe(t('checkNeedCause'));
    expect(values(lang, 'collaborative')(L().nextGoal)).toBe(t('goalKeep'));
    expect(values(lang, 'collaborative')(L().check)).toBe(t('checkCauseUnused'));
  });

  test('the blank template asks for the forecast inputs instead of computing', () => {
    const v = values(lang, 'blank');
    const F = layout(built.get(`${lang}/blank`)!, lang);
    expect(v(F.profit)).toBe('');
    expect(v(F.costs)).toBe(0);
    expect(v(F.adjusted)).toBe('');
    expect(v(F.verdict)).toBe(t('verdictPending'));
    expect(v(`E${F.trading.last + 1}`)).toBe('');
    expect(v(F.nextGoal)).toBe('');
    expect(v(F.check)).toBe('');
  });

  test('room for eight decision makers, their interests and family marked as personal; within Excel limits', () => {
    expect(DECISION_MAKERS).toBeGreaterThanOrEqual(8);
    const sheet = built.get(`${lang}/example`)!;
    const people = parseRange(sheet.tables!.find((x) => x.name === 'KeyAccountPlan_DecisionMakers')!.ref);
    expect(people.bottom - people.top).toBe(DECISION_MAKERS);
    expect(sheet.personalRanges).toEqual([`E${people.top}:E${people.bottom}`, `F${people.top}:F${people.bottom}`]);
    for (const variant of ['example', 'blank'] as Variant[])
      expect(excelLimitViolations(built.get(`${lang}/${variant}`)!)).toEqual([]);
  });
});
