import type { SheetSpec } from '../../sheets/core/sheet-spec';
import { PreviewHost } from './preview-host';
import type { UploadFile, UploadOptions } from './read-upload';
import { renderXlsx, saveBlob, xlsxFileName } from './download';
import { withValues } from './computed-values';
import { isInputCell, readCellInput, type CellInput } from './cell-input';

/** What pages use in preview mode, beside the WorkbookHost: uploads, previews and downloads. */
export interface PreviewWorkbook {
  /** Reads the file into the in-browser workbook; returns the new data sheets' names. */
  upload(
    file: UploadFile,
    signal?: AbortSignal,
    onProgress?: (fraction: number) => void,
    options?: UploadOptions,
  ): Promise<string[]>;
  /** Sheets that hold uploaded data (the ones a computation can read). */
  dataSheets(): string[];
  /** A generated sheet by name, its formulas carrying what they compute (when the engine is loaded). */
  sheet(name: string): SheetSpec | undefined;
  /** Every generated sheet, in workbook order: what "download the workbook" holds. */
  generatedSheets(): string[];
  /**
   * Reads what was typed into an input cell (numbers, percentages and dates as the cell expects
   * them) and, when it reads, writes it and evaluates the workbook again.
   */
  editCell(sheet: string, ref: string, typed: string): Promise<CellInput>;
  /** Renders the named generated sheets into one .xlsx and saves it. */
  download(names: string[], baseName: string): Promise<void>;
  subscribe(listener: () => void): () => void;
}

export function createPreviewWorkbook(
  host: PreviewHost,
  save: (blob: Blob, fileName: string) => void = saveBlob,
): PreviewWorkbook {
  // The last sheet handed out per name, rebuilt only when the spec or its values change.
  const shown = new Map<string, { spec: SheetSpec; values: unknown; merged: SheetSpec }>();
  return {
    async upload(file, signal, onProgress, options) {
      // The reader (Papa Parse, saxes, fflate) is loaded with the first upload, not with the pane.
      const { readUpload } = await import('./read-upload');
      const sheets = await readUpload(file, signal, onProgress, options);
      signal?.throwIfAborted();
      return host.addData(sheets);
    },
    dataSheets: () =>
      host
        .getSheets()
        .filter((s) => s.kind === 'data')
        .map((s) => s.name),
    sheet(name) {
      const s = host.getSheets().find((x) => x.name === name);
      if (s?.kind !== 'generated') return undefined;
      const values = host.computedValues(name);
      const last = shown.get(name);
      if (last && last.spec === s.spec && last.values === values) return last.merged;
      const merged = withValues(s.spec, values);
      shown.set(name, { spec: s.spec, values, merged });
      return merged;
    },
    generatedSheets: () =>
      host
        .getSheets()
        .filter((s) => s.kind === 'generated')
        .map((s) => s.name),
    async editCell(sheetName, ref, typed) {
      const s = host.getSheets().find((x) => x.name === sheetName);
      const cell = s?.kind === 'generated' ? s.spec.cells.find((c) => c.ref === ref) : undefined;
      if (!isInputCell(cell)) throw new Error(`${sheetName}!${ref} is not an input cell`);
      const read = readCellInput(cell, typed);
      if (read.ok) await host.editCell(sheetName, ref, read.value);
      return read;
    },
    async download(names, baseName) {
      const specs = names.map((n) => this.sheet(n)).filter((s): s is SheetSpec => Boolean(s));
      if (!specs.length) throw new Error('nothing to download');
      save(await renderXlsx(specs, baseName), xlsxFileName(baseName));
    },
    subscribe: (listener) => host.subscribe(listener),
  };
}
