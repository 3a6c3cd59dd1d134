import type { ChartSpec } from '../sheets/core/sheet-spec';

/** A range on this sheet ("B10:B59") or on another one ("'ABC'!B10:B59"). */
function rangeOn(ws: Excel.Worksheet, address: string): Excel.Range {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return ws.getRange(address);
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return ws.context.workbook.worksheets.getItem(sheet).getRange(address.slice(bang + 1));
}

/**
 * Queues one chart. Returns a reason when this Excel cannot draw it (the data stays on the
 * sheet either way), or undefined when queued. Every member used is ExcelApi 1.7 or 1.8, within
 * the manifest's minimum (1.8).
 *
 * Bubble charts are built the way Microsoft's sample builds them: add the chart, delete the
 * series Excel made from the source range, then add one series per bubble group with its
 * x values, y values and bubble sizes
 * (https://github.com/OfficeDev/office-js-snippets/blob/prod/samples/excel/10-chart/chart-bubble-chart.yaml).
 * A Pareto chart keeps the series made from its source (the counts) and adds the cumulative line.
 */
export function queueChart(ws: Excel.Worksheet, spec: ChartSpec): string | undefined {
  if (spec.series.length === 0) return `chart "${spec.title}" has no series`;
  const first = spec.series[0];
  const type = spec.kind === 'pareto' ? 'ColumnClustered' : 'Bubble';
  const chart = ws.charts.add(type, rangeOn(ws, first.values), 'Columns');
  chart.title.text = spec.title;
  chart.setPosition(spec.anchor);
  chart.width = spec.width;
  chart.height = spec.height;
  const categories = rangeOn(ws, spec.categories);

  if (spec.kind === 'bubble') {
    chart.series.getItemAt(0).delete();
    for (const s of spec.series) {
      const series = chart.series.add(s.name);
      series.setXAxisValues(categories);
      series.setValues(rangeOn(ws, s.values));
      if (s.sizes) series.setBubbleSizes(rangeOn(ws, s.sizes));
    }
  } else {
    spec.series.forEach((s, i) => {
      // The chart was created from the first series' values: that series stays, the rest are added.
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      series.name = s.name;
      series.setXAxisValues(categories);
      if (i > 0) series.setValues(rangeOn(ws, s.values));
      if (i === 1) {
        // Pareto: cumulative share as a line on a secondary 0–100 % axis.
        series.chartType = 'Line';
        series.axisGroup = 'Secondary';
      }
    });
  }

  if (spec.kind === 'pareto' && spec.series.length > 1) {
    const share = chart.axes.getItem('Value', 'Secondary');
    share.minimum = 0;
    share.maximum = 1;
    share.numberFormat = '0%';
  }
  if (spec.xAxis) {
    const x = chart.axes.getItem('Category', 'Primary');
    if (spec.xAxis.log) {
      x.scaleType = 'Logarithmic';
      x.logBase = 10;
    }
    if (spec.xAxis.min !== undefined) x.minimum = spec.xAxis.min;
    if (spec.xAxis.max !== undefined) x.maximum = spec.xAxis.max;
    if (spec.xAxis.title) x.title.text = spec.xAxis.title;
  }
  if (spec.yAxis) {
    const y = chart.axes.getItem('Value', 'Primary');
    if (spec.yAxis.min !== undefined) y.minimum = spec.yAxis.min;
    if (spec.yAxis.max !== undefined) y.maximum = spec.yAxis.max;
    if (spec.yAxis.title) y.title.text = spec.yAxis.title;
  }
  return undefined;
}
