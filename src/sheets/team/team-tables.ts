/**
 * What the roll-up reads from each rep's workbook (docs/rules/team-rollup.md, "What is combined"):
 * for every team table, the stamped sheet kind it lives on, the Excel table's name, and — taken
 * from the template builders themselves, so the two never disagree — the headers of the current
 * layout in both languages, which of them are computed, and which hold personal information.
 */
import { parseCell, parseRange } from '../core/a1';
import { isFormula, LANGS, type Lang, type SheetSpec } from '../core/sheet-spec';
import type { TeamTableId } from '../../domain/team/rules';
import { getTemplate, type TemplateKind } from '../templates/registry';

/** Layout version the templates write now (registry.ts stamps every template sheet with it). */
export const CURRENT_LAYOUT_VERSION = 1;

export interface TeamTableDef {
  id: TeamTableId;
  /** The stamp kind of the sheet the table is on. */
  stampKind: string;
  template: TemplateKind;
  /** The Excel table's name in the template (a second copy gets a suffix: Pipeline_Targets2). */
  tableName: string;
  /** A cell above the table naming the customer (the decision chain's project customer). */
  customerCell?: string;
  /** Name of the team sheet's Excel table. */
  teamTableName: string;
}

export const TEAM_TABLE_DEFS: readonly TeamTableDef[] = [
  { id: 'pipeline', stampKind: 'pipeline', template: 'pipeline', tableName: 'Pipeline_Targets', teamTableName: 'Team_Pipeline' },
  { id: 'visit-log', stampKind: 'visit-log', template: 'visit-plan', tableName: 'VisitPlan_Log', teamTableName: 'Team_VisitLog' },
  // The project's customer is typed in B5, beside its label (src/sheets/templates/decision-chain.ts).
  { id: 'decision-chain', stampKind: 'decision-chain', template: 'decision-chain', tableName: 'DecisionChain_People', customerCell: 'B5', teamTableName: 'Team_DecisionChain' },
  { id: 'communication-record', stampKind: 'communication-record', template: 'communication-record', tableName: 'Comm_Log', teamTableName: 'Team_CommLog' },
  { id: 'targets-reps', stampKind: 'targets', template: 'targets', tableName: 'Targets_Reps', teamTableName: 'Team_TargetsReps' },
  { id: 'targets-visits', stampKind: 'targets', template: 'targets', tableName: 'Targets_Visits', teamTableName: 'Team_TargetsVisits' },
];

export interface TableLayout {
  headers: string[];
  /** Per header: a formula column (its values are computed, not typed). */
  computed: boolean[];
  /** Per header: a personal column (src/sheets/sharing/personal-marker.ts). */
  personal: boolean[];
  /** Per header: the template formats it as a date. */
  date: boolean[];
  /** The template's name for the sheet the table is on. */
  sheetName: string;
}

const layouts = new Map<string, TableLayout>();

/** The current layout of a team table in one language, read off the template's own SheetSpec. */
export function tableLayout(def: TeamTableDef, lang: Lang): TableLayout {
  const key = `${def.id}/${lang}`;
  const known = layouts.get(key);
  if (known) return known;
  const sheets = getTemplate(def.template).build({ lang, example: false, today: new Date(Date.UTC(2026, 0, 1)) });
  const found = sheets.map((s) => ({ s, t: s.tables?.find((x) => x.name === def.tableName) })).find((x) => x.t);
  if (!found?.t) throw new Error(`template ${def.template} has no table ${def.tableName}`);
  const { s, t } = found;
  const r = parseRange(t.ref);
  const cellAt = cellIndex(s);
  const headers = t.columns.map((c) => c.name);
  const cols = headers.map((_, i) => r.left + i);
  const personal = cols.map((c) => (s.personalRanges ?? []).some((p) => {
    const pr = parseRange(p);
    return c >= pr.left && c <= pr.right && pr.top <= r.top && pr.bottom >= r.top;
  }));
  const body = cols.map((c) => cellAt.get(`${r.top + 1}:${c}`));
  const layout: TableLayout = {
    headers,
    computed: body.map((c) => !!c && isFormula(c.value)),
    personal,
    date: body.map((c) => c?.style?.numFmt === 'yyyy-mm-dd'),
    sheetName: s.name,
  };
  layouts.set(key, layout);
  return layout;
}

function cellIndex(s: SheetSpec): Map<string, SheetSpec['cells'][number]> {
  const m = new Map<string, SheetSpec['cells'][number]>();
  for (const c of s.cells) {
    const p = parseCell(c.ref.split(':')[0]);
    m.set(`${p.row}:${p.col}`, c);
  }
  return m;
}

/** Both languages' layouts, to recognise a sheet whatever language it was made in. */
export function layoutsOf(def: TeamTableDef): Record<Lang, TableLayout> {
  return Object.fromEntries(LANGS.map((l) => [l, tableLayout(def, l)])) as Record<Lang, TableLayout>;
}

/** A table name in a file that is this table: the template's name, or it with a suffix a second copy got. */
export function isTableNamed(def: TeamTableDef, name: string): boolean {
  const n = name.toLowerCase();
  const base = def.tableName.toLowerCase();
  return n === base || (n.startsWith(base) && /^[_\d]+$/.test(n.slice(base.length)));
}
