/**
 * Issue 16, items 2 and 3: help on every command (exit 0), unknown options and commands with the
 * nearest spelling and the usage (exit 2), no arguments → usage on stderr (exit 2); one output
 * language for every line — --lang if given, else zh-CN — and every message in both languages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cliMessages from '../../src/i18n/cli';
import cliHelp from '../../src/i18n/cli-help';
import { cli } from '../support/cli';

const COMMANDS = ['template', 'demo', 'abc', 'bonus', 'share-safe'] as const;
const HAN = /[\u4e00-\u9fff]/;

describe('--help', () => {
  const HELP_CASES: [string[]][] = [[[]], ...COMMANDS.map((c): [string[]] => [[c]])];
  test.each(HELP_CASES)('%j --help prints the usage on stdout and exits 0, in either language', async (cmd) => {
    for (const flag of ['--help', '-h']) {
      const zh = await cli([...cmd, flag]);
      expect({ code: zh.code, err: zh.err }).toEqual({ code: 0, err: '' });
      expect(zh.out).toMatch(/^用法：account-planner/);
      const en = await cli([...cmd, flag, '--lang', 'en-US']);
      expect({ code: en.code, err: en.err }).toEqual({ code: 0, err: '' });
      expect(en.out).toMatch(/^Usage: account-planner/);
      expect(en.out).not.toMatch(/用法/);
    }
  });

  test('every command’s help states the language rule', async () => {
    for (const cmd of [[], ...COMMANDS.map((c) => [c])] as string[][]) {
      expect((await cli([...cmd, '--help', '--lang', 'en-US'])).out).toMatch(/zh-CN/);
      expect((await cli([...cmd, '--help'])).out).toMatch(/默认 zh-CN|不指定时为\s*zh-CN/);
    }
    expect((await cli(['--help', '--lang', 'en-US'])).out).toMatch(/without it, zh-CN \(whatever the machine's language\)/);
  });

  test('the top-level usage agrees with each command: abc does not require --customer or --value', async () => {
    const top = (await cli(['--help', '--lang', 'en-US'])).out;
    expect(top).toMatch(/abc --in FILE \[--out FILE\.xlsx\]/);
    expect(top).not.toMatch(/abc[^\n]*--customer COL --value/);
    expect(top).toMatch(/share-safe --in FILE\.xlsx --out FILE\.xlsx/);
  });
});

describe('bad usage', () => {
  test('no arguments: the usage on stderr, nothing on stdout, exit 2', async () => {
    const r = await cli([]);
    expect(r).toEqual({ code: 2, out: '', err: translator('zh-CN')('usage') });
  });

  test.each([
    [['abc', '--outt', 'x.xlsx'], '--outt', '--out', 'abc'],
    [['abc', '--custommer', 'X'], '--custommer', '--customer', 'abc'],
    [['bonus', '--schem', 'fees'], '--schem', '--scheme', 'bonus'],
    [['template', 'swot', '--exmaple'], '--exmaple', '--example', 'template'],
    [['demo', '--froce'], '--froce', '--force', 'demo'],
    [['share-safe', '--in', 'a.xlsx', '--ot', 'b.xlsx'], '--ot', '--out', 'share-safe'],
  ])('%j: unknown option, the nearest suggested, the command’s usage shown, exit 2', async (argv, wrong, right, command) => {
    const en = await cli([...argv, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.out).toBe('');
    expect(en.err).toContain(`Unknown option ${wrong}. Did you mean ${right}?`);
    expect(en.err).toContain(`Usage: account-planner ${command}`);
    const zh = await cli(argv);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain(`未知选项 ${wrong}。您是想用 ${right} 吗？`);
    expect(zh.err).toContain(`用法：account-planner ${command}`);
  });

  test('an option far from every known one gets no suggestion, still the usage', async () => {
    const r = await cli(['abc', '--zzzzzzzz', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown option --zzzzzzzz.');
    expect(r.err).not.toContain('Did you mean');
    expect(r.err).toContain('Usage: account-planner abc');
  });

  test('an unknown command suggests the nearest and shows the top-level usage', async () => {
    const r = await cli(['bonsu', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown command "bonsu". Did you mean "bonus"?');
    expect(r.err).toContain('Usage: account-planner COMMAND');
    const tpl = await cli(['template', 'swto', '--out', 'x.xlsx', '--lang', 'en-US']);
    expect(tpl.code).toBe(2);
    expect(tpl.err).toContain('Did you mean "swot"?');
  });
});

describe('output language: --lang, else zh-CN', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-cli-lang-'));
  const csv = path.join(dir, 'sales.csv');
  writeFileSync(csv, '客户,金额\n华为,100\n腾讯,300\n小米,abc\n');

  test('without --lang every line abc prints is Chinese, whatever the machine’s locale', async () => {
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
    process.env.LANG = process.env.LC_ALL = 'en_US.UTF-8';
    try {
      const r = await cli(['abc', '--in', csv]);
      expect(r.code).toBe(0);
      const lines = r.out.trim().split('\n');
      for (const line of lines) expect(line).toMatch(HAN);
      expect(r.out).toContain('剔除 1 行');
      expect(r.out).toContain('第 4 行');
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  test('with --lang en-US no line of abc or bonus output is Chinese except the data’s own names', async () => {
    const r = await cli(['abc', '--in', csv, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.out.replace(/客户|金额|华为|腾讯|小米/g, '')).not.toMatch(HAN);
    const b = await cli(['bonus', '--scheme', 'new-brand', '--in', csv, '--lang', 'en-US']);
    expect(b.code).toBe(2);
    expect(b.err.replace(/"[^"]*"/g, '')).not.toMatch(HAN);
  });

  test('a missing exchange rate is said in the language asked for, like every other error', async () => {
    const f = path.join(dir, 'nb.csv');
    writeFileSync(f, 'rep,contract,date,amount,currency,margin\nLi,C1,2026-01-10,100,USD,30%\n');
    const en = await cli(['bonus', '--scheme', 'new-brand', '--in', f, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/USD/);
    expect(en.err.replace(/account-planner: /, '')).not.toMatch(HAN);
    const zh = await cli(['bonus', '--scheme', 'new-brand', '--in', f]);
    expect(zh.code).toBe(2);
    expect(zh.err).toMatch(HAN);
  });

  test('a --lang that is not a language is refused in both languages', async () => {
    const r = await cli(['abc', '--in', csv, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown language "fr"');
    expect(r.err).toContain('未知语言“fr”');
  });

  test('every message and help text exists in both languages with the same placeholders', () => {
    for (const catalog of [cliMessages, cliHelp]) {
      const en = catalog['en-US'] as Record<string, string>;
      const zh = catalog['zh-CN'] as Record<string, string>;
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(en)) {
        expect({ key, params: params(zh[key]) }).toEqual({ key, params: params(en[key]) });
        // A message with words of its own (not only placeholders and option names) is translated.
        const words = /[a-z]{3,}/i.test(en[key].replace(/\{\w+\}|--[\w-]+/g, ''));
        if (words) expect({ key, zh: zh[key] }).toEqual({ key, zh: expect.stringMatching(HAN) });
      }
    }
  });
});

function translator(lang: 'zh-CN' | 'en-US') {
  return (key: keyof (typeof cliHelp)['en-US']) => cliHelp[lang][key];
}
