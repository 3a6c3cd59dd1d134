import { $, Binding, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { type ModelSheet, type Rect } from './model';
import { FakeWorksheetCollection } from './worksheets';
import { FakeRange } from './range';
import { FakeTableCollection } from './tables';
import { FakeNamedItemCollection } from './names';

/**
 * Request context, workbook and application.
 * - context.sync() sends the queued operations; Excel.run sends what is still queued when the
 *   batch returns: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * - Workbook.getSelectedRange: the user's selection (https://learn.microsoft.com/javascript/api/excel/excel.workbook). With nothing selected
 *   (a test that never selected) it is InvalidSelection: assumption A1 (ASSUMPTIONS.md).
 * - Application.suspendApiCalculationUntilNextSync: ExcelApi 1.6 (https://learn.microsoft.com/javascript/api/excel/excel.application); the fake
 *   does not calculate, so it only checks the gate.
 */

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
    q.push('Application.suspendApiCalculationUntilNextSync', 'application', null, () => requireApi(q, 'Application.suspendApiCalculationUntilNextSync'));
  }
}
export const _appCheck: OnlyRealMembers<FakeApplication, Excel.Application> = true;
