/**
 * `npm run bench rollup`: `rollup` (the compiled CLI) on 50 reps' workbooks of 1,000 pipeline rows
 * each (a tenth of the customers shared by two reps, so conflicts are found), with its wall time
 * and peak memory (max RSS of the child process, /usr/bin/time).
 *
 * References measured in the same run on the same files: (1) our reader alone reading every row of
 * every sheet of the 50 files (src/xlsx/read, the floor of any roll-up that reads them); (2) pandas
 * reading each file's pipeline table with openpyxl, concatenating and writing one sheet with
 * XlsxWriter (rollup_pandas.py) — when /usr/bin/python3 has pandas, openpyxl and xlsxwriter.
 * Sizes: BENCH_ROLLUP_FILES (50), BENCH_ROLLUP_ROWS (1000). Timing never fails anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cellRef, parseRange, rangeRef } from '../../src/sheets/core/a1';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate } from '../../src/sheets/templates/registry';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { compileCli, fmt, MiB, timed } from './cli-process';

const FILES = Number(process.env.BENCH_ROLLUP_FILES ?? 50);
const ROWS = Number(process.env.BENCH_ROLLUP_ROWS ?? 1000);
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
const STAGES = ['1 寻找目标', '2 初步接触', '3 价值评估', '4 谈判', '5 成交与服务'];
const STATUSES = ['绿-潜在', '黄-短期有望', '红-已成交'];

/** One rep's pipeline of `rows` rows: the template's sheets, its table grown to hold them. */
function repPipeline(rep: number): SheetSpec[] {
  const sheets = getTemplate('pipeline').build({ lang: 'zh-CN', example: false, today: new Date(Date.UTC(2026, 5, 1)) });
  const sheet = sheets[0];
  const table = sheet.tables!.find((t) => t.name === 'Pipeline_Targets')!;
  const r = parseRange(table.ref);
  sheet.cells = sheet.cells.filter((c) => {
    const m = /^([A-Z]+)(\d+)$/.exec(c.ref);
    return !m || Number(m[2]) <= r.top || Number(m[2]) > r.bottom;
  });
  sheet.cells.push({ ref: 'D3', value: `业务员${rep}` });
  for (let i = 0; i < ROWS; i++) {
    const row = r.top + 1 + i;
    // A tenth of the rows are customers the next rep also holds.
    const shared = i % 10 === 0;
    const customer = shared ? `共享客户${Math.floor(rep / 2)}-${i}有限公司` : `客户${rep}-${i}有限公司`;
    sheet.cells.push({ ref: cellRef(row, 1), value: customer });
    sheet.cells.push({ ref: cellRef(row, 2), value: `业务员${rep}` });
    sheet.cells.push({ ref: cellRef(row, 3), value: STAGES[i % 5] });
    sheet.cells.push({ ref: cellRef(row, 4), value: STATUSES[i % 3] });
    sheet.cells.push({ ref: cellRef(row, 6), value: `跟进第 ${i} 项` });
    sheet.cells.push({ ref: cellRef(row, 7), value: new Date(Date.UTC(2026, 5, 1 + (i % 60))) });
  }
  table.ref = rangeRef(r.top, r.left, r.top + ROWS, r.right);
  sheet.validations = [];
  sheet.conditionalFormats = [];
  sheet.names = [];
  return [sheet];
}

const READER = `
const { readFileSync } = require('node:fs');
const { openWorkbook } = require(process.argv[2]);
let rows = 0;
for (const f of process.argv.slice(3)) {
  const book = openWorkbook(new Uint8Array(readFileSync(f)));
  for (const s of book.sheets) for (const batch of book.rows(s)) rows += batch.length;
}
console.log(rows);
`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-rollup-'));
  try {
    const build = path.join(dir, 'build');
    const main = compileCli(build);
    const files: string[] = [];
    for (let rep = 0; rep < FILES; rep++) {
      const file = path.join(dir, `rep${rep}.xlsx`);
      writeFileSync(file, await renderWorkbook({ sheets: repPipeline(rep) }));
      files.push(file);
    }
    const out = path.join(dir, 'team.xlsx');
    const ours = timed(process.execPath, [main, 'rollup', '--in', ...files, '--out', out, '--force'], 1);
    console.log(`rollup, ${FILES} workbooks × ${ROWS.toLocaleString('en-US')} pipeline rows: ${fmt(ours.ms)}, peak memory ${mib(ours.rss)}, file ${mib(statSync(out).size)}`);
    const readerJs = path.join(dir, 'read-all.js');
    writeFileSync(readerJs, READER);
    const reader = timed(process.execPath, [readerJs, path.join(build, 'xlsx/read/open-table.js'), ...files], 1);
    console.log(`  our reader alone, every row of every sheet of the same files: ${fmt(reader.ms)}, peak memory ${mib(reader.rss)}`);
    console.log(`  rollup / reader alone: ${(ours.ms / reader.ms).toFixed(2)}× time, ${(ours.rss / reader.rss).toFixed(2)}× memory`);
    const hasPandas = spawnSync('/usr/bin/python3', ['-c', 'import pandas, openpyxl, xlsxwriter'], { stdio: 'ignore' }).status === 0;
    if (!hasPandas) console.log('  pandas + openpyxl + XlsxWriter not available: no pandas reference');
    else {
      const ref = timed('/usr/bin/python3', [path.join(__dirname, 'rollup_pandas.py'), path.join(dir, 'pandas.xlsx'), ...files], 1);
      console.log(`  pandas read_excel (openpyxl) + concat + to_excel (XlsxWriter), pipeline only: ${fmt(ref.ms)}, peak memory ${mib(ref.rss)}`);
      console.log(`  rollup / pandas: ${(ours.ms / ref.ms).toFixed(2)}× time, ${(ours.rss / ref.rss).toFixed(2)}× memory`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
