/**
 * The WorkbookHost the task pane uses inside Excel: every call is one Excel.run, errors come
 * back as HostError with Office's code, per-workbook settings live in the document.
 */
import type { Lang, SheetSpec } from '../sheets/core/sheet-spec';
import { appendColumn } from './add-column';
import { applySheetSpecs } from './apply-sheet-spec';
import { detectFeatures, type ExcelFeatures } from './features';
import { toHostError } from '../host/host-error';
import { readTableData } from './read-range';
import { getDocumentSetting, setDocumentSetting } from './settings';
import { makeShareSafeCopies } from './share-safe-copy';
import { patchCells, readCells, readLinkInfo } from './link-cells';
import type { WorkbookLinkInfo } from '../sheets/core/find-sources';
import { readStampedSheets } from './stamped-sheets';
import type { CellPatch, DataSourceRef, InsertOptions, NewColumn, OwnedSheet, ReadCell, ShareSafeCopyResult, StampedSheet, TableData, WorkbookHost } from '../host/workbook-host';

/** Settings key of the ownership records: which sheet ids this add-in wrote, and for what. */
const OWNED_KEY = 'host.ownedSheets';

interface OwnedRecord {
  id: string;
  owner: string;
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private featureCache?: ExcelFeatures;

  private get features(): ExcelFeatures {
    return (this.featureCache ??= detectFeatures());
  }

  listSources(): Promise<{ tables: string[]; sheets: string[] }> {
    return run('list tables and sheets', async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name');
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      return {
        tables: tables.items.map((t) => t.name),
        sheets: sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name),
      };
    });
  }

  readSource(ref: DataSourceRef, signal?: AbortSignal): Promise<TableData> {
    return run('read data', (context) => readTableData(context, ref, signal));
  }

  async insertSheets(specs: SheetSpec[], options: InsertOptions = {}, signal?: AbortSignal): Promise<string[]> {
    const owned = this.ownedRecords();
    const ownedIds = new Set(owned.map((o) => o.id));
    const written = await run('insert sheets', (context) =>
      applySheetSpecs(context, specs, {
        replace: options.replace,
        // Only sheets this add-in wrote may be replaced, whatever the caller passes.
        canReplace: (sheet) => ownedIds.has(sheet.id),
        activate: options.activate,
        features: this.features,
        signal,
      }),
    );
    for (const w of written) if (w.skipped.length > 0) options.onSkipped?.(w.name, w.skipped);
    const replacedIds = new Set(written.flatMap((w) => (w.replacedId ? [w.replacedId] : [])));
    if (options.owner || replacedIds.size > 0) {
      const kept = owned.filter((o) => !replacedIds.has(o.id));
      const added = options.owner ? written.map((w) => ({ id: w.id, owner: options.owner! })) : [];
      try {
        await setDocumentSetting<OwnedRecord[]>(OWNED_KEY, [...kept, ...added]);
      } catch (e) {
        // The sheets are in the workbook: failing here would hide that from the caller.
        if (!options.onSettingsNotSaved) throw e;
        options.onSettingsNotSaved(e);
      }
    }
    return written.map((w) => w.name);
  }

  listStampedSheets(signal?: AbortSignal): Promise<StampedSheet[]> {
    return run('list stamped sheets', (context) => readStampedSheets(context, signal));
  }

  async listOwnedSheets(): Promise<OwnedSheet[]> {
    const owned = this.ownedRecords();
    if (owned.length === 0) return [];
    return run('list sheets written by the add-in', async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      await context.sync();
      const byId = new Map(sheets.items.map((s) => [s.id, s.name]));
      return owned.flatMap((o) => (byId.has(o.id) ? [{ name: byId.get(o.id)!, owner: o.owner }] : []));
    });
  }

  addColumn(ref: DataSourceRef, column: NewColumn, confirmation: { confirmed: true }, signal?: AbortSignal): Promise<{ address: string }> {
    if (confirmation?.confirmed !== true) {
      return Promise.reject(new Error('addColumn writes into the user’s data and needs their confirmation'));
    }
    return run('add column', (context) => appendColumn(context, ref, column, signal));
  }

  makeShareSafeCopy(lang: Lang, signal?: AbortSignal): Promise<ShareSafeCopyResult> {
    return run('make share-safe copies', (context) => makeShareSafeCopies(context, { lang, features: this.features, signal }));
  }

  readLinkInfo(): Promise<WorkbookLinkInfo> {
    return run('find linked sheets', (context) => readLinkInfo(context));
  }

  readCells(sheet: string, area: string): Promise<Map<string, ReadCell>> {
    return run(`read ${sheet}`, (context) => readCells(context, sheet, area));
  }

  patchCells(sheet: string, patch: CellPatch, confirmation: { confirmed: true }): Promise<void> {
    if (confirmation?.confirmed !== true) return Promise.reject(new Error('patchCells rewrites cells of an existing sheet and needs the user’s confirmation'));
    return run(`link ${sheet}`, (context) => patchCells(context, sheet, patch, this.features));
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return getDocumentSetting<T>(key);
  }

  setSetting<T>(key: string, value: T): Promise<void> {
    return setDocumentSetting(key, value);
  }

  private ownedRecords(): OwnedRecord[] {
    const value = getDocumentSetting<OwnedRecord[]>(OWNED_KEY);
    return Array.isArray(value) ? value.filter((o) => typeof o?.id === 'string' && typeof o?.owner === 'string') : [];
  }
}

/** One Excel.run; whatever escapes it becomes a HostError that keeps Office's error code. */
async function run<T>(step: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toHostError(e, step);
  }
}
