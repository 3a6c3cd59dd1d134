/**
 * Customer file and card: installed-base ages and replacement years, share of wallet and growth,
 * the decision-maker check, service items open too long, and the card that reads the file and
 * scores the pre-visit check — recalculated in LibreOffice and compared with values worked out
 * by hand, also after a planner edits inputs. Every formula's stored value (IronCalc) must equal
 * LibreOffice's. Cells are found by table names and labels in the built sheets.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/customer-file';
import chain from '../../src/i18n/templates/decision-chain';
import common from '../../src/i18n/common';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { customerFile } from '../../src/sheets/templates/customer-file';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { errorCells, readWorkbook, recalc, type Computed, type SheetValues } from '../support/libreoffice';
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
  const [file, card] = sheets;
  const I = table(file, 'CustomerFile_Installed');
  const H = table(file, 'CustomerFile_History');
  const P = table(file, 'CustomerFile_People');
  const S = table(file, 'CustomerFile_Service');
  const C = table(card, 'CustomerCard_Check');
  return {
    I,
    H,
    P,
    S,
    C,
    file: {
      units: valueOf(file, t('installedTotal')),
      dueUnits: valueOf(file, t('replaceCount')),
      yearsWithUs: valueOf(file, t('yearsWithUs')),
      tier: valueOf(file, t('tier'), 'input'),
      open: valueOf(file, t('openCount')),
      late: valueOf(file, t('lateCount')),
      // The decision-maker check: the merged row under the people table.
      peopleCheck: `A${P.last + 1}`,
    },
    card: {
      customer: valueOf(card, t('customer')),
      code: valueOf(card, t('code')),
      tier: valueOf(card, t('tier')),
      contact: valueOf(card, t('mainContact')),
      sales: valueOf(card, t('lastYearSales')),
      share: valueOf(card, t('lastYearShare')),
      open: valueOf(card, t('openItems')),
      visits: valueOf(card, t('visitsPlanned')),
      readiness: valueOf(card, t('readiness')),
      objective: valueOf(card, t('objective'), 'input'),
    },
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-customerfile-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const t = translator(catalog, lang);
      const dc = translator(chain, lang);
      const c = translator(common, lang);
      const sheets = customerFile.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const [file, card] = sheets;
      const L = layout(sheets, lang);
      if (variant === 'changed') {
        // A year later; last year's sales typed as 360,000; the general manager turned neutral;
        // the customer moved to tier C; the missing check item is ready.
        setCell(file, 'F3', new Date(Date.UTC(2027, 2, 15)));
        setCell(file, `${L.H.col(t('colOurSales'))}${L.H.last}`, 360000);
        setCell(file, `${L.P.col(t('colAttitude'))}${L.P.first}`, dc('attNeutral'));
        setCell(file, L.file.tier, 'C');
        setCell(card, `${L.C.col(t('colReady'))}${L.C.first + 4}`, c('yes'));
      }
      built.set(`${lang}/${variant}`, sheets);
      files.push(await writeSheets(sheets, path.join(dir, `customerfile-${lang}-${variant}.xlsx`)));
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

test('every stored value equals LibreOffice’s recalculation, and no cell is an error', () => {
  expect(disagreements).toEqual([]);
  for (const [key, wb] of results) expect({ key, errors: errorCells(wb) }).toEqual({ key, errors: [] });
});

describe.each(LANGS)('customer-file %s', (lang) => {
  const t = translator(catalog, lang);
  const L = () => layout(built.get(`${lang}/example`)!, lang);
  const col = (v: (ref: string) => Computed, letter: string, first: number, n: number) =>
    Array.from({ length: n }, (_, i) => v(`${letter}${first + i}`));

  test('installed base: age and replacement year from the report year 2026', () => {
    const v = values(lang, 'example', 0);
    const { I, file } = L();
    // Bought 2018, 2021, 2024, 2016; replaced every 8, 6, 8, 8 years.
    expect(col(v, I.col(t('colAge')), I.first, 5)).toEqual([8, 5, 2, 10, '']);
    expect(col(v, I.col(t('colReplaceIn')), I.first, 5)).toEqual([2026, 2027, 2032, 2024, '']);
    expect(col(v, I.col(t('colReplaceStatus')), I.first, 5)).toEqual([t('replaceDue'), t('replaceNext'), '', t('replaceDue'), '']);
    expect(v(file.units)).toBe(12 + 6 + 4 + 3);
    expect(v(file.dueUnits)).toBe(12 + 3);
  });

  test('history: the three years before 2026, share of wallet and growth; three whole years with us', () => {
    const v = values(lang, 'example', 0);
    const { H, file } = L();
    expect(col(v, H.col(t('colYear')), H.first, 3)).toEqual([2023, 2024, 2025]);
    const share = col(v, H.col(t('colShare')), H.first, 3);
    [0.2, 0.2, 0.26].forEach((x, i) => expect(share[i]).toBeCloseTo(x, 12));
    const growth = col(v, H.col(t('colGrowth')), H.first, 3);
    expect(growth[0]).toBe('');
    expect(growth[1]).toBeCloseTo(360000 / 300000 - 1, 12);
    expect(growth[2]).toBeCloseTo(520000 / 360000 - 1, 12);
    // First order 1,200 days before 2026-03-15 = 2022-12-01.
    expect(v(file.yearsWithUs)).toBe(3);
  });

  test('key people: the decision maker supports us, so no flag; service items open and open too long', () => {
    const v = values(lang, 'example', 0);
    const { S, file } = L();
    expect(v(file.peopleCheck)).toBe('');
    // Opened 40, 20, 10 and 3 days ago; the first two closed after 2 and 5 days; limit 7 days.
    expect(col(v, S.col(t('colDaysOpen')), S.first, 5)).toEqual([2, 5, 10, 3, '']);
    expect(col(v, S.col(t('colStatus')), S.first, 5)).toEqual([t('statusClosed'), t('statusClosed'), t('statusLate'), t('statusOpen'), '']);
    expect([v(file.open), v(file.late)]).toEqual([2, 1]);
  });

  test('card: read from the file; tier A → 4 visits a month; one check item not ready', () => {
    const v = values(lang, 'example', 1);
    const { card } = L();
    expect(v(card.customer)).toBe(lang === 'zh-CN' ? '嘉兴同舟物流设备有限公司' : 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.');
    expect(v(card.code)).toBe('2022-017');
    expect(v(card.tier)).toBe('A');
    expect(v(card.contact)).toBe(lang === 'zh-CN' ? '周涛' : 'Zhou Tao');
    expect(v(card.sales)).toBe(520000);
    expect(v(card.share)).toBeCloseTo(0.26, 12);
    expect(v(card.open)).toBe(2);
    expect(v(card.visits)).toBe(4);
    expect(v(card.readiness)).toBe(t('readyMissing', { n: 1 }));
  });

  test('after edits: a year later, sales retyped, decision maker neutral, tier C, all items ready', () => {
    const f = values(lang, 'changed', 0);
    const c = values(lang, 'changed', 1);
    const { I, H, file, card } = L();
    expect(col(f, I.col(t('colAge')), I.first, 4)).toEqual([9, 6, 3, 11]);
    expect(col(f, I.col(t('colReplaceStatus')), I.first, 4)).toEqual([t('replaceDue'), t('replaceDue'), '', t('replaceDue')]);
    expect(f(file.dueUnits)).toBe(12 + 6 + 3);
    expect(col(f, H.col(t('colYear')), H.first, 3)).toEqual([2024, 2025, 2026]);
    expect(f(`${H.col(t('colShare'))}${H.last}`)).toBeCloseTo(0.18, 12);
    expect(f(`${H.col(t('colGrowth'))}${H.last}`)).toBeCloseTo(0, 12);
    expect(f(file.yearsWithUs)).toBe(4);
    expect(f(file.peopleCheck)).toBe(t('decisionMakerSupport'));
    // Both open items are now more than 7 days old.
    expect([f(file.open), f(file.late)]).toEqual([2, 2]);
    expect(c(card.tier)).toBe('C');
    expect(c(card.visits)).toBe(1);
    expect(c(card.sales)).toBe(360000);
    expect(c(card.readiness)).toBe(t('readyAll'));
  });

  test('blank template: computed cells empty, the card asks for the objective first', () => {
    const f = values(lang, 'blank', 0);
    const c = values(lang, 'blank', 1);
    const { I, H, S, file, card } = L();
    expect(col(f, I.col(t('colAge')), I.first, 6)).toEqual(Array(6).fill(''));
    expect(col(f, H.col(t('colShare')), H.first, 3)).toEqual(['', '', '']);
    expect(col(f, S.col(t('colStatus')), S.first, 8)).toEqual(Array(8).fill(''));
    expect([f(file.units), f(file.dueUnits), f(file.yearsWithUs), f(file.peopleCheck), f(file.open)]).toEqual([0, 0, '', '', 0]);
    for (const ref of [card.customer, card.code, card.tier, card.contact, card.sales, card.share, card.visits]) expect(c(ref)).toBe('');
    expect(c(card.readiness)).toBe(t('readyNoObjective'));
  });

  test('phone and birthday are marked personal; within Excel’s limits', () => {
    const [file, card] = built.get(`${lang}/example`)!;
    const { P } = L();
    const phone = P.col(t('colPhone'));
    const birthday = P.col(t('colBirthday'));
    expect(file.personalRanges).toEqual([`${phone}${P.first - 1}:${phone}${P.last}`, `${birthday}${P.first - 1}:${birthday}${P.last}`]);
    for (const s of [file, card]) expect(excelLimitViolations(s)).toEqual([]);
  });
});
