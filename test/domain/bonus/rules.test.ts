import { defaultRules, loadRules } from '../../../src/domain/bonus/rules';
import { isoToSerial } from '../../../src/domain/parse/parse-date';

describe('bonus rules', () => {
  test('defaults are the figures of docs/rules/bonus/', () => {
    const r = defaultRules();
    const bands = (t: typeof r.newBrand.tiers) =>
      t.bands.map((b) => [b.lower?.toNumber() ?? null, b.lowerInclusive, b.upper?.toNumber() ?? null, b.upperInclusive, b.value.toNumber()]);
    expect(r.newBrand.tierCurrency).toBe('USD');
    expect(r.newBrand.tiers.method).toBe('step');
    expect(bands(r.newBrand.tiers)).toEqual([
      [10000, false, 30000, true, 300],
      [30000, false, 60000, true, 500],
      [60000, false, 100000, true, 800],
      [100000, false, null, false, 1000],
    ]);
    expect(r.newBrand.minMargin.toString()).toBe('0.1');
    expect(bands(r.newCustomer.tiers)).toEqual([
      [100000, true, 200000, false, 1000],
      [200000, true, 300000, false, 1500],
      [300000, true, null, false, 2500],
    ]);
    expect([r.newCustomer.windowMonths, r.newCustomer.minOrders, r.newCustomer.minMargin.toNumber(), r.newCustomer.minPrepayment.toNumber(), r.newCustomer.payMonthsAfterQuarter]).toEqual([3, 3, 0.1, 0.5, 1]);
    expect([r.penalty.flagMonths, r.penalty.penaltyMonths, r.penalty.amount.toNumber()]).toEqual([6, 12, 1000]);
    expect([r.referral.reward.toNumber(), r.referral.payoutDays, r.referral.requireRegistration, r.referral.buyerDiscount.toNumber(), r.referral.buyerGiftCap.toNumber()]).toEqual([3000, 5, true, 0.01, 1000]);
    expect(Object.fromEntries(Object.entries(r.fees.development).map(([k, v]) => [k, v.toNumber()]))).toEqual({ local: 50000, domestic: 100000, international: 200000 });
    expect(Object.fromEntries(Object.entries(r.fees.maintenance).map(([k, v]) => [k, v.toNumber()]))).toEqual({ local: 30000, domestic: 70000, international: 150000 });
    expect([r.badDebt.outsideHandler.toNumber(), r.badDebt.insideHandler, r.badDebt.insideApprover]).toEqual([1, null, null]);
  });

  test('a rules file replaces only the parts it gives', () => {
    const r = loadRules({
      fx: { usd: 7.05, EUR: '7.8' },
      newBrand: { minMargin: 0.12 },
      referral: { campaignStart: '2026-07-13', campaignEnd: '2026-10-13' },
      fees: { development: { local: 60000 } },
      badDebt: { insideHandler: 0.6, insideApprover: 0.4 },
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.rules.fx.USD.toString()).toBe('7.05');
    expect(r.rules.fx.EUR.toString()).toBe('7.8');
    expect(r.rules.fx.CNY.toString()).toBe('1');
    expect(r.rules.newBrand.minMargin.toString()).toBe('0.12');
    expect(r.rules.newBrand.tiers.bands).toHaveLength(4);
    expect(r.rules.referral.campaignStart).toBe(isoToSerial('2026-07-13'));
    expect(r.rules.fees.development.local.toString()).toBe('60000');
    expect(r.rules.fees.development.domestic.toString()).toBe('100000');
    expect(r.rules.badDebt.insideHandler!.toString()).toBe('0.6');
  });

  test('every problem names its field', () => {
    const r = loadRules({
      fx: { USD: -1, EURO: 7 },
      newBrand: { minMargin: '10%', tiers: { method: 'stepped', bands: [{ lower: 0, lowerInclusive: true, upper: 10, value: 'x' }] } },
      newCustomer: { windowMonths: 2.5, industrialTypes: ['', 'x'] },
      referral: { campaignStart: '2026-02-30', requireRegistration: 'yes' },
      fees: { maintenance: { galactic: 1 } },
      colour: 'blue',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'colour: unknown field; the known fields are fx, newBrand, newCustomer, penalty, referral, fees, badDebt',
      'fx.USD: must be greater than 0',
      'fx.EURO: must be a three-letter currency code such as USD',
      'newBrand.minMargin: must be a number',
      'newBrand.tiers.method: must be one of step, graduated, retroactive',
      'newBrand.tiers.bands[0].value: must be a number',
      'newBrand.tiers.bands[0].upperInclusive: must be true or false',
      'newCustomer.windowMonths: must be a whole number',
      'newCustomer.industrialTypes: must be a list of non-blank texts',
      'referral.campaignStart: must be a real date written as YYYY-MM-DD, or null',
      'referral.requireRegistration: must be true or false',
      'fees.maintenance.galactic: unknown field; the known fields are local, domestic, international',
    ]);
  });

  test('gaps and overlaps in a tier table are refused with the band index', () => {
    const r = loadRules({
      newCustomer: {
        tiers: {
          bands: [
            { lower: 100000, lowerInclusive: true, upper: 200000, upperInclusive: false, value: 1000 },
            { lower: 200001, lowerInclusive: true, upper: 300000, upperInclusive: false, value: 1500 },
            { lower: 250000, lowerInclusive: true, upper: null, value: 2500 },
          ],
        },
      },
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        'newCustomer.tiers.bands[1]: gap between band 1 and band 2: some amounts fall in no band',
        'newCustomer.tiers.bands[2]: band 3 overlaps band 2: some amounts fall in two bands',
      ],
    });
  });

  test('messages exist in Chinese too', () => {
    const r = loadRules({ penalty: { flagMonths: 0 } }, 'zh-CN');
    expect(r).toEqual({ ok: false, errors: ['penalty.flagMonths: 不能小于 1'] });
  });
});
