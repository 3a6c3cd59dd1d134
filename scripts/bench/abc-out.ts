/**
 * `npm run bench abc-out`: `abc --out` (the compiled CLI writing the result workbook, its
 * customer table streamed) on synthetic sales lines of 172,800, 200,000 and 1,000,000
 * customers (400,000 lines for 172,800, the same lines per customer for the others), each
 * with its wall time and peak memory (max RSS of the child process, /usr/bin/time).
 *
 * Reference, measured in the same run on the 172,800-customer file: pandas reads the same lines
 * and ranks the customers, XlsxWriter in constant_memory mode writes the same rows with the same
 * kind of formulas and their values (abc_xlsxwriter.py). Targets: time ≤ 1.0× the reference,
 * peak memory ≤ 1 GiB; the larger files must complete.
 * Sizes: BENCH_ABC_OUT_CUSTOMERS=172800,200000 (default all three). Timing never fails anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeAbcLines } from './abc-lines';
import { compileCli, fmt, MiB, ratio, timed } from './cli-process';

const SIZES = (process.env.BENCH_ABC_OUT_CUSTOMERS ?? '172800,200000,1000000').split(',').map(Number);
const LINES_PER_CUSTOMER = 400_000 / 172_800;
const REFERENCE_SIZE = 172_800;
const RUNS = Number(process.env.BENCH_ABC_OUT_RUNS ?? 1);
const GiB = 1024 * MiB;

const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-abc-out-'));
  try {
    const main = compileCli(path.join(dir, 'build'));
    const hasReference = spawnSync('/usr/bin/python3', ['-c', 'import pandas, xlsxwriter'], { stdio: 'ignore' }).status === 0;
    for (const customers of SIZES) {
      const lines = Math.round(customers * LINES_PER_CUSTOMER);
      const input = path.join(dir, `sales-${customers}.csv`);
      await writeAbcLines(input, customers, lines);
      const out = path.join(dir, `abc-${customers}.xlsx`);
      const ours = timed(process.execPath, [main, 'abc', '--in', input, '--customer', 'customer', '--value', 'amount', '--out', out, '--force'], RUNS);
      const size = statSync(out).size;
      console.log(
        `abc --out, ${customers.toLocaleString('en-US')} customers (${lines.toLocaleString('en-US')} lines): ${fmt(ours.ms)}, peak memory ${mib(ours.rss)} (target ≤ 1024 MiB${ours.rss <= GiB ? ', met' : ', NOT met'}), file ${mib(size)}`,
      );
      if (customers === REFERENCE_SIZE) {
        if (!hasReference) console.log('  pandas + XlsxWriter not available (/usr/bin/python3 -c "import pandas, xlsxwriter" failed): no reference');
        else {
          const ref = timed('/usr/bin/python3', [path.join(__dirname, 'abc_xlsxwriter.py'), input, path.join(dir, 'reference.xlsx')], RUNS);
          console.log(`  pandas + XlsxWriter (constant_memory), same rows and formulas: ${fmt(ref.ms)}, peak memory ${mib(ref.rss)}`);
          console.log(`  abc --out / reference: ${ratio(ours.ms, ref.ms, 1.0)}`);
        }
      }
      rmSync(out, { force: true });
      rmSync(input, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
