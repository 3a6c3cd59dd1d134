/**
 * Supplier evaluation example recalculated in LibreOffice against hand-computed totals.
 * Weights (criteria in the order of docs/rules/templates/supplier-evaluation.md): 20, 15, 10, 10, 15, 15, 10, 5 %.
 * Scores           us  c1  c2  c3
 *   relationship    4   3   2   3
 *   after-sales     5   3   3   4
 *   position        3   5   3   4
 *   brand           3   5   3   4
 *   performance     4   4   3   5
 *   price           3   2   5   3
 *   supply          4   4   3   5
 *   speed           5   3   2   4
 */
import { getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { close, recalcVariants, type RecalcResult } from './recalc-example';

let r: Record<string, RecalcResult>;

beforeAll(async () => {
  r = await recalcVariants('supplier-evaluation', [
    { label: 'zh', lang: 'zh-CN' },
    { label: 'en', lang: 'en-US' },
    { label: 'zhWrongWeight', lang: 'zh-CN', edits: { B8: 0.25 } },
    { label: 'enWrongWeight', lang: 'en-US', edits: { B8: 0.25 } },
    { label: 'blank', lang: 'zh-CN', example: false },
    // A score of 8 for us on customer relationship: outside 1–5, fine on 0–10.
    { label: 'eightOnFive', lang: 'en-US', edits: { C8: 8 } },
    { label: 'eightOnTen', lang: 'en-US', edits: { C8: 8, B6: '0–10' } },
  ]);
}, 600_000);

// us: .2×4 + .15×5 + .1×3 + .1×3 + .15×4 + .15×3 + .1×4 + .05×5 = .8+.75+.3+.3+.6+.45+.4+.25 = 3.85
// c1: .6+.45+.5+.5+.6+.3+.4+.15 = 3.50; c2: .4+.45+.3+.3+.45+.75+.3+.1 = 3.05; c3: .6+.6+.4+.4+.75+.45+.5+.2 = 3.90
const TOTALS = [3.85, 3.5, 3.05, 3.9];
const RANKS = [2, 3, 4, 1];

test.each(['zh', 'en'])('%s: weight total, weighted totals and ranks', (label) => {
  const v = r[label].value;
  expect(r[label].errors).toEqual([]);
  close(v('B19'), 1);
  ['C19', 'D19', 'E19', 'F19'].forEach((ref, i) => close(v(ref), TOTALS[i]));
  expect(['C20', 'D20', 'E20', 'F20'].map(v)).toEqual(RANKS);
  expect(v('B21')).toBe(label === 'zh' ? '权重合计为 100%。' : 'Weights add up to 100%.');
  expect(v('B22')).toBe(label === 'zh' ? '所有评分都在 1–5 分范围内。' : 'All scores are on the 1–5 scale.');
  // The bidders' names are the header cells of their score columns.
  const names = label === 'zh' ? ['我方', '华远机械', '东成重工', '恒通汽车'] : ['Us', 'Huayuan Machinery', 'Dongcheng Heavy Industry', 'Hengtong Motors'];
  expect(['C7', 'D7', 'E7', 'F7'].map(v)).toEqual(names);
});

test('scores are checked against the scale chosen in one cell', () => {
  expect(r.eightOnFive.value('B22')).toBe('Error: 1 score(s) outside the 1–5 scale.');
  expect(r.eightOnTen.value('B22')).toBe('All scores are on the 0–10 scale.');
  // us: 3.85 + 0.2 × (8 − 4) = 4.65, now first
  close(r.eightOnTen.value('C19'), 4.65);
  expect(r.eightOnTen.value('C20')).toBe(1);
});

test.each([
  ['zhWrongWeight', '错误：权重合计为 105.0%，不是 100%，请调整权重。'],
  ['enWrongWeight', 'Error: weights add up to 105.0%, not 100%. Correct the weights.'],
])('%s: a weight total of 105 %% is reported as an error', (label, message) => {
  const v = r[label].value;
  close(v('B19'), 1.05);
  expect(v('B21')).toBe(message);
  // +5 points on customer relationship: us 3.85 + .05×4 = 4.05, c1 + .15, c2 + .10, c3 + .15 = 4.05 → us and c3 tie for first
  ['C19', 'D19', 'E19', 'F19'].forEach((ref, i) => close(v(ref), [4.05, 3.65, 3.15, 4.05][i]));
  expect(['C20', 'D20', 'E20', 'F20'].map(v)).toEqual([1, 3, 4, 1]);
});

test('the weight total and check cell turn red when the total is not 100 %', () => {
  const [sheet] = getTemplate('supplier-evaluation').build({ lang: 'zh-CN', example: true, today: FIXED_TODAY });
  const red = (sheet.conditionalFormats ?? []).filter((cf) => cf.ref === 'B19' || cf.ref === 'B21');
  expect(red.map((cf) => cf.ref).sort()).toEqual(['B19', 'B21']);
  for (const cf of red) expect(cf.rules[0]).toMatchObject({ type: 'expression', formula: 'AND(COUNT($B$8:$B$17)>0,ROUND($B$19,6)<>1)' });
});

test('a blank template asks for weights instead of showing totals', () => {
  const v = r.blank.value;
  expect(r.blank.errors).toEqual([]);
  expect(['C19', 'D19', 'E19', 'F19', 'C20', 'F20'].map(v)).toEqual(['', '', '', '', '', '']);
  expect(v('B21')).toBe('请填写各指标的权重，合计须为 100%。');
});

test('scores are validated 0–10 (the widest scale; the check row holds them to the chosen one), weights 0–100 %', () => {
  const [sheet] = getTemplate('supplier-evaluation').build({ lang: 'en-US', example: false, today: FIXED_TODAY });
  const byRef = new Map((sheet.validations ?? []).map((v) => [v.ref, v]));
  expect(byRef.get('B8:B17')?.rule).toEqual({ type: 'decimal', min: 0, max: 1 });
  for (const ref of ['C8:C17', 'D8:D17', 'E8:E17', 'F8:F17']) expect(byRef.get(ref)?.rule).toEqual({ type: 'decimal', min: 0, max: 10 });
  expect(byRef.get('C8:C17')?.error?.message).toBe('Enter a number between 0 and 10.');
  expect(byRef.get('B6')?.rule).toEqual({ type: 'list', values: ['1–5', '0–10'] });
  // Blank template: the header cells name us and the competitors, for the planner to overwrite.
  expect(sheet.tables![0].columns.map((c) => c.name).slice(2, 6)).toEqual(['Us', 'Competitor 1', 'Competitor 2', 'Competitor 3']);
});
