import { parseCell, cellRef } from '../../../src/sheets/core/a1';
import type { Lang, SheetSpec } from '../../../src/sheets/core/sheet-spec';
import chainMessages from '../../../src/i18n/templates/decision-chain';
import { getTemplate } from '../../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../../support/template-files';

/**
 * The blank decision chain template with people typed into its table (person, age / birthday,
 * family) and the project's customer, as a user would fill it in. `name` renames the sheet (the
 * calendar finds it by its stamp, not its name).
 */
export function chainWithPeople(lang: Lang, customer: string, people: [string, unknown, string][], name?: string): SheetSpec {
  const spec = getTemplate('decision-chain').build({ lang, example: false, today: FIXED_TODAY })[0];
  const m = chainMessages[lang];
  const at = (label: string) => parseCell(spec.cells.find((c) => c.value === label)!.ref);
  const person = at(m.colPerson);
  const age = at(m.colAge);
  const family = at(m.colFamily);
  const customerLabel = at(m.projectCustomer);
  const set = new Map<string, unknown>();
  set.set(cellRef(customerLabel.row, customerLabel.col + 1), customer);
  people.forEach(([p, a, f], i) => {
    set.set(cellRef(person.row + 1 + i, person.col), p);
    set.set(cellRef(age.row + 1 + i, age.col), a);
    set.set(cellRef(family.row + 1 + i, family.col), f);
  });
  const cells = spec.cells.map((c) => (set.has(c.ref) ? { ...c, value: set.get(c.ref) as never } : c));
  for (const [ref, value] of set) if (!cells.some((c) => c.ref === ref)) cells.push({ ref, value: value as never });
  return { ...spec, name: name ?? spec.name, cells };
}
