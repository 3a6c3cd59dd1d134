/**
 * The decimal-comma choice of issue 11 on the bonus side, each case in a file built for it (CSV
 * and .xlsx) and run the two ways a user runs it: the command line (`bonus --in FILE --json`,
 * with or without --decimal-comma) and the pane (the upload read by the preview's reader, the
 * pane's bonus service with the page's checkbox). A column holding a value in the other style is
 * refused whole by both, in each front end's words; with the choice both read the same amounts,
 * and the amounts are right (worked out here by hand).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BonusInputError } from '../../src/domain/bonus/run';
import { runCli } from '../../src/cli/run';
import { readUpload } from '../../src/taskpane/preview/read-upload';
import { createBonusService } from '../../src/taskpane/services/bonus-service';
import { buildXlsx, row } from '../support/build-xlsx';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-bonus-numbers-');
const HEADERS = ['rep', 'contract', 'date', 'amount', 'currency', 'margin'];

interface Outcome {
  /** Each line's contract and its basis (USD, the currency of the bands), in order. */
  lines: [string, number][];
  reasons: string[];
  byRep: { rep: string; bonus: number; eligible: number }[];
  rejected: number;
}

async function viaCli(name: string, bytes: Buffer | string, decimalComma: boolean): Promise<Outcome | { code: number; err: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  let out = '';
  let err = '';
  const args = ['bonus', '--scheme', 'new-brand', '--in', file, '--fx', 'USD=7', '--json', '--lang', 'en-US'];
  if (decimalComma) args.push('--decimal-comma');
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  if (code !== 0) return { code, err };
  const j = JSON.parse(out) as {
    lines: { key: string; basis: number; reason: string }[];
    byRep: { rep: string; bonus: number; eligible: number }[];
    rejected: { count: number };
  };
  return {
    lines: j.lines.map((l) => [l.key, l.basis]),
    reasons: j.lines.map((l) => l.reason),
    byRep: j.byRep.map((r) => ({ rep: r.rep, bonus: r.bonus, eligible: r.eligible })),
    rejected: j.rejected.count,
  };
}

async function viaPane(name: string, bytes: Buffer | string, decimalComma: boolean) {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const [sheet] = await readUpload({ name, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
  const bonus = createBonusService();
  const columns = bonus.guessColumns('new-brand', sheet.table.headers);
  try {
    const { summary } = await bonus.compute({
      scheme: 'new-brand',
      table: { ...sheet.table, label: name },
      columns,
      rules: bonus.defaultRules(),
      period: '',
      rates: { USD: 7 },
      lang: 'en-US',
      decimalComma,
    });
    return { byRep: summary.reps.map((r) => ({ rep: r.rep, bonus: r.bonus, eligible: r.eligible })), rejected: summary.rejectedCount };
  } catch (e) {
    if (e instanceof BonusInputError) return e;
    throw e;
  }
}

/** Both ways read the file and agree. */
async function both(name: string, bytes: Buffer | string, decimalComma: boolean): Promise<Outcome> {
  const cli = await viaCli(name, bytes, decimalComma);
  const pane = await viaPane(name, bytes, decimalComma);
  if ('code' in cli) throw new Error(`CLI refused: ${cli.err}`);
  if (pane instanceof Error) throw pane;
  expect(pane).toEqual({ byRep: cli.byRep, rejected: cli.rejected });
  return cli;
}

/** Both ways refuse the column with `code`; returns the two messages (CLI, pane). */
async function bothRefuse(name: string, bytes: Buffer | string, code: string, decimalComma: boolean): Promise<[string, string]> {
  const cli = await viaCli(name, bytes, decimalComma);
  const pane = await viaPane(name, bytes, decimalComma);
  expect(cli).toMatchObject({ code: 2 });
  expect(pane).toBeInstanceOf(BonusInputError);
  expect((pane as BonusInputError).code).toBe(code);
  return [(cli as { err: string }).err, (pane as BonusInputError).message];
}

const csv = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.join(';')).join('\n') + '\n';
// A German export: semicolons, decimal commas, points grouping thousands.
const COMMAS = csv([
  ['Li', 'C1', '2026-01-05', '1.234,56', 'CNY', '12,5%'],
  ['Li', 'C2', '2026-01-06', '12,5', 'CNY', '10%'],
  ['Wang', 'C3', '2026-02-01', '140.000', 'CNY', '0,2'],
]);

describe('bonus amounts with decimal commas: read with the choice, or the whole column refused', () => {
  test('without the choice the amount column is refused, never half-read (140.000 would be 140)', async () => {
    const [cli, pane] = await bothRefuse('semi.csv', COMMAS, 'decimal-comma-column', false);
    expect(cli).toContain('The column amount writes numbers with a decimal comma (row 2: "1.234,56")');
    expect(cli).toContain('(--decimal-comma)');
    expect(pane).toContain('row 2: "1.234,56"');
    expect(pane).toContain('"Values use a decimal comma (1.234,5)"');
    expect(pane).not.toContain('--decimal-comma');
  });

  test('a column of "1.000" and "12,5": refused at the 12,5, the 1.000 before it not read as one', async () => {
    const text = csv([
      ['Li', 'C1', '2026-01-05', '1.000', 'CNY', '12%'],
      ['Li', 'C2', '2026-01-06', '12,5', 'CNY', '12%'],
    ]);
    const [cli] = await bothRefuse('thousand.csv', text, 'decimal-comma-column', false);
    expect(cli).toContain('(row 3: "12,5")');
    // With the choice: 1.000 is a thousand, 12,5 is 12.5 (÷ 7 CNY per USD: 142.86 and 1.79).
    const r = await both('thousand.csv', text, true);
    expect(r.lines).toEqual([
      ['C1', 142.86],
      ['C2', 1.79],
    ]);
    expect(r.reasons[0]).toContain('¥1,000 = 142.86 USD');
  });

  test('with the choice: 1.234,56 = 1234.56, 12,5 = 12.5, 140.000 = 140,000 (20,000 USD: ¥300 in the 10,000–30,000 band), 12,5% and 0,2 margins', async () => {
    const r = await both('semi.csv', COMMAS, true);
    // CNY ÷ 7 per USD, rounded to cents: 176.365… → 176.37, 1.785… → 1.79, 20,000 exactly.
    expect(r.lines).toEqual([
      ['C1', 176.37],
      ['C2', 1.79],
      ['C3', 20000],
    ]);
    expect(r.reasons[0]).toContain('¥1,234.56');
    expect(r.reasons[0]).toContain('margin 12.50 %');
    expect(r.reasons[2]).toContain('margin 20 %');
    expect(r.reasons[2]).toContain('¥140,000 = 20,000 USD in band 10,000–30,000 → ¥300');
    expect(r.byRep.find((x) => x.rep === 'Wang')).toEqual({ rep: 'Wang', bonus: 300, eligible: 1 });
    expect(r.byRep.find((x) => x.rep === 'Li')).toMatchObject({ eligible: 0, bonus: 0 });
    expect(r.rejected).toBe(0);
  });

  test('a decimal point in a column read with decimal commas refuses the column too', async () => {
    const text = csv([
      ['Li', 'C1', '2026-01-05', '1.234,56', 'CNY', '12%'],
      ['Wang', 'C3', '2026-02-01', '70000.50', 'CNY', '20%'],
    ]);
    const [cli, pane] = await bothRefuse('points.csv', text, 'decimal-point-column', true);
    expect(cli).toContain('The column amount is read with decimal commas (--decimal-comma) but holds a number written with a decimal point (row 3: "70000.50")');
    expect(pane).toContain('(row 3: "70000.50")');
  });

  test('the margin column is held to the same choice', async () => {
    const comma = csv([['Li', 'C1', '2026-01-05', '80000', 'CNY', '12,5%']]);
    const [cli] = await bothRefuse('margin.csv', comma, 'decimal-comma-column', false);
    expect(cli).toContain('The column margin writes numbers with a decimal comma (row 2: "12,5%")');
    const point = csv([['Li', 'C1', '2026-01-05', '80000', 'CNY', '12.5%']]);
    const [cli2] = await bothRefuse('margin-points.csv', point, 'decimal-point-column', true);
    expect(cli2).toContain('(row 2: "12.5%")');
  });

  test('a workbook: text cells follow the choice, number cells are numbers either way', async () => {
    const header = row(1, HEADERS);
    const texts = await buildXlsx({
      sheets: [
        {
          name: 'Orders',
          sheetData: header + row(2, ['Li', 'C1', '2026-01-05', '1.000', 'CNY', '12%']) + row(3, ['Wang', 'C3', '2026-02-01', '140.000,00', 'CNY', '20%']),
        },
      ],
    });
    const [cli] = await bothRefuse('texts.xlsx', texts, 'decimal-comma-column', false);
    expect(cli).toContain('(row 3: "140.000,00")');
    expect((await both('texts.xlsx', texts, true)).lines).toEqual([
      ['C1', 142.86],
      ['C3', 20000],
    ]);

    const numbers = await buildXlsx({
      sheets: [{ name: 'Orders', sheetData: header + row(2, ['Li', 'C1', '2026-01-05', 1234.56, 'CNY', 0.125]) + row(3, ['Wang', 'C3', '2026-02-01', 140000, 'CNY', 0.2]) }],
    });
    const points = await both('numbers.xlsx', numbers, false);
    expect(await both('numbers.xlsx', numbers, true)).toEqual(points);
    expect(points.lines).toEqual([
      ['C1', 176.37],
      ['C3', 20000],
    ]);
  });
});
