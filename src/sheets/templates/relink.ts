/**
 * Re-wiring a dependent sheet whose source appeared after it (docs/notes/links.md): the cells
 * to rewrite are exactly those that differ between the template built without sources and
 * built with them (the hope list's stage and check columns and its note), so whatever the user
 * typed anywhere else stays. Host-neutral: the add-in writes the patch into the open workbook,
 * the CLI into the file.
 *
 * The patch fits a sheet only if that sheet still has the template's layout: its label texts
 * (every text cell both builds share) are compared with the sheet's, which also tells the
 * language the sheet was made in (the workbook does not record it).
 */
import { cellRef, parseCell, rangeRef } from '../core/a1';
import { LANGS, type CellSpec, type Lang, type Scalar, type SheetSpec, type ValidationSpec } from '../core/sheet-spec';
import type { SourceLinks } from '../core/source-link';
import { TEMPLATES, type TemplateDef } from './registry';

/** What a dependent sheet needs rewritten to read its sources. */
export interface RelinkPatch {
  /** The template and the stamped kind of the sheet patched (a template's second sheet may have its own). */
  template: TemplateDef['kind'];
  kind: string;
  lang: Lang;
  /** The linked build's cells, for every cell that differs (value null where it has none). */
  cells: CellSpec[];
  /** The patched cells as rectangles ("D16:D45"): their validations are cleared first. */
  areas: string[];
  /** The linked build's validations over patched cells (added after the clearing). */
  validations: ValidationSpec[];
  /** Text cells the two builds share: the sheet must show them for the patch to fit. */
  anchors: { ref: string; text: string }[];
}

/** Share of the anchor texts a sheet must show for the patch to be written (a few edited labels are fine). */
export const ANCHOR_SHARE = 0.9;

const key = (v: unknown) => JSON.stringify(v ?? null);

/** Templates that read other sheets, with the stamped kind of each sheet they build. */
export function linkedSheetKinds(): Map<string, { def: TemplateDef; index: number }> {
  const out = new Map<string, { def: TemplateDef; index: number }>();
  for (const def of TEMPLATES) {
    if (!def.linksTo?.length) continue;
    def.build({ lang: 'zh-CN', example: false }).forEach((spec, index) => {
      if (spec.stamp && !out.has(spec.stamp.kind)) out.set(spec.stamp.kind, { def, index });
    });
  }
  return out;
}

/**
 * The patch turning sheet `index` of `def`, built in `lang` without sources, into the one built
 * with `sources`; undefined when the two do not differ (the sources give this sheet nothing).
 */
export function relinkPatch(def: TemplateDef, index: number, lang: Lang, sources: SourceLinks, today: Date = new Date()): RelinkPatch | undefined {
  const plain = def.build({ lang, example: false, today })[index];
  const linked = def.build({ lang, example: false, today, sources })[index];
  if (!plain || !linked) return undefined;
  return diffSpecs(def.kind, plain, linked, lang);
}

/** The cells of `linked` that differ from `plain` (value, style or note), and the texts they share. */
export function diffSpecs(template: TemplateDef['kind'], plain: SheetSpec, linked: SheetSpec, lang: Lang): RelinkPatch | undefined {
  const before = new Map(plain.cells.map((c) => [c.ref, c]));
  const after = new Map(linked.cells.map((c) => [c.ref, c]));
  const cells: CellSpec[] = [];
  for (const ref of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(ref);
    const b = after.get(ref);
    if (key(a?.value) === key(b?.value) && key(a?.style) === key(b?.style) && a?.note === b?.note) continue;
    cells.push(b ?? { ref, value: null });
  }
  if (cells.length === 0) return undefined;
  cells.sort((x, y) => order(x.ref) - order(y.ref));
  const changed = new Set(cells.map((c) => c.ref));
  const areas = columnRuns(cells.map((c) => c.ref));
  const validations = (linked.validations ?? []).filter((v) => overlaps(v.ref, areas));
  const anchors = plain.cells.flatMap((c) =>
    typeof c.value === 'string' && c.value !== '' && !changed.has(c.ref) && after.get(c.ref)?.value === c.value ? [{ ref: c.ref, text: c.value }] : [],
  );
  return { template, kind: linked.stamp?.kind ?? template, lang, cells, areas, validations, anchors };
}

/** Share of a patch's anchors the sheet shows (`read` gives a cell's value, e.g. from the host). */
export function anchorShare(patch: Pick<RelinkPatch, 'anchors'>, read: (ref: string) => Scalar | undefined): number {
  if (patch.anchors.length === 0) return 1;
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
  return patch.anchors.filter((a) => norm(read(a.ref)) === a.text.trim()).length / patch.anchors.length;
}

/**
 * The language the sheet was made in, judged by its label texts; undefined when neither
 * language's layout fits (rows inserted above the table, labels rewritten): then no patch is written.
 */
export function sheetLang(patches: Partial<Record<Lang, RelinkPatch>>, read: (ref: string) => Scalar | undefined): Lang | undefined {
  let best: { lang: Lang; share: number } | undefined;
  for (const lang of LANGS) {
    const p = patches[lang];
    if (!p) continue;
    const share = anchorShare(p, read);
    if (share >= ANCHOR_SHARE && (!best || share > best.share)) best = { lang, share };
  }
  return best?.lang;
}

/**
 * Does the sheet already hold the linked cells? Formulas are compared without "=", spaces or
 * case (Excel gives them back in its own spelling); constants as text.
 */
export function isLinked(patch: Pick<RelinkPatch, 'cells'>, read: (ref: string) => { formula?: string; value?: Scalar } | undefined): boolean {
  const norm = (f: string) => f.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
  return patch.cells.every((c) => {
    const now = read(c.ref);
    if (c.value !== null && typeof c.value === 'object' && !(c.value instanceof Date)) return now?.formula !== undefined && norm(now.formula) === norm(c.value.formula);
    if (now?.formula !== undefined && now.formula.startsWith('=')) return false;
    return String(now?.value ?? '') === String(c.value ?? '');
  });
}

const order = (ref: string) => {
  const p = parseCell(ref);
  return p.col * 2_000_000 + p.row;
};

/** Refs grouped into runs of one column ("D16:D45"), in column then row order. */
function columnRuns(refs: string[]): string[] {
  const cells = refs.map(parseCell).sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: string[] = [];
  let start = cells[0];
  let prev = cells[0];
  for (const c of [...cells.slice(1), undefined]) {
    if (c && c.col === prev.col && c.row === prev.row + 1) {
      prev = c;
      continue;
    }
    runs.push(start.row === prev.row ? cellRef(start.row, start.col) : rangeRef(start.row, start.col, prev.row, prev.col));
    if (c) start = prev = c;
  }
  return runs;
}

function overlaps(ref: string, areas: string[]): boolean {
  const [a1, a2 = a1] = ref.split(':').map(parseCell);
  return areas.some((area) => {
    const [b1, b2 = b1] = area.split(':').map(parseCell);
    return a1.row <= b2.row && b1.row <= a2.row && a1.col <= b2.col && b1.col <= a2.col;
  });
}
