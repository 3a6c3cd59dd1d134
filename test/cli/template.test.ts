import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run';
import { TEMPLATES } from '../../src/sheets/templates/registry';
import { tempDir } from '../support/template-files';

function recorder() {
  const io = { stdout: '', stderr: '', out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

test('--list prints every kind with its zh-CN and en-US titles', async () => {
  const io = recorder();
  expect(await runCli(['template', '--list'], io)).toBe(0);
  const lines = io.stdout.trim().split('\n');
  expect(lines).toHaveLength(TEMPLATES.length);
  for (const def of TEMPLATES) {
    const line = lines.find((l) => l.startsWith(def.kind + ' '));
    expect(line).toContain(def.title['zh-CN']);
    expect(line).toContain(def.title['en-US']);
  }
});

test.each([
  [['template', 'nope', '--out', 'x.xlsx'], /Unknown template kind "nope"/],
  [['template', 'swot', '--lang', 'fr-FR', '--out', 'x.xlsx'], /Unknown language "fr-FR"/],
  [['template', 'swot'], /Missing --out/],
  [['template'], /Say which template/],
  [['demo'], /Missing --out/],
  [['template', 'swot', '--bogus'], /bogus/],
  [['frobnicate'], /Unknown command/],
])('bad usage %j exits 2 with a clear message', async (argv, message) => {
  const io = recorder();
  // Messages in English: --lang en-US unless the case is about --lang (the default is zh-CN).
  expect(await runCli(argv.includes('--lang') ? argv : [...argv, '--lang', 'en-US'], io)).toBe(2);
  expect(io.stderr).toMatch(message);
});

test('writes the template in the chosen language (zh-CN by default)', async () => {
  const dir = tempDir();
  const zh = path.join(dir, 'swot-zh.xlsx');
  const en = path.join(dir, 'swot-en.xlsx');
  expect(await runCli(['template', 'swot', '--example', '--out', zh], recorder())).toBe(0);
  expect(await runCli(['template', 'swot', '--lang', 'en-us', '--out', en], recorder())).toBe(0);
  const swot = TEMPLATES.find((d) => d.kind === 'swot')!;
  const [zhFirst] = swot.build({ lang: 'zh-CN', example: false });
  const [enFirst] = swot.build({ lang: 'en-US', example: false });
  expect((await sheetNames(zh))[0]).toBe(zhFirst.name);
  expect((await sheetNames(en))[0]).toBe(enFirst.name);
});

test('an existing file is kept unless --force, and no temp file is left behind', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'plan.xlsx');
  writeFileSync(out, 'precious');
  const io = recorder();
  expect(await runCli(['template', 'pipeline', '--out', out, '--lang', 'en-US'], io)).toBe(2);
  expect(io.stderr).toMatch(/already exists.*--force/);
  expect(readFileSync(out, 'utf8')).toBe('precious');
  expect(await runCli(['template', 'pipeline', '--out', out, '--force'], recorder())).toBe(0);
  expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  expect(readdirSync(dir)).toEqual(['plan.xlsx']);
});

test('a failed write leaves nothing behind', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'missing-folder', 'plan.xlsx');
  const io = recorder();
  expect(await runCli(['template', 'swot', '--out', out, '--lang', 'en-US'], io)).toBe(2);
  expect(io.stderr).toMatch(/Cannot write .*plan.xlsx/);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});

test('demo holds every template with examples', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'demo.xlsx');
  expect(await runCli(['demo', '--lang', 'en-US', '--out', out], recorder())).toBe(0);
  const expected = TEMPLATES.flatMap((d) => d.build({ lang: 'en-US', example: true })).length;
  expect(await sheetNames(out)).toHaveLength(expected);
});

test('the process exits with code 2 on bad usage', async () => {
  const run = promisify(execFile);
  const tsx = path.join(__dirname, '../../node_modules/.bin/tsx');
  const main = path.join(__dirname, '../../src/cli/main.ts');
  await expect(run(tsx, [main, 'template', 'nope', '--out', 'x.xlsx'])).rejects.toMatchObject({ code: 2 });
  const ok = await run(tsx, [main, 'template', '--list']);
  expect(ok.stdout).toContain('swot');
});
