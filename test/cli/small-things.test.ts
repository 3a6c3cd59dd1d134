/**
 * Issue 16, item 5 (the command line's part; "/" → the pane is test/dev-server.build.test.ts and
 * act() warnings fail any test through test/support/jest-setup.ts): plural forms in both
 * languages, errors naming the user's path and never our temporary file, an empty --out
 * refused, --out equal to an input refused even with --force, and temporary files left by a
 * killed run removed by the next run writing into the same folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cliMessages from '../../src/i18n/cli';
import { pluralTranslator } from '../../src/i18n/define';
import { removeStaleTempFiles, tempPathFor } from '../../src/xlsx/write-file';
import { cli } from '../support/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'ap-small-'));
const csv = path.join(dir, 'sales.csv');
writeFileSync(csv, 'Customer,Amount\nAcme,100\nBeta,x\nGamma,50\nDelta,10\n');

describe('plural forms', () => {
  test('English says 1 row, 2 rows; Chinese has one form', () => {
    const en = pluralTranslator(cliMessages, 'en-US');
    expect([en('rows', 1), en('rows', 2), en('rows', 0), en('customers', 1), en('lines', 1), en('cells', 1), en('notes', 2)]).toEqual([
      '1 row',
      '2 rows',
      '0 rows',
      '1 customer',
      '1 line',
      '1 cell',
      '2 notes',
    ]);
    const zh = pluralTranslator(cliMessages, 'zh-CN');
    expect([zh('rows', 1), zh('rows', 2), zh('customers', 1)]).toEqual(['1 行', '2 行', '1 个客户']);
  });

  test('abc prints "1 row rejected" and "1 customer", never "1 rows"', async () => {
    const r = await cli(['abc', '--in', csv, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 row rejected');
    // Acme and Gamma start below 80 % → A; Delta (ahead of it 150/160 = 93.75 %) → B, alone.
    expect(r.out).toContain('  B: 1 customer (33.3%)');
    expect(r.out).toContain('  A: 2 customers (');
    expect(r.out).not.toMatch(/\b1 (rows|customers|lines|cells|notes)\b/);
  });
});

describe('--out', () => {
  test.each([
    [['template', 'swot', '--out', '']],
    [['demo', '--out', '']],
    [['abc', '--in', csv, '--out', '']],
    [['bonus', '--scheme', 'fees', '--in', csv, '--out', '']],
    [['share-safe', '--in', csv, '--out', '']],
  ])('an empty --out is refused: %j', async (argv) => {
    const en = await cli([...argv, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('--out needs a file name.');
    expect((await cli(argv)).err).toContain('--out 需要一个文件名。');
  });

  test('--out naming an input is refused even with --force, and the input is untouched', async () => {
    const before = readFileSync(csv);
    for (const out of [csv, path.join(dir, '.', 'sales.csv'), path.relative(process.cwd(), csv)]) {
      const r = await cli(['abc', '--in', csv, '--out', out, '--force', '--lang', 'en-US']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('is the input file (--in ');
      expect(r.err).toContain('not even with --force');
    }
    const rules = path.join(dir, 'rules.json');
    writeFileSync(rules, '{}');
    const b = await cli(['bonus', '--scheme', 'fees', '--in', csv, '--rules', rules, '--out', rules, '--force', '--lang', 'en-US']);
    expect(b.code).toBe(2);
    expect(b.err).toContain(`(--rules ${rules})`);
    expect(readFileSync(csv).equals(before)).toBe(true);
    expect(readFileSync(rules, 'utf8')).toBe('{}');
  });

  test('a folder that cannot be written: the message names the user’s path, not the temporary file', async () => {
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const missing = path.join(dir, 'no-such-folder', 'plan.xlsx');
    try {
      const cases: [string, string][] = [[missing, 'the folder does not exist']];
      // root may write anywhere: the read-only folder only counts for other users.
      if (process.getuid?.() !== 0) cases.push([path.join(locked, 'plan.xlsx'), 'permission denied']);
      for (const [out, reason] of cases) {
        const r = await cli(['template', 'swot', '--out', out, '--lang', 'en-US']);
        expect(r.code).toBe(2);
        expect(r.err).toBe(`account-planner: Cannot write ${out}: ${reason}.\n`);
        expect(r.err).not.toMatch(/\.tmp|account-planner\.tmp/);
      }
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('temporary files of a killed run', () => {
  test('the next run into the same folder removes them; a write still going on is left alone', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ap-stale-'));
    const out = path.join(folder, 'plan.xlsx');
    // A process that has ended: its id cannot belong to a write in progress.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = tempPathFor(out, gone);
    writeFileSync(stale, 'half a workbook');
    // A running process (this test's parent) that started writing just now.
    const live = tempPathFor(path.join(folder, 'other.xlsx'), process.ppid);
    writeFileSync(live, 'being written');
    const unrelated = path.join(folder, '.notes.tmp');
    writeFileSync(unrelated, 'not ours');

    const r = await cli(['template', 'swot', '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['.notes.tmp', path.basename(live), 'plan.xlsx'].sort());
  });

  test('a temporary file older than a day is removed even if its process id is in use again', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ap-stale-'));
    const old = path.join(folder, `.plan.xlsx.${process.ppid}-${Date.now() - 2 * 24 * 3600 * 1000}.account-planner.tmp`);
    writeFileSync(old, 'x');
    expect(await removeStaleTempFiles(folder)).toEqual([old]);
  });

  test('a real killed run: the temporary file it left is gone after the next run', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ap-killed-'));
    // A child that creates its temporary file the way writeFileAtomic names it, then is killed.
    const child = spawnSync(
      process.execPath,
      ['-e', `require('fs').writeFileSync(require('path').join(${JSON.stringify(folder)}, '.plan.xlsx.' + process.pid + '-' + Date.now() + '.account-planner.tmp'), 'x'); process.kill(process.pid, 'SIGKILL');`],
    );
    expect(child.signal).toBe('SIGKILL');
    expect(readdirSync(folder)).toHaveLength(1);
    expect((await cli(['template', 'swot', '--out', path.join(folder, 'plan.xlsx')])).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['plan.xlsx']);
  });
});
