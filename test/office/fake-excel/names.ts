import { $, Loaded, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { assertDefinedName, quoteName, rectAddress, type ModelName, type ModelSheet } from './model';
import { loadItems } from './shared';
import { FakeRange } from './range';

/**
 * Defined names (NamedItemCollection.add and NamedItem.delete: ExcelApi 1.4, https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection).
 * - A name already in the same scope is ItemAlreadyExists (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling); name syntax (assertDefinedName)
 *   and a workbook name clashing with a table name: A10.
 * - NamedItem.formula is settable and "always starts with an equal sign" (ExcelApi 1.7,
 *   https://learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-formula-member):
 *   a formula without "=" is InvalidArgument.
 * - NamedItem.type is "Range" for a reference, "Error" for one that became #REF!, "String"
 *   otherwise (https://learn.microsoft.com/javascript/api/excel/excel.nameditemtype): the fake derives it from the formula text.
 */

export class FakeNamedItemCollection {
  readonly [$]: { q: Queue; scope: () => ModelSheet | null; path: string; loaded: Loaded };
  constructor(q: Queue, scope: () => ModelSheet | null, path: string) {
    this[$] = { q, scope, path, loaded: new Loaded(path) };
  }
  get items(): FakeNamedItem[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, scope } = this[$];
    loadItems(
      q,
      this[$],
      'NamedItemCollection.load',
      arg ?? 'items/name',
      ['name', 'type', 'formula'],
      () => q.model.names.filter((n) => n.scope === scope()),
      (n) => new FakeNamedItem(q, n, `names[${n.name}]`),
      (n, p) => (p === 'type' ? nameType(n.formula) : n[p as 'name' | 'formula']),
    );
    return this;
  }
  add(name: string, reference: Excel.Range | string, comment?: string): { name: string } {
    const { q, scope, path } = this[$];
    const ref = reference as unknown;
    q.push('NamedItemCollection.add', path, { name, reference: ref instanceof FakeRange ? ref[$].path : ref, comment }, () => {
      requireApi(q, 'NamedItemCollection.add');
      assertDefinedName(name, `${path}.add`);
      const sheet = scope();
      const lower = name.toLowerCase();
      if (q.model.names.some((n) => n.scope === sheet && n.name.toLowerCase() === lower)) {
        throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} already exists`, `${path}.add`);
      }
      if (sheet === null && q.model.tables.some((t) => t.name.toLowerCase() === lower)) {
        throw new FakeOfficeError('ItemAlreadyExists', `A table is called ${name}`, `${path}.add`);
      }
      let formula: string;
      if (ref instanceof FakeRange) {
        const target = ref[$].b.get();
        formula = `=${quoteName(target.sheet.name)}!${rectAddress(target.rect, true)}`;
      } else if (typeof ref === 'string' && ref.startsWith('=')) formula = ref;
      else throw new FakeOfficeError('InvalidArgument', `name reference ${String(ref)}`, `${path}.add`);
      q.model.names.push({ name, scope: sheet, formula, comment: comment ?? '' });
    });
    return { name };
  }
}
export const _namesCheck: OnlyRealMembers<FakeNamedItemCollection, Excel.NamedItemCollection> = true;

export class FakeNamedItem implements Pick<Excel.NamedItem, 'delete' | 'formula'> {
  readonly [$]: { q: Queue; item: ModelName; path: string; loaded: Loaded };
  constructor(q: Queue, item: ModelName, path: string) {
    this[$] = { q, item, path, loaded: new Loaded(path) };
  }
  get name(): string {
    return this[$].loaded.read('name');
  }
  get type(): string {
    return this[$].loaded.read('type');
  }
  get formula(): string {
    return this[$].loaded.read('formula');
  }
  set formula(value: string) {
    const { q, item, path } = this[$];
    q.push('NamedItem.formula', path, { formula: value }, () => {
      requireApi(q, 'NamedItem.formula');
      if (typeof value !== 'string' || !value.startsWith('=')) throw new FakeOfficeError('InvalidArgument', `a name's formula starts with "=": ${String(value)}`, `${path}.formula`);
      if (!q.model.names.includes(item)) throw new FakeOfficeError('ItemNotFound', `name ${item.name} no longer exists`, `${path}.formula`);
      item.formula = value;
    });
  }
  delete(): void {
    const { q, item, path } = this[$];
    q.push('NamedItem.delete', path, null, () => {
      requireApi(q, 'NamedItem.delete');
      const i = q.model.names.indexOf(item);
      if (i < 0) throw new FakeOfficeError('ItemNotFound', `name ${item.name} no longer exists`, `${path}.delete`);
      q.model.names.splice(i, 1);
    });
  }
}
export const _nameCheck: OnlyRealMembers<FakeNamedItem, Excel.NamedItem> = true;

/** NamedItem.type as Excel reports it for the names the fake holds. */
function nameType(formula: string): string {
  if (/^=#REF!/i.test(formula)) return 'Error';
  return /!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(formula) ? 'Range' : 'String';
}
