import { normalizeTypedText } from './normalize-text';
import { fail, ok, type Parsed } from './parse-result';

/**
 * Finds the columns a computation needs by their header, in Chinese or English, ignoring case,
 * spaces, underscores and hyphens, with synonyms; `--map field=Header` overrides the guess.
 */

export interface FieldDef {
  field: string;
  /** Header texts that mean this field (the field name itself always counts). */
  synonyms: string[];
  required: boolean;
}

export interface ResolvedColumns {
  /** Field → 0-based column index. Fields given as a product (`Quantity*UnitPrice`) are in `products`. */
  columns: Record<string, number>;
  /** Field → the 0-based columns whose product is the value, for `field=A*B` mappings. */
  products: Record<string, number[]>;
  /**
   * Required fields (or mapped headers) not found, or found in more than one column, as readable
   * text: `customer`, `value → "Qty"`, `value → "Amount" (2 columns: #2, #3)`.
   */
  missing: string[];
}

/** Headers people use for common fields; computations pick from these or add their own. */
export const SYNONYMS: Record<string, string[]> = {
  customer: ['customer', 'customer name', 'customerid', 'customer id', 'client', 'account', '客户', '客户名称', '客户名', '客户编号', '客户代码', '客户id'],
  rep: ['rep', 'sales rep', 'salesperson', 'sales person', 'seller', 'owner', '销售员', '业务员', '销售', '业务代表', '客户经理', '负责人'],
  amount: ['amount', 'value', 'sales', 'revenue', 'total', '金额', '销售额', '合同金额', '订单金额', '销售金额', '总额'],
  value: ['value', 'amount', 'sales', 'revenue', '金额', '销售额', '销售金额', '采购额'],
  date: ['date', 'order date', 'invoice date', 'invoicedate', '日期', '订单日期', '下单日期', '合同日期', '签约日期'],
  currency: ['currency', 'ccy', '币种', '货币'],
  margin: ['margin', 'gross margin', 'gm', '毛利率', '毛利'],
  contract: ['contract', 'contract no', 'contract id', 'contract number', '合同', '合同号', '合同编号'],
  prepayment: ['prepayment', 'prepaid', 'down payment', '预付款', '预付比例', '预付款比例'],
  customer_type: ['customer type', 'type', '客户类型', '客户类别'],
  self_developed: ['self developed', 'developed by rep', '自主开发', '是否自主开发'],
  quantity: ['quantity', 'qty', '数量'],
  unit_price: ['unit price', 'unitprice', 'price', '单价'],
  vip: ['vip', '重点', '行业影响力'],
};

/** Lower case, no spaces/underscores/hyphens, full-width folded: `Customer_ID` ≡ `customer id` ≡ `ＣｕｓｔｏｍｅｒＩＤ`. */
export function normalizeHeader(h: unknown): string {
  return normalizeTypedText(String(h ?? ''))
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Drops a trailing unit in brackets: `金额(元)` → `金额`, `Amount (USD)` → `Amount`. */
function withoutUnit(normalized: string): string {
  return normalized.replace(/[([][^()[\]]*[)\]]$/, '');
}

/** FieldDef for a known field name, with its synonyms from SYNONYMS plus any extra ones. */
export function field(name: string, required: boolean, extra: string[] = []): FieldDef {
  return { field: name, synonyms: [...(SYNONYMS[name] ?? []), ...extra], required };
}

/** `Quantity*UnitPrice` (also `×`) → its parts; a single name → one part. */
export function splitProduct(expr: string): string[] {
  return expr
    .split(/[*×]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Every column whose header matches `name` (exactly, else ignoring a bracketed unit). */
function headerMatches(headers: string[], name: string): number[] {
  const want = normalizeHeader(name);
  const normal = headers.map(normalizeHeader);
  const exact = normal.flatMap((h, i) => (h === want ? [i] : []));
  return exact.length ? exact : normal.flatMap((h, i) => (withoutUnit(h) === want ? [i] : []));
}

/** Two columns with the same header: picking one silently could sum the wrong one. */
function ambiguity(fieldName: string, header: string, matches: number[]): string {
  return `${fieldName} → "${header}" (${matches.length} columns: ${matches.map((i) => `#${i + 1}`).join(', ')})`;
}

export function resolveColumns(headers: string[], fields: FieldDef[], overrides: Record<string, string> = {}): ResolvedColumns {
  const columns: Record<string, number> = {};
  const products: Record<string, number[]> = {};
  const missing: string[] = [];
  const taken = new Set<number>();
  // Explicit mappings first, so a guess never steals a column the user named.
  for (const def of fields) {
    const expr = overrides[def.field];
    if (expr === undefined) continue;
    const parts = splitProduct(expr);
    const matches = parts.map((p) => headerMatches(headers, p));
    const notFound = parts.filter((_, i) => matches[i].length === 0);
    if (parts.length === 0 || notFound.length) {
      missing.push(`${def.field} → "${notFound.length ? notFound.join('", "') : expr}"`);
      continue;
    }
    const twice = parts.findIndex((_, i) => matches[i].length > 1);
    if (twice >= 0) {
      missing.push(ambiguity(def.field, parts[twice], matches[twice]));
      continue;
    }
    const idx = matches.map((m) => m[0]);
    if (parts.length > 1) products[def.field] = idx;
    else columns[def.field] = idx[0];
    idx.forEach((i) => taken.add(i));
  }
  for (const def of fields) {
    if (overrides[def.field] !== undefined) continue;
    let found = -1;
    let ambiguous: string | undefined;
    for (const name of [def.field, ...def.synonyms]) {
      const free = headerMatches(headers, name).filter((i) => !taken.has(i));
      if (free.length > 1) ambiguous = ambiguity(def.field, headers[free[0]], free);
      else if (free.length === 1) found = free[0];
      if (free.length) break;
    }
    if (ambiguous) missing.push(ambiguous);
    else if (found >= 0) {
      columns[def.field] = found;
      taken.add(found);
    } else if (def.required) missing.push(def.field);
  }
  return { columns, products, missing };
}

/** The guess as field → header text ('' for a field not found): what column pickers start from. */
export function guessColumnHeaders(headers: readonly string[], fields: readonly FieldDef[]): Record<string, string> {
  const { columns } = resolveColumns([...headers], [...fields]);
  return Object.fromEntries(fields.map((f) => [f.field, columns[f.field] === undefined ? '' : headers[columns[f.field]]]));
}

/** `field=Header,field2=Header2` (full-width `，` and `＝` accepted) → { field: 'Header', … }. */
export function parseMapOption(text: string): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  const items = normalizeTypedText(text)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) return fail('bad-map', text);
  for (const item of items) {
    const m = /^([^=]+?)\s*=\s*(.+)$/.exec(item);
    if (!m) return fail('bad-map', item);
    out[m[1].trim()] = m[2].trim();
  }
  return ok(out);
}
