/**
 * Opportunity and threat matrices recalculated in LibreOffice.
 * Opportunities (attractiveness, success): H H → pursue; H L → improve odds; L H → quick win; L L → ignore; H L → improve odds.
 * Threats (severity, probability): H H → major; H L → monitor; L H → routine; H H → major.
 */
import { opportunityQuadrant, threatQuadrant, type Level } from '../../src/domain/planning/opportunity-threat-quadrant';
import { recalcVariants, type RecalcResult } from './recalc-example';

let r: Record<string, RecalcResult>;

beforeAll(async () => {
  r = await recalcVariants('opportunity-threat', [
    { label: 'zh', lang: 'zh-CN' },
    { label: 'en', lang: 'en-US' },
    { label: 'blank', lang: 'en-US', example: false },
  ]);
}, 600_000);

const OPP: [Level, Level][] = [
  ['high', 'high'],
  ['high', 'low'],
  ['low', 'high'],
  ['low', 'low'],
  ['high', 'low'],
];
const THR: [Level, Level][] = [
  ['high', 'high'],
  ['high', 'low'],
  ['low', 'high'],
  ['high', 'high'],
];
const NAMES = {
  zh: {
    pursue: '最佳机会', improveOdds: '提升胜算', quickWin: '顺手机会', ignore: '暂不考虑',
    contingencyPlan: '主要威胁', monitor: '密切监控', routine: '常规应对', negligible: '可以忽略',
  },
  en: {
    pursue: 'Pursue', improveOdds: 'Improve odds', quickWin: 'Quick win', ignore: 'Ignore',
    contingencyPlan: 'Major threat', monitor: 'Monitor', routine: 'Routine', negligible: 'Negligible',
  },
} as const;

test('the pure rules give the hand-worked quadrants', () => {
  expect(OPP.map(([a, p]) => opportunityQuadrant(a, p))).toEqual(['pursue', 'improveOdds', 'quickWin', 'ignore', 'improveOdds']);
  expect(THR.map(([s, p]) => threatQuadrant(s, p))).toEqual(['contingencyPlan', 'monitor', 'routine', 'contingencyPlan']);
});

test.each(['zh', 'en'] as const)('%s: quadrant per opportunity and per threat', (label) => {
  const v = r[label].value;
  expect(r[label].errors).toEqual([]);
  expect(['D8', 'D9', 'D10', 'D11', 'D12'].map(v)).toEqual(OPP.map(([a, p]) => NAMES[label][opportunityQuadrant(a, p)]));
  expect(['D27', 'D28', 'D29', 'D30'].map(v)).toEqual(THR.map(([s, p]) => NAMES[label][threatQuadrant(s, p)]));
  expect([v('D13'), v('D31')]).toEqual(['', '']);
});

test.each(['zh', 'en'] as const)('%s: 2×2 counts', (label) => {
  const v = r[label].value;
  // opportunities: pursue 1 | improve odds 2 / quick win 1 | ignore 1
  expect([v('B22'), v('C22'), v('D22'), v('E22')]).toEqual([NAMES[label].pursue, 1, NAMES[label].improveOdds, 2]);
  expect([v('B23'), v('C23'), v('D23'), v('E23')]).toEqual([NAMES[label].quickWin, 1, NAMES[label].ignore, 1]);
  // threats: major 2 | monitor 1 / routine 1 | negligible 0
  expect([v('B41'), v('C41'), v('D41'), v('E41')]).toEqual([NAMES[label].contingencyPlan, 2, NAMES[label].monitor, 1]);
  expect([v('B42'), v('C42'), v('D42'), v('E42')]).toEqual([NAMES[label].routine, 1, NAMES[label].negligible, 0]);
});

test('a blank template shows no quadrants and zero counts', () => {
  const v = r.blank.value;
  expect(r.blank.errors).toEqual([]);
  expect([v('D8'), v('D27')]).toEqual(['', '']);
  expect([v('C22'), v('E22'), v('C23'), v('E23'), v('C41'), v('E41'), v('C42'), v('E42')]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
});
