/**
 * Every kind of workbook the product writes carries, beside each formula, the value it computes,
 * and that value is the one LibreOffice computes from the same file and the one the TypeScript
 * engine reports (three ways). Files are written through the CLI as a user runs it: every
 * template in both languages (example and blank), the demo, ABC (with and without the X/Y
 * matrix, value and count methods, compared with a previous run), every bonus scheme, share-safe copies of the demo; and the
 * preview's download.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run';
import type { BonusScheme } from '../../src/domain/bonus/line';
import sheetMessages from '../../src/i18n/bonus-sheets';
import abcMessages from '../../src/i18n/abc';
import { translator } from '../../src/i18n/define';
import type { Lang } from '../../src/sheets/core/sheet-spec';
import { TEMPLATE_KINDS, getTemplate } from '../../src/sheets/templates/registry';
import { ABC_FIRST_ROW } from '../../src/sheets/abc/result-sheet';
import { PreviewHost } from '../../src/taskpane/preview/preview-host';
import { createPreviewWorkbook } from '../../src/taskpane/preview/preview-workbook';
import { recalc } from '../support/libreoffice';
import { dataset } from '../support/abc-data';
import { GENERATORS, HEADERS, rng } from '../support/bonus-data';
import { compareStored, readStoredFormulas, uncached, type StoredWorkbook } from '../support/stored-values';
import { FIXED_TODAY, tempDir } from '../support/template-files';

const dir = tempDir('ap-cached-');
const SCHEMES: BonusScheme[] = ['new-brand', 'new-customer', 'referral', 'fees', 'bad-debt'];

interface Written {
  label: string;
  kind: string;
  file: string;
  json?: string;
}
const written: Written[] = [];
const recalculated = new Map<string, StoredWorkbook>();

async function cli(args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  if (code !== 0) throw new Error(`${args.join(' ')} → ${code}: ${err}`);
  return out;
}

function csv(rows: unknown[][]): string {
  return rows.map((r) => r.map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';
}

beforeAll(async () => {
  for (const kind of TEMPLATE_KINDS)
    for (const [lang, example] of [['zh-CN', true], ['en-US', true], ['zh-CN', false]] as const) {
      const label = `template-${kind}-${lang}${example ? '-example' : ''}`;
      const file = path.join(dir, `${label}.xlsx`);
      await cli(['template', kind, '--lang', lang, '--out', file, ...(example ? ['--example'] : [])]);
      written.push({ label, kind: 'template', file });
    }
  for (const lang of ['zh-CN', 'en-US']) {
    const file = path.join(dir, `demo-${lang}.xlsx`);
    await cli(['demo', '--lang', lang, '--out', file]);
    written.push({ label: `demo-${lang}`, kind: 'demo', file });
    // Its share-safe copy: the formulas reading personal cells recomputed without them.
    const copy = path.join(dir, `demo-${lang}-share-safe.xlsx`);
    await cli(['share-safe', '--in', file, '--out', copy]);
    written.push({ label: `demo-${lang}-share-safe`, kind: 'share-safe copy', file: copy });
  }
  const sales = path.join(dir, 'sales.csv');
  writeFileSync(sales, csv([['客户', '金额'], ...dataset(31, 400)]));
  // The data marks some amounts ¥ and leaves others unmarked: read as CNY only with --currency CNY.
  for (const [label, extra] of [
    ['abc', []],
    ['abc-matrix', ['--matrix', '--lang', 'en-US']],
    ['abc-count-exclude', ['--method', 'count', '--crossing', 'exclude']],
  ] as const) {
    const file = path.join(dir, `${label}.xlsx`);
    const json = await cli(['abc', '--in', sales, '--currency', 'CNY', '--out', file, '--json', ...extra]);
    written.push({ label, kind: label === 'abc-matrix' ? 'abc --matrix' : 'abc', file, json });
  }
  // This run compared with a previous period (300 customers of another draw): its Tier Migration sheet.
  const previous = path.join(dir, 'sales-previous.csv');
  writeFileSync(previous, csv([['客户', '金额'], ...dataset(32, 300)]));
  const compared = path.join(dir, 'abc-compare.xlsx');
  await cli(['abc', '--in', sales, '--currency', 'CNY', '--compare', previous, '--out', compared]);
  written.push({ label: 'abc-compare', kind: 'abc --compare', file: compared });
  for (const [i, scheme] of SCHEMES.entries()) {
    const lang: Lang = i % 2 ? 'en-US' : 'zh-CN';
    const input = path.join(dir, `${scheme}.csv`);
    writeFileSync(input, csv([HEADERS[scheme], ...GENERATORS[scheme](rng(4242 + i), lang)]));
    const file = path.join(dir, `bonus-${scheme}.xlsx`);
    const json = await cli(['bonus', '--scheme', scheme, '--in', input, '--fx', 'USD=7.1,EUR=7.8', '--lang', lang, '--out', file, '--json']);
    written.push({ label: `bonus-${scheme}`, kind: 'bonus', file, json });
  }
  // The preview's download: a template and a bonus Rules sheet written in the in-browser workbook.
  const host = new PreviewHost();
  await host.insertSheets(getTemplate('key-account-plan').build({ lang: 'en-US', example: true, today: FIXED_TODAY }));
  let blob: Blob | undefined;
  const preview = createPreviewWorkbook(host, (b) => (blob = b));
  await preview.download(
    host.getSheets().map((s) => s.name),
    'preview',
  );
  const file = path.join(dir, 'preview-download.xlsx');
  writeFileSync(file, new Uint8Array(await blob!.arrayBuffer()));
  written.push({ label: 'preview-download', kind: 'preview download', file });

  const outs = await recalc(written.map((w) => w.file));
  for (const [i, w] of written.entries()) recalculated.set(w.label, await readStoredFormulas(outs[i]));
}, 900_000);

test('no formula cell of any written file is without a stored value', async () => {
  const missing: string[] = [];
  let formulas = 0;
  for (const w of written) {
    const stored = await readStoredFormulas(w.file);
    for (const cells of stored.values()) formulas += cells.size;
    missing.push(...uncached(stored).map((m) => `${w.label}: ${m}`));
  }
  expect(written.length).toBe(TEMPLATE_KINDS.length * 3 + 2 + 2 + 3 + 1 + 5 + 1);
  expect(formulas).toBeGreaterThan(20_000);
  expect(missing).toEqual([]);
});

test('every stored value equals LibreOffice’s recalculation of the same file', async () => {
  const perKind = new Map<string, { files: number; cells: number }>();
  const disagreements: unknown[] = [];
  for (const w of written) {
    const c = compareStored(await readStoredFormulas(w.file), recalculated.get(w.label)!);
    disagreements.push(...c.disagreements.map((d) => ({ file: w.label, ...d })));
    const k = perKind.get(w.kind) ?? { files: 0, cells: 0 };
    perKind.set(w.kind, { files: k.files + 1, cells: k.cells + c.compared });
  }
  console.log(
    'formula cells compared with LibreOffice, by file kind:\n' +
      [...perKind].map(([kind, k]) => `  ${kind}: ${k.files} files, ${k.cells} cells`).join('\n'),
  );
  expect(disagreements).toEqual([]);
});

const storedValue = (wb: StoredWorkbook, sheet: string, ref: string) => wb.get(sheet)?.get(ref)?.value;

test.each(['abc', 'abc-matrix', 'abc-count-exclude'])('%s: each customer’s stored tier is the engine’s (--json) and LibreOffice’s', async (label) => {
  const w = written.find((x) => x.label === label)!;
  const json = JSON.parse(w.json!) as { customers: { tier: string }[]; nonPositive: unknown[] };
  const sheetName = translator(abcMessages, label === 'abc-matrix' ? 'en-US' : 'zh-CN')('sheetName');
  const stored = await readStoredFormulas(w.file);
  const engine = [...json.customers.map((c) => c.tier), ...json.nonPositive.map(() => 'C')];
  const tiers = engine.map((_, i) => storedValue(stored, sheetName, `G${ABC_FIRST_ROW + i}`));
  const lo = engine.map((_, i) => storedValue(recalculated.get(label)!, sheetName, `G${ABC_FIRST_ROW + i}`));
  expect(engine.length).toBeGreaterThan(300);
  expect(tiers).toEqual(engine);
  expect(lo).toEqual(engine);
});

test.each(SCHEMES)('bonus %s: each line’s stored eligibility and bonus are the engine’s (--json) and LibreOffice’s', async (scheme) => {
  const w = written.find((x) => x.label === `bonus-${scheme}`)!;
  const lang: Lang = SCHEMES.indexOf(scheme) % 2 ? 'en-US' : 'zh-CN';
  const t = translator(sheetMessages, lang);
  const json = JSON.parse(w.json!) as { lines: { rep: string; eligible: boolean; bonus: number }[] };
  const main = t(`sheet_${scheme}`);
  const xml = readFileSync(w.file);
  const stored = await readStoredFormulas(xml);
  // Column letters from the header row's text (row 6), read with the file's shared strings.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xml as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(main)!;
  const header = (text: string) => {
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(6, c).value === text) return ws.getCell(6, c).address.replace(/\d+/, '');
    throw new Error(`no column ${text} on ${main}`);
  };
  const bonusHeader = { 'new-brand': t('colBonus'), 'new-customer': t('colBonus'), referral: t('colReward'), fees: t('colFee'), 'bad-debt': t('colLiability') }[scheme];
  const [eligible, bonus] = [header(t('colEligible')), header(bonusHeader)];
  const yes = lang === 'zh-CN' ? '是' : 'Yes';
  const rows = (wbStored: StoredWorkbook) =>
    json.lines
      .map((_, i) => ({
        rep: String(ws.getCell(`A${7 + i}`).value),
        eligible: storedValue(wbStored, main, `${eligible}${7 + i}`) === yes,
        cents: Math.round(Number(storedValue(wbStored, main, `${bonus}${7 + i}`)) * 100),
      }))
      .sort((a, b) => (a.rep + a.cents + a.eligible < b.rep + b.cents + b.eligible ? -1 : 1));
  const engine = json.lines
    .map((l) => ({ rep: l.rep, eligible: l.eligible, cents: Math.round(l.bonus * 100) }))
    .sort((a, b) => (a.rep + a.cents + a.eligible < b.rep + b.cents + b.eligible ? -1 : 1));
  expect(engine.length).toBeGreaterThan(5);
  expect(rows(stored)).toEqual(engine);
  expect(rows(recalculated.get(w.label)!)).toEqual(engine);
});
