/**
 * The number classes of issue 11, each in a file built for it, run end to end the two ways a user
 * runs them: the command line (`account-planner abc --in FILE --json`, its reader and its options)
 * and the pane (the upload read by the preview's reader, the pane's ABC service with the pane's
 * choices). Both must give the same customers, values, tiers and set-aside rows, or refuse the
 * same column; and what they give must be right (the expected figures are worked out here by hand).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AbcInputError } from '../../src/domain/abc/run';
import { runCli } from '../../src/cli/run';
import { readUpload } from '../../src/taskpane/preview/read-upload';
import { createAbcService, type AbcOptions } from '../../src/taskpane/services/abc-service';
import { buildXlsx, row } from '../support/build-xlsx';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-numbers-');

interface Outcome {
  customers: { customer: string; value: number; tier: string }[];
  total: number;
  rejected: { row: number; reason: string }[];
  rejectedCount: number;
}

interface Choices {
  decimalComma?: boolean;
  currency?: 'CNY' | 'USD' | 'EUR';
}

const COLUMNS = { customer: 'Kunde', value: 'Betrag' };

async function viaCli(name: string, bytes: Buffer | string, choices: Choices): Promise<Outcome | { code: number; err: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  let out = '';
  let err = '';
  const args = ['abc', '--in', file, '--customer', COLUMNS.customer, '--value', COLUMNS.value, '--json', '--lang', 'en-US'];
  if (choices.decimalComma) args.push('--decimal-comma');
  if (choices.currency) args.push('--currency', choices.currency);
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  if (code !== 0) return { code, err };
  const j = JSON.parse(out) as {
    total: number;
    customers: { customer: string; value: number; tier: string }[];
    rejected: { count: number; rows: { row: number; reason: string }[] };
  };
  return {
    customers: j.customers.map((c) => ({ customer: c.customer, value: c.value, tier: c.tier })),
    total: j.total,
    rejected: j.rejected.rows.map((r) => ({ row: r.row, reason: r.reason })),
    rejectedCount: j.rejected.count,
  };
}

async function viaPane(name: string, bytes: Buffer | string, choices: Choices): Promise<Outcome | AbcInputError> {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const [sheet] = await readUpload({ name, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
  const options: AbcOptions = { method: 'value', thresholds: [0.8, 0.95], crossingToLower: false, groupByCustomer: true, ...choices };
  try {
    const { summary } = await createAbcService(() => []).compute({ ...sheet.table, label: name }, { ...COLUMNS, factor: '' }, options, 'en-US');
    return {
      customers: summary.ranked.map((c) => ({ customer: c.customer, value: c.value, tier: c.tier })),
      total: summary.total,
      rejected: summary.rejected,
      rejectedCount: summary.rejectedCount,
    };
  } catch (e) {
    if (e instanceof AbcInputError) return e;
    throw e;
  }
}

/** Both ways read the file and agree (reasons name the choices in each front end's words). */
async function both(name: string, bytes: Buffer | string, choices: Choices = {}): Promise<Outcome> {
  const cli = await viaCli(name, bytes, choices);
  const pane = await viaPane(name, bytes, choices);
  if ('code' in cli) throw new Error(`CLI refused: ${cli.err}`);
  if (pane instanceof Error) throw pane;
  const plain = (o: Outcome) => ({ ...o, rejected: o.rejected.map((r) => r.row) });
  expect(plain(pane)).toEqual(plain(cli));
  return cli;
}

/** Both ways refuse the column with `code`; returns the two messages (CLI, pane). */
async function bothRefuse(name: string, bytes: Buffer | string, code: string, choices: Choices = {}): Promise<[string, string]> {
  const cli = await viaCli(name, bytes, choices);
  const pane = await viaPane(name, bytes, choices);
  expect(cli).toMatchObject({ code: 2 });
  expect(pane).toBeInstanceOf(AbcInputError);
  expect((pane as AbcInputError).code).toBe(code);
  return [(cli as { err: string }).err, (pane as AbcInputError).message];
}

// A German export: semicolons, decimal commas, points grouping thousands.
const SEMICOLON = 'Kunde;Betrag\nAcme;1.234,56\nBeta;12,5\nGamma;1.000\nAcme;0,44\n';

describe('decimal commas: read with the choice, or the whole column refused', () => {
  test('without the choice the column is refused, never half-read (1.000 would be 1, 1.234,56 set aside)', async () => {
    const [cli, pane] = await bothRefuse('semi.csv', SEMICOLON, 'decimal-comma-column');
    expect(cli).toContain('The column Betrag writes numbers with a decimal comma (row 2: "1.234,56")');
    expect(cli).toContain('(--decimal-comma)');
    expect(pane).toContain('"Values use a decimal comma (1.234,5)"');
    expect(pane).not.toContain('--decimal-comma');
  });

  test('with the choice (semicolon file): 1.234,56 + 0,44 = 1235, 1.000 = 1000, 12,5 = 12.5', async () => {
    const r = await both('semi.csv', SEMICOLON, { decimalComma: true });
    expect(r.customers.map((c) => [c.customer, c.value])).toEqual([
      ['Acme', 1235],
      ['Gamma', 1000],
      ['Beta', 12.5],
    ]);
    expect(r.total).toBe(2247.5);
    expect(r.rejectedCount).toBe(0);
  });

  test('tab-separated, with spaces grouping thousands', async () => {
    const r = await both('tab.csv', 'Kunde\tBetrag\nAcme\t1 234,5\nBeta\t7,25\n', { decimalComma: true });
    expect(r.customers.map((c) => c.value)).toEqual([1234.5, 7.25]);
  });

  test('a decimal point in a column read with decimal commas refuses the column too', async () => {
    const [cli, pane] = await bothRefuse('points.csv', 'Kunde,Betrag\nAcme,"1,5"\nBeta,2.5\n', 'decimal-point-column', { decimalComma: true });
    expect(cli).toContain('row 3: "2.5"');
    expect(pane).toContain('row 3: "2.5"');
  });

  test('number cells of a workbook are numbers whichever way the text is read', async () => {
    const xlsx = await buildXlsx({ sheets: [{ name: 'S', sheetData: row(1, ['Kunde', 'Betrag']) + row(2, ['Acme', 1234.5]) + row(3, ['Beta', 0.25]) }] });
    const points = await both('cells.xlsx', xlsx);
    const commas = await both('cells.xlsx', xlsx, { decimalComma: true });
    expect(commas).toEqual(points);
    expect(points.total).toBe(1234.75);
  });
});

describe('numbers a spreadsheet cannot hold', () => {
  const megabyte = '7'.repeat(1 << 20);
  const csv =
    'Kunde,Betrag\n' +
    'Acme,100\n' +
    'Beta,1e308\n' + // beyond 9.99999999999999E+307
    'Gamma,9.99999999999999E+307\n' + // Excel's largest: kept
    'Delta,-2E+308\n' +
    'Eps,1234567890123456789012345678901\n' + // 31 digits
    `Zeta,${megabyte}\n` +
    'Eta,123456789012345678901234567890\n'; // 30 digits: kept

  test('refused with row and field: beyond ±9.99999999999999E+307, more than 30 digits (a megabyte of them too)', async () => {
    const r = await both('range.csv', csv);
    expect(r.rejected.map((x) => x.row)).toEqual([3, 5, 6, 7]);
    expect(r.rejected[0].reason).toBe('Betrag: "1e308" is beyond what a spreadsheet cell can hold (±9.99999999999999E+307)');
    expect(r.rejected[1].reason).toContain('"-2E+308" is beyond');
    expect(r.rejected[2].reason).toBe('Betrag: "1234567890123456789012345678901" has more than 30 digits: no amount has that many');
    expect(r.rejected[3].reason).toMatch(/^Betrag: "7{57}\.\.\." has more than 30 digits/);
    expect(r.customers.map((c) => c.customer)).toEqual(['Gamma', 'Eta', 'Acme']);
  });

  test('a workbook number cell beyond the range is refused the same way', async () => {
    const xlsx = await buildXlsx({ sheets: [{ name: 'S', sheetData: row(1, ['Kunde', 'Betrag']) + row(2, ['Acme', 5]) + row(3, ['Beta', 1.5e308]) }] });
    const r = await both('range.xlsx', xlsx);
    expect(r.rejected).toEqual([{ row: 3, reason: 'Betrag: "1.5e+308" is beyond what a spreadsheet cell can hold (±9.99999999999999E+307)' }]);
    expect(r.total).toBe(5);
  });
});

describe('currency marks', () => {
  // The unmarked row comes first: it has been summed before the column shows it is marked.
  const csv = 'Kunde,Betrag\nAcme,200\nAcme,¥100\nBeta,300\nGamma,¥50\nDelta,70\n';

  test('rows without a mark in a marked column are set aside, even those read before the first mark', async () => {
    const r = await both('marks.csv', csv);
    expect(r.customers.map((c) => [c.customer, c.value])).toEqual([
      ['Acme', 100],
      ['Gamma', 50],
    ]);
    expect(r.rejected.map((x) => x.row)).toEqual([2, 4, 6]);
    expect(r.rejected[0].reason).toContain('no currency mark, while other values are marked CNY');
    expect(r.rejected[0].reason).toContain('(--currency)');
  });

  test('with a currency for unmarked values they are read in it; another mark is then set aside', async () => {
    const r = await both('marks.csv', csv, { currency: 'CNY' });
    expect(r.total).toBe(720);
    const usd = await both('marks.csv', csv, { currency: 'USD' });
    expect(usd.customers.map((c) => [c.customer, c.value])).toEqual([
      ['Beta', 300],
      ['Acme', 200],
      ['Delta', 70],
    ]);
    expect(usd.rejected.map((x) => x.row)).toEqual([3, 5]);
  });

  test('a column with no mark anywhere is read as it is', async () => {
    const r = await both('plain.csv', 'Kunde,Betrag\nAcme,200\nBeta,300\n');
    expect(r.total).toBe(500);
  });
});
