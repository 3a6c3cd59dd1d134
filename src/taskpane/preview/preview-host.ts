import type { DataSourceRef, InsertOptions, TableData, WorkbookHost } from '../../office/workbook-host';
import { isFormula, type SheetSpec } from '../../sheets/sheet-spec';
import { parseCell } from '../../sheets/a1';
import { uniqueSheetName } from '../../sheets/sheet-names';
import { HostError } from '../../office/host-error';

/**
 * The in-browser workbook used in preview mode: uploaded files become data sheets, generated
 * sheets are kept as SheetSpecs (shown as HTML and downloaded as .xlsx by the UI).
 */
export type PreviewSheet =
  | { kind: 'data'; name: string; table: TableData }
  | { kind: 'generated'; name: string; spec: SheetSpec; batch: number };

export class PreviewHost implements WorkbookHost {
  readonly kind = 'preview' as const;
  private sheets: PreviewSheet[] = [];
  private settings = new Map<string, unknown>();
  private listeners = new Set<() => void>();
  private batches = 0;
  private active: string | undefined;

  /** Adds uploaded data as sheets; returns the names used. */
  addData(tables: { name: string; table: Omit<TableData, 'label'> }[]): string[] {
    const names: string[] = [];
    for (const t of tables) {
      const name = uniqueSheetName(t.name, this.sheets.map((s) => s.name));
      this.sheets.push({ kind: 'data', name, table: { ...t.table, label: name } });
      names.push(name);
    }
    this.emit();
    return names;
  }

  getSheets(): readonly PreviewSheet[] {
    return this.sheets;
  }

  get activeSheet(): string | undefined {
    return this.active;
  }

  activate(name: string): void {
    if (this.sheets.some((s) => s.name === name)) {
      this.active = name;
      this.emit();
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async listSources(): Promise<{ tables: string[]; sheets: string[] }> {
    return { tables: [], sheets: this.sheets.map((s) => s.name) };
  }

  async readSource(ref: DataSourceRef, signal?: AbortSignal): Promise<TableData> {
    signal?.throwIfAborted();
    if (ref.kind !== 'sheet') throw new PreviewUnsupportedError(ref.kind);
    const sheet = this.sheets.find((s) => s.name === ref.name);
    if (!sheet) throw new HostError('sourceNotFound', `sheet ${ref.name} not found`, { step: `read sheet ${ref.name}` });
    return sheet.kind === 'data' ? sheet.table : specToTable(sheet.spec);
  }

  async insertSheets(specs: SheetSpec[], options: InsertOptions = {}, signal?: AbortSignal): Promise<string[]> {
    signal?.throwIfAborted();
    const replace = new Set(options.replace ?? []);
    const batch = ++this.batches;
    const names: string[] = [];
    for (const spec of specs) {
      const existing = this.sheets.findIndex((s) => s.kind === 'generated' && replace.has(s.name) && s.name === spec.name);
      if (existing >= 0) {
        this.sheets[existing] = { kind: 'generated', name: spec.name, spec, batch };
        replace.delete(spec.name);
        names.push(spec.name);
        continue;
      }
      const name = uniqueSheetName(spec.name, this.sheets.map((s) => s.name));
      this.sheets.push({ kind: 'generated', name, spec: { ...spec, name }, batch });
      names.push(name);
    }
    // Sheets the caller agreed to replace that the new run no longer produces (e.g. a rep who
    // has no lines any more) are removed; only generated sheets can be.
    this.sheets = this.sheets.filter((s) => !(s.kind === 'generated' && replace.has(s.name) && !names.includes(s.name)));
    if (options.activate && names.length) this.active = names[0];
    this.emit();
    return names;
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return this.settings.get(key) as T | undefined;
  }

  async setSetting<T>(key: string, value: T): Promise<void> {
    this.settings.set(key, value);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export class PreviewUnsupportedError extends Error {
  constructor(readonly source: string) {
    super(`Preview mode has no ${source}: upload a .csv or .xlsx file and choose its sheet.`);
    this.name = 'PreviewUnsupportedError';
  }
}

/**
 * A generated sheet read back as data (e.g. the bonus Rules sheet): every cell by position,
 * row 1 as headers. Formulas have no computed value in the browser, so they read as blank.
 */
export function specToGrid(spec: SheetSpec): unknown[][] {
  const grid: unknown[][] = [];
  for (const cell of spec.cells) {
    const { row, col } = parseCell(cell.ref);
    while (grid.length < row) grid.push([]);
    const line = grid[row - 1];
    while (line.length < col) line.push(null);
    line[col - 1] = isFormula(cell.value) ? null : cell.value;
  }
  return grid;
}

function specToTable(spec: SheetSpec): TableData {
  const grid = specToGrid(spec);
  const width = Math.max(0, ...grid.map((r) => r.length));
  const pad = (r: unknown[]) => [...r, ...Array(width - r.length).fill(null)];
  return {
    label: spec.name,
    headers: pad(grid[0] ?? []).map((v) => (v == null ? '' : String(v))),
    rows: grid.slice(1).map(pad),
    firstRowNumber: 2,
  };
}
