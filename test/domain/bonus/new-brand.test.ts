import fc from 'fast-check';
import type { NewBrandLine } from '../../../src/domain/bonus/line';
import { defaultRules, type BonusRules } from '../../../src/domain/bonus/rules';
import { runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';
import { isoToSerial } from '../../../src/domain/parse/parse-date';

const D = (x: string | number) => new Decimal(x);
const HEADERS = ['rep', 'contract', 'date', 'amount', 'currency', 'margin'];
const fx = { USD: D('7.1'), EUR: D('7.8') };

async function run(rows: unknown[][], rules?: BonusRules, extraFx: Record<string, Decimal> = {}) {
  const r = await runBonus('new-brand', { headers: HEADERS, rows }, { rules, fx: { ...fx, ...extraFx }, lang: 'en-US' });
  return { ...r, lines: r.lines as NewBrandLine[] };
}
const one = async (amount: unknown, currency: string | null, margin: unknown) => (await run([['Li', 'C1', '2026-01-05', amount, currency, margin]])).lines[0];

describe('new-brand bonus: bands and gate', () => {
  test.each([
    ['10,000', 'USD', '12%', false, '0'],
    ['10,000.01', 'USD', '12%', true, '300'],
    ['30,000', 'USD', '12%', true, '300'],
    ['30,000.50', 'USD', '12%', true, '500'],
    ['60,000', 'USD', '12%', true, '500'],
    ['100,000', 'USD', '12%', true, '800'],
    ['100,000.50', 'USD', '12%', true, '1000'],
    ['$50,000', null, '0.10', true, '500'],
    ['50,000', 'USD', '9.99%', false, '0'],
  ])('%s %s margin %s → eligible %s, ¥%s', async (amount, currency, margin, eligible, bonus) => {
    const l = await one(amount, currency, margin);
    expect({ eligible: l.eligible, bonus: l.bonus.toString() }).toEqual({ eligible, bonus });
  });

  test('exactly 10,000 USD is not eligible (more than 10,000 is required), and the reason says why', async () => {
    const l = await one('10000', 'USD', '12%');
    expect(l.reason).toBe('no bonus: 10,000 USD in no band (the lowest is 10,000–30,000); margin 12 % ≥ 10 %');
  });

  test('the reason reads as in the issue', async () => {
    expect((await one('50,000', 'USD', '12%')).reason).toBe('50,000 USD in band 30,000–60,000 → ¥500; margin 12 % ≥ 10 %');
    const zh = await runBonus('new-brand', { headers: HEADERS, rows: [['李', 'C1', '2026-01-05', '50000', 'USD', '8%']] }, { fx, lang: 'zh-CN' });
    expect(zh.lines[0].reason).toBe('无奖金：50,000 USD 属于 30,000–60,000 档；毛利率 8% < 10%');
  });

  test('other currencies are compared exactly: 21,093.75 EUR at 8.96 is exactly 30,000 USD at 6.3', async () => {
    const r = await run([['Li', 'C1', '2026-01-05', '21093.75', 'EUR', '12%']], undefined, { USD: D('6.3'), EUR: D('8.96') });
    // In binary floating point 21093.75 × 8.96 ÷ 6.3 is 30000.000000000007: the 500 band.
    expect((21093.75 * 8.96) / 6.3).toBeGreaterThan(30000);
    expect(r.lines[0].bonus.toString()).toBe('300');
    expect(r.lines[0].basis.toString()).toBe('30000');
    expect(r.lines[0].reason).toBe('21,093.75 EUR = 30,000 USD in band 10,000–30,000 → ¥300; margin 12 % ≥ 10 %');
  });

  test('a contract on several rows: amounts summed, margin weighted by amount, earliest date, one line', async () => {
    const r = await run([
      ['Li', 'C9', '2026-02-03', '20,000', 'USD', '5%'],
      ['Li', 'C9', '2026-02-01', '20,000', 'USD', '15%'],
      ['Li', 'C9', '2026-02-02', '10,000', 'USD', '20%'],
    ]);
    expect(r.lines).toHaveLength(1);
    const l = r.lines[0];
    expect(l.amount.toString()).toBe('50000');
    // (20,000×5 % + 20,000×15 % + 10,000×20 %) / 50,000 = 12 %; the plain mean would be 13.33 %.
    expect(l.margin.toString()).toBe('0.12');
    expect(l.date).toBe(isoToSerial('2026-02-01'));
    expect(l.rows).toEqual([2, 3, 4]);
    expect(l.bonus.toString()).toBe('500');
  });

  test('a contract whose rows mix currencies is summed in CNY', async () => {
    const r = await run([
      ['Li', 'C7', '2026-01-05', '10,000', 'USD', '10%'],
      ['Li', 'C7', '2026-01-06', '10,000', 'EUR', '20%'],
      ['Li', 'C8', '2026-01-06', '20,000', 'USD', '12%'],
      ['Li', 'C8', '2026-01-07', '20,000.01', 'USD', '12%'],
    ]);
    const [c7, c8] = r.lines;
    // 10,000 × 7.1 + 10,000 × 7.8 = ¥149,000 = 20,985.92 USD; margin (71,000 × 10 % + 78,000 × 20 %) / 149,000.
    expect([c7.currency, c7.amount.toString(), c7.amountCny.toString(), c7.basis.toString(), c7.bonus.toString()]).toEqual(['CNY', '149000', '149000', '20985.92', '300']);
    expect(c7.margin.toFixed(6)).toBe('0.152349');
    expect(c7.reason).toBe('¥149,000 = 20,985.92 USD in band 10,000–30,000 → ¥300; margin 15.23 % ≥ 10 %');
    expect([c8.currency, c8.amount.toString(), c8.amountCny.toString(), c8.bonus.toString()]).toEqual(['USD', '40000.01', '284000.071', '500']);
  });

  test('a contract row naming another rep is set aside with its row number; the run completes', async () => {
    const r = await run([
      ['Li', 'C1', '2026-01-05', '50,000', 'USD', '12%'],
      ['Wang', 'C1', '2026-01-06', '50,000', 'USD', '12%'],
      ['Wang', 'C2', '2026-01-06', 'abc', 'USD', '12%'],
    ]);
    expect(r.lines.map((l) => [l.key, l.rep, l.bonus.toString()])).toEqual([['C1', 'Li', '500']]);
    expect(r.rejected.count).toBe(2);
    expect(r.rejected.rows).toEqual([
      { row: 3, reason: 'contract C1 already belongs to Li (row 2)' },
      { row: 4, reason: 'amount: "abc" is not a number' },
    ]);
  });

  test('rounding happens once, half-up, at the end of the line (graduated rates with fractions of a cent)', async () => {
    const rules = defaultRules();
    rules.newBrand.tierCurrency = 'CNY';
    rules.newBrand.tiers = {
      method: 'graduated',
      bands: [
        { lower: D(0), lowerInclusive: true, upper: D(1000), upperInclusive: true, value: D('0.000125') },
        { lower: D(1000), lowerInclusive: false, upper: null, upperInclusive: false, value: D('0.0005') },
      ],
    };
    const at = async (x: string) => (await run([['Li', 'C1', '2026-01-05', x, 'CNY', '12%']], rules)).lines[0].bonus.toString();
    // 1,000 × 0.0125 % = 0.125 → 0.13 (half-up, not half-even).
    expect(await at('1000')).toBe('0.13');
    // 0.125 + 10 × 0.05 % = 0.125 + 0.005 = 0.13; rounding each slice first would give 0.13 + 0.01 = 0.14.
    expect(await at('1010')).toBe('0.13');
  });

  test('property: the bonus is one of the band values and never decreases as the amount grows (margin passing)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200_000_00 }), fc.integer({ min: 0, max: 200_000_00 }), async (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [x, y] = await Promise.all([one(D(lo).div(100).toFixed(2), 'USD', '20%'), one(D(hi).div(100).toFixed(2), 'USD', '20%')]);
        expect(['0', '300', '500', '800', '1000']).toContain(x.bonus.toString());
        expect(x.bonus.lte(y.bonus)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('the period keeps the contracts dated inside it', async () => {
    const rows = [
      ['Li', 'C1', '2026-03-31', '50,000', 'USD', '12%'],
      ['Li', 'C2', '2026-04-01', '50,000', 'USD', '12%'],
    ];
    const r = await runBonus('new-brand', { headers: HEADERS, rows }, { fx, period: '2026Q1', lang: 'en-US' });
    expect(r.lines.map((l) => l.key)).toEqual(['C1']);
    expect(r.byRep).toEqual([{ rep: 'Li', bonus: D(500), lines: 1, eligible: 1 }]);
  });
});
