import { $, Binding, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { overlaps, rectAddress, sameRect, type ModelValidation } from './model';
import { assertOneOf, removeInside, type RangeTarget } from './shared';

/**
 * Data validation (ExcelApi 1.8, https://learn.microsoft.com/javascript/api/excel/excel.datavalidation; https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation).
 * - A rule has exactly one type ("No more than one of these properties may be present",
 *   data-validation article); Between/NotBetween need formula2; date rules take ISO 8601 dates
 *   or a formula (DateTimeDataValidation, same article).
 * - A list source is a range formula or a comma-delimited list ("You can also assign a
 *   comma-delimited list", same article); the split is on ASCII commas in every locale
 *   (https://github.com/OfficeDev/office-js/issues/2128), so a value with "," is two items —
 *   the model keeps the source string; tests read it back split on ",".
 * - clear() removes validation from the range; only whole rules inside it are modelled.
 * - Setting a rule over a range that partly has another rule, and the length limits (list
 *   source 255, prompt/alert title 32 and message 255 characters): A8.
 */

export class FakeDataValidation implements Pick<Excel.DataValidation, 'rule' | 'ignoreBlanks' | 'prompt' | 'errorAlert'> {
  readonly [$]: { q: Queue; b: Binding<RangeTarget>; path: string };
  constructor(q: Queue, b: Binding<RangeTarget>, path: string) {
    this[$] = { q, b, path };
  }

  private record(create: boolean): ModelValidation | undefined {
    const { b, path } = this[$];
    const { sheet, rect } = b.get();
    const same = sheet.validations.find((v) => sameRect(v.rect, rect));
    if (same || !create) return same;
    if (sheet.validations.some((v) => overlaps(v.rect, rect))) {
      throw new FakeOfficeError('InvalidOperation', `${rectAddress(rect)} already has data validation; clear it first`, path);
    }
    const v: ModelValidation = { rect: { ...rect }, rule: {}, ignoreBlanks: true, errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' } };
    sheet.validations.push(v);
    return v;
  }

  private push(prop: string, value: unknown, apply: (v: ModelValidation) => void): void {
    const { q, b, path } = this[$];
    q.push(`DataValidation.${prop}`, path, value, () => {
      requireApi(q, 'Range.dataValidation');
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.${prop}`);
      apply(this.record(true)!);
    });
  }

  clear(): void {
    const { q, b, path } = this[$];
    q.push('DataValidation.clear', path, null, () => {
      requireApi(q, 'DataValidation.clear');
      const { sheet, rect } = b.get();
      sheet.assertEditable(rect, `${path}.clear`);
      removeInside(sheet.validations, rect, 'validation', `${path}.clear`);
    });
  }

  get rule(): Excel.DataValidationRule {
    throw new FakeOfficeError('NotModelled', 'reading rule', this[$].path);
  }
  set rule(rule: Excel.DataValidationRule) {
    const path = this[$].path;
    this.push('rule', rule, (v) => {
      const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1) throw new FakeOfficeError('InvalidArgument', `a rule needs exactly one type, got ${kinds.join(',') || 'none'}`, `${path}.rule`);
      const kind = kinds[0];
      const body = (rule as Record<string, Record<string, unknown>>)[kind];
      if (kind === 'list') {
        const source = body.source;
        if (typeof source !== 'string' || source === '') throw new FakeOfficeError('InvalidArgument', 'list source', `${path}.rule`);
        if (!source.startsWith('=') && source.length > 255) {
          throw new FakeOfficeError('InvalidArgument', `list source longer than 255 characters (${source.length})`, `${path}.rule`);
        }
      } else if (['wholeNumber', 'decimal', 'date', 'textLength', 'time'].includes(kind)) {
        assertOneOf(body.operator, ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'], `${path}.rule.operator`);
        if (body.formula1 === undefined) throw new FakeOfficeError('InvalidArgument', 'formula1 missing', `${path}.rule`);
        if ((body.operator === 'Between' || body.operator === 'NotBetween') && body.formula2 === undefined) {
          throw new FakeOfficeError('InvalidArgument', 'formula2 missing', `${path}.rule`);
        }
        if (kind === 'date')
          for (const f of [body.formula1, body.formula2]) {
            if (f !== undefined && !(typeof f === 'string' && (/^\d{4}-\d{2}-\d{2}/.test(f) || f.startsWith('=')))) {
              throw new FakeOfficeError('InvalidArgument', `date formula ${String(f)}`, `${path}.rule`);
            }
          }
      } else if (kind !== 'custom') throw new FakeOfficeError('InvalidArgument', `rule type ${kind}`, `${path}.rule`);
      v.rule = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
    });
  }
  get ignoreBlanks(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading ignoreBlanks', this[$].path);
  }
  set ignoreBlanks(value: boolean) {
    this.push('ignoreBlanks', value, (v) => void (v.ignoreBlanks = value));
  }
  get prompt(): Excel.DataValidationPrompt {
    throw new FakeOfficeError('NotModelled', 'reading prompt', this[$].path);
  }
  set prompt(value: Excel.DataValidationPrompt) {
    const path = this[$].path;
    this.push('prompt', value, (v) => {
      if ((value.title ?? '').length > 32) throw new FakeOfficeError('InvalidArgument', `prompt title over 32 characters: ${value.title}`, `${path}.prompt`);
      if ((value.message ?? '').length > 255) throw new FakeOfficeError('InvalidArgument', 'prompt message over 255 characters', `${path}.prompt`);
      v.prompt = { showPrompt: value.showPrompt, title: value.title ?? '', message: value.message ?? '' };
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw new FakeOfficeError('NotModelled', 'reading errorAlert', this[$].path);
  }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    const path = this[$].path;
    this.push('errorAlert', value, (v) => {
      assertOneOf(value.style, ['Stop', 'Warning', 'Information'], `${path}.errorAlert.style`);
      if ((value.title ?? '').length > 32) throw new FakeOfficeError('InvalidArgument', `error title over 32 characters: ${value.title}`, `${path}.errorAlert`);
      if ((value.message ?? '').length > 255) throw new FakeOfficeError('InvalidArgument', 'error message over 255 characters', `${path}.errorAlert`);
      v.errorAlert = { showAlert: value.showAlert, style: value.style, title: value.title ?? '', message: value.message ?? '' };
    });
  }
}
export const _dvCheck: OnlyRealMembers<FakeDataValidation, Excel.DataValidation> = true;
