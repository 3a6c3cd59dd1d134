/**
 * `npm run bench bonus`: the bonus engine on 1,000,000 synthetic order lines (cells as a CSV
 * reader yields them: text), against one bare pass over the same lines summing their amounts,
 * measured in the same run. The reference for the target is the plain pass — Number() and += on
 * each amount, the median of three runs of it — target ≤ 10×; the engine itself sums money
 * exactly all the same. The pass that sums exactly with one Decimal per line (parseMoney +
 * Decimal) is printed for comparison.
 * Peak memory ≤ 1 GiB. Then `bonus --json` end to end on a file (see runCliEntry). The lines are generated on the fly (as a file would stream them), so the
 * input itself is never held in memory by the benchmark; the bare passes pay for generating
 * the lines too.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../../src/cli/run';
import { readInput, readOptions } from '../../src/cli/read-input';
import { runBonus } from '../../src/domain/bonus/run';
import type { BonusScheme } from '../../src/domain/bonus/line';
import { Decimal } from '../../src/domain/exact/decimal';
import { serialToIso } from '../../src/domain/parse/parse-date';
import { parseMoney } from '../../src/domain/parse/parse-number';

const LINES = Number(process.env.BENCH_BONUS_LINES ?? 1_000_000);
/** Distinct customers among the lines (default ~10 orders each); BENCH_BONUS_CUSTOMERS=1000000 makes nearly every line a new customer. */
const CUSTOMERS = Number(process.env.BENCH_BONUS_CUSTOMERS ?? LINES / 10);
const START = 46023; // 2026-01-01

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATES = Array.from({ length: 366 }, (_, i) => serialToIso(START + i));
const REPS = Array.from({ length: 200 }, (_, i) => `Rep ${i}`);
const MARGINS = Array.from({ length: 3000 }, (_, i) => `${(i / 100).toFixed(2)}%`);
const PREPAY = Array.from({ length: 101 }, (_, i) => `${i}%`);

const HEADERS: Record<'new-customer' | 'new-brand', string[]> = {
  'new-customer': ['rep', 'customer', 'date', 'amount', 'currency', 'margin', 'prepayment', 'customer_type', 'self_developed'],
  'new-brand': ['rep', 'contract', 'date', 'amount', 'currency', 'margin'],
};

/** Order lines: 100,000 customers with ~10 orders each (or `customers`), amounts with cents, a few in USD. */
export function* orderLines(scheme: 'new-customer' | 'new-brand', customers = CUSTOMERS, lines = LINES): Generator<unknown[]> {
  const rnd = prng(20260101);
  for (let i = 0; i < lines; i++) {
    const c = Math.floor(rnd() * customers);
    const rep = REPS[c % REPS.length];
    const date = DATES[Math.floor(rnd() * 366)];
    const amount = (Math.floor(rnd() * 20_000_000) / 100).toFixed(2);
    const currency = rnd() < 0.1 ? 'USD' : 'CNY';
    const margin = MARGINS[Math.floor(rnd() * 3000)];
    if (scheme === 'new-brand') yield [rep, `HT-${c}`, date, amount, currency, margin];
    else yield [rep, `Customer ${c}`, date, amount, currency, margin, PREPAY[Math.floor(rnd() * 101)], c % 3 ? 'trade' : 'industrial', c % 7 ? 'yes' : 'no'];
  }
}

function floatPass(scheme: 'new-customer' | 'new-brand'): number {
  let sum = 0;
  for (const cells of orderLines(scheme)) sum += Number(cells[3]);
  return sum;
}

function exactPass(scheme: 'new-customer' | 'new-brand'): Decimal {
  let sum = new Decimal(0);
  for (const cells of orderLines(scheme)) {
    const m = parseMoney(cells[3]);
    if (m.ok) sum = sum.plus(m.value.amount);
  }
  return sum;
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

/** Peak RSS is the process's high-water mark (getrusage): the bare passes before it stay far below it. */
async function timeAsync<T>(f: () => Promise<T>): Promise<{ ms: number; value: T; peakRss: number }> {
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  return { ms, value, peakRss: process.resourceUsage().maxRSS * 1024 };
}

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Figures {
  scheme: string;
  engineMs: number;
  exactMs: number;
  floatMs: number;
  peakRss: number;
  rows: number;
  lines: number;
  eligible: number;
  rejected: number;
}

/** One scheme in this process: both bare passes, then the engine (peak RSS is per process). */
async function measure(scheme: 'new-customer' | 'new-brand'): Promise<Figures> {
  // The float pass is short, so one run of it is at the mercy of whatever else the machine is
  // doing for that half second: the median of three is the reference.
  const floats = [time(() => floatPass(scheme)), time(() => floatPass(scheme)), time(() => floatPass(scheme))].sort((a, b) => a.ms - b.ms);
  const float = floats[1];
  const exact = time(() => exactPass(scheme));
  if (Math.abs(float.value - exact.value.toNumber()) > 1) throw new Error('the two bare passes disagree');
  const engine = await timeAsync(() =>
    runBonus(scheme as BonusScheme, { headers: HEADERS[scheme], rows: orderLines(scheme) }, { fx: { USD: new Decimal('7.1') }, lang: 'en-US' }),
  );
  const r = engine.value;
  return {
    scheme,
    engineMs: engine.ms,
    exactMs: exact.ms,
    floatMs: float.ms,
    peakRss: engine.peakRss,
    rows: r.rowsRead,
    lines: r.lines.length,
    eligible: r.lines.filter((l) => l.eligible).length,
    rejected: r.rejected.count,
  };
}

/**
 * `bonus --json` end to end on a file of LINES new-customer order lines, nearly every customer
 * new (LINES customers drawn LINES times: ~632,000 customer lines for a million), in a child
 * process of its own: its time and peak RSS (target ≤ 1.5 GiB). The reference, measured in the
 * same run and also in a child of its own: the same file read by the same reader, every amount
 * summed as a float — what reading alone costs.
 */
export function writeOrdersCsv(file: string, lines = LINES): void {
  const fd = openSync(file, 'w');
  let chunk = `${HEADERS['new-customer'].join(',')}\n`;
  for (const cells of orderLines('new-customer', lines, lines)) {
    chunk += `${cells.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

interface CliFigures {
  ms: number;
  peakRss: number;
  /** Bytes written (the CLI) or rows read (the reference). */
  size: number;
}

async function cliJson(file: string): Promise<CliFigures> {
  const fd = openSync(path.join(path.dirname(file), 'out.json'), 'w');
  let size = 0;
  const t0 = performance.now();
  const code = await runCli(['bonus', '--scheme', 'new-customer', '--in', file, '--fx', 'USD=7.1', '--json', '--lang', 'en-US'], {
    out: (t) => {
      size += t.length;
      writeSync(fd, t);
    },
    err: (t) => process.stderr.write(t),
  });
  closeSync(fd);
  if (code !== 0) throw new Error(`bonus --json exited ${code}`);
  return { ms: performance.now() - t0, peakRss: process.resourceUsage().maxRSS * 1024, size };
}

async function readOnly(file: string): Promise<CliFigures> {
  const t0 = performance.now();
  let sum = 0;
  let rows = 0;
  await readInput(file, readOptions({}, 'en-US'), 'en-US', async (table) => {
    for await (const batch of table.batches)
      for (const r of batch) {
        sum += Number(r.cells[3]);
        rows++;
      }
  });
  if (!Number.isFinite(sum)) throw new Error('the reference pass read no amounts');
  return { ms: performance.now() - t0, peakRss: process.resourceUsage().maxRSS * 1024, size: rows };
}

function child<T>(...args: string[]): T {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

function runCliEntry(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-bonus-'));
  try {
    const file = path.join(dir, 'orders.csv');
    writeOrdersCsv(file);
    const ref = child<CliFigures>('--read-only', file);
    const cli = child<CliFigures>('--cli-json', file);
    console.log(`  bonus --json, ${LINES.toLocaleString('en-US')} new-customer order lines (${ref.size.toLocaleString('en-US')} rows read, ${mib(cli.size)} of JSON):`);
    console.log(`    command: ${secs(cli.ms)}, peak RSS ${mib(cli.peakRss)} (target ≤ 1536 MiB)`);
    console.log(`    reference, the same file read and its amounts summed: ${secs(ref.ms)}, peak RSS ${mib(ref.peakRss)}`);
    console.log(`    → ${(cli.ms / ref.ms).toFixed(2)}× the reference's time, ${(cli.peakRss / ref.peakRss).toFixed(2)}× its peak memory`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(`bonus: ${LINES.toLocaleString('en-US')} synthetic order lines, each scheme in its own process`);
  const only = process.env.BENCH_BONUS_SCHEMES?.split(',');
  for (const scheme of (['new-customer', 'new-brand'] as const).filter((s) => !only || only.includes(s))) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', scheme], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const f = JSON.parse(out.trim().split('\n').pop()!) as Figures;
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(`  ${scheme}: engine ${secs(f.engineMs)} (${n(f.rows)} rows → ${n(f.lines)} lines, ${n(f.eligible)} eligible, ${f.rejected} rejected)`);
    console.log(`    bare pass, float sum:          ${secs(f.floatMs)}  → ratio ${(f.engineMs / f.floatMs).toFixed(2)}× (target ≤ 10×; median of 3 passes)`);
    console.log(`    bare pass, Decimal per line:   ${secs(f.exactMs)}  → ratio ${(f.engineMs / f.exactMs).toFixed(2)}× (for comparison)`);
    console.log(`    peak RSS of the process:       ${mib(f.peakRss)} (target ≤ 1024 MiB)`);
  }
  if (!only || only.includes('cli-json')) runCliEntry();
}

/** What a child process runs: argv[2] names it, argv[3] is its argument; it prints its figures as JSON. */
const CHILD_ENTRIES: Record<string, (arg: string) => Promise<unknown>> = {
  '--child': (scheme) => measure(scheme as 'new-customer' | 'new-brand'),
  '--cli-json': cliJson,
  '--read-only': readOnly,
};
if (require.main === module && process.argv[2] in CHILD_ENTRIES)
  CHILD_ENTRIES[process.argv[2]](process.argv[3]).then(
    (f) => console.log(JSON.stringify(f)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
