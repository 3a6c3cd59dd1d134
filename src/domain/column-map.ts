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
  /** Required fields (or mapped headers) not found, as readable text: `customer`, `value → "Qty"`. */
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

/** Index of the header matching `name` exactly (normalised), then ignoring a bracketed unit; −1 if none. */
export function findHeader(headers: string[], name: string): number {
  const want = normalizeHeader(name);
  const normal = headers.map(normalizeHeader);
  const exact = normal.indexOf(want);
  if (exact >= 0) return exact;
  return normal.findIndex((h) => withoutUnit(h) === want);
}

/** `Quantity*UnitPrice` (also `×`) → its parts; a single name → one part. */
export function splitProduct(expr: string): string[] {
  return expr
    .split(/[*×]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
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
    const idx = parts.map((p) => findHeader(headers, p));
    const notFound = parts.filter((_, i) => idx[i] < 0);
    if (parts.length === 0 || notFound.length) {
      missing.push(`${def.field} → "${notFound.length ? notFound.join('", "') : expr}"`);
      continue;
    }
    if (parts.length > 1) products[def.field] = idx;
    else columns[def.field] = idx[0];
    idx.forEach((i) => taken.add(i));
  }
  for (const def of fields) {
    if (overrides[def.field] !== undefined) continue;
    let found = -1;
    for (const name of [def.field, ...def.synonyms]) {
      const i = findHeader(headers, name);
      if (i >= 0 && !taken.has(i)) {
        found = i;
        break;
      }
    }
    if (found >= 0) {
      columns[def.field] = found;
      taken.add(found);
    } else if (def.required) missing.push(def.field);
  }
  return { columns, products, missing };
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
