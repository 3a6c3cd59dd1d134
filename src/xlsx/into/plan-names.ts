/**
 * The names the sheets being added will have in an existing workbook. A name the workbook
 * already uses gets a new one ("开发进度 (2)") and the caller says so; with `replace`, a sheet
 * of that name carrying our version stamp of the same kind is replaced instead — a sheet
 * without our stamp is the user's and is never replaced (IntoRefusal).
 */
import { renameSheetRefsInSpec } from '../../sheets/core/sheet-refs';
import { uniqueSheetName } from '../../sheets/core/sheet-names';
import type { SheetSpec, SheetStamp } from '../../sheets/core/sheet-spec';

export interface ExistingSheet {
  name: string;
  stamp?: SheetStamp;
}

export interface NamePlan {
  /** The specs under their final names, formulas following renamed sheets. */
  specs: SheetSpec[];
  renamed: { from: string; to: string }[];
  /** Existing sheets (names) the added sheets replace. */
  replaced: string[];
}

export class IntoRefusal extends Error {
  constructor(
    readonly sheet: string,
    readonly reason: 'notOurs' | 'otherKind',
  ) {
    super(`sheet "${sheet}" ${reason === 'notOurs' ? 'has no Account Planner stamp' : 'holds another kind of sheet'}: not replaced`);
  }
}

export function planSheetNames(existing: ExistingSheet[], specs: SheetSpec[], replace: boolean): NamePlan {
  const taken = existing.map((s) => s.name);
  const renamed: NamePlan['renamed'] = [];
  const replaced: string[] = [];
  const names = specs.map((spec) => {
    const clash = existing.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    if (clash && replace && !replaced.includes(clash.name)) {
      if (!clash.stamp) throw new IntoRefusal(clash.name, 'notOurs');
      if (spec.stamp && clash.stamp.kind !== spec.stamp.kind) throw new IntoRefusal(clash.name, 'otherKind');
      replaced.push(clash.name);
      return clash.name;
    }
    const name = uniqueSheetName(spec.name, taken);
    taken.push(name);
    if (name !== spec.name) renamed.push({ from: spec.name, to: name });
    return name;
  });
  const renames = new Map(renamed.map((r) => [r.from, r.to]));
  return { specs: specs.map((s, i) => renameSheetRefsInSpec({ ...s, name: names[i] }, renames)), renamed, replaced };
}
