import type { FieldDef as DomainField } from '../../domain/parse/column-map';
import type { ColumnMap, FieldDef } from './computation';

// The column guess itself lives below both front ends: guessColumnHeaders (domain/parse/column-map)
// and, for ABC, findAbcColumns (domain/abc/columns), which the command line uses too.

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
