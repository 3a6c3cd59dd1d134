/**
 * `npm run bench abc`: ABC timings as ratios against references measured in the same run.
 * Timing never fails anything; the figures are printed for the record.
 *
 * 1. CLI ABC on the 541,909-line Online Retail file (compiled CLI, `--json` to /dev/null)
 *    vs the same job in pandas (read the .gz, drop blank CustomerID, Quantity × UnitPrice,
 *    group-by sum, sort, cumulative share, tiers), when /usr/bin/python3 has pandas. Target ≤ 1.0×.
 * 2. Engine-only ABC (rankAbcScaled) on 1,000,000 synthetic customers vs a bare Float64Array
 *    sort of the same values. Target ≤ 4×.
 * 3. Peak memory (max RSS) of each process. Target ≤ 1 GiB.
 * 4. LibreOffice recalculation of a 50,000-customer ABC result sheet vs a sheet of the same
 *    size (rows × formula columns) of trivial formulas. Target ≤ 3×.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_ABC_OPTIONS, rankAbcScaled } from '../../src/domain/abc/tiers';
import { runAbc } from '../../src/domain/abc/run';
import { buildAbcSheets } from '../../src/sheets/abc/result-sheet';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { compileCli, fmt, median, MiB, ratio, ROOT, timed } from './cli-process';
import { recalc, sofficePath } from '../../test/support/libreoffice';

const DATA = path.resolve(ROOT, '../shared/data/online-retail.csv.gz');
const RUNS = Number(process.env.BENCH_ABC_RUNS ?? 3);
/** Timed rounds of the engine-only benchmark (each: a bare sort, the engine, and the baseline if any). */
const ENGINE_RUNS = Number(process.env.BENCH_ABC_ENGINE_RUNS ?? 5);

const PANDAS = `
import sys, json, pandas as pd
df = pd.read_csv(sys.argv[1], dtype={'CustomerID': str, 'InvoiceNo': str, 'StockCode': str})
df = df[df['CustomerID'].notna()]
df['v'] = df['Quantity'] * df['UnitPrice']
g = df.groupby('CustomerID')['v'].sum().sort_values(ascending=False, kind='mergesort')
pos = g[g > 0]
total = pos.sum()
before = (pos.cumsum() - pos) / total
tier = before.map(lambda x: 'A' if x < 0.8 else ('B' if x < 0.95 else 'C'))
out = [{'customer': c, 'value': float(v), 'share': float(v / total), 'cumulativeBefore': float(b), 'tier': t}
       for c, v, b, t in zip(pos.index, pos.values, before.values, tier.values)]
json.dump({'customers': out, 'summary': tier.value_counts().to_dict()}, sys.stdout)
`;

function cliVsPandas(): void {
  if (!existsSync(DATA)) {
    console.log(`abc CLI vs pandas: skipped (${DATA} not found)`);
    return;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'ap-bench-cli-'));
  const main = compileCli(out);
  const cli = timed(process.execPath, [main, 'abc', '--in', DATA, '--customer', 'CustomerID', '--value', 'Quantity*UnitPrice', '--json'], RUNS);
  console.log(`abc CLI on online-retail.csv.gz (541,909 lines): ${fmt(cli.ms)}, peak memory ${(cli.rss / MiB).toFixed(0)} MiB (target ≤ 1024)`);
  const hasPandas = spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;
  if (hasPandas) {
    const script = path.join(out, 'abc_pandas.py');
    writeFileSync(script, PANDAS);
    const py = timed('/usr/bin/python3', [script, DATA], RUNS);
    console.log(`  same job in pandas: ${fmt(py.ms)}, peak memory ${(py.rss / MiB).toFixed(0)} MiB`);
    console.log(`  CLI / pandas: ${ratio(cli.ms, py.ms, 1.0)}`);
  } else console.log('  pandas not available (/usr/bin/python3 -c "import pandas" failed): no reference');
  rmSync(out, { recursive: true, force: true });
}

/**
 * Log-uniform values from 1.00 to 10,000,000.00 (in cents), names in no particular order:
 * mostly distinct values, with ties among the small ones, as customer data has.
 */
function synthetic(n: number): { units: Float64Array; names: string[] } {
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const units = new Float64Array(n);
  const names: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    units[i] = Math.round(Math.exp(Math.log(100) + rnd() * Math.log(1e7)));
    names[i] = `C${((i * 2654435761) >>> 0).toString(36)}`;
  }
  return { units, names };
}

/**
 * In a child process so its peak memory is its own. Prints JSON. With BENCH_ABC_BASELINE=FILE.ts
 * (e.g. an older abc.ts saved from git) that module's rankAbcScaled is timed in the same loop,
 * so before/after figures share the machine's load; its order and tiers must equal the engine's.
 */
async function engineChild(): Promise<void> {
  const n = 1_000_000;
  const { units, names } = synthetic(n);
  const baselineFile = process.env.BENCH_ABC_BASELINE;
  const baseline = baselineFile ? ((await import(path.resolve(baselineFile))) as { rankAbcScaled: typeof rankAbcScaled }).rankAbcScaled : undefined;
  const sorts: number[] = [];
  const engines: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < ENGINE_RUNS; i++) {
    let t = performance.now();
    const copy = Float64Array.from(units);
    copy.sort();
    sorts.push(performance.now() - t);
    t = performance.now();
    const r = rankAbcScaled(names, { units, scale: 2 }, DEFAULT_ABC_OPTIONS);
    engines.push(performance.now() - t);
    if (r.order.length !== n) throw new Error('lost customers');
    if (baseline) {
      t = performance.now();
      const b = baseline(names, { units, scale: 2 }, DEFAULT_ABC_OPTIONS);
      baselines.push(performance.now() - t);
      if (b.order.some((x, p) => x !== r.order[p]) || b.tier.some((x, p) => x !== r.tier[p])) throw new Error('the baseline ranks differently');
    }
  }
  const out = {
    sort: median(sorts),
    engine: median(engines),
    best: { sort: Math.min(...sorts), engine: Math.min(...engines), ...(baseline ? { baseline: Math.min(...baselines) } : {}) },
    rss: process.resourceUsage().maxRSS * 1024,
    ...(baseline ? { baseline: median(baselines) } : {}),
  };
  process.stdout.write(JSON.stringify(out));
}

function engineVsSort(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), __filename, '--child-engine'], { encoding: 'utf8', maxBuffer: 16 * MiB });
  if (r.status !== 0) throw new Error(r.stderr);
  const m = JSON.parse(r.stdout) as { sort: number; engine: number; rss: number; baseline?: number; best: { sort: number; engine: number; baseline?: number } };
  console.log(`abc engine on 1,000,000 synthetic customers (median of ${ENGINE_RUNS}): ${m.engine.toFixed(0)} ms; bare Float64Array sort of the same values: ${m.sort.toFixed(0)} ms`);
  console.log(`  engine / sort: ${ratio(m.engine, m.sort, 4)}; peak memory of that process ${(m.rss / MiB).toFixed(0)} MiB (target ≤ 1024)`);
  if (m.baseline !== undefined)
    console.log(`  baseline ${process.env.BENCH_ABC_BASELINE}: ${m.baseline.toFixed(0)} ms, baseline / sort: ${(m.baseline / m.sort).toFixed(2)}× (peak memory covers both)`);
  const b = m.best;
  console.log(
    `  best of ${ENGINE_RUNS} (least disturbed by other load): engine ${b.engine.toFixed(0)} ms, sort ${b.sort.toFixed(0)} ms, engine / sort ${(b.engine / b.sort).toFixed(2)}×` +
      (b.baseline !== undefined ? `; baseline ${b.baseline.toFixed(0)} ms, baseline / sort ${(b.baseline / b.sort).toFixed(2)}×` : ''),
  );
}

/** A sheet of the same size as the ABC table (rows × formula columns), every formula trivial. */
function trivialSheet(rows: number, formulaColumns: number): SheetSpec {
  const cells: SheetSpec['cells'] = [];
  for (let r = 1; r <= rows; r++) {
    cells.push({ ref: `A${r}`, value: r });
    for (let c = 0; c < formulaColumns; c++) cells.push({ ref: `${String.fromCharCode(66 + c)}${r}`, value: { formula: `A${r}+${c}` } });
  }
  return { name: 'Trivial', cells };
}

async function libreOffice(): Promise<void> {
  if (!sofficePath()) {
    console.log('abc LibreOffice recalculation: skipped (soffice not installed)');
    return;
  }
  const n = 50_000;
  const { units, names } = synthetic(n);
  const rows = Array.from({ length: n }, (_, i) => [names[i], units[i] / 100]);
  const result = await runAbc({ headers: ['Customer', 'Value'], rows });
  const sheet = buildAbcSheets(result, { lang: 'en-US' })[0];
  const first = 26;
  const formulaColumns = new Set(sheet.cells.filter((c) => typeof c.value === 'object' && c.value !== null && 'formula' in c.value && Number(c.ref.replace(/^[A-Z]+/, '')) >= first).map((c) => c.ref.replace(/\d+$/, ''))).size;
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-lo-'));
  const abcFile = path.join(dir, 'abc.xlsx');
  const trivialFile = path.join(dir, 'trivial.xlsx');
  const emptyFile = path.join(dir, 'empty.xlsx');
  writeFileSync(abcFile, await renderWorkbook({ sheets: [sheet] }));
  writeFileSync(trivialFile, await renderWorkbook({ sheets: [trivialSheet(n, formulaColumns)] }));
  writeFileSync(emptyFile, await renderWorkbook({ sheets: [{ name: 'E', cells: [{ ref: 'A1', value: 1 }] }] }));
  const time = async (file: string) => {
    const xs: number[] = [];
    for (let i = 0; i < Math.max(1, RUNS - 1); i++) {
      const t = performance.now();
      await recalc([file]);
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  const empty = await time(emptyFile);
  const abc = await time(abcFile);
  const trivial = await time(trivialFile);
  console.log(`abc LibreOffice load+recalc+save, 50,000 customers × ${formulaColumns} formula columns: ${fmt(abc)}; same-size trivial formulas: ${fmt(trivial)}; empty file: ${fmt(empty)}`);
  console.log(`  ABC / trivial: ${ratio(abc, trivial, 3)}; without LibreOffice's start-up (empty file subtracted): ${((abc - empty) / (trivial - empty)).toFixed(2)}×`);
  rmSync(dir, { recursive: true, force: true });
}

export async function run(): Promise<void> {
  cliVsPandas();
  engineVsSort();
  await libreOffice();
}

if (process.argv.includes('--child-engine'))
  engineChild().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
