/**
 * Writes SheetSpecs into NEW worksheets through Office.js with the fewest round trips:
 *   sync 1  reads the workbook's sheet names (to pick unique names) and defined names;
 *   sync 2… one request per ≤ maxRequestBytes of writes — a template fits in one, so a
 *           template costs two syncs; a 200,000-row result is split into several.
 * Values and formulas go as one 2-D array per contiguous block, number formats likewise,
 * identical styles as one call per rectangle. Existing sheets are never touched, except the
 * ones named in `replace` (sheets this add-in wrote, which the user agreed to replace).
 */
import { columnLetter, rangeRef } from '../sheets/a1';
import type {
  ConditionalFormatSpec,
  ConditionalRule,
  NameSpec,
  SheetSpec,
  ValidationSpec,
} from '../sheets/sheet-spec';
import { withPersonalMarkers } from '../sheets/personal-marker';
import { cleanSheetName, uniqueSheetName } from '../sheets/sheet-names';
import { queueChart } from './charts';
import { jsonBytes } from './excel-values';
import { detectFeatures, type ExcelFeatures } from './features';
import { HostError, throwIfAborted, toHostError } from './host-error';
import { applyFont, applyStyle, hex, widthToPoints } from './range-format';
import { renameSheetRefs } from './sheet-refs';
import { planCells, rectAddress, splitBlock, type Block, type Rect } from './write-plan';

/** Excel on the web rejects requests over 5 MB; stay well below it. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
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
  /** Things this Excel could not write, e.g. a bubble chart without ExcelApi 1.12. */
  skipped: string[];
}

interface SheetJob {
  spec: SheetSpec;
  name: string;
  replaced?: string;
  replacedId?: string;
  replacedPosition?: number;
  /** A free name the replaced sheet is moved to while the new one is written (it is deleted last). */
  tempName?: string;
  ws?: Excel.Worksheet;
  /** The request that created the sheet went through. */
  synced: boolean;
  skipped: string[];
  mapFormula: (f: string) => string;
  /** Sheet-scoped names unless another sheet of the batch refers to them. */
  workbookNames: Set<string>;
  /** Table name in the spec → name used (unique in the workbook). */
  tableNames: Map<string, string>;
  valueRects: Rect[];
  large: boolean;
}

interface Step {
  bytes: number;
  /** Value writes may run with calculation suspended; structure steps run normally. */
  data: boolean;
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
  throwIfAborted(options.signal, 'insert sheets');

  // Sync 1: what the workbook already has.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/position,items/id');
  const workbookNames = context.workbook.names;
  workbookNames.load('items/name');
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
  scopeNames(jobs, existingNames);
  // Table names are workbook-wide: a template inserted twice gets Plan_Customers_2. Formulas
  // never use structured references, so a renamed table changes nothing else.
  const takenTables = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...existingNames]);
  for (const job of jobs)
    for (const t of job.spec.tables ?? []) {
      let name = t.name;
      for (let i = 2; takenTables.has(name.toLowerCase()); i++) name = `${t.name}_${i}`;
      takenTables.add(name.toLowerCase());
      job.tableNames.set(t.name, name);
    }

  // Every new sheet exists before any formula is written, so a formula naming another sheet of
  // the batch binds to the new sheet, never to the one it replaces (whose deletion would turn it
  // into #REF!). The replaced sheets are deleted last, once everything is written: a failure
  // before that puts them back (removePartialSheets).
  const steps: Step[] = jobs.map((job) => createStep(context, job));
  for (const job of jobs) steps.push(...sheetSteps(context, job, features, maxBytes));
  for (const job of jobs) {
    const aside = job.replaced && job.tempName;
    if (aside) steps.push({ bytes: ACTION_OVERHEAD * 2, data: false, run: () => context.workbook.worksheets.getItem(aside).delete() });
  }
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
      if (last && suspended) recalculate(jobs);
      for (const step of batch) step.run();
      if (last) activate(jobs, options);
      // One request per chunk is the point of chunking: the 5 MB limit forbids fewer.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const job of jobs) if (job.ws) job.synced = true;
    }
  } catch (e) {
    const error = toHostError(e, `write sheets ${jobs.map((j) => j.name).join(', ')}`);
    await removePartialSheets(context, jobs);
    throw error;
  }

  return jobs.map((job) => ({
    specName: job.spec.name,
    name: job.name,
    id: job.ws!.id,
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
    return {
      spec,
      name,
      ...(target ? { replaced: target.name, replacedId: target.id, replacedPosition: target.position } : {}),
      ...(target ? { tempName: uniqueSheetName(`~${name}`, [...taken, ...existing.map((e) => e.name)]) } : {}),
      synced: false,
      skipped: [],
      mapFormula: (f: string) => f,
      workbookNames: new Set<string>(),
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
 * while the workbook has no such name yet.
 */
function scopeNames(jobs: SheetJob[], existingNames: Set<string>): void {
  const formulasOf = (job: SheetJob) => sheetFormulas(job.spec).join('\n');
  const texts = jobs.map(formulasOf);
  jobs.forEach((job, i) => {
    for (const n of job.spec.names ?? []) {
      const pattern = new RegExp(`(^|[^\\w.!])${escapeRegExp(n.name)}($|[^\\w.(!])`, 'i');
      const usedElsewhere = texts.some((t, j) => j !== i && pattern.test(t));
      if (!usedElsewhere) continue;
      if (existingNames.has(n.name.toLowerCase())) {
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

/** Creates the job's sheet; a sheet it replaces is first renamed out of the way, not deleted. */
function createStep(context: Excel.RequestContext, job: SheetJob): Step {
  return {
    bytes: ACTION_OVERHEAD * 4,
    data: false,
    run: () => {
      const sheets = context.workbook.worksheets;
      if (job.replaced && job.tempName) sheets.getItem(job.replaced).name = job.tempName;
      const added = sheets.add(job.name);
      if (job.replaced && job.replacedPosition !== undefined) added.position = job.replacedPosition;
      added.load('id');
      job.ws = added;
    },
  };
}

/** Every write for one sheet after its creation, in the order Excel needs them (protection last). */
function sheetSteps(context: Excel.RequestContext, job: SheetJob, features: ExcelFeatures, maxBytes: number): Step[] {
  const { spec } = job;
  const steps: Step[] = [];
  const small = (run: () => void, bytes = ACTION_OVERHEAD * 4): Step => ({ bytes, data: false, run });
  const ws = () => job.ws!;

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

  const plan = planCells(spec.cells, job.mapFormula);
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
  for (const v of spec.validations ?? []) steps.push(small(() => queueValidation(ws(), v, job.mapFormula), jsonBytes(v) + ACTION_OVERHEAD * 4));
  let priority = 0;
  for (const cf of spec.conditionalFormats ?? []) {
    const first = priority;
    priority += cf.rules.length;
    steps.push(small(() => queueConditionalFormat(ws(), cf, first, job.mapFormula), jsonBytes(cf) + ACTION_OVERHEAD * 6));
  }
  for (const n of spec.names ?? []) steps.push(small(() => queueName(context, ws(), n, job.workbookNames.has(n.name))));
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
export function packBatches<S extends { bytes: number }>(steps: S[], maxBytes: number): S[][] {
  const batches: S[][] = [];
  let current: S[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && bytes + step.bytes > maxBytes) {
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

function recalculate(jobs: SheetJob[]): void {
  for (const job of jobs) {
    if (!job.large || !job.ws) continue;
    for (const rect of job.valueRects) job.ws.getRange(rectAddress(rect)).calculate();
  }
}

function activate(jobs: SheetJob[], options: ApplyOptions): void {
  const first = jobs.find((j) => !j.spec.hidden);
  if (options.activate && first?.ws) first.ws.activate();
}

/**
 * Best effort: a failed insert leaves the workbook as it was. New sheets whose creation went
 * through are found by id, one created in the failed request by its name; each replaced sheet
 * still set aside gets its name back in place of its half-written successor. The original
 * error wins.
 */
async function removePartialSheets(context: Excel.RequestContext, jobs: SheetJob[]): Promise<void> {
  const started = jobs.filter((j) => j.ws);
  if (started.length === 0) return;
  try {
    const sheets = context.workbook.worksheets;
    const probes = started.map((job) => ({
      job,
      created: sheets.getItemOrNullObject(job.synced ? job.ws!.id : job.name),
      // The aside name was free before this insert: whatever holds it is the replaced sheet.
      aside: job.replaced && job.tempName ? sheets.getItemOrNullObject(job.tempName) : undefined,
    }));
    for (const p of probes) for (const probe of [p.created, p.aside]) probe?.load('isNullObject');
    await context.sync();
    for (const { job, created, aside } of probes) {
      const setAside = aside !== undefined && !aside.isNullObject;
      // A replaced sheet no longer aside was either never moved (the name is still its own) or
      // already deleted in the last step (the new sheet is complete): keep what is there.
      const ours = job.replaced ? setAside : true;
      if (ours && !created.isNullObject) created.delete();
      if (setAside) aside.name = job.replaced!;
    }
    await context.sync();
  } catch {
    // The insert already failed and that error is what the caller sees; a sheet left behind
    // is visible to the user and harmless.
  }
}

function queueValidation(ws: Excel.Worksheet, v: ValidationSpec, map: (f: string) => string): void {
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

function queueName(context: Excel.RequestContext, ws: Excel.Worksheet, n: NameSpec, workbookScope: boolean): void {
  const names = workbookScope ? context.workbook.names : ws.names;
  names.add(n.name, ws.getRange(n.ref.replace(/^.*!/, '')), n.comment);
}

function queuePrint(ws: Excel.Worksheet, print: NonNullable<SheetSpec['print']>): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
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

