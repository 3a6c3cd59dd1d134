/**
 * The visit plan's tier column with and without an ABC result in the workbook
 * (docs/rules/templates/visit-plan.md): a guarded lookup by customer name over the result's
 * ABC_Customers / ABC_Tiers columns, or an input with a note naming the sheet that would fill it.
 */
import { translator } from '../../src/i18n/define';
import abcCatalog from '../../src/i18n/abc';
import catalog from '../../src/i18n/templates/visit-plan';
import { ABC_RESULT_NAMES } from '../../src/sheets/abc/result-sheet';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate } from '../../src/sheets/templates/registry';
import { VISIT_PLAN_NAMES } from '../../src/sheets/templates/visit-plan';
import { FIXED_TODAY } from '../support/template-files';

const sources = {
  'abc-result': {
    sheet: 'ABC 6月',
    names: { [ABC_RESULT_NAMES.customers]: "'ABC 6月'!$B$26:$B$125", [ABC_RESULT_NAMES.tiers]: "'ABC 6月'!$G$26:$G$125" },
  },
};

const plan = (lang: 'zh-CN' | 'en-US', linked: boolean): SheetSpec =>
  getTemplate('visit-plan').build({ lang, example: true, today: FIXED_TODAY, ...(linked ? { sources } : {}) })[0];
const tierRange = (s: SheetSpec) => s.names!.find((n) => n.name === VISIT_PLAN_NAMES.tiers)!.ref;
const firstTier = (s: SheetSpec) => s.cells.find((c) => c.ref === tierRange(s).replace(/\$/g, '').split(':')[0])!;

test('the visit plan says it reads the ABC result', () => {
  expect(getTemplate('visit-plan').linksTo).toEqual(['abc-result']);
});

test.each(['zh-CN', 'en-US'] as const)('linked (%s): the tier is a guarded lookup in the ABC result, typed tiers still checked', (lang) => {
  const t = translator(catalog, lang);
  const s = plan(lang, true);
  const cell = firstTier(s);
  const customer = `$A${cell.ref.slice(1)}`;
  expect(cell.value).toEqual({
    formula:
      `IF(${customer}="","",IF(ISERROR(ROWS('ABC 6月'!$G$26:$G$125)),"${lang === 'zh-CN' ? '工作表“ABC 6月”已被删除' : 'Sheet ""ABC 6月"" was deleted'}",` +
      `IFERROR(INDEX('ABC 6月'!$G$26:$G$125,MATCH(${customer},'ABC 6月'!$B$26:$B$125,0))&"","${t('notInAbc')}")))`,
  });
  // The example's customers keep their names; their tiers come from the result.
  expect(s.cells.filter((c) => c.ref.startsWith('C') && typeof c.value === 'string' && ['A', 'B', 'C'].includes(c.value))).toEqual([]);
  expect(s.validations!.some((v) => v.ref === tierRange(s).replace(/\$/g, '') && v.rule.type === 'list')).toBe(true);
  expect(s.cells.some((c) => typeof c.value === 'string' && c.value.includes(t('tierLinkedNote', { sheet: 'ABC 6月' })))).toBe(true);
});

test.each(['zh-CN', 'en-US'] as const)('unlinked (%s): the tier is an input and a note names the ABC sheet', (lang) => {
  const t = translator(catalog, lang);
  const s = plan(lang, false);
  expect(firstTier(s).value).toBe('A');
  const note = t('tierUnlinkedNote', { sheet: translator(abcCatalog, lang)('sheetName') });
  expect(s.cells.some((c) => typeof c.value === 'string' && c.value.includes(note))).toBe(true);
  expect(s.cells.filter((c) => JSON.stringify(c.value).includes('ISERROR(ROWS(')).map((c) => c.ref)).toEqual([]);
});
