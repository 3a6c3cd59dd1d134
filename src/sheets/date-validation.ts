import { validationFor } from './planning-table';
import type { Lang, ValidationSpec } from './sheet-spec';

/** Earliest and latest dates an input date cell accepts. */
export const DATE_MIN = new Date(Date.UTC(2000, 0, 1));
export const DATE_MAX = new Date(Date.UTC(2099, 11, 31));

/**
 * A date-only validation with bounds: Excel expects a date rule to carry an operator and
 * values, and a bare type="date" rule without them is not something Excel writes itself.
 */
export function dateValidation(lang: Lang, ref: string, prompt: string): ValidationSpec {
  return { ...validationFor(lang, ref, { date: true, prompt }), rule: { type: 'date', min: DATE_MIN, max: DATE_MAX } };
}
