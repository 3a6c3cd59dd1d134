import { mapBlockFormulas } from './row-blocks';
import { quoteSheet } from './a1';
import { isFormula, type SheetSpec } from './sheet-spec';

/**
 * Rewrites sheet references in a formula after sheets were renamed on insertion (a template's
 * "Rules" sheet became "Rules (2)" because the workbook already had one). Handles Name!A1 and
 * 'Quoted name'!A1, compares names case-insensitively as Excel does, and leaves text inside
 * string literals alone.
 */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || !formula.includes('!')) return formula;
  const lower = new Map([...renames].map(([from, to]) => [from.toLowerCase(), to]));
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // String literal: copy through the closing quote ("" is an escaped quote).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(formula.slice(i));
      if (m) {
        const name = m[1].replace(/''/g, "'");
        const to = lower.get(name.toLowerCase());
        out += to === undefined ? m[0] : `${quoteSheet(to)}!`;
        i += m[0].length;
        continue;
      }
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!/[\w.$\u00C0-\uFFFF]/.test(prev)) {
      const m = /^([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/.exec(formula.slice(i));
      if (m) {
        const to = lower.get(m[1].toLowerCase());
        out += to === undefined ? m[0] : `${quoteSheet(to)}!`;
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** renameSheetRefs over every formula of a spec: cells, rules, list validations, chart ranges. */
export function renameSheetRefsInSpec(spec: SheetSpec, renames: ReadonlyMap<string, string>): SheetSpec {
  if (renames.size === 0) return spec;
  const f = (formula: string) => renameSheetRefs(formula, renames);
  return {
    ...spec,
    cells: spec.cells.map((c) => (isFormula(c.value) ? { ...c, value: { ...c.value, formula: f(c.value.formula) } } : c)),
    // Generated rows are renamed as they are read.
    ...(spec.rowBlocks && { rowBlocks: spec.rowBlocks.map((b) => mapBlockFormulas(b, f)) }),
    ...(spec.conditionalFormats && {
      conditionalFormats: spec.conditionalFormats.map((cf) => ({
        ...cf,
        rules: cf.rules.map((r) =>
          r.type === 'expression' ? { ...r, formula: f(r.formula) } : r.type === 'cellIs' ? { ...r, formulas: r.formulas.map(f) } : r,
        ),
      })),
    }),
    ...(spec.validations && {
      validations: spec.validations.map((v) => (v.rule.type === 'listRange' ? { ...v, rule: { ...v.rule, source: f(v.rule.source) } } : v)),
    }),
    ...(spec.charts && {
      charts: spec.charts.map((c) => ({
        ...c,
        categories: f(c.categories),
        series: c.series.map((s) => ({ ...s, values: f(s.values), ...(s.sizes ? { sizes: f(s.sizes) } : {}) })),
      })),
    }),
  };
}
