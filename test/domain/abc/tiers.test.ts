import fc from 'fast-check';
import { DEFAULT_ABC_OPTIONS, TIERS, checkAbcOptions, countCuts, rankAbc, rankAbcDecimal, rankAbcScaled, toScaled, type AbcOptions, type AbcRanking, type Tier } from '../../../src/domain/abc/tiers';
import { Decimal } from '../../../src/domain/exact/decimal';
import { ExactAccumulator, readPlainDecimal } from '../../../src/domain/exact/exact-accumulator';
import { parseMoney } from '../../../src/domain/parse/parse-number';

const D = (x: string | number) => new Decimal(String(x));
const opts = (o: Partial<AbcOptions> = {}): AbcOptions => ({ ...DEFAULT_ABC_OPTIONS, ...o });

/** docs/rules/abc.md read literally, one customer at a time, O(n²): the oracle. */
function oracle(names: string[], values: Decimal[], o: AbcOptions): Tier[] {
  const pos = values.map((v, i) => i).filter((i) => values[i].gt(0));
  const total = pos.reduce((s, i) => s.plus(values[i]), D(0));
  const sorted = [...pos].sort((x, y) => values[y].comparedTo(values[x]) || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : x - y));
  const n = pos.length;
  const half = (x: Decimal) => x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const nA = Math.min(n, Math.max(1, half(o.countShares.a.times(n))));
  const nAB = Math.min(n, Math.max(nA, half(o.countShares.a.plus(o.countShares.b).times(n))));
  return values.map((v) => {
    if (!v.gt(0)) return 'C';
    if (o.method === 'count') {
      // Position of the first customer with this value (ties join the tier of the earliest).
      const first = sorted.findIndex((j) => values[j].eq(v));
      return first < nA ? 'A' : first < nAB ? 'B' : 'C';
    }
    if (o.crossing === 'include') {
      const ahead = pos.filter((j) => values[j].gt(v)).reduce((s, j) => s.plus(values[j]), D(0)).div(total);
      return ahead.lt(o.thresholds.a) ? 'A' : ahead.lt(o.thresholds.b) ? 'B' : 'C';
    }
    const through = pos.filter((j) => values[j].gte(v)).reduce((s, j) => s.plus(values[j]), D(0)).div(total);
    return through.lte(o.thresholds.a) ? 'A' : through.lte(o.thresholds.b) ? 'B' : 'C';
  });
}
const tiersOf = (r: AbcRanking) => Array.from(r.tier, (t) => TIERS[t]);

/** Values in cents, with plenty of ties, zeros and negatives. */
const dataset = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '华为', '腾讯', 'x1', 'x2'), fc.oneof(fc.integer({ min: -500, max: 5000 }), fc.constantFrom(0, 100, 100, 250))), {
    minLength: 0,
    maxLength: 40,
  })
  .map((pairs) => ({ names: pairs.map((p, i) => `${p[0]}${i % 7}`), values: pairs.map((p) => D(p[1]).div(100)) }));
const options = fc.record({
  method: fc.constantFrom('value' as const, 'count' as const),
  crossing: fc.constantFrom('include' as const, 'exclude' as const),
  thresholds: fc.constantFrom([0.8, 0.95], [0.5, 0.9], [0.7, 0.7], [0.25, 1]).map(([a, b]) => ({ a: D(a), b: D(b) })),
  countShares: fc.constantFrom([0.2, 0.3], [0.1, 0.4], [0.5, 0.5], [0.33, 0.33]).map(([a, b]) => ({ a: D(a), b: D(b) })),
});

describe('ABC engine (docs/rules/abc.md)', () => {
  test('property: fast path, Decimal path and the literal oracle agree on every tier', () => {
    fc.assert(
      fc.property(dataset, options, ({ names, values }, o) => {
        const expected = oracle(names, values, o);
        expect(tiersOf(rankAbc(names, values, o))).toEqual(expected);
        expect(tiersOf(rankAbcDecimal(names, values, o))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('property: tiers are monotone in value, equal values share a tier, shares sum to 1', () => {
    fc.assert(
      fc.property(dataset, options, ({ names, values }, o) => {
        const r = rankAbc(names, values, o);
        const order = Array.from(r.order);
        for (let p = 1; p < order.length; p++) {
          const [prev, cur] = [order[p - 1], order[p]];
          expect(values[prev].gte(values[cur])).toBe(true);
          expect(r.tier[prev]).toBeLessThanOrEqual(r.tier[cur]);
          if (values[prev].eq(values[cur])) {
            expect(r.tier[prev]).toBe(r.tier[cur]);
            expect(names[prev] <= names[cur]).toBe(true);
          }
        }
        if (order.length) {
          expect(r.share.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
          const exact = order.reduce((s, i) => s.plus(values[i]), D(0));
          expect(exact.eq(r.total)).toBe(true);
          expect(r.summary.A.value.plus(r.summary.B.value).plus(r.summary.C.value).eq(r.total)).toBe(true);
          expect(r.summary.A.customers + r.summary.B.customers + r.summary.C.customers).toBe(order.length);
        }
        for (const i of r.nonPositive) expect(TIERS[r.tier[i]]).toBe('C');
        expect(r.order.length + r.nonPositive.length).toBe(values.length);
      }),
      { numRuns: 500 },
    );
  });

  test('property: with the default rule the biggest customer is always A', () => {
    fc.assert(
      fc.property(dataset, ({ names, values }) => {
        const r = rankAbc(names, values);
        if (r.order.length) expect(TIERS[r.tier[r.order[0]]]).toBe('A');
      }),
    );
  });

  describe('exactly 80 %', () => {
    // 40 + 40 + 20: after two customers the cumulative share is exactly 0.8.
    const names = ['p', 'q', 'r'];
    const values = [D(40), D(40), D(20)];
    const three = ['p', 'q', 's', 'r'];
    test('include (default): the share strictly ahead must be below 80 % — the third customer starts at exactly 80 % and is B', () => {
      const r = rankAbc(three, [D(50), D(30), D(15), D(5)]);
      expect(tiersOf(r)).toEqual(['A', 'A', 'B', 'C']);
      // 50 + 30 = exactly 80 % ahead of s → B; r has 95 % ahead → C.
    });
    test('include: equal customers crossing together are both A', () => {
      expect(tiersOf(rankAbc(names, values))).toEqual(['A', 'A', 'B']);
    });
    test('exclude: including itself and its equals, at most 80 % is A', () => {
      expect(tiersOf(rankAbc(names, values, opts({ crossing: 'exclude' })))).toEqual(['A', 'A', 'C']);
      expect(tiersOf(rankAbc(three, [D(50), D(30), D(15), D(5)], opts({ crossing: 'exclude' })))).toEqual(['A', 'A', 'B', 'C']);
      // A customer holding 81 % alone is B under exclude, A under include.
      expect(tiersOf(rankAbc(['big', 'small'], [D(81), D(19)], opts({ crossing: 'exclude' })))).toEqual(['B', 'C']);
      expect(tiersOf(rankAbc(['big', 'small'], [D(81), D(19)]))).toEqual(['A', 'B']);
    });
    test('property: shares exactly on a threshold, with awkward decimals', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 }), (k, places) => {
          // a = 4k, b = k → a is exactly 80 % of the total 5k.
          const unit = D(1).div(D(10).pow(places));
          const a = unit.times(4 * k);
          const b = unit.times(k);
          expect(tiersOf(rankAbc(['a', 'b'], [a, b]))).toEqual(['A', 'B']);
          expect(tiersOf(rankAbc(['a', 'b'], [a, b], opts({ crossing: 'exclude' })))).toEqual(['A', 'C']);
        }),
      );
    });
  });

  test('count method: 20/30/50 with round-half-up, at least one A, ties join the last member’s tier', () => {
    expect(countCuts(DEFAULT_ABC_OPTIONS, 1)).toEqual({ a: 1, ab: 1 });
    expect(countCuts(DEFAULT_ABC_OPTIONS, 2)).toEqual({ a: 1, ab: 1 });
    expect(countCuts(DEFAULT_ABC_OPTIONS, 3)).toEqual({ a: 1, ab: 2 }); // 0.6 → 1, 1.5 → 2
    expect(countCuts(DEFAULT_ABC_OPTIONS, 5)).toEqual({ a: 1, ab: 3 }); // 2.5 → 3
    expect(countCuts(DEFAULT_ABC_OPTIONS, 13)).toEqual({ a: 3, ab: 7 }); // 2.6 → 3, 6.5 → 7
    expect(countCuts(opts({ countShares: { a: D('0.3'), b: D('0.2') } }), 5)).toEqual({ a: 2, ab: 3 }); // 1.5 → 2 (half-up)
    const count = opts({ method: 'count' });
    // 10 customers: A = 2, A+B = 5; the 2nd and 3rd are tied → 3 in A.
    const values = [100, 90, 90, 50, 40, 30, 20, 10, 5, 1].map(D);
    const names = values.map((_, i) => `c${i}`);
    expect(tiersOf(rankAbc(names, values, count))).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
  });

  test('property: count method rounding matches round-half-up of share × N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 }), (n, a, b) => {
        fc.pre(a + b <= 100);
        const o = opts({ countShares: { a: D(a).div(100), b: D(b).div(100) } });
        const cuts = countCuts(o, n);
        const half = (x: number) => Math.floor((x * n + 50) / 100); // exact integer arithmetic
        expect(cuts.a).toBe(Math.min(n, Math.max(1, half(a))));
        expect(cuts.ab).toBe(Math.min(n, Math.max(cuts.a, half(a + b))));
      }),
    );
  });

  test('zero and negative customers: tier C, outside the total, listed value-descending', () => {
    const r = rankAbc(['a', 'b', 'c', 'z', 'n'], [D(10), D(5), D(1), D(0), D(-3)]);
    // b has 10/16 = 62.5 % ahead → A; c has 15/16 = 93.75 % ahead → B.
    expect(tiersOf(r)).toEqual(['A', 'A', 'B', 'C', 'C']);
    expect(r.total.toString()).toBe('16');
    expect(Array.from(r.nonPositive)).toEqual([3, 4]);
  });

  test('values that do not fit the fast path go through Decimals, same answer', () => {
    const huge = [D('1e30'), D('0.000000000000000001'), D('5e29')];
    expect(toScaled(huge)).toBeUndefined();
    const r = rankAbc(['a', 'b', 'c'], huge);
    expect(r.total.toFixed()).toBe('1500000000000000000000000000000.000000000000000001');
    expect(tiersOf(r)).toEqual(['A', 'C', 'A']); // 5e29 has 2/3 ahead → A; the tiny one has ~100 % ahead → C
  });

  test('a million customers: the fast path gives the Decimal path’s answer on a sample', () => {
    const n = 20000;
    const units = new Float64Array(n);
    const names: string[] = [];
    for (let i = 0; i < n; i++) {
      units[i] = ((i * 2654435761) % 100000) - 500;
      names.push(`k${(i * 7) % n}`);
    }
    const fast = rankAbcScaled(names, { units, scale: 2 });
    const slow = rankAbcDecimal(names, Array.from(units, (u) => D(u).div(100)));
    expect(Array.from(fast.order)).toEqual(Array.from(slow.order));
    expect(Array.from(fast.tier)).toEqual(Array.from(slow.tier));
  });

  test('property: the fast path orders exactly as the Decimal path (value descending, then name, then input order)', () => {
    // Names that share long prefixes, are prefixes of one another, repeat, or use high UTF-16
    // units (surrogates, U+FFFF); blocks of equal values larger than the insertion-sort runs;
    // values spread across both 32-bit halves of the radix keys, zeros and negatives.
    const name = fc.oneof(
      fc.constantFrom('', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abd', 'b', '深圳市甲', '深圳市乙', '深圳市', '\uffff', '\ud83d\ude00', 'Z'),
      fc.tuple(fc.constantFrom('', '深圳市', 'Customer-000'), fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '\uffff', '乙'), maxLength: 5 })).map(([p, t]) => p + t),
    );
    const value = fc.oneof(
      fc.constantFrom(0, 1, 1, 1, 7, 7, -1, -7),
      fc.integer({ min: -3000, max: 3000 }),
      fc.integer({ min: 2 ** 32 - 5, max: 2 ** 32 + 5 }),
      fc.constantFrom(2 ** 44 + 1, 2 ** 46, -(2 ** 45)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 300, size: 'max' }), (items) => {
        const names = items.map((x) => x[0]);
        const units = Float64Array.from(items, (x) => x[1]);
        const fast = rankAbcScaled(names, { units, scale: 0 });
        const slow = rankAbcDecimal(names, Array.from(units, (u) => D(u)));
        expect(Array.from(fast.order)).toEqual(Array.from(slow.order));
        expect(Array.from(fast.nonPositive)).toEqual(Array.from(slow.nonPositive));
        expect(Array.from(fast.tier)).toEqual(Array.from(slow.tier));
      }),
      { numRuns: 200 },
    );
  });

  test('a block of 5,000 equal values in reverse, shuffled and sorted name order ranks by name', () => {
    const n = 5000;
    const base = Array.from({ length: n }, (_, i) => `客户${String(i).padStart(5, '0')}`);
    const shuffled = base.map((_, i) => base[(i * 7919) % n]);
    for (const names of [base, [...base].reverse(), shuffled]) {
      const r = rankAbcScaled([...names, 'big'], { units: Float64Array.from([...names.map(() => 3), 100]), scale: 0 });
      expect(Array.from(r.order, (i) => [...names, 'big'][i])).toEqual(['big', ...base]);
    }
    // Repeated names (rows ranked without grouping) keep their input order.
    const repeated = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'b' : 'a'));
    const order = Array.from(rankAbcScaled(repeated, { units: Float64Array.from(repeated, () => 1), scale: 0 }).order);
    const expected = [...repeated.keys()].filter((i) => repeated[i] === 'a').concat([...repeated.keys()].filter((i) => repeated[i] === 'b'));
    expect(order).toEqual(expected);
  });

  test('options are checked', () => {
    expect(checkAbcOptions(DEFAULT_ABC_OPTIONS)).toEqual([]);
    expect(checkAbcOptions(opts({ thresholds: { a: D('0.96'), b: D('0.95') } }))).toEqual(['thresholds-order']);
    expect(checkAbcOptions(opts({ thresholds: { a: D(0), b: D('0.95') } }))).toEqual(['thresholds-range']);
    expect(checkAbcOptions(opts({ countShares: { a: D('0.6'), b: D('0.5') } }))).toEqual(['count-sum']);
    expect(checkAbcOptions(opts({ thresholds: { a: D('0.80001'), b: D('0.95') } }))).toEqual(['thresholds-precision']);
  });
});

describe('exact sums', () => {
  test('invoice lines that net to zero give exactly 0 (a float sum does not)', () => {
    const acc = new ExactAccumulator();
    const id = acc.push();
    const lines = ['0.1', '0.2', '-0.3', '12.345', '-12.345'];
    for (const l of lines) {
      const out = { m: 0, s: 0 };
      expect(readPlainDecimal(l, out)).toBe(true);
      acc.addScaled(id, out.m, out.s);
    }
    expect(acc.value(id).isZero()).toBe(true);
    expect(0.1 + 0.2 - 0.3).not.toBe(0);
  });

  test('property: the accumulator equals a Decimal sum, across scales and past 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 18 }))), (terms) => {
        const acc = new ExactAccumulator();
        const id = acc.push();
        let expected = D(0);
        for (const [m, s] of terms) {
          const d = new Decimal(m.toString()).div(D(10).pow(s));
          acc.add(id, d);
          expected = expected.plus(d);
        }
        expect(acc.value(id).eq(expected)).toBe(true);
      }),
    );
  });

  test('property: the plain-decimal fast reader agrees with parseMoney whenever it accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789.-') }), fc.double({ noNaN: true }).map(String)), (s) => {
        const out = { m: 0, s: 0 };
        if (!readPlainDecimal(s, out)) return;
        const p = parseMoney(s);
        expect(p.ok).toBe(true);
        if (p.ok) expect(D(out.m).div(D(10).pow(out.s)).eq(p.value.amount)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
