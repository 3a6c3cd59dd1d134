import fc from 'fast-check';
import { Decimal } from '../../../src/domain/exact/decimal';
import { parseDecimal, parseMoney, parsePercent } from '../../../src/domain/parse/parse-number';

const value = (input: unknown) => {
  const r = parseDecimal(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${r.error.code}`);
  return r.value.toString();
};
const code = (input: unknown) => {
  const r = parseDecimal(input);
  return r.ok ? `ok:${r.value.toString()}` : r.error.code;
};

/** 1234567.5 → "1,234,567.5" */
function group(digits: string): string {
  const [int, frac] = digits.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}
const toFullWidth = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Non-negative decimals with up to 4 places, as exact strings. */
const decimalText = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }))
  .map(([units, places]) => new Decimal(units.toString()).div(new Decimal(10).pow(places)).toFixed(places));

describe('parseDecimal: every form of docs/rules/parsing.md', () => {
  test.each([
    ['1,234.5', '1234.5'],
    ['¥1,000', '1000'],
    ['￥1,000', '1000'],
    ['$12,000', '12000'],
    ['USD 12,000', '12000'],
    ['12,000 USD', '12000'],
    ['１２３４', '1234'],
    ['１，２３４．５', '1234.5'],
    ['3万', '30000'],
    ['1.2亿', '120000000'],
    ['3万元', '30000'],
    ['(1,000)', '-1000'],
    ['（1,000）', '-1000'],
    ["'1234", '1234'],
    ['  12.50  ', '12.5'],
    ['\u00a012\u3000', '12'],
    ['-5', '-5'],
    ['−5', '-5'],
    ['1,000-', '-1000'],
    ['-¥3', '-3'],
    ['¥-3', '-3'],
    ['(¥1,000)', '-1000'],
    ['1.5E+3', '1500'],
    ['.5', '0.5'],
    ['0', '0'],
    ['0.00', '0'],
  ])('%s → %s', (input, expected) => expect(value(input)).toBe(expected));

  test('JS numbers go through their shortest string, never binary arithmetic', () => {
    expect(value(0.1)).toBe('0.1');
    expect(value(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(value(-0)).toBe('0');
    expect(value(1e21)).toBe('1000000000000000000000');
    expect(value(123456789.12)).toBe('123456789.12');
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['1 234,5', 'decimal-comma'],
    ['1.234,5', 'decimal-comma'],
    ['1,23', 'decimal-comma'],
    ['12,3456', 'decimal-comma'],
    ['abc', 'not-a-number'],
    ['12abc', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['$', 'not-a-number'],
    ['()', 'not-a-number'],
    ['--5', 'not-a-number'],
    ['-(5)', 'not-a-number'],
    ['12%', 'not-a-number'],
    ['#N/A', 'not-a-number'],
    ['$100元', 'conflicting-currency'],
    ['EURO 5', 'not-a-number'],
    [Number.NaN, 'not-finite'],
    [Infinity, 'not-finite'],
    [true, 'not-a-number'],
    [new Date(0), 'not-a-number'],
    [{}, 'not-a-number'],
  ])('%p is rejected as %s', (input, expected) => expect(code(input)).toBe(expected));

  test('currencies are recognised before or after the number', () => {
    const cur = (s: string) => {
      const r = parseMoney(s);
      return r.ok ? `${r.value.amount.toString()} ${r.value.currency ?? '-'}` : r.error.code;
    };
    expect(cur('¥1,000')).toBe('1000 CNY');
    expect(cur('1000 RMB')).toBe('1000 CNY');
    expect(cur('CNY1000')).toBe('1000 CNY');
    expect(cur('1000元')).toBe('1000 CNY');
    expect(cur('人民币 1000')).toBe('1000 CNY');
    expect(cur('US$ 5')).toBe('5 USD');
    expect(cur('5 usd')).toBe('5 USD');
    expect(cur('5美元')).toBe('5 USD');
    expect(cur('€5')).toBe('5 EUR');
    expect(cur('5 EUR')).toBe('5 EUR');
    expect(cur('5')).toBe('5 -');
    expect(cur('$5 USD')).toBe('5 USD');
  });

  test('property: grouped, decorated and full-width forms all read the same number', () => {
    fc.assert(
      fc.property(decimalText, fc.boolean(), fc.constantFrom('', '¥', '$', 'USD ', 'RMB'), fc.boolean(), fc.boolean(), (digits, neg, cur, wide, apostrophe) => {
        const expected = new Decimal(digits).times(neg ? -1 : 1).toString();
        let text = group(digits);
        if (wide) text = toFullWidth(text);
        text = cur + text;
        if (neg) text = `(${text})`;
        if (apostrophe) text = `'${text}`;
        expect(value(` ${text} `)).toBe(expected);
        expect(value(digits)).toBe(new Decimal(digits).toString());
      }),
    );
  });

  test('property: 万 and 亿 multiply exactly', () => {
    fc.assert(
      fc.property(decimalText, (digits) => {
        expect(value(`${digits}万`)).toBe(new Decimal(digits).times(10000).toString());
        expect(value(`${digits}亿`)).toBe(new Decimal(digits).times(100000000).toString());
      }),
    );
  });

  test('property: any JS number a cell can hold reads as the decimal of its shortest string; beyond ±9.99999999999999E+307 is refused', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        if (Math.abs(n) > 9.99999999999999e307) expect(parseMoney(n)).toMatchObject({ ok: false, error: { code: 'out-of-range' } });
        else expect(value(n)).toBe(new Decimal(String(n)).toString());
      }),
    );
  });

  test('property: nothing is read as 0 unless it has a zero digit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789,.-()$¥万亿 元%abcUSD１２０\'') })), (s) => {
        const r = parseDecimal(s);
        if (r.ok && r.value.isZero()) expect(/[0０]/.test(s)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: a decimal comma is never guessed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), (int, frac) => {
        expect(code(`${int},${String(frac).padStart(2, '0')}`)).toBe('decimal-comma');
        expect(code(`1 ${String(int).padStart(3, '0')},${frac}`)).toBe('decimal-comma');
      }),
    );
  });
});

describe('parsePercent', () => {
  test.each([
    ['12%', '0.12'],
    ['12 %', '0.12'],
    ['１２％', '0.12'],
    ['0.12', '0.12'],
    [0.12, '0.12'],
    ['12.5%', '0.125'],
    ['-3%', '-0.03'],
    ['1', '1'],
    ['100%', '1'],
    ['150%', '1.5'],
  ])('%p → %s', (input, expected) => {
    const r = parsePercent(input);
    expect(r.ok && r.value.toString()).toBe(expected);
  });

  test.each([
    ['12', 'ambiguous-percent'],
    [12, 'ambiguous-percent'],
    ['1.5', 'ambiguous-percent'],
    ['', 'empty'],
    ['%', 'not-a-number'],
    ['abc%', 'not-a-number'],
    ['$12%', 'not-a-number'],
  ])('%p is rejected as %s', (input, expected) => {
    const r = parsePercent(input);
    expect(r.ok ? 'ok' : r.error.code).toBe(expected);
  });

  test('property: n% and n/100 agree', () => {
    fc.assert(
      fc.property(decimalText, (digits) => {
        const a = parsePercent(`${digits}%`);
        const frac = new Decimal(digits).div(100);
        expect(a.ok && a.value.toString()).toBe(frac.toString());
        if (frac.lte(1)) {
          const b = parsePercent(frac.toString());
          expect(b.ok && b.value.toString()).toBe(frac.toString());
        }
      }),
    );
  });
});
