/**
 * Worksheet.copy in the model, as Excel copies a sheet within its workbook: everything on the
 * sheet (cells, formats, merges, rules, notes, layout, protection, charts) is duplicated; its
 * tables get new workbook-unique names; names scoped to the sheet are copied with it, and a
 * workbook-scoped name pointing at it gets a sheet-scoped twin on the copy (Excel's behaviour
 * for names when a sheet is copied). The copy is named "<name> (2)", "(3)" … before any rename.
 * None of this is in the reference beyond "Copies a worksheet": assumption A5 (ASSUMPTIONS.md).
 */
import { FakeOfficeError } from './errors';
import { ModelSheet, quoteName, type ModelWorkbook } from './model';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function copyName(model: ModelWorkbook, name: string): string {
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.replace(/ \(\d+\)$/, '').slice(0, 31 - suffix.length) + suffix;
    if (!model.sheet(candidate)) return candidate;
  }
}

/** `position`: index in the sheet list the copy takes. */
export function copySheet(model: ModelWorkbook, source: ModelSheet, position: number): ModelSheet {
  if (position < 0 || position > model.sheets.length) throw new FakeOfficeError('InvalidArgument', `position ${position}`, 'Worksheet.copy');
  const copy = new ModelSheet(model, model.newId('sheet'), copyName(model, source.name));
  model.sheets.splice(position, 0, copy);

  for (const [k, c] of source.cells) copy.cells.set(k, { ...c });
  copy.formats.push(...clone(source.formats));
  copy.merges.push(...clone(source.merges));
  copy.validations.push(...clone(source.validations));
  copy.conditionalFormats.push(...clone(source.conditionalFormats));
  copy.charts.push(...clone(source.charts));
  for (const [k, v] of source.columnWidths) copy.columnWidths.set(k, v);
  for (const c of source.hiddenColumns) copy.hiddenColumns.add(c);
  for (const [k, v] of source.rowHeights) copy.rowHeights.set(k, v);
  for (const [k, v] of source.notes) copy.notes.set(k, v);
  for (const [k, v] of source.comments) copy.comments.set(k, v);
  copy.freeze = clone(source.freeze);
  copy.pageLayout = clone(source.pageLayout);
  copy.protection = clone(source.protection);
  copy.visibility = source.visibility;
  copy.tabColor = source.tabColor;

  for (const t of model.tables.filter((x) => x.sheet === source)) {
    let n = 2;
    while (model.tables.some((x) => x.name.toLowerCase() === `${t.name}${n}`.toLowerCase())) n++;
    model.tables.push({ ...t, id: `${t.id}-copy${n}`, name: `${t.name}${n}`, sheet: copy, rect: { ...t.rect } });
  }

  const prefix = `=${quoteName(source.name)}!`;
  const onSource = (formula: string) => formula.startsWith(prefix);
  const retarget = (formula: string) => `=${quoteName(copy.name)}!${formula.slice(prefix.length)}`;
  for (const n of [...model.names]) {
    if (n.scope === source || (n.scope === null && onSource(n.formula))) {
      model.names.push({ ...n, scope: copy, formula: onSource(n.formula) ? retarget(n.formula) : n.formula });
    }
  }
  return copy;
}
