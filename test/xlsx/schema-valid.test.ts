/**
 * Every kind of file the product writes is valid SpreadsheetML, part by part, against the
 * ECMA-376 schemas (test/support/ooxml-validate.ts): all templates in both languages, blank and
 * with the example; the demo; ABC results with and without the X/Y matrix (in both languages,
 * with rejected rows); every bonus scheme; and what the browser preview downloads (a template,
 * ABC and bonus results, a share-safe copy). Each VML part of cell notes has its own shape-id
 * block. The validator itself is shown to fail on a file ExcelJS writes (tableParts before
 * legacyDrawing, one id block shared by two VML parts), so a pass means something.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runAbc } from '../../src/domain/abc/run';
import { runCli } from '../../src/cli/run';
import { buildAbcSheets } from '../../src/sheets/abc/result-sheet';
import { LANGS, type Lang } from '../../src/sheets/core/sheet-spec';
import { getTemplate, TEMPLATES } from '../../src/sheets/templates/registry';
import { PreviewHost } from '../../src/taskpane/preview/preview-host';
import { createPreviewWorkbook } from '../../src/taskpane/preview/preview-workbook';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { validatePackages, type PackageInput, type ValidationReport } from '../support/ooxml-validate';
import { FIXED_TODAY, tempDir } from '../support/template-files';

jest.setTimeout(300_000);

const dir = tempDir('ap-schema-');
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

async function cli(...argv: string[]): Promise<void> {
  let err = '';
  const code = await runCli(argv, { out: () => undefined, err: (t) => (err += t) });
  if (code !== 0) throw new Error(`${argv.join(' ')} → exit ${code}: ${err}`);
}

/** 300 customers over 900 lines, two zero/negative, one unreadable row (the Rejected sheet). */
function abcCsv(): string {
  const lines = ['customer,value'];
  for (let i = 0; i < 900; i++) lines.push(`Firm ${i % 300},${((i * 7919) % 1000) + 1}.25`);
  lines.push('Firm zero,0', 'Firm minus,-10', 'Firm bad,abc');
  return lines.join('\n');
}

const BONUS_INPUTS: Record<string, string> = {
  'new-brand': ['rep,contract,date,amount,currency,margin', 'Li,C1,2026-01-05,"50,000",USD,12%', 'Li,C2,2026-01-06,"10,000",USD,12%', 'Wang,C3,2026/2/1,"$30,000",,0.1', 'Wang,C4,2026-02-01,abc,USD,9%'].join('\n'),
  'new-customer': ['业务员,客户,日期,金额,毛利率,预付款比例,客户类型,自主开发', '李明,甲公司,2026-01-05,"100,000",12%,60%,工业,是', '李明,甲公司,2026-02-05,"100,000",12%,,工业,是', '王芳,乙公司,2026-03-05,"80,000",11%,30%,工业,是'].join('\n'),
  referral: ['referrer,buyer,visit_date,registered,payment_date', 'Zhang,Buyer A,2026-07-20,yes,2026-08-01', 'Zhang,Buyer B,2026-07-21,no,2026-08-02'].join('\n'),
  fees: ['rep,customer,date,scope,contract_type', 'Li,Firm A,2026-01-10,international,agreement', 'Li,Firm A,2026-02-10,international,contract', 'Wang,Firm B,2026-03-01,local,'].join('\n'),
  'bad-debt': ['handler,approver,customer,amount,currency,within_credit', 'Li,Zhao,Firm A,"12,000",CNY,yes', 'Wang,Zhao,Firm B,"3,000",USD,no'].join('\n'),
};

async function bytesOf(p: string): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(p));
}

const packages: PackageInput[] = [];
let report: ValidationReport;

beforeAll(async () => {
  for (const def of TEMPLATES)
    for (const lang of LANGS)
      for (const example of [false, true])
        packages.push({
          label: `template ${def.kind} ${lang}${example ? ' example' : ''}`,
          bytes: await renderWorkbook({ sheets: def.build({ lang, example, today: FIXED_TODAY }), title: def.title[lang] }),
        });

  for (const lang of LANGS) {
    const demo = path.join(dir, `demo-${lang}.xlsx`);
    await cli('demo', '--lang', lang, '--out', demo);
    packages.push({ label: `demo ${lang}`, bytes: await bytesOf(demo) });
  }

  const abcIn = file('abc.csv', abcCsv());
  for (const lang of LANGS)
    for (const matrix of [false, true]) {
      const out = path.join(dir, `abc-${lang}${matrix ? '-matrix' : ''}.xlsx`);
      await cli('abc', '--in', abcIn, '--lang', lang, '--out', out, ...(matrix ? ['--matrix'] : []));
      packages.push({ label: `abc ${lang}${matrix ? ' --matrix' : ''}`, bytes: await bytesOf(out) });
    }

  for (const [scheme, csv] of Object.entries(BONUS_INPUTS)) {
    const input = file(`${scheme}.csv`, csv);
    const out = path.join(dir, `bonus-${scheme}.xlsx`);
    await cli('bonus', '--scheme', scheme, '--in', input, '--fx', 'USD=7.1,EUR=7.8', '--out', out);
    packages.push({ label: `bonus ${scheme}`, bytes: await bytesOf(out) });
  }

  packages.push(...(await previewDownloads('zh-CN')), ...(await previewDownloads('en-US')));
  report = await validatePackages(packages);
});

/** What the preview's download button saves: generated sheets rendered in the browser code path. */
async function previewDownloads(lang: Lang): Promise<PackageInput[]> {
  const saved: PackageInput[] = [];
  const host = new PreviewHost();
  const save = (blob: Blob, name: string) => void pending.push(blob.arrayBuffer().then((b) => void saved.push({ label: `preview ${lang} ${name}`, bytes: new Uint8Array(b) })));
  const pending: Promise<void>[] = [];
  const preview = createPreviewWorkbook(host, save);
  const template = await host.insertSheets(getTemplate('decision-chain').build({ lang, example: true, today: FIXED_TODAY }));
  const rows = Array.from({ length: 40 }, (_, i) => [`Customer ${i}`, String((i * 37) % 100)]);
  const abc = await runAbc({ headers: ['customer', 'value'], rows }, { lang });
  const abcSheets = await host.insertSheets(buildAbcSheets(abc, { lang, today: FIXED_TODAY }));
  await host.makeShareSafeCopy(lang);
  const copies = host.getSheets().filter((s) => s.kind === 'generated' && !template.includes(s.name) && !abcSheets.includes(s.name)).map((s) => s.name);
  await preview.download(template, 'template');
  await preview.download(abcSheets, 'abc');
  await preview.download(copies, 'share-safe');
  await Promise.all(pending);
  return saved;
}

test('the files cover every kind', () => {
  expect(packages.length).toBe(TEMPLATES.length * 4 + 2 + 4 + 5 + 6);
});

test('every part of every file is valid against the ECMA-376 schemas (after Markup Compatibility)', () => {
  expect(report.errors).toEqual([]);
});

test('every kind of part was validated, many times', () => {
  const parts = report.validated;
  for (const schema of ['sml-workbook.xsd', 'sml-sheet.xsd', 'sml-styles.xsd', 'sml-sharedStringTable.xsd', 'sml-table.xsd', 'sml-comments.xsd', 'dml-stylesheet.xsd', 'shared-documentPropertiesExtended.xsd'])
    expect({ schema, validated: (parts[schema] ?? 0) >= 10 }).toEqual({ schema, validated: true });
});

test('files with notes on several sheets give each VML part its own id block', () => {
  // The demo has notes on many sheets; the check ran on every VML part of every file.
  expect(report.vmlParts).toBeGreaterThan(20);
});

test('the validator fails ExcelJS output: tableParts before legacyDrawing, one VML id block on two sheets', async () => {
  const wb = new ExcelJS.Workbook();
  for (const name of ['One', 'Two']) {
    const ws = wb.addWorksheet(name);
    ws.addTable({ name: `T_${name}`, ref: 'A1', headerRow: true, columns: [{ name: 'A' }, { name: 'B' }], rows: [[1, 2]] });
    ws.getCell('D1').note = 'a note';
  }
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const bad = await validatePackages([{ label: 'exceljs', bytes }]);
  expect(bad.errors.some((e) => /sheet1\.xml.*legacyDrawing/.test(e))).toBe(true);
  expect(bad.errors.some((e) => /shape-id block 1 is also used/.test(e))).toBe(true);
});
