/**
 * Writes SheetSpecs into NEW worksheets through Office.js with the fewest round trips:
 *   sync 1  reads the workbook's sheet names (to pick unique names) and defined names;
 *   sync 2… one request per ≤ maxRequestBytes of writes — a template fits in one, so a
 *           template costs two syncs; a 200,000-row result is split into several.
 * Values and formulas go as one 2-D array per contiguous block, number formats likewise,
 * identical styles as one call per rectangle. Existing sheets are never touched, except the
 * ones named in `replace` (sheets this add-in wrote, which the user agreed to replace).
 *
 * A replaced sheet is rewritten IN PLACE — same worksheet, id, name and position — because
 * formulas the user wrote elsewhere (='Bonus'!C5) refer to the worksheet itself: deleting it
 * would turn them into #REF!, and so would renaming it aside first (references follow a
 * rename). To keep the old content safe until the new one is complete, the new cells are first
 * written into a hidden staging sheet, in as many requests as they need; a failure there
 * leaves the replaced sheet exactly as it was. Only then one last request empties the replaced
 * sheet (unprotect first, the one step a user's password can make fail; then tables, charts,
 * names, notes, contents, formats, merges, rules, validations, panes), copies the staged cells
 * in with Range.copyFrom (ExcelApi 1.9), adds the tables, names, notes, panes, print setup and
 * protection, and deletes the staging sheet. Before ExcelApi 1.9 the staged writes are
 * repeated onto the emptied sheet instead of copied (the staging still proves them first).
 * A replacement costs one more sync than a new sheet: the staging request also lists what the
 * replaced sheet holds (its tables, charts, names, notes), which the last request removes.
 */
import { columnLetter, parseRange, quoteSheet, rangeRef } from '../sheets/core/a1';
import { sheetOfReference } from '../sheets/core/find-sources';
import type {
  ConditionalFormatSpec,
  ConditionalRule,
  NameSpec,
  SheetSpec,
  ValidationSpec,
} from '../sheets/core/sheet-spec';
import { withPersonalMarkers } from '../sheets/sharing/personal-marker';
import { cleanSheetName, uniqueSheetName } from '../sheets/core/sheet-names';
import { queueChart } from './charts';
import { jsonBytes } from './excel-values';
import { detectFeatures, type ExcelFeatures } from './features';
import { HostError, throwIfAborted, toHostError } from '../host/host-error';
import { applyFont, applyStyle, hex, widthToPoints } from './range-format';
import { renameSheetRefs } from '../sheets/core/sheet-refs';
import { blockCells } from '../sheets/core/row-blocks';
import { FORMAT_VERSION, FORMAT_VERSION_NAME, SHEET_STAMP_NAME, stampFormula } from '../sheets/core/stamp';
import { planCells, rectAddress, splitBlock, type Block, type Rect } from './write-plan';

/** Excel on the web rejects requests over 5 MB; stay well below it. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Generated rows planned per chunk (SheetSpec.rowBlocks). */
const ROW_BLOCK_CHUNK = 5000;
/** Above this many written cells, calculation is suspended while the blocks are written. */
const LARGE_WRITE_CELLS = 20_000;
/** Rough size of one queued action besides its arguments (object path, ids, property name). */
const ACTION_OVERHEAD = 120;

export interface ApplyOptions {
  /** Existing sheets (written by this add-in earlier) that may be deleted and re-created. */
  replace?: string[];
  /** A last check on each sheet named in `replace` (the host allows only sheets it wrote). */
  canReplace?: (sheet: { name: string; id: string }) => boolean;
  /** Activate the first written sheet. */
  activate?: boolean;
  features?: ExcelFeatures;
  maxRequestBytes?: number;
  signal?: AbortSignal;
}

export interface WrittenSheet {
  /** The name the SheetSpec asked for. */
  specName: string;
  /** The name actually used (unique, valid). */
  name: string;
  /** Excel's stable worksheet id (survives renames), for ownership records. */
  id: string;
  /** The existing sheet this one replaced, if any, and its id. */
  replaced?: string;
  replacedId?: string;
  /** Things this Excel could not write or did not apply, e.g. print setup without ExcelApi 1.9. */
  skipped: string[];
}

interface SheetJob {
  spec: SheetSpec;
  name: string;
  /** The existing sheet this job rewrites in place, and its id. */
  replaced?: string;
  replacedId?: string;
  /** Free name of the hidden sheet the new cells are staged in (replaced sheets only). */
  stagingName?: string;
  /** Where the cells are written: the new sheet, or the staging sheet of a replaced one. */
  ws?: Excel.Worksheet;
  /** The sheet that ends with the content: ws, or the replaced sheet itself. */
  target?: Excel.Worksheet;
  /** What the replaced sheet holds that its rewrite removes, loaded with the first write. */
  inventory?: Inventory;
  /** The request that created the sheet went through. */
  synced: boolean;
  skipped: string[];
  mapFormula: (f: string) => string;
  /** Sheet-scoped names unless another sheet of the batch refers to them. */
  workbookNames: Set<string>;
  /**
   * Workbook names the replaced sheet already holds (a Recalculate of sheets that read each
   * other): given their new reference on the same sheet instead of added again.
   */
  redefine: Map<string, Excel.NamedItem>;
  /** Table name in the spec → name used (unique in the workbook). */
  tableNames: Map<string, string>;
  valueRects: Rect[];
  large: boolean;
  /** The page layout's zoom, read back in the last request when the sheet fits to width. */
  zoom?: Excel.PageLayout;
}

interface Inventory {
  tables: Excel.TableCollection;
  charts: Excel.ChartCollection;
  names: Excel.NamedItemCollection;
  notes?: Excel.NoteCollection;
  comments?: Excel.CommentCollection;
}

interface Step {
  bytes: number;
  /** Value writes may run with calculation suspended; structure steps run normally. */
  data: boolean;
  /** Starts a new request (a step that needs what an earlier request loaded). */
  newBatch?: boolean;
  run(): void;
}

export async function applySheetSpecs(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: ApplyOptions = {},
): Promise<WrittenSheet[]> {
  const features = options.features ?? detectFeatures();
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  if (specs.length === 0) return [];
  assertListValuesHaveNoComma(specs);
  throwIfAborted(options.signal, 'insert sheets');

  // Sync 1: what the workbook already has.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/position,items/id');
  const workbookNames = context.workbook.names;
  workbookNames.load('items/name,items/formula');
  const tables = context.workbook.tables;
  tables.load('items/name');
  try {
    await context.sync();
  } catch (e) {
    throw toHostError(e, 'read sheet names');
  }
  const existing = worksheets.items.map((w) => ({ name: w.name, position: w.position, id: w.id }));
  const existingNames = new Set(workbookNames.items.map((n) => n.name.toLowerCase()));
  const canReplace = options.canReplace ?? (() => true);
  const replace = (options.replace ?? []).filter((r) => {
    const sheet = existing.find((e) => e.name.toLowerCase() === r.toLowerCase());
    return sheet !== undefined && canReplace(sheet);
  });

  // Personal columns are marked with AP_Personal_<n> names (src/sheets/personal-marker.ts).
  const jobs = nameJobs(withPersonalMarkers(specs), existing, replace);
  scopeNames(jobs, workbookNames.items);
  // Table names are workbook-wide: a template inserted twice gets Plan_Customers_2. Formulas
  // never use structured references, so a renamed table changes nothing else. A rewritten
  // sheet's tables are named once its old tables (and their names) are known to go.
  const takenTables = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...existingNames]);
  for (const job of jobs) if (!job.replaced) assignTableNames(job, takenTables);

  // Every new sheet and staging sheet exists before any formula is written, so a formula
  // naming another sheet of the batch binds to that sheet, or to the replaced sheet itself,
  // which stays. The replaced sheets are rewritten last, once everything is staged.
  const steps: Step[] = jobs.map((job) => createStep(context, job, features));
  // The workbook's format version (src/sheets/core/stamp.ts), once: an existing one is kept.
  if (!existingNames.has(FORMAT_VERSION_NAME.toLowerCase()))
    steps.push({ bytes: ACTION_OVERHEAD * 2, data: false, run: () => void context.workbook.names.add(FORMAT_VERSION_NAME, `=${FORMAT_VERSION}`, 'Account Planner file format version') });
  for (const job of jobs) steps.push(...cellSteps(job, () => job.ws!, features, maxBytes));
  for (const job of jobs) if (!job.replaced) steps.push(...structureSteps(context, job, () => job.ws!, features));
  // The rewrites need the inventories the staging request loads: they start a new request.
  const rewrites = jobs.flatMap((job) => (job.replaced ? rewriteSteps(context, job, features, maxBytes, takenTables) : []));
  if (rewrites[0]) rewrites[0].newBatch = true;
  steps.push(...rewrites);
  const batches = packBatches(steps, maxBytes);

  let suspended = false;
  try {
    for (let b = 0; b < batches.length; b++) {
      throwIfAborted(options.signal, 'insert sheets');
      const last = b === batches.length - 1;
      const batch = batches[b];
      if (!last && features.calcSuspension && batch.some((s) => s.data) && jobs.some((j) => j.large)) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        suspended = true;
      }
      // Last request: first recalculate what was written while calculation was suspended,
      // then the structure (tables, formats, protection last), then activate.
      if (last && suspended) recalculate(jobs, features);
      for (const step of batch) step.run();
      if (last) {
        readBackZoom(jobs, features);
        activate(jobs, options);
      }
      // One request per chunk is the point of chunking: the 5 MB limit forbids fewer.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const job of jobs) if (job.ws) job.synced = true;
    }
    for (const job of jobs) checkFitToWidth(job);
  } catch (e) {
    const error = toHostError(e, `write sheets ${jobs.map((j) => j.name).join(', ')}`);
    await removePartialSheets(context, jobs);
    throw error;
  }

  return jobs.map((job) => ({
    specName: job.spec.name,
    name: job.name,
    id: job.replacedId ?? job.ws!.id,
    ...(job.replaced ? { replaced: job.replaced, replacedId: job.replacedId } : {}),
    skipped: job.skipped,
  }));
}

/** Picks each sheet's final name and the formula rewrite for renamed sheets. */
type ExistingSheet = { name: string; position: number; id: string };

function nameJobs(specs: SheetSpec[], existing: ExistingSheet[], replace: string[]): SheetJob[] {
  const replaceable = new Map<string, ExistingSheet>();
  for (const r of replace) {
    const hit = existing.find((e) => e.name.toLowerCase() === r.toLowerCase());
    if (hit) replaceable.set(hit.name.toLowerCase(), hit);
  }
  const taken = existing.filter((e) => !replaceable.has(e.name.toLowerCase())).map((e) => e.name);
  const renames = new Map<string, string>();
  const jobs: SheetJob[] = specs.map((spec) => {
    const wanted = cleanSheetName(spec.name);
    const target = findReplaceable(wanted, replaceable);
    let name: string;
    if (target) {
      replaceable.delete(target.name.toLowerCase());
      name = target.name;
    } else name = uniqueSheetName(spec.name, taken);
    taken.push(name);
    if (name !== spec.name) renames.set(spec.name, name);
    const stagingName = target ? uniqueSheetName(`~${name}`, [...taken, ...existing.map((e) => e.name)]) : undefined;
    if (stagingName) taken.push(stagingName);
    return {
      spec,
      name,
      ...(target ? { replaced: target.name, replacedId: target.id, stagingName } : {}),
      synced: false,
      skipped: [],
      mapFormula: (f: string) => f,
      workbookNames: new Set<string>(),
      redefine: new Map<string, Excel.NamedItem>(),
      tableNames: new Map<string, string>(),
      valueRects: [],
      large: false,
    };
  });
  for (const job of jobs) job.mapFormula = (f) => renameSheetRefs(f, renames);
  return jobs;
}

/** A replaceable sheet named like the spec: "ABC" replaces "ABC" or "ABC (2)". */
function findReplaceable(wanted: string, replaceable: Map<string, ExistingSheet>) {
  const exact = replaceable.get(wanted.toLowerCase());
  if (exact) return exact;
  for (const r of replaceable.values()) {
    if (r.name.replace(/ \(\d+\)$/, '').toLowerCase() === wanted.toLowerCase()) return r;
  }
  return undefined;
}

/**
 * Defined names are sheet-scoped, so inserting a template twice cannot collide. A name that
 * formulas on another sheet of the same batch use must be workbook-scoped; that only works
 * while the workbook has no such name yet — or has it on the very sheet being rewritten in
 * place (a Recalculate): then it keeps its NamedItem and gets its new reference on that sheet,
 * so formulas elsewhere that use it never see it missing (docs/notes/links.md).
 */
function scopeNames(jobs: SheetJob[], existing: readonly Excel.NamedItem[]): void {
  const formulasOf = (job: SheetJob) => sheetFormulas(job.spec).join('\n');
  const texts = jobs.map(formulasOf);
  jobs.forEach((job, i) => {
    for (const n of job.spec.names ?? []) {
      const pattern = new RegExp(`(^|[^\\w.!])${escapeRegExp(n.name)}($|[^\\w.(!])`, 'i');
      const usedElsewhere = texts.some((t, j) => j !== i && pattern.test(t));
      if (!usedElsewhere) continue;
      const held = existing.find((e) => e.name.toLowerCase() === n.name.toLowerCase());
      if (held && job.replaced && sheetOfReference(held.formula)?.toLowerCase() === job.replaced.toLowerCase()) {
        job.workbookNames.add(n.name);
        job.redefine.set(n.name, held);
        continue;
      }
      if (held) {
        throw new HostError(
          'excel',
          `the name ${n.name} is used across the new sheets but the workbook already defines it`,
          { officeCode: 'ItemAlreadyExists', step: `define name ${n.name}` },
        );
      }
      job.workbookNames.add(n.name);
    }
  });
}

function sheetFormulas(spec: SheetSpec): string[] {
  const out: string[] = [];
  for (const c of spec.cells) if (c.value && typeof c.value === 'object' && 'formula' in c.value) out.push(c.value.formula);
  for (const cf of spec.conditionalFormats ?? [])
    for (const r of cf.rules) {
      if (r.type === 'expression') out.push(r.formula);
      if (r.type === 'cellIs') out.push(...r.formulas);
    }
  for (const v of spec.validations ?? []) if (v.rule.type === 'listRange') out.push(v.rule.source);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Creates the job's sheet. For a replaced sheet: its hidden staging sheet, and the list of
 * what the replaced sheet holds (the rewrite deletes those items one by one).
 */
function createStep(context: Excel.RequestContext, job: SheetJob, features: ExcelFeatures): Step {
  return {
    bytes: ACTION_OVERHEAD * (job.replaced ? 12 : 4),
    data: false,
    run: () => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add(job.stagingName ?? job.name);
      added.load('id');
      job.ws = added;
      if (!job.replacedId) {
        job.target = added;
        return;
      }
      added.visibility = 'Hidden';
      const target = sheets.getItem(job.replacedId);
      job.target = target;
      job.inventory = {
        tables: target.tables.load('items/name'),
        charts: target.charts.load('items/name'),
        names: target.names.load('items/name'),
        ...(features.notes ? { notes: target.notes.load('items/content') } : {}),
        ...(features.comments ? { comments: target.comments.load('items/content') } : {}),
      };
    },
  };
}

function assignTableNames(job: SheetJob, taken: Set<string>): void {
  for (const t of job.spec.tables ?? []) {
    let name = t.name;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${t.name}_${i}`;
    taken.add(name.toLowerCase());
    job.tableNames.set(t.name, name);
  }
}

/**
 * The in-place rewrite of a replaced sheet, sent after everything is staged: empty it, bring
 * the staged cells in, add the structure, drop the staging sheet. With Range.copyFrom this is
 * one step, so one request; without it the staged writes are repeated and may span several.
 */
function rewriteSteps(context: Excel.RequestContext, job: SheetJob, features: ExcelFeatures, maxBytes: number, takenTables: Set<string>): Step[] {
  const target = () => job.target!;
  const empty = () => {
    const t = target();
    const inv = job.inventory!;
    // Unprotect first: with a password the user set, it fails before anything is removed.
    t.protection.unprotect();
    t.freezePanes.unfreeze();
    const oldTables = inv.tables.items.map((x) => x.name.toLowerCase());
    for (const x of inv.tables.items) x.delete();
    for (const x of inv.charts.items) x.delete();
    for (const x of inv.names.items) x.delete();
    for (const x of inv.notes?.items ?? []) x.delete();
    for (const x of inv.comments?.items ?? []) x.delete();
    const all = t.getRange();
    all.clear('All');
    all.unmerge();
    all.conditionalFormats.clearAll();
    all.dataValidation.clear();
    all.columnHidden = false;
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
    if (features.pageLayout) t.horizontalPageBreaks.removePageBreaks();
    if (!job.spec.tabColor) t.tabColor = '';
    if (!job.spec.hidden) t.visibility = 'Visible';
    for (const name of oldTables) takenTables.delete(name);
    assignTableNames(job, takenTables);
  };
  const dropStaging = () => job.ws!.delete();
  const structure = structureSteps(context, job, target, features);

  if (!features.copyFrom) {
    return [
      { bytes: ACTION_OVERHEAD * 20, data: false, run: empty },
      ...cellSteps(job, target, features, maxBytes),
      ...structure,
      { bytes: ACTION_OVERHEAD, data: false, run: dropStaging },
    ];
  }
  const extent = specExtent(job.spec);
  return [
    {
      bytes: ACTION_OVERHEAD * 24 + structure.reduce((n, s) => n + s.bytes, 0),
      data: false,
      run: () => {
        empty();
        if (extent) target().getRange(rectAddress(extent)).copyFrom(job.ws!.getRange(rectAddress(extent)), 'All');
        for (const s of structure) s.run();
        dropStaging();
      },
    },
  ];
}

/** The rectangle holding every cell, merge, rule and validation of a spec: what is copied. */
function specExtent(spec: SheetSpec): Rect | undefined {
  const refs = [
    ...spec.cells.map((c) => c.ref),
    ...(spec.rowBlocks ?? []).map((b) => rangeRef(b.firstRow, 1, b.firstRow + b.count - 1, Math.max(1, ...b.row(0).map((c) => c.col)))),
    ...(spec.merges ?? []),
    ...(spec.conditionalFormats ?? []).map((c) => c.ref),
    ...(spec.validations ?? []).map((v) => v.ref),
  ];
  let r: Rect | undefined;
  for (const ref of refs) {
    const p = parseRange(ref);
    r = r
      ? { top: Math.min(r.top, p.top), left: Math.min(r.left, p.left), bottom: Math.max(r.bottom, p.bottom), right: Math.max(r.right, p.right) }
      : { top: p.top, left: p.left, bottom: p.bottom, right: p.right };
  }
  return r;
}

/** The cells of a sheet: values and formulas, number formats, styles, merges, validations, rules. */
function cellSteps(job: SheetJob, ws: () => Excel.Worksheet, features: ExcelFeatures, maxBytes: number): Step[] {
  const { spec } = job;
  const steps: Step[] = [];
  const small = (run: () => void, bytes = ACTION_OVERHEAD * 4): Step => ({ bytes, data: false, run });
  // Generated rows (SheetSpec.rowBlocks) are planned a chunk at a time, never all as CellSpecs.
  const plans = [planCells(spec.cells, job.mapFormula)];
  for (const block of spec.rowBlocks ?? [])
    for (let i = 0; i < block.count; i += ROW_BLOCK_CHUNK) plans.push(planCells(blockCells(block, i, i + ROW_BLOCK_CHUNK), job.mapFormula));
  const plan = {
    values: plans.flatMap((p) => p.values),
    numberFormats: plans.flatMap((p) => p.numberFormats),
    styles: plans.flatMap((p) => p.styles),
    valueCellCount: plans.reduce((n, p) => n + p.valueCellCount, 0),
  };
  job.large = plan.valueCellCount > LARGE_WRITE_CELLS;
  const budget = Math.max(1024, maxBytes - ACTION_OVERHEAD * 8);
  const blockSteps = <T>(blocks: Block<T>[], assign: (range: Excel.Range, data: (T | null)[][]) => void) => {
    for (const block of blocks)
      for (const part of splitBlock(block, budget)) {
        steps.push({ bytes: jsonBytes(part.data) + ACTION_OVERHEAD, data: true, run: () => assign(ws().getRange(rectAddress(part)), part.data) });
      }
  };
  blockSteps(plan.values, (range, data) => void (range.formulas = data));
  job.valueRects = plan.values.map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
  blockSteps(plan.numberFormats, (range, data) => void (range.numberFormat = data));
  for (const rect of plan.styles) {
    const shape = { rows: rect.bottom - rect.top + 1, columns: rect.right - rect.left + 1 };
    steps.push({
      bytes: ACTION_OVERHEAD * 12 + jsonBytes(rect.style),
      data: true,
      run: () => applyStyle(ws().getRange(rectAddress(rect)), rect.style, shape, features),
    });
  }
  for (const m of spec.merges ?? []) steps.push(small(() => ws().getRange(m).merge(false)));
  for (const v of spec.validations ?? []) steps.push(small(() => queueValidation(ws(), v, job.mapFormula), jsonBytes(v) + ACTION_OVERHEAD * 4));
  let priority = 0;
  for (const cf of spec.conditionalFormats ?? []) {
    const first = priority;
    priority += cf.rules.length;
    steps.push(small(() => queueConditionalFormat(ws(), cf, first, job.mapFormula), jsonBytes(cf) + ACTION_OVERHEAD * 6));
  }
  return steps;
}

/**
 * Everything else, on the sheet that keeps the content, in the order Excel needs it
 * (protection last): widths, tables, names, notes, panes, print setup, charts, protection.
 */
function structureSteps(context: Excel.RequestContext, job: SheetJob, ws: () => Excel.Worksheet, features: ExcelFeatures): Step[] {
  const { spec } = job;
  const steps: Step[] = [];
  const small = (run: () => void, bytes = ACTION_OVERHEAD * 4): Step => ({ bytes, data: false, run });

  for (const c of spec.columns ?? []) {
    steps.push(
      small(() => {
        const col = ws().getRange(`${columnLetter(c.index)}:${columnLetter(c.index)}`);
        col.format.columnWidth = widthToPoints(c.width);
        if (c.hidden) col.columnHidden = true;
      }),
    );
  }
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    steps.push(small(() => void (ws().getRange(`${row}:${row}`).format.rowHeight = height)));
  }

  for (const t of spec.tables ?? []) {
    steps.push(
      small(() => {
        const table = ws().tables.add(t.ref, true);
        table.name = job.tableNames.get(t.name) ?? t.name;
        table.style = t.style;
        table.showBandedRows = t.showRowStripes ?? true;
      }),
    );
  }
  for (const n of spec.names ?? []) steps.push(small(() => queueName(context, ws(), n, job.workbookNames.has(n.name), job.redefine.get(n.name), job.name)));
  const stamp = spec.stamp;
  if (stamp) steps.push(small(() => void ws().names.add(SHEET_STAMP_NAME, `=${stampFormula(stamp)}`, 'Account Planner sheet kind and version')));
  for (const c of spec.cells) {
    if (!c.note) continue;
    const note = c.note;
    steps.push(
      small(() => {
        if (features.notes) ws().notes.add(ws().getRange(c.ref), note);
        else if (features.comments) ws().comments.add(ws().getRange(c.ref), note);
      }, jsonBytes(note) + ACTION_OVERHEAD),
    );
    if (!features.notes && !features.comments) job.skipped.push(`note on ${c.ref} (needs ExcelApi 1.10)`);
    else if (!features.notes) job.skipped.push(`note on ${c.ref} written as a comment (notes need ExcelApi 1.18)`);
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    const { rows, columns } = spec.freeze;
    steps.push(
      small(() => {
        const panes = ws().freezePanes;
        if (rows > 0 && columns > 0) panes.freezeAt(ws().getRange(rangeRef(1, 1, rows, columns)));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      }),
    );
  }
  if (spec.print) {
    const print = spec.print;
    if (features.pageLayout) steps.push(small(() => queuePrint(ws(), print)));
    else job.skipped.push('print setup (needs ExcelApi 1.9)');
  }
  for (const chart of spec.charts ?? []) {
    steps.push(
      small(() => {
        const reason = queueChart(ws(), mapChart(chart, job.mapFormula));
        if (reason) job.skipped.push(reason);
      }, ACTION_OVERHEAD * 30),
    );
  }
  if (spec.tabColor) {
    const color = spec.tabColor;
    steps.push(small(() => void (ws().tabColor = hex(color))));
  }
  if (spec.hidden) steps.push(small(() => void (ws().visibility = 'Hidden')));
  if (spec.protection?.enabled) {
    steps.push(
      small(() =>
        ws().protection.protect({
          allowFormatColumns: true,
          allowFormatRows: true,
          allowSort: true,
          allowAutoFilter: true,
          selectionMode: 'Normal',
        }),
      ),
    );
  }
  return steps;
}

/** Chart ranges may name a renamed sheet too. */
function mapChart<T extends { categories: string; series: { values: string; sizes?: string; name: string }[] }>(
  chart: T,
  map: (f: string) => string,
): T {
  return {
    ...chart,
    categories: map(chart.categories),
    series: chart.series.map((s) => ({ ...s, values: map(s.values), ...(s.sizes ? { sizes: map(s.sizes) } : {}) })),
  };
}

/** Groups steps into requests of at most maxBytes (a single larger step gets its own). */
export function packBatches<S extends { bytes: number; newBatch?: boolean }>(steps: S[], maxBytes: number): S[][] {
  const batches: S[][] = [];
  let current: S[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && (step.newBatch || bytes + step.bytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Values written while calculation was suspended; copied cells calculate as they land. */
function recalculate(jobs: SheetJob[], features: ExcelFeatures): void {
  for (const job of jobs) {
    if (!job.large || !job.target || (job.replaced && features.copyFrom)) continue;
    for (const rect of job.valueRects) job.target.getRange(rectAddress(rect)).calculate();
  }
}

/**
 * Fit to width is read back in the same request that wrote the sheet: office-js#1860 reports
 * horizontalFitToPages silently not applied unless the Page Layout tab had been selected
 * (https://github.com/OfficeDev/office-js/issues/1860), and the user should know when the
 * printout will not fit.
 */
function readBackZoom(jobs: SheetJob[], features: ExcelFeatures): void {
  if (!features.pageLayout) return;
  for (const job of jobs) if (job.spec.print?.fitToWidth && job.target) job.zoom = job.target.pageLayout.load('zoom');
}

function checkFitToWidth(job: SheetJob): void {
  if (!job.zoom) return;
  const fit = job.zoom.zoom?.horizontalFitToPages;
  if (fit !== 1) job.skipped.push('fit to one page wide did not take effect in this Excel: choose Page Layout › Width › 1 page before printing');
}

function activate(jobs: SheetJob[], options: ApplyOptions): void {
  const first = jobs.find((j) => !j.spec.hidden);
  if (options.activate && first?.target) first.target.activate();
}

/**
 * Best effort: a failed insert leaves the workbook as it was. New and staging sheets whose
 * creation went through are found by id, one created in the failed request by its name, and
 * deleted. A replaced sheet is untouched unless the failure came in its final rewrite. The
 * original error wins.
 */
async function removePartialSheets(context: Excel.RequestContext, jobs: SheetJob[]): Promise<void> {
  const started = jobs.filter((j) => j.ws);
  if (started.length === 0) return;
  try {
    const sheets = context.workbook.worksheets;
    const probes = started.map((job) => sheets.getItemOrNullObject(job.synced ? job.ws!.id : (job.stagingName ?? job.name)));
    for (const probe of probes) probe.load('isNullObject');
    await context.sync();
    for (const probe of probes) if (!probe.isNullObject) probe.delete();
    await context.sync();
  } catch (cleanup) {
    // The insert already failed and that error is what the caller sees; a sheet left behind
    // is visible to the user and harmless. Logged so a support session can tell why it is there.
    console.warn('Account Planner: removing the partly written sheets failed', cleanup);
  }
}

/**
 * Excel splits a list validation's source on ASCII commas in every locale, so "A, B" would be
 * two choices (https://github.com/OfficeDev/office-js/issues/2128, closed as by design). A value
 * containing "," is a template bug: refused before anything is written, naming the value.
 */
export function assertListValuesHaveNoComma(specs: SheetSpec[]): void {
  for (const spec of specs)
    for (const v of spec.validations ?? []) {
      if (v.rule.type !== 'list') continue;
      const bad = v.rule.values.find((x) => x.includes(','));
      if (bad !== undefined) {
        throw new RangeError(`sheet "${spec.name}", list at ${v.ref}: the value "${bad}" contains a comma, which Excel would split into two choices`);
      }
    }
}

export function queueValidation(ws: Excel.Worksheet, v: ValidationSpec, map: (f: string) => string): void {
  const dv = ws.getRange(v.ref).dataValidation;
  const rule: Excel.DataValidationRule = {};
  switch (v.rule.type) {
    case 'list':
      rule.list = { inCellDropDown: true, source: v.rule.values.join(',') };
      break;
    case 'listRange':
      rule.list = { inCellDropDown: true, source: `=${map(v.rule.source)}` };
      break;
    case 'whole':
    case 'decimal': {
      // Excel's rules always carry an operator and a value: "any number" is ≥ the smallest one.
      const bounds = between(v.rule.min, v.rule.max) ?? { formula1: -9.99e307, operator: 'GreaterThanOrEqualTo' as const };
      rule[v.rule.type === 'whole' ? 'wholeNumber' : 'decimal'] = bounds;
      break;
    }
    case 'date': {
      const iso = (d?: Date) => (d ? d.toISOString().slice(0, 10) : undefined);
      // "Any date" is ≥ 1900-01-01, Excel's first date.
      rule.date = between(iso(v.rule.min), iso(v.rule.max)) ?? { formula1: '1900-01-01', operator: 'GreaterThanOrEqualTo' };
      break;
    }
  }
  dv.rule = rule;
  dv.ignoreBlanks = v.allowBlank ?? true;
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = v.error
    ? { showAlert: true, style: ALERT[v.error.style ?? 'stop'], title: v.error.title, message: v.error.message }
    : // As in the .xlsx: without an error message the rule does not block input.
      { showAlert: false, style: 'Stop', title: '', message: '' };
}

const ALERT = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

function between<T extends string | number>(min?: T, max?: T) {
  if (min !== undefined && max !== undefined) return { formula1: min, formula2: max, operator: 'Between' as const };
  if (min !== undefined) return { formula1: min, operator: 'GreaterThanOrEqualTo' as const };
  if (max !== undefined) return { formula1: max, operator: 'LessThanOrEqualTo' as const };
  return undefined;
}

const OPERATOR = {
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  between: 'Between',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThanOrEqual: 'LessThanOrEqual',
} as const;

/**
 * Adds the rules of one conditional format. Excel puts a new rule on top, so each rule's
 * priority is set explicitly to keep the SheetSpec order (first rule = highest priority).
 */
function queueConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatSpec, firstPriority: number, map: (f: string) => string): void {
  const range = ws.getRange(cf.ref);
  cf.rules.forEach((rule: ConditionalRule, i) => {
    let format: Excel.ConditionalFormat;
    switch (rule.type) {
      case 'expression': {
        format = range.conditionalFormats.add('Custom');
        format.custom.rule.formula = `=${map(rule.formula)}`;
        if (rule.style.fill) format.custom.format.fill.color = hex(rule.style.fill);
        if (rule.style.font) applyFont(format.custom.format.font, rule.style.font);
        break;
      }
      case 'cellIs': {
        format = range.conditionalFormats.add('CellValue');
        const [f1, f2] = rule.formulas.map((f) => `=${map(f)}`);
        format.cellValue.rule = { formula1: f1, ...(f2 !== undefined ? { formula2: f2 } : {}), operator: OPERATOR[rule.operator] };
        if (rule.style.fill) format.cellValue.format.fill.color = hex(rule.style.fill);
        if (rule.style.font) applyFont(format.cellValue.format.font, rule.style.font);
        break;
      }
      case 'dataBar': {
        format = range.conditionalFormats.add('DataBar');
        format.dataBar.barDirection = 'LeftToRight';
        format.dataBar.lowerBoundRule = { type: 'LowestValue' };
        format.dataBar.upperBoundRule = { type: 'HighestValue' };
        format.dataBar.positiveFormat.fillColor = hex(rule.color);
        format.dataBar.positiveFormat.gradientFill = true;
        break;
      }
    }
    format.priority = firstPriority + i;
  });
}

function queueName(context: Excel.RequestContext, ws: Excel.Worksheet, n: NameSpec, workbookScope: boolean, held: Excel.NamedItem | undefined, sheet: string): void {
  const ref = n.ref.replace(/^.*!/, '');
  // NamedItem.formula is settable from ExcelApi 1.7 (below the manifest's 1.8).
  if (held) held.formula = `=${quoteSheet(sheet)}!${absoluteRef(ref)}`;
  else (workbookScope ? context.workbook.names : ws.names).add(n.name, ws.getRange(ref), n.comment);
}

/** "A1:B2" → "$A$1:$B$2" (a name's reference is absolute). */
function absoluteRef(ref: string): string {
  return ref.replace(/\$?([A-Za-z]{1,3})\$?(\d+)/g, '$$$1$$$2');
}

function queuePrint(ws: Excel.Worksheet, print: NonNullable<SheetSpec['print']>): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  // One page wide, as many tall as needed: PageLayoutZoomOptions documents null, not 0, for the
  // dimension that is not fitted (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions);
  // the type says number, so null goes through a cast.
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: null as unknown as number };
  layout.centerHorizontally = true;
  // Same margins as the .xlsx renderer (inches there, points here).
  layout.leftMargin = 0.4 * 72;
  layout.rightMargin = 0.4 * 72;
  layout.topMargin = 0.5 * 72;
  layout.bottomMargin = 0.5 * 72;
  layout.headerMargin = 0.3 * 72;
  layout.footerMargin = 0.3 * 72;
  if (print.titleRows) layout.setPrintTitleRows(absoluteRows(print.titleRows));
  if (print.area) layout.setPrintArea(print.area);
  // A break "after row r" is added above row r + 1 (Worksheet.horizontalPageBreaks, 1.9 like pageLayout).
  for (const r of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
}

/** "5:5" → "$5:$5". */
function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r.replace(/\$/g, '')}`)
    .join(':');
}

