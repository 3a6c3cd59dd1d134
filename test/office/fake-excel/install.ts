/**
 * Installs the fake as the global `Excel` and `Office` for a test:
 *
 *   const fake = installFakeExcel({ apiVersion: '1.18' });
 *   await new OfficeHost().insertSheets(specs);
 *   expect(fake.session.syncCount).toBe(2);
 *   fake.uninstall();
 */
import { FakeSession, Queue, type SessionOptions } from './core';
import { ModelWorkbook, type ModelSheet, type Rect } from './model';
import { FakeSettings, makeOffice } from './office';
import { FakeRequestContext } from './workbook';

export interface FakeExcel {
  readonly session: FakeSession;
  readonly model: ModelWorkbook;
  readonly settings: FakeSettings;
  /** Closes and reopens the document: the grid stays, only saved settings come back. */
  reload(): void;
  /** Selects a range on a sheet, as the user would. */
  select(sheet: ModelSheet, rect: Rect): void;
  uninstall(): void;
}

export function installFakeExcel(options: Partial<SessionOptions> & { model?: ModelWorkbook } = {}): FakeExcel {
  const model = options.model ?? new ModelWorkbook();
  if (model.sheets.length === 0) model.addSheet('Sheet1');
  const session = new FakeSession(model, {
    apiVersion: options.apiVersion ?? '1.18',
    enforcePayloadLimits: options.enforcePayloadLimits ?? true,
    online: options.online ?? false,
    ignoreFitToPages: options.ignoreFitToPages ?? false,
  });
  let settings = new FakeSettings(session);
  const g = globalThis as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office };

  g.Excel = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const q = new Queue(session);
      const context = new FakeRequestContext(q);
      const result = await batch(context as unknown as Excel.RequestContext);
      // Excel.run sends whatever is still queued when the batch returns.
      if (q.hasPending) await q.sync(true);
      return result;
    },
  };
  g.Office = makeOffice(session, () => settings);

  return {
    session,
    model,
    get settings() {
      return settings;
    },
    reload() {
      settings = new FakeSettings(session);
    },
    select(sheet, rect) {
      model.selection = { sheet, rect };
    },
    uninstall() {
      g.Excel = previous.Excel;
      g.Office = previous.Office;
    },
  };
}

/** Puts constants into a sheet directly (the user's own data), starting at row/col. */
export function seedSheet(sheet: ModelSheet, rows: unknown[][], top = 1, left = 1): Rect {
  rows.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v === null || v === undefined || v === '') return;
      const cell = sheet.ensureCell(top + i, left + j);
      if (typeof v === 'string' && v.startsWith('=')) cell.formula = v.slice(1);
      else cell.value = v as string | number | boolean;
    }),
  );
  const width = Math.max(...rows.map((r) => r.length));
  return { top, left, bottom: top + rows.length - 1, right: left + width - 1 };
}
