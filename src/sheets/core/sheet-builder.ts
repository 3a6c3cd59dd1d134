import { cellRef, parseRange } from './a1';
import type {
  CellContent,
  CellSpec,
  CellStyle,
  ColumnSpec,
  ConditionalFormatSpec,
  NameSpec,
  SheetSpec,
  TableSpec,
  ValidationSpec,
} from './sheet-spec';
import type { ColumnProbe, RowProbe } from './planning-table';

export interface SheetBuilderOptions {
  /** Test-only: a column planTable splices into the tables it places. */
  columnProbe?: ColumnProbe;
  /** Test-only: a copied body row planTable adds to the tables it places. */
  rowProbe?: RowProbe;
}

/** Small mutable helper that builders use to assemble a SheetSpec. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  /** Least widths by column index (minWidth). */
  private readonly floors = new Map<number, number>();
  private readonly spec: SheetSpec;
  readonly columnProbe?: ColumnProbe;
  readonly rowProbe?: RowProbe;

  constructor(name: string, options: SheetBuilderOptions = {}) {
    this.spec = { name, cells: [], merges: [], tables: [], validations: [], conditionalFormats: [], names: [], columns: [] };
    this.columnProbe = options.columnProbe;
    this.rowProbe = options.rowProbe;
  }

  get name(): string {
    return this.spec.name;
  }

  set(ref: string, value: CellContent, style?: CellStyle, note?: string): this {
    const cell: CellSpec = { ref, value };
    if (style) cell.style = style;
    if (note) cell.note = note;
    this.cells.set(ref, cell);
    return this;
  }

  at(row: number, col: number, value: CellContent, style?: CellStyle, note?: string): this {
    return this.set(cellRef(row, col), value, style, note);
  }

  /** Writes values left to right starting at (row, col). */
  row(row: number, col: number, values: CellContent[], style?: CellStyle): this {
    values.forEach((v, i) => this.at(row, col + i, v, style));
    return this;
  }

  /** Styles every cell of a range, creating empty cells where needed (e.g. blank input areas). */
  fill(ref: string, style: CellStyle, value: CellContent = null): this {
    const r = parseRange(ref);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const a = cellRef(row, col);
        const existing = this.cells.get(a);
        if (existing) existing.style = { ...style, ...existing.style };
        else this.set(a, value, style);
      }
    return this;
  }

  get(ref: string): CellSpec | undefined {
    return this.cells.get(ref);
  }

  merge(ref: string): this {
    this.spec.merges!.push(ref);
    return this;
  }

  table(t: TableSpec): this {
    this.spec.tables!.push(t);
    return this;
  }

  validation(v: ValidationSpec): this {
    this.spec.validations!.push(v);
    return this;
  }

  conditional(c: ConditionalFormatSpec): this {
    this.spec.conditionalFormats!.push(c);
    return this;
  }

  defineName(n: NameSpec): this {
    this.spec.names!.push(n);
    return this;
  }

  widths(widths: number[], start = 1): this {
    widths.forEach((width, i) => this.width(start + i, width));
    return this;
  }

  /** Sets one column's width (replacing an earlier one). */
  width(index: number, width: number, hidden?: boolean): this {
    const columns = this.spec.columns!;
    const existing = columns.findIndex((c) => c.index === index);
    const spec: ColumnSpec = hidden ? { index, width, hidden } : { index, width };
    if (existing >= 0) columns[existing] = spec;
    else columns.push(spec);
    columns.sort((a, b) => a.index - b.index);
    return this;
  }

  configure(patch: Partial<Omit<SheetSpec, 'cells' | 'name'>>): this {
    Object.assign(this.spec, patch);
    return this;
  }

  /**
   * Keeps a column at least this wide, whatever width is set for it later (a title block's date
   * cell sits above tables that set their own, possibly narrow, columns).
   */
  minWidth(index: number, width: number): this {
    this.floors.set(index, Math.max(width, this.floors.get(index) ?? 0));
    return this;
  }

  build(): SheetSpec {
    const columns = this.spec.columns!.map((c) => ({ ...c, width: Math.max(c.width, this.floors.get(c.index) ?? 0) }));
    for (const [index, width] of this.floors) if (!columns.some((c) => c.index === index)) columns.push({ index, width });
    columns.sort((a, b) => a.index - b.index);
    return { ...this.spec, columns, cells: [...this.cells.values()] };
  }
}
