import { Decimal } from '../../../domain/exact/decimal';
import type { AbcOptions } from '../../services/abc-service';

/** What the user typed, before validation: percentages as text. */
export interface AbcForm {
  method: 'value' | 'count';
  first: string;
  second: string;
  crossingLower: boolean;
  groupByCustomer: boolean;
  /** Read the value column with decimal commas (1.234,5). */
  decimalComma: boolean;
  /** Currency of values without a mark; '' = set such rows aside when other values are marked. */
  currency: '' | 'CNY' | 'USD' | 'EUR';
}

export const DEFAULT_FORM: AbcForm = {
  method: 'value',
  first: '80',
  second: '95',
  crossingLower: false,
  groupByCustomer: true,
  decimalComma: false,
  currency: '',
};

/** Defaults per method: value a/b cumulative 80/95; count A 20 %, B 30 % (C the rest). */
export function defaultsFor(method: AbcForm['method']): Pick<AbcForm, 'first' | 'second'> {
  return method === 'value' ? { first: '80', second: '95' } : { first: '20', second: '30' };
}

export type FormProblem = 'first' | 'second' | 'order';

/** Validates the form; percentages become fractions (80 → 0.8). */
export function toOptions(form: AbcForm): { options?: AbcOptions; problems: FormProblem[] } {
  const a = Number(form.first.trim().replace(',', '.'));
  const b = Number(form.second.trim().replace(',', '.'));
  const problems: FormProblem[] = [];
  const pct = (x: number) => Number.isFinite(x) && x > 0 && x < 100;
  if (!pct(a)) problems.push('first');
  if (!pct(b)) problems.push('second');
  if (problems.length) return { problems };
  // Through decimals, so 80.25 % is exactly 0.8025 (a float division can give 0.8025000000000001).
  const thresholds: [number, number] = [new Decimal(a).div(100).toNumber(), new Decimal(b).div(100).toNumber()];
  // A = B is allowed: the engine then leaves the B tier empty.
  if (form.method === 'value' ? a > b : a + b > 100) return { problems: ['order'] };
  return {
    problems,
    options: {
      method: form.method,
      thresholds,
      crossingToLower: form.crossingLower,
      groupByCustomer: form.groupByCustomer,
      decimalComma: form.decimalComma,
      ...(form.currency ? { currency: form.currency } : {}),
    },
  };
}
