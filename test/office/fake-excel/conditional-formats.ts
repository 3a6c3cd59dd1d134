import { $, Binding, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { type ModelConditionalFormat } from './model';
import { assertColor, assertOneOf, removeInside, type RangeTarget } from './shared';

/**
 * Conditional formats (ExcelApi 1.6, https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection, https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat).
 * - Only Custom, CellValue and DataBar are modelled (others NotModelled).
 * - priority: 0 is the highest (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member);
 *   a new format goes on top and setting priority moves it: A9.
 * - cellValue operators and data-bar rule types are the reference's enums
 *   (https://learn.microsoft.com/javascript/api/excel/excel.conditionalcellvalueoperator, https://learn.microsoft.com/javascript/api/excel/excel.conditionaldatabarruletype); colours as in shared.ts.
 * - A custom rule formula starts with "=", and using a member of another type is
 *   InvalidOperation: A9.
 */

export class FakeConditionalFormatCollection {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }
  add(type: Excel.ConditionalFormatType | 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue'): FakeConditionalFormat {
    const { q, b, path } = this[$];
    const cb = new Binding<ModelConditionalFormat>(`${path}.add(${type})`);
    q.push('ConditionalFormatCollection.add', path, type, () => {
      requireApi(q, 'ConditionalFormatCollection.add');
      if (!['Custom', 'CellValue', 'DataBar'].includes(type)) throw new FakeOfficeError('NotModelled', `conditional format ${type}`, path);
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.add`);
      const cf: ModelConditionalFormat = { id: q.id(), rect: { ...rect }, type, rule: {}, format: { font: {} }, stopIfTrue: false };
      // A new conditional format goes on top of the priority list.
      sheet.conditionalFormats.unshift(cf);
      cb.set(cf);
    });
    return new FakeConditionalFormat(q, cb, b, `${path}.add(${type})`);
  }
  clearAll(): void {
    const { q, b, path } = this[$];
    q.push('ConditionalFormatCollection.clearAll', path, null, () => {
      requireApi(q, 'ConditionalFormatCollection.clearAll');
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.clearAll`);
      removeInside(sheet.conditionalFormats, rect, 'conditional format', `${path}.clearAll`);
    });
  }
}
export const _cfColCheck: OnlyRealMembers<FakeConditionalFormatCollection, Excel.ConditionalFormatCollection> = true;

type CfTarget = Binding<ModelConditionalFormat>;

function cfPush(q: Queue, cb: CfTarget, path: string, prop: string, value: unknown, apply: (cf: ModelConditionalFormat) => void, type?: string) {
  q.push(`ConditionalFormat.${prop}`, path, value, () => {
    const cf = cb.get();
    if (type && cf.type !== type) throw new FakeOfficeError('InvalidOperation', `${prop} on a ${cf.type} conditional format`, `${path}.${prop}`);
    apply(cf);
  });
}

export class FakeConditionalFormat implements Pick<Excel.ConditionalFormat, 'priority' | 'stopIfTrue'> {
  readonly [$]: { q: Queue; cb: CfTarget; rb: Binding<RangeTarget>; path: string };
  constructor(q: Queue, cb: CfTarget, rb: Binding<RangeTarget>, path: string) {
    this[$] = { q, cb, rb, path };
  }
  get priority(): number {
    throw new FakeOfficeError('NotModelled', 'reading priority', this[$].path);
  }
  set priority(value: number) {
    const { q, cb, rb, path } = this[$];
    cfPush(q, cb, path, 'priority', value, (cf) => {
      const list = rb.get().sheet.conditionalFormats;
      if (!Number.isInteger(value) || value < 0) throw new FakeOfficeError('InvalidArgument', `priority ${value}`, `${path}.priority`);
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(value, list.length), 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading stopIfTrue', this[$].path);
  }
  set stopIfTrue(value: boolean) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, 'stopIfTrue', value, (cf) => void (cf.stopIfTrue = value));
  }
  get custom(): FakeCustomConditionalFormat {
    const { q, cb, path } = this[$];
    return new FakeCustomConditionalFormat(q, cb, `${path}.custom`);
  }
  get cellValue(): FakeCellValueConditionalFormat {
    const { q, cb, path } = this[$];
    return new FakeCellValueConditionalFormat(q, cb, `${path}.cellValue`);
  }
  get dataBar(): FakeDataBarConditionalFormat {
    const { q, cb, path } = this[$];
    return new FakeDataBarConditionalFormat(q, cb, `${path}.dataBar`);
  }
}
export const _cfCheck: OnlyRealMembers<FakeConditionalFormat, Excel.ConditionalFormat> = true;

export class FakeCustomConditionalFormat {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get rule(): FakeConditionalFormatRule {
    const { q, cb, path } = this[$];
    return new FakeConditionalFormatRule(q, cb, `${path}.rule`);
  }
  get format(): FakeConditionalRangeFormat {
    const { q, cb, path } = this[$];
    return new FakeConditionalRangeFormat(q, cb, `${path}.format`, 'Custom');
  }
}
export const _customCheck: OnlyRealMembers<FakeCustomConditionalFormat, Excel.CustomConditionalFormat> = true;

export class FakeConditionalFormatRule implements Pick<Excel.ConditionalFormatRule, 'formula'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get formula(): string {
    throw new FakeOfficeError('NotModelled', 'reading formula', this[$].path);
  }
  set formula(value: string) {
    const { q, cb, path } = this[$];
    cfPush(
      q,
      cb,
      path,
      'custom.rule.formula',
      value,
      (cf) => {
        if (typeof value !== 'string' || !value.startsWith('=') || value.length < 2) {
          throw new FakeOfficeError('InvalidArgument', `a custom rule formula starts with "=": ${value}`, path);
        }
        cf.rule = { formula: value };
      },
      'Custom',
    );
  }
}
export const _ruleCheck: OnlyRealMembers<FakeConditionalFormatRule, Excel.ConditionalFormatRule> = true;

export class FakeCellValueConditionalFormat implements Pick<Excel.CellValueConditionalFormat, 'rule'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get rule(): Excel.ConditionalCellValueRule {
    throw new FakeOfficeError('NotModelled', 'reading rule', this[$].path);
  }
  set rule(value: Excel.ConditionalCellValueRule) {
    const { q, cb, path } = this[$];
    cfPush(
      q,
      cb,
      path,
      'cellValue.rule',
      value,
      (cf) => {
        const ops = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];
        assertOneOf(value.operator, ops, `${path}.operator`);
        if (value.formula1 === undefined) throw new FakeOfficeError('InvalidArgument', 'formula1 missing', path);
        if ((value.operator === 'Between' || value.operator === 'NotBetween') && value.formula2 === undefined) {
          throw new FakeOfficeError('InvalidArgument', 'formula2 missing', path);
        }
        cf.rule = { ...value };
      },
      'CellValue',
    );
  }
  get format(): FakeConditionalRangeFormat {
    const { q, cb, path } = this[$];
    return new FakeConditionalRangeFormat(q, cb, `${path}.format`, 'CellValue');
  }
}
export const _cellValueCheck: OnlyRealMembers<FakeCellValueConditionalFormat, Excel.CellValueConditionalFormat> = true;

export class FakeConditionalRangeFormat {
  readonly [$]: { q: Queue; cb: CfTarget; path: string; type: string };
  constructor(q: Queue, cb: CfTarget, path: string, type: string) {
    this[$] = { q, cb, path, type };
  }
  get fill(): FakeConditionalRangeFill {
    return new FakeConditionalRangeFill(this[$]);
  }
  get font(): FakeConditionalRangeFont {
    return new FakeConditionalRangeFont(this[$]);
  }
}
export const _crfCheck: OnlyRealMembers<FakeConditionalRangeFormat, Excel.ConditionalRangeFormat> = true;

export class FakeConditionalRangeFill implements Pick<Excel.ConditionalRangeFill, 'color'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string; type: string };
  constructor(parent: { q: Queue; cb: CfTarget; path: string; type: string }) {
    this[$] = { ...parent, path: `${parent.path}.fill` };
  }
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading fill', this[$].path);
  }
  set color(value: string) {
    const { q, cb, path, type } = this[$];
    cfPush(q, cb, path, 'format.fill.color', value, (cf) => {
      assertColor(value, path);
      cf.format.fill = value;
    }, type);
  }
}
export const _crFillCheck: OnlyRealMembers<FakeConditionalRangeFill, Excel.ConditionalRangeFill> = true;

export class FakeConditionalRangeFont implements Pick<Excel.ConditionalRangeFont, 'bold' | 'italic' | 'color' | 'underline'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string; type: string };
  constructor(parent: { q: Queue; cb: CfTarget; path: string; type: string }) {
    this[$] = { ...parent, path: `${parent.path}.font` };
  }
  private set$(prop: string, value: unknown, check?: () => void) {
    const { q, cb, path, type } = this[$];
    cfPush(q, cb, path, `format.font.${prop}`, value, (cf) => {
      check?.();
      cf.format.font[prop] = value;
    }, type);
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
  get color(): string {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set color(v: string) {
    this.set$('color', v, () => assertColor(v, this[$].path));
  }
  get underline(): Excel.ConditionalRangeFontUnderlineStyle | 'None' | 'Single' | 'Double' {
    throw new FakeOfficeError('NotModelled', 'reading font', this[$].path);
  }
  set underline(v: Excel.ConditionalRangeFontUnderlineStyle | 'None' | 'Single' | 'Double') {
    this.set$('underline', v, () => assertOneOf(v, ['None', 'Single', 'Double'], this[$].path));
  }
}
export const _crFontCheck: OnlyRealMembers<FakeConditionalRangeFont, Excel.ConditionalRangeFont> = true;

export class FakeDataBarConditionalFormat implements Pick<Excel.DataBarConditionalFormat, 'barDirection' | 'lowerBoundRule' | 'upperBoundRule'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  private set$(prop: string, value: unknown, check?: () => void) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, `dataBar.${prop}`, value, (cf) => {
      check?.();
      cf.rule[prop] = value;
    }, 'DataBar');
  }
  get barDirection(): Excel.ConditionalDataBarDirection {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set barDirection(v: Excel.ConditionalDataBarDirection | 'Context' | 'LeftToRight' | 'RightToLeft') {
    this.set$('barDirection', v, () => assertOneOf(v, ['Context', 'LeftToRight', 'RightToLeft'], this[$].path));
  }
  get lowerBoundRule(): Excel.ConditionalDataBarRule {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set lowerBoundRule(v: Excel.ConditionalDataBarRule) {
    this.set$('lowerBoundRule', v, () => assertOneOf(v.type, ['LowestValue', 'Number', 'Percent', 'Formula', 'Percentile', 'Automatic'], this[$].path));
  }
  get upperBoundRule(): Excel.ConditionalDataBarRule {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set upperBoundRule(v: Excel.ConditionalDataBarRule) {
    this.set$('upperBoundRule', v, () => assertOneOf(v.type, ['HighestValue', 'Number', 'Percent', 'Formula', 'Percentile', 'Automatic'], this[$].path));
  }
  get positiveFormat(): FakeDataBarPositiveFormat {
    const { q, cb, path } = this[$];
    return new FakeDataBarPositiveFormat(q, cb, `${path}.positiveFormat`);
  }
}
export const _dataBarCheck: OnlyRealMembers<FakeDataBarConditionalFormat, Excel.DataBarConditionalFormat> = true;

export class FakeDataBarPositiveFormat implements Pick<Excel.ConditionalDataBarPositiveFormat, 'fillColor' | 'gradientFill'> {
  readonly [$]: { q: Queue; cb: CfTarget; path: string };
  constructor(q: Queue, cb: CfTarget, path: string) {
    this[$] = { q, cb, path };
  }
  get fillColor(): string {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set fillColor(v: string) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, 'dataBar.positiveFormat.fillColor', v, (cf) => {
      assertColor(v, path);
      cf.rule.fillColor = v;
    }, 'DataBar');
  }
  get gradientFill(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading dataBar', this[$].path);
  }
  set gradientFill(v: boolean) {
    const { q, cb, path } = this[$];
    cfPush(q, cb, path, 'dataBar.positiveFormat.gradientFill', v, (cf) => void (cf.rule.gradientFill = v), 'DataBar');
  }
}
export const _posCheck: OnlyRealMembers<FakeDataBarPositiveFormat, Excel.ConditionalDataBarPositiveFormat> = true;
