/**
 * Links between the workbook's sheets, as the pane handles them (docs/notes/links.md): the
 * sources a template reads are found by stamp when it is inserted, and when a source appears
 * after a sheet that reads it, the pane offers to re-wire that sheet — rewriting only the cells
 * linking changes, never without the user's go-ahead.
 */
import { parseRange, rangeRef } from '../../sheets/core/a1';
import { findSources, type WorkbookLinkInfo } from '../../sheets/core/find-sources';
import type { Lang } from '../../sheets/core/sheet-spec';
import type { SourceLinks } from '../../sheets/core/source-link';
import { getTemplate, isTemplateKind } from '../../sheets/templates/registry';
import { isLinked, linkedSheetKinds, relinkPatch, sheetLang, type RelinkPatch } from '../../sheets/templates/relink';
import type { WorkbookHost } from '../../host/workbook-host';
import type { CreditRegister } from '../../domain/bonus/line';
import { creditRegisterArea, creditRegisterColumns, creditRegisterFrom } from '../../sheets/bonus/credit-register';
import { cellRef } from '../../sheets/core/a1';

/** A dependent sheet that could read sources it does not read yet. */
export interface RelinkOffer {
  /** The dependent sheet's name now. */
  sheet: string;
  /** The source sheets it would read, by their names now. */
  sources: string[];
  lang: Lang;
  patch: RelinkPatch;
}

/** The sources a template reads, found in the open workbook by stamp; undefined when it reads none or the host cannot tell. */
export async function templateSources(host: WorkbookHost, kind: string): Promise<SourceLinks | undefined> {
  if (!isTemplateKind(kind) || !host.readLinkInfo) return undefined;
  const linksTo = getTemplate(kind).linksTo;
  if (!linksTo?.length) return undefined;
  const found = findSources(await host.readLinkInfo(), linksTo);
  return Object.keys(found).length > 0 ? found : undefined;
}

/**
 * Every stamped sheet of a template that reads other sheets, whose sources are in the workbook
 * but whose cells do not read them yet (made before the source, or by a pane without links).
 * A sheet whose labels no longer match the template's layout (rows inserted above, another
 * layout version) is left out: its cells are not where the patch would write.
 */
export async function findRelinks(host: WorkbookHost, info?: WorkbookLinkInfo): Promise<RelinkOffer[]> {
  if (!host.readLinkInfo || !host.readCells || !host.patchCells) return [];
  const workbook = info ?? (await host.readLinkInfo());
  const offers: RelinkOffer[] = [];
  const kinds = linkedSheetKinds();
  for (const { sheet, stamp } of workbook.stamps) {
    const hit = kinds.get(stamp.kind);
    if (!hit) continue;
    const built = hit.def.build({ lang: 'zh-CN', example: false })[hit.index];
    if (built?.stamp?.version !== stamp.version) continue;
    const sources = findSources(workbook, hit.def.linksTo);
    if (Object.keys(sources).length === 0) continue;
    const patches = { 'zh-CN': relinkPatch(hit.def, hit.index, 'zh-CN', sources), 'en-US': relinkPatch(hit.def, hit.index, 'en-US', sources) };
    const area = extent([...Object.values(patches).flatMap((p) => (p ? [...p.anchors.map((a) => a.ref), ...p.areas] : []))]);
    if (!area) continue;
    // One sheet at a time: the reads are small (a template's rectangle) and few (one per dependent sheet).
    const cells = await host.readCells(sheet, area);
    const lang = sheetLang(patches, (ref) => cells.get(ref)?.value);
    const patch = lang && patches[lang];
    if (!lang || !patch || isLinked(patch, (ref) => cells.get(ref))) continue;
    offers.push({ sheet, sources: Object.values(sources).map((s) => s.sheet), lang, patch });
  }
  return offers;
}

/** Rewrites an offered sheet's linked cells; the caller has asked the user. */
export async function applyRelink(host: WorkbookHost, offer: RelinkOffer): Promise<void> {
  if (!host.patchCells) throw new Error('this host cannot rewrite cells');
  await host.patchCells(offer.sheet, offer.patch, { confirmed: true });
}

/** The rectangle around a set of cells and areas. */
function extent(refs: string[]): string | undefined {
  if (refs.length === 0) return undefined;
  const rects = refs.map(parseRange);
  return rangeRef(
    Math.min(...rects.map((r) => r.top)),
    Math.min(...rects.map((r) => r.left)),
    Math.max(...rects.map((r) => r.bottom)),
    Math.max(...rects.map((r) => r.right)),
  );
}

/** The workbook's credit register as the bad-debt split reads it, with the sources its sheet links to. */
export interface CreditRegisterLink {
  register: CreditRegister;
  sources: SourceLinks;
}

/**
 * The credit register of the open workbook (found by stamp, read through its names in one
 * request), for the bad-debt bonus run and its sheet (docs/rules/bonus/bad-debt.md); undefined
 * when the workbook holds none or the host cannot tell.
 */
export async function readCreditRegisterLink(host: WorkbookHost): Promise<CreditRegisterLink | undefined> {
  if (!host.readLinkInfo || !host.readCells) return undefined;
  const sources = findSources(await host.readLinkInfo(), ['credit']);
  const cols = creditRegisterColumns(sources);
  if (!cols) return undefined;
  const cells = await host.readCells(cols.sheet, creditRegisterArea(cols));
  return { register: creditRegisterFrom(cols, (row, col) => cells.get(cellRef(row, col))?.value), sources };
}
