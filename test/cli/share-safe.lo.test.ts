/**
 * account-planner share-safe, checked in LibreOffice: the copy computes without errors and to
 * the same results outside the personal columns, and the marks survive a LibreOffice save.
 * Two soffice starts for the whole file: the second recalculates a copy made from a file the
 * first one saved, so it cannot be in the same batch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorCells, readWorkbook, recalc, sheet, type SheetValues } from '../support/libreoffice';
import { cli, type CliResult } from '../support/cli';
import { tempDir } from '../support/template-files';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { excelStyleWorkbook, inRanges } from './share-safe-fixture';

const dir = tempDir('ap-share-safe-lo-');
const chain = path.join(dir, 'chain.xlsx');
const chainSafe = path.join(dir, 'chain-share.xlsx');
const chainEn = path.join(dir, 'chain-en.xlsx');
const copied = path.join(dir, 'copied.xlsx');
const copiedSafe = path.join(dir, 'copied-safe.xlsx');
const fromLibreOffice = path.join(dir, 'from-libreoffice.xlsx');

const calc = new Map<string, SheetValues[]>();
let savedByLibreOffice: string;
let fromLibreOfficeRun: CliResult;

beforeAll(async () => {
  const setup = [
    await cli(['template', 'decision-chain', '--example', '--out', chain]),
    await cli(['share-safe', '--in', chain, '--out', chainSafe]),
    await cli(['template', 'decision-chain', '--lang', 'en-US', '--example', '--out', chainEn]),
    (await excelStyleWorkbook(copied), await cli(['share-safe', '--in', copied, '--out', copiedSafe, '--lang', 'en-US'])),
  ];
  for (const r of setup) if (r.code !== 0) throw new Error(`setup failed: ${r.err}`);
  const first = [chain, chainSafe, chainEn, copiedSafe];
  const out = await recalc(first);
  for (const [i, f] of first.entries()) calc.set(f, await readWorkbook(out[i]));
  savedByLibreOffice = out[first.indexOf(chainEn)];

  fromLibreOfficeRun = await cli(['share-safe', '--in', savedByLibreOffice, '--out', fromLibreOffice, '--lang', 'en-US']);
  if (fromLibreOfficeRun.code === 0) calc.set(fromLibreOffice, await readWorkbook((await recalc([fromLibreOffice]))[0]));
  // Four CLI runs (each evaluates its workbook with IronCalc) and two LibreOffice starts: minutes on a loaded machine.
}, 300_000);

test('the decision-chain copy recalculates without errors, to the same results outside the personal columns', () => {
  const personal = ['L6:L1026', 'M6:M1026', 'N6:N1026', 'O6:O1026'];
  const inCalc = calc.get(chain)!;
  const outCalc = calc.get(chainSafe)!;
  expect(errorCells(outCalc)).toEqual([]);
  const b = sheet(inCalc, '决策链').values;
  const a = sheet(outCalc, '决策链').values;
  let formulas = 0;
  for (const [address, value] of b) {
    if (inRanges(personal, address) === 'body') continue;
    expect({ address, value: a.get(address) ?? null }).toEqual({ address, value });
    if (sheet(inCalc, '决策链').formulas.has(address)) formulas++;
  }
  expect(formulas).toBeGreaterThan(50);
});

test('the marks survive a save in LibreOffice, and share-safe finds them in the file it wrote', async () => {
  const marks = (await readWorkbookParts(readFileSync(savedByLibreOffice))).names.filter((n) => n.name.startsWith('AP_Personal_'));
  // The template marks its whole input area (rows 6–1026); ExcelJS used to shrink a name to the
  // rows holding cells (…$27), our writer writes it as the spec gives it and LibreOffice keeps it.
  expect(marks.map((n) => `${n.name}=${n.formula.replace(/'/g, '')}`)).toEqual([
    'AP_Personal_1=Decision chain!$L$6:$L$1026',
    'AP_Personal_2=Decision chain!$M$6:$M$1026',
    'AP_Personal_3=Decision chain!$N$6:$N$1026',
    'AP_Personal_4=Decision chain!$O$6:$O$1026',
  ]);
  // LibreOffice writes the tables without a style; the copy must still be written.
  expect(fromLibreOfficeRun.code).toBe(0);
  expect(fromLibreOfficeRun.out).toContain('Cleared 3 cells and 0 notes on sheet Decision chain (L6:L1026, M6:M1026, N6:N1026, O6:O1026).');
  const copy = calc.get(fromLibreOffice)!;
  expect(errorCells(copy)).toEqual([]);
  expect(sheet(copy, 'Decision chain').values.get('L8') ?? null).toBeNull();
});

test('names scoped to copied sheets: the cleared copy computes without errors', () => {
  const copy = calc.get(copiedSafe)!;
  expect(errorCells(copy)).toEqual([]);
  expect(sheet(copy, 'People (2)').values.get('C4')).toBe(0);
  expect(sheet(copy, 'People (2)').values.get('D2')).toBe(0);
});
