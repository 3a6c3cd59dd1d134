/**
 * Every `npx account-planner …` line of the README, run exactly as written (issue 16, item 1):
 * the lines are taken from the README's sh blocks, split into words by /bin/sh (so quoting is
 * read as a shell reads it), and run in order in a folder holding a copy of `examples/`, as a
 * newcomer would from the repository's folder. Each must exit 0 and leave what it promises: the
 * --out workbook (opened by ExcelJS), JSON for --json, a summary otherwise. The README cannot
 * drift from the program or from the example files again.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from './support/cli';

const ROOT = path.resolve(__dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README's command lines: inside ```sh blocks, starting with `npx account-planner`. */
function readmeCommands(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split('\n')).filter((l) => l.startsWith('npx account-planner '));
}

/** The words of a command line as /bin/sh splits them (quotes removed, no globbing). */
function shellWords(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `set -f; set -- ${line}; printf '%s\\0' "$@"`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const COMMANDS = readmeCommands();
const work = mkdtempSync(path.join(tmpdir(), 'ap-readme-'));
cpSync(path.join(ROOT, 'examples'), path.join(work, 'examples'), { recursive: true });

const cwd = process.cwd();
beforeAll(() => process.chdir(work));
afterAll(() => process.chdir(cwd));

test('the README shows every command and every bonus scheme, and every example file is used', () => {
  const words = COMMANDS.map(shellWords);
  const commands = new Set(words.map((w) => w[2]));
  for (const c of ['template', 'demo', 'abc', 'bonus', 'share-safe', 'relink']) expect(commands).toContain(c);
  const schemes = words.filter((w) => w[2] === 'bonus').map((w) => w[w.indexOf('--scheme') + 1]);
  expect(schemes.sort()).toEqual(['bad-debt', 'fees', 'new-brand', 'new-customer', 'referral']);
  const inputs = words.flatMap((w) => w.filter((_, i) => w[i - 1] === '--in')).filter((f) => f.startsWith('examples/'));
  expect(inputs.map((f) => path.basename(f)).sort()).toEqual(readdirSync(path.join(ROOT, 'examples')).sort());
});

describe.each(COMMANDS.map((line) => [line]))('%s', (line) => {
  test('exits 0 and leaves what it promises', async () => {
    const words = shellWords(line);
    expect(words.slice(0, 2)).toEqual(['npx', 'account-planner']);
    const args = words.slice(2);
    const out = args[args.indexOf('--out') + 1];
    const r = await cli(args);
    expect({ line, code: r.code, err: r.err }).toEqual({ line, code: 0, err: '' });
    if (args.includes('--out')) {
      expect(existsSync(out)).toBe(true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.length).toBeGreaterThan(0);
      expect(r.out).toContain(out);
    }
    if (args.includes('--json')) expect(() => JSON.parse(r.out)).not.toThrow();
    else expect(r.out.trim()).not.toBe('');
  });
});
