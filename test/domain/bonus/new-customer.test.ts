import fc from 'fast-check';
import { edate } from '../../../src/domain/calendar';
import type { NewCustomerLine } from '../../../src/domain/bonus/line';
import { defaultRules } from '../../../src/domain/bonus/rules';
import { runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';
import { isoToSerial, serialToIso } from '../../../src/domain/parse/parse-date';

const HEADERS = ['rep', 'customer', 'date', 'amount', 'currency', 'margin', 'prepayment', 'customer_type', 'self_developed'];
type Order = [rep: string, customer: string, date: string, amount: string, margin: string, prepayment?: string, type?: string, self?: string];

async function run(orders: Order[], options: { period?: string; asOf?: number } = {}) {
  const rows = orders.map(([rep, customer, date, amount, margin, prepayment = '', type = 'trade', self = 'yes']) => [
    rep, customer, date, amount, 'CNY', margin, prepayment, type, self,
  ]);
  const r = await runBonus('new-customer', { headers: HEADERS, rows }, { lang: 'en-US', fx: { USD: new Decimal('7.1') }, ...options });
  return { ...r, lines: r.lines as NewCustomerLine[] };
}
const line = async (orders: Order[]) => (await run(orders)).lines[0];

describe('new-customer bonus, exact reading of docs/rules/bonus/new-customer.md', () => {
  test('exactly 300,000 RMB in the window → ¥2,500 (tiers include their lower bound)', async () => {
    const l = await line([
      ['Li', 'X', '2026-01-05', '100,000', '12%'],
      ['Li', 'X', '2026-02-05', '100,000', '12%'],
      ['Li', 'X', '2026-03-05', '100,000', '12%'],
    ]);
    expect(l.eligible).toBe(true);
    expect(l.bonus.toString()).toBe('2500');
    expect(l.reason).toBe(
      '¥300,000 in band ≥ 300,000 → ¥2,500; 3 orders from 2026-01-05 to 2026-04-04 (at least 3); weighted margin 12 % ≥ 10 %; bonus quarter 2026Q2, paid in 2026-07',
    );
  });

  test.each([
    ['299,999.99', '1500'],
    ['200,000', '1500'],
    ['199,999.99', '1000'],
    ['100,000', '1000'],
  ])('sum %s → ¥%s', async (total, bonus) => {
    const third = new Decimal(total.replace(/,/g, '')).minus(100_000).toFixed(2);
    const l = await line([
      ['Li', 'X', '2026-01-05', '50,000', '12%'],
      ['Li', 'X', '2026-01-06', '50,000', '12%'],
      ['Li', 'X', '2026-01-07', third, '12%'],
    ]);
    expect(l.bonus.toString()).toBe(bonus);
  });

  test('the third order one day outside the window (on EDATE(d0, 3)) → not eligible; one day earlier → eligible', async () => {
    const orders = (third: string): Order[] => [
      ['Li', 'X', '2026-01-31', '150,000', '12%'],
      ['Li', 'X', '2026-02-15', '150,000', '12%'],
      ['Li', 'X', third, '150,000', '12%'],
    ];
    // EDATE(2026-01-31, 3) = 2026-04-30 (clamped): the window is 2026-01-31 … 2026-04-29.
    expect(serialToIso(edate(isoToSerial('2026-01-31'), 3))).toBe('2026-04-30');
    const out = await line(orders('2026-04-30'));
    expect(out.eligible).toBe(false);
    expect(out.ordersInWindow).toBe(2);
    expect(out.sumCny.toString()).toBe('300000');
    expect(out.reason).toBe('no bonus: only 2 orders from 2026-01-31 to 2026-04-29 (at least 3 needed)');
    const inside = await line(orders('2026-04-29'));
    expect(inside.eligible).toBe(true);
    expect(inside.bonus.toString()).toBe('2500');
  });

  test('the tier uses the sum inside the window only', async () => {
    const l = await line([
      ['Li', 'X', '2026-01-05', '100,000', '12%'],
      ['Li', 'X', '2026-01-06', '100,000', '12%'],
      ['Li', 'X', '2026-01-07', '50,000', '12%'],
      ['Li', 'X', '2026-06-01', '900,000', '12%'],
    ]);
    expect(l.sumCny.toString()).toBe('250000');
    expect(l.bonus.toString()).toBe('1500');
  });

  test('the margin is weighted by amount, not the plain mean', async () => {
    // Plain mean (30 + 5 + 5) / 3 = 13.3 % would pass; weighted (10k×30 % + 2×145k×5 %) / 300k = 5.83 % fails.
    const low = await line([
      ['Li', 'X', '2026-01-05', '10,000', '30%'],
      ['Li', 'X', '2026-01-06', '145,000', '5%'],
      ['Li', 'X', '2026-01-07', '145,000', '5%'],
    ]);
    expect(low.margin!.toFixed(6)).toBe('0.058333');
    expect(low.eligible).toBe(false);
    expect(low.reason).toContain('weighted margin 5.83 % < 10 %');
    // Plain mean (2 + 2 + 30) / 3 = 11.3 % and weighted (2×10k×2 % + 280k×30 %) / 300k = 28.1 %: both pass.
    // The reverse: plain mean (2 + 2 + 20) / 3 = 8 % would fail, weighted (2×5k×2 % + 290k×20 %) / 300k = 19.4 % passes.
    const high = await line([
      ['Li', 'X', '2026-01-05', '5,000', '2%'],
      ['Li', 'X', '2026-01-06', '5,000', '2%'],
      ['Li', 'X', '2026-01-07', '290,000', '20%'],
    ]);
    expect(high.eligible).toBe(true);
    expect(high.bonus.toString()).toBe('2500');
  });

  test('prepayment: industrial customers need ≥ 50 % on the first order; others need none', async () => {
    const orders = (prepay: string, type: string): Order[] => [
      ['Li', 'X', '2026-01-05', '100,000', '12%', prepay, type],
      ['Li', 'X', '2026-02-05', '100,000', '12%', '0%', type],
      ['Li', 'X', '2026-03-05', '100,000', '12%', '0%', type],
    ];
    expect((await line(orders('50%', 'industrial'))).eligible).toBe(true);
    expect((await line(orders('50%', '工业'))).eligible).toBe(true);
    const low = await line(orders('49.99%', 'Industrial'));
    expect(low.eligible).toBe(false);
    expect(low.reason).toBe('no bonus: industrial customer, first-order prepayment 49.99 % < 50 %');
    expect((await line(orders('', 'industrial'))).reason).toBe('no bonus: industrial customer without a prepayment share on the first order');
    expect((await line(orders('0%', 'trade'))).eligible).toBe(true);
    // Only the first order's prepayment counts.
    const later: Order[] = [
      ['Li', 'X', '2026-01-05', '100,000', '12%', '10%', 'industrial'],
      ['Li', 'X', '2026-02-05', '100,000', '12%', '100%', 'industrial'],
      ['Li', 'X', '2026-03-05', '100,000', '12%', '100%', 'industrial'],
    ];
    expect((await line(later)).eligible).toBe(false);
  });

  test.each([
    ['2026-01-01', '2026-03-31', '2026Q1', '2026-04'],
    ['2026-01-02', '2026-04-01', '2026Q2', '2026-07'],
    ['2025-11-30', '2026-02-27', '2026Q1', '2026-04'],
    ['2025-10-15', '2026-01-14', '2026Q1', '2026-04'],
    ['2025-09-01', '2025-11-30', '2025Q4', '2026-01'],
  ])('first order %s: window ends %s → quarter %s, paid %s', async (d0, last, quarter, paid) => {
    const l = await line([
      ['Li', 'X', d0, '100,000', '12%'],
      ['Li', 'X', d0, '100,000', '12%'],
      ['Li', 'X', d0, '100,000', '12%'],
    ]);
    expect(serialToIso(l.windowEnd - 1)).toBe(last);
    expect([l.quarter, l.payMonth]).toEqual([quarter, paid]);
  });

  test('new for a rep only when the customer’s first order of all is the rep’s and is marked self-developed', async () => {
    const r = await run([
      ['Wang', 'X', '2026-01-03', '1,000', '12%', '', 'trade', 'no'],
      ['Li', 'X', '2026-01-05', '100,000', '12%'],
      ['Li', 'X', '2026-02-05', '100,000', '12%'],
      ['Li', 'X', '2026-03-05', '100,000', '12%'],
      ['Zhao', 'Y', '2026-01-05', '100,000', '12%', '', 'trade', 'no'],
      ['Zhao', 'Y', '2026-02-05', '100,000', '12%', '', 'trade', 'no'],
      ['Zhao', 'Y', '2026-03-05', '100,000', '12%', '', 'trade', 'no'],
    ]);
    const by = (rep: string) => r.lines.find((l) => l.rep === rep)!;
    // X's first order (Wang's, row 2) is unmarked: nobody, Li's marked orders included, earns the bonus.
    for (const rep of ['Li', 'Wang']) {
      expect(by(rep).eligible).toBe(false);
      expect(by(rep).developer).toBe(false);
      expect(by(rep).reason).toContain('the customer’s first order (2026-01-03, row 2, by Wang) is not marked self-developed, so nobody earns a new-customer bonus for it');
    }
    expect(by('Zhao').eligible).toBe(false);
    expect(by('Zhao').reason).toContain('(2026-01-05, row 6, by Zhao) is not marked self-developed');
    expect(r.lines).toHaveLength(3);
  });

  test('a first order left unmarked and the later ones marked, all by one rep: no bonus', async () => {
    const r = await run([
      ['Li', 'X', '2026-01-05', '100,000', '12%', '', 'trade', 'no'],
      ['Li', 'X', '2026-02-05', '100,000', '12%'],
      ['Li', 'X', '2026-03-05', '100,000', '12%'],
    ]);
    expect(r.lines[0]).toMatchObject({ eligible: false, developer: false });
    expect(r.lines[0].bonus.toString()).toBe('0');
    expect(r.lines[0].reason).toMatch(/^no bonus: the customer’s first order \(2026-01-05, row 2, by Li\) is not marked self-developed/);
    // Marking the first order instead makes the same orders pay.
    const marked = await run([
      ['Li', 'X', '2026-01-05', '100,000', '12%'],
      ['Li', 'X', '2026-02-05', '100,000', '12%', '', 'trade', 'no'],
      ['Li', 'X', '2026-03-05', '100,000', '12%', '', 'trade', 'no'],
    ]);
    expect(marked.lines[0]).toMatchObject({ eligible: true, developer: true });
    expect(marked.lines[0].bonus.toString()).toBe('2500');
  });

  test('two reps marked on the customer’s first day: only the earlier row’s rep is the developer; a later marked rep is not', async () => {
    const r = await run([
      ['Wang', 'X', '2026-01-05', '100,000', '12%'],
      ['Li', 'X', '2026-01-05', '100,000', '12%'],
      ['Li', 'X', '2026-02-05', '100,000', '12%'],
      ['Li', 'X', '2026-03-05', '100,000', '12%'],
      ['Wang', 'X', '2026-02-06', '100,000', '12%'],
      ['Wang', 'X', '2026-03-06', '100,000', '12%'],
      ['Zhao', 'X', '2026-02-01', '1,000', '12%'],
    ]);
    const by = (rep: string) => r.lines.find((l) => l.rep === rep)!;
    expect(by('Wang')).toMatchObject({ eligible: true, developer: true });
    for (const rep of ['Li', 'Zhao']) {
      expect(by(rep)).toMatchObject({ eligible: false, developer: false });
      expect(by(rep).reason).toContain('the customer’s first order (2026-01-05, row 2) is by Wang, who developed the customer');
    }
  });

  test('lines are settled by bonus quarter: --period keeps the lines whose quarter ends inside it', async () => {
    const orders: Order[] = [
      ['Li', 'X', '2026-01-01', '100,000', '12%'],
      ['Li', 'X', '2026-01-02', '100,000', '12%'],
      ['Li', 'X', '2026-01-03', '100,000', '12%'],
      ['Li', 'Y', '2026-01-02', '100,000', '12%'],
      ['Li', 'Y', '2026-01-03', '100,000', '12%'],
      ['Li', 'Y', '2026-01-04', '100,000', '12%'],
    ];
    expect((await run(orders, { period: '2026Q1' })).lines.map((l) => l.key)).toEqual(['X']);
    expect((await run(orders, { period: '2026Q2' })).lines.map((l) => l.key)).toEqual(['Y']);
    expect((await run(orders, { period: '2026' })).lines.map((l) => l.key)).toEqual(['X', 'Y']);
  });

  test('property: a bonus is paid only when every gate passes, and it is the tier of the window sum', async () => {
    const rules = defaultRules().newCustomer;
    const order = fc.record({
      day: fc.integer({ min: 0, max: 150 }),
      amount: fc.integer({ min: 1, max: 200_000 }),
      margin: fc.integer({ min: 0, max: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 6 }), async (orders) => {
        const start = isoToSerial('2026-01-10');
        const l = await line(orders.map((o) => ['Li', 'X', serialToIso(start + o.day), String(o.amount), `${o.margin}%`]));
        const d0 = start + Math.min(...orders.map((o) => o.day));
        const inside = orders.filter((o) => start + o.day < edate(d0, 3));
        const sum = inside.reduce((s, o) => s + o.amount, 0);
        const weighted = inside.reduce((s, o) => s + o.amount * o.margin, 0);
        const pass = inside.length >= 3 && weighted >= 10 * sum && sum >= 100_000;
        expect(l.eligible).toBe(pass);
        expect(l.sumCny.toNumber()).toBe(sum);
        const tier = sum >= 300_000 ? 2500 : sum >= 200_000 ? 1500 : sum >= 100_000 ? 1000 : 0;
        expect(l.bonus.toNumber()).toBe(pass ? tier : 0);
        expect(rules.minOrders).toBe(3);
      }),
      { numRuns: 150 },
    );
  });
});

describe('no-new-customer flag and penalty', () => {
  const developed = (date: string, customer: string): Order[] => [['Li', customer, date, '1,000', '12%']];
  test('flag after 6 months without a new customer, penalty booked at a year end after 12', async () => {
    const orders: Order[] = [...developed('2026-03-15', 'X'), ['Wang', 'Y', '2025-06-01', '1,000', '12%'], ['Zhao', 'Z', '2025-12-01', '1,000', '12%', '', 'trade', 'no']];
    const yearEnd = await run(orders, { period: '2026' });
    const p = Object.fromEntries(yearEnd.penalties!.map((x) => [x.rep, x]));
    // Li: last new customer 2026-03-15, more than 6 months before 2026-12-31: flagged, no penalty.
    expect([p.Li.flagged, p.Li.atRisk, p.Li.penalty.toString()]).toEqual([true, false, '0']);
    expect(p.Li.reason).toBe('last new customer on 2026-03-15: none in the 6 months to 2026-12-31; the territory may be re-planned');
    // Wang: 2025-06-01 is more than 12 months before 2026-12-31: −1,000 at year end.
    expect([p.Wang.flagged, p.Wang.atRisk, p.Wang.penalty.toString()]).toEqual([true, true, '-1000']);
    expect(p.Wang.reason).toBe('last new customer on 2025-06-01: none in the 12 months to 2026-12-31 → -¥1,000, booked to the marketing fund');
    // Zhao never developed one (not marked as developer).
    expect([p.Zhao.lastDevelopment, p.Zhao.penalty.toString()]).toEqual([null, '-1000']);

    const midYear = await run(orders, { period: '2026Q2' });
    const q = Object.fromEntries(midYear.penalties!.map((x) => [x.rep, x]));
    expect([q.Li.flagged, q.Li.penalty.toString()]).toEqual([false, '0']);
    expect([q.Wang.atRisk, q.Wang.penalty.toString()]).toEqual([true, '0']);
    expect(q.Wang.reason).toContain('-¥1,000 at year end unless one is developed');
  });

  test('exactly 6 months: a customer developed on EDATE(as-of, −6) is outside the 6 months', async () => {
    const r = await run(developed('2026-06-30', 'X'), { asOf: isoToSerial('2026-12-30') });
    expect(r.penalties![0].flagged).toBe(true);
    const s = await run(developed('2026-07-01', 'X'), { asOf: isoToSerial('2026-12-30') });
    expect(s.penalties![0].flagged).toBe(false);
  });
});
