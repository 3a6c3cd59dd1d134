/**
 * `abc --compare` without --json: the summary text follows --lang (the hand-worked case of
 * test/domain/abc/tier-migration.test.ts and test/cli/abc-compare.lo.test.ts: Gamma up B→A,
 * Zeta new, Delta lost; visits 13 → 15 at the default quotas 4/2/1).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-compare-text-');
const file = (name: string) => path.join(dir, name);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

beforeAll(() => {
  writeFileSync(file('q1.csv'), 'Customer,Amount\nAlpha,500\nBeta,300\nGamma,100\nDelta,60\nEps,40\n');
  writeFileSync(file('q2.csv'), 'Customer,Amount\nALPHA,200\nBeta,500\nGamma,150\nZeta,100\nEps,50\n');
});

/** The comparison's lines: from its summary line to the end. */
const comparison = (out: string, first: string) => out.slice(out.indexOf(first)).trimEnd().split('\n');

test('en-US: counts, the before/after matrix, visits and who moved', async () => {
  const r = await cli(['abc', '--in', file('q2.csv'), '--compare', file('q1.csv'), '--lang', 'en-US']);
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(comparison(r.out, 'Compared with')).toEqual([
    'Compared with the previous run: 1 up, 0 down, 1 new, 1 lost, 3 unchanged',
    '  before\\after      A     B     C (none)',
    '  A                2     0     0     0',
    '  B                1     0     0     1',
    '  C                0     0     1     0',
    '  (none)           0     1     0     -',
    'Visits per month (A 4, B 2, C 1): 13 → 15 (+2)',
    '  Gamma: B → A Up, value +50, visits +2',
    '  Zeta: - → B New, value +100, visits +2',
    '  Delta: B → - Lost, value -60, visits -2',
  ]);
});

test('zh-CN: the same comparison in Chinese, no English words left', async () => {
  const r = await cli(['abc', '--in', file('q2.csv'), '--compare', file('q1.csv'), '--lang', 'zh-CN']);
  expect(r).toMatchObject({ code: 0, err: '' });
  const lines = comparison(r.out, '与上次结果相比');
  expect(lines[0]).toBe('与上次结果相比：升级 1，降级 0，新增 1，流失 1，不变 3');
  expect(lines[1]).toBe('  之前\\之后        A     B     C （无）');
  expect(lines[5]).toBe('  （无）           0     1     0     -');
  expect(lines[6]).toBe('每月拜访次数（A 4，B 2，C 1）：13 → 15（+2）');
  expect(lines.slice(7)).toEqual(['  Gamma：B → A 升级，金额 +50，拜访 +2', '  Zeta：- → B 新增，金额 +100，拜访 +2', '  Delta：B → - 流失，金额 -60，拜访 -2']);
  expect(lines.join('\n')).not.toMatch(/Compared|Visits|value|visits|before|after|none/);
});
