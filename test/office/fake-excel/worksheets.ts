import { $, Binding, Loaded, loadList, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { assertSheetName, MAX_COLUMNS, MAX_ROWS, parseAddress, retargetWorkbookRefs, type ModelSheet, type Rect } from './model';
import { copySheet } from './copy-sheet';
import { internals, assertColor, assertOneOf, type Internals } from './shared';
import { FakeRequestContext } from './workbook';
import { FakeRange } from './range';
import { FakeTableCollection } from './tables';
import { FakeNamedItemCollection } from './names';
import { FakeNoteCollection, FakeCommentCollection } from './notes-comments';
import { FakeFreezePanes, FakePageLayout, FakePageBreakCollection } from './layout';
import { FakeWorksheetProtection } from './protection';
import { FakeChartCollection } from './charts';

/**
 * Worksheets (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection, https://learn.microsoft.com/javascript/api/excel/excel.worksheet).
 * - getItem of a missing sheet is ItemNotFound; getItemOrNullObject gives a null object
 *   (isNullObject): https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * - Names compare case-insensitively; a duplicate is ItemAlreadyExists ("The resource being
 *   created already exists", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling); the name rules (assertSheetName) and their code: A2.
 * - The last visible sheet cannot be deleted or hidden (InvalidOperation), a hidden sheet cannot
 *   be activated: A3.
 * - Formulas follow a renamed sheet and become #REF! when it is deleted: A4.
 * - getUsedRange(true): "If the worksheet is blank, this function will return the top left cell"
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)); getUsedRange(false) is NotModelled.
 * - copy(positionType, relativeTo): ExcelApi 1.7 (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1));
 *   what the copy carries and how it is named: copy-sheet.ts, A5.
 * - tabColor: ExcelApi 1.7, "#RRGGBB" or a named colour, "" for none (https://learn.microsoft.com/javascript/api/excel/excel.worksheet).
 * Requirement-set gates: api-sets.ts.
 */

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
      requireApi(q, 'Worksheet.tabColor');
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
      requireApi(q, 'Worksheet.copy');
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
      requireApi(q, 'Worksheet.getUsedRange');
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
