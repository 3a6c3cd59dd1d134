import fc from 'fast-check';
import { TextIds } from '../../../src/domain/kernels/text-ids';

describe('TextIds: texts numbered in order of first appearance', () => {
  test('new texts get the next number; a text seen before gets its number back', () => {
    const ids = new TextIds();
    expect([ids.idOf('HT-1'), ids.isNew]).toEqual([0, true]);
    expect([ids.idOf('HT-2'), ids.isNew]).toEqual([1, true]);
    expect([ids.idOf('HT-1'), ids.isNew]).toEqual([0, false]);
    expect([ids.idOf(''), ids.idOf('深圳市甲'), ids.idOf('\ud83d\ude00'), ids.idOf('')]).toEqual([2, 3, 4, 2]);
    expect(ids.texts).toEqual(['HT-1', 'HT-2', '', '深圳市甲', '\ud83d\ude00']);
    expect(ids.size).toBe(5);
  });

  test('texts built differently (concatenated, sliced) with the same characters are the same text', () => {
    const ids = new TextIds();
    const a = ids.idOf(`Customer ${12345}`);
    expect(ids.idOf('Customer 12345')).toBe(a);
    expect(ids.idOf('xxCustomer 12345yy'.slice(2, -2))).toBe(a);
  });

  test('property: the same numbering as a Map, through growth and hash collisions', () => {
    // Short texts over a tiny alphabet collide often in the low bits of the hash.
    const text = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '乙'), maxLength: 4 }), fc.string({ maxLength: 12 }), fc.nat(20_000).map((n) => `C${n}`));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 3000 }), (texts) => {
        const ids = new TextIds();
        const map = new Map<string, number>();
        for (const t of texts) {
          let expected = map.get(t);
          const isNew = expected === undefined;
          if (expected === undefined) map.set(t, (expected = map.size));
          expect(ids.idOf(t)).toBe(expected);
          expect(ids.isNew).toBe(isNew);
        }
        expect(ids.texts).toEqual([...map.keys()]);
      }),
      { numRuns: 200 },
    );
  });

  test('a hundred thousand texts', () => {
    const ids = new TextIds();
    for (let i = 0; i < 100_000; i++) expect(ids.idOf(`K${i}`)).toBe(i);
    for (let i = 99_999; i >= 0; i -= 7) expect(ids.idOf(`K${i}`)).toBe(i);
    expect(ids.size).toBe(100_000);
  });
});
