import fc from 'fast-check';
import { applyTiers, findBand, scaleBounds, validateTiers, type TierBand, type TierMethod, type TierTable } from '../../../src/domain/bonus/tiers';
import { defaultRules } from '../../../src/domain/bonus/rules';
import { Decimal } from '../../../src/domain/exact/decimal';

const D = (x: string | number) => new Decimal(x);
const band = (lower: number | null, li: boolean, upper: number | null, ui: boolean, value: number | string): TierBand => ({
  lower: lower === null ? null : D(lower),
  lowerInclusive: li,
  upper: upper === null ? null : D(upper),
  upperInclusive: ui,
  value: D(value),
});

const newBrand = defaultRules().newBrand.tiers;
const newCustomer = defaultRules().newCustomer.tiers;

describe('step tables (the default new-brand bands, upper bounds included)', () => {
  test.each([
    ['10000', -1, '0'],
    ['10000.01', 0, '300'],
    ['30000', 0, '300'],
    ['30000.5', 1, '500'],
    ['60000', 1, '500'],
    ['60000.01', 2, '800'],
    ['100000', 2, '800'],
    ['100000.5', 3, '1000'],
    ['99999999', 3, '1000'],
    ['0', -1, '0'],
    ['-5000', -1, '0'],
  ])('%s USD → band %i, bonus %s', (x, b, bonus) => {
    const r = applyTiers(newBrand, D(x));
    expect(r.band).toBe(b);
    expect(r.bonus.toString()).toBe(bonus);
  });

  test('new-customer bands include their lower bound: exactly 300,000 → 2,500; 299,999.99 → 1,500; 100,000 → 1,000', () => {
    expect(applyTiers(newCustomer, D(300000)).bonus.toString()).toBe('2500');
    expect(applyTiers(newCustomer, D('299999.99')).bonus.toString()).toBe('1500');
    expect(applyTiers(newCustomer, D(200000)).bonus.toString()).toBe('1500');
    expect(applyTiers(newCustomer, D(100000)).bonus.toString()).toBe('1000');
    expect(applyTiers(newCustomer, D('99999.99')).band).toBe(-1);
  });

  test('scaling the bounds (USD table in CNY) keeps membership exact', () => {
    const cny = scaleBounds(newBrand, D('7.1'));
    expect(findBand(cny, D(30000).times('7.1'))).toBe(0);
    expect(findBand(cny, D('30000.01').times('7.1'))).toBe(1);
    expect(cny.bands[0].lower!.toString()).toBe('71000');
  });
});

describe('graduated and retroactive tables', () => {
  const rates = (method: TierMethod): TierTable => ({
    method,
    bands: [band(null, false, 100000, true, '0.01'), band(100000, false, 200000, true, '0.02'), band(200000, false, null, false, '0.03')],
  });

  test('graduated: each slice at its own band’s rate', () => {
    // 100,000 × 1 % + 100,000 × 2 % + 50,000 × 3 %
    expect(applyTiers(rates('graduated'), D(250000)).bonus.toString()).toBe('4500');
    expect(applyTiers(rates('graduated'), D(50000)).bonus.toString()).toBe('500');
    expect(applyTiers(rates('graduated'), D(100000)).bonus.toString()).toBe('1000');
  });

  test('retroactive: the reached band’s rate on the whole amount', () => {
    expect(applyTiers(rates('retroactive'), D(250000)).bonus.toString()).toBe('7500');
    expect(applyTiers(rates('retroactive'), D(100000)).bonus.toString()).toBe('1000');
    expect(applyTiers(rates('retroactive'), D('100000.01')).bonus.toString()).toBe('2000.0002');
  });

  test('nothing is rounded inside the table: fractions of a cent survive until the line rounds', () => {
    const t: TierTable = { method: 'graduated', bands: [band(0, true, 10, true, '0.0015'), band(10, false, null, false, '0.0025')] };
    expect(applyTiers(t, D(11)).bonus.toString()).toBe('0.0175');
  });

  const ascendingTable = fc
    .array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 6 })
    .chain((steps) =>
      fc.record({
        bounds: fc.constant(steps.reduce<number[]>((acc, s) => [...acc, (acc[acc.length - 1] ?? 0) + s], [])),
        values: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: steps.length + 1, maxLength: steps.length + 1 }),
        upperIncluded: fc.boolean(),
      }),
    )
    .map(({ bounds, values, upperIncluded }) => {
      const edges = [null, ...bounds, null];
      const sortedRates = [...values].sort((a, b) => a - b).map((v) => String(v / 10000));
      return (method: TierMethod): TierTable => ({
        method,
        bands: edges.slice(0, -1).map((lo, i) => band(lo, !upperIncluded, edges[i + 1], upperIncluded, method === 'step' ? [...values].sort((a, b) => a - b)[i] : sortedRates[i])),
      });
    });
  const amount = fc.integer({ min: 0, max: 400_000_00 }).map((c) => D(c).div(100));

  test('property: contiguous tables have no gap or overlap, every amount falls in exactly one band', () => {
    fc.assert(
      fc.property(ascendingTable, amount, (make, x) => {
        const t = make('step');
        expect(validateTiers(t)).toEqual([]);
        expect(t.bands.filter((b) => findBand({ method: 'step', bands: [b] }, x) === 0)).toHaveLength(1);
      }),
    );
  });

  test('property: with ascending values, step, graduated and retroactive bonuses never fall as the amount grows', () => {
    fc.assert(
      fc.property(ascendingTable, amount, amount, (make, x, y) => {
        const [lo, hi] = x.lte(y) ? [x, y] : [y, x];
        for (const m of ['step', 'graduated', 'retroactive'] as const)
          expect(applyTiers(make(m), lo).bonus.lte(applyTiers(make(m), hi).bonus)).toBe(true);
      }),
    );
  });

  test('property: graduated never pays more than retroactive on the same rates (ascending rates)', () => {
    fc.assert(
      fc.property(ascendingTable, amount, (make, x) => {
        expect(applyTiers(make('graduated'), x).bonus.lte(applyTiers(make('retroactive'), x).bonus)).toBe(true);
      }),
    );
  });
});

describe('validateTiers', () => {
  const t = (...bands: TierBand[]): TierTable => ({ method: 'step', bands });

  test('the default tables are valid', () => {
    expect(validateTiers(newBrand)).toEqual([]);
    expect(validateTiers(newCustomer)).toEqual([]);
  });

  test('the source’s literal bands 10,000–30,000 / 30,001–60,000 leave a gap, reported at band 1', () => {
    expect(validateTiers(t(band(10000, true, 30000, true, 300), band(30001, true, 60000, true, 500)))).toEqual([{ band: 1, kind: 'gap' }]);
  });

  test('a shared bound excluded on both sides is a gap; included on both sides an overlap', () => {
    expect(validateTiers(t(band(0, true, 10, false, 1), band(10, false, 20, true, 2)))).toEqual([{ band: 1, kind: 'gap' }]);
    expect(validateTiers(t(band(0, true, 10, true, 1), band(10, true, 20, true, 2)))).toEqual([{ band: 1, kind: 'overlap' }]);
    expect(validateTiers(t(band(0, true, 10, true, 1), band(10, false, 20, true, 2)))).toEqual([]);
    expect(validateTiers(t(band(0, true, 10, false, 1), band(10, true, 20, true, 2)))).toEqual([]);
  });

  test('overlapping ranges, empty bands and open bounds in the middle name the offending index', () => {
    expect(validateTiers(t(band(0, true, 10, true, 1), band(5, false, 20, true, 2), band(20, false, null, false, 3)))).toEqual([{ band: 1, kind: 'overlap' }]);
    expect(validateTiers(t(band(0, true, 10, true, 1), band(30, false, 20, true, 2)))).toEqual([
      { band: 1, kind: 'empty' },
      { band: 1, kind: 'gap' },
    ]);
    expect(validateTiers(t(band(0, true, null, false, 1), band(10, false, 20, true, 2)))).toEqual([{ band: 1, kind: 'unbounded' }]);
    expect(validateTiers(t(band(5, true, 5, false, 1)))).toEqual([{ band: 0, kind: 'empty' }]);
    expect(validateTiers(t(band(5, true, 5, true, 1)))).toEqual([]);
  });
});
