/** --into on the command line: refusals before any work, the messages about renamed and replaced sheets. */
import { chmodSync, copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from '../support/cli';
import { tempDir } from '../support/template-files';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';

const dir = tempDir('ap-into-cli-');

test('--out with --into, --replace without --into, a missing or non-workbook --into: refused, nothing written', async () => {
  const file = path.join(dir, 'x.xlsx');
  expect(await cli(['template', 'swot', '--out', file, '--into', file, '--lang', 'en-US'])).toMatchObject({ code: 2, err: expect.stringContaining('not both') });
  expect(await cli(['template', 'swot', '--out', file, '--replace', '--lang', 'en-US'])).toMatchObject({ code: 2, err: expect.stringContaining('--replace works only with --into') });
  expect(await cli(['template', 'swot', '--into', path.join(dir, 'missing.xlsx'), '--lang', 'en-US'])).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
  const text = path.join(dir, 'text.xlsx');
  writeFileSync(text, 'not a zip');
  expect(await cli(['template', 'swot', '--into', text])).toMatchObject({ code: 2, err: expect.stringContaining('无法作为 .xlsx 工作簿打开') });
  expect(readFileSync(text, 'utf8')).toBe('not a zip');
});

test('a clash renames (and says so); --replace replaces our sheet but refuses a user sheet of that name, leaving the file as it was', async () => {
  const book = path.join(dir, 'book.xlsx');
  expect((await cli(['template', 'swot', '--out', book, '--lang', 'en-US'])).code).toBe(0);
  const again = await cli(['template', 'swot', '--into', book, '--lang', 'en-US']);
  expect(again.code).toBe(0);
  expect(again.err).toMatch(/already has a sheet "SWOT": the new sheet is added as "SWOT \(2\)"/);
  expect(again.out).toMatch(/Added to .*book\.xlsx: "SWOT \(2\)"/);
  const replaced = await cli(['template', 'swot', '--into', book, '--replace', '--lang', 'en-US']);
  expect(replaced).toMatchObject({ code: 0, err: 'Replaced the sheet "SWOT" (written by Account Planner).\n' });
  expect((await readWorkbookParts(new Uint8Array(readFileSync(book)))).sheets).toEqual(['SWOT', 'SWOT (2)']);

  const user = path.join(dir, 'user.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('SWOT').getCell('A1').value = 'my own analysis';
  await wb.xlsx.writeFile(user);
  const before = readFileSync(user);
  const refused = await cli(['template', 'swot', '--into', user, '--replace', '--lang', 'en-US']);
  expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('was not written by Account Planner') });
  expect(Buffer.compare(readFileSync(user), before)).toBe(0);
  // Without --replace the user's sheet stays and ours comes beside it.
  const copy = path.join(dir, 'user-copy.xlsx');
  copyFileSync(user, copy);
  expect((await cli(['template', 'swot', '--into', copy, '--lang', 'en-US'])).code).toBe(0);
  expect((await readWorkbookParts(new Uint8Array(readFileSync(copy)))).sheets).toEqual(['SWOT', 'SWOT (2)']);
  expect(statSync(copy).size).toBeGreaterThan(before.length);
  // No temporary file left beside it.
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}, 120_000);

test('--into with --json: stdout is the JSON document alone, the added sheets are said on stderr; no "wrote" line for an --into run', async () => {
  const book = path.join(dir, 'json.xlsx');
  expect((await cli(['template', 'swot', '--out', book, '--lang', 'en-US'])).code).toBe(0);
  const sales = path.resolve(__dirname, '../../examples/sales.xlsx');
  const json = await cli(['abc', '--in', sales, '--into', book, '--json', '--lang', 'en-US']);
  expect(json.code).toBe(0);
  expect(() => JSON.parse(json.out)).not.toThrow();
  expect(json.err).toMatch(/Added to .*json\.xlsx: "/);
  const text = await cli(['abc', '--in', sales, '--into', book, '--lang', 'en-US']);
  expect(text.out).toMatch(/Added to .*json\.xlsx/);
  expect(text.out).not.toMatch(/Wrote /i);
});

test('the --into file keeps its permissions; one saved by someone else during the run is not overwritten', async () => {
  const { workbookDestination, writeWorkbookTo } = await import('../../src/cli/into');
  const { getTemplate } = await import('../../src/sheets/templates/registry');
  const book = path.join(dir, 'private.xlsx');
  expect((await cli(['template', 'swot', '--out', book, '--lang', 'en-US'])).code).toBe(0);
  chmodSync(book, 0o600);
  expect((await cli(['template', 'ansoff', '--into', book, '--lang', 'en-US'])).code).toBe(0);
  expect(statSync(book).mode & 0o777).toBe(0o600);

  const dest = await workbookDestination({ into: book }, 'en-US');
  // Someone saves the workbook while the command computes.
  const edited = Buffer.concat([readFileSync(book), Buffer.from('x')]);
  writeFileSync(book, edited);
  const sheets = getTemplate('bcg').build({ lang: 'en-US', example: false });
  const io = { out: () => undefined, err: () => undefined };
  await expect(writeWorkbookTo(dest!, { sheets }, false, 'en-US', io)).rejects.toThrow(/changed by someone else/);
  expect(Buffer.compare(readFileSync(book), edited)).toBe(0);
});
