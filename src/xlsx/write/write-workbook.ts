/**
 * A WorkbookSpec → the parts of an .xlsx package, streamed into a zip. Our own writer: the
 * reasons are in docs/decisions/xlsx-writer.md. Every part is written in the order its schema
 * requires; what a part cannot hold (control characters, text over Excel's limits) is replaced
 * visibly and reported as a warning.
 */
import { parseCell, quoteSheet } from '../../sheets/core/a1';
import { blockCellAt } from '../../sheets/core/row-blocks';
import { renameSheetRefs } from '../../sheets/core/sheet-refs';
import { uniqueSheetName } from '../../sheets/core/sheet-names';
import { planChart, type ChartPlan } from '../../sheets/core/chart-plan';
import { isFormula, type CachedValue, type CellContent, type SheetSpec, type WorkbookSpec } from '../../sheets/core/sheet-spec';
import { FORMAT_VERSION, FORMAT_VERSION_NAME, SHEET_STAMP_NAME, stampFormula } from '../../sheets/core/stamp';
import { withPersonalMarkers } from '../../sheets/sharing/personal-marker';
import { chartXml, drawingXml } from './chart-parts';
import { FONT_FACES } from './font-faces';
import { CONTENT_TYPES, REL_TYPES } from './namespaces';
import { blocksFor, commentsXml, vmlXml, type NoteInput } from './notes-parts';
import { PackageWriter, type ByteSink, type PackageOptions } from './package-writer';
import { appXml, contentTypesXml, coreXml, relsXml, ROOT_RELS, type Relationship } from './package-parts';
import { SharedStrings } from './shared-strings';
import { StyleRegistry } from './styles-part';
import { tableXml, type TablePartInput } from './table-part';
import { themeXml } from './theme-part';
import { WarningLog, type RenderWarning } from './warnings';
import { workbookXml, type DefinedName } from './workbook-part';
import { tableHeaderCells, writeWorksheet } from './worksheet-part';

export interface WriteWorkbookOptions extends PackageOptions {
  /** Stored as the creation date (default: now). */
  created?: Date;
}

/** Everything decided about one sheet before any part is written. */
interface SheetPlan {
  spec: SheetSpec;
  /** 1-based: xl/worksheets/sheet{n}.xml. */
  n: number;
  name: string;
  mapFormula: (f: string) => string;
  tables: TablePartInput[];
  notes: NoteInput[];
  /** First VML shape-id block of this sheet's notes. */
  firstBlock: number;
  /** The sheet's charts and their workbook-wide numbers (xl/charts/chart{k}.xml). */
  charts: { plan: ChartPlan; k: number }[];
}

export async function writeWorkbook(spec: WorkbookSpec, sink: ByteSink, options: WriteWorkbookOptions = {}): Promise<RenderWarning[]> {
  const log = new WarningLog();
  const created = options.created ?? new Date();
  const pkg = new PackageWriter(sink, { ...options, modified: options.modified ?? created });
  const plans = planSheets(withPersonalMarkers(spec.sheets), log);
  const names = definedNames(plans, log);
  // The Normal style's font sets the unit of every column width (its widest digit): Calibri, whose
  // 7 px digits the templates' widths are measured in. With 等线 there, Chinese readers draw every
  // column wider and print-to-width scaling took zh-CN text below 8 pt (the print test, 6.3–7.5 pt).
  // Every cell still names its sheet's face (cellXf), so the text itself is 等线 or Calibri.
  const defaultFace = FONT_FACES['en-US'];
  const styles = new StyleRegistry(defaultFace);
  const strings = new SharedStrings();

  const overrides = [
    { path: 'xl/workbook.xml', type: CONTENT_TYPES.workbook },
    ...plans.map((p) => ({ path: `xl/worksheets/sheet${p.n}.xml`, type: CONTENT_TYPES.worksheet })),
    ...plans.flatMap((p) => p.tables.map((t) => ({ path: `xl/tables/table${t.id}.xml`, type: CONTENT_TYPES.table }))),
    ...plans.filter((p) => p.notes.length).map((p) => ({ path: `xl/comments${p.n}.xml`, type: CONTENT_TYPES.comments })),
    ...plans.filter((p) => p.charts.length).map((p) => ({ path: `xl/drawings/drawing${p.n}.xml`, type: CONTENT_TYPES.drawing })),
    ...plans.flatMap((p) => p.charts.map((c) => ({ path: `xl/charts/chart${c.k}.xml`, type: CONTENT_TYPES.chart }))),
    { path: 'xl/styles.xml', type: CONTENT_TYPES.styles },
    { path: 'xl/theme/theme1.xml', type: CONTENT_TYPES.theme },
    { path: 'xl/sharedStrings.xml', type: CONTENT_TYPES.sharedStrings },
    { path: 'docProps/core.xml', type: CONTENT_TYPES.coreProperties },
    { path: 'docProps/app.xml', type: CONTENT_TYPES.extendedProperties },
  ];
  await pkg.text('[Content_Types].xml', contentTypesXml(overrides));
  await pkg.text('_rels/.rels', relsXml(ROOT_RELS));
  await pkg.text('docProps/core.xml', coreXml({ title: spec.title && log.clean(spec.title, { what: 'workbook title' }), created }));
  await pkg.text('docProps/app.xml', appXml());

  const n = plans.length;
  const workbookRels: Relationship[] = [
    ...plans.map((p) => ({ id: `rId${p.n}`, type: REL_TYPES.worksheet, target: `worksheets/sheet${p.n}.xml` })),
    { id: `rId${n + 1}`, type: REL_TYPES.styles, target: 'styles.xml' },
    { id: `rId${n + 2}`, type: REL_TYPES.theme, target: 'theme/theme1.xml' },
    { id: `rId${n + 3}`, type: REL_TYPES.sharedStrings, target: 'sharedStrings.xml' },
  ];
  await pkg.text('xl/workbook.xml', workbookXml(plans.map((p) => ({ name: p.name, relId: `rId${p.n}`, hidden: !!p.spec.hidden })), names));
  await pkg.text('xl/_rels/workbook.xml.rels', relsXml(workbookRels));

  const selected = Math.max(0, plans.findIndex((p) => !p.spec.hidden));
  for (const [i, plan] of plans.entries()) {
    const rels: Relationship[] = [];
    const rel = (type: string, target: string) => {
      const id = `rId${rels.length + 1}`;
      rels.push({ id, type, target });
      return id;
    };
    const tableRels = plan.tables.map((t) => rel(REL_TYPES.table, `../tables/table${t.id}.xml`));
    const hasNotes = plan.notes.length > 0;
    const drawing = plan.charts.length ? rel(REL_TYPES.drawing, `../drawings/drawing${plan.n}.xml`) : undefined;
    const legacyDrawing = hasNotes ? rel(REL_TYPES.vmlDrawing, `../drawings/vmlDrawing${plan.n}.vml`) : undefined;
    if (hasNotes) rel(REL_TYPES.comments, `../comments${plan.n}.xml`);
    const clean = (name: string) => log.clean(name, { sheet: plan.name, what: 'table column' });
    await pkg.part(`xl/worksheets/sheet${plan.n}.xml`, (out) =>
      writeWorksheet(out, {
        spec: plan.spec,
        sheet: plan.name,
        face: FONT_FACES[plan.spec.lang ?? 'zh-CN'],
        styles,
        strings,
        log,
        mapFormula: plan.mapFormula,
        selected: i === selected,
        refs: { tables: tableRels, ...(legacyDrawing ? { legacyDrawing } : {}), ...(drawing ? { drawing } : {}) },
        tableHeaders: tableHeaderCells(plan.spec.tables, clean),
      }),
    );
    if (rels.length) await pkg.text(`xl/worksheets/_rels/sheet${plan.n}.xml.rels`, relsXml(rels));
    for (const t of plan.tables) await pkg.text(`xl/tables/table${t.id}.xml`, tableXml(t));
    if (hasNotes) {
      await pkg.text(`xl/comments${plan.n}.xml`, commentsXml(plan.notes));
      await pkg.text(`xl/drawings/vmlDrawing${plan.n}.vml`, vmlXml(plan.notes, plan.firstBlock));
    }
    if (plan.charts.length) await writeCharts(pkg, plan, log);
  }

  await pkg.part('xl/sharedStrings.xml', (out) => strings.write(out));
  await pkg.text('xl/styles.xml', styles.xml());
  await pkg.text('xl/theme/theme1.xml', themeXml());
  await pkg.finish();
  return log.list();
}

/**
 * Final sheet names (valid, unique), formula rewrites for renamed sheets, table names and ids
 * unique in the workbook, notes and their VML id blocks.
 */
function planSheets(specs: SheetSpec[], log: WarningLog): SheetPlan[] {
  const taken: string[] = [];
  const finalNames = specs.map((s) => {
    const name = uniqueSheetName(log.clean(s.name, { what: 'sheet name' }), taken);
    taken.push(name);
    return name;
  });
  // A renamed sheet's references follow it: from every sheet when its wanted name was unique
  // in the batch, else only from its own formulas.
  const wanted = new Map<string, number>();
  for (const s of specs) wanted.set(s.name.toLowerCase(), (wanted.get(s.name.toLowerCase()) ?? 0) + 1);
  const shared = new Map<string, string>();
  specs.forEach((s, i) => {
    if (finalNames[i] !== s.name && wanted.get(s.name.toLowerCase()) === 1) shared.set(s.name, finalNames[i]);
  });

  const takenTables = new Set<string>();
  for (const s of specs) for (const n of s.names ?? []) takenTables.add(n.name.toLowerCase());
  let tableId = 0;
  let chartId = 0;
  let block = 1;
  return specs.map((spec, i) => {
    const name = finalNames[i];
    const renames = new Map(shared);
    if (name !== spec.name) renames.set(spec.name, name);
    const mapFormula = renames.size ? (f: string) => renameSheetRefs(f, renames) : (f: string) => f;
    const tables = (spec.tables ?? []).map((t) => {
      let tableName = t.name;
      for (let k = 2; takenTables.has(tableName.toLowerCase()); k++) tableName = `${t.name}_${k}`;
      takenTables.add(tableName.toLowerCase());
      const columns = t.columns.map((c) => log.clean(c.name, { sheet: name, what: 'table column' }));
      return { id: ++tableId, name: tableName, spec: t, columns };
    });
    const notes = spec.cells
      .filter((c) => c.note)
      .map((c) => ({ ref: c.ref, text: log.cleanAndCut(c.note!, { sheet: name, ref: c.ref, what: 'note' }) }));
    const firstBlock = block;
    if (notes.length) block += blocksFor(notes.length);
    const charts = (spec.charts ?? []).map((c) => ({ plan: planChart(c), k: ++chartId }));
    return { spec, n: i + 1, name, mapFormula, tables, notes, firstBlock, charts };
  });
}

/** The sheet's drawing part, its relationships, and one chart part per chart. */
async function writeCharts(pkg: PackageWriter, plan: SheetPlan, log: WarningLog): Promise<void> {
  const lang = plan.spec.lang ?? 'zh-CN';
  // What each cell is known to hold (constants, cached results): the charts' caches.
  const known = new Map<string, CachedValue>();
  const generated = (ref: string) => {
    const p = parseCell(ref);
    return blockCellAt(plan.spec, p.row, p.col);
  };
  const formats = new Map<string, string>();
  for (const c of plan.spec.cells) {
    if (c.style?.numFmt) formats.set(c.ref, c.style.numFmt);
    if (isFormula(c.value)) {
      if (c.value.cached !== undefined) known.set(c.ref, c.value.cached);
    } else known.set(c.ref, c.value);
  }
  const ctx = {
    sheet: plan.name,
    face: FONT_FACES[lang],
    lang,
    mapFormula: plan.mapFormula,
    valueAt: (ref: string) => (known.has(ref) ? known.get(ref) : contentValue(generated(ref)?.value)),
    formatAt: (ref: string) => formats.get(ref) ?? generated(ref)?.style?.numFmt,
    clean: (text: string) => log.clean(text, { sheet: plan.name, what: 'chart text' }),
  };
  const charts = plan.charts.map((c, i) => ({ ...c, relId: `rId${i + 1}` }));
  await pkg.text(`xl/drawings/drawing${plan.n}.xml`, drawingXml(charts));
  await pkg.text(`xl/drawings/_rels/drawing${plan.n}.xml.rels`, relsXml(charts.map((c) => ({ id: c.relId, type: REL_TYPES.chart, target: `../charts/chart${c.k}.xml` }))));
  for (const c of charts) await pkg.text(`xl/charts/chart${c.k}.xml`, chartXml(c.plan, ctx));
}

/** What a cell shows: a constant, or a formula's cached result. */
function contentValue(value: CellContent | undefined): CachedValue | undefined {
  if (value === undefined) return undefined;
  return isFormula(value) ? value.cached : value;
}

/** "5:5" → "$5:$5"; "A1:H40" → "$A$1:$H$40". */
function absolute(ref: string): string {
  return ref
    .split(':')
    .map((part) => part.replace(/\$/g, '').replace(/^([A-Za-z]*)(\d*)$/, (_, col: string, row: string) => `${col ? `$${col}` : ''}${row ? `$${row}` : ''}`))
    .join(':');
}

/** Each range of "A1:H40,O5:X30" on the sheet: "'S'!$A$1:$H$40,'S'!$O$5:$X$30". */
function onSheet(q: string, refs: string): string {
  return refs
    .split(',')
    .map((r) => `${q}!${absolute(r.trim())}`)
    .join(',');
}

/**
 * The workbook's defined names: the sheets' names (workbook-scoped; a name a second sheet
 * repeats becomes scoped to that sheet), print titles and areas, and the version stamps.
 */
function definedNames(plans: SheetPlan[], log: WarningLog): DefinedName[] {
  const out: DefinedName[] = [{ name: FORMAT_VERSION_NAME, formula: String(FORMAT_VERSION), comment: 'Account Planner file format version' }];
  const workbookScope = new Set([FORMAT_VERSION_NAME.toLowerCase()]);
  plans.forEach((plan, index) => {
    const q = quoteSheet(plan.name);
    for (const n of plan.spec.names ?? []) {
      const comment = n.comment ? log.clean(n.comment, { sheet: plan.name, what: `comment of name ${n.name}` }) : undefined;
      const name: DefinedName = { name: n.name, formula: `${q}!${n.ref.replace(/^.*!/, '')}`, ...(comment ? { comment } : {}) };
      if (workbookScope.has(n.name.toLowerCase())) {
        log.add('name', { sheet: plan.name, what: 'defined name' }, `the name ${n.name} is defined by an earlier sheet too; on sheet "${plan.name}" it is scoped to that sheet`);
        name.localSheetId = index;
      } else workbookScope.add(n.name.toLowerCase());
      out.push(name);
    }
    const print = plan.spec.print;
    if (print?.titleRows) out.push({ name: '_xlnm.Print_Titles', formula: onSheet(q, print.titleRows), localSheetId: index });
    if (print?.area) out.push({ name: '_xlnm.Print_Area', formula: onSheet(q, print.area), localSheetId: index });
    if (plan.spec.stamp) out.push({ name: SHEET_STAMP_NAME, formula: stampFormula(plan.spec.stamp), localSheetId: index, comment: 'Account Planner sheet kind and version' });
  });
  // Sorted by name, then scope, as Excel lists them.
  const key = (n: DefinedName) => [n.name, n.localSheetId ?? -1] as const;
  return out.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1];
  });
}
