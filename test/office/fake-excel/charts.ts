import type { ApiMember } from './api-sets';
import { $, Binding, Loaded, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { parseAddress, quoteName, rectAddress, type ModelChart, type ModelChartSeries, type ModelSheet } from './model';
import { assertOneOf, loadItems } from './shared';
import { FakeRange } from './range';

/**
 * Charts (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection, https://learn.microsoft.com/javascript/api/excel/excel.chart, https://learn.microsoft.com/javascript/api/excel/excel.chartseries, https://learn.microsoft.com/javascript/api/excel/excel.chartaxis).
 * - charts.add(type, source, seriesBy) makes one series per column of the source when series
 *   are by columns, named Series1 …; the chart is "Chart 1", "Chart 2" …: A14.
 * - The documented way to build a bubble chart adds it, deletes the default series and adds
 *   one series per bubble with setXAxisValues, setValues and setBubbleSizes
 *   (https://github.com/OfficeDev/office-js-snippets/blob/prod/samples/excel/10-chart/chart-bubble-chart.yaml);
 *   series.delete and setBubbleSizes are ExcelApi 1.7. Bubble sizes on a non-bubble chart, and a
 *   secondary axis asked for before any series uses it: A14.
 * - axis logBase, scaleType (1.7), numberFormat (1.8): the reference's members; the log-base
 *   range checked: A14.
 * - chart.plotVisibleOnly (1.8, https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-plotvisibleonly-member):
 *   true unless set: a new chart leaves hidden rows and columns out until "Show data in hidden rows
 *   and columns" is ticked (https://www.sumproduct.com/thought/broken-charts).
 */

function chartRangeAddress(ref: unknown, where: string): string {
  if (!(ref instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'chart data must be a Range', where);
  const t = ref[$].b.get();
  return `${quoteName(t.sheet.name)}!${rectAddress(t.rect, true)}`;
}

export class FakeChartCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded };
  constructor(q: Queue, sheet: () => ModelSheet, path: string) {
    this[$] = { q, sheet, path, loaded: new Loaded(path) };
  }
  get items(): FakeChart[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path } = this[$];
    loadItems(
      q,
      this[$],
      'ChartCollection.load',
      arg,
      ['name'],
      () => sheet().charts,
      (c) => {
        const cb = new Binding<ModelChart>(`chart ${c.name}`);
        cb.set(c);
        return new FakeChart(q, cb, `${path}[${c.name}]`, sheet);
      },
      (c) => c.name,
    );
    return this;
  }
  add(type: string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | 'Auto' | 'Columns' | 'Rows'): FakeChart {
    const { q, sheet, path } = this[$];
    const cb = new Binding<ModelChart>(`${path}.add(${type})`);
    const src = sourceData as unknown;
    q.push('ChartCollection.add', path, { type, source: src instanceof FakeRange ? src[$].path : src, seriesBy }, () => {
      if (!['ColumnClustered', 'BarClustered', 'Bubble', 'Line', 'Pie', 'XYScatter'].includes(type)) throw new FakeOfficeError('NotModelled', `chart type ${type}`, path);
      if (seriesBy !== undefined && seriesBy !== 'Columns') throw new FakeOfficeError('NotModelled', `series by ${seriesBy}`, path);
      const source = chartRangeAddress(src, `${path}.add`);
      const rect = (src as FakeRange)[$].b.get().rect;
      const series: ModelChartSeries[] = [];
      for (let col = rect.left; col <= rect.right; col++) {
        series.push({ name: `Series${col - rect.left + 1}`, values: source, axisGroup: 'Primary', fromSource: true });
      }
      let n = 1;
      while (sheet().charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ModelChart = { name: `Chart ${n}`, type, source, title: '', series, axes: {} };
      sheet().charts.push(chart);
      cb.set(chart);
    });
    return new FakeChart(q, cb, `${path}.add(${type})`, sheet);
  }
}
export const _chartsCheck: OnlyRealMembers<FakeChartCollection, Excel.ChartCollection> = true;

export class FakeChart implements Pick<Excel.Chart, 'width' | 'height' | 'plotVisibleOnly' | 'setPosition' | 'delete'> {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; path: string; loaded: Loaded; sheet: () => ModelSheet };
  constructor(q: Queue, cb: Binding<ModelChart>, path: string, sheet: () => ModelSheet) {
    this[$] = { q, cb, path, loaded: new Loaded(path), sheet };
  }
  get name(): string {
    return this[$].loaded.read('name');
  }
  delete(): void {
    const { q, cb, path, sheet } = this[$];
    q.push('Chart.delete', path, null, () => {
      const charts = sheet().charts;
      const i = charts.indexOf(cb.get());
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'the chart no longer exists', `${path}.delete`);
      charts.splice(i, 1);
    });
  }
  private set$(prop: string, value: unknown, apply: (c: ModelChart) => void) {
    const { q, cb, path } = this[$];
    q.push(`Chart.${prop}`, path, value, () => apply(cb.get()));
  }
  get width(): number {
    throw new FakeOfficeError('NotModelled', 'reading chart', this[$].path);
  }
  set width(v: number) {
    this.set$('width', v, (c) => void (c.width = v));
  }
  get height(): number {
    throw new FakeOfficeError('NotModelled', 'reading chart', this[$].path);
  }
  set height(v: number) {
    this.set$('height', v, (c) => void (c.height = v));
  }
  get plotVisibleOnly(): boolean {
    throw new FakeOfficeError('NotModelled', 'reading chart', this[$].path);
  }
  set plotVisibleOnly(v: boolean) {
    const { q } = this[$];
    this.set$('plotVisibleOnly', v, (c) => {
      requireApi(q, 'Chart.plotVisibleOnly');
      c.plotVisibleOnly = v;
    });
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.set$('setPosition', { startCell, endCell }, (c) => {
      if (typeof startCell !== 'string' || endCell !== undefined) throw new FakeOfficeError('NotModelled', 'setPosition with ranges', this[$].path);
      c.anchor = rectAddress(parseAddress(startCell).rect);
    });
  }
  get title(): FakeTitle {
    return new FakeTitle(this[$].path, (v) => this.set$('title.text', v, (c) => void (c.title = v)));
  }
  get series(): FakeChartSeriesCollection {
    const { q, cb, path } = this[$];
    return new FakeChartSeriesCollection(q, cb, `${path}.series`);
  }
  get axes(): FakeChartAxes {
    const { q, cb, path } = this[$];
    return new FakeChartAxes(q, cb, `${path}.axes`);
  }
}
export const _chartCheck: OnlyRealMembers<FakeChart, Excel.Chart> = true;

/** Chart and axis titles: only `text` is written. */
export class FakeTitle implements Pick<Excel.ChartTitle, 'text'> {
  readonly [$]: { path: string; write: (text: string) => void };
  constructor(path: string, write: (text: string) => void) {
    this[$] = { path: `${path}.title`, write };
  }
  get text(): string {
    throw new FakeOfficeError('NotModelled', 'reading a title', this[$].path);
  }
  set text(v: string) {
    this[$].write(v);
  }
}
export const _titleCheck: OnlyRealMembers<FakeTitle, Excel.ChartTitle> = true;
export const _axisTitleCheck: OnlyRealMembers<FakeTitle, Excel.ChartAxisTitle> = true;

export class FakeChartSeriesCollection {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; path: string };
  constructor(q: Queue, cb: Binding<ModelChart>, path: string) {
    this[$] = { q, cb, path };
  }
  getItemAt(index: number): FakeChartSeries {
    const { q, cb, path } = this[$];
    const sb = new Binding<ModelChartSeries>(`${path}[${index}]`);
    q.push('ChartSeriesCollection.getItemAt', path, index, () => {
      const s = cb.get().series[index];
      if (!s) throw new FakeOfficeError('ItemNotFound', `series ${index}`, path);
      sb.set(s);
    });
    return new FakeChartSeries(q, sb, cb, `${path}[${index}]`);
  }
  add(name?: string, index?: number): FakeChartSeries {
    const { q, cb, path } = this[$];
    const sb = new Binding<ModelChartSeries>(`${path}.add(${name})`);
    q.push('ChartSeriesCollection.add', path, { name, index }, () => {
      requireApi(q, 'ChartSeriesCollection.add');
      const s: ModelChartSeries = { name: name ?? '', axisGroup: 'Primary' };
      cb.get().series.push(s);
      sb.set(s);
    });
    return new FakeChartSeries(q, sb, cb, `${path}.add(${name})`);
  }
}
export const _seriesColCheck: OnlyRealMembers<FakeChartSeriesCollection, Excel.ChartSeriesCollection> = true;

export class FakeChartSeries implements Pick<Excel.ChartSeries, 'name' | 'setValues' | 'setXAxisValues' | 'setBubbleSizes' | 'delete'> {
  readonly [$]: { q: Queue; sb: Binding<ModelChartSeries>; cb: Binding<ModelChart>; path: string };
  constructor(q: Queue, sb: Binding<ModelChartSeries>, cb: Binding<ModelChart>, path: string) {
    this[$] = { q, sb, cb, path };
  }
  private set$(prop: string, value: unknown, apply: (s: ModelChartSeries) => void, api?: ApiMember) {
    const { q, sb, path } = this[$];
    q.push(`ChartSeries.${prop}`, path, value instanceof FakeRange ? value[$].path : value, () => {
      if (api) requireApi(q, api);
      apply(sb.get());
    });
  }
  get name(): string {
    throw new FakeOfficeError('NotModelled', 'reading series', this[$].path);
  }
  /** ChartSeries.delete (ExcelApi 1.7), as the bubble-chart sample uses it on the default series. */
  delete(): void {
    const { q, sb, cb, path } = this[$];
    q.push('ChartSeries.delete', path, null, () => {
      requireApi(q, 'ChartSeries.delete');
      const list = cb.get().series;
      const i = list.indexOf(sb.get());
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'the series no longer exists', `${path}.delete`);
      list.splice(i, 1);
    });
  }
  set name(v: string) {
    this.set$('name', v, (s) => void (s.name = v));
  }
  get chartType(): Excel.ChartType {
    throw new FakeOfficeError('NotModelled', 'reading series', this[$].path);
  }
  set chartType(v: Excel.ChartType | 'Line' | 'ColumnClustered' | 'Bubble') {
    this.set$('chartType', v, (s) => void (s.chartType = v), 'ChartSeries.chartType');
  }
  get axisGroup(): Excel.ChartAxisGroup {
    throw new FakeOfficeError('NotModelled', 'reading series', this[$].path);
  }
  set axisGroup(v: Excel.ChartAxisGroup | 'Primary' | 'Secondary') {
    this.set$('axisGroup', v, (s) => {
      assertOneOf(v, ['Primary', 'Secondary'], this[$].path);
      s.axisGroup = v;
    }, 'ChartSeries.axisGroup');
  }
  setValues(sourceData: Excel.Range): void {
    this.set$('setValues', sourceData, (s) => void (s.values = chartRangeAddress(sourceData, this[$].path)), 'ChartSeries.setValues');
  }
  setXAxisValues(sourceData: Excel.Range): void {
    this.set$('setXAxisValues', sourceData, (s) => void (s.xValues = chartRangeAddress(sourceData, this[$].path)), 'ChartSeries.setXAxisValues');
  }
  setBubbleSizes(sourceData: Excel.Range): void {
    this.set$('setBubbleSizes', sourceData, (s) => {
      if (this[$].cb.get().type !== 'Bubble') throw new FakeOfficeError('InvalidOperation', 'bubble sizes on a non-bubble chart', this[$].path);
      s.bubbleSizes = chartRangeAddress(sourceData, this[$].path);
    }, 'ChartSeries.setBubbleSizes');
  }
}
export const _seriesCheck: OnlyRealMembers<FakeChartSeries, Excel.ChartSeries> = true;

export class FakeChartAxes {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; path: string };
  constructor(q: Queue, cb: Binding<ModelChart>, path: string) {
    this[$] = { q, cb, path };
  }
  getItem(type: Excel.ChartAxisType | 'Invalid' | 'Category' | 'Value' | 'Series', group?: Excel.ChartAxisGroup | 'Primary' | 'Secondary'): FakeChartAxis {
    const { q, cb, path } = this[$];
    const key = `${type}/${group ?? 'Primary'}`;
    q.push('ChartAxes.getItem', path, { type, group }, () => {
      requireApi(q, 'ChartAxes.getItem');
      const chart = cb.get();
      if (group === 'Secondary' && !chart.series.some((s) => s.axisGroup === 'Secondary')) {
        throw new FakeOfficeError('ItemNotFound', 'the chart has no secondary axis', path);
      }
      chart.axes[key] ??= {};
    });
    return new FakeChartAxis(q, cb, key, `${path}[${key}]`);
  }
}
export const _axesCheck: OnlyRealMembers<FakeChartAxes, Excel.ChartAxes> = true;

export class FakeChartAxis implements Pick<Excel.ChartAxis, 'minimum' | 'maximum' | 'numberFormat' | 'logBase' | 'scaleType'> {
  readonly [$]: { q: Queue; cb: Binding<ModelChart>; key: string; path: string };
  constructor(q: Queue, cb: Binding<ModelChart>, key: string, path: string) {
    this[$] = { q, cb, key, path };
  }
  private set$(prop: string, value: unknown, check?: () => void, api?: ApiMember) {
    const { q, cb, key, path } = this[$];
    q.push(`ChartAxis.${prop}`, path, value, () => {
      if (api) requireApi(q, api);
      check?.();
      cb.get().axes[key][prop] = value;
    });
  }
  private unread(): never {
    throw new FakeOfficeError('NotModelled', 'reading axis', this[$].path);
  }
  get minimum(): unknown {
    return this.unread();
  }
  set minimum(v: unknown) {
    this.set$('minimum', v);
  }
  get maximum(): unknown {
    return this.unread();
  }
  set maximum(v: unknown) {
    this.set$('maximum', v);
  }
  get numberFormat(): string {
    return this.unread();
  }
  set numberFormat(v: string) {
    this.set$('numberFormat', v, undefined, 'ChartAxis.numberFormat');
  }
  get logBase(): number {
    return this.unread();
  }
  set logBase(v: number) {
    this.set$('logBase', v, () => {
      if (!(v >= 2 && v <= 1000)) throw new FakeOfficeError('InvalidArgument', `log base ${v}`, this[$].path);
    }, 'ChartAxis.logBase');
  }
  get scaleType(): Excel.ChartAxisScaleType {
    return this.unread();
  }
  set scaleType(v: Excel.ChartAxisScaleType | 'Linear' | 'Logarithmic') {
    this.set$('scaleType', v, () => assertOneOf(v, ['Linear', 'Logarithmic'], this[$].path), 'ChartAxis.scaleType');
  }
  get title(): FakeTitle {
    return new FakeTitle(this[$].path, (v) => this.set$('title', v));
  }
}
export const _axisCheck: OnlyRealMembers<FakeChartAxis, Excel.ChartAxis> = true;

