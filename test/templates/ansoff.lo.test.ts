/**
 * Ansoff example recalculated in LibreOffice. Initiatives (product, market, expected sales):
 * 1 existing, existing, 800,000 → market penetration
 * 2 new, existing, 1,500,000 → product development
 * 3 existing, new, 1,200,000 → market development
 * 4 new, new, 3,000,000 → diversification
 * 5 existing, existing, 600,000 → market penetration
 */
import { ansoffQuadrant, type AnsoffQuadrant, type Novelty } from '../../src/domain/planning/ansoff-quadrant';
import { recalcVariants, type RecalcResult } from './recalc-example';

let r: Record<string, RecalcResult>;

beforeAll(async () => {
  r = await recalcVariants('ansoff', [
    { label: 'zh', lang: 'zh-CN' },
    { label: 'en', lang: 'en-US' },
    // initiative 5 switched to a new market: penetration 1 (800,000), market development 2 (1,800,000)
    { label: 'moved', lang: 'en-US', edits: { D11: 'New' } },
    { label: 'blank', lang: 'zh-CN', example: false },
  ]);
}, 600_000);

const NAMES: Record<'zh' | 'en', Record<AnsoffQuadrant, string>> = {
  zh: { marketPenetration: '市场渗透', productDevelopment: '产品开发', marketDevelopment: '市场开发', diversification: '多元化' },
  en: {
    marketPenetration: 'Market penetration',
    productDevelopment: 'Product development',
    marketDevelopment: 'Market development',
    diversification: 'Diversification',
  },
};
const FLAGS: [Novelty, Novelty][] = [
  ['existing', 'existing'],
  ['new', 'existing'],
  ['existing', 'new'],
  ['new', 'new'],
  ['existing', 'existing'],
];
const EXPECTED: AnsoffQuadrant[] = ['marketPenetration', 'productDevelopment', 'marketDevelopment', 'diversification', 'marketPenetration'];

test('the pure rule agrees with the hand-worked quadrants', () => {
  expect(FLAGS.map(([p, m]) => ansoffQuadrant(p, m))).toEqual(EXPECTED);
});

test.each(['zh', 'en'] as const)('%s: quadrant and risk per initiative', (label) => {
  const v = r[label].value;
  expect(r[label].errors).toEqual([]);
  expect(['E7', 'E8', 'E9', 'E10', 'E11'].map(v)).toEqual(EXPECTED.map((q) => NAMES[label][q]));
  const [low, medium, high] = label === 'zh' ? ['低', '中', '高'] : ['Low', 'Medium', 'High'];
  expect(['F7', 'F8', 'F9', 'F10', 'F11'].map(v)).toEqual([low, medium, medium, high, low]);
  expect([v('E12'), v('F12'), v('E18')]).toEqual(['', '', '']);
});

test.each(['zh', 'en'] as const)('%s: 2×2 summary counts and sales per quadrant', (label) => {
  const v = r[label].value;
  expect(v('C22')).toBe(NAMES[label].marketPenetration);
  expect(v('E22')).toBe(NAMES[label].productDevelopment);
  expect(v('C25')).toBe(NAMES[label].marketDevelopment);
  expect(v('E25')).toBe(NAMES[label].diversification);
  // market penetration 2 (800,000 + 600,000) | product development 1 (1,500,000)
  // market development 1 (1,200,000)        | diversification 1 (3,000,000)
  expect([v('C24'), v('D24'), v('E24'), v('F24')]).toEqual([2, 1400000, 1, 1500000]);
  expect([v('C27'), v('D27'), v('E27'), v('F27')]).toEqual([1, 1200000, 1, 3000000]);
});

test('changing a market flag moves the initiative and the counts', () => {
  const v = r.moved.value;
  expect(v('E11')).toBe('Market development');
  expect([v('C24'), v('D24'), v('C27'), v('D27')]).toEqual([1, 800000, 2, 1800000]);
});

test('a blank template counts zero everywhere and shows no quadrant', () => {
  const v = r.blank.value;
  expect(r.blank.errors).toEqual([]);
  expect([v('E7'), v('F7')]).toEqual(['', '']);
  expect([v('C24'), v('D24'), v('E24'), v('F24'), v('C27'), v('D27'), v('E27'), v('F27')]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
});
