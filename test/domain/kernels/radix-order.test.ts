import fc from 'fast-check';
import { descendingOrder } from '../../../src/domain/kernels/radix-order';
import { orderTiesByName } from '../../../src/domain/kernels/ties-by-name';

/** The order the ABC ranking needs, by a comparison sort: value descending, then name (code units), then index. */
function sortedBy(units: Float64Array, names: string[], positive: boolean): number[] {
  return [...units.keys()]
    .filter((i) => units[i] > 0 === positive)
    .sort((x, y) => units[y] - units[x] || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0) || x - y);
}

describe('radix order and ties by name (the ABC ranking kernels)', () => {
  test('property: the same order as a comparison sort, on each side of zero', () => {
    // Values spread across both 32-bit halves of the radix keys; names that share prefixes,
    // repeat, or use high UTF-16 units; blocks of equal values longer than the insertion runs.
    const value = fc.oneof(
      fc.constantFrom(0, 1, 1, 3, -1, -3),
      fc.integer({ min: -5000, max: 5000 }),
      fc.integer({ min: 2 ** 32 - 3, max: 2 ** 32 + 3 }),
      fc.constantFrom(2 ** 45 + 1, 2 ** 50, -(2 ** 47)),
    );
    const name = fc.oneof(fc.constantFrom('', 'a', 'ab', 'abc', 'b', '深圳', '深圳市', '\uffff', '\ud83d\ude00'), fc.string({ unit: fc.constantFrom('a', 'b', '乙', '\u0000'), maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, name), { maxLength: 400, size: 'max' }), (items) => {
        const units = Float64Array.from(items, (x) => x[0]);
        const names = items.map((x) => x[1]);
        for (const positive of [true, false]) {
          const ranked = descendingOrder(units, positive);
          orderTiesByName(ranked, names);
          const expected = sortedBy(units, names, positive);
          expect(Array.from(ranked.order)).toEqual(expected);
          expect(Array.from(ranked.values)).toEqual(expected.map((i) => units[i]));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('no items on a side: empty arrays', () => {
    const r = descendingOrder(Float64Array.from([-1, 0]), true);
    expect([r.order.length, r.values.length]).toEqual([0, 0]);
  });
});
