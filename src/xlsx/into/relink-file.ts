/**
 * `account-planner relink FILE.xlsx`: dependent sheets whose source appeared after them (a hope
 * list made before the pipeline was added with --into) are re-wired to read it
 * (docs/notes/links.md). Sources are found by stamp (src/sheets/core/find-sources.ts), the
 * cells to change are the relink diff (src/sheets/templates/relink.ts). The dependent sheet is
 * rewritten in its place through the --into writer (so every formula gets its cached value
 * and every part stays schema-valid) with everything the user typed carried over: every cell
 * of the sheet that the linked build does not turn into a formula keeps its value. Every other
 * part of the file is kept byte for byte.
 */
import JSZip from 'jszip';
import { findSources } from '../../sheets/core/find-sources';
import { isFormula, type CellSpec, type Scalar, type SheetSpec } from '../../sheets/core/sheet-spec';
import { isLinked, linkedSheetKinds, relinkPatch, sheetLang } from '../../sheets/templates/relink';
import { openXlsxBook } from '../read/xlsx-book';
import { readCells } from '../share-safe/sheet-cells';
import { cellRef } from '../../sheets/core/a1';
import { intoWorkbook, openTarget } from './into-workbook';
import { linkInfoOf } from './source-sheets';
import type { RenderWarning } from '../render-workbook';

export interface RelinkedSheet {
  sheet: string;
  /** The source sheets it reads now. */
  sources: string[];
  /** Cells that became links. */
  cells: number;
}

export interface RelinkResult {
  /** The new file; undefined when nothing needed relinking. */
  bytes?: Uint8Array;
  relinked: RelinkedSheet[];
  /** Dependent sheets whose layout no longer matches their template (rows moved): left alone. */
  unfit: string[];
  warnings: RenderWarning[];
}

/** The dependent sheets of a file that `relink` would link (nothing written): for the hint after --into. */
export async function pendingRelinks(bytes: Uint8Array): Promise<RelinkedSheet[]> {
  return (await relinkWorkbook(bytes, new Date(), false)).relinked;
}

export async function relinkWorkbook(bytes: Uint8Array, today: Date = new Date(), write = true): Promise<RelinkResult> {
  let target = await openTarget(bytes);
  const info = linkInfoOf(target.parts);
  const kinds = linkedSheetKinds();
  const book = openXlsxBook(bytes);
  const zip = await JSZip.loadAsync(bytes);
  const relinked: RelinkedSheet[] = [];
  const unfit: string[] = [];
  const warnings: RenderWarning[] = [];
  for (const { sheet, stamp } of info.stamps) {
    const hit = kinds.get(stamp.kind);
    if (!hit || hit.def.build({ lang: 'zh-CN', example: false })[hit.index]?.stamp?.version !== stamp.version) continue;
    const sources = findSources(info, hit.def.linksTo);
    if (Object.keys(sources).length === 0) continue;
    const patches = { 'zh-CN': relinkPatch(hit.def, hit.index, 'zh-CN', sources, today), 'en-US': relinkPatch(hit.def, hit.index, 'en-US', sources, today) };
    // A sheet of a linked template that reads nothing of these sources (the visit log beside an
    // ABC result) has nothing to relink: not an unfit sheet.
    if (!patches['zh-CN'] && !patches['en-US']) continue;
    const part = book.sheets.find((s) => s.name === sheet);
    if (!part) continue;
    const values = new Map<string, Scalar>();
    for (const batch of book.rows(part)) for (const row of batch) row.cells.forEach((v, i) => v !== null && v !== '' && values.set(cellRef(row.rowNumber, i + 1), v as Scalar));
    // sequential: each relinked sheet is written into the file the previous one produced
    const xml = await zip.file(part.entry.name)!.async('string');
    const formulas = new Map(readCells(xml).flatMap((c) => (c.formula ? [[c.ref, `=${c.formula.text}`] as const] : [])));
    const lang = sheetLang(patches, (ref) => (formulas.has(ref) ? null : values.get(ref)));
    const patch = lang && patches[lang];
    if (!lang || !patch) {
      unfit.push(sheet);
      continue;
    }
    if (isLinked(patch, (ref) => ({ formula: formulas.get(ref), value: values.get(ref) ?? null }))) continue;
    if (!write) {
      relinked.push({ sheet, sources: Object.values(sources).map((s) => s.sheet), cells: patch.cells.length });
      continue;
    }
    const linked = hit.def.build({ lang, example: false, today, sources })[hit.index];
    const spec = carryInput({ ...linked, name: sheet }, new Set(patch.cells.map((c) => c.ref)), values, formulas);
    const result = await intoWorkbook(target, { sheets: [spec] }, true);
    warnings.push(...result.warnings);
    target = await openTarget(result.bytes);
    relinked.push({ sheet, sources: Object.values(sources).map((s) => s.sheet), cells: patch.cells.length });
  }
  return { ...(write && relinked.length > 0 ? { bytes: target.bytes } : {}), relinked, unfit, warnings };
}

/**
 * The linked build with what the sheet holds now wherever the build has no formula and the
 * relink changes nothing: the
 * user's entries, edited rules and labels, and cells they filled outside the template's (as
 * values). A formula the user typed over a template cell is kept as its formula.
 */
function carryInput(spec: SheetSpec, patched: Set<string>, values: Map<string, Scalar>, formulas: Map<string, string>): SheetSpec {
  const seen = new Set<string>();
  const cells: CellSpec[] = spec.cells.map((c) => {
    seen.add(c.ref);
    if (isFormula(c.value) || patched.has(c.ref)) return c;
    const user = formulas.get(c.ref);
    if (user) return { ...c, value: { formula: user.slice(1) } };
    return { ...c, value: values.get(c.ref) ?? null };
  });
  for (const [ref, value] of values) if (!seen.has(ref) && !formulas.has(ref)) cells.push({ ref, value });
  for (const [ref, f] of formulas) if (!seen.has(ref)) cells.push({ ref, value: { formula: f.slice(1) } });
  return { ...spec, cells };
}
