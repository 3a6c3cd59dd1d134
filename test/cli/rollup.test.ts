/**
 * `account-planner rollup` end to end on three reps' workbooks made by our template builders
 * (test/support/rep-workbooks.ts): one customer held by two reps (twice over: 华东物流, ACME), a
 * pipeline stamped with an older layout version, a communication record out of shape, and a file
 * that is no workbook. Team counts equal the sum of the parts; the report lists every conflict
 * with file, sheet and row (docs/rules/team-rollup.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n/define';
import catalog from '../../src/i18n/team-rollup';
import { PIPELINE_NAMES } from '../../src/sheets/templates/pipeline';
import { openWorkbook } from '../../src/xlsx/read/open-table';
import type { CellValue } from '../../src/xlsx/read/rows';
import { readRepWorkbook } from '../../src/xlsx/read/rep-workbook';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { cli } from '../support/cli';
import { validatePackages } from '../support/ooxml-validate';
import { repWorkbook, threeReps } from '../support/rep-workbooks';
import { readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const t = translator(catalog, 'zh-CN');
let dir: string;
let reps: string[];
let broken: string;

/** Every non-empty row of a sheet of a workbook file, by row number. */
function sheetRows(file: string, sheet: string): Map<number, CellValue[]> {
  const book = openWorkbook(new Uint8Array(readFileSync(file)));
  const info = book.sheets.find((s) => s.name === sheet);
  if (!info) throw new Error(`no sheet ${sheet} in ${file}: ${book.sheets.map((s) => s.name).join(', ')}`);
  const out = new Map<number, CellValue[]>();
  for (const batch of book.rows(info)) for (const r of batch) out.set(r.rowNumber, r.cells);
  return out;
}

/** The rows of a team sheet's table (below its header, which has the rep column's title). */
function teamRows(file: string, sheet: string): CellValue[][] {
  const rows = [...sheetRows(file, sheet)];
  const header = rows.findIndex(([, cells]) => cells[0] === t('colOwner'));
  return rows.slice(header + 1).map(([, cells]) => cells);
}

/** The report's lines: [problem, file, sheet, row, customer, detail, rows not taken]. */
function reportLines(file: string): CellValue[][] {
  const rows = [...sheetRows(file, t('sheetReport'))];
  const header = rows.findIndex(([, cells]) => cells[0] === t('repNo'));
  return rows.slice(header + 1).map(([, cells]) => cells.slice(1));
}

beforeAll(async () => {
  dir = tempDir('ap-rollup-');
  reps = [];
  for (const [i, data] of threeReps().entries()) {
    const file = path.join(dir, `rep${i + 1}.xlsx`);
    writeFileSync(file, await repWorkbook(data));
    reps.push(file);
  }
  broken = path.join(dir, 'broken.xlsx');
  writeFileSync(broken, 'this is not a workbook\n');
}, 120_000);

describe('three reps and a broken file', () => {
  let team: string;
  let run: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    team = path.join(dir, 'team.xlsx');
    run = await cli(['rollup', '--in', ...reps, broken, '--out', team, '--date', '2026-06-01']);
  }, 120_000);

  test('the command says what it combined', () => {
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('合并了 3 位业务员的 4 个文件：采用 18 行中的 16 行，报告 7 条。');
  });

  test('team counts are the sum of the parts', () => {
    const parts = reps.map((f) => readRepWorkbook(new Uint8Array(readFileSync(f)), path.basename(f)));
    const sum = (table: string) => parts.flatMap((p) => p.sheets).filter((s) => s.table === table).reduce((a, s) => a + s.rows.length, 0);
    expect(sum('pipeline')).toBe(7);
    expect(teamRows(team, t('sheet_pipeline'))).toHaveLength(sum('pipeline'));
    expect(teamRows(team, t('sheet_visit-log'))).toHaveLength(sum('visit-log'));
    expect(teamRows(team, t('sheet_decision-chain'))).toHaveLength(sum('decision-chain'));
    expect(teamRows(team, t('sheet_targets-reps'))).toHaveLength(sum('targets-reps'));
    // The communication record out of shape: its 2 rows are listed, not taken.
    expect(sum('communication-record')).toBe(3);
    expect(teamRows(team, t('sheet_communication-record'))).toHaveLength(1);
    const lines = reportLines(team);
    const notTaken = lines.reduce((a, l) => a + Number(l[6] ?? 0), 0);
    expect(notTaken).toBe(2);
  });

  test('every team row says whose it is and where it came from', () => {
    const rows = teamRows(team, t('sheet_pipeline'));
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['张伟', 'rep1.xlsx', 13, '华东物流有限公司'],
      ['张伟', 'rep1.xlsx', 14, '上海精工机械'],
      ['张伟', 'rep1.xlsx', 15, '南方电子'],
      ['李娜', 'rep2.xlsx', 13, '华东物流 有限公司'],
      ['李娜', 'rep2.xlsx', 14, 'Acme Co., Ltd.'],
      ['王强', 'rep3.xlsx', 13, '北方重工'],
      ['王强', 'rep3.xlsx', 14, 'ACME'],
    ]);
    // Conflicts marked on the rows themselves.
    expect(rows.map((r) => r[3] ?? '')).toEqual(['李娜', '', '', '张伟', '王强', '', '李娜']);
    const chain = teamRows(team, t('sheet_decision-chain'));
    expect(chain.map((r) => [r[0], r[4], r[5]])).toEqual([
      ['张伟', '华东物流有限公司', '赵总'],
      ['张伟', '华东物流有限公司', '钱经理'],
      ['王强', '北方重工', '孙工'],
    ]);
  });

  test('the report lists every conflict, the older template, the sheet out of shape and the unreadable file, with file, sheet and row', () => {
    const lines = reportLines(team).map((l) => l.slice(0, 5));
    expect(lines).toEqual([
      [t('problem_older-upgraded'), 'rep2.xlsx', '开发进度', 12, null],
      [t('problem_out-of-shape'), 'rep3.xlsx', '沟通记录', '12–13', null],
      [t('problem_unreadable'), 'broken.xlsx', null, null, null],
      [t('problem_conflict'), 'rep1.xlsx', '开发进度', 13, '华东物流有限公司'],
      [t('problem_conflict'), 'rep2.xlsx', '开发进度', 13, '华东物流 有限公司'],
      [t('problem_conflict'), 'rep2.xlsx', '开发进度', 14, 'Acme Co., Ltd.'],
      [t('problem_conflict'), 'rep3.xlsx', '开发进度', 14, 'ACME'],
    ]);
    const shape = reportLines(team).find((l) => l[0] === t('problem_out-of-shape'))!;
    expect(shape[5]).toContain('沟通方式');
  });

  test('the comparison counts each rep’s rows, with a team row that sums them', () => {
    const rows = [...sheetRows(team, t('sheetComparison'))].map(([, c]) => c);
    const header = rows.findIndex((c) => c[0] === t('cmpRep'));
    expect(rows.slice(header + 1, header + 5).map((c) => c.slice(0, 5))).toEqual([
      ['张伟', 3, 1, 1, 1],
      ['李娜', 2, 2, 0, 0],
      ['王强', 2, 1, 1, 0],
      [t('cmpTotal'), 7, 4, 2, 1],
    ]);
  });

  test('the team pipeline is a pipeline source: stamped, with the pipeline’s names on its columns', async () => {
    const parts = await readWorkbookParts(new Uint8Array(readFileSync(team)));
    const name = (n: string) => parts.names.find((x) => x.name === n)?.formula;
    expect(name(PIPELINE_NAMES.customer)).toBe(`'${t('sheet_pipeline')}'!$E$13:$E$19`);
    expect(name(PIPELINE_NAMES.owner)).toBe(`'${t('sheet_pipeline')}'!$A$13:$A$19`);
    expect(name(PIPELINE_NAMES.status)).toBe(`'${t('sheet_pipeline')}'!$H$13:$H$19`);
    const stamps = parts.names.filter((n) => n.name === 'AP_Sheet').map((n) => [parts.sheets[n.localSheetId!], n.formula]);
    expect(stamps).toContainEqual([t('sheet_pipeline'), '"pipeline@1"']);
    // The hope list added to the team workbook reads the team pipeline.
    const hope = await cli(['template', 'hope-list', '--into', team]);
    expect(hope).toMatchObject({ code: 0, err: '' });
  });

  test('a share-safe copy of the team workbook empties the personal columns the templates mark', async () => {
    const safe = path.join(dir, 'team-safe.xlsx');
    const run2 = await cli(['share-safe', '--in', team, '--out', safe]);
    expect(run2.code).toBe(0);
    expect(run2.out).toContain(t('sheet_decision-chain'));
    const before = teamRows(team, t('sheet_decision-chain'));
    const after = teamRows(safe, t('sheet_decision-chain'));
    const hometown = before[0].indexOf('浙江');
    expect(hometown).toBeGreaterThan(0);
    expect(after[0][hometown] ?? null).toBeNull();
    expect(after[0][5]).toBe('赵总');
  });
});

test('the file is valid against the schemas and every formula carries its value', async () => {
  const team = path.join(dir, 'valid.xlsx');
  expect((await cli(['rollup', '--in', ...reps, '--out', team])).code).toBe(0);
  const bytes = new Uint8Array(readFileSync(team));
  const report = await validatePackages([{ label: 'team', bytes }]);
  expect(report.errors).toEqual([]);
  expect(uncached(await readStoredFormulas(bytes))).toEqual([]);
}, 120_000);

test('--rules first-file: the later rep’s row of a shared customer is not taken, and listed', async () => {
  const rules = path.join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify({ winner: 'first-file' }));
  const team = path.join(dir, 'first.xlsx');
  const run = await cli(['rollup', '--in', ...reps, '--out', team, '--rules', rules]);
  expect(run.code).toBe(0);
  expect(teamRows(team, t('sheet_pipeline')).map((r) => r[4])).toEqual(['华东物流有限公司', '上海精工机械', '南方电子', 'Acme Co., Ltd.', '北方重工']);
  const dropped = reportLines(team).filter((l) => l[6] === 1 && l[0] === t('problem_conflict'));
  expect(dropped.map((l) => [l[1], l[3]])).toEqual([
    ['rep2.xlsx', 13],
    ['rep3.xlsx', 14],
  ]);
}, 120_000);

test('bad rules and a stopping rule are refused before anything is written', async () => {
  const rules = path.join(dir, 'bad.json');
  writeFileSync(rules, JSON.stringify({ winner: 'last' }));
  const run = await cli(['rollup', '--in', ...reps, '--out', path.join(dir, 'x.xlsx'), '--rules', rules]);
  expect(run.code).toBe(2);
  expect(run.err).toContain('winner');
  writeFileSync(rules, JSON.stringify({ unreadableFile: 'stop' }));
  const stop = await cli(['rollup', '--in', reps[0], broken, '--out', path.join(dir, 'y.xlsx'), '--rules', rules, '--lang', 'en-US']);
  expect(stop.code).toBe(2);
  expect(stop.err).toContain('broken.xlsx cannot be read');
  const none = await cli(['rollup', '--out', path.join(dir, 'z.xlsx')]);
  expect(none.code).toBe(2);
});

test('--into adds the team sheets to an existing workbook', async () => {
  const book = path.join(dir, 'book.xlsx');
  expect((await cli(['template', 'swot', '--out', book])).code).toBe(0);
  const run = await cli(['rollup', '--in', ...reps, '--into', book]);
  expect(run).toMatchObject({ code: 0, err: '' });
  const sheets = (await readWorkbookParts(new Uint8Array(readFileSync(book)))).sheets;
  expect(sheets).toEqual(expect.arrayContaining([t('sheetComparison'), t('sheet_pipeline'), t('sheetReport')]));
  expect(teamRows(book, t('sheet_pipeline'))).toHaveLength(7);
}, 120_000);
