import fc from 'fast-check';
import { fmtMoney, fmtPercent } from '../../../src/domain/bonus/format';
import type { NewBrandLine, NewCustomerLine } from '../../../src/domain/bonus/line';
import { isPlainText, runBonus } from '../../../src/domain/bonus/run';
import { Decimal, roundHalfUp } from '../../../src/domain/exact/decimal';
import { cleanTyped } from '../../../src/domain/parse/normalize-text';
import { serialToIso } from '../../../src/domain/parse/parse-date';
import { parseMoney, parsePercent } from '../../../src/domain/parse/parse-number';

/**
 * The engines read amounts through a fast path (plain numbers, no Decimal per row) and compare
 * and show weighted margins without dividing. These properties compute the same lines the slow,
 * obvious way — every cell through parseMoney/parsePercent, every sum, product and quotient in
 * Decimal — and require identical results, on amounts that are JS numbers, texts with many
 * decimals, and values far past 2^53, and on rates with many decimals.
 */

const D = (x: string | number) => new Decimal(x);
const START = 46023; // 2026-01-01

const amount = fc.oneof(
  fc.integer({ min: 0, max: 20_000_000 }).map((c) => (c / 100).toFixed(2)), // typical: cents
  fc.integer({ min: 0, max: 20_000_000 }).map((c) => c / 100), // a JS number with cents
  fc.integer({ min: 1, max: 300_000 }), // a whole JS number
  fc.bigInt({ min: 1n, max: 10n ** 24n }).map((u) => u.toString()), // past 2^53
  fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 22n }), fc.integer({ min: 3, max: 20 })).map(([u, p]) => D(u.toString()).div(D(10).pow(p)).toFixed(p)), // many decimals
  fc.integer({ min: 0, max: 9_999_999 }).map((c) => `${(c / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`), // grouped
  fc.integer({ min: 1, max: 50_000 }).map((c) => `-${c}.5`), // negative
  fc.constantFrom('0', '0.00', '¥1,000', '$12,000', '(1,000)', '3万', '1.5E+3'), // the full parser's forms
);
const margin = fc.oneof(
  fc.integer({ min: 0, max: 3000 }).map((b) => `${(b / 100).toFixed(2)}%`),
  fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  fc.constantFrom('0.123456789012345678', '10%', '9.99%', '0.1'),
);
const rate = fc.constantFrom('7.1', '7.123456789', '6.3', '7.12345678901234567891', '1');

/** Decimal-path value of an amount cell in CNY (no currency mark assumed unless the text has one). */
function cny(cell: unknown, currency: string, fx: Record<string, Decimal>): { amount: Decimal; inCny: Decimal; currency: string } {
  const r = parseMoney(cell);
  if (!r.ok) throw new Error(`test data: ${String(cell)}`);
  const c = r.value.currency ?? currency;
  return { amount: r.value.amount, currency: c, inCny: c === 'CNY' ? r.value.amount : r.value.amount.times(fx[c]) };
}
const share = (cell: unknown) => {
  const r = parsePercent(cell);
  if (!r.ok) throw new Error(`test data: ${String(cell)}`);
  return r.value;
};

describe('the fast path equals the Decimal path', () => {
  test('property: new-customer sums, weighted margins, gates and reasons', async () => {
    const order = fc.record({ amount, margin, usd: fc.boolean(), day: fc.integer({ min: 0, max: 40 }) });
    const customer = fc.array(order, { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(customer, { minLength: 1, maxLength: 6 }), rate, async (customers, usd) => {
        const fx = { CNY: D(1), USD: D(usd) };
        const rows = customers.flatMap((orders, c) =>
          orders.map((o) => {
            // A marked amount ($12,000, ¥1,000) keeps its own currency; the column agrees with it.
            const marked = typeof o.amount === 'string' ? parseMoney(o.amount) : null;
            const currency = marked?.ok && marked.value.currency ? marked.value.currency : o.usd ? 'USD' : 'CNY';
            return ['Li', `C${c}`, serialToIso(START + o.day), o.amount, currency, o.margin, '', 'trade', 'yes'];
          }),
        );
        const headers = ['rep', 'customer', 'date', 'amount', 'currency', 'margin', 'prepayment', 'customer_type', 'self_developed'];
        const r = await runBonus('new-customer', { headers, rows }, { fx: { USD: D(usd) }, lang: 'en-US' });
        expect(r.rejected.count).toBe(0);
        expect(r.lines).toHaveLength(customers.length);
        r.lines.forEach((line, c) => {
          const l = line as NewCustomerLine;
          const mine = rows.filter((row) => row[1] === `C${c}`);
          let sum = D(0);
          let weighted = D(0);
          for (const row of mine) {
            const x = cny(row[3], row[4] as string, fx).inCny;
            sum = sum.plus(x);
            weighted = weighted.plus(x.times(share(row[5])));
          }
          const first = [...mine].sort((a, b) => String(a[2]).localeCompare(String(b[2])))[0];
          const m = mine.length === 1 ? share(first[5]) : sum.isZero() ? null : weighted.div(sum);
          expect(l.sumCny.eq(sum)).toBe(true);
          expect(l.basis.eq(sum)).toBe(true);
          expect(l.margin === null ? null : l.margin.toString()).toBe(m === null ? null : m.toString());
          const tier = sum.gte(300_000) ? 2500 : sum.gte(200_000) ? 1500 : sum.gte(100_000) ? 1000 : 0;
          const eligible = mine.length >= 3 && m !== null && m.gte('0.1') && tier > 0;
          expect(l.eligible).toBe(eligible);
          expect(l.bonus.toNumber()).toBe(eligible ? tier : 0);
          // The reason names every gate when the line pays, else the failing ones (and the sum when no band holds it).
          if (eligible || tier === 0) expect(l.reason).toContain(fmtMoney(sum));
          if (m !== null && (eligible || m.lt('0.1'))) expect(l.reason).toContain(`margin ${fmtPercent(m, 'en-US')} ${m.gte('0.1') ? '≥' : '<'} 10 %`);
          if (m !== null && !eligible && m.gte('0.1')) expect(l.reason).not.toContain('margin');
          expect(l.orders.map((o) => o.amountCny.toString())).toEqual(
            [...mine].sort((a, b) => String(a[2]).localeCompare(String(b[2]))).map((row) => cny(row[3], row[4] as string, fx).inCny.toString()),
          );
        });
      }),
      { numRuns: 150 },
    );
  });

  test('property: new-brand amounts, CNY sums, bases, weighted margins and reasons', async () => {
    const row = fc.record({ amount, margin, currency: fc.constantFrom('USD', 'USD', 'CNY', 'EUR'), contract: fc.integer({ min: 0, max: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), rate, async (input, usd) => {
        const fx = { CNY: D(1), USD: D(usd), EUR: D('7.8') };
        const rows = input.map((o, i) => {
          const marked = typeof o.amount === 'string' ? parseMoney(o.amount) : null;
          const currency = marked?.ok && marked.value.currency ? marked.value.currency : o.currency;
          return ['Li', `HT-${o.contract}`, serialToIso(START + i), o.amount, currency, o.margin];
        });
        const r = await runBonus('new-brand', { headers: ['rep', 'contract', 'date', 'amount', 'currency', 'margin'], rows }, { fx: { USD: D(usd), EUR: D('7.8') }, lang: 'en-US' });
        expect(r.rejected.count).toBe(0);
        for (const line of r.lines) {
          const l = line as NewBrandLine;
          const mine = rows.filter((x) => x[1] === l.key);
          const read = mine.map((x) => ({ ...cny(x[3], x[4] as string, fx), margin: share(x[5]) }));
          const inCny = read.reduce((s, x) => s.plus(x.inCny), D(0));
          const mixed = new Set(read.map((x) => x.currency)).size > 1;
          const currency = mixed ? 'CNY' : read[0].currency;
          const amountSum = mixed ? inCny : read.reduce((s, x) => s.plus(x.amount), D(0));
          const m = read.length === 1 ? read[0].margin : inCny.isZero() ? D(0) : read.reduce((s, x) => s.plus(x.inCny.times(x.margin)), D(0)).div(inCny);
          const basis = currency === 'USD' ? amountSum : roundHalfUp(Decimal.clone({ precision: 300 }).div(inCny.toString(), usd));
          expect([l.currency, l.amount.toString(), l.amountCny.toString(), l.basis.toString(), l.margin.toString()]).toEqual([
            currency,
            amountSum.toString(),
            inCny.toString(),
            basis.toString(),
            m.toString(),
          ]);
          // Bands on the USD basis, bounds converted to CNY by multiplying (never dividing).
          const bands: [number, number][] = [[10_000, 300], [30_000, 500], [60_000, 800], [100_000, 1000]];
          let bonus = 0;
          for (const [lower, value] of bands) if (inCny.gt(D(lower).times(usd))) bonus = value;
          const eligible = bonus > 0 && m.gte('0.1');
          expect(l.eligible).toBe(eligible);
          expect(l.bonus.toNumber()).toBe(eligible ? bonus : 0);
          expect(l.reason).toContain(`margin ${fmtPercent(m, 'en-US')} ${m.gte('0.1') ? '≥' : '<'} 10 %`);
          expect(l.rows).toEqual(mine.map((x) => rows.indexOf(x) + 2));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('line fields computed on first read', () => {
  const headers = ['rep', 'customer', 'date', 'amount', 'currency', 'margin', 'prepayment', 'customer_type', 'self_developed'];
  const rows = [
    ['Li', 'X', '2026-01-10', '100,000', 'CNY', '12%', '60%', 'industrial', 'yes'],
    ['Li', 'X', '2026-01-05', '100,000', 'CNY', '8%', '', 'industrial', 'yes'],
    ['Li', 'X', '2026-01-20', '100,000', 'CNY', '13%', '', 'industrial', 'yes'],
  ];

  test('margin, rows and orders are own enumerable properties that read like plain data', async () => {
    const [line] = (await runBonus('new-customer', { headers, rows }, { lang: 'en-US' })).lines as NewCustomerLine[];
    for (const key of ['margin', 'rows', 'orders']) expect(Object.keys(line)).toContain(key);
    // Spreading (or cloning) a line carries them, computed.
    const copy = { ...line };
    expect(copy.margin?.toString()).toBe('0.11');
    expect(copy.rows).toEqual([3, 2, 4]);
    expect(copy.orders.map((o) => [o.row, o.amount.toString(), o.margin.toString(), o.prepayment?.toString() ?? null])).toEqual([
      [3, '100000', '0.08', null],
      [2, '100000', '0.12', '0.6'],
      [4, '100000', '0.13', null],
    ]);
    expect(JSON.parse(JSON.stringify(line)).rows).toEqual([3, 2, 4]);
    // Read twice: the same objects (computed once).
    expect(line.orders).toBe(line.orders);
    expect(line.margin).toBe(line.margin);
    // Assignable like any field.
    line.rows = [9];
    line.margin = null;
    expect([line.rows, line.margin]).toEqual([[9], null]);
    expect(Object.getOwnPropertyDescriptor(line, 'rows')).toMatchObject({ value: [9], writable: true, enumerable: true });
  });

  test('new-brand margin and rows likewise', async () => {
    const r = await runBonus(
      'new-brand',
      {
        headers: ['rep', 'contract', 'date', 'amount', 'currency', 'margin'],
        rows: [
          ['Li', 'C1', '2026-01-05', '20,000', 'USD', '5%'],
          ['Li', 'C2', '2026-01-05', '1', 'USD', '5%'],
          ['Li', 'C1', '2026-01-06', '10,000', 'USD', '20%'],
        ],
      },
      { fx: { USD: D('7.1') }, lang: 'en-US' },
    );
    const [c1, c2] = r.lines as NewBrandLine[];
    expect({ ...c1 }).toMatchObject({ rows: [2, 4], margin: D(0.1) });
    expect(c1.margin.toString()).toBe('0.1');
    expect([c2.rows, c2.margin.toString()]).toEqual([[3], '0.05']);
  });
});

describe('isPlainText: cells taken as they are, without cleaning', () => {
  test('property: exactly what the former pattern accepted, and only texts cleanTyped leaves unchanged', () => {
    const former = /^[\x21-\x26\x28-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', "'", '\u00a0', '\t', '～', '１', '乙', '~', '!', '\u3000'), maxLength: 6 }),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(isPlainText(s)).toBe(former.test(s));
        if (isPlainText(s)) expect(cleanTyped(s)).toBe(s);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('remembered cells read as before', () => {
  test('blank prepayments are none, a blank margin sets the row aside, repeated bad cells give the same reason each time', async () => {
    const headers = ['rep', 'customer', 'date', 'amount', 'currency', 'margin', 'prepayment', 'customer_type', 'self_developed'];
    const row = (customer: string, margin: unknown, prepayment: unknown, date: unknown = '2026-01-05') => ['Li', customer, date, '1,000', 'CNY', margin, prepayment, 'industrial', 'yes'];
    const r = await runBonus(
      'new-customer',
      {
        headers,
        rows: [
          row('A', '12%', ''),
          row('B', '12%', '  '),
          row('C', '12%', null),
          row('D', '12%', "'"),
          row('E', '12%', '60%'),
          row('F', '12%', 0.6),
          row('G', '', '60%'),
          row('H', '   ', '60%'),
          row('I', '12', '60%'),
          row('J', '12', '60%'),
          row('K', '12%', '6O%'),
          row('L', '12%', '60%', '2026-02-30'),
          row('M', '12%', '60%', '2026-02-30'),
        ],
      },
      { lang: 'en-US' },
    );
    expect((r.lines as NewCustomerLine[]).map((l) => [l.key, l.prepayment?.toString() ?? null])).toEqual([
      ['A', null],
      ['B', null],
      ['C', null],
      ['D', null],
      ['E', '0.6'],
      ['F', '0.6'],
    ]);
    expect(r.rejected.rows.map((x) => [x.row, x.reason.replace(/:.*/, ':…')])).toEqual([
      [8, 'margin is blank'],
      [9, 'margin is blank'],
      [10, 'margin:…'],
      [11, 'margin:…'],
      [12, 'prepayment:…'],
      [13, 'date:…'],
      [14, 'date:…'],
    ]);
    expect(r.rejected.rows[2].reason).toBe(r.rejected.rows[3].reason);
    expect(r.rejected.rows[5].reason).toBe(r.rejected.rows[6].reason);
  });
});
