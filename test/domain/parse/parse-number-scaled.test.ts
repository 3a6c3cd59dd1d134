import fc from 'fast-check';
import { Decimal } from '../../../src/domain/exact/decimal';
import { scaledToDecimal } from '../../../src/domain/exact/exact-accumulator';
import { MAX_SCALED_PLACES, parseMoney, parsePercent, readScaledMoney, readScaledShare } from '../../../src/domain/parse/parse-number';

/** The fast path's reading, or null when it hands the input to parseMoney. */
function scaled(input: unknown): [number, number] | null {
  const out = { m: NaN, s: NaN };
  return readScaledMoney(input, out) ? [out.m, out.s] : null;
}

/** parseMoney's value as text, or its error code. */
function slow(input: unknown): string {
  const r = parseMoney(input);
  return r.ok ? (r.value.currency ? `${r.value.amount.toString()} ${r.value.currency}` : r.value.amount.toString()) : `error:${r.error.code}`;
}

/** The fast path agrees with parseMoney whenever it answers, and always answers in range. */
function agrees(input: unknown): void {
  const fast = scaled(input);
  if (fast === null) return;
  const [m, s] = fast;
  expect(Number.isSafeInteger(m)).toBe(true);
  expect(Object.is(m, -0)).toBe(false);
  expect(s >= 0 && s <= MAX_SCALED_PLACES && Number.isInteger(s)).toBe(true);
  expect(slow(input)).toBe(scaledToDecimal(m, s).toString());
}

/** "1234567.5" → "1,234,567.5" */
function group(digits: string): string {
  const [int, frac] = digits.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}

describe('readScaledMoney: the fast path of parseMoney', () => {
  test.each([
    ['1234.5', [12345, 1]],
    ['-1,234.50', [-123450, 2]],
    ['1,234,567', [1234567, 0]],
    ['.5', [5, 1]],
    ['12.', [12, 0]],
    ['0', [0, 0]],
    ['-0', [0, 0]],
    ['-0.00', [0, 2]],
    ['007', [7, 0]],
    ['9007199254740991', [9007199254740991, 0]],
    ['0.000000000000001', [1, 15]],
    [0.1, [1, 1]],
    [-12.5, [-125, 1]],
    [0, [0, 0]],
    [-0, [0, 0]],
    [123456789, [123456789, 0]],
    [Number.MAX_SAFE_INTEGER, [Number.MAX_SAFE_INTEGER, 0]],
  ])('%p → m × 10^-s = %p', (input, expected) => {
    expect(scaled(input)).toEqual(expected);
    agrees(input);
  });

  test.each([
    '9007199254740992', // 2^53: past the safe integers
    '90071992547409930',
    '123456789012345678901234567890',
    '0.0000000000000001', // 16 places
    '1.23456789012345678',
    '1,23', // a decimal comma: rejected by parseMoney, never guessed
    '1,234.', // parseMoney rejects a grouped number ending in a point
    '12,3456',
    '1234,567',
    ',123',
    '',
    '-',
    '.',
    '+5',
    ' 5',
    '5 ',
    '1e5',
    '¥1,000',
    '$12',
    '(1,000)',
    '1,000-',
    '3万',
    '１２３',
    "'12",
    '--5',
    '1.2.3',
  ])('%p goes to parseMoney', (input) => {
    expect(scaled(input)).toBeNull();
  });

  test.each([
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [2 ** 53, '9007199254740992'],
    [-(2 ** 60), '-1152921504606847000'], // its shortest decimal, as String() gives it
    [0.1 + 0.2, '0.30000000000000004'], // 17 places
    [Number.NaN, 'error:not-finite'],
    [Infinity, 'error:not-finite'],
  ])('the number %p goes to parseMoney, which reads it as %s', (x, expected) => {
    expect(scaled(x)).toBeNull();
    expect(slow(x)).toBe(expected);
  });

  test('anything but a string or a number goes to parseMoney', () => {
    for (const x of [null, undefined, true, 12n, new Decimal('1.5'), new Date(0), {}, []]) expect(scaled(x)).toBeNull();
  });

  test('property: on texts from digits, signs, commas, points, spaces and marks, the fast path never disagrees with parseMoney', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', '-', '+', ' ', 'e', '¥', '万', '(', ')'), maxLength: 14 });
    fc.assert(fc.property(text, (s) => agrees(s)), { numRuns: 5000 });
  });

  test('property: exact decimals of any size and any number of places — plain, grouped, signed — read the same on both paths', () => {
    // Mantissas below 10^30 (far past 2^53; 30 digits at most, the most an amount may have)
    // and up to 29 places (so "0." and the places stay within 30 digits): the fast path takes what fits a safe integer with at most 15 places
    // and hands the rest to parseMoney.
    const decimal = fc.record({
      units: fc.bigInt({ min: 0n, max: 10n ** 30n - 1n }),
      places: fc.integer({ min: 0, max: 29 }),
      negative: fc.boolean(),
      grouped: fc.boolean(),
    });
    fc.assert(
      fc.property(decimal, ({ units, places, negative, grouped }) => {
        const digits = new Decimal(units.toString()).div(new Decimal(10).pow(places)).toFixed(places);
        const text = `${negative ? '-' : ''}${grouped ? group(digits) : digits}`;
        const exact = new Decimal(`${negative ? '-' : ''}${digits}`);
        expect(slow(text)).toBe(exact.toString());
        const fast = scaled(text);
        const fits = units <= BigInt(Number.MAX_SAFE_INTEGER) && places <= MAX_SCALED_PLACES;
        expect(fast !== null).toBe(fits);
        if (fast) expect(scaledToDecimal(fast[0], fast[1]).eq(exact)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: JS numbers read as their shortest decimal on both paths', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100)), (x) => {
        agrees(x);
        if (Number.isSafeInteger(x)) expect(scaled(x)).toEqual([x === 0 ? 0 : x, 0]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readScaledShare: the fast path of parsePercent', () => {
  const share = (input: unknown): [number, number] | null => {
    const out = { m: NaN, s: NaN };
    return readScaledShare(input, out) ? [out.m, out.s] : null;
  };
  const slowShare = (input: unknown): string => {
    const r = parsePercent(input);
    return r.ok ? r.value.toString() : `error:${r.error.code}`;
  };
  const agreesShare = (input: unknown) => {
    const fast = share(input);
    if (fast === null) return;
    expect(Number.isSafeInteger(fast[0]) && fast[1] >= 0 && fast[1] <= MAX_SCALED_PLACES).toBe(true);
    expect(slowShare(input)).toBe(scaledToDecimal(fast[0], fast[1]).toString());
  };

  test.each([
    ['12%', [12, 2]],
    ['12.34%', [1234, 4]],
    ['-5%', [-5, 2]],
    ['1,250%', [1250, 2]],
    ['0.125', [125, 3]],
    ['1', [1, 0]],
    ['-1.000', [-1000, 3]],
    [0.5, [5, 1]],
    [1, [1, 0]],
    [-1, [-1, 0]],
  ])('%p → %p', (input, expected) => {
    expect(share(input)).toEqual(expected);
    agreesShare(input);
  });

  test.each(['12', '1.0001', 12, -1.5, '%', '-%', ' 12%', '12 %', '12%%', '１２%', '12.12345678901234%', '', 'abc%'])('%p goes to parsePercent', (input) => {
    expect(share(input)).toBeNull();
  });

  test('property: whenever the fast path answers, parsePercent gives the same value', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '.', ',', '-', '%', ' '), maxLength: 10 });
    const numbers = fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: -5, max: 5 }));
    const percents = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 18 })).map(([u, p]) => `${new Decimal(u.toString()).div(new Decimal(10).pow(p)).toFixed(p)}%`);
    fc.assert(fc.property(fc.oneof(text, numbers, percents), (x) => agreesShare(x)), { numRuns: 5000 });
  });
});
