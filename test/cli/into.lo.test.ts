/**
 * A workbook built step by step with --into, starting from a file LibreOffice wrote (a CSV it
 * converted): an ABC result, then the visit plan, the pipeline and the hope list. After every
 * step LibreOffice opens and recalculates the file with no error value anywhere, the sheets that
 * were there before show the same values as before, and the last file validates against the
 * schemas with every formula cached.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n/define';
import hopeCatalog from '../../src/i18n/templates/hope-list';
import { getTemplate } from '../../src/sheets/templates/registry';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { cli } from '../support/cli';
import { errorCells, readWorkbook, recalc, type SheetValues } from '../support/libreoffice';
import { validatePackages } from '../support/ooxml-validate';
import { readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const DATE = '2026-03-15';
const steps: { label: string; file: string; added: string[] }[] = [];
let computed: SheetValues[][] = [];

beforeAll(async () => {
  const dir = tempDir('ap-into-steps-');
  const csv = path.join(dir, 'targets.csv');
  // ASCII: LibreOffice's CSV import reads the file in the system's legacy encoding.
  writeFileSync(csv, 'Region,Owner,Target\nEast,Wang Lei,120\nSouth,Li Na,80\nNorth,Zhang Wei,95.5\n');
  const [base] = await recalc([csv]);
  const sales = path.join(dir, 'sales.csv');
  const lines = ['客户,金额'];
  const amounts = [50000, 30000, 12000, 8000, 5000, 3000, 2000, 1500, 1000, 500];
  amounts.forEach((a, i) => lines.push(`客户${String.fromCharCode(65 + i)},${a}`));
  writeFileSync(sales, lines.join('\n') + '\n');

  const book = path.join(dir, 'book.xlsx');
  copyFileSync(base, book);
  const commands: [string, string[]][] = [
    ['abc', ['abc', '--in', sales, '--customer', '客户', '--value', '金额', '--into', book]],
    ['visit-plan', ['template', 'visit-plan', '--example', '--date', DATE, '--into', book]],
    ['pipeline', ['template', 'pipeline', '--example', '--date', DATE, '--into', book]],
    ['hope-list', ['template', 'hope-list', '--example', '--date', DATE, '--into', book]],
  ];
  const snapshot = async (label: string, before: string[]) => {
    const copy = path.join(dir, `step-${steps.length}-${label}.xlsx`);
    copyFileSync(book, copy);
    const sheets = (await readWorkbookParts(new Uint8Array(readFileSync(copy)))).sheets;
    steps.push({ label, file: copy, added: sheets.filter((s) => !before.includes(s)) });
    return sheets;
  };
  let sheets = await snapshot('csv', []);
  for (const [label, args] of commands) {
    const run = await cli(args);
    expect({ label, code: run.code, err: run.err }).toEqual({ label, code: 0, err: '' });
    sheets = await snapshot(label, sheets);
  }
  computed = await Promise.all((await recalc(steps.map((s) => s.file))).map((f) => readWorkbook(f)));
}, 900_000);

test('every step adds its sheets after the ones already there', () => {
  expect(steps.map((s) => s.added.length)).toEqual([1, expect.any(Number), 2, 2, 1]);
  expect(steps[1].added.length).toBeGreaterThanOrEqual(1);
  expect(steps[3].added).toEqual(getTemplate('pipeline').build({ lang: 'zh-CN', example: true }).map((s) => s.name));
});

test('LibreOffice recalculates every step with no error value', () => {
  for (const [i, wb] of computed.entries()) expect({ step: steps[i].label, errors: errorCells(wb) }).toEqual({ step: steps[i].label, errors: [] });
});

test('the sheets already there keep their values at every later step', () => {
  let compared = 0;
  for (let i = 0; i < steps.length; i++)
    for (const name of steps[i].added) {
      const first = computed[i].find((s) => s.name === name)!;
      expect(first.values.size).toBeGreaterThan(0);
      for (let j = i + 1; j < steps.length; j++) {
        const later = computed[j].find((s) => s.name === name)!;
        expect({ name, step: steps[j].label, values: Object.fromEntries(later.values) }).toEqual({ name, step: steps[j].label, values: Object.fromEntries(first.values) });
        compared += first.values.size;
      }
    }
  // The CSV's 12 cells four times over, and much more.
  expect(compared).toBeGreaterThan(1000);
  const csvSheet = computed[steps.length - 1][0];
  expect(csvSheet.values.get('C4')).toBe(95.5);
  expect(csvSheet.values.get('B2')).toBe('Wang Lei');
});

test('the hope list added last reads the pipeline added before it', () => {
  const hope = computed[steps.length - 1].find((s) => s.name === translator(hopeCatalog, 'zh-CN')('sheetName'))!;
  // Changzhou (prospect row 20) is abandoned in the pipeline's example; Suzhou ranks first.
  expect(hope.values.get('I20')).toBe(translator(hopeCatalog, 'zh-CN')('abandoned'));
  expect(hope.values.get('A50')).toBe('苏州恒达电子科技有限公司');
  expect(hope.values.get('G50')).toBe(322500);
});

test('the last file is valid against the schemas (but for what LibreOffice wrote) and every formula carries its value', async () => {
  const bytes = new Uint8Array(readFileSync(steps[steps.length - 1].file));
  const report = await validatePackages([
    { label: 'file', bytes },
    { label: 'file', bytes: new Uint8Array(readFileSync(steps[0].file)) },
  ]);
  // LibreOffice puts xml:space on shared-string text, which the schema does not allow: the same
  // complaints, no more, about the base file LibreOffice wrote and the file built on it.
  const counts = new Map<string, number>();
  for (const e of report.errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  const ours = [...counts].filter(([, n]) => n % 2 !== 0).map(([e]) => e);
  expect(ours).toEqual([]);
  expect(report.validated['sml-sheet.xsd']).toBeGreaterThanOrEqual(8);
  expect(uncached(await readStoredFormulas(bytes))).toEqual([]);
}, 120_000);
