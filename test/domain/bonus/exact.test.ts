import fc from 'fast-check';
import { fmtExact, fmtExactMoney, fmtExactPercent, fmtMoney, fmtNumber, fmtPercent, fmtRatioPercent, reasonTranslator } from '../../../src/domain/bonus/format';
import { Decimal } from '../../../src/domain/exact/decimal';
import {
  ExactAccumulator,
  exactCmp,
  exactDivRound,
  exactFromDecimal,
  exactTimes,
  exactToDecimal,
  exactValue,
  scaledToDecimal,
  type ExactValue,
} from '../../../src/domain/exact/exact-accumulator';
import { format } from '../../../src/i18n/define';
import messages from '../../../src/i18n/bonus';

/**
 * The plain-number arithmetic behind the bonus engines (sums, products, comparisons, rounded
 * quotients, formatting) must give exactly what Decimal gives: these properties run both on
 * values that fit plain numbers and on values far past 2^53 or with many decimals, where the
 * code falls back to Decimal.
 */

const D = (x: string | number) => new Decimal(x);

/** Decimals of every size: small amounts with cents, values past 2^53, up to 25 places, negatives. */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 28n), max: 10n ** 28n }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, places, size]) => {
    // Most values small (what files hold), some huge.
    const u = size === 0 ? units : units % 10n ** BigInt(4 + size * 4);
    return new Decimal(u.toString()).div(new Decimal(10).pow(places));
  });

/** An ExactValue in either form: plain numbers when the value fits, else the Decimal itself. */
const exact = decimal.map((d) => ({ d, x: exactFromDecimal(d, exactValue()) }));

/** The value written without a Decimal when it fits (so both code paths are exercised). */
function forms(d: Decimal): ExactValue[] {
  const plain = exactFromDecimal(d, exactValue());
  return plain.big === null ? [plain, { m: 0, s: 0, big: d }] : [plain];
}

/** fmtNumber as it was written before the fast version: the reference. */
function fmtNumberReference(x: Decimal, maxPlaces = 2): string {
  const rounded = x.toDecimalPlaces(maxPlaces, Decimal.ROUND_HALF_UP);
  const [int, frac] = rounded.abs().toFixed(rounded.isInteger() ? 0 : maxPlaces).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded.isNeg() && !rounded.isZero() ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

describe('exact values: plain numbers while they fit, Decimal beyond, the same results', () => {
  test('a value is held in plain numbers only when its mantissa is a safe integer and it has at most 15 places', () => {
    expect(exactFromDecimal(D('1234.50'), exactValue())).toEqual({ m: 12345, s: 1, big: null });
    expect(exactFromDecimal(D('-0'), exactValue())).toEqual({ m: 0, s: 0, big: null });
    expect(exactFromDecimal(D('9007199254740991'), exactValue()).big).toBeNull();
    expect(exactFromDecimal(D('9007199254740993'), exactValue()).big?.toString()).toBe('9007199254740993');
    expect(exactFromDecimal(D('0.0000000000000001'), exactValue()).big?.toString()).toBe('0.0000000000000001');
    expect(scaledToDecimal(-5, 3).toString()).toBe('-0.005');
    expect(scaledToDecimal(123456, 2).toString()).toBe('1234.56');
  });

  test('property: round trip, products and comparisons equal Decimal arithmetic', () => {
    fc.assert(
      fc.property(exact, exact, ({ d: a, x: ax }, { d: b, x: bx }) => {
        expect(exactToDecimal(ax).eq(a)).toBe(true);
        expect(exactToDecimal(exactTimes(ax, bx, exactValue())).eq(a.times(b))).toBe(true);
        for (const fa of forms(a)) for (const fb of forms(b)) expect(exactCmp(fa, fb)).toBe(a.cmp(b));
      }),
      { numRuns: 2000 },
    );
  });

  test('property: ExactAccumulator sums exactly, whatever mix of sizes and scales', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 40 }), (values) => {
        const acc = new ExactAccumulator();
        acc.push(); // a neighbouring sum that must stay untouched
        const id = acc.push();
        let reference = D(0);
        for (const v of values) {
          const x = exactFromDecimal(v, exactValue());
          if (x.big === null) acc.addScaled(id, x.m, x.s);
          else acc.add(id, x.big);
          reference = reference.plus(v);
        }
        expect(acc.value(0).isZero()).toBe(true);
        expect(acc.value(id).eq(reference)).toBe(true);
        expect(exactToDecimal(acc.exact(id, exactValue())).eq(reference)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('a running sum that leaves the safe integers moves to Decimal and stays exact', () => {
    const acc = new ExactAccumulator();
    const id = acc.push();
    acc.addScaled(id, Number.MAX_SAFE_INTEGER, 0);
    acc.addScaled(id, Number.MAX_SAFE_INTEGER, 0);
    acc.addScaled(id, 1, 15);
    expect(acc.value(id).toString()).toBe('18014398509481982.000000000000001');
    expect(acc.exact(id, exactValue()).big?.toString()).toBe('18014398509481982.000000000000001');
  });

  test('property: a quotient rounded half-up to n places equals Decimal division then rounding', () => {
    fc.assert(
      fc.property(exact, exact, fc.integer({ min: 0, max: 6 }), ({ d: a }, { d: b }, places) => {
        fc.pre(!b.isZero());
        // 300 significant digits is far more than any of these quotients needs to round correctly.
        const reference = Decimal.clone({ precision: 300 }).div(a.toString(), b.toString()).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
        for (const fa of forms(a)) for (const fb of forms(b)) expect(exactToDecimal(exactDivRound(fa, fb, places, exactValue())).eq(reference)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('half-up means half away from zero, on both signs, exactly at the half', () => {
    const q = (n: string, d: string) => exactToDecimal(exactDivRound(exactFromDecimal(D(n), exactValue()), exactFromDecimal(D(d), exactValue()), 2, exactValue())).toString();
    expect(q('1', '8')).toBe('0.13'); // 0.125
    expect(q('-1', '8')).toBe('-0.13');
    expect(q('1', '-8')).toBe('-0.13');
    expect(q('-1', '-8')).toBe('0.13');
    expect(q('1', '3')).toBe('0.33');
    expect(q('2', '3')).toBe('0.67');
    expect(q('-0.004', '1')).toBe('0');
    expect(q('123456789012345678901234567890', '7')).toBe('17636684144620811271604938270');
  });
});

describe('formatting from exact values', () => {
  test('property: fmtNumber and fmtExact print what the reference formatter prints', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 4 }), (d, places) => {
        const expected = fmtNumberReference(d, places);
        expect(fmtNumber(d, places)).toBe(expected);
        for (const x of forms(d)) expect(fmtExact(x, places)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  test('values that round to zero print without a sign; halves round away from zero', () => {
    for (const [v, text] of [
      ['-0.001', '0'],
      ['-0.005', '-0.01'],
      ['0.005', '0.01'],
      ['1234567.125', '1,234,567.13'],
      ['-1234567.125', '-1,234,567.13'],
      ['1000', '1,000'],
      ['999.999', '1,000'],
      ['12.5', '12.50'],
    ] as const) {
      expect(fmtNumber(D(v))).toBe(text);
      expect(fmtExact(exactFromDecimal(D(v), exactValue()))).toBe(text);
    }
  });

  test('property: money and percentages from exact values print as from Decimals', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom('CNY', 'USD'), fc.constantFrom('en-US', 'zh-CN') as fc.Arbitrary<'en-US' | 'zh-CN'>, (d, currency, lang) => {
        for (const x of forms(d)) {
          expect(fmtExactMoney(x, currency)).toBe(fmtMoney(d, currency));
          expect(fmtExactPercent(x, lang)).toBe(fmtPercent(d, lang));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('property: a ratio shown as a percentage equals fmtPercent of the Decimal quotient', () => {
    fc.assert(
      fc.property(decimal, decimal, (num, den) => {
        fc.pre(!den.isZero());
        const quotient = num.div(den);
        for (const a of forms(num)) for (const b of forms(den)) expect(fmtRatioPercent(a, b, 'en-US')).toBe(fmtPercent(quotient, 'en-US'));
      }),
      { numRuns: 2000 },
    );
  });

  test('reasonTranslator writes exactly what format() writes, a missing parameter left visible', () => {
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const t = reasonTranslator(messages, lang);
      for (const [key, template] of Object.entries(messages[lang])) {
        const params = { amount: '¥1', band: '1–2', n: 3, from: 'a', to: 'b', min: '10 %', rep: 'Li', why: 'x', facts: 'f', bonus: '¥3', gates: 'g' };
        expect(t(key as keyof (typeof messages)['en-US'], params)).toBe(format(template, params));
        expect(t(key as keyof (typeof messages)['en-US'], {})).toBe(format(template, {}));
        expect(t(key as keyof (typeof messages)['en-US'])).toBe(template);
      }
    }
  });
});
