/**
 * The pane's layout rules, checked against ESLint itself and the source: pages, components and
 * services never reach src/office (only src/taskpane/host loads it), hook dependencies are
 * complete and never silenced, and message keys are never built as strings and cast.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');

type Message = { rule: string | null; severity: number };

/**
 * Lints snippets as if they were files of the repo, with the repo's eslint.config.mjs, in a
 * child Node (ESLint loads its config with import(), which Jest's module system does not run).
 */
function lint(snippets: { file: string; code: string }[]): Message[][] {
  const script = `
    import { ESLint } from 'eslint';
    const snippets = JSON.parse(await new Promise((r) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => r(s)); }));
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of snippets) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.map((m) => ({ rule: m.ruleId, severity: m.severity })));
    }
    process.stdout.write(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repo,
    input: JSON.stringify(snippets.map((s) => ({ ...s, file: path.join(repo, s.file) }))),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Message[][];
}

const officeImport = (up: number) =>
  `import { OfficeHost } from '${'../'.repeat(up)}office/office-host';\nexport const h = OfficeHost;\n`;
const restricted = { rule: '@typescript-eslint/no-restricted-imports', severity: 2 };
const refused: [string, number][] = [
  ['src/taskpane/components/Bad.tsx', 2],
  ['src/taskpane/pages/bonus/Bad.tsx', 3],
  ['src/taskpane/services/bad.ts', 2],
  ['src/taskpane/app/bad.ts', 2],
  ['src/taskpane/preview/bad.ts', 2],
];
const hookCode = `import { useEffect } from 'react';\nexport function useX(n: number) {\n  useEffect(() => console.log(n), []);\n}\n`;

let results: Message[][] = [];
beforeAll(() => {
  results = lint([
    ...refused.map(([file, up]) => ({ file, code: officeImport(up) })),
    { file: 'src/taskpane/host/ok.ts', code: officeImport(2) },
    { file: 'src/taskpane/pages/abc/use-x.ts', code: hookCode },
  ]);
}, 120_000);

test.each(refused.map(([file], i) => [file, i] as const))('%s may not import src/office', (_file, i) => {
  expect(results[i]).toContainEqual(restricted);
});

test('src/taskpane/host may (it loads the Excel host)', () => {
  expect(results[refused.length]).toEqual([]);
});

test('a hook with a missing dependency fails the lint', () => {
  expect(results[refused.length + 1]).toContainEqual({ rule: 'react-hooks/exhaustive-deps', severity: 2 });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

test('no silenced hook dependencies and no message key built as a string and cast, anywhere in the pane', () => {
  const files = sources(path.join(repo, 'src', 'taskpane'));
  expect(files.length).toBeGreaterThan(40);
  const offending = files.flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    const found: string[] = [];
    if (/eslint-disable[^\n]*exhaustive-deps/.test(text)) found.push(`${f}: exhaustive-deps silenced`);
    if (/\bt\(\s*`[^`]*\$\{[^`]*`\s+as\s/.test(text)) found.push(`${f}: message key cast`);
    return found;
  });
  expect(offending).toEqual([]);
});
