/** Helpers of the benchmarks that run the compiled CLI (or a reference) as a child process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = path.resolve(__dirname, '../..');
export const MiB = 1024 * 1024;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (a: number, b: number, target: number) => `${(a / b).toFixed(2)}× (target ≤ ${target}×)`;

/** Compiles the CLI into `outDir`; returns the path of its main.js. */
export function compileCli(outDir: string): string {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'ignore' });
  } catch {
    // tsc exits non-zero on type errors anywhere in src but still emits JavaScript.
  }
  const main = path.join(outDir, 'cli/main.js');
  if (!existsSync(main)) throw new Error('the CLI did not compile');
  return main;
}

/** Runs a command `runs` times under /usr/bin/time; median wall time and the largest max RSS of the child. */
export function timed(cmd: string, args: string[], runs: number): { ms: number; rss: number } {
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * MiB,
      stdio: ['ignore', 'ignore', 'pipe'],
      // The compiled CLI lives in a temp folder: let it find the project's packages.
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
    const kb = Number(r.stderr.trim().split('\n').pop());
    rss = Math.max(rss, kb * 1024);
  }
  return { ms: median(times), rss };
}
