import { field, resolveColumns } from '../parse/column-map';

/**
 * Where ABC finds its two columns — one rule for every front end (the pane's column pickers
 * start from it, the command line and runAbc resolve with it; docs/rules/abc.md):
 * the customer column and the value column by their headers (docs/rules/parsing.md), and, when
 * the table has no value column but has a quantity and a unit price (an ERP's order lines),
 * value = quantity × unit price. A column the user named is used as named and never guessed
 * around: a named value that is not found stays missing.
 */

export const ABC_FIELDS = [field('customer', true), field('value', true, ['sales amount', 'net amount'])];
const PRODUCT_FIELDS = [field('quantity', true), field('unit_price', true)];

export interface AbcColumns {
  /** 0-based column of the customer; undefined when not found. */
  customer?: number;
  /** The value column, or the two columns whose product is the value; empty when not found. */
  value: number[];
  /** The value is quantity × unit price, found by their headers because no value column exists. */
  valueFromProduct: boolean;
  /** What is missing or ambiguous, as column-map reports it: `customer`, `value → "Qty"` … */
  missing: string[];
}

export function findAbcColumns(headers: readonly string[], named: { customer?: string; value?: string } = {}): AbcColumns {
  const overrides: Record<string, string> = {};
  if (named.customer !== undefined) overrides.customer = named.customer;
  if (named.value !== undefined) overrides.value = named.value;
  const found = resolveColumns([...headers], ABC_FIELDS, overrides);
  const value = found.products.value ?? (found.columns.value === undefined ? [] : [found.columns.value]);
  // Only a value column that is simply absent (not named, not ambiguous) is looked for as a product.
  if (value.length === 0 && named.value === undefined && found.missing.includes('value')) {
    const free = headers.map((h, i) => (i === found.columns.customer ? '' : h));
    const product = resolveColumns(free, PRODUCT_FIELDS);
    if (product.missing.length === 0)
      return {
        customer: found.columns.customer,
        value: [product.columns.quantity, product.columns.unit_price],
        valueFromProduct: true,
        missing: found.missing.filter((m) => m !== 'value'),
      };
  }
  return { customer: found.columns.customer, value, valueFromProduct: false, missing: found.missing };
}
