/**
 * The team workbook of three reps (test/support/rep-workbooks.ts), in both languages, recalculated
 * in LibreOffice: every formula's stored value (the comparison's COUNTIF/COUNTIFS over the team
 * sheets, its team sums, the team pipeline's potential count and report date) equals what
 * LibreOffice computes, and no cell shows an error (docs/rules/team-rollup.md).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n/define';
import catalog from '../../src/i18n/team-rollup';
import { cli } from '../support/cli';
import { errorCells, readWorkbook, recalc, sheet, type SheetValues } from '../support/libreoffice';
import { repWorkbook, threeReps } from '../support/rep-workbooks';
import { compareStored, readStoredFormulas, type Disagreement } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const files: string[] = [];
const recalculated: SheetValues[][] = [];
const disagreements: (Disagreement & { file: string })[] = [];
let compared = 0;

beforeAll(async () => {
  const dir = tempDir('ap-rollup-lo-');
  const reps: string[] = [];
  for (const [i, data] of threeReps().entries()) {
    const file = path.join(dir, `rep${i + 1}.xlsx`);
    writeFileSync(file, await repWorkbook(data));
    reps.push(file);
  }
  for (const lang of ['zh-CN', 'en-US']) {
    const team = path.join(dir, `team-${lang}.xlsx`);
    const run = await cli(['rollup', '--in', ...reps, '--out', team, '--date', '2026-06-01', '--lang', lang]);
    expect(run).toMatchObject({ code: 0, err: '' });
    files.push(team);
  }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) {
    recalculated.push(await readWorkbook(out[i]));
    const cmp = compareStored(await readStoredFormulas(files[i]), await readStoredFormulas(out[i]));
    compared += cmp.compared;
    disagreements.push(...cmp.disagreements.map((d) => ({ ...d, file: path.basename(files[i]) })));
  }
}, 300_000);

test('LibreOffice computes every stored value the roll-up wrote', () => {
  expect(disagreements).toEqual([]);
  // Two languages × (comparison: 3 reps × 8 formulas + 9 sums; team pipeline: 2).
  expect(compared).toBe(2 * (3 * 8 + 9 + 2));
});

test('no cell shows an error after recalculation', () => {
  for (const wb of recalculated) expect(errorCells(wb)).toEqual([]);
});

test('the recalculated comparison shows the team counts as the sum of the reps', () => {
  const t = translator(catalog, 'en-US');
  const cmp = sheet(recalculated[1], t('sheetComparison'));
  // Rows 7–9 the reps, row 10 the team; column B the pipeline rows.
  expect(['B7', 'B8', 'B9', 'B10'].map((r) => cmp.values.get(r))).toEqual([3, 2, 2, 7]);
  expect(['E7', 'E8', 'E9', 'E10'].map((r) => cmp.values.get(r))).toEqual([1, 0, 0, 1]); // the reps' Chinese status words counted in an English team workbook;
});
