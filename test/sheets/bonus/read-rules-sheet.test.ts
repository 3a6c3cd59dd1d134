import { defaultRules } from '../../../src/domain/bonus/rules';
import { Decimal } from '../../../src/domain/exact/decimal';
import { buildBonusRulesSheet } from '../../../src/sheets/bonus/rules-sheet';
import { LANGS } from '../../../src/sheets/core/sheet-spec';
import { specToTable } from '../../../src/taskpane/preview/preview-host';
import { readRulesSheet } from '../../../src/sheets/bonus/read-rules-sheet';

/** Decimals as their exact text; key order does not matter to toEqual. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
const sheetOf = (rules = defaultRules(), lang: (typeof LANGS)[number] = 'en-US') =>
  specToTable(buildBonusRulesSheet(rules, { lang }).sheet);

describe('reading the Rules sheet back', () => {
  for (const lang of LANGS)
    test(`${lang}: the sheet built from the defaults reads back as the defaults`, () => {
      const { rules, problems } = readRulesSheet(sheetOf(defaultRules(), lang));
      expect(problems).toEqual([]);
      expect(plain(rules)).toEqual(plain(defaultRules()));
    });

  test('edited values, an added currency and an added band are read', () => {
    const r = defaultRules();
    r.fx.USD = new Decimal('7.1');
    r.newBrand.minMargin = new Decimal('0.12');
    r.newCustomer.industrialTypes = ['工业', 'factory'];
    r.referral.campaignStart = 46082; // 2026-03-01
    r.referral.campaignEnd = 46112;
    const { rules, problems } = readRulesSheet(sheetOf(r, 'zh-CN'));
    expect(problems).toEqual([]);
    expect(rules.fx.USD.toString()).toBe('7.1');
    expect(rules.newBrand.minMargin.toString()).toBe('0.12');
    expect(rules.newCustomer.industrialTypes).toEqual(['工业', 'factory']);
    expect([rules.referral.campaignStart, rules.referral.campaignEnd]).toEqual([46082, 46112]);
  });

  test('a gap between bands and a bad number are reported with the field, defaults kept', () => {
    const table = sheetOf();
    const band = table.rows.findIndex((row) => row[3] === 30000);
    table.rows[band][3] = 25000;
    const margin = table.rows.findIndex((row) => row[0] === 'Minimum average gross margin');
    table.rows[margin][1] = 'lots';
    const { rules, problems } = readRulesSheet(table);
    expect(problems.some((p) => p.startsWith('newBrand.tiers.bands[1]') && p.includes('gap'))).toBe(true);
    expect(problems.some((p) => p.startsWith('newBrand.minMargin'))).toBe(true);
    expect(plain(rules)).toEqual(plain(defaultRules()));
  });

  test('a sheet that is not a Rules sheet is refused', () => {
    expect(() => readRulesSheet({ headers: ['Customer'], rows: [['x']], firstRowNumber: 2 })).toThrow(/Rules sheet/);
  });
});
