import type { ApiMember } from './api-sets';
import { $, Binding, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { rectAddress } from './model';
import { assertColor, assertOneOf, type RangeTarget } from './shared';

/** Setting a format property pushes a layer over the range; the last layer wins per cell. */
export function formatSetter(q: Queue, b: Binding<RangeTarget>, path: string, prop: string, value: unknown, check?: () => void, api?: ApiMember): void {
  q.push(`RangeFormat.${prop}`, path, value, () => {
    if (api) requireApi(q, api);
    check?.();
    const { sheet, rect } = b.get();
    sheet.assertEditable(rect, `${path}.${prop}`);
    sheet.formats.push({ rect: { ...rect }, path: prop, value });
  });
}

export class FakeRangeFormat
  implements Pick<Excel.RangeFormat, 'columnWidth' | 'rowHeight' | 'horizontalAlignment' | 'verticalAlignment' | 'wrapText' | 'indentLevel'>
{
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }

  get columnWidth(): number {
    throw new FakeOfficeError('NotModelled', 'reading columnWidth', this[$].path);
  }
  set columnWidth(points: number) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.columnWidth', path, points, () => {
      requireApi(q, 'RangeFormat.columnWidth');
      if (!(points >= 0 && points <= 255 * 7.5)) throw new FakeOfficeError('InvalidArgument', `column width ${points}`, `${path}.columnWidth`);
      const { sheet, rect } = b.get();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    throw new FakeOfficeError('NotModelled', 'reading rowHeight', this[$].path);
  }
  set rowHeight(points: number) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.rowHeight', path, points, () => {
      requireApi(q, 'RangeFormat.rowHeight');
      if (!(points >= 0 && points <= 409)) throw new FakeOfficeError('InvalidArgument', `row height ${points}`, `${path}.rowHeight`);
      const { sheet, rect } = b.get();
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100_000); r++) sheet.rowHeights.set(r, points);
    });
  }
  get useStandardWidth(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading useStandardWidth', this[$].path);
  }
  /** true: the columns go back to the sheet's standard width. */
  set useStandardWidth(value: boolean) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.useStandardWidth', path, value, () => {
      requireApi(q, 'RangeFormat.useStandardWidth');
      // "This property is only intended to be set to true. Setting it to false has no effect."
      const { sheet, rect } = b.get();
      if (value !== true) return;
      for (const col of [...sheet.columnWidths.keys()]) if (col >= rect.left && col <= rect.right) sheet.columnWidths.delete(col);
    });
  }
  get useStandardHeight(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading useStandardHeight', this[$].path);
  }
  /** true: the rows go back to the sheet's standard height. */
  set useStandardHeight(value: boolean) {
    const { q, b, path } = this[$];
    q.push('RangeFormat.useStandardHeight', path, value, () => {
      requireApi(q, 'RangeFormat.useStandardHeight');
      // "Setting it to false has no effect" (RangeFormat.useStandardHeight reference).
      const { sheet, rect } = b.get();
      if (value !== true) return;
      for (const row of [...sheet.rowHeights.keys()]) if (row >= rect.top && row <= rect.bottom) sheet.rowHeights.delete(row);
    });
  }
  get horizontalAlignment(): Excel.HorizontalAlignment {
    throw new FakeOfficeError('NotModelled', 'reading horizontalAlignment', this[$].path);
  }
  set horizontalAlignment(value: Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed') {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'horizontalAlignment', value, () =>
      assertOneOf(value, ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'], `${path}.horizontalAlignment`),
    );
  }
  get verticalAlignment(): Excel.VerticalAlignment {
    throw new FakeOfficeError('NotModelled', 'reading verticalAlignment', this[$].path);
  }
  set verticalAlignment(value: Excel.VerticalAlignment | 'Center' | 'Bottom' | 'Top' | 'Justify' | 'Distributed') {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'verticalAlignment', value, () =>
      assertOneOf(value, ['Center', 'Bottom', 'Top', 'Justify', 'Distributed'], `${path}.verticalAlignment`),
    );
  }
  get wrapText(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading wrapText', this[$].path);
  }
  set wrapText(value: boolean) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'wrapText', value);
  }
  get indentLevel(): number {
    throw new FakeOfficeError('NotModelled', 'reading indentLevel', this[$].path);
  }
  set indentLevel(value: number) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'indentLevel', value, () => {
      if (!Number.isInteger(value) || value < 0 || value > 250) throw new FakeOfficeError('InvalidArgument', `indent ${value}`, path);
    }, 'RangeFormat.indentLevel');
  }
  get font(): FakeRangeFont {
    const { q, b, path } = this[$];
    return new FakeRangeFont(q, b, `${path}.font`);
  }
  get fill(): FakeRangeFill {
    const { q, b, path } = this[$];
    return new FakeRangeFill(q, b, `${path}.fill`);
  }
  get borders(): FakeRangeBorderCollection {
    const { q, b, path } = this[$];
    return new FakeRangeBorderCollection(q, b, `${path}.borders`);
  }
  get protection(): FakeFormatProtection {
    const { q, b, path } = this[$];
    return new FakeFormatProtection(q, b, `${path}.protection`);
  }
}
export const _formatCheck: OnlyRealMembers<FakeRangeFormat, Excel.RangeFormat> = true;

export class FakeRangeFont implements Pick<Excel.RangeFont, 'bold' | 'italic' | 'size' | 'color' | 'underline'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  private set$(prop: string, value: unknown, check?: () => void) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, `font.${prop}`, value, check);
  }
  get bold(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set bold(v: boolean) {
    this.set$('bold', v);
  }
  get italic(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set italic(v: boolean) {
    this.set$('italic', v);
  }
  get size(): number {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set size(v: number) {
    this.set$('size', v, () => {
      if (!(v >= 1 && v <= 409)) throw new FakeOfficeError('InvalidArgument', `font size ${v}`, this[$].path);
    });
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set color(v: string) {
    this.set$('color', v, () => assertColor(v, `${this[$].path}.color`));
  }
  get underline(): Excel.RangeUnderlineStyle | 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant' {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set underline(v: Excel.RangeUnderlineStyle | 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant') {
    this.set$('underline', v, () => assertOneOf(v, ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'], this[$].path));
  }
}
export const _fontCheck: OnlyRealMembers<FakeRangeFont, Excel.RangeFont> = true;

export class FakeRangeFill implements Pick<Excel.RangeFill, 'color'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading fill', this[$].path);
  }
  set color(v: string) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'fill.color', v, () => assertColor(v, `${path}.color`));
  }
}
export const _fillCheck: OnlyRealMembers<FakeRangeFill, Excel.RangeFill> = true;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class FakeRangeBorderCollection {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  getItem(index: Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp'): FakeRangeBorder {
    const { q, b, path } = this[$];
    q.push('RangeBorderCollection.getItem', path, index, () => {
      assertOneOf(index, EDGES, `${path}.getItem`);
      const { rect } = b.get();
      // Excel has no inside edges in a single row/column.
      if ((index === 'InsideVertical' && rect.left === rect.right) || (index === 'InsideHorizontal' && rect.top === rect.bottom)) {
        throw new FakeOfficeError('InvalidArgument', `${index} on ${rectAddress(rect)}`, `${path}.getItem`);
      }
    });
    return new FakeRangeBorder(q, b, `${path}[${index}]`, index);
  }
}
export const _bordersCheck: OnlyRealMembers<FakeRangeBorderCollection, Excel.RangeBorderCollection> = true;

export class FakeRangeBorder implements Pick<Excel.RangeBorder, 'style' | 'weight' | 'color'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string; edge: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string, edge: string) {
    this[$] = { q, b, path, edge };
  }
  private set$(prop: string, value: unknown, check: () => void) {
    const { q, b, path, edge } = this[$];
    formatSetter(q, b, path, `borders.${edge}.${prop}`, value, check);
  }
  get style(): Excel.BorderLineStyle {
    throw new FakeOfficeError('NotModelled', 'reading borders', this[$].path);
  }
  set style(v: Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot') {
    this.set$('style', v, () => assertOneOf(v, ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'], this[$].path));
  }
  get weight(): Excel.BorderWeight {
    throw new FakeOfficeError('NotModelled', 'reading borders', this[$].path);
  }
  set weight(v: Excel.BorderWeight | 'Hairline' | 'Thin' | 'Medium' | 'Thick') {
    this.set$('weight', v, () => assertOneOf(v, ['Hairline', 'Thin', 'Medium', 'Thick'], this[$].path));
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading borders', this[$].path);
  }
  set color(v: string) {
    this.set$('color', v, () => assertColor(v, this[$].path));
  }
}
export const _borderCheck: OnlyRealMembers<FakeRangeBorder, Excel.RangeBorder> = true;

export class FakeFormatProtection implements Pick<Excel.FormatProtection, 'locked'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  get locked(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading protection', this[$].path);
  }
  set locked(v: boolean) {
    const { q, b, path } = this[$];
    formatSetter(q, b, path, 'protection.locked', v, undefined, 'FormatProtection.locked');
  }
}
export const _protCheck: OnlyRealMembers<FakeFormatProtection, Excel.FormatProtection> = true;
