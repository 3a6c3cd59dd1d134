import type {
  DataSourceRef,
  InsertOptions,
  OwnedSheet,
  ShareSafeCopyResult,
  StampedSheet,
  TableData,
  WorkbookHost,
} from '../../host/workbook-host';
import { renameSheetRefsInSpec } from '../../sheets/core/sheet-refs';
import { withRowsAsCells } from '../../sheets/core/row-blocks';
import { isFormula, type CachedValue, type Lang, type Scalar, type SheetSpec } from '../../sheets/core/sheet-spec';
import { isInputCell } from './cell-input';
import { parseCell } from '../../sheets/core/a1';
import { uniqueSheetName } from '../../sheets/core/sheet-names';
import { HostError } from '../../host/host-error';
import { planShareSafeCopies } from './share-safe-preview';
import { computeValues, type WorkbookValues } from './computed-values';
import { previewEngine } from './engine';
import type { IronCalc } from '../../xlsx/evaluate/ironcalc';

/**
 * The in-browser workbook used in preview mode: uploaded files become data sheets, generated
 * sheets are kept as SheetSpecs (shown as HTML and downloaded as .xlsx by the UI).
 */
export type PreviewSheet =
  | { kind: 'data'; name: string; table: TableData }
  | { kind: 'generated'; name: string; spec: SheetSpec; batch: number; owner?: string };

export class PreviewHost implements WorkbookHost {
  readonly kind = 'preview' as const;
  private sheets: PreviewSheet[] = [];
  private values: WorkbookValues = new Map();
  private engineFailed = false;

  /** `engine`: where the spreadsheet engine comes from (the lazy browser chunk by default). */
  constructor(private readonly engine: () => Promise<IronCalc> = previewEngine) {}
  private settings = new Map<string, unknown>();
  private listeners = new Set<() => void>();
  private batches = 0;
  private active: string | undefined;

  /** Adds uploaded data as sheets; returns the names used. */
  addData(tables: { name: string; table: Omit<TableData, 'label'> }[]): string[] {
    const names: string[] = [];
    for (const t of tables) {
      const name = uniqueSheetName(
        t.name,
        this.sheets.map((s) => s.name),
      );
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
    if (!sheet)
      throw new HostError('sourceNotFound', `sheet ${ref.name} not found`, { step: `read sheet ${ref.name}` });
    return sheet.kind === 'data' ? sheet.table : specToTable(sheet.spec);
  }

  async insertSheets(specs: SheetSpec[], options: InsertOptions = {}, signal?: AbortSignal): Promise<string[]> {
    signal?.throwIfAborted();
    const batch = ++this.batches;
    // Only generated sheets the caller named may be replaced, as in Excel (the user's data never).
    const replaceable = new Map<string, string>();
    for (const r of options.replace ?? []) {
      const hit = this.sheets.find((s) => s.kind === 'generated' && s.name.toLowerCase() === r.toLowerCase());
      if (hit) replaceable.set(hit.name.toLowerCase(), hit.name);
    }
    const taken = this.sheets.filter((s) => !replaceable.has(s.name.toLowerCase())).map((s) => s.name);
    const plan = specs.map((spec) => {
      const target = findReplaceable(spec.name, replaceable);
      if (target) replaceable.delete(target.toLowerCase());
      const name = target ?? uniqueSheetName(spec.name, taken);
      taken.push(name);
      return { spec, name, target };
    });
    // A sheet that had to take another name ("Rules (2)"): formulas pointing at it follow.
    const renames = new Map(plan.filter((p) => p.name !== p.spec.name).map((p) => [p.spec.name, p.name]));
    for (const p of plan) {
      const sheet: PreviewSheet = {
        kind: 'generated',
        name: p.name,
        spec: renameSheetRefsInSpec({ ...p.spec, name: p.name }, renames),
        batch,
        owner: options.owner,
      };
      const at = p.target ? this.sheets.findIndex((s) => s.name === p.target) : -1;
      if (at >= 0) this.sheets[at] = sheet;
      else this.sheets.push(sheet);
    }
    const names = plan.map((p) => p.name);
    if (options.activate && names.length) this.active = names[0];
    await this.compute();
    this.emit();
    return names;
  }

  /**
   * A value typed into an input cell of a generated sheet (never a formula, never a cell the
   * sheet does not mark as input). Every sheet is evaluated again: values the builders computed
   * beforehand are dropped everywhere, as other sheets' formulas may read the edited cell.
   */
  async editCell(name: string, ref: string, value: Scalar): Promise<void> {
    const at = this.sheets.findIndex((s) => s.name === name);
    const sheet = this.sheets[at];
    if (sheet?.kind !== 'generated')
      throw new HostError('sourceNotFound', `sheet ${name} not found`, { step: `edit ${name}!${ref}` });
    // Its table's values came with it and cannot be computed again here (SheetPreview says so).
    if (sheet.spec.rowBlocks?.length) throw new Error(`${name} is too large to recalculate in the preview`);
    const cell = sheet.spec.cells.find((c) => c.ref === ref);
    if (!isInputCell(cell)) throw new Error(`${name}!${ref} is not an input cell`);
    this.sheets[at] = {
      ...sheet,
      spec: { ...sheet.spec, cells: sheet.spec.cells.map((c) => (c === cell ? { ...c, value } : c)) },
    };
    this.sheets = this.sheets.map((s) => (s.kind === 'generated' ? { ...s, spec: withoutPrecomputed(s.spec) } : s));
    await this.compute();
    this.emit();
  }

  async listOwnedSheets(): Promise<OwnedSheet[]> {
    return this.sheets.flatMap((s) => (s.kind === 'generated' && s.owner ? [{ name: s.name, owner: s.owner }] : []));
  }

  async listStampedSheets(signal?: AbortSignal): Promise<StampedSheet[]> {
    signal?.throwIfAborted();
    return this.sheets.flatMap((s) => (s.kind === 'generated' && s.spec.stamp ? [{ name: s.name, ...s.spec.stamp }] : []));
  }

  async makeShareSafeCopy(lang: Lang, signal?: AbortSignal): Promise<ShareSafeCopyResult> {
    signal?.throwIfAborted();
    const { copies, result } = planShareSafeCopies(this.sheets, lang);
    if (copies.length === 0) return result;
    const batch = ++this.batches;
    // From the last, so the positions of the earlier originals stay valid.
    for (const c of [...copies].reverse())
      this.sheets.splice(c.after + 1, 0, { kind: 'generated', name: c.name, spec: c.spec, batch });
    this.active = copies[0].name;
    await this.compute();
    this.emit();
    return result;
  }

  /**
   * What the formulas of a generated sheet compute, from the last evaluation of all generated
   * sheets together; undefined when the engine could not be loaded (the preview then shows the
   * formulas themselves).
   */
  computedValues(name: string): ReadonlyMap<string, CachedValue> | undefined {
    return this.values.get(name);
  }

  /** Whether the engine could not be loaded (offline, blocked): the preview shows formulas. */
  get valuesUnavailable(): boolean {
    return this.engineFailed;
  }

  /** Evaluates every generated sheet with the engine (loaded on first use). */
  private async compute(): Promise<void> {
    const specs = this.sheets.flatMap((s) => (s.kind === 'generated' ? [s.spec] : []));
    let engine: IronCalc;
    try {
      engine = await this.engine();
    } catch {
      this.engineFailed = true;
      this.values = new Map();
      return;
    }
    this.engineFailed = false;
    try {
      this.values = computeValues(engine, specs);
    } catch {
      // A workbook the engine refuses (it should not happen) still shows, with its formulas.
      this.values = new Map();
    }
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
  for (const cell of withRowsAsCells(spec).cells) {
    const { row, col } = parseCell(cell.ref);
    while (grid.length < row) grid.push([]);
    const line = grid[row - 1];
    while (line.length < col) line.push(null);
    line[col - 1] = isFormula(cell.value) ? null : cell.value;
  }
  return grid;
}

export function specToTable(spec: SheetSpec): TableData {
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

/**
 * The sheet without the values its builder computed beforehand (the engine computes them again).
 * A sheet with generated rows keeps them: it is not editable, the engine cannot take its table,
 * and the one builder that makes such sheets in the pane (the ABC result) reads no other sheet.
 */
function withoutPrecomputed(spec: SheetSpec): SheetSpec {
  if (spec.rowBlocks?.length) return spec;
  if (!spec.cells.some((c) => isFormula(c.value) && c.value.cached !== undefined)) return spec;
  return {
    ...spec,
    cells: spec.cells.map((c) =>
      isFormula(c.value) && c.value.cached !== undefined ? { ...c, value: { formula: c.value.formula } } : c,
    ),
  };
}

/** "Rules" replaces "Rules" or "Rules (2)" — as the Excel writer matches them. */
function findReplaceable(wanted: string, replaceable: Map<string, string>): string | undefined {
  const w = wanted.toLowerCase();
  for (const [lower, name] of replaceable) if (lower === w || lower.replace(/ \(\d+\)$/, '') === w) return name;
  return undefined;
}
