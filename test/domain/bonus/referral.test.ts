import type { ReferralLine } from '../../../src/domain/bonus/line';
import { defaultRules, type BonusRules } from '../../../src/domain/bonus/rules';
import { runBonus } from '../../../src/domain/bonus/run';
import { isoToSerial, serialToIso } from '../../../src/domain/parse/parse-date';

const HEADERS = ['推荐人', '被推荐人', '首次来访日期', '首访登记', '付款日期'];

async function run(rows: unknown[][], rules?: BonusRules, period?: string) {
  const r = await runBonus('referral', { headers: HEADERS, rows }, { rules, period, lang: 'en-US' });
  return { ...r, lines: r.lines as ReferralLine[] };
}

function campaign(start: string, end: string): BonusRules {
  const rules = defaultRules();
  rules.referral.campaignStart = isoToSerial(start);
  rules.referral.campaignEnd = isoToSerial(end);
  return rules;
}

describe('referral reward (老带新)', () => {
  const rules = campaign('2026-07-13', '2026-10-13');

  test('paid, registered on the first visit, first visit inside the campaign → ¥3,000, due within 5 days', async () => {
    const r = await run([['Old Zhang', 'New Li', '2026-07-13', '是', '2026-08-01']], rules);
    const l = r.lines[0];
    expect([l.eligible, l.bonus.toString(), serialToIso(l.payBy!)]).toEqual([true, '3000', '2026-08-06']);
    expect(l.reason).toBe(
      'referred buyer New Li → ¥3,000; paid on 2026-08-01; registered on the first visit; first visit 2026-07-13 within the campaign 2026-07-13–2026-10-13; pay by 2026-08-06',
    );
    expect(r.byRep).toEqual([{ rep: 'Old Zhang', bonus: l.bonus, lines: 1, eligible: 1 }]);
  });

  test.each([
    [['A', 'B', '2026-10-14', 'yes', '2026-10-20'], 'no bonus: first visit 2026-10-14 outside the campaign 2026-07-13–2026-10-13'],
    [['A', 'B', '2026-07-12', 'yes', '2026-07-20'], 'no bonus: first visit 2026-07-12 outside the campaign 2026-07-13–2026-10-13'],
    [['A', 'B', '2026-08-01', 'no', '2026-08-02'], 'no bonus: not registered on the first visit'],
    [['A', 'B', '2026-08-01', 'yes', ''], 'no bonus: the buyer has not paid yet'],
    [['A', 'B', '', 'yes', '2026-08-02'], 'no bonus: first visit date missing'],
  ])('%j → %s', async (row, reason) => {
    const l = (await run([row], rules)).lines[0];
    expect([l.eligible, l.bonus.toString(), l.reason]).toEqual([false, '0', reason]);
  });

  test('a buyer referred twice earns one reward, for the first row', async () => {
    const r = await run(
      [
        ['A', 'Buyer', '2026-08-01', 'yes', '2026-08-02'],
        ['B', 'buyer ', '2026-08-03', 'yes', '2026-08-04'],
      ],
      rules,
    );
    expect(r.lines.map((l) => [l.rep, l.bonus.toString(), l.duplicateOf])).toEqual([
      ['A', '3000', null],
      ['B', '0', 2],
    ]);
    expect(r.lines[1].reason).toBe('no bonus: buyer was already referred (row 2)');
  });

  test('without campaign dates in the rules the date test is skipped and the reason says so', async () => {
    const l = (await run([['A', 'B', '2020-01-01', 'yes', '2020-01-02']])).lines[0];
    expect(l.eligible).toBe(true);
    expect(l.reason).toContain('campaign dates not set in the rules, so not checked');
  });

  test('the period selects by payment date (visit date while unpaid)', async () => {
    const rows = [
      ['A', 'B1', '2026-08-01', 'yes', '2026-10-02'],
      ['A', 'B2', '2026-08-01', 'yes', '2026-09-30'],
      ['A', 'B3', '2026-09-01', 'yes', ''],
    ];
    expect((await run(rows, rules, '2026Q3')).lines.map((l) => l.key)).toEqual(['B2', 'B3']);
  });

  test('a yes/no cell that is neither is set aside with its row', async () => {
    const r = await run([['A', 'B', '2026-08-01', 'maybe', '2026-08-02']], rules);
    expect(r.rejected.rows).toEqual([{ row: 2, reason: '首访登记 "maybe" is not yes or no' }]);
  });
});
