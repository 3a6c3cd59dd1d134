/**
 * `abc --compare`: the previous run read back from the result workbook this command wrote (and,
 * for the same answer, from the previous period's data), the hand-worked migration of
 * test/domain/abc/tier-migration.test.ts, and the Tier Migration sheet recalculated by
 * LibreOffice: its counts, matrix and visit totals are the same numbers, and every stored value
 * (computed by IronCalc when the file was written) equals LibreOffice's.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run';
import { disallowedFunctions } from '../../src/sheets/core/formula-functions';
import { MIGRATION_FIRST_ROW } from '../../src/sheets/abc/migration-sheet';
import messages from '../../src/i18n/tier-migration';
import { readWorkbook, recalc, sheet, errorCells, type SheetValues } from '../support/libreoffice';
import { compareStored, readStoredFormulas } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-compare-');
const file = (name: string) => path.join(dir, name);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const Q1 = 'Customer,Amount\nAlpha,500\nBeta,300\nGamma,100\nDelta,60\nEps,40\n';
const Q2 = 'Customer,Amount\nALPHA,200\nBeta,500\nGamma,150\nZeta,100\nEps,50\n';
const recalculated = new Map<string, SheetValues[]>();

beforeAll(async () => {
  writeFileSync(file('q1.csv'), Q1);
  writeFileSync(file('q2.csv'), Q2);
  for (const lang of ['zh-CN', 'en-US']) {
    const q1 = await cli(['abc', '--in', file('q1.csv'), '--out', file(`q1-${lang}.xlsx`), '--lang', lang]);
    expect(q1.code).toBe(0);
    const q2 = await cli(['abc', '--in', file('q2.csv'), '--compare', file(`q1-${lang}.xlsx`), '--out', file(`q2-${lang}.xlsx`), '--lang', lang]);
    expect(q2).toMatchObject({ code: 0, err: '' });
  }
  const outs = await recalc([file('q2-zh-CN.xlsx'), file('q2-en-US.xlsx')]);
  recalculated.set('zh-CN', await readWorkbook(outs[0]));
  recalculated.set('en-US', await readWorkbook(outs[1]));
  recalculated.set('zh-CN-file', [{ name: outs[0], values: new Map(), formulas: new Map() }]);
  recalculated.set('en-US-file', [{ name: outs[1], values: new Map(), formulas: new Map() }]);
}, 300_000);

test('--json: the hand-worked migration, whether the previous run is a result workbook or the previous data', async () => {
  for (const previous of [file('q1-zh-CN.xlsx'), file('q1-en-US.xlsx'), file('q1.csv')]) {
    const r = await cli(['abc', '--in', file('q2.csv'), '--compare', previous, '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out).migration;
    expect(m.counts).toEqual({ up: 1, down: 0, new: 1, lost: 1, same: 3 });
    expect(m.matrix).toEqual({ A: { A: 2, B: 0, C: 0, '': 0 }, B: { A: 1, B: 0, C: 0, '': 1 }, C: { A: 0, B: 0, C: 1, '': 0 }, '': { A: 0, B: 1, C: 0, '': 0 } });
    expect(m.visits).toEqual({ before: 13, after: 15, change: 2 });
    expect(m.customers.filter((c: { movement: string }) => c.movement !== 'same').map((c: Record<string, unknown>) => [c.customer, c.before, c.after, c.valueChange])).toEqual([
      ['Gamma', 'B', 'A', '50'],
      ['Zeta', null, 'B', '100'],
      ['Delta', 'B', null, '-60'],
    ]);
  }
  const quotas = JSON.parse((await cli(['abc', '--in', file('q2.csv'), '--compare', file('q1.csv'), '--visits', '6,3,1', '--json'])).out).migration;
  // before 6+6+3+3+1 = 19, after 6+6+6+3+1 = 22
  expect(quotas.visits).toEqual({ before: 19, after: 22, change: 3 });
});

test('bad uses are refused with a message: --visits without --compare, a bad quota, --no-group, an unreadable previous file', async () => {
  expect((await cli(['abc', '--in', file('q2.csv'), '--visits', '4,2,1', '--lang', 'en-US'])).err).toMatch(/--visits go with --compare/);
  expect((await cli(['abc', '--in', file('q2.csv'), '--compare', file('q1.csv'), '--visits', '4,2', '--lang', 'en-US'])).err).toMatch(/three whole numbers/);
  expect((await cli(['abc', '--in', file('q2.csv'), '--compare', file('q1.csv'), '--no-group', '--lang', 'en-US'])).err).toMatch(/one row per customer/);
  writeFileSync(file('bad.csv'), 'Customer,Value,Tier\nAlpha,5,A\nBeta,3,E\n');
  const bad = await cli(['abc', '--in', file('q2.csv'), '--compare', file('bad.csv'), '--lang', 'en-US']);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('row 3: the tier (Tier) must be A, B or C; got "E"');
  expect((await cli(['abc', '--in', file('q2.csv'), '--compare', file('missing.xlsx')])).code).toBe(2);
});

for (const lang of ['zh-CN', 'en-US'] as const)
  test(`${lang}: LibreOffice recalculates the Tier Migration sheet to the hand-worked numbers`, async () => {
    const t = messages[lang];
    const s = sheet(recalculated.get(lang)!, t.sheetName);
    const v = (ref: string) => s.values.get(ref);
    // Movements: up, down, new, lost, same in E8:E12.
    expect(['E8', 'E9', 'E10', 'E11', 'E12'].map(v)).toEqual([1, 0, 1, 1, 3]);
    // Matrix: before A, B, C, absent on rows 16–19; after A, B, C, absent in B–E; totals in F.
    const row = (r: number) => ['B', 'C', 'D', 'E', 'F'].map((c) => v(`${c}${r}`) ?? null);
    expect([16, 17, 18, 19].map(row)).toEqual([
      [2, 0, 0, 0, 2],
      [1, 0, 0, 1, 2],
      [0, 0, 1, 0, 1],
      [0, 1, 0, null, 1],
    ]);
    expect(['H8', 'I8', 'J8', 'H9', 'I9', 'J9'].map(v)).toEqual([13, 15, 2, 1000, 1000, 0]);
    const movements = [0, 1, 2, 3, 4, 5].map((i) => [v(`A${MIGRATION_FIRST_ROW + i}`), v(`D${MIGRATION_FIRST_ROW + i}`), v(`J${MIGRATION_FIRST_ROW + i}`)]);
    expect(movements).toEqual([
      ['Gamma', t.up, 2],
      ['Zeta', t.new, 2],
      ['Delta', t.lost, -2],
      ['ALPHA', t.same, 0],
      ['Beta', t.same, 0],
      ['Eps', t.same, 0],
    ]);
    expect(errorCells([s])).toEqual([]);
    const formulas = [...s.formulas.values()];
    // 5 movement counts, 6 totals, 15 matrix cells + 4 row totals, 5 per customer row × 6
    expect(formulas.length).toBe(60);
    expect(formulas.flatMap((f) => disallowedFunctions(f))).toEqual([]);
    // Every value stored when the file was written equals LibreOffice's.
    const ours = await readStoredFormulas(file(`q2-${lang}.xlsx`));
    const theirs = await readStoredFormulas(recalculated.get(`${lang}-file`)![0].name);
    const { compared, disagreements } = compareStored(ours, theirs);
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
