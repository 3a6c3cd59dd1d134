/**
 * The team roll-up's sheets (docs/rules/team-rollup.md) written by the Office writer into the fake
 * Excel: every team row arrives with its rep, the comparison's formulas and values, the team
 * pipeline's names and stamp, and the personal marks — so the add-in's share-safe copy empties the
 * team decision chain's personal columns.
 */
import { combineTeam } from '../../src/domain/team/combine';
import { DEFAULT_TEAM_RULES } from '../../src/domain/team/rules';
import { translator } from '../../src/i18n/define';
import catalog from '../../src/i18n/team-rollup';
import { OfficeHost } from '../../src/office/office-host';
import { teamWorkbookSheets } from '../../src/sheets/team/team-workbook';
import { readRepWorkbook } from '../../src/xlsx/read/rep-workbook';
import { repWorkbook, threeReps, TODAY } from '../support/rep-workbooks';
import { installFakeExcel, type FakeExcel } from './fake-excel/install';

const t = translator(catalog, 'zh-CN');
let fake: FakeExcel;
afterEach(() => fake?.uninstall());

test('the team sheets are written whole, stamped and named, and a share-safe copy clears the personal columns', async () => {
  const reads = [];
  for (const [i, data] of threeReps().entries()) reads.push(readRepWorkbook(await repWorkbook(data), `rep${i + 1}.xlsx`));
  const rollup = combineTeam(reads, DEFAULT_TEAM_RULES);
  const specs = teamWorkbookSheets(rollup, { lang: 'zh-CN', today: TODAY });

  fake = installFakeExcel({ apiVersion: '1.18' });
  const host = new OfficeHost();
  const names = await host.insertSheets(specs, { owner: 'rollup' });
  expect(names).toEqual(specs.map((s) => s.name));

  // Team pipeline: header on row 12, 7 rows below it = 3 + 2 + 2 of the reps.
  const pipeline = fake.model.sheet(t('sheet_pipeline'))!;
  const column = (sheet: typeof pipeline, col: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => sheet.cell(from + i, col)?.value ?? null);
  expect(column(pipeline, 1, 12, 20)).toEqual([t('colOwner'), '张伟', '张伟', '张伟', '李娜', '李娜', '王强', '王强', null]);
  expect(column(pipeline, 4, 13, 19)).toEqual(['李娜', null, null, '张伟', '王强', null, '李娜']);
  expect(pipeline.cell(10, 3)?.formula).toMatch(/^=?COUNTIF\(/);

  // Comparison: the formulas as written, over the team sheets' rep column.
  const cmp = fake.model.sheet(t('sheetComparison'))!;
  expect(cmp.cell(7, 1)?.value).toBe('张伟');
  expect(cmp.cell(7, 2)?.formula?.replace(/^=/, '')).toBe(`COUNTIF('${t('sheet_pipeline')}'!$A$13:$A$19,$A7)`);
  expect(cmp.cell(10, 2)?.formula?.replace(/^=/, '')).toBe('SUM(B7:B9)');

  // The pipeline's names point at the team pipeline; every sheet has its stamp.
  const named = (n: string) => fake.model.names.find((x) => x.name === n);
  expect(named('Pipeline_Customer')?.formula.replace(/^=/, '')).toBe(`'${t('sheet_pipeline')}'!$E$13:$E$19`);
  expect(fake.model.names.filter((n) => n.name === 'AP_Sheet').map((n) => [n.scope?.name, n.formula.replace(/^=/, '')])).toContainEqual([t('sheet_pipeline'), '"pipeline@1"']);

  // The report's lines arrive as rows: the older template, the sheet out of shape, four conflicts.
  const report = fake.model.sheet(t('sheetReport'))!;
  expect(column(report, 2, 12, 17)).toEqual([t('problem_older-upgraded'), t('problem_out-of-shape'), t('problem_conflict'), t('problem_conflict'), t('problem_conflict'), t('problem_conflict')]);

  const copy = await host.makeShareSafeCopy!('zh-CN');
  const chainCopy = copy.copies.find((c) => c.source === t('sheet_decision-chain'));
  expect(chainCopy).toMatchObject({ cells: 2 });
});
