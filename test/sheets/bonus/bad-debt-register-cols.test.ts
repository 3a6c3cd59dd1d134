/**
 * The bad-debt sheet with and without the workbook's credit register
 * (docs/rules/bonus/bad-debt.md), and the register read back from a written file.
 */
import type { CreditRegister } from '../../../src/domain/bonus/line';
import { defaultRules } from '../../../src/domain/bonus/rules';
import { runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';
import sheetMessages from '../../../src/i18n/bonus-sheets';
import { translator } from '../../../src/i18n/define';
import { buildBonusSheets } from '../../../src/sheets/bonus/bonus-sheets';
import type { SheetSpec } from '../../../src/sheets/core/sheet-spec';
import { CREDIT_NAMES } from '../../../src/sheets/templates/credit';
import { getTemplate } from '../../../src/sheets/templates/registry';
import { readCreditRegister } from '../../../src/xlsx/into/credit-register';
import { openTarget } from '../../../src/xlsx/into/into-workbook';
import { renderWorkbook } from '../../../src/xlsx/render-workbook';
import { FIXED_TODAY } from '../../support/template-files';

const t = translator(sheetMessages, 'en-US');
const HEADERS = ['handler', 'approver', 'customer', 'amount', 'currency', 'within credit'];
const sources = {
  credit: {
    sheet: 'Credit register',
    names: {
      [CREDIT_NAMES.customers]: "'Credit register'!$A$13:$A$22",
      [CREDIT_NAMES.approvers]: "'Credit register'!$C$13:$C$22",
      [CREDIT_NAMES.lines]: "'Credit register'!$D$13:$D$22",
    },
  },
};
const cell = (s: SheetSpec, ref: string) => s.cells.find((c) => c.ref === ref)?.value;

test('with the register: approver and line looked up (guarded), the part and liability live per person and part', async () => {
  const creditRegister: CreditRegister = new Map([['acme', { approver: 'Chen', line: new Decimal(1000) }]]);
  const result = await runBonus('bad-debt', { headers: HEADERS, rows: [['Li', '', 'Acme', '1500', 'CNY', 'no']] }, { rules: defaultRules(), lang: 'en-US', creditRegister });
  const [sheet] = buildBonusSheets(result, { lang: 'en-US', sources, statements: false });
  const header = Array.from('ABCDEFGHIJKLMNO', (c) => cell(sheet, `${c}6`));
  expect(header).toEqual([
    t('colPerson'), t('colRole'), t('colCustomer'), t('colAmount'), t('colCurrency2'), t('colRate'), t('colAmountCny'),
    t('colRegisterApprover'), t('colApprovedLine'), t('colPart'), t('colPartCny'), t('colShare'), t('colEligible'), t('colLiability'), t('colReason'),
  ]);
  const gone = '"Sheet ""Credit register"" was deleted"';
  const match = "MATCH(C7,'Credit register'!$A$13:$A$22,0)";
  expect(cell(sheet, 'H7')).toEqual({
    formula: `IF(ISERROR(ROWS('Credit register'!$C$13:$C$22)),${gone},IFERROR(INDEX('Credit register'!$C$13:$C$22,${match})&"","Not in credit register"))`,
  });
  expect(cell(sheet, 'I7')).toEqual({
    formula: `IF(ISERROR(ROWS('Credit register'!$D$13:$D$22)),${gone},IFERROR(N(INDEX('Credit register'!$D$13:$D$22,${match})),"Not in credit register"))`,
  });
  // Rows sorted by person: Chen (approver, inside), Li (inside), Li (over).
  expect([7, 8, 9].map((r) => [cell(sheet, `A${r}`), cell(sheet, `J${r}`)])).toEqual([
    ['Chen', t('part_inside')],
    ['Li', t('part_inside')],
    ['Li', t('part_over')],
  ]);
  expect(cell(sheet, 'K8')).toEqual({ formula: 'IF(ISNUMBER(I8),MIN(G8,MAX(I8,0)),IF(I8="Not in credit register",0,""))' });
  expect(cell(sheet, 'K9')).toEqual({ formula: 'IF(ISNUMBER(I9),G9-MIN(G9,MAX(I9,0)),IF(I9="Not in credit register",G9,""))' });
  expect(cell(sheet, 'N9')).toEqual({ formula: 'IF(M9="Yes",0-ROUND(K9*L9,2),0)' });
});

test('without the register: the columns of a plain run, the within flag an input', async () => {
  const result = await runBonus('bad-debt', { headers: HEADERS, rows: [['Li', 'Boss', 'Acme', '1500', 'CNY', 'no']] }, { lang: 'en-US' });
  const [sheet] = buildBonusSheets(result, { lang: 'en-US', statements: false });
  expect(cell(sheet, 'H6')).toBe(t('colWithin'));
  expect(cell(sheet, 'H7')).toBe('No');
  expect(sheet.cells.some((c) => JSON.stringify(c.value).includes('ISERROR(ROWS('))).toBe(false);
});

test('the register is read back from a written file: names to cells, first row per customer, lower-case keys', async () => {
  const credit = getTemplate('credit').build({ lang: 'en-US', example: true, today: FIXED_TODAY });
  const target = await openTarget(await renderWorkbook({ sheets: credit }));
  expect(Object.keys(target.sources.credit.names)).toEqual(expect.arrayContaining(Object.values(CREDIT_NAMES)));
  const register = readCreditRegister(target.bytes, target.sources)!;
  expect(register.get('huadong precision machinery co., ltd.')).toEqual({ approver: 'Chen Gang', line: new Decimal(500000) });
  expect(register.get('wuxi tiancheng chemical co., ltd.')).toEqual({ approver: '', line: null });
  expect(readCreditRegister(target.bytes, {})).toBeUndefined();
});
