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
    { label: 'st', lang: 'en-US', edits: { D17: 1 } },
    // S1 score 4 → 1: S = 0.40 + 1.75 + 0.75 = 2.90, internal −0.40 → WO
    { label: 'wo', lang: 'zh-CN', edits: { D8: 1 } },
    { label: 'wt', lang: 'zh-CN', edits: { D8: 1, D17: 1 } },
    { label: 'blank', lang: 'zh-CN', example: false },
  ]);
}, 120_000);

test.each(['zh', 'en'])('%s: weighted items, quadrant sums, balances and the suggested strategy', (label) => {
  const v = r[label].value;
  expect(r[label].errors).toEqual([]);
  close(v('E8'), 1.6);
  close(v('E9'), 1.75);
  expect(v('E11')).toBe('');
  close(v('C13'), 1);
  close(v('E13'), 4.1);
  close(v('K13'), 3.3);
  close(v('E22'), 4.2);
  close(v('K22'), 3.5);
  close(v('C24'), 0.8);
  close(v('C25'), 0.7);
  expect(v('C26')).toBe(label === 'zh' ? 'SO 增长型：发挥优势，抓住机会' : 'SO – growth: use strengths to seize opportunities');
});

test('the suggestion follows the balances into ST, WO and WT', () => {
  close(r.st.value('C25'), -1.7);
  expect(r.st.value('C26')).toBe('ST – diversify: use strengths to counter threats');
  close(r.wo.value('C24'), -0.4);
  expect(r.wo.value('C26')).toBe('WO 扭转型：利用机会，弥补劣势');
  expect(r.wt.value('C26')).toBe('WT 防御型：减少劣势，回避威胁');
});

test('a blank SWOT shows no sums and no suggestion', () => {
  const v = r.blank.value;
  expect(r.blank.errors).toEqual([]);
  for (const ref of ['E8', 'C13', 'E13', 'K13', 'E22', 'K22', 'C24', 'C25', 'C26']) expect(v(ref)).toBe('');
});

test('four SWOT tables and four TOWS strategy tables, with unique names', () => {
  const [sheet] = getTemplate('swot').build({ lang: 'zh-CN', example: false, today: FIXED_TODAY });
  expect(sheet.tables?.map((t) => [t.name, t.ref])).toEqual([
    ['Swot_Strengths', 'A7:E12'],
    ['Swot_Weaknesses', 'G7:K12'],
    ['Swot_Opportunities', 'A16:E21'],
    ['Swot_Threats', 'G16:K21'],
    ['Swot_SO', 'A30:E33'],
    ['Swot_WO', 'G30:K33'],
    ['Swot_ST', 'A36:E39'],
    ['Swot_WT', 'G36:K39'],
  ]);
});
