/**
 * The visit plan added with --into to a workbook holding an ABC result reads each customer's
 * tier from it (docs/rules/templates/visit-plan.md): after LibreOffice recalculates, the tiers
 * and visits per month equal the ABC result's; an edited threshold or customer name in the ABC
 * result moves them; a customer the result does not list says so; the ABC sheet deleted gives
 * the message, never #REF!. The file is schema-valid and its cached values agree with LibreOffice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n/define';
import common from '../../src/i18n/common';
import abcCatalog from '../../src/i18n/abc';
import visitCatalog from '../../src/i18n/templates/visit-plan';
import { cli } from '../support/cli';
import { errorCells, sheet, type SheetValues } from '../support/libreoffice';
import { linkVariants } from '../support/link-variants';
import { validatePackages } from '../support/ooxml-validate';
import { compareStored, readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const t = translator(visitCatalog, 'zh-CN');
const ABC_SHEET = translator(abcCatalog, 'zh-CN')('sheetName');
const PLAN = t('sheetName');
// The visit plan's example customers; 无锡天成化工有限公司 is left out of the sales.
const SALES: [string, number][] = [
  ['华东精密机械有限公司', 50000],
  ['杭州远景包装材料有限公司', 30000],
  ['苏州恒达电子科技有限公司', 12000],
  ['客户D', 8000],
  ['宁波海纳塑业有限公司', 5000],
  ['客户F', 3000],
  ['客户G', 2000],
  ['客户H', 1000],
];
const MISSING = '无锡天成化工有限公司';

let dir: string;
let book: string;
let recalculated: string;
let fresh: SheetValues[];
let edited: SheetValues[];
let deleted: SheetValues[];

/** Customer name → [tier, visits per month] from the plan's customer table (columns A, C, D). */
function planTiers(sheets: SheetValues[]): Map<string, [unknown, unknown]> {
  const s = sheet(sheets, PLAN);
  const out = new Map<string, [unknown, unknown]>();
  for (const [ref, v] of s.values) {
    const m = /^A(\d+)$/.exec(ref);
    if (m && typeof v === 'string' && (SALES.some(([c]) => c === v) || v === MISSING) && !out.has(v)) out.set(v, [s.values.get(`C${m[1]}`), s.values.get(`D${m[1]}`)]);
  }
  return out;
}

/** Customer → tier as the ABC result computes it (customer column B, tier G, from row 26). */
function abcTiers(sheets: SheetValues[]): Map<string, unknown> {
  const s = sheet(sheets, ABC_SHEET);
  const out = new Map<string, unknown>();
  for (let r = 26; s.values.get(`B${r}`); r++) out.set(String(s.values.get(`B${r}`)), s.values.get(`G${r}`));
  return out;
}

beforeAll(async () => {
  dir = tempDir('ap-link-abc-');
  const csv = path.join(dir, 'sales.csv');
  writeFileSync(csv, ['客户,金额', ...SALES.map(([c, v]) => `${c},${v}`)].join('\n') + '\n');
  book = path.join(dir, 'book.xlsx');
  for (const args of [
    ['abc', '--in', csv, '--customer', '客户', '--value', '金额', '--out', book],
    ['template', 'visit-plan', '--example', '--date', '2026-03-15', '--into', book],
  ]) {
    const run = await cli(args);
    expect({ args, code: run.code, err: run.err }).toEqual({ args, code: 0, err: '' });
  }
  // Threshold A up to 95 %: more customers are A. The ABC row of 宁波 (5th by value) renamed.
  ({ recalculated, fresh, edited, deleted } = await linkVariants(book, [{ sheet: 0, cell: 'C9', value: 0.95 }, { sheet: 0, cell: 'B30', value: 'Renamed Co' }], 0));
}, 600_000);

test('the tiers and visits per month follow the ABC result; a customer it lacks says so', () => {
  const abc = abcTiers(fresh);
  const plan = planTiers(fresh);
  expect(abc.get('华东精密机械有限公司')).toBe('A');
  const visits: Record<string, number> = { A: 4, B: 2, C: 1 };
  for (const [customer] of SALES.filter(([c]) => plan.has(c))) expect({ customer, plan: plan.get(customer) }).toEqual({ customer, plan: [abc.get(customer), visits[String(abc.get(customer))]] });
  expect(plan.size).toBe(5);
  expect(plan.get(MISSING)).toEqual([t('notInAbc'), '']);
  expect(errorCells(fresh)).toEqual([]);
});

test('an edited ABC result moves the plan after recalculation', () => {
  const before = abcTiers(fresh);
  const after = abcTiers(edited);
  const plan = planTiers(edited);
  // Some tier changed with the threshold, and the plan shows every new tier.
  expect([...after].filter(([c, tier]) => before.has(c) && before.get(c) !== tier).length).toBeGreaterThan(0);
  for (const customer of ['华东精密机械有限公司', '杭州远景包装材料有限公司', '苏州恒达电子科技有限公司']) expect(plan.get(customer)?.[0]).toBe(after.get(customer));
  expect(sheet(edited, ABC_SHEET).values.get('B30')).toBe('Renamed Co');
  expect(plan.get('宁波海纳塑业有限公司')).toEqual([t('notInAbc'), '']);
  expect(errorCells(edited)).toEqual([]);
});

test('the ABC sheet deleted: the tier cells say so, no #REF! anywhere', () => {
  const gone = translator(common, 'zh-CN')('linkSourceGone', { sheet: ABC_SHEET });
  const plan = planTiers(deleted);
  expect(plan.size).toBe(5);
  for (const [customer, [tier, visits]] of plan) expect({ customer, tier, visits }).toEqual({ customer, tier: gone, visits: '' });
  expect(errorCells(deleted)).toEqual([]);
});

test('the linked file is schema-valid and its cached values are what LibreOffice computes', async () => {
  const bytes = new Uint8Array(readFileSync(book));
  const report = await validatePackages([{ label: 'book', bytes }]);
  expect(report.errors).toEqual([]);
  const ours = await readStoredFormulas(bytes);
  expect(uncached(ours)).toEqual([]);
  const theirsFile = recalculated;
  const plan = new Map([[PLAN, ours.get(PLAN)!]]);
  const { compared, disagreements } = compareStored(plan, await readStoredFormulas(theirsFile));
  expect(disagreements).toEqual([]);
  expect(compared).toBeGreaterThan(100);
}, 300_000);
