/** Input files the browser tests upload, and the engine's own answers for them (run in Node). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { runAbc } from '../../../src/domain/abc/run';
import { runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';
import { ROOT } from './dist';

export const RETAIL = path.resolve(ROOT, '../shared/data/online-retail.csv.gz');

/** The first `lines` lines (header included) of the retail data set, as a .csv file. */
export function retailSlice(dir: string, lines = 20_000): string {
  const text = gunzipSync(readFileSync(RETAIL)).toString('utf8');
  let end = 0;
  for (let i = 0; i < lines; i++) end = text.indexOf('\n', end) + 1;
  const file = path.join(dir, `online-retail-${lines}.csv`);
  writeFileSync(file, text.slice(0, end));
  return file;
}

/**
 * Order lines for the ABC at scale: `customers` customers, `linesPerCustomer` lines each, values
 * from a fixed pseudo-random sequence (the same file every run) spread over several orders of
 * magnitude so the three tiers all hold customers.
 */
export function abcScaleCsv(dir: string, customers: number, linesPerCustomer = 2): string {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['Customer,Amount'];
  for (let l = 0; l < linesPerCustomer; l++)
    for (let c = 0; c < customers; c++)
      lines.push(`C${String(c).padStart(7, '0')},${(Math.exp(next() * 9) + 1).toFixed(2)}`);
  const file = path.join(dir, `abc-${customers}-customers.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function readCsv(file: string): { headers: string[]; rows: string[][] } {
  const [headers, ...rows] = parse(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  return { headers, rows };
}

/** Tier summary the engine gives for the retail slice: customer = CustomerID, value = Quantity × UnitPrice. */
export async function engineAbc(file: string) {
  const r = await runAbc(readCsv(file), { customer: 'CustomerID', value: 'Quantity*UnitPrice' });
  return {
    tiers: (['A', 'B', 'C'] as const).map((t) => ({
      tier: t,
      customers: r.summary[t].customers,
      value: r.summary[t].value.toNumber(),
    })),
    total: r.total.toNumber(),
    rejected: r.rejected.count,
  };
}

/** New-customer orders for three reps, Chinese headers, one customer paid in USD. */
export function newCustomerOrders(dir: string): string {
  const rows = [
    ['业务员', '客户', '订单日期', '订单金额', '币种', '毛利率', '预付款比例', '客户类型', '自主开发'],
    ['张伟', '华东机械', '2026-01-06', '120,000', 'CNY', '12%', '60%', '工业', '是'],
    ['张伟', '华东机械', '2026-01-25', '100000', 'CNY', '11%', '', '工业', '是'],
    ['张伟', '华东机械', '2026-02-18', '95000', 'CNY', '13%', '', '工业', '是'],
    ['李娜', '远航贸易', '2026-02-03', '15000', 'USD', '15%', '', '贸易', '是'],
    ['李娜', '远航贸易', '2026-02-20', '60000', 'CNY', '14%', '', '贸易', '是'],
    ['李娜', '远航贸易', '2026-03-11', '45000', 'CNY', '16%', '', '贸易', '是'],
    ['王强', '北方电力', '2026-01-15', '80000', 'CNY', '9%', '50%', '工业', '是'],
    ['王强', '北方电力', '2026-02-15', '90000', 'CNY', '9%', '', '工业', '是'],
    ['王强', '北方电力', '2026-03-01', '85000', 'CNY', '9%', '', '工业', '是'],
    ['王强', '南方建材', '2026-03-05', '30000', 'CNY', '20%', '', '', '否'],
    ['', '无名客户', '2026-03-05', '1000', 'CNY', '20%', '', '', '是'],
  ];
  const file = path.join(dir, 'new-customer-orders.csv');
  writeFileSync(
    file,
    rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n',
  );
  return file;
}

export async function engineNewCustomer(file: string, usdRate: string) {
  const r = await runBonus('new-customer', readCsv(file), { fx: { USD: new Decimal(usdRate) } });
  return Object.fromEntries(r.byRep.map((x) => [x.rep, x.bonus.toNumber()]));
}
