/**
 * The production build the browser tests run against: built here when dist/ is missing or
 * older than the sources, under a lock so parallel test files do not build twice.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { requireKind } from '../../support/test-kind';

export const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist');
const INPUTS = ['src', 'package.json', 'package-lock.json', 'webpack.config.js', 'tsconfig.json', 'manifest.xml'];
const LOCK = path.join(tmpdir(), `ap-dist-build-${Buffer.from(ROOT).toString('hex').slice(-16)}.lock`);

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const e of readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

export function distIsFresh(): boolean {
  const built = path.join(DIST, 'taskpane.html');
  if (!existsSync(built)) return false;
  return statSync(built).mtimeMs >= Math.max(...INPUTS.map((i) => newest(path.join(ROOT, i))));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureDist(): Promise<string> {
  requireKind('build', 'browser');
  for (;;) {
    if (distIsFresh()) return DIST;
    try {
      mkdirSync(LOCK);
    } catch {
      // Someone else is building; a lock older than 10 minutes is stale.
      if (Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      if (!distIsFresh())
        await promisify(execFile)(
          process.execPath,
          [path.join(ROOT, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production'],
          {
            cwd: ROOT,
            maxBuffer: 64 * 1024 * 1024,
            timeout: 600_000,
          },
        );
      return DIST;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
