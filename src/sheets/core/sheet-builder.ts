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

/** Small mutable helper that builders use to assemble a SheetSpec. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly spec: SheetSpec;

  constructor(name: string) {
    this.spec = { name, cells: [], merges: [], tables: [], validations: [], conditionalFormats: [], names: [], columns: [] };
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
    widths.forEach((width, i) => this.spec.columns!.push({ index: start + i, width } satisfies ColumnSpec));
    return this;
  }

  configure(patch: Partial<Omit<SheetSpec, 'cells' | 'name'>>): this {
    Object.assign(this.spec, patch);
    return this;
  }

  build(): SheetSpec {
    return { ...this.spec, cells: [...this.cells.values()] };
  }
}
