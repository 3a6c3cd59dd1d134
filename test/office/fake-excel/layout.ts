import { $, Loaded, loadList, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { MAX_COLUMNS, MAX_ROWS, parseAddress, rectAddress, type ModelSheet } from './model';
import { assertOneOf } from './shared';
import { FakeRange } from './range';

/**
 * Freeze panes (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes), page layout (ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout) and horizontal page breaks (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection).
 * - zoom: { scale } between 10 and 400, or { horizontalFitToPages, verticalFitToPages }; each
 *   "can be null" when the other kind is used (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions).
 *   Scale together with fit, and a fit value that is neither a whole number of pages nor null
 *   (0 is not defined), are refused: A12. Only `zoom` can be loaded back.
 * - office-js#1860 (https://github.com/OfficeDev/office-js/issues/1860): horizontalFitToPages may
 *   not take effect unless the Page Layout tab was selected. The session option
 *   `ignoreFitToPages` makes the fake drop fit-to-pages that way, to test the writer's read-back.
 * - Margins in points, print title rows "$1:$3", print area: the reference's types; the limits
 *   checked: A12.
 */

export class FakeFreezePanes implements Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'unfreeze'> {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path };
  }
  private set$(action: string, args: unknown, freeze: () => { rows: number; columns: number }) {
    const { q, sheet, path } = this[$];
    q.push(`WorksheetFreezePanes.${action}`, path, args, () => {
      requireApi(q, 'Worksheet.freezePanes');
      const f = freeze();
      if (f.rows < 0 || f.columns < 0 || f.rows >= MAX_ROWS || f.columns >= MAX_COLUMNS) throw new FakeOfficeError('InvalidArgument', 'freeze', path);
      sheet().freeze = f.rows === 0 && f.columns === 0 ? null : f;
    });
  }
  unfreeze(): void {
    const { q, sheet, path } = this[$];
    q.push('WorksheetFreezePanes.unfreeze', path, null, () => {
      requireApi(q, 'Worksheet.freezePanes');
      sheet().freeze = null;
    });
  }
  freezeRows(count?: number): void {
    this.set$('freezeRows', count, () => ({ rows: count ?? 1, columns: 0 }));
  }
  freezeColumns(count?: number): void {
    this.set$('freezeColumns', count, () => ({ rows: 0, columns: count ?? 1 }));
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    const ref = frozenRange as unknown;
    this.set$('freezeAt', ref instanceof FakeRange ? ref[$].path : ref, () => {
      const rect = ref instanceof FakeRange ? ref[$].b.get().rect : parseAddress(String(ref)).rect;
      if (rect.top !== 1 || rect.left !== 1) throw new FakeOfficeError('NotModelled', 'freezeAt a range not starting at A1', this[$].path);
      return { rows: rect.bottom, columns: rect.right };
    });
  }
}
export const _freezeCheck: OnlyRealMembers<FakeFreezePanes, Excel.WorksheetFreezePanes> = true;

export class FakePageLayout
  implements
    Pick<
      Excel.PageLayout,
      'orientation' | 'paperSize' | 'zoom' | 'centerHorizontally' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin'
    >
{
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path, loaded: new Loaded(path) };
  }
  /** Only `zoom` can be loaded: the writer reads it back to see that fit to width applied. */
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path, loaded } = this[$];
    const props = loadList(arg) ?? ['zoom'];
    q.push('PageLayout.load', path, props, () => {
      requireApi(q, 'Worksheet.pageLayout');
      let n = 0;
      for (const p of props) {
        if (p !== 'zoom') throw new FakeOfficeError('NotModelled', `page layout property ${p}`, `${path}.load`);
        n += loaded.set(p, { ...(sheet().pageLayout.zoom ?? { scale: 100 }) });
      }
      return n;
    });
    return this;
  }
  private set$(prop: string, value: unknown, apply: (s: ModelSheet) => void) {
    const { q, sheet, path } = this[$];
    q.push(`PageLayout.${prop}`, path, value, () => {
      requireApi(q, 'Worksheet.pageLayout');
      apply(sheet());
    });
  }
  private margin(prop: string, value: number) {
    this.set$(prop, value, (s) => {
      if (!(value >= 0 && value < 1000)) throw new FakeOfficeError('InvalidArgument', `${prop} ${value}`, this[$].path);
      s.pageLayout.margins[prop] = value;
    });
  }
  private unread(): never {
    throw new FakeOfficeError('NotModelled', 'reading page layout', this[$].path);
  }
  get orientation(): Excel.PageOrientation {
    return this.unread();
  }
  set orientation(v: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    this.set$('orientation', v, (s) => {
      assertOneOf(v, ['Portrait', 'Landscape'], this[$].path);
      s.pageLayout.orientation = v;
    });
  }
  get paperSize(): Excel.PaperType {
    return this.unread();
  }
  set paperSize(v: Excel.PaperType | 'A3' | 'A4' | 'A5' | 'Letter' | 'Legal' | 'B4' | 'B5') {
    this.set$('paperSize', v, (s) => void (s.pageLayout.paperSize = v));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this[$].loaded.read('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set$('zoom', v, (s) => {
      const given = (x: number | null | undefined) => x !== undefined && x !== null;
      const fit = [v.horizontalFitToPages, v.verticalFitToPages];
      // Scale with fit, and fit values other than whole pages or null: A12.
      if (given(v.scale) && fit.some(given)) throw new FakeOfficeError('InvalidArgument', 'zoom: scale or fit to pages, not both', this[$].path);
      if (given(v.scale) && !(v.scale! >= 10 && v.scale! <= 400)) throw new FakeOfficeError('InvalidArgument', `zoom scale ${v.scale}`, this[$].path);
      for (const f of fit) {
        if (given(f) && !(Number.isInteger(f) && f! >= 1)) throw new FakeOfficeError('InvalidArgument', `fit to ${f} pages`, this[$].path);
      }
      // office-js#1860: with the test control on, fit to pages is dropped and the scale stays.
      if (this[$].q.session.options.ignoreFitToPages && fit.some(given)) return;
      s.pageLayout.zoom = { ...v };
    });
  }
  get centerHorizontally(): boolean {
    return this.unread();
  }
  set centerHorizontally(v: boolean) {
    this.set$('centerHorizontally', v, (s) => void (s.pageLayout.centerHorizontally = v));
  }
  get leftMargin(): number {
    return this.unread();
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', v);
  }
  get rightMargin(): number {
    return this.unread();
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', v);
  }
  get topMargin(): number {
    return this.unread();
  }
  set topMargin(v: number) {
    this.margin('topMargin', v);
  }
  get bottomMargin(): number {
    return this.unread();
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', v);
  }
  get headerMargin(): number {
    return this.unread();
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', v);
  }
  get footerMargin(): number {
    return this.unread();
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', v);
  }
  setPrintTitleRows(rows: Excel.Range | string): void {
    this.set$('setPrintTitleRows', rows, (s) => {
      if (typeof rows !== 'string' || !/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', `print title rows ${String(rows)}`, this[$].path);
      s.pageLayout.printTitleRows = rows;
    });
  }
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    this.set$('setPrintArea', printArea, (s) => {
      if (typeof printArea !== 'string') throw new FakeOfficeError('NotModelled', 'print area as Range', this[$].path);
      // Several ranges print one after the other ("A1:H40,O5:X30").
      s.pageLayout.printArea = printArea
        .split(',')
        .map((part) => rectAddress(parseAddress(part.trim()).rect))
        .join(',');
    });
  }
}
export const _layoutCheck: OnlyRealMembers<FakePageLayout, Excel.PageLayout> = true;

export class FakePageBreakCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path };
  }
  add(pageBreakRange: Excel.Range | string): { readonly rowIndex: number } {
    const { q, sheet, path } = this[$];
    if (typeof pageBreakRange !== 'string') throw new FakeOfficeError('NotModelled', 'page break at a Range object', path);
    const top = parseAddress(pageBreakRange).rect.top;
    q.push('PageBreakCollection.add', path, pageBreakRange, () => {
      requireApi(q, 'Worksheet.horizontalPageBreaks');
      if (top < 2) throw new FakeOfficeError('InvalidArgument', `page break above row ${top}`, path);
      const layout = sheet().pageLayout;
      layout.rowBreaks = [...(layout.rowBreaks ?? []), top - 1].sort((a, b) => a - b);
    });
    return { rowIndex: top - 1 };
  }
  removePageBreaks(): void {
    const { q, sheet, path } = this[$];
    q.push('PageBreakCollection.removePageBreaks', path, null, () => {
      requireApi(q, 'Worksheet.horizontalPageBreaks');
      delete sheet().pageLayout.rowBreaks;
    });
  }
}
export const _pageBreaksCheck: OnlyRealMembers<FakePageBreakCollection, Excel.PageBreakCollection> = true;
