import { resolveColumns, type FieldDef as DomainField } from '../../domain/parse/column-map';
import type { ColumnMap, FieldDef } from './computation';

/** The engine's column guess (headers, synonyms, zh-CN/en-US) as field → header text. */
export function guessColumns(headers: string[], fields: readonly DomainField[]): ColumnMap {
  const { columns } = resolveColumns(headers, [...fields]);
  const out: ColumnMap = {};
  for (const f of fields) out[f.field] = columns[f.field] === undefined ? '' : headers[columns[f.field]];
  return out;
}

export function uiFields(fields: readonly DomainField[]): FieldDef[] {
  return fields.map((f) => ({ key: f.field, required: f.required }));
}

/** Only the fields the user mapped, as the engine's `map` option (a blank choice means "not used"). */
export function mapOption(columns: ColumnMap): Record<string, string> {
  return Object.fromEntries(Object.entries(columns).filter(([, h]) => h));
}

/**
 * Headers as the engine should see them: columns the user did not choose are blanked, so the
 * engine's own guess cannot pick a column the user set to "not used".
 */
export function chosenHeaders(headers: string[], columns: ColumnMap): string[] {
  const chosen = new Set(Object.values(columns).filter(Boolean));
  return headers.map((h) => (chosen.has(h) ? h : ''));
}
