/** Helpers the object families share: argument checks and collection loads. */
import type { ApiMember } from './api-sets';
import { $, Binding, Loaded, loadList, requireApi, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { MAX_COLUMNS, overlaps, rectAddress, type ModelSheet, type Rect } from './model';

export type Internals<T> = { q: Queue; b: Binding<T>; loaded: Loaded; path: string };

export function internals<T>(q: Queue, b: Binding<T>, path: string): Internals<T> {
  return { q, b, loaded: new Loaded(path), path };
}

export const COLOR = /^#[0-9A-Fa-f]{6}$/;

/**
 * Colours are "#RRGGBB" or a named HTML colour ("orange"), as RangeFill.color says
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangefill). That another string is
 * InvalidArgument is an assumption (ASSUMPTIONS.md).
 */
export function assertColor(value: unknown, where: string): void {
  if (typeof value !== 'string' || !(COLOR.test(value) || /^[a-z]+$/i.test(value))) {
    throw new FakeOfficeError('InvalidArgument', `invalid colour ${String(value)}`, where);
  }
}

/** Enum-typed properties take only the enum's values (the reference's string unions); the code for another value is InvalidArgument by assumption. */
export function assertOneOf(value: unknown, allowed: readonly string[], where: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new FakeOfficeError('InvalidArgument', `${String(value)} is not one of ${allowed.join(', ')}`, where);
  }
}

/**
 * A 2-D array written to a range matches its size, else InvalidArgument with Excel's own message
 * (observed in https://github.com/OfficeDev/office-js/issues/1025). Excel also accepts a single
 * value for the whole range; the writer never sends one, so that is NotModelled.
 */
export function assertDims(data: unknown, rect: Rect, where: string): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(data)) throw new FakeOfficeError('NotModelled', 'a single value written to a whole range', where);
  if (data.length !== rows || data.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeOfficeError(
      'InvalidArgument',
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      where,
    );
  }
  return data as unknown[][];
}

/**
 * Removes the items of `list` inside `rect`; one only partly inside is NotModelled (Excel would
 * trim it, the fake does not). Returns the removed items.
 */
export function removeInside<T extends { rect: Rect }>(list: T[], rect: Rect, what: string, where: string): T[] {
  const removed: T[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    if (!overlaps(list[i].rect, rect)) continue;
    if (!inside(list[i].rect, rect)) throw new FakeOfficeError('NotModelled', `${what} ${rectAddress(list[i].rect)} only partly in ${rectAddress(rect)}`, where);
    removed.unshift(...list.splice(i, 1));
  }
  return removed;
}

export function inside(inner: Rect, outer: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function cellPos(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS };
}

/**
 * `collection.load('items/…')` for collections whose items are proxies of model objects:
 * each item gets the listed properties (only `allowed` ones are modelled) and can be used in
 * later requests, e.g. to delete it.
 */
export function loadItems<M, P extends { [$]: { loaded: Loaded } }>(
  q: Queue,
  collection: { path: string; loaded: Loaded },
  action: string,
  arg: string | string[] | { select?: string } | undefined,
  allowed: readonly string[],
  list: () => M[],
  proxy: (m: M) => P,
  read: (m: M, prop: string) => unknown,
  api?: ApiMember,
): void {
  const props = (loadList(arg) ?? ['items']).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
  q.push(action, collection.path, props, () => {
    if (api) requireApi(q, api);
    const unknown = props.filter((p) => !allowed.includes(p));
    if (unknown.length) throw new FakeOfficeError('NotModelled', `properties ${unknown.join(',')}`, `${collection.path}.load`);
    let n = 2;
    const items = list().map((m) => {
      const item = proxy(m);
      for (const p of props.length ? props : allowed) n += item[$].loaded.set(p, read(m, p));
      return item;
    });
    collection.loaded.set('items', items);
    return n;
  });
}
export type RangeTarget = { sheet: ModelSheet; rect: Rect };
