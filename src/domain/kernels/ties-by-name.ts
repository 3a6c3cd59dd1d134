import type { DescendingOrder } from './radix-order';

/**
 * Within each block of equal values of a DescendingOrder, puts the items in name order, keeping
 * index order among equal names. A speed kernel for the ABC ranking: blocks can hold hundreds of
 * thousands of items (many customers with the same small value), so this avoids Array#sort with
 * a comparator callback — each item gets a number that orders like its name over the three
 * UTF-16 units after the block's common prefix, and a stable merge sort compares those numbers,
 * reading the names only when the numbers are equal.
 */
export function orderTiesByName({ order, values }: DescendingOrder, names: readonly string[]): void {
  const count = order.length;
  const scratch = new TieScratch();
  for (let start = 0; start < count; ) {
    const v = values[start];
    let end = start + 1;
    while (end < count && values[end] === v) end++;
    if (end - start > 1) orderBlockByName(order, start, end, names, scratch);
    start = end;
  }
}

/** Runs shorter than this are insertion-sorted before merging. */
const INSERTION_RUN = 16;

/** Buffers reused across blocks, grown to the largest block. */
class TieScratch {
  items = new Int32Array(0);
  keys = new Float64Array(0);
  tmpItems = new Int32Array(0);
  tmpKeys = new Float64Array(0);
  ensure(size: number): void {
    if (this.items.length >= size) return;
    const cap = Math.max(size, this.items.length * 2, 64);
    this.items = new Int32Array(cap);
    this.keys = new Float64Array(cap);
    this.tmpItems = new Int32Array(cap);
    this.tmpKeys = new Float64Array(cap);
  }
}

/** Code unit + 1 at position i, 0 past the end: a shorter name sorts before its extensions. */
function unitAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) + 1 : 0;
}

function orderBlockByName(order: Int32Array, start: number, end: number, names: readonly string[], scratch: TieScratch): void {
  // Already in name order (or strictly reversed), as in inputs sorted by customer: nothing to sort.
  let ascending = true;
  let descending = true;
  for (let p = start + 1; p < end && (ascending || descending); p++) {
    const a = names[order[p - 1]];
    const b = names[order[p]];
    if (a > b) ascending = false;
    if (a <= b) descending = false;
  }
  if (ascending) return;
  if (descending) {
    for (let p = start, q = end - 1; p < q; p++, q--) {
      const x = order[p];
      order[p] = order[q];
      order[q] = x;
    }
    return;
  }

  const size = end - start;
  scratch.ensure(size);
  const { items, keys } = scratch;
  const first = names[order[start]];
  let common = first.length;
  for (let p = start + 1; p < end && common > 0; p++) {
    const s = names[order[p]];
    const limit = Math.min(common, s.length);
    let k = 0;
    while (k < limit && s.charCodeAt(k) === first.charCodeAt(k)) k++;
    common = k;
  }
  // Three units of 17 bits each: at most 2^51, exact in a float64.
  for (let j = 0; j < size; j++) {
    const i = order[start + j];
    const s = names[i];
    items[j] = i;
    keys[j] = (unitAt(s, common) * 131072 + unitAt(s, common + 1)) * 131072 + unitAt(s, common + 2);
  }
  mergeSortByKeyThenName(items, keys, size, names, scratch);
  for (let j = 0; j < size; j++) order[start + j] = items[j];
}

/** Stable sort of items[0..size) by (key, name): insertion-sorted runs, then bottom-up merges. */
function mergeSortByKeyThenName(items: Int32Array, keys: Float64Array, size: number, names: readonly string[], scratch: TieScratch): void {
  for (let lo = 0; lo < size; lo += INSERTION_RUN) {
    const hi = Math.min(lo + INSERTION_RUN, size);
    for (let j = lo + 1; j < hi; j++) {
      const item = items[j];
      const key = keys[j];
      let p = j - 1;
      while (p >= lo && (keys[p] > key || (keys[p] === key && names[items[p]] > names[item]))) {
        items[p + 1] = items[p];
        keys[p + 1] = keys[p];
        p--;
      }
      items[p + 1] = item;
      keys[p + 1] = key;
    }
  }
  let srcItems: Int32Array = items;
  let srcKeys: Float64Array = keys;
  let dstItems: Int32Array = scratch.tmpItems;
  let dstKeys: Float64Array = scratch.tmpKeys;
  for (let width = INSERTION_RUN; width < size; width *= 2) {
    for (let lo = 0; lo < size; lo += 2 * width) {
      const mid = Math.min(lo + width, size);
      const hi = Math.min(lo + 2 * width, size);
      let a = lo;
      let b = mid;
      let out = lo;
      while (a < mid && b < hi) {
        // Take from the right run only when it is strictly smaller: equal items keep their order.
        const ka = srcKeys[a];
        const kb = srcKeys[b];
        if (kb < ka || (kb === ka && names[srcItems[b]] < names[srcItems[a]])) {
          dstItems[out] = srcItems[b];
          dstKeys[out++] = kb;
          b++;
        } else {
          dstItems[out] = srcItems[a];
          dstKeys[out++] = ka;
          a++;
        }
      }
      while (a < mid) {
        dstItems[out] = srcItems[a];
        dstKeys[out++] = srcKeys[a++];
      }
      while (b < hi) {
        dstItems[out] = srcItems[b];
        dstKeys[out++] = srcKeys[b++];
      }
    }
    [srcItems, dstItems] = [dstItems, srcItems];
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
  }
  if (srcItems !== items) for (let j = 0; j < size; j++) items[j] = srcItems[j];
}
