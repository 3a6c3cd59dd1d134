import type { ColumnMap, FieldDef } from '../services/computation';

/** The mapping remembered in the workbook, if every column it names is still there and required fields are covered. */
export function restoreColumns(
  saved: ColumnMap | undefined,
  headers: string[],
  fields: readonly FieldDef[],
): ColumnMap | undefined {
  if (!saved) return undefined;
  const known = new Set(headers);
  const out: ColumnMap = {};
  for (const f of fields) {
    const h = saved[f.key];
    if (h && !known.has(h)) return undefined;
    if (h) out[f.key] = h;
    else if (f.required) return undefined;
  }
  return out;
}
