import { planChart } from '../sheets/core/chart-plan';
import type { ChartAxisSpec, ChartSeriesType, ChartSpec } from '../sheets/core/sheet-spec';

/** A range on this sheet ("B10:B59") or on another one ("'ABC'!B10:B59"). */
function rangeOn(ws: Excel.Worksheet, address: string): Excel.Range {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return ws.getRange(address);
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return ws.context.workbook.worksheets.getItem(sheet).getRange(address.slice(bang + 1));
}

/** Excel's chart type for each way a series is drawn. */
const CHART_TYPE: Record<ChartSeriesType, 'ColumnClustered' | 'BarClustered' | 'Line' | 'Pie' | 'Bubble'> = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
  line: 'Line',
  pie: 'Pie',
  bubble: 'Bubble',
};

/**
 * Queues one chart, read through planChart as the .xlsx writer reads it (src/sheets/core/chart-plan.ts).
 * Returns a reason when this Excel cannot draw it (the data stays on the sheet either way), or
 * undefined when queued. Every member used is ExcelApi 1.7 or 1.8, within the manifest's minimum (1.8).
 *
 * Bubble charts are built the way Microsoft's sample builds them: add the chart, delete the
 * series Excel made from the source range, then add one series per bubble group with its
 * x values, y values and bubble sizes
 * (https://github.com/OfficeDev/office-js-snippets/blob/prod/samples/excel/10-chart/chart-bubble-chart.yaml).
 * Other charts keep the series made from their source (the first series' values) and add the rest.
 */
export function queueChart(ws: Excel.Worksheet, spec: ChartSpec): string | undefined {
  if (spec.series.length === 0) return `chart "${spec.title}" has no series`;
  const plan = planChart(spec);
  const chart = ws.charts.add(CHART_TYPE[plan.type], rangeOn(ws, plan.series[0].values), 'Columns');
  chart.title.text = plan.title;
  chart.setPosition(plan.anchor);
  chart.width = plan.width;
  chart.height = plan.height;
  // Charts may read hidden helper columns (the BCG chart's x values): plot them, as the file writer does.
  chart.plotVisibleOnly = false;
  const categories = rangeOn(ws, spec.categories);

  const bubble = plan.type === 'bubble';
  if (bubble) chart.series.getItemAt(0).delete();
  plan.series.forEach((s, i) => {
    const kept = i === 0 && !bubble;
    const series = kept ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setXAxisValues(categories);
    if (!kept) series.setValues(rangeOn(ws, s.values));
    if (s.sizes && bubble) series.setBubbleSizes(rangeOn(ws, s.sizes));
    if (s.type !== plan.type) series.chartType = CHART_TYPE[s.type];
    if (s.secondary) series.axisGroup = 'Secondary';
  });

  if (plan.type === 'pie') return undefined;
  const axis = (type: 'Category' | 'Value', group: 'Primary' | 'Secondary', a: ChartAxisSpec | undefined) => {
    if (!a || Object.values(a).every((v) => v === undefined)) return;
    const x = chart.axes.getItem(type, group);
    if (a.log) {
      x.scaleType = 'Logarithmic';
      x.logBase = 10;
    }
    if (a.min !== undefined) x.minimum = a.min;
    if (a.max !== undefined) x.maximum = a.max;
    if (a.numFmt !== undefined) x.numberFormat = a.numFmt;
    if (a.title) x.title.text = a.title;
  };
  axis('Category', 'Primary', plan.xAxis);
  axis('Value', 'Primary', plan.yAxis);
  axis('Value', 'Secondary', plan.y2Axis);
  return undefined;
}
