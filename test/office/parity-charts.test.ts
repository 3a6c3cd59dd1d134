/**
 * Chart parity: every kind of chart a SheetSpec can ask for — column, bar, line, pie, columns
 * with a line on a second axis, a bubble chart on a log axis, the Pareto — is drawn by the
 * Office writer (fake Excel) and written into the .xlsx with the same type, title, place, size,
 * series ranges and axis settings. The charts of the real sheets (ABC result, BCG template) are
 * compared in parity-results and parity-templates; this covers the kinds they do not use.
 */
import type { ChartSpec, SheetSpec } from '../../src/sheets/core/sheet-spec';
import { writeBoth, type ParityResult } from './parity-helpers';

const base = { anchor: 'F2', width: 360, height: 220 } as const;
const CHARTS: Record<string, ChartSpec> = {
  column: { ...base, kind: 'column', title: 'Sales by month', categories: 'A2:A7', series: [{ name: 'Sales', values: 'B2:B7' }, { name: 'Cost', values: 'C2:C7' }], yAxis: { title: 'CNY', min: 0 } },
  bar: { ...base, kind: 'bar', title: 'Bars', categories: 'A2:A7', series: [{ name: 'Sales', values: 'B2:B7' }] },
  line: { ...base, kind: 'line', title: 'Trend', categories: 'A2:A7', series: [{ name: 'Share', values: 'D2:D7' }], yAxis: { numFmt: '0%', max: 1 } },
  pie: { ...base, kind: 'pie', title: 'Mix', categories: 'A2:A7', series: [{ name: 'Sales', values: 'B2:B7' }] },
  combo: {
    ...base,
    kind: 'column',
    title: 'Sales and share',
    categories: 'A2:A7',
    series: [
      { name: 'Sales', values: 'B2:B7' },
      { name: 'Share', values: 'D2:D7', type: 'line', secondary: true },
    ],
    y2Axis: { min: 0, max: 1, numFmt: '0%', title: 'Share' },
  },
  bubble: {
    ...base,
    kind: 'bubble',
    title: 'Portfolio',
    categories: 'E2:E7',
    series: [{ name: 'Products', values: 'D2:D7', sizes: 'B2:B7' }],
    xAxis: { log: true, min: 0.1, max: 10, title: 'Relative share' },
    yAxis: { title: 'Growth' },
  },
  pareto: { ...base, kind: 'pareto', title: 'Pareto', categories: 'A2:A7', series: [{ name: 'Sales', values: 'B2:B7' }, { name: 'Cumulative', values: 'D2:D7' }] },
};

function sheet(kind: string, chart: ChartSpec): SheetSpec {
  const cells: SheetSpec['cells'] = [
    { ref: 'A1', value: 'Month' },
    { ref: 'B1', value: 'Sales' },
    { ref: 'C1', value: 'Cost' },
    { ref: 'D1', value: 'Share' },
    { ref: 'E1', value: 'Relative' },
  ];
  for (let i = 0; i < 6; i++) {
    const r = i + 2;
    cells.push({ ref: `A${r}`, value: `M${i + 1}` }, { ref: `B${r}`, value: 100 + i * 37 }, { ref: `C${r}`, value: 60 + i * 11 }, { ref: `D${r}`, value: (i + 1) / 6 }, { ref: `E${r}`, value: 0.2 * (i + 1) });
  }
  return { name: `Chart ${kind}`, lang: 'en-US', cells, charts: [chart] };
}

let result: ParityResult;
beforeAll(async () => {
  result = await writeBoth(Object.entries(CHARTS).map(([kind, chart]) => sheet(kind, chart)));
});

describe.each(Object.keys(CHARTS).map((kind, i) => ({ kind, i })))('$kind chart', ({ kind, i }) => {
  test('the Office writer and the file hold the same chart', () => {
    const { office, file } = result.sheets[i];
    expect(office.charts).toHaveLength(1);
    expect(file.charts).toEqual(office.charts);
  });

  test('the chart is what the spec asked for', () => {
    const [c] = result.sheets[i].file.charts;
    const spec = CHARTS[kind];
    expect(c.title).toBe(spec.title);
    expect(c.type).toBe(spec.kind === 'pareto' ? 'column' : spec.kind);
    expect(c.series.map((s) => s.values)).toEqual(spec.series.map((s) => `Chart ${kind}!${s.values}`));
    expect({ anchor: c.anchor, width: c.width, height: c.height }).toEqual(base);
  });
});

test('the combination and the Pareto draw their second series as a line on the secondary axis', () => {
  for (const kind of ['combo', 'pareto']) {
    const [c] = result.sheets[Object.keys(CHARTS).indexOf(kind)].file.charts;
    expect(c.series.map((s) => [s.type, s.secondary])).toEqual([
      ['column', false],
      ['line', true],
    ]);
    expect(c.axes['Value/Secondary']).toMatchObject({ min: 0, max: 1, numFmt: '0%' });
  }
});

test('the bubble chart has its x axis on a log scale from 0.1 to 10, sizes from the sales', () => {
  const [c] = result.sheets[Object.keys(CHARTS).indexOf('bubble')].file.charts;
  expect(c.axes['Category/Primary']).toEqual({ log: true, min: 0.1, max: 10, title: 'Relative share' });
  expect(c.series[0]).toMatchObject({ categories: 'Chart bubble!E2:E7', sizes: 'Chart bubble!B2:B7' });
});
