import { $, Binding, Loaded, loadList, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { assertDefinedName, overlaps, parseAddress, rectAddress, type ModelSheet, type ModelTable } from './model';
import { internals, type Internals, type RangeTarget } from './shared';
import { FakeRequestContext } from './workbook';
import { FakeRange } from './range';

/**
 * Tables (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection, https://learn.microsoft.com/javascript/api/excel/excel.table).
 * - A table over another table or over merged cells is MergedRangeConflict: "A table can't
 *   overlap with another table, a PivotTable report, query results, merged cells, or an XML Map"
 *   (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * - style: "TableStyleLight1" through "TableStyleLight21", "TableStyleMedium1" through
 *   "TableStyleMedium28", "TableStyleDark1" through "TableStyleDark11" (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-style-member).
 * - showBandedRows ExcelApi 1.3; TableColumnCollection.add with a name ExcelApi 1.4 ("1.4 allows
 *   name parameter at creation time", https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection).
 * - Header cells become unique text (blank → Column1 …), new tables are Table1, Table2 …, a name
 *   taken by a table or a defined name is refused, delete removes the table's cells: A7.
 */

const TABLE_STYLE = /^(TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01])))?$/;

export class FakeTableCollection {
  readonly [$]: { q: Queue; scope: () => ModelSheet | null; path: string; context: FakeRequestContext; loaded: Loaded };

  constructor(q: Queue, scope: () => ModelSheet | null, path: string, context: FakeRequestContext) {
    this[$] = { q, scope, path, context, loaded: new Loaded(path) };
  }

  get items(): FakeTable[] {
    return this[$].loaded.read('items');
  }

  load(arg?: string | string[] | { select?: string }): this {
    const { q, scope, path, context, loaded } = this[$];
    const props = (loadList(arg) ?? ['items']).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    q.push('TableCollection.load', path, props, () => {
      const sheet = scope();
      const tables = q.model.tables.filter((t) => sheet === null || t.sheet === sheet);
      const items = tables.map((t) => {
        const b = new Binding<ModelTable>(`table ${t.name}`);
        b.set(t);
        const proxy = new FakeTable(q, b, `tables[${t.name}]`, context);
        proxy[$].snapshot(props.length ? props : ['name']);
        return proxy;
      });
      loaded.set('items', items);
      return items.length * 30;
    });
    return this;
  }

  add(address: Excel.Range | string, hasHeaders: boolean): FakeTable {
    const { q, scope, path, context } = this[$];
    const b = new Binding<ModelTable>(`${path}.add(${String(address)})`);
    if (typeof address !== 'string') throw new FakeOfficeError('NotModelled', 'tables.add with a Range', `${path}.add`);
    q.push('TableCollection.add', path, { address, hasHeaders }, () => {
      const model = q.model;
      const parsed = parseAddress(address);
      const scopeSheet = scope();
      const sheet = parsed.sheet !== undefined ? model.sheet(parsed.sheet) : scopeSheet;
      if (!sheet) throw new FakeOfficeError('InvalidArgument', `table address ${address} names no sheet`, `${path}.add`);
      if (scopeSheet && sheet !== scopeSheet) throw new FakeOfficeError('InvalidArgument', `address ${address} is on another sheet`, `${path}.add`);
      const rect = parsed.rect;
      if (!hasHeaders) throw new FakeOfficeError('NotModelled', 'tables without headers', `${path}.add`);
      if (rect.bottom - rect.top < 1) throw new FakeOfficeError('NotModelled', 'a table without body rows', `${path}.add`);
      if (model.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
        throw new FakeOfficeError('MergedRangeConflict', `table ${address} overlaps another table`, `${path}.add`);
      }
      if (sheet.merges.some((m) => overlaps(m, rect))) {
        throw new FakeOfficeError('MergedRangeConflict', `table ${address} contains merged cells`, `${path}.add`);
      }
      sheet.assertEditable(rect, `${path}.add`);
      // Header cells become text; blanks become Column1, Column2 …; duplicates get a number.
      const seen = new Set<string>();
      for (let col = rect.left; col <= rect.right; col++) {
        const cell = sheet.ensureCell(rect.top, col);
        if (cell.formula !== undefined) throw new FakeOfficeError('NotModelled', `formula in table header ${rectAddress({ ...rect, left: col, right: col, bottom: rect.top })}`, `${path}.add`);
        let text = cell.value === undefined || cell.value === '' ? `Column${col - rect.left + 1}` : String(cell.value);
        let k = 2;
        const base = text;
        while (seen.has(text.toLowerCase())) text = `${base}${k++}`;
        seen.add(text.toLowerCase());
        cell.value = text;
      }
      let n = 1;
      while (model.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const table: ModelTable = { id: String(n), name: `Table${n}`, sheet, rect: { ...rect }, style: 'TableStyleMedium2', showBandedRows: true, showHeaders: true };
      model.tables.push(table);
      b.set(table);
    });
    return new FakeTable(q, b, `${path}.add(${address})`, context);
  }

  getItem(key: string): FakeTable {
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: string): FakeTable {
    return this.lookup(key, true);
  }

  private lookup(key: string, orNull: boolean): FakeTable {
    const { q, scope, path, context } = this[$];
    const b = new Binding<ModelTable>(`table ${key}`);
    q.push(orNull ? 'TableCollection.getItemOrNullObject' : 'TableCollection.getItem', path, key, () => {
      const sheet = scope();
      const t = q.model.tables.find((x) => x.name.toLowerCase() === key.toLowerCase() && (sheet === null || x.sheet === sheet));
      if (!t && !orNull) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: table ${key}`, `${path}.getItem`);
      b.set(t ?? null);
    });
    return new FakeTable(q, b, `tables[${key}]`, context);
  }
}
export const _tablesCheck: OnlyRealMembers<FakeTableCollection, Excel.TableCollection> = true;

export class FakeTable implements Pick<Excel.Table, 'name' | 'style' | 'showBandedRows'> {
  readonly [$]: Internals<ModelTable> & { context: FakeRequestContext; snapshot(props: string[]): number };

  constructor(q: Queue, b: Binding<ModelTable>, path: string, context: FakeRequestContext) {
    const base = internals(q, b, path);
    this[$] = {
      ...base,
      context,
      snapshot: (props) => {
        let n = 0;
        for (const p of props) {
          if (p === 'isNullObject') n += base.loaded.set(p, b.isNull);
          else if (p === 'name' || p === 'style' || p === 'showBandedRows') n += base.loaded.set(p, b.get()[p]);
          else throw new FakeOfficeError('InvalidArgument', `unknown or unmodelled property ${p}`, `${path}.load`);
        }
        return n;
      },
    };
  }

  load(arg?: string | string[] | { select?: string }): this {
    const { q, path } = this[$];
    const props = loadList(arg) ?? ['name', 'style', 'showBandedRows'];
    q.push('Table.load', path, props, () => this[$].snapshot(props));
    return this;
  }

  get isNullObject(): boolean {
    return this[$].loaded.read('isNullObject');
  }
  get name(): string {
    return this[$].loaded.read('name');
  }
  set name(value: string) {
    const { q, b, path } = this[$];
    q.push('Table.name', path, value, () => {
      const t = b.get();
      assertDefinedName(value, `${path}.name`);
      const lower = value.toLowerCase();
      if (q.model.tables.some((x) => x !== t && x.name.toLowerCase() === lower) || q.model.names.some((n) => n.name.toLowerCase() === lower)) {
        throw new FakeOfficeError('InvalidArgument', `A table or name called ${value} already exists`, `${path}.name`);
      }
      t.name = value;
    });
  }
  get style(): string {
    return this[$].loaded.read('style');
  }
  set style(value: string) {
    const { q, b, path } = this[$];
    q.push('Table.style', path, value, () => {
      if (!TABLE_STYLE.test(value)) throw new FakeOfficeError('InvalidArgument', `unknown table style ${value}`, `${path}.style`);
      b.get().style = value;
    });
  }
  get showBandedRows(): boolean {
    return this[$].loaded.read('showBandedRows');
  }
  set showBandedRows(value: boolean) {
    const { q, b, path } = this[$];
    q.push('Table.showBandedRows', path, value, () => {
      requireApi(q, 'Table.showBandedRows');
      b.get().showBandedRows = value;
    });
  }

  /** Deletes the table and what its cells hold, as Excel does. */
  delete(): void {
    const { q, b, path } = this[$];
    q.push('Table.delete', path, null, () => {
      const t = b.get();
      t.sheet.assertEditable(t.rect, `${path}.delete`);
      q.model.tables.splice(q.model.tables.indexOf(t), 1);
      for (let row = t.rect.top; row <= t.rect.bottom; row++)
        for (let col = t.rect.left; col <= t.rect.right; col++) t.sheet.cells.delete(t.sheet.key(row, col));
    });
  }

  getRange(): FakeRange {
    const { q, b, path, context } = this[$];
    const rb = new Binding<RangeTarget>(`${path}.getRange()`);
    q.push('Table.getRange', path, null, () => {
      const t = b.get();
      rb.set({ sheet: t.sheet, rect: { ...t.rect } });
    });
    return new FakeRange(q, rb, `${path}.getRange()`, context);
  }

  get columns(): FakeTableColumnCollection {
    const { q, b, path } = this[$];
    return new FakeTableColumnCollection(q, b, `${path}.columns`);
  }
}
export const _tableCheck: OnlyRealMembers<FakeTable, Excel.Table> = true;

export class FakeTableColumnCollection {
  readonly [$]: { q: Queue; b: Binding<ModelTable>; path: string; loaded: Loaded };
  constructor(q: Queue, b: Binding<ModelTable>, path: string) {
    this[$] = { q, b, path, loaded: new Loaded(path) };
  }
  get items(): { name: string }[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, b, path, loaded } = this[$];
    const props = (loadList(arg) ?? ['items/name']).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    q.push('TableColumnCollection.load', path, props, () => {
      if (props.some((p) => p !== 'name')) throw new FakeOfficeError('NotModelled', `table column properties ${props.join(',')}`, path);
      const t = b.get();
      const items: { name: string }[] = [];
      for (let col = t.rect.left; col <= t.rect.right; col++) items.push({ name: String(t.sheet.cell(t.rect.top, col)?.value ?? '') });
      return loaded.set('items', items);
    });
    return this;
  }
  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): { name: string } {
    const { q, b, path } = this[$];
    q.push('TableColumnCollection.add', path, { index, values, name }, () => {
      if (index !== undefined && index !== null) throw new FakeOfficeError('NotModelled', 'inserting a table column in the middle', path);
      if (values !== undefined && values !== null) throw new FakeOfficeError('NotModelled', 'table column values on add', path);
      if (name !== undefined) requireApi(q, 'TableColumnCollection.add(name)');
      const t = b.get();
      const col = t.rect.right + 1;
      if (q.model.tables.some((x) => x !== t && x.sheet === t.sheet && overlaps(x.rect, { ...t.rect, left: col, right: col }))) {
        throw new FakeOfficeError('MergedRangeConflict', 'the new column would overlap another table', path);
      }
      t.sheet.assertEditable({ ...t.rect, left: col, right: col }, path);
      t.rect.right = col;
      t.sheet.ensureCell(t.rect.top, col).value = name ?? `Column${col - t.rect.left + 1}`;
    });
    return { name: name ?? '' };
  }
}
export const _tableColsCheck: OnlyRealMembers<FakeTableColumnCollection, Excel.TableColumnCollection> = true;
