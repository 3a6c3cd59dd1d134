/**
 * Writes the small input files in examples/ that the README's commands read (npx tsx scripts/make-examples.ts).
 * The files are committed; run this only to change them, then run test/readme-commands.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';

const dir = 'examples';
// sales.csv.gz: order lines in the layout of the Online Retail data set (quantity × unit price per line).
const retail = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
const customers = ['17850', '13047', '12583', '13748', '15100', '15291', '14688', '17809', '15311', '16098'];
const n = 536365;
for (let i = 0; i < 40; i++) {
  const c = customers[(i * 7) % customers.length];
  const q = 1 + ((i * 5) % 24);
  const p = (0.85 + ((i * 37) % 90) / 10).toFixed(2);
  retail.push(`${n + (i >> 2)},${85123 + i},ITEM ${i},${q},2010-12-0${1 + (i % 9)} 08:26,${p},${i % 13 === 5 ? '' : c},United Kingdom`);
}
writeFileSync(`${dir}/sales.csv.gz`, gzipSync(retail.join('\n') + '\n'));

async function main() {
  // sales.xlsx: an ERP order-line export without an amount column: ABC values it at 数量 × 单价.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单明细');
  ws.addRow(['订单号', '客户', '产品', '数量', '单价']);
  const names = ['华为', '腾讯', '比亚迪', '京东', '美团', '小米', '联想', '海尔', '格力', '美的', '中兴', '大疆'];
  for (let i = 0; i < 36; i++) ws.addRow([`SO-2026-${String(i + 1).padStart(3, '0')}`, names[(i * 5) % names.length], `产品${(i % 6) + 1}`, 1 + ((i * 7) % 30), [12.5, 88, 260, 45.8, 1200, 9.9][i % 6]]);
  await wb.xlsx.writeFile(`${dir}/sales.xlsx`);

  // orders.xlsx: new-customer orders in 2026Q1.
  const wo = new ExcelJS.Workbook();
  const o = wo.addWorksheet('订单');
  o.addRow(['业务员', '客户', '日期', '金额', '毛利率', '预付款比例', '客户类型', '自主开发']);
  const d = (m: number, day: number) => new Date(Date.UTC(2026, m - 1, day));
  o.addRow(['李明', '甲公司', d(1, 5), 100000, 0.12, 0.6, '工业', '是']);
  o.addRow(['李明', '甲公司', d(2, 5), 100000, 0.12, null, '工业', '是']);
  o.addRow(['李明', '甲公司', d(3, 5), 100000, 0.12, null, '工业', '是']);
  o.addRow(['王芳', '乙公司', d(1, 20), 60000, 0.15, 0.3, '商业', '是']);
  o.addRow(['王芳', '乙公司', d(3, 2), 80000, 0.15, null, '商业', '是']);
  o.addRow(['王芳', '丙公司', d(2, 14), 20000, 0.08, null, '商业', '否']);
  await wo.xlsx.writeFile(`${dir}/orders.xlsx`);
}

writeFileSync(
  `${dir}/contracts.csv`,
  ['rep,contract,date,amount,currency,margin', 'Li,C1,2026-01-05,"50,000",USD,12%', 'Li,C2,2026-01-06,"10,000",USD,12%', 'Wang,C3,2026-02-01,"30,000",USD,10%', 'Wang,C4,2026-02-15,"200,000",CNY,9%', 'Zhao,C5,2026-03-01,"80,000",USD,15%'].join('\n') + '\n',
);
writeFileSync(
  `${dir}/referrals.csv`,
  ['推荐人,被推荐人,首次来访日期,首访登记,付款日期', '老张,新客户甲,2026-07-20,是,2026-08-01', '老张,新客户乙,2026-07-21,否,2026-08-02', '小王,新客户丙,2026-07-25,是,2026-09-30'].join('\n') + '\n',
);
writeFileSync(
  `${dir}/fees.csv`,
  ['业务员,客户,签订日期,市场范围,文件类型', '李明,甲公司,2026-01-10,国际,合作协议', '李明,甲公司,2026-02-10,国际,购销合同', '王芳,乙公司,2026-03-03,本地,购销合同'].join('\n') + '\n',
);
writeFileSync(
  `${dir}/bad-debts.csv`,
  ['经办人,审批人,客户,坏账金额,币种,信用额度内', '李明,赵总,甲公司,"12,000",CNY,是', '王芳,,乙公司,"5,000",CNY,否'].join('\n') + '\n',
);
void main();
