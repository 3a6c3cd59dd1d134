/**
 * `npm run bench bonus-out`: `bonus --scheme new-customer --out` (the compiled CLI writing the
 * bonus workbook, its bonus sheet, orders sheet and statements streamed as row blocks with
 * values the engine worked out) on synthetic order lines, nearly every customer new
 * (writeOrdersCsv of bonus.ts: as many customers drawn as there are lines), with its wall time
 * and peak memory (max RSS of the child, /usr/bin/time); `bonus --json` on the same file beside it.
 *
 * Reference, measured in the same run on the same file: pandas reads the lines and settles each
 * rep–customer pair, XlsxWriter in constant_memory mode writes the same sheets with the same kind
 * of formulas and their values (bonus_xlsxwriter.py). Targets: peak memory ≤ 1.5 GiB for --out and
 * --json; the time is printed as a ratio to the reference.
 * Sizes: BENCH_BONUS_OUT_LINES=100000,1000000 (default 100,000); the reference runs on sizes up to
 * BENCH_BONUS_OUT_REFERENCE_UP_TO (default 100,000). Timing never fails anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOrdersCsv } from './bonus';
import { compileCli, fmt, MiB, ratio, timed } from './cli-process';

const SIZES = (process.env.BENCH_BONUS_OUT_LINES ?? '100000').split(',').map(Number);
const REFERENCE_UP_TO = Number(process.env.BENCH_BONUS_OUT_REFERENCE_UP_TO ?? 100_000);
const RUNS = Number(process.env.BENCH_BONUS_OUT_RUNS ?? 1);
const LIMIT = 1.5 * 1024 * MiB;

const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
const met = (rss: number) => `(target ≤ 1536 MiB${rss <= LIMIT ? ', met' : ', NOT met'})`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-bonus-out-'));
  try {
    const main = compileCli(path.join(dir, 'build'));
    const hasReference = spawnSync('/usr/bin/python3', ['-c', 'import pandas, xlsxwriter'], { stdio: 'ignore' }).status === 0;
    for (const lines of SIZES) {
      const input = path.join(dir, `orders-${lines}.csv`);
      writeOrdersCsv(input, lines);
      const out = path.join(dir, `bonus-${lines}.xlsx`);
      const args = ['bonus', '--scheme', 'new-customer', '--in', input, '--fx', 'USD=7.1', '--lang', 'en-US'];
      const ours = timed(process.execPath, [main, ...args, '--out', out, '--force'], RUNS);
      const size = statSync(out).size;
      rmSync(out, { force: true });
      const json = timed(process.execPath, [main, ...args, '--json'], RUNS);
      const n = lines.toLocaleString('en-US');
      console.log(`bonus --scheme new-customer --out, ${n} order lines: ${fmt(ours.ms)}, peak memory ${mib(ours.rss)} ${met(ours.rss)}, file ${mib(size)}`);
      console.log(`  bonus --json on the same file: ${fmt(json.ms)}, peak memory ${mib(json.rss)} ${met(json.rss)}`);
      if (lines > REFERENCE_UP_TO) continue;
      if (!hasReference) console.log('  pandas + XlsxWriter not available (/usr/bin/python3 -c "import pandas, xlsxwriter" failed): no reference');
      else {
        const reference = path.join(dir, 'reference.xlsx');
        const ref = timed('/usr/bin/python3', [path.join(__dirname, 'bonus_xlsxwriter.py'), input, reference], RUNS);
        console.log(`  pandas + XlsxWriter (constant_memory), same sheets and formulas: ${fmt(ref.ms)}, peak memory ${mib(ref.rss)}, file ${mib(statSync(reference).size)}`);
        console.log(`  bonus --out / reference: ${ratio(ours.ms, ref.ms, 1.0)}`);
        rmSync(reference, { force: true });
      }
      rmSync(input, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
