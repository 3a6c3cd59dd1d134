/**
 * The test-file naming convention (README, "Tests"): a file that starts LibreOffice is named
 * `*.lo.test.ts`, one that starts Chromium `*.browser.test.ts`, one that runs the webpack build
 * `*.build.test.ts` — `npm run test:unit` leaves those out. The helpers that start these tools call
 * `requireKind` so an unmarked file fails at once with the fix, instead of slowing the quick run.
 */
import path from 'node:path';

export type TestKind = 'lo' | 'browser' | 'build';

const NEEDS: Record<TestKind, string> = { lo: 'LibreOffice', browser: 'Chromium', build: 'the webpack build' };

export function requireKind(...allowed: TestKind[]): void {
  // Outside jest (npm run bench uses these helpers too) there is no test file to name.
  if (typeof expect === 'undefined') return;
  const file = expect.getState().testPath;
  if (!file) return;
  const kind = /\.(lo|browser|build)\.test\.tsx?$/.exec(file)?.[1] as TestKind | undefined;
  if (kind && allowed.includes(kind)) return;
  const need = allowed.map((k) => NEEDS[k]).join(' or ');
  throw new Error(`${path.basename(file)} uses ${need}: name it *.${allowed[0]}.test.ts (README, "Tests") so npm run test:unit leaves it out`);
}
