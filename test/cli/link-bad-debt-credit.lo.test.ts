/**
 * The bad-debt run written with --into a workbook holding the credit register
 * (docs/rules/bonus/bad-debt.md): the approver and the approved line come from the register, each
 * debt is split at the line, and after LibreOffice recalculates the liabilities equal the
 * engine's; an edited line or approver in the register moves them; a customer the register lacks
 * says so; the register deleted gives the message, never #REF!. Schema-valid, every formula cached.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import common from '../../src/i18n/common';
import sheetMessages from '../../src/i18n/bonus-sheets';
import creditCatalog from '../../src/i18n/templates/credit';
import { translator } from '../../src/i18n/define';
import { cli } from '../support/cli';
import { errorCells, sheet, type SheetValues } from '../support/libreoffice';
import { linkVariants } from '../support/link-variants';
import { validatePackages } from '../support/ooxml-validate';
import { compareStored, readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const t = translator(sheetMessages, 'zh-CN');
const SHEET = t('sheet_bad-debt');
const REGISTER = translator(creditCatalog, 'zh-CN')('sheetName');
const HUADONG = '华东精密机械有限公司';

let book: string;
let recalculated: string;
let fresh: SheetValues[];
let edited: SheetValues[];
let deleted: SheetValues[];
let json: { lines: { rep: string; key: string; bonus: string | number; role: string }[] };

/** The bad-debt rows as [person, customer, part, part CNY, liability] (columns A, C, J, K, N from row 7). */
function rows(sheets: SheetValues[]): [unknown, unknown, unknown, unknown, unknown][] {
  const s = sheet(sheets, SHEET);
  const out: [unknown, unknown, unknown, unknown, unknown][] = [];
  for (let r = 7; s.values.get(`A${r}`); r++) out.push([s.values.get(`A${r}`), s.values.get(`C${r}`), s.values.get(`J${r}`), s.values.get(`K${r}`), s.values.get(`N${r}`)]);
  return out;
}

beforeAll(async () => {
  const dir = tempDir('ap-link-credit-');
  book = path.join(dir, 'book.xlsx');
  const csv = path.join(dir, 'bad-debts.csv');
  writeFileSync(
    csv,
    ['经办人,审批人,客户,坏账金额,是否在信用额度内', `王磊,,${HUADONG},650000,是`, '张伟,某人,杭州远景包装材料有限公司,40000,否', '李娜,,常州新客户有限公司,10000,是'].join('\n') + '\n',
  );
  const rules = path.join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify({ badDebt: { insideHandler: 0.3, insideApprover: 0.2 } }));
  const steps = [
    ['template', 'credit', '--example', '--date', '2026-03-15', '--out', book],
    ['bonus', '--scheme', 'bad-debt', '--in', csv, '--rules', rules, '--into', book, '--json'],
  ];
  for (const args of steps) {
    const run = await cli(args);
    expect({ args, code: run.code }).toEqual({ args, code: 0 });
    if (args[0] === 'bonus') json = JSON.parse(run.out);
  }
  // The register's first row is 华东: line (D13) up to 600,000, approver (C13) changed.
  ({ recalculated, fresh, edited, deleted } = await linkVariants(book, [{ sheet: 0, cell: 'D13', value: 600000 }, { sheet: 0, cell: 'C13', value: 'Zhou Qiang' }], 0));
}, 600_000);

test('the engine splits each debt at the register line, with the register approver', () => {
  // In the sheet's order: by person, the engine's order within a person.
  const byKey = [...json.lines].sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0)).map((l) => [l.rep, l.key, l.role, Number(l.bonus)]);
  expect(byKey).toEqual([
    ['刘洋', '杭州远景包装材料有限公司', 'approver', -8000],
    ['张伟', '杭州远景包装材料有限公司', 'handler', -12000],
    ['张伟', '杭州远景包装材料有限公司', 'handler', 0],
    ['李娜', '常州新客户有限公司', 'handler', 0],
    ['李娜', '常州新客户有限公司', 'handler', -10000],
    ['王磊', HUADONG, 'handler', -150000],
    ['王磊', HUADONG, 'handler', -150000],
    ['陈刚', HUADONG, 'approver', -100000],
  ]);
});

test('LibreOffice computes the same split from the register; a customer it lacks says so', () => {
  const [inside, over] = [t('part_inside'), t('part_over')];
  expect(rows(fresh)).toEqual([
    ['刘洋', '杭州远景包装材料有限公司', inside, 40000, -8000],
    ['张伟', '杭州远景包装材料有限公司', inside, 40000, -12000],
    ['张伟', '杭州远景包装材料有限公司', over, 0, 0],
    ['李娜', '常州新客户有限公司', inside, 0, 0],
    ['李娜', '常州新客户有限公司', over, 10000, -10000],
    ['王磊', HUADONG, inside, 500000, -150000],
    ['王磊', HUADONG, over, 150000, -150000],
    ['陈刚', HUADONG, inside, 500000, -100000],
  ]);
  const s = sheet(fresh, SHEET);
  expect([s.values.get('H7'), s.values.get('I7'), s.values.get('H10'), s.values.get('I10')]).toEqual(['刘洋', 100000, t('notInRegister'), t('notInRegister')]);
  expect(errorCells(fresh)).toEqual([]);
});

test('an edited line and approver in the register move the split after recalculation', () => {
  const s = sheet(edited, SHEET);
  expect(rows(edited).slice(5).map((r) => [r[3], r[4]])).toEqual([
    [600000, -180000],
    [50000, -50000],
    [600000, -120000],
  ]);
  expect([s.values.get('H12'), s.values.get('I12')]).toEqual(['Zhou Qiang', 600000]);
  // The summary sums the live liabilities.
  const summary = sheet(edited, t('summarySheet'));
  const wang = [...summary.values].find(([, v]) => v === '王磊')![0].replace('A', 'D');
  expect(summary.values.get(wang)).toBe(-230000);
  expect(errorCells(edited)).toEqual([]);
});

test('the register deleted: the looked-up cells say so, no #REF! anywhere', () => {
  const gone = translator(common, 'zh-CN')('linkSourceGone', { sheet: REGISTER });
  const s = sheet(deleted, SHEET);
  for (let r = 7; r <= 14; r++) {
    expect({ r, approver: s.values.get(`H${r}`), line: s.values.get(`I${r}`), eligible: s.values.get(`M${r}`) }).toEqual({ r, approver: gone, line: gone, eligible: '否' });
  }
  expect(errorCells(deleted)).toEqual([]);
});

test('the linked file is schema-valid and its cached values are what LibreOffice computes', async () => {
  const bytes = new Uint8Array(readFileSync(book));
  const report = await validatePackages([{ label: 'book', bytes }]);
  expect(report.errors).toEqual([]);
  const ours = await readStoredFormulas(bytes);
  expect(uncached(ours)).toEqual([]);
  const theirsFile = recalculated;
  const { compared, disagreements } = compareStored(ours, await readStoredFormulas(theirsFile));
  expect(disagreements).toEqual([]);
  expect(compared).toBeGreaterThan(100);
}, 300_000);
