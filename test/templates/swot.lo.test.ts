/**
 * SWOT example recalculated in LibreOffice. Items (weight, score):
 * S: 40 % × 4, 35 % × 5, 25 % × 3 → 1.60 + 1.75 + 0.75 = 4.10
 * W: 50 % × 4, 30 % × 3, 20 % × 2 → 2.00 + 0.90 + 0.40 = 3.30
 * O: 60 % × 5, 40 % × 3 → 3.00 + 1.20 = 4.20
 * T: 50 % × 4, 50 % × 3 → 2.00 + 1.50 = 3.50
 * internal S − W = +0.80, external O − T = +0.70 → SO.
 */
import { getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { close, recalcVariants, type RecalcResult } from './recalc-example';

let r: Record<string, RecalcResult>;

beforeAll(async () => {
  r = await recalcVariants('swot', [
    { label: 'zh', lang: 'zh-CN' },
    { label: 'en', lang: 'en-US' },
    // O1 score 5 → 1: O = 0.60 + 1.20 = 1.80, external −1.70 → ST
    { label: 'st', lang: 'en-US', edits: { D18: 1 } },
    // S1 score 4 → 1: S = 0.40 + 1.75 + 0.75 = 2.90, internal −0.40 → WO
    { label: 'wo', lang: 'zh-CN', edits: { D8: 1 } },
    { label: 'wt', lang: 'zh-CN', edits: { D8: 1, D18: 1 } },
    { label: 'blank', lang: 'zh-CN', example: false },
    // S scored but not weighted: before the fix S counted as 0 and the sheet said WO (S − W = −3.30).
    { label: 'sNoWeights', lang: 'zh-CN', edits: { C8: null, C9: null, C10: null } },
    // W weights 50 + 30 + 40 = 120 %.
    { label: 'w120', lang: 'en-US', edits: { I10: 0.4 } },
  ]);
}, 600_000);

test.each(['zh', 'en'])('%s: weighted items, quadrant sums, balances and the suggested strategy', (label) => {
  const v = r[label].value;
  expect(r[label].errors).toEqual([]);
  close(v('E8'), 1.6);
  close(v('E9'), 1.75);
  expect(v('E11')).toBe('');
  close(v('C13'), 1);
  close(v('E13'), 4.1);
  close(v('K13'), 3.3);
  close(v('E23'), 4.2);
  close(v('K23'), 3.5);
  close(v('C26'), 0.8);
  close(v('C27'), 0.7);
  expect(v('C28')).toBe(label === 'zh' ? 'SO 增长型：发挥优势，抓住机会' : 'SO – growth: use strengths to seize opportunities');
  // Every quadrant complete: no check message.
  expect(['A14', 'G14', 'A24', 'G24'].map(v)).toEqual(['', '', '', '']);
});

test('the suggestion follows the balances into ST, WO and WT', () => {
  close(r.st.value('C27'), -1.7);
  expect(r.st.value('C28')).toBe('ST – diversify: use strengths to counter threats');
  close(r.wo.value('C26'), -0.4);
  expect(r.wo.value('C28')).toBe('WO 扭转型：利用机会，弥补劣势');
  expect(r.wt.value('C28')).toBe('WT 防御型：减少劣势，回避威胁');
});

test('a quadrant scored without weights leaves the direction blank and says which quadrant needs weights', () => {
  const v = r.sNoWeights.value;
  expect(v('A14')).toBe('S：请为每个已评分的项目填写权重。');
  expect(v('C26')).toBe('');
  close(v('C27'), 0.7);
  expect(v('C28')).toBe('请先补全 S 的权重和评分。');
});

test('weights not totalling 100 % are flagged and stop the suggestion', () => {
  const v = r.w120.value;
  close(v('I13'), 1.2);
  expect(v('G14')).toBe('W: weights add up to 120%, not 100%.');
  expect(v('C26')).toBe('');
  expect(v('C28')).toBe('Complete the weights and scores of W first.');
});

test('a blank SWOT shows no sums and no suggestion', () => {
  const v = r.blank.value;
  expect(r.blank.errors).toEqual([]);
  for (const ref of ['E8', 'C13', 'E13', 'K13', 'E23', 'K23', 'C26', 'C27', 'C28', 'A14', 'G24']) expect(v(ref)).toBe('');
});

test('four SWOT tables and four TOWS strategy tables, with unique names', () => {
  const [sheet] = getTemplate('swot').build({ lang: 'zh-CN', example: false, today: FIXED_TODAY });
  expect(sheet.tables?.map((t) => [t.name, t.ref])).toEqual([
    ['Swot_Strengths', 'A7:E12'],
    ['Swot_Weaknesses', 'G7:K12'],
    ['Swot_Opportunities', 'A17:E22'],
    ['Swot_Threats', 'G17:K22'],
    ['Swot_SO', 'A32:E35'],
    ['Swot_WO', 'G32:K35'],
    ['Swot_ST', 'A38:E41'],
    ['Swot_WT', 'G38:K41'],
  ]);
});
