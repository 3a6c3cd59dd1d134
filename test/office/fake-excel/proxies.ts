/**
 * Fake Office.js proxy objects. Each class implements the primitive members it offers via
 * Pick<Excel.X, …> and is checked with OnlyRealMembers<FakeX, Excel.X>, so a misspelt member
 * (in the fake or in the code under test) does not compile. Setting a property or calling a
 * method queues an operation; nothing touches the model before context.sync().
 */
import { $, Binding, Loaded, loadList, requireApi, type OnlyRealMembers, type Queue } from './core';
import { copySheet } from './copy-sheet';
import { FakeOfficeError } from './errors';
import {
  assertDefinedName,
  assertSheetName,
  coerceTyped,
  MAX_COLUMNS,
  MAX_ROWS,
  overlaps,
  parseAddress,
  quoteName,
  rectAddress,
  retargetWorkbookRefs,
  sameRect,
  contains,
  type ModelChart,
  type ModelChartSeries,
  type ModelConditionalFormat,
  type ModelName,
  type ModelSheet,
  type ModelTable,
  type ModelValidation,
  type Rect,
} from './model';

type Internals<T> = { q: Queue; b: Binding<T>; loaded: Loaded; path: string };

function internals<T>(q: Queue, b: Binding<T>, path: string): Internals<T> {
  return { q, b, loaded: new Loaded(path), path };
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;

function assertColor(value: unknown, where: string): void {
  if (typeof value !== 'string' || !(COLOR.test(value) || /^[a-z]+$/i.test(value))) {
    throw new FakeOfficeError('InvalidArgument', `invalid colour ${String(value)}`, where);
  }
}

function assertOneOf(value: unknown, allowed: readonly string[], where: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new FakeOfficeError('InvalidArgument', `${String(value)} is not one of ${allowed.join(', ')}`, where);
  }
}

function assertDims(data: unknown, rect: Rect, where: string): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(data) || data.length !== rows || data.some((r) => !Array.isArray(r) || r.length !== cols)) {
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
function removeInside<T extends { rect: Rect }>(list: T[], rect: Rect, what: string, where: string): T[] {
  const removed: T[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    if (!overlaps(list[i].rect, rect)) continue;
    if (!inside(list[i].rect, rect)) throw new FakeOfficeError('NotModelled', `${what} ${rectAddress(list[i].rect)} only partly in ${rectAddress(rect)}`, where);
    removed.unshift(...list.splice(i, 1));
  }
  return removed;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

function cellPos(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS };
}

/**
 * `collection.load('items/…')` for collections whose items are proxies of model objects:
 * each item gets the listed properties (only `allowed` ones are modelled) and can be used in
 * later requests, e.g. to delete it.
 */
function loadItems<M, P extends { [$]: { loaded: Loaded } }>(
  q: Queue,
  collection: { path: string; loaded: Loaded },
  action: string,
  arg: string | string[] | { select?: string } | undefined,
  allowed: readonly string[],
  list: () => M[],
  proxy: (m: M) => P,
  read: (m: M, prop: string) => unknown,
  api = '1.1',
): void {
  const props = (loadList(arg) ?? ['items']).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
  q.push(action, collection.path, props, () => {
    requireApi(q, api, action);
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

// ---------------------------------------------------------------- request context, workbook

export class FakeRequestContext implements Pick<Excel.RequestContext, 'sync'> {
  readonly [$]: { q: Queue };
  readonly workbook: FakeWorkbook;

  constructor(q: Queue) {
    this[$] = { q };
    this.workbook = new FakeWorkbook(q, this);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    await this[$].q.sync();
    return passThroughValue as T;
  }
}
export const _ctxCheck: OnlyRealMembers<FakeRequestContext, Excel.RequestContext> = true;

export class FakeWorkbook implements Pick<Excel.Workbook, never> {
  readonly [$]: { q: Queue; context: FakeRequestContext };
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(q: Queue, context: FakeRequestContext) {
    this[$] = { q, context };
    this.worksheets = new FakeWorksheetCollection(q, context);
    this.names = new FakeNamedItemCollection(q, () => null, 'workbook.names');
    this.tables = new FakeTableCollection(q, () => null, 'workbook.tables', context);
    this.application = new FakeApplication(q);
  }

  getSelectedRange(): FakeRange {
    const { q, context } = this[$];
    const b = new Binding<{ sheet: ModelSheet; rect: Rect }>('selection');
    q.push('Workbook.getSelectedRange', 'workbook', null, () => {
      const sel = q.model.selection;
      if (!sel) throw new FakeOfficeError('InvalidSelection', 'nothing is selected', 'Workbook.getSelectedRange');
      b.set({ sheet: sel.sheet, rect: { ...sel.rect } });
    });
    return new FakeRange(q, b, 'selection', context);
  }
}
export const _wbCheck: OnlyRealMembers<FakeWorkbook, Excel.Workbook> = true;

export class FakeApplication implements Pick<Excel.Application, 'suspendApiCalculationUntilNextSync'> {
  readonly [$]: { q: Queue };
  constructor(q: Queue) {
    this[$] = { q };
  }
  suspendApiCalculationUntilNextSync(): void {
    const q = this[$].q;
    q.push('Application.suspendApiCalculationUntilNextSync', 'application', null, () => requireApi(q, '1.6', 'suspendApiCalculationUntilNextSync'));
  }
}
export const _appCheck: OnlyRealMembers<FakeApplication, Excel.Application> = true;

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection {
  readonly [$]: { q: Queue; context: FakeRequestContext; loaded: Loaded };

  constructor(q: Queue, context: FakeRequestContext) {
    this[$] = { q, context, loaded: new Loaded('WorksheetCollection') };
  }

  get items(): FakeWorksheet[] {
    return this[$].loaded.read('items');
  }

  load(arg?: string | string[] | { select?: string }): this {
    const { q, context, loaded } = this[$];
    const props = (loadList(arg) ?? ['items']).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    q.push('WorksheetCollection.load', 'worksheets', props, () => {
      const items = q.model.sheets.map((s) => {
        const b = new Binding<ModelSheet>(`worksheet ${s.name}`);
        b.set(s);
        const ws = new FakeWorksheet(q, b, `worksheets[${s.name}]`, context);
        ws[$].snapshot(props.length ? props : WORKSHEET_PROPS);
        return ws;
      });
      loaded.set('items', items);
      return items.length * 40;
    });
    return this;
  }

  add(name?: string): FakeWorksheet {
    const { q, context } = this[$];
    const b = new Binding<ModelSheet>(`added worksheet ${name}`);
    q.push('WorksheetCollection.add', 'worksheets', name ?? null, () => {
      const wanted = name ?? `Sheet${q.model.sheets.length + 1}`;
      assertSheetName(wanted);
      b.set(q.model.addSheet(wanted));
    });
    return new FakeWorksheet(q, b, `worksheets.add(${name})`, context);
  }

  getItem(key: string): FakeWorksheet {
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this.lookup(key, true);
  }

  private lookup(key: string, orNull: boolean): FakeWorksheet {
    const { q, context } = this[$];
    const b = new Binding<ModelSheet>(`worksheet ${key}`);
    q.push(orNull ? 'WorksheetCollection.getItemOrNullObject' : 'WorksheetCollection.getItem', 'worksheets', key, () => {
      const sheet = q.model.sheet(key);
      if (!sheet && !orNull) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet ${key}`, 'WorksheetCollection.getItem');
      b.set(sheet ?? null);
    });
    return new FakeWorksheet(q, b, `worksheets[${key}]`, context);
  }
}
export const _wsColCheck: OnlyRealMembers<FakeWorksheetCollection, Excel.WorksheetCollection> = true;

const WORKSHEET_PROPS = ['name', 'id', 'position', 'visibility', 'tabColor'];

export class FakeWorksheet implements Pick<Excel.Worksheet, 'delete' | 'activate'> {
  readonly [$]: Internals<ModelSheet> & { context: FakeRequestContext; snapshot(props: string[]): number };

  constructor(q: Queue, b: Binding<ModelSheet>, path: string, context: FakeRequestContext) {
    const base = internals(q, b, path);
    this[$] = {
      ...base,
      context,
      snapshot: (props: string[]) => {
        let n = 0;
        for (const p of props) {
          if (p === 'isNullObject') {
            n += base.loaded.set(p, b.isNull);
            continue;
          }
          const s = b.get();
          if (!WORKSHEET_PROPS.includes(p)) throw new FakeOfficeError('InvalidArgument', `unknown property ${p}`, `${path}.load`);
          const value = p === 'position' ? q.model.sheets.indexOf(s) : (s as unknown as Record<string, unknown>)[p];
          n += base.loaded.set(p, value);
        }
        return n;
      },
    };
  }

  get context(): FakeRequestContext {
    return this[$].context;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const { q, path } = this[$];
    const props = loadList(arg) ?? WORKSHEET_PROPS;
    q.push('Worksheet.load', path, props, () => this[$].snapshot(props));
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
    q.push('Worksheet.name', path, value, () => {
      const sheet = b.get();
      assertSheetName(value);
      const clash = q.model.sheet(value);
      if (clash && clash !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${value} already exists`, `${path}.name`);
      // Formulas refer to the sheet, not to its name: they follow a rename.
      retargetWorkbookRefs(q.model, sheet.name, value);
      sheet.name = value;
    });
  }
  get id(): string {
    return this[$].loaded.read('id');
  }
  get position(): number {
    return this[$].loaded.read('position');
  }
  set position(value: number) {
    const { q, b, path } = this[$];
    q.push('Worksheet.position', path, value, () => {
      const sheet = b.get();
      const list = q.model.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= list.length) throw new FakeOfficeError('InvalidArgument', `position ${value}`, `${path}.position`);
      list.splice(list.indexOf(sheet), 1);
      list.splice(value, 0, sheet);
    });
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this[$].loaded.read('visibility');
  }
  set visibility(value: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    const { q, b, path } = this[$];
    q.push('Worksheet.visibility', path, value, () => {
      assertOneOf(value, ['Visible', 'Hidden', 'VeryHidden'], `${path}.visibility`);
      const sheet = b.get();
      if (value !== 'Visible' && q.model.sheets.filter((s) => s !== sheet && s.visibility === 'Visible').length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one visible sheet', `${path}.visibility`);
      }
      sheet.visibility = value;
    });
  }
  get tabColor(): string {
    return this[$].loaded.read('tabColor');
  }
  set tabColor(value: string) {
    const { q, b, path } = this[$];
    q.push('Worksheet.tabColor', path, value, () => {
      requireApi(q, '1.7', 'Worksheet.tabColor');
      if (value !== '') assertColor(value, `${path}.tabColor`);
      b.get().tabColor = value;
    });
  }

  delete(): void {
    const { q, b, path } = this[$];
    q.push('Worksheet.delete', path, null, () => {
      const sheet = b.get();
      const model = q.model;
      if (model.sheets.filter((s) => s !== sheet && s.visibility === 'Visible').length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one visible sheet', `${path}.delete`);
      }
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      for (let i = model.tables.length - 1; i >= 0; i--) if (model.tables[i].sheet === sheet) model.tables.splice(i, 1);
      for (let i = model.names.length - 1; i >= 0; i--) if (model.names[i].scope === sheet) model.names.splice(i, 1);
      // Every formula left naming the deleted sheet (cells, names, rules on other sheets) is #REF! now.
      retargetWorkbookRefs(model, sheet.name, null);
      if (model.activeSheet === sheet) model.activeSheet = model.sheets[0] ?? null;
    });
  }

  activate(): void {
    const { q, b, path } = this[$];
    q.push('Worksheet.activate', path, null, () => {
      const sheet = b.get();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'cannot activate a hidden sheet', `${path}.activate`);
      q.model.activeSheet = sheet;
    });
  }

  /** ExcelApi 1.7; the model side is in copy-sheet.ts. */
  copy(positionType?: Excel.WorksheetPositionType | 'None' | 'Before' | 'After' | 'Beginning' | 'End', relativeTo?: Excel.Worksheet): FakeWorksheet {
    const { q, b, path, context } = this[$];
    const copied = new Binding<ModelSheet>(`${path}.copy()`);
    const relative = relativeTo as unknown;
    q.push('Worksheet.copy', path, { positionType, relativeTo: relative instanceof FakeWorksheet ? relative[$].path : relative }, () => {
      requireApi(q, '1.7', 'Worksheet.copy');
      const where = positionType ?? 'None';
      assertOneOf(where, ['None', 'Before', 'After', 'Beginning', 'End'], `${path}.copy`);
      const sheets = q.model.sheets;
      let at = where === 'End' ? sheets.length : 0;
      if (where === 'Before' || where === 'After') {
        if (!(relative instanceof FakeWorksheet)) throw new FakeOfficeError('InvalidArgument', `copy ${where} needs relativeTo`, `${path}.copy`);
        at = sheets.indexOf(relative[$].b.get()) + (where === 'After' ? 1 : 0);
      }
      copied.set(copySheet(q.model, b.get(), at));
    });
    return new FakeWorksheet(q, copied, `${path}.copy()`, context);
  }

  getRange(address?: string): FakeRange {
    const { q, b, path, context } = this[$];
    const rb = new Binding<{ sheet: ModelSheet; rect: Rect }>(`${path}.getRange(${address})`);
    q.push('Worksheet.getRange', path, address ?? '', () => {
      const sheet = b.get();
      if (address === undefined) return rb.set({ sheet, rect: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } });
      const parsed = parseAddress(address);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeOfficeError('InvalidArgument', `address ${address} is on another sheet`, `${path}.getRange`);
      }
      rb.set({ sheet, rect: parsed.rect });
    });
    return new FakeRange(q, rb, `${path}.getRange(${address ?? ''})`, context);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    const { q, b, path, context } = this[$];
    const rb = new Binding<{ sheet: ModelSheet; rect: Rect }>(`${path}.getUsedRange()`);
    q.push('Worksheet.getUsedRange', path, valuesOnly ?? false, () => {
      const sheet = b.get();
      if (!valuesOnly) throw new FakeOfficeError('NotModelled', 'getUsedRange(false) is not modelled', `${path}.getUsedRange`);
      // A blank sheet reports A1, as Excel does.
      rb.set({ sheet, rect: sheet.usedRect() ?? { top: 1, left: 1, bottom: 1, right: 1 } });
    });
    return new FakeRange(q, rb, `${path}.getUsedRange()`, context);
  }

  get tables(): FakeTableCollection {
    const { q, b, path, context } = this[$];
    return new FakeTableCollection(q, () => b.get(), `${path}.tables`, context);
  }
  get names(): FakeNamedItemCollection {
    const { q, b, path } = this[$];
    return new FakeNamedItemCollection(q, () => b.get(), `${path}.names`);
  }
  get notes(): FakeNoteCollection {
    const { q, b, path, context } = this[$];
    return new FakeNoteCollection(q, () => b.get(), `${path}.notes`, context);
  }
  get comments(): FakeCommentCollection {
    const { q, b, path, context } = this[$];
    return new FakeCommentCollection(q, () => b.get(), `${path}.comments`, context);
  }
  get freezePanes(): FakeFreezePanes {
    const { q, b, path } = this[$];
    return new FakeFreezePanes(q, () => b.get(), `${path}.freezePanes`);
  }
  get pageLayout(): FakePageLayout {
    const { q, b, path } = this[$];
    return new FakePageLayout(q, () => b.get(), `${path}.pageLayout`);
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    const { q, b, path } = this[$];
    return new FakePageBreakCollection(q, () => b.get(), `${path}.horizontalPageBreaks`);
  }
  get protection(): FakeWorksheetProtection {
    const { q, b, path } = this[$];
    return new FakeWorksheetProtection(q, () => b.get(), `${path}.protection`);
  }
  get charts(): FakeChartCollection {
    const { q, b, path } = this[$];
    return new FakeChartCollection(q, () => b.get(), `${path}.charts`);
  }
}
export const _wsCheck: OnlyRealMembers<FakeWorksheet, Excel.Worksheet> = true;

// ---------------------------------------------------------------- ranges

type RangeTarget = { sheet: ModelSheet; rect: Rect };

function writeCell(sheet: ModelSheet, row: number, col: number, input: unknown, where: string): void {
  if (input === null || input === undefined) return;
  const cell = sheet.ensureCell(row, col);
  delete cell.value;
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.error;
  delete cell.computed;
  if (input === '') return;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeOfficeError('InvalidArgument', `invalid number ${input}`, where);
    cell.value = input;
  } else if (typeof input === 'boolean') cell.value = input;
  else if (typeof input === 'string') {
    if (input.length > 32767) throw new FakeOfficeError('InvalidArgument', 'text longer than 32,767 characters', where);
    if (cell.numberFormat === '@' && !input.startsWith('=')) {
      cell.value = input;
      return;
    }
    const typed = coerceTyped(input);
    if (typed.formula !== undefined && typed.formula.length > 8192) throw new FakeOfficeError('InvalidArgument', 'formula too long', where);
    Object.assign(cell, { ...typed, numberFormat: cell.numberFormat ?? typed.numberFormat });
    if (cell.numberFormat === undefined) delete cell.numberFormat;
  } else throw new FakeOfficeError('InvalidArgument', `cannot write ${typeof input} into a cell`, where);
}

function readValue(sheet: ModelSheet, row: number, col: number, where: string): unknown {
  const c = sheet.cell(row, col);
  if (!c) return '';
  if (c.formula !== undefined) {
    if (c.computed === undefined) throw new FakeOfficeError('NotModelled', `the fake does not calculate ${c.formula}`, where);
    return c.computed;
  }
  if (c.error !== undefined) return c.error;
  return c.value ?? '';
}

function readFormula(sheet: ModelSheet, row: number, col: number): unknown {
  const c = sheet.cell(row, col);
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  if (c.error !== undefined) return c.error;
  return c.value ?? '';
}

function grid<T>(rect: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: T[] = [];
    for (let col = rect.left; col <= rect.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

const RANGE_PROPS = ['address', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'rowIndex', 'columnIndex'];

export class FakeRange implements Pick<Excel.Range, 'merge' | 'unmerge' | 'calculate'> {
  readonly [$]: Internals<RangeTarget> & { context: FakeRequestContext };

  constructor(q: Queue, b: Binding<RangeTarget>, path: string, context: FakeRequestContext) {
    this[$] = { ...internals(q, b, path), context };
  }

  get context(): FakeRequestContext {
    return this[$].context;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const { q, b, path, loaded } = this[$];
    const props = loadList(arg) ?? RANGE_PROPS;
    q.push('Range.load', path, props, () => {
      // A null object (getIntersectionOrNullObject with no overlap) answers only isNullObject.
      if (b.isNull) return props.includes('isNullObject') ? loaded.set('isNullObject', true) : 0;
      const { sheet, rect } = b.get();
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      let n = 0;
      for (const p of props) {
        if ((p === 'values' || p === 'formulas' || p === 'numberFormat') && cells > 5_000_000) {
          throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `reading ${cells} cells at once`, `${path}.load`);
        }
        switch (p) {
          case 'isNullObject':
            n += loaded.set(p, false);
            break;
          case 'address':
            n += loaded.set(p, `${quoteName(sheet.name)}!${rectAddress(rect)}`);
            break;
          case 'rowCount':
            n += loaded.set(p, rect.bottom - rect.top + 1);
            break;
          case 'columnCount':
            n += loaded.set(p, rect.right - rect.left + 1);
            break;
          case 'rowIndex':
            n += loaded.set(p, rect.top - 1);
            break;
          case 'columnIndex':
            n += loaded.set(p, rect.left - 1);
            break;
          case 'values':
            n += loaded.set(p, grid(rect, (r, c) => readValue(sheet, r, c, `${path}.values`)));
            break;
          case 'formulas':
            n += loaded.set(p, grid(rect, (r, c) => readFormula(sheet, r, c)));
            break;
          case 'numberFormat':
            n += loaded.set(p, grid(rect, (r, c) => sheet.cell(r, c)?.numberFormat ?? 'General'));
            break;
          default:
            throw new FakeOfficeError('InvalidArgument', `unknown or unmodelled property ${p}`, `${path}.load`);
        }
      }
      return n;
    });
    return this;
  }

  get isNullObject(): boolean {
    return this[$].loaded.read('isNullObject');
  }
  get address(): string {
    return this[$].loaded.read('address');
  }
  get rowCount(): number {
    return this[$].loaded.read('rowCount');
  }
  get columnCount(): number {
    return this[$].loaded.read('columnCount');
  }
  get rowIndex(): number {
    return this[$].loaded.read('rowIndex');
  }
  get columnIndex(): number {
    return this[$].loaded.read('columnIndex');
  }

  get values(): unknown[][] {
    return this[$].loaded.read('values');
  }
  set values(data: unknown[][]) {
    this.write('Range.values', data);
  }
  get formulas(): unknown[][] {
    return this[$].loaded.read('formulas');
  }
  set formulas(data: unknown[][]) {
    this.write('Range.formulas', data);
  }
  get numberFormat(): unknown[][] {
    return this[$].loaded.read('numberFormat');
  }
  set numberFormat(data: unknown[][]) {
    const { q, b, path } = this[$];
    q.push('Range.numberFormat', path, data, () => {
      const { sheet, rect } = b.get();
      const rows = assertDims(data, rect, `${path}.numberFormat`);
      sheet.assertEditable(rect, `${path}.numberFormat`);
      rows.forEach((line, i) =>
        line.forEach((fmt, j) => {
          if (fmt === null || fmt === undefined) return;
          if (typeof fmt !== 'string') throw new FakeOfficeError('InvalidArgument', `number format ${String(fmt)}`, `${path}.numberFormat`);
          const cell = sheet.ensureCell(rect.top + i, rect.left + j);
          if (fmt === '' || fmt === 'General') delete cell.numberFormat;
          else cell.numberFormat = fmt;
        }),
      );
    });
  }
  set columnHidden(value: boolean) {
    const { q, b, path } = this[$];
    q.push('Range.columnHidden', path, value, () => {
      const { sheet, rect } = b.get();
      for (let c = rect.left; c <= rect.right; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  private write(action: string, data: unknown[][]): void {
    const { q, b, path } = this[$];
    q.push(action, path, data, () => {
      const { sheet, rect } = b.get();
      const rows = assertDims(data, rect, `${path}.${action}`);
      sheet.assertEditable(rect, `${path}.${action}`);
      rows.forEach((line, i) => line.forEach((v, j) => writeCell(sheet, rect.top + i, rect.left + j, v, `${path}.${action}`)));
    });
  }

  merge(across?: boolean): void {
    const { q, b, path } = this[$];
    q.push('Range.merge', path, across ?? false, () => {
      requireApi(q, '1.2', 'Range.merge');
      if (across) throw new FakeOfficeError('NotModelled', 'merge across', `${path}.merge`);
      const { sheet, rect } = b.get();
      if (sheet.merges.some((m) => overlaps(m, rect))) throw new FakeOfficeError('InvalidOperation', `merge ${rectAddress(rect)} overlaps another merge`, `${path}.merge`);
      if (q.model.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
        throw new FakeOfficeError('InvalidOperation', `cannot merge cells in a table (${rectAddress(rect)})`, `${path}.merge`);
      }
      // Excel keeps only the upper-left value of a merged area.
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let col = rect.left; col <= rect.right; col++) {
          if (row === rect.top && col === rect.left) continue;
          const c = sheet.cell(row, col);
          if (c) {
            delete c.value;
            delete c.formula;
            delete c.error;
          }
        }
      sheet.merges.push({ ...rect });
    });
  }

  calculate(): void {
    const { q, b, path } = this[$];
    q.push('Range.calculate', path, null, () => {
      requireApi(q, '1.6', 'Range.calculate');
      b.get();
    });
  }

  unmerge(): void {
    const { q, b, path } = this[$];
    q.push('Range.unmerge', path, null, () => {
      requireApi(q, '1.2', 'Range.unmerge');
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.unmerge`);
      for (let i = sheet.merges.length - 1; i >= 0; i--) if (overlaps(sheet.merges[i], rect)) sheet.merges.splice(i, 1);
    });
  }

  /**
   * Contents: values and formulas; Formats: number formats and the format layers; All: both.
   * Merges, conditional formats, validations, notes and tables are NOT modelled as cleared
   * here: the writer removes each explicitly (unmerge, clearAll, dataValidation.clear …), so it
   * is right whichever of them Excel's clear also removes.
   */
  clear(applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents'): void {
    const { q, b, path } = this[$];
    const what = applyTo ?? 'All';
    q.push('Range.clear', path, what, () => {
      if (what !== 'All' && what !== 'Contents' && what !== 'Formats') throw new FakeOfficeError('NotModelled', `clear(${what})`, `${path}.clear`);
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.clear`);
      const contents = what !== 'Formats';
      const formats = what !== 'Contents';
      for (const [k, c] of sheet.cells) {
        const { row, col } = cellPos(k);
        if (!contains(rect, row, col)) continue;
        if (contents) {
          delete c.value;
          delete c.formula;
          delete c.error;
          delete c.computed;
          delete c.quotePrefix;
        }
        if (formats) delete c.numberFormat;
        if (Object.keys(c).length === 0) sheet.cells.delete(k);
      }
      if (formats) removeInside(sheet.formats, rect, 'format', `${path}.clear`);
    });
  }

  /**
   * Copy and paste of everything (ExcelApi 1.9): values, formulas, number formats, formats,
   * merged areas, conditional formats and validations of the source replace the destination's.
   * Modelled only for the same address on another sheet, so formulas need no adjusting.
   */
  copyFrom(
    sourceRange: Excel.Range | Excel.RangeAreas | string,
    copyType?: Excel.RangeCopyType | 'All' | 'Formulas' | 'Values' | 'Formats' | 'Link',
    skipBlanks?: boolean,
    transpose?: boolean,
  ): void {
    const { q, b, path } = this[$];
    const src = sourceRange as unknown;
    q.push('Range.copyFrom', path, { source: src instanceof FakeRange ? src[$].path : src, copyType, skipBlanks, transpose }, () => {
      requireApi(q, '1.9', 'Range.copyFrom');
      const where = `${path}.copyFrom`;
      if (!(src instanceof FakeRange)) throw new FakeOfficeError('NotModelled', 'copyFrom an address or RangeAreas', where);
      if ((copyType ?? 'All') !== 'All' || skipBlanks || transpose) throw new FakeOfficeError('NotModelled', `copyFrom ${copyType} skipBlanks=${skipBlanks} transpose=${transpose}`, where);
      const from = src[$].b.get();
      const to = b.get();
      if (!sameRect(from.rect, to.rect) || from.sheet === to.sheet) throw new FakeOfficeError('NotModelled', 'copyFrom only to the same address on another sheet', where);
      const rect = to.rect;
      to.sheet.assertEditable(rect, where);
      if (q.model.tables.some((t) => t.sheet === from.sheet && overlaps(t.rect, rect))) throw new FakeOfficeError('NotModelled', 'copying a table', where);
      if (from.sheet.notes.size + from.sheet.comments.size > 0) throw new FakeOfficeError('NotModelled', 'copying notes or comments', where);
      for (const [k] of to.sheet.cells) {
        const { row, col } = cellPos(k);
        if (contains(rect, row, col)) to.sheet.cells.delete(k);
      }
      for (const [k, c] of from.sheet.cells) {
        const { row, col } = cellPos(k);
        if (!contains(rect, row, col)) continue;
        const copy = { ...c };
        delete copy.computed;
        to.sheet.cells.set(k, copy);
      }
      removeInside(to.sheet.formats, rect, 'format', where);
      removeInside(to.sheet.merges.map((m) => ({ rect: m })), rect, 'merge', where);
      for (let i = to.sheet.merges.length - 1; i >= 0; i--) if (overlaps(to.sheet.merges[i], rect)) to.sheet.merges.splice(i, 1);
      removeInside(to.sheet.conditionalFormats, rect, 'conditional format', where);
      removeInside(to.sheet.validations, rect, 'validation', where);
      const copyInside = <T extends { rect: Rect }>(list: T[], what: string) => {
        for (const item of list) if (overlaps(item.rect, rect) && !inside(item.rect, rect)) throw new FakeOfficeError('NotModelled', `${what} only partly copied`, where);
        return list.filter((item) => inside(item.rect, rect)).map((item) => JSON.parse(JSON.stringify(item)) as T);
      };
      to.sheet.formats.push(...copyInside(from.sheet.formats, 'format'));
      to.sheet.merges.push(...copyInside(from.sheet.merges.map((m) => ({ rect: m })), 'merge').map((m) => m.rect));
      // Pasted rules keep their order, above any the destination keeps elsewhere.
      to.sheet.conditionalFormats.unshift(...copyInside(from.sheet.conditionalFormats, 'conditional format').map((cf) => ({ ...cf, id: q.id() })));
      to.sheet.validations.push(...copyInside(from.sheet.validations, 'validation'));
    });
  }

  /** The worksheet the range is on. */
  get worksheet(): FakeWorksheet {
    const { q, b, path, context } = this[$];
    const wb = new Binding<ModelSheet>(`${path}.worksheet`);
    q.push('Range.worksheet', path, null, () => wb.set(b.get().sheet));
    return new FakeWorksheet(q, wb, `${path}.worksheet`, context);
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): FakeRange {
    const { q, b, path, context } = this[$];
    const other = anotherRange as unknown;
    const rb = new Binding<RangeTarget>(`${path}.getIntersectionOrNullObject`);
    q.push('Range.getIntersectionOrNullObject', path, other instanceof FakeRange ? other[$].path : other, () => {
      requireApi(q, '1.4', 'Range.getIntersectionOrNullObject');
      const { sheet, rect } = b.get();
      let o: Rect;
      if (other instanceof FakeRange) {
        const t = other[$].b.get();
        if (t.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'ranges on different sheets', `${path}.getIntersectionOrNullObject`);
        o = t.rect;
      } else if (typeof other === 'string') o = parseAddress(other).rect;
      else throw new FakeOfficeError('InvalidArgument', 'range or address', `${path}.getIntersectionOrNullObject`);
      const top = Math.max(rect.top, o.top);
      const bottom = Math.min(rect.bottom, o.bottom);
      const left = Math.max(rect.left, o.left);
      const right = Math.min(rect.right, o.right);
      rb.set(top <= bottom && left <= right ? { sheet, rect: { top, left, bottom, right } } : null);
    });
    return new FakeRange(q, rb, `${path}.getIntersectionOrNullObject()`, context);
  }

  get format(): FakeRangeFormat {
    const { q, b, path } = this[$];
    return new FakeRangeFormat(q, b, `${path}.format`);
  }
  get dataValidation(): FakeDataValidation {
    const { q, b, path } = this[$];
    return new FakeDataValidation(q, b, `${path}.dataValidation`);
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    const { q, b, path } = this[$];
    return new FakeConditionalFormatCollection(q, b, `${path}.conditionalFormats`);
  }
}
export const _rangeCheck: OnlyRealMembers<FakeRange, Excel.Range> = true;

/** Setting a format property pushes a layer over the range; the last layer wins per cell. */
function formatSetter(q: Queue, b: Binding<RangeTarget>, path: string, prop: string, value: unknown, check?: () => void, api = '1.1'): void {
  q.push(`RangeFormat.${prop}`, path, value, () => {
    requireApi(q, api, `${path}.${prop}`);
    check?.();
    const { sheet, rect } = b.get();
    sheet.assertEditable(rect, `${path}.${prop}`);
    sheet.formats.push({ rect: { ...rect }, path: prop, value });
  });
}

export class FakeRangeFormat
  implements Pick<Excel.RangeFormat, 'columnWidth' | 'rowHeight' | 'horizontalAlignment' | 'verticalAlignment' | 'wrapText' | 'indentLevel'>
{
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }

  get columnWidth(): number {
    throw new FakeOfficeError('NotModelled', 'reading columnWidth', this[$].path);
  }
  set columnWidth(points: number) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.columnWidth', path, points, () => {
      requireApi(q, '1.2', 'RangeFormat.columnWidth');
      if (!(points >= 0 && points <= 255 * 7.5)) throw new FakeOfficeError('InvalidArgument', `column width ${points}`, `${path}.columnWidth`);
      const { sheet, rect } = b.get();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    throw new FakeOfficeError('NotModelled', 'reading rowHeight', this[$].path);
  }
  set rowHeight(points: number) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.rowHeight', path, points, () => {
      requireApi(q, '1.2', 'RangeFormat.rowHeight');
      if (!(points >= 0 && points <= 409)) throw new FakeOfficeError('InvalidArgument', `row height ${points}`, `${path}.rowHeight`);
      const { sheet, rect } = b.get();
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100_000); r++) sheet.rowHeights.set(r, points);
    });
  }
  get useStandardWidth(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading useStandardWidth', this[$].path);
  }
  /** true: the columns go back to the sheet's standard width. */
  set useStandardWidth(value: boolean) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.useStandardWidth', path, value, () => {
      requireApi(q, '1.2', 'RangeFormat.useStandardWidth');
      if (value !== true) throw new FakeOfficeError('NotModelled', 'useStandardWidth = false', path);
      const { sheet, rect } = b.get();
      for (const col of [...sheet.columnWidths.keys()]) if (col >= rect.left && col <= rect.right) sheet.columnWidths.delete(col);
    });
  }
  get useStandardHeight(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading useStandardHeight', this[$].path);
  }
  /** true: the rows go back to the sheet's standard height. */
  set useStandardHeight(value: boolean) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.useStandardHeight', path, value, () => {
      requireApi(q, '1.2', 'RangeFormat.useStandardHeight');
      if (value !== true) throw new FakeOfficeError('NotModelled', 'useStandardHeight = false', path);
      const { sheet, rect } = b.get();
      for (const row of [...sheet.rowHeights.keys()]) if (row >= rect.top && row <= rect.bottom) sheet.rowHeights.delete(row);
    });
  }
  get horizontalAlignment(): Excel.HorizontalAlignment {
    throw new FakeOfficeError('NotModelled', 'reading horizontalAlignment', this[$].path);
  }
  set horizontalAlignment(value: Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed') {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'horizontalAlignment', value, () =>
      assertOneOf(value, ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'], `${path}.horizontalAlignment`),
    );
  }
  get verticalAlignment(): Excel.VerticalAlignment {
    throw new FakeOfficeError('NotModelled', 'reading verticalAlignment', this[$].path);
  }
  set verticalAlignment(value: Excel.VerticalAlignment | 'Center' | 'Bottom' | 'Top' | 'Justify' | 'Distributed') {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'verticalAlignment', value, () =>
      assertOneOf(value, ['Center', 'Bottom', 'Top', 'Justify', 'Distributed'], `${path}.verticalAlignment`),
    );
  }
  get wrapText(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading wrapText', this[$].path);
  }
  set wrapText(value: boolean) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'wrapText', value);
  }
  get indentLevel(): number {
    throw new FakeOfficeError('NotModelled', 'reading indentLevel', this[$].path);
  }
  set indentLevel(value: number) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'indentLevel', value, () => {
      if (!Number.isInteger(value) || value < 0 || value > 250) throw new FakeOfficeError('InvalidArgument', `indent ${value}`, path);
    }, '1.9');
  }
  get font(): FakeRangeFont {
    const { q, b, path } = this[$];
    return new FakeRangeFont(q, b, `${path}.font`);
  }
  get fill(): FakeRangeFill {
    const { q, b, path } = this[$];
    return new FakeRangeFill(q, b, `${path}.fill`);
  }
  get borders(): FakeRangeBorderCollection {
    const { q, b, path } = this[$];
    return new FakeRangeBorderCollection(q, b, `${path}.borders`);
  }
  get protection(): FakeFormatProtection {
    const { q, b, path } = this[$];
    return new FakeFormatProtection(q, b, `${path}.protection`);
  }
}
export const _formatCheck: OnlyRealMembers<FakeRangeFormat, Excel.RangeFormat> = true;

export class FakeRangeFont implements Pick<Excel.RangeFont, 'bold' | 'italic' | 'size' | 'color' | 'underline'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  private set$(prop: string, value: unknown, check?: () => void) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, `font.${prop}`, value, check);
  }
  get bold(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set bold(v: boolean) {
    this.set$('bold', v);
  }
  get italic(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set italic(v: boolean) {
    this.set$('italic', v);
  }
  get size(): number {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set size(v: number) {
    this.set$('size', v, () => {
      if (!(v >= 1 && v <= 409)) throw new FakeOfficeError('InvalidArgument', `font size ${v}`, this[$].path);
    });
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set color(v: string) {
    this.set$('color', v, () => assertColor(v, `${this[$].path}.color`));
  }
  get underline(): Excel.RangeUnderlineStyle | 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant' {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set underline(v: Excel.RangeUnderlineStyle | 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant') {
    this.set$('underline', v, () => assertOneOf(v, ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'], this[$].path));
  }
}
export const _fontCheck: OnlyRealMembers<FakeRangeFont, Excel.RangeFont> = true;

export class FakeRangeFill implements Pick<Excel.RangeFill, 'color'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading fill', this[$].path);
  }
  set color(v: string) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'fill.color', v, () => assertColor(v, `${path}.color`));
  }
}
export const _fillCheck: OnlyRealMembers<FakeRangeFill, Excel.RangeFill> = true;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class FakeRangeBorderCollection {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  getItem(index: Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp'): FakeRangeBorder {
    const { q, b, path } = this[$];
    q.push('RangeBorderCollection.getItem', path, index, () => {
      assertOneOf(index, EDGES, `${path}.getItem`);
      const { rect } = b.get();
      // Excel has no inside edges in a single row/column.
      if ((index === 'InsideVertical' && rect.left === rect.right) || (index === 'InsideHorizontal' && rect.top === rect.bottom)) {
        throw new FakeOfficeError('InvalidArgument', `${index} on ${rectAddress(rect)}`, `${path}.getItem`);
      }
    });
    return new FakeRangeBorder(q, b, `${path}[${index}]`, index);
  }
}
export const _bordersCheck: OnlyRealMembers<FakeRangeBorderCollection, Excel.RangeBorderCollection> = true;

export class FakeRangeBorder implements Pick<Excel.RangeBorder, 'style' | 'weight' | 'color'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string; edge: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string, edge: string) {
    this[$] = { q, b, path, edge };
  }
  private set$(prop: string, value: unknown, check: () => void) {
    const { q, b, path, edge } = this[$];
    formatSetter(q, b, path, `borders.${edge}.${prop}`, value, check);
  }
  get style(): Excel.BorderLineStyle {
    throw new FakeOfficeError('NotModelled', 'reading borders', this[$].path);
  }
  set style(v: Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot') {
    this.set$('style', v, () => assertOneOf(v, ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'], this[$].path));
  }
  get weight(): Excel.BorderWeight {
    throw new FakeOfficeError('NotModelled', 'reading borders', this[$].path);
  }
  set weight(v: Excel.BorderWeight | 'Hairline' | 'Thin' | 'Medium' | 'Thick') {
    this.set$('weight', v, () => assertOneOf(v, ['Hairline', 'Thin', 'Medium', 'Thick'], this[$].path));
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading borders', this[$].path);
  }
  set color(v: string) {
    this.set$('color', v, () => assertColor(v, this[$].path));
  }
}
export const _borderCheck: OnlyRealMembers<FakeRangeBorder, Excel.RangeBorder> = true;

export class FakeFormatProtection implements Pick<Excel.FormatProtection, 'locked'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  get locked(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading protection', this[$].path);
  }
  set locked(v: boolean) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'protection.locked', v, undefined, '1.2');
  }
}
export const _protCheck: OnlyRealMembers<FakeFormatProtection, Excel.FormatProtection> = true;

// ---------------------------------------------------------------- tables

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
        throw new FakeOfficeError('InvalidOperation', `table ${address} overlaps another table`, `${path}.add`);
      }
      if (sheet.merges.some((m) => overlaps(m, rect))) {
        throw new FakeOfficeError('InvalidOperation', `table ${address} contains merged cells`, `${path}.add`);
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
      requireApi(q, '1.3', 'Table.showBandedRows');
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
      if (name !== undefined) requireApi(q, '1.4', 'TableColumnCollection.add(name)');
      const t = b.get();
      const col = t.rect.right + 1;
      if (q.model.tables.some((x) => x !== t && x.sheet === t.sheet && overlaps(x.rect, { ...t.rect, left: col, right: col }))) {
        throw new FakeOfficeError('InvalidOperation', 'the new column would overlap another table', path);
      }
      t.sheet.assertEditable({ ...t.rect, left: col, right: col }, path);
      t.rect.right = col;
      t.sheet.ensureCell(t.rect.top, col).value = name ?? `Column${col - t.rect.left + 1}`;
    });
    return { name: name ?? '' };
  }
}
export const _tableColsCheck: OnlyRealMembers<FakeTableColumnCollection, Excel.TableColumnCollection> = true;

// ---------------------------------------------------------------- data validation

export class FakeDataValidation implements Pick<Excel.DataValidation, 'rule' | 'ignoreBlanks' | 'prompt' | 'errorAlert'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }

  private record(create: boolean): ModelValidation | undefined {
    const { b, path } = this[$];
    const { sheet, rect } = b.get();
    const same = sheet.validations.find((v) => sameRect(v.rect, rect));
    if (same || !create) return same;
    if (sheet.validations.some((v) => overlaps(v.rect, rect))) {
      throw new FakeOfficeError('InvalidOperation', `${rectAddress(rect)} already has data validation; clear it first`, path);
    }
    const v: ModelValidation = { rect: { ...rect }, rule: {}, ignoreBlanks: true, errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' } };
    sheet.validations.push(v);
    return v;
  }

  private push(prop: string, value: unknown, apply: (v: ModelValidation) => void): void {
    const { q, b, path } = this[$];
    q.push(`DataValidation.${prop}`, path, value, () => {
      requireApi(q, '1.8', 'Range.dataValidation');
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.${prop}`);
      apply(this.record(true)!);
    });
  }

  clear(): void {
    const { q, b, path } = this[$];
    q.push('DataValidation.clear', path, null, () => {
      requireApi(q, '1.8', 'DataValidation.clear');
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.clear`);
      removeInside(sheet.validations, rect, 'validation', `${path}.clear`);
    });
  }

  get rule(): Excel.DataValidationRule {
    throw new FakeOfficeError('NotModelled', 'reading rule', this[$].path);
  }
  set rule(rule: Excel.DataValidationRule) {
    const path = this[$].path;
    this.push('rule', rule, (v) => {
      const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1) throw new FakeOfficeError('InvalidArgument', `a rule needs exactly one type, got ${kinds.join(',') || 'none'}`, `${path}.rule`);
      const kind = kinds[0];
      const body = (rule as Record<string, Record<string, unknown>>)[kind];
      if (kind === 'list') {
        const source = body.source;
        if (typeof source !== 'string' || source === '') throw new FakeOfficeError('InvalidArgument', 'list source', `${path}.rule`);
        if (!source.startsWith('=') && source.length > 255) {
          throw new FakeOfficeError('InvalidArgument', `list source longer than 255 characters (${source.length})`, `${path}.rule`);
        }
      } else if (['wholeNumber', 'decimal', 'date', 'textLength', 'time'].includes(kind)) {
        assertOneOf(body.operator, ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'], `${path}.rule.operator`);
        if (body.formula1 === undefined) throw new FakeOfficeError('InvalidArgument', 'formula1 missing', `${path}.rule`);
        if ((body.operator === 'Between' || body.operator === 'NotBetween') && body.formula2 === undefined) {
          throw new FakeOfficeError('InvalidArgument', 'formula2 missing', `${path}.rule`);
        }
        if (kind === 'date')
          for (const f of [body.formula1, body.formula2]) {
            if (f !== undefined && !(typeof f === 'string' && (/^\d{4}-\d{2}-\d{2}/.test(f) || f.startsWith('=')))) {
              throw new FakeOfficeError('InvalidArgument', `date formula ${String(f)}`, `${path}.rule`);
            }
          }
      } else if (kind !== 'custom') throw new FakeOfficeError('InvalidArgument', `rule type ${kind}`, `${path}.rule`);
      v.rule = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
    });
  }
  get ignoreBlanks(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading ignoreBlanks', this[$].path);
  }
  set ignoreBlanks(value: boolean) {
    this.push('ignoreBlanks', value, (v) => void (v.ignoreBlanks = value));
  }
  get prompt(): Excel.DataValidationPrompt {
    throw new FakeOfficeError('NotModelled', 'reading prompt', this[$].path);
  }
  set prompt(value: Excel.DataValidationPrompt) {
    const path = this[$].path;
    this.push('prompt', value, (v) => {
      if ((value.title ?? '').length > 32) throw new FakeOfficeError('InvalidArgument', `prompt title over 32 characters: ${value.title}`, `${path}.prompt`);
      if ((value.message ?? '').length > 255) throw new FakeOfficeError('InvalidArgument', 'prompt message over 255 characters', `${path}.prompt`);
      v.prompt = { showPrompt: value.showPrompt, title: value.title ?? '', message: value.message ?? '' };
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw new FakeOfficeError('NotModelled', 'reading errorAlert', this[$].path);
  }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    const path = this[$].path;
    this.push('errorAlert', value, (v) => {
      assertOneOf(value.style, ['Stop', 'Warning', 'Information'], `${path}.errorAlert.style`);
      if ((value.title ?? '').length > 32) throw new FakeOfficeError('InvalidArgument', `error title over 32 characters: ${value.title}`, `${path}.errorAlert`);
      if ((value.message ?? '').length > 255) throw new FakeOfficeError('InvalidArgument', 'error message over 255 characters', `${path}.errorAlert`);
      v.errorAlert = { showAlert: value.showAlert, style: value.style, title: value.title ?? '', message: value.message ?? '' };
    });
  }
}
export const _dvCheck: OnlyRealMembers<FakeDataValidation, Excel.DataValidation> = true;

// ---------------------------------------------------------------- conditional formats

export class FakeConditionalFormatCollection {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  add(type: Excel.ConditionalFormatType | 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue'): FakeConditionalFormat {
    const { q, b, path } = this[$];
    const cb = new Binding<ModelConditionalFormat>(`${path}.add(${type})`);
    q.push('ConditionalFormatCollection.add', path, type, () => {
      requireApi(q, '1.6', 'conditionalFormats.add');
      if (!['Custom', 'CellValue', 'DataBar'].includes(type)) throw new FakeOfficeError('NotModelled', `conditional format ${type}`, path);
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.add`);
      const cf: ModelConditionalFormat = { id: q.id(), rect: { ...rect }, type, rule: {}, format: { font: {} }, stopIfTrue: false };
      // A new conditional format goes on top of the priority list.
      sheet.conditionalFormats.unshift(cf);
      cb.set(cf);
    });
    return new FakeConditionalFormat(q, cb, b, `${path}.add(${type})`);
  }
  clearAll(): void {
    const { q, b, path } = this[$];
    q.push('ConditionalFormatCollection.clearAll', path, null, () => {
      requireApi(q, '1.6', 'conditionalFormats.clearAll');
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.clearAll`);
      removeInside(sheet.conditionalFormats, rect, 'conditional format', `${path}.clearAll`);
    });
  }
}
export const _cfColCheck: OnlyRealMembers<FakeConditionalFormatCollection, Excel.ConditionalFormatCollection> = true;

type CfTarget = Binding<ModelConditionalFormat>;

function cfPush(q: Queue, cb: CfTarget, path: string, prop: string, value: unknown, apply: (cf: ModelConditionalFormat) => void, type?: string) {
  q.push(`ConditionalFormat.${prop}`, path, value, () => {
    const cf = cb.get();
    if (type && cf.type !== type) throw new FakeOfficeError('InvalidOperation', `${prop} on a ${cf.type} conditional format`, `${path}.${prop}`);
    apply(cf);
  });
}

export class FakeConditionalFormat implements Pick<Excel.ConditionalFormat, 'priority' | 'stopIfTrue'> {
  readonly [$]: { q: Queue; cb: CfTarget; rb: Binding<RangeTarget>; path: string };
  constructor(q: Queue, cb: CfTarget, rb: Binding<RangeTarget>, path: string) {
    this[$] = { q, cb, rb, path };
  }
  get priority(): number {
    throw new FakeOfficeError('NotModelled', 'reading priority', this[$].path);
  }
  set priority(value: number) {
    const { q, cb, rb, path } = this[$];
    cfPush(q, cb, path, 'priority', value, (cf) => {
      const list = rb.get().sheet.conditionalFormats;
      if (!Number.isInteger(value) || value < 0) throw new FakeOfficeError('InvalidArgument', `priority ${value}`, `${path}.priority`);
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(value, list.length), 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading stopIfTrue', this[$].path);
  }
  set stopIfTrue(value: boolean) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, 'stopIfTrue', value, (cf) => void (cf.stopIfTrue = value));
  }
  get custom(): FakeCustomConditionalFormat {
    const { q, cb, path } = this[$];
    return new FakeCustomConditionalFormat(q, cb, `${path}.custom`);
  }
  get cellValue(): FakeCellValueConditionalFormat {
    const { q, cb, path } = this[$];
    return new FakeCellValueConditionalFormat(q, cb, `${path}.cellValue`);
  }
  get dataBar(): FakeDataBarConditionalFormat {
    const { q, cb, path } = this[$];
    return new FakeDataBarConditionalFormat(q, cb, `${path}.dataBar`);
  }
}
export const _cfCheck: OnlyRealMembers<FakeConditionalFormat, Excel.ConditionalFormat> = true;

export class FakeCustomConditionalFormat {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get rule(): FakeConditionalFormatRule {
    const { q, cb, path } = this[$];
    return new FakeConditionalFormatRule(q, cb, `${path}.rule`);
  }
  get format(): FakeConditionalRangeFormat {
    const { q, cb, path } = this[$];
    return new FakeConditionalRangeFormat(q, cb, `${path}.format`, 'Custom');
  }
}
export const _customCheck: OnlyRealMembers<FakeCustomConditionalFormat, Excel.CustomConditionalFormat> = true;

export class FakeConditionalFormatRule implements Pick<Excel.ConditionalFormatRule, 'formula'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get formula(): string {
    throw new FakeOfficeError('NotModelled', 'reading formula', this[$].path);
  }
  set formula(value: string) {
    const { q, cb, path } = this[$];
    cfPush(
      q,
      cb,
      path,
      'custom.rule.formula',
      value,
      (cf) => {
        if (typeof value !== 'string' || !value.startsWith('=') || value.length < 2) {
          throw new FakeOfficeError('InvalidArgument', `a custom rule formula starts with "=": ${value}`, path);
        }
        cf.rule = { formula: value };
      },
      'Custom',
    );
  }
}
export const _ruleCheck: OnlyRealMembers<FakeConditionalFormatRule, Excel.ConditionalFormatRule> = true;

export class FakeCellValueConditionalFormat implements Pick<Excel.CellValueConditionalFormat, 'rule'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get rule(): Excel.ConditionalCellValueRule {
    throw new FakeOfficeError('NotModelled', 'reading rule', this[$].path);
  }
  set rule(value: Excel.ConditionalCellValueRule) {
    const { q, cb, path } = this[$];
    cfPush(
      q,
      cb,
      path,
      'cellValue.rule',
      value,
      (cf) => {
        const ops = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];
        assertOneOf(value.operator, ops, `${path}.operator`);
        if (value.formula1 === undefined) throw new FakeOfficeError('InvalidArgument', 'formula1 missing', path);
        if ((value.operator === 'Between' || value.operator === 'NotBetween') && value.formula2 === undefined) {
          throw new FakeOfficeError('InvalidArgument', 'formula2 missing', path);
        }
        cf.rule = { ...value };
      },
      'CellValue',
    );
  }
  get format(): FakeConditionalRangeFormat {
    const { q, cb, path } = this[$];
    return new FakeConditionalRangeFormat(q, cb, `${path}.format`, 'CellValue');
  }
}
export const _cellValueCheck: OnlyRealMembers<FakeCellValueConditionalFormat, Excel.CellValueConditionalFormat> = true;

export class FakeConditionalRangeFormat {
  readonly [$]: { q: Queue; cb: CfTarget; path: string; type: string };
  constructor(q: Queue, cb: CfTarget, path: string, type: string) {
    this[$] = { q, cb, path, type };
  }
  get fill(): FakeConditionalRangeFill {
    return new FakeConditionalRangeFill(this[$]);
  }
  get font(): FakeConditionalRangeFont {
    return new FakeConditionalRangeFont(this[$]);
  }
}
export const _crfCheck: OnlyRealMembers<FakeConditionalRangeFormat, Excel.ConditionalRangeFormat> = true;

export class FakeConditionalRangeFill implements Pick<Excel.ConditionalRangeFill, 'color'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string; type: string };
  constructor(parent: { q: Queue; cb: CfTarget; path: string; type: string }) {
    this[$] = { ...parent, path: `${parent.path}.fill` };
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading fill', this[$].path);
  }
  set color(value: string) {
    const { q, cb, path, type } = this[$];
    cfPush(q, cb, path, 'format.fill.color', value, (cf) => {
      assertColor(value, path);
      cf.format.fill = value;
    }, type);
  }
}
export const _crFillCheck: OnlyRealMembers<FakeConditionalRangeFill, Excel.ConditionalRangeFill> = true;

export class FakeConditionalRangeFont implements Pick<Excel.ConditionalRangeFont, 'bold' | 'italic' | 'color' | 'underline'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string; type: string };
  constructor(parent: { q: Queue; cb: CfTarget; path: string; type: string }) {
    this[$] = { ...parent, path: `${parent.path}.font` };
  }
  private set$(prop: string, value: unknown, check?: () => void) {
    const { q, cb, path, type } = this[$];
    cfPush(q, cb, path, `format.font.${prop}`, value, (cf) => {
      check?.();
      cf.format.font[prop] = value;
    }, type);
  }
  get bold(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set bold(v: boolean) {
    this.set$('bold', v);
  }
  get italic(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set italic(v: boolean) {
    this.set$('italic', v);
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set color(v: string) {
    this.set$('color', v, () => assertColor(v, this[$].path));
  }
  get underline(): Excel.ConditionalRangeFontUnderlineStyle | 'None' | 'Single' | 'Double' {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set underline(v: Excel.ConditionalRangeFontUnderlineStyle | 'None' | 'Single' | 'Double') {
    this.set$('underline', v, () => assertOneOf(v, ['None', 'Single', 'Double'], this[$].path));
  }
}
export const _crFontCheck: OnlyRealMembers<FakeConditionalRangeFont, Excel.ConditionalRangeFont> = true;

export class FakeDataBarConditionalFormat implements Pick<Excel.DataBarConditionalFormat, 'barDirection' | 'lowerBoundRule' | 'upperBoundRule'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  private set$(prop: string, value: unknown, check?: () => void) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, `dataBar.${prop}`, value, (cf) => {
      check?.();
      cf.rule[prop] = value;
    }, 'DataBar');
  }
  get barDirection(): Excel.ConditionalDataBarDirection {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set barDirection(v: Excel.ConditionalDataBarDirection | 'Context' | 'LeftToRight' | 'RightToLeft') {
    this.set$('barDirection', v, () => assertOneOf(v, ['Context', 'LeftToRight', 'RightToLeft'], this[$].path));
  }
  get lowerBoundRule(): Excel.ConditionalDataBarRule {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set lowerBoundRule(v: Excel.ConditionalDataBarRule) {
    this.set$('lowerBoundRule', v, () => assertOneOf(v.type, ['LowestValue', 'Number', 'Percent', 'Formula', 'Percentile', 'Automatic'], this[$].path));
  }
  get upperBoundRule(): Excel.ConditionalDataBarRule {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set upperBoundRule(v: Excel.ConditionalDataBarRule) {
    this.set$('upperBoundRule', v, () => assertOneOf(v.type, ['HighestValue', 'Number', 'Percent', 'Formula', 'Percentile', 'Automatic'], this[$].path));
  }
  get positiveFormat(): FakeDataBarPositiveFormat {
    const { q, cb, path } = this[$];
    return new FakeDataBarPositiveFormat(q, cb, `${path}.positiveFormat`);
  }
}
export const _dataBarCheck: OnlyRealMembers<FakeDataBarConditionalFormat, Excel.DataBarConditionalFormat> = true;

export class FakeDataBarPositiveFormat implements Pick<Excel.ConditionalDataBarPositiveFormat, 'fillColor' | 'gradientFill'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get fillColor(): string {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set fillColor(v: string) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, 'dataBar.positiveFormat.fillColor', v, (cf) => {
      assertColor(v, path);
      cf.rule.fillColor = v;
    }, 'DataBar');
  }
  get gradientFill(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set gradientFill(v: boolean) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, 'dataBar.positiveFormat.gradientFill', v, (cf) => void (cf.rule.gradientFill = v), 'DataBar');
  }
}
export const _posCheck: OnlyRealMembers<FakeDataBarPositiveFormat, Excel.ConditionalDataBarPositiveFormat> = true;

// ---------------------------------------------------------------- names, notes, comments

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
      requireApi(q, '1.4', 'NamedItemCollection.add');
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

export class FakeNamedItem implements Pick<Excel.NamedItem, 'delete'> {
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
  delete(): void {
    const { q, item, path } = this[$];
    q.push('NamedItem.delete', path, null, () => {
      requireApi(q, '1.4', 'NamedItem.delete');
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

function cellOf(ref: unknown, sheet: ModelSheet, where: string): string {
  if (ref instanceof FakeRange) {
    const target = ref[$].b.get();
    if (target.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'cell on another sheet', where);
    if (target.rect.top !== target.rect.bottom || target.rect.left !== target.rect.right) {
      throw new FakeOfficeError('InvalidArgument', `a note or comment needs one cell, got ${rectAddress(target.rect)}`, where);
    }
    return rectAddress(target.rect);
  }
  if (typeof ref === 'string') return rectAddress(parseAddress(ref).rect);
  throw new FakeOfficeError('InvalidArgument', 'cell address', where);
}

export class FakeNoteCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, sheet: () => ModelSheet, path: string, context: FakeRequestContext) {
    this[$] = { q, sheet, path, loaded: new Loaded(path), context };
  }
  /** The note on a cell ("B3"); ItemNotFound at sync when the cell has none. */
  getItem(key: string): FakeNote {
    const { q, sheet, path, context } = this[$];
    const item = lazyCellItem(q, sheet, key, 'notes', 'NoteCollection.getItem', path, '1.18');
    return new FakeNote(q, item, `${path}[${key}]`, context);
  }
  get items(): FakeNote[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path, context } = this[$];
    loadItems(
      q,
      this[$],
      'NoteCollection.load',
      arg,
      ['content'],
      () => [...sheet().notes.keys()].map((cell) => ({ sheet: sheet(), cell })),
      (n) => new FakeNote(q, n, `${path}[${n.cell}]`, context),
      (n) => n.sheet.notes.get(n.cell),
      '1.18',
    );
    return this;
  }
  add(cellAddress: Excel.Range | string, content: unknown): { content: string } {
    const { q, sheet, path } = this[$];
    const ref = cellAddress as unknown;
    q.push('NoteCollection.add', path, { cell: ref instanceof FakeRange ? ref[$].path : ref, content }, () => {
      requireApi(q, '1.18', 'Worksheet.notes');
      const s = sheet();
      s.notes.set(cellOf(ref, s, `${path}.add`), String(content));
    });
    return { content: String(content) };
  }
}
export const _notesCheck: OnlyRealMembers<FakeNoteCollection, Excel.NoteCollection> = true;

/** A note or a comment: the cell it is on. */
type CellItem = { sheet: ModelSheet; cell: string };

/** A note or comment looked up by cell: resolved (and checked to exist) at sync. */
function lazyCellItem(q: Queue, sheet: () => ModelSheet, key: string, kind: 'notes' | 'comments', action: string, path: string, api: string): CellItem {
  let cell: string | undefined;
  q.push(action, path, key, () => {
    requireApi(q, api, action);
    const s = sheet();
    const address = rectAddress(parseAddress(key).rect);
    if (!s[kind].has(address)) throw new FakeOfficeError('ItemNotFound', `no ${kind === 'notes' ? 'note' : 'comment'} on ${key}`, `${path}.${action}`);
    cell = address;
  });
  return {
    get sheet() {
      return sheet();
    },
    get cell() {
      if (cell === undefined) throw new FakeOfficeError('InvalidObjectPath', `${path}[${key}] is not resolved`, path);
      return cell;
    },
  };
}

/** Note.getLocation / Comment.getLocation: the cell as a Range. */
function cellLocation(q: Queue, item: CellItem, kind: 'notes' | 'comments', path: string, api: string, context: FakeRequestContext): FakeRange {
  const rb = new Binding<RangeTarget>(`${path}.getLocation()`);
  q.push(kind === 'notes' ? 'Note.getLocation' : 'Comment.getLocation', path, null, () => {
    requireApi(q, api, `${path}.getLocation`);
    if (!item.sheet[kind].has(item.cell)) throw new FakeOfficeError('ItemNotFound', `nothing on ${item.cell}`, `${path}.getLocation`);
    rb.set({ sheet: item.sheet, rect: parseAddress(item.cell).rect });
  });
  return new FakeRange(q, rb, `${path}.getLocation()`, context);
}

export class FakeNote implements Pick<Excel.Note, 'delete'> {
  readonly [$]: { q: Queue; item: CellItem; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, item: CellItem, path: string, context: FakeRequestContext) {
    this[$] = { q, item, path, loaded: new Loaded(path), context };
  }
  getLocation(): FakeRange {
    const { q, item, path, context } = this[$];
    return cellLocation(q, item, 'notes', path, '1.18', context);
  }
  get content(): string {
    return this[$].loaded.read('content');
  }
  delete(): void {
    const { q, item, path } = this[$];
    q.push('Note.delete', path, null, () => {
      requireApi(q, '1.18', 'Note.delete');
      if (!item.sheet.notes.delete(item.cell)) throw new FakeOfficeError('ItemNotFound', `no note on ${item.cell}`, `${path}.delete`);
    });
  }
}
export const _noteCheck: OnlyRealMembers<FakeNote, Excel.Note> = true;

export class FakeCommentCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, sheet: () => ModelSheet, path: string, context: FakeRequestContext) {
    this[$] = { q, sheet, path, loaded: new Loaded(path), context };
  }
  /** The comment on a cell ("B3"); ItemNotFound at sync when the cell has none. */
  getItemByCell(cellAddress: Excel.Range | string): FakeComment {
    const { q, sheet, path, context } = this[$];
    if (typeof cellAddress !== 'string') throw new FakeOfficeError('NotModelled', 'getItemByCell(Range)', `${path}.getItemByCell`);
    const item = lazyCellItem(q, sheet, cellAddress, 'comments', 'CommentCollection.getItemByCell', path, '1.10');
    return new FakeComment(q, item, `${path}[${cellAddress}]`, context);
  }
  get items(): FakeComment[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path, context } = this[$];
    loadItems(
      q,
      this[$],
      'CommentCollection.load',
      arg,
      ['content'],
      () => [...sheet().comments.keys()].map((cell) => ({ sheet: sheet(), cell })),
      (c) => new FakeComment(q, c, `${path}[${c.cell}]`, context),
      (c) => c.sheet.comments.get(c.cell),
      '1.10',
    );
    return this;
  }
  add(cellAddress: Excel.Range | string, content: Excel.CommentRichContent | string): { content: string } {
    const { q, sheet, path } = this[$];
    const ref = cellAddress as unknown;
    q.push('CommentCollection.add', path, { cell: ref instanceof FakeRange ? ref[$].path : ref, content }, () => {
      requireApi(q, '1.10', 'Worksheet.comments');
      const s = sheet();
      s.comments.set(cellOf(ref, s, `${path}.add`), typeof content === 'string' ? content : content.richContent);
    });
    return { content: typeof content === 'string' ? content : content.richContent };
  }
}
export const _commentsCheck: OnlyRealMembers<FakeCommentCollection, Excel.CommentCollection> = true;

export class FakeComment implements Pick<Excel.Comment, 'delete'> {
  readonly [$]: { q: Queue; item: CellItem; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, item: CellItem, path: string, context: FakeRequestContext) {
    this[$] = { q, item, path, loaded: new Loaded(path), context };
  }
  getLocation(): FakeRange {
    const { q, item, path, context } = this[$];
    return cellLocation(q, item, 'comments', path, '1.10', context);
  }
  get content(): string {
    return this[$].loaded.read('content');
  }
  delete(): void {
    const { q, item, path } = this[$];
    q.push('Comment.delete', path, null, () => {
      requireApi(q, '1.10', 'Comment.delete');
      if (!item.sheet.comments.delete(item.cell)) throw new FakeOfficeError('ItemNotFound', `no comment on ${item.cell}`, `${path}.delete`);
    });
  }
}
export const _commentCheck: OnlyRealMembers<FakeComment, Excel.Comment> = true;

// ---------------------------------------------------------------- freeze panes, page layout, protection

export class FakeFreezePanes implements Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'unfreeze'> {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path };
  }
  private set$(action: string, args: unknown, freeze: () => { rows: number; columns: number }) {
    const { q, sheet, path } = this[$];
    q.push(`WorksheetFreezePanes.${action}`, path, args, () => {
      requireApi(q, '1.7', 'freezePanes');
      const f = freeze();
      if (f.rows < 0 || f.columns < 0 || f.rows >= MAX_ROWS || f.columns >= MAX_COLUMNS) throw new FakeOfficeError('InvalidArgument', 'freeze', path);
      sheet().freeze = f.rows === 0 && f.columns === 0 ? null : f;
    });
  }
  unfreeze(): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetFreezePanes.unfreeze', path, null, () => {
      requireApi(q, '1.7', 'freezePanes');
      sheet().freeze = null;
    });
  }
  freezeRows(count?: number): void {
    this.set$('freezeRows', count, () => ({ rows: count ?? 1, columns: 0 }));
  }
  freezeColumns(count?: number): void {
    this.set$('freezeColumns', count, () => ({ rows: 0, columns: count ?? 1 }));
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    const ref = frozenRange as unknown;
    this.set$('freezeAt', ref instanceof FakeRange ? ref[$].path : ref, () => {
      const rect = ref instanceof FakeRange ? ref[$].b.get().rect : parseAddress(String(ref)).rect;
      if (rect.top !== 1 || rect.left !== 1) throw new FakeOfficeError('NotModelled', 'freezeAt a range not starting at A1', this[$].path);
      return { rows: rect.bottom, columns: rect.right };
    });
  }
}
export const _freezeCheck: OnlyRealMembers<FakeFreezePanes, Excel.WorksheetFreezePanes> = true;

export class FakePageLayout
  implements
    Pick<
      Excel.PageLayout,
      'orientation' | 'paperSize' | 'zoom' | 'centerHorizontally' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin'
    >
{
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path };
  }
  private set$(prop: string, value: unknown, apply: (s: ModelSheet) => void) {
    const { q, sheet, path } = this[$];
    q.push(`PageLayout.${prop}`, path, value, () => {
      requireApi(q, '1.9', 'Worksheet.pageLayout');
      apply(sheet());
    });
  }
  private margin(prop: string, value: number) {
    this.set$(prop, value, (s) => {
      if (!(value >= 0 && value < 1000)) throw new FakeOfficeError('InvalidArgument', `${prop} ${value}`, this[$].path);
      s.pageLayout.margins[prop] = value;
    });
  }
  private unread(): never {
    throw new FakeOfficeError('NotModelled', 'reading page layout', this[$].path);
  }
  get orientation(): Excel.PageOrientation {
    return this.unread();
  }
  set orientation(v: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    this.set$('orientation', v, (s) => {
      assertOneOf(v, ['Portrait', 'Landscape'], this[$].path);
      s.pageLayout.orientation = v;
    });
  }
  get paperSize(): Excel.PaperType {
    return this.unread();
  }
  set paperSize(v: Excel.PaperType | 'A3' | 'A4' | 'A5' | 'Letter' | 'Legal' | 'B4' | 'B5') {
    this.set$('paperSize', v, (s) => void (s.pageLayout.paperSize = v));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.unread();
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set$('zoom', v, (s) => {
      if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)) {
        throw new FakeOfficeError('InvalidArgument', 'zoom: scale or fit to pages, not both', this[$].path);
      }
      s.pageLayout.zoom = { ...v };
    });
  }
  get centerHorizontally(): boolean {
    return this.unread();
  }
  set centerHorizontally(v: boolean) {
    this.set$('centerHorizontally', v, (s) => void (s.pageLayout.centerHorizontally = v));
  }
  get leftMargin(): number {
    return this.unread();
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', v);
  }
  get rightMargin(): number {
    return this.unread();
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', v);
  }
  get topMargin(): number {
    return this.unread();
  }
  set topMargin(v: number) {
    this.margin('topMargin', v);
  }
  get bottomMargin(): number {
    return this.unread();
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', v);
  }
  get headerMargin(): number {
    return this.unread();
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', v);
  }
  get footerMargin(): number {
    return this.unread();
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', v);
  }
  setPrintTitleRows(rows: Excel.Range | string): void {
    this.set$('setPrintTitleRows', rows, (s) => {
      if (typeof rows !== 'string' || !/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', `print title rows ${String(rows)}`, this[$].path);
      s.pageLayout.printTitleRows = rows;
    });
  }
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    this.set$('setPrintArea', printArea, (s) => {
      if (typeof printArea !== 'string') throw new FakeOfficeError('NotModelled', 'print area as Range', this[$].path);
      s.pageLayout.printArea = rectAddress(parseAddress(printArea).rect);
    });
  }
}
export const _layoutCheck: OnlyRealMembers<FakePageLayout, Excel.PageLayout> = true;

export class FakePageBreakCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path };
  }
  add(pageBreakRange: Excel.Range | string): { readonly rowIndex: number } {
    const { q, sheet, path } = this[$];
    if (typeof pageBreakRange !== 'string') throw new FakeOfficeError('NotModelled', 'page break at a Range object', path);
    const top = parseAddress(pageBreakRange).rect.top;
    q.push('PageBreakCollection.add', path, pageBreakRange, () => {
      requireApi(q, '1.9', 'Worksheet.horizontalPageBreaks');
      if (top < 2) throw new FakeOfficeError('InvalidArgument', `page break above row ${top}`, path);
      const layout = sheet().pageLayout;
      layout.rowBreaks = [...(layout.rowBreaks ?? []), top - 1].sort((a, b) => a - b);
    });
    return { rowIndex: top - 1 };
  }
  removePageBreaks(): void {
    const { q, sheet, path } = this[$];
    q.push('PageBreakCollection.removePageBreaks', path, null, () => {
      requireApi(q, '1.9', 'Worksheet.horizontalPageBreaks');
      delete sheet().pageLayout.rowBreaks;
    });
  }
}
export const _pageBreaksCheck: OnlyRealMembers<FakePageBreakCollection, Excel.PageBreakCollection> = true;

export class FakeWorksheetProtection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path, loaded: new Loaded(path) };
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path, loaded } = this[$];
    const props = loadList(arg) ?? ['protected', 'options'];
    q.push('WorksheetProtection.load', path, props, () => {
      requireApi(q, '1.2', 'WorksheetProtection.load');
      const p = sheet().protection;
      let n = 0;
      for (const prop of props) {
        if (prop === 'protected') n += loaded.set(prop, p.protected);
        else if (prop === 'options') n += loaded.set(prop, { ...(p.options ?? {}) });
        else throw new FakeOfficeError('NotModelled', `protection property ${prop}`, `${path}.load`);
      }
      return n;
    });
    return this;
  }
  get protected(): boolean {
    return this[$].loaded.read('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this[$].loaded.read('options');
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetProtection.protect', path, { options, password }, () => {
      requireApi(q, '1.2', 'WorksheetProtection.protect');
      const s = sheet();
      if (s.protection.protected) throw new FakeOfficeError('InvalidOperation', 'the sheet is already protected', path);
      s.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetProtection.unprotect', path, { password }, () => {
      requireApi(q, '1.2', 'WorksheetProtection.unprotect');
      const s = sheet();
      if (s.protection.password !== undefined && s.protection.password !== password) {
        throw new FakeOfficeError('InvalidArgument', 'the password is wrong', `${path}.unprotect`);
      }
      s.protection = { protected: false };
    });
  }
}
export const _protectionCheck: OnlyRealMembers<FakeWorksheetProtection, Excel.WorksheetProtection> = true;

// ---------------------------------------------------------------- charts

function chartRangeAddress(ref: unknown, where: string): string {
  if (!(ref instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'chart data must be a Range', where);
  const t = ref[$].b.get();
  return `${quoteName(t.sheet.name)}!${rectAddress(t.rect, true)}`;
}

export class FakeChartCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path, loaded: new Loaded(path) };
  }
  get items(): FakeChart[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path } = this[$];
    loadItems(
      q,
      this[$],
      'ChartCollection.load',
      arg,
      ['name'],
      () => sheet().charts,
      (c) => {
        const cb = new Binding<ModelChart>(`chart ${c.name}`);
        cb.set(c);
        return new FakeChart(q, cb, `${path}[${c.name}]`, sheet);
      },
      (c) => c.name,
    );
    return this;
  }
  add(type: string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | 'Auto' | 'Columns' | 'Rows'): FakeChart {
    const { q, sheet, path } = this[$];
    const cb = new Binding<ModelChart>(`${path}.add(${type})`);
    const src = sourceData as unknown;
    q.push('ChartCollection.add', path, { type, source: src instanceof FakeRange ? src[$].path : src, seriesBy }, () => {
      if (!['ColumnClustered', 'Bubble', 'Line', 'XYScatter'].includes(type)) throw new FakeOfficeError('NotModelled', `chart type ${type}`, path);
      if (seriesBy !== undefined && seriesBy !== 'Columns') throw new FakeOfficeError('NotModelled', `series by ${seriesBy}`, path);
      const source = chartRangeAddress(src, `${path}.add`);
      const rect = (src as FakeRange)[$].b.get().rect;
      const series: ModelChartSeries[] = [];
      for (let col = rect.left; col <= rect.right; col++) {
        series.push({ name: `Series${col - rect.left + 1}`, values: source, axisGroup: 'Primary' });
      }
      let n = 1;
      while (sheet().charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ModelChart = { name: `Chart ${n}`, type, source, title: '', series, axes: {} };
      sheet().charts.push(chart);
      cb.set(chart);
    });
    return new FakeChart(q, cb, `${path}.add(${type})`, sheet);
  }
}
export const _chartsCheck: OnlyRealMembers<FakeChartCollection, Excel.ChartCollection> = true;

export class FakeChart implements Pick<Excel.Chart, 'width' | 'height' | 'setPosition' | 'delete'> {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; path: string; loaded: Loaded; sheet: () => ModelSheet };
  constructor(q: Queue, cb: Binding<ModelChart>, path: string, sheet: () => ModelSheet) {
    this[$] = { q, cb, path, loaded: new Loaded(path), sheet };
  }
  get name(): string {
    return this[$].loaded.read('name');
  }
  delete(): void {
    const { q, cb, path, sheet } = this[$];
    q.push('Chart.delete', path, null, () => {
      const charts = sheet().charts;
      const i = charts.indexOf(cb.get());
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'the chart no longer exists', `${path}.delete`);
      charts.splice(i, 1);
    });
  }
  private set$(prop: string, value: unknown, apply: (c: ModelChart) => void) {
    const { q, cb, path } = this[$];
    q.push(`Chart.${prop}`, path, value, () => apply(cb.get()));
  }
  get width(): number {
    throw new FakeOfficeError('NotModelled', 'reading chart', this[$].path);
  }
  set width(v: number) {
    this.set$('width', v, (c) => void (c.width = v));
  }
  get height(): number {
    throw new FakeOfficeError('NotModelled', 'reading chart', this[$].path);
  }
  set height(v: number) {
    this.set$('height', v, (c) => void (c.height = v));
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.set$('setPosition', { startCell, endCell }, (c) => {
      if (typeof startCell !== 'string' || endCell !== undefined) throw new FakeOfficeError('NotModelled', 'setPosition with ranges', this[$].path);
      c.anchor = rectAddress(parseAddress(startCell).rect);
    });
  }
  get title(): FakeTitle {
    return new FakeTitle(this[$].path, (v) => this.set$('title.text', v, (c) => void (c.title = v)));
  }
  get series(): FakeChartSeriesCollection {
    const { q, cb, path } = this[$];
    return new FakeChartSeriesCollection(q, cb, `${path}.series`);
  }
  get axes(): FakeChartAxes {
    const { q, cb, path } = this[$];
    return new FakeChartAxes(q, cb, `${path}.axes`);
  }
}
export const _chartCheck: OnlyRealMembers<FakeChart, Excel.Chart> = true;

/** Chart and axis titles: only `text` is written. */
export class FakeTitle implements Pick<Excel.ChartTitle, 'text'> {
  readonly [$]: { path: string; write: (text: string) => void };
  constructor(path: string, write: (text: string) => void) {
    this[$] = { path: `${path}.title`, write };
  }
  get text(): string {
    throw new FakeOfficeError('NotModelled', 'reading a title', this[$].path);
  }
  set text(v: string) {
    this[$].write(v);
  }
}
export const _titleCheck: OnlyRealMembers<FakeTitle, Excel.ChartTitle> = true;
export const _axisTitleCheck: OnlyRealMembers<FakeTitle, Excel.ChartAxisTitle> = true;

export class FakeChartSeriesCollection {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; path: string };
  constructor(q: Queue, cb: Binding<ModelChart>, path: string) {
    this[$] = { q, cb, path };
  }
  getItemAt(index: number): FakeChartSeries {
    const { q, cb, path } = this[$];
    const sb = new Binding<ModelChartSeries>(`${path}[${index}]`);
    q.push('ChartSeriesCollection.getItemAt', path, index, () => {
      const s = cb.get().series[index];
      if (!s) throw new FakeOfficeError('ItemNotFound', `series ${index}`, path);
      sb.set(s);
    });
    return new FakeChartSeries(q, sb, cb, `${path}[${index}]`);
  }
  add(name?: string, index?: number): FakeChartSeries {
    const { q, cb, path } = this[$];
    const sb = new Binding<ModelChartSeries>(`${path}.add(${name})`);
    q.push('ChartSeriesCollection.add', path, { name, index }, () => {
      requireApi(q, '1.7', 'ChartSeriesCollection.add');
      const s: ModelChartSeries = { name: name ?? '', axisGroup: 'Primary' };
      cb.get().series.push(s);
      sb.set(s);
    });
    return new FakeChartSeries(q, sb, cb, `${path}.add(${name})`);
  }
}
export const _seriesColCheck: OnlyRealMembers<FakeChartSeriesCollection, Excel.ChartSeriesCollection> = true;

export class FakeChartSeries implements Pick<Excel.ChartSeries, 'name' | 'setValues' | 'setXAxisValues' | 'setBubbleSizes'> {
  readonly [$]: { q: Queue; sb: Binding<ModelChartSeries>; cb: Binding<ModelChart>; path: string };
  constructor(q: Queue, sb: Binding<ModelChartSeries>, cb: Binding<ModelChart>, path: string) {
    this[$] = { q, sb, cb, path };
  }
  private set$(prop: string, value: unknown, apply: (s: ModelChartSeries) => void, api = '1.1') {
    const { q, sb, path } = this[$];
    q.push(`ChartSeries.${prop}`, path, value instanceof FakeRange ? value[$].path : value, () => {
      requireApi(q, api, `ChartSeries.${prop}`);
      apply(sb.get());
    });
  }
  get name(): string {
    throw new FakeOfficeError('NotModelled', 'reading series', this[$].path);
  }
  set name(v: string) {
    this.set$('name', v, (s) => void (s.name = v));
  }
  get chartType(): Excel.ChartType {
    throw new FakeOfficeError('NotModelled', 'reading series', this[$].path);
  }
  set chartType(v: Excel.ChartType | 'Line' | 'ColumnClustered' | 'Bubble') {
    this.set$('chartType', v, (s) => void (s.chartType = v), '1.7');
  }
  get axisGroup(): Excel.ChartAxisGroup {
    throw new FakeOfficeError('NotModelled', 'reading series', this[$].path);
  }
  set axisGroup(v: Excel.ChartAxisGroup | 'Primary' | 'Secondary') {
    this.set$('axisGroup', v, (s) => {
      assertOneOf(v, ['Primary', 'Secondary'], this[$].path);
      s.axisGroup = v;
    }, '1.8');
  }
  setValues(sourceData: Excel.Range): void {
    this.set$('setValues', sourceData, (s) => void (s.values = chartRangeAddress(sourceData, this[$].path)), '1.7');
  }
  setXAxisValues(sourceData: Excel.Range): void {
    this.set$('setXAxisValues', sourceData, (s) => void (s.xValues = chartRangeAddress(sourceData, this[$].path)), '1.7');
  }
  setBubbleSizes(sourceData: Excel.Range): void {
    this.set$('setBubbleSizes', sourceData, (s) => {
      if (this[$].cb.get().type !== 'Bubble') throw new FakeOfficeError('InvalidOperation', 'bubble sizes on a non-bubble chart', this[$].path);
      s.bubbleSizes = chartRangeAddress(sourceData, this[$].path);
    }, '1.7');
  }
}
export const _seriesCheck: OnlyRealMembers<FakeChartSeries, Excel.ChartSeries> = true;

export class FakeChartAxes {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; path: string };
  constructor(q: Queue, cb: Binding<ModelChart>, path: string) {
    this[$] = { q, cb, path };
  }
  getItem(type: Excel.ChartAxisType | 'Invalid' | 'Category' | 'Value' | 'Series', group?: Excel.ChartAxisGroup | 'Primary' | 'Secondary'): FakeChartAxis {
    const { q, cb, path } = this[$];
    const key = `${type}/${group ?? 'Primary'}`;
    q.push('ChartAxes.getItem', path, { type, group }, () => {
      requireApi(q, '1.7', 'ChartAxes.getItem');
      const chart = cb.get();
      if (group === 'Secondary' && !chart.series.some((s) => s.axisGroup === 'Secondary')) {
        throw new FakeOfficeError('ItemNotFound', 'the chart has no secondary axis', path);
      }
      chart.axes[key] ??= {};
    });
    return new FakeChartAxis(q, cb, key, `${path}[${key}]`);
  }
}
export const _axesCheck: OnlyRealMembers<FakeChartAxes, Excel.ChartAxes> = true;

export class FakeChartAxis implements Pick<Excel.ChartAxis, 'minimum' | 'maximum' | 'numberFormat' | 'logBase' | 'scaleType'> {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; key: string; path: string };
  constructor(q: Queue, cb: Binding<ModelChart>, key: string, path: string) {
    this[$] = { q, cb, key, path };
  }
  private set$(prop: string, value: unknown, check?: () => void, api = '1.1') {
    const { q, cb, key, path } = this[$];
    q.push(`ChartAxis.${prop}`, path, value, () => {
      requireApi(q, api, `ChartAxis.${prop}`);
      check?.();
      cb.get().axes[key][prop] = value;
    });
  }
  private unread(): never {
    throw new FakeOfficeError('NotModelled', 'reading axis', this[$].path);
  }
  get minimum(): unknown {
    return this.unread();
  }
  set minimum(v: unknown) {
    this.set$('minimum', v);
  }
  get maximum(): unknown {
    return this.unread();
  }
  set maximum(v: unknown) {
    this.set$('maximum', v);
  }
  get numberFormat(): string {
    return this.unread();
  }
  set numberFormat(v: string) {
    this.set$('numberFormat', v, undefined, '1.8');
  }
  get logBase(): number {
    return this.unread();
  }
  set logBase(v: number) {
    this.set$('logBase', v, () => {
      if (!(v >= 2 && v <= 1000)) throw new FakeOfficeError('InvalidArgument', `log base ${v}`, this[$].path);
    }, '1.7');
  }
  get scaleType(): Excel.ChartAxisScaleType {
    return this.unread();
  }
  set scaleType(v: Excel.ChartAxisScaleType | 'Linear' | 'Logarithmic') {
    this.set$('scaleType', v, () => assertOneOf(v, ['Linear', 'Logarithmic'], this[$].path), '1.7');
  }
  get title(): FakeTitle {
    return new FakeTitle(this[$].path, (v) => this.set$('title', v));
  }
}
export const _axisCheck: OnlyRealMembers<FakeChartAxis, Excel.ChartAxis> = true;
