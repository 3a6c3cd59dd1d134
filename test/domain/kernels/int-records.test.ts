import { groupItems } from '../../../src/domain/kernels/group-items';
import { IntColumn, IntRecords } from '../../../src/domain/kernels/int-records';

describe('IntRecords, IntColumn, groupItems', () => {
  test('records keep their fields through growth; new records start at zero', () => {
    const r = new IntRecords(3, 2);
    for (let i = 0; i < 5000; i++) {
      expect(r.push()).toBe(i);
      expect([r.get(i, 0), r.get(i, 1), r.get(i, 2)]).toEqual([0, 0, 0]);
      r.set(i, 0, i);
      r.set(i, 2, 1000 - i);
      r.increment(i, 1);
      r.increment(i, 1);
    }
    expect(r.size).toBe(5000);
    for (const i of [0, 1, 2, 1023, 1024, 4999]) expect([r.get(i, 0), r.get(i, 1), r.get(i, 2)]).toEqual([i, 2, 1000 - i]);
  });

  test('a column keeps its values through growth', () => {
    const c = new IntColumn();
    for (let i = 0; i < 3000; i++) c.push(i * 7);
    expect(c.size).toBe(3000);
    expect(Array.from(c.data.subarray(0, c.size))).toEqual(Array.from({ length: 3000 }, (_, i) => i * 7));
  });

  test('groupItems: items by group, arrival order kept within a group', () => {
    const groupOf = [2, 0, 2, 1, 0, 2];
    const counts = [2, 1, 3, 0];
    const { start, order } = groupItems(groupOf.length, 4, (g) => counts[g], (i) => groupOf[i]);
    expect(Array.from(start)).toEqual([0, 2, 3, 6, 6]);
    expect(Array.from(order)).toEqual([1, 4, 3, 0, 2, 5]);
  });
});
