import { $, Binding, loadList, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { coerceTyped, overlaps, parseAddress, quoteName, rectAddress, sameRect, contains, type ModelSheet, type Rect } from './model';
import { internals, assertDims, removeInside, inside, cellPos, type Internals, type RangeTarget } from './shared';
import { FakeRequestContext } from './workbook';
import { FakeWorksheet } from './worksheets';
import { FakeRangeFormat } from './range-format';
import { FakeDataValidation } from './validation';
import { FakeConditionalFormatCollection } from './conditional-formats';

/**
 * Ranges (https://learn.microsoft.com/javascript/api/excel/excel.range).
 * - values/formulas/numberFormat writes are 2-D arrays of the range's size (shared.ts
 *   assertDims, office-js#1025); strings are read as typed in en-US (model.ts coerceTyped,
 *   office-js#1559); text and formula limits: writeCell below.
 * - Reads of more than 5,000,000 cells are RangeExceedsLimit; responses over 5 MB are
 *   ResponsePayloadSizeLimitExceeded (core.ts): resource-limits page, https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
 * - Reading a formula cell needs a value Excel computed: the fake does not calculate (tests set
 *   `computed`); otherwise NotModelled.
 * - merge: the upper-left value stays (VBA Range.Merge reference); merging in a table is
 *   MergedRangeConflict (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling); merge over a merge and merge across are NotModelled.
 * - Writes and format changes on locked cells of a protected sheet are AccessDenied: A6.
 * - clear(Contents|Formats|All): https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-clear-member(1); what else Excel's
 *   clear removes is not modelled (see clear below).
 * - copyFrom (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)): only "All" to the
 *   same address on another sheet is modelled.
 * - getIntersectionOrNullObject: null object when the ranges do not meet (ExcelApi 1.4, https://learn.microsoft.com/javascript/api/excel/excel.range).
 */


/**
 * One cell of a Range.values / Range.formulas write. Strings are read as if typed in en-US
 * Excel (coerceTyped); a cell formatted as text ("@") keeps them as text.
 * Limits: 32,767 characters in a cell ("Excel worksheet and workbook limits",
 * https://support.microsoft.com/cs-cz/office/limity-excelov%C3%BDch-list%C5%AF-a-se%C5%A1it%C5%AF-c13798fc-f1d5-4e73-998d-c02268bc65ae;
 * the error code for longer text is an assumption, ASSUMPTIONS.md); formulas of at most 8,192
 * characters ("Excel restricts the contents of this simple type to be at most 8192 characters",
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/8ebf82e4-4fa4-43a6-9ecd-d2d793a6f4bf),
 * refused as FormulaLengthExceedsLimit (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
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
    if (typed.formula !== undefined && typed.formula.length + 1 > 8192) {
      throw new FakeOfficeError('FormulaLengthExceedsLimit', `a formula of ${typed.formula.length + 1} characters; Excel allows 8,192`, where);
    }
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
        // "A range is limited to 5,000,000 cells for read operations"; over it, RangeExceedsLimit:
        // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
        // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
        if ((p === 'values' || p === 'formulas' || p === 'numberFormat') && cells > 5_000_000) {
          throw new FakeOfficeError('RangeExceedsLimit', `reading ${cells} cells at once`, `${path}.load`);
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
      requireApi(q, 'Range.merge');
      if (across) throw new FakeOfficeError('NotModelled', 'merge across', `${path}.merge`);
      const { sheet, rect } = b.get();
      // What Excel does with a merge over a merged area is not documented: not modelled.
      if (sheet.merges.some((m) => overlaps(m, rect))) throw new FakeOfficeError('NotModelled', `merge ${rectAddress(rect)} over another merge`, `${path}.merge`);
      // "A table can't overlap with … merged cells": MergedRangeConflict
      // (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
      if (q.model.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
        throw new FakeOfficeError('MergedRangeConflict', `cannot merge cells in a table (${rectAddress(rect)})`, `${path}.merge`);
      }
      // "The value of a merged range is specified in the cell of the range's upper-left corner"
      // (https://learn.microsoft.com/previous-versions/office/developer/office-2010/ff840729(v=office.14)):
      // the other values are gone.
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
      requireApi(q, 'Range.calculate');
      b.get();
    });
  }

  unmerge(): void {
    const { q, b, path } = this[$];
    q.push('Range.unmerge', path, null, () => {
      requireApi(q, 'Range.unmerge');
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
      requireApi(q, 'Range.copyFrom');
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
      requireApi(q, 'Range.getIntersectionOrNullObject');
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
