/**
 * BCG example recalculated in LibreOffice. Products (sales, growth, our share, largest competitor):
 * light trucks      12,000,000   4 %  18 %  12 % → RSM 1.50, cash cow
 * new-energy vans    5,000,000  35 %  15 %  10 % → RSM 1.50, star
 * refrigerated       3,000,000  15 %   5 %  20 % → RSM 0.25, question mark
 * mid-size buses     1,500,000   2 %   4 %  16 % → RSM 0.25, dog
 * spare parts        2,500,000  10 %  10 %  10 % → RSM 1.00, star (both splits count as high)
 */
import { bcgQuadrant, relativeMarketShare, type BcgQuadrant } from '../../src/domain/planning/bcg-quadrant';
import { getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { close, recalcVariants, type RecalcResult } from './recalc-example';

let r: Record<string, RecalcResult>;

beforeAll(async () => {
  r = await recalcVariants('bcg', [
    { label: 'zh', lang: 'zh-CN' },
    { label: 'en', lang: 'en-US' },
    // growth split raised to 20 %: refrigerated (15 %) → dog, spare parts (10 %) → cash cow
    { label: 'split20', lang: 'en-US', edits: { B7: 0.2 } },
    { label: 'blank', lang: 'zh-CN', example: false },
    // No competitor for light trucks (growth 4 %) and spare parts (growth 10 %): before the fix
    // both had no relative share and no quadrant.
    { label: 'leader', lang: 'en-US', edits: { E10: 0, E14: 0 } },
    { label: 'leaderZh', lang: 'zh-CN', edits: { E14: 0 } },
  ]);
}, 600_000);

const ROWS: [number, number, number][] = [
  [0.04, 0.18, 0.12],
  [0.35, 0.15, 0.1],
  [0.15, 0.05, 0.2],
  [0.02, 0.04, 0.16],
  [0.1, 0.1, 0.1],
];
const RSM = [1.5, 1.5, 0.25, 0.25, 1];
const EXPECTED: BcgQuadrant[] = ['cashCow', 'star', 'questionMark', 'dog', 'star'];
const NAMES = {
  zh: { star: '明星', questionMark: '问题', cashCow: '现金牛', dog: '瘦狗' },
  en: { star: 'Star', questionMark: 'Question mark', cashCow: 'Cash cow', dog: 'Dog' },
} as const;

test('the pure rule agrees with the hand-worked quadrants', () => {
  expect(ROWS.map(([g, ours, theirs]) => bcgQuadrant(g, relativeMarketShare(ours, theirs)!))).toEqual(EXPECTED);
  expect(relativeMarketShare(0.1, 0)).toBeNull();
});

test.each(['zh', 'en'] as const)('%s: relative market share and quadrant per product', (label) => {
  const v = r[label].value;
  expect(r[label].errors).toEqual([]);
  ['F10', 'F11', 'F12', 'F13', 'F14'].forEach((ref, i) => close(v(ref), RSM[i]));
  expect(['G10', 'G11', 'G12', 'G13', 'G14'].map(v)).toEqual(EXPECTED.map((q) => NAMES[label][q]));
  expect([v('F15'), v('G15'), v('H15')]).toEqual(['', '', '']);
});

test.each(['zh', 'en'] as const)('%s: portfolio summary per quadrant', (label) => {
  const v = r[label].value;
  // star 2 (5,000,000 + 2,500,000), question mark 1 (3,000,000), cash cow 1 (12,000,000), dog 1 (1,500,000); total 24,000,000
  expect(['A25', 'A26', 'A27', 'A28'].map(v)).toEqual([NAMES[label].star, NAMES[label].questionMark, NAMES[label].cashCow, NAMES[label].dog]);
  expect(['B25', 'B26', 'B27', 'B28'].map(v)).toEqual([2, 1, 1, 1]);
  expect(['C25', 'C26', 'C27', 'C28'].map(v)).toEqual([7500000, 3000000, 12000000, 1500000]);
  ['D25', 'D26', 'D27', 'D28'].forEach((ref, i) => close(v(ref), [0.3125, 0.125, 0.5, 0.0625][i]));
});

test('the growth split is a rule cell the quadrants follow', () => {
  const v = r.split20.value;
  const t = { growthSplit: 0.2, rsmSplit: 1 };
  const expected = ROWS.map(([g, ours, theirs]) => NAMES.en[bcgQuadrant(g, relativeMarketShare(ours, theirs)!, t)]);
  expect(expected).toEqual(['Cash cow', 'Star', 'Dog', 'Dog', 'Cash cow']);
  expect(['G10', 'G11', 'G12', 'G13', 'G14'].map(v)).toEqual(expected);
});

test('a largest-competitor share of 0 means we lead: said in the cell, counted as high share', () => {
  const v = r.leader.value;
  expect(r.leader.errors).toEqual([]);
  expect([v('F10'), v('F14')]).toEqual(['Leader, no competitor', 'Leader, no competitor']);
  expect([v('G10'), v('G14')]).toEqual(['Cash cow', 'Star']);
  // The bubble chart's hidden x column puts a leader at the right end of its 0.1–10 axis.
  expect([v('J10'), v('J14')]).toEqual([10, 10]);
  close(v('J11'), 1.5);
  expect(['B25', 'B26', 'B27', 'B28'].map(v)).toEqual([2, 1, 1, 1]);
  expect(r.leaderZh.value('F14')).toBe('领先，无竞争对手');
  expect(r.leaderZh.value('G14')).toBe('明星');
});

test('a blank template has no quadrants and no shares', () => {
  const v = r.blank.value;
  expect(r.blank.errors).toEqual([]);
  expect([v('F10'), v('G10'), v('H10'), v('D25')]).toEqual(['', '', '', '']);
  expect(['B25', 'B26', 'B27', 'B28'].map(v)).toEqual([0, 0, 0, 0]);
});

test('thresholds are named input cells and the bubble chart plots RSM on a log axis', () => {
  const [sheet] = getTemplate('bcg').build({ lang: 'en-US', example: false, today: FIXED_TODAY });
  expect(sheet.names).toEqual([
    { name: 'Bcg_GrowthSplit', ref: '$B$7' },
    { name: 'Bcg_RsmSplit', ref: '$F$7' },
  ]);
  const cell = (ref: string) => sheet.cells.find((c) => c.ref === ref)!;
  expect([cell('B7').value, cell('F7').value]).toEqual([0.1, 1]);
  expect(cell('B7').style?.locked).toBe(false);
  expect(cell('G10').value).toEqual({ formula: expect.stringContaining('Bcg_GrowthSplit') });
  expect(sheet.columns?.find((c) => c.index === 10)).toMatchObject({ hidden: true });
  expect(sheet.charts).toEqual([
    expect.objectContaining({
      kind: 'bubble',
      categories: 'J10:J21',
      series: [expect.objectContaining({ values: 'C10:C21', sizes: 'B10:B21' })],
      xAxis: expect.objectContaining({ log: true, min: 0.1, max: 10 }),
    }),
  ]);
});
