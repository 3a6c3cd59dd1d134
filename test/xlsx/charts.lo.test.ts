/**
 * Charts written into files: valid against dml-chart.xsd and dml-spreadsheetDrawing.xsd, and
 * understood by LibreOffice — it opens each file and writes every chart back with the same
 * kind, series ranges, secondary axis and log scale. The ABC Pareto for many customers plots
 * the top 29 and one bar for the rest, says so in its title, and LibreOffice's recalculation of
 * the chart data agrees with the engine. (PNG renders of these charts were looked at by hand.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runAbc, type AbcResult } from '../../src/domain/abc/run';
import { buildAbcSheets, PARETO_MAX_BARS } from '../../src/sheets/abc/result-sheet';
import type { ChartSpec, SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate } from '../../src/sheets/templates/registry';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { readWorkbook, recalc, type SheetValues } from '../support/libreoffice';
import { validatePackages } from '../support/ooxml-validate';
import { FIXED_TODAY, tempDir } from '../support/template-files';
import { child, descendants, kids, parseXml, type XmlElement } from '../support/xml-tree';

jest.setTimeout(300_000);

const base = { width: 360, height: 220 } as const;
const KINDS: ChartSpec[] = [
  { ...base, anchor: 'A9', kind: 'column', title: 'Column', categories: 'A2:A7', series: [{ name: 'Sales', values: 'B2:B7' }, { name: 'Cost', values: 'C2:C7' }] },
  { ...base, anchor: 'H9', kind: 'bar', title: 'Bar', categories: 'A2:A7', series: [{ name: 'Sales', values: 'B2:B7' }] },
  { ...base, anchor: 'A25', kind: 'line', title: 'Line', categories: 'A2:A7', series: [{ name: 'Share', values: 'D2:D7' }], yAxis: { numFmt: '0%' } },
  { ...base, anchor: 'H25', kind: 'pie', title: 'Pie', categories: 'A2:A7', series: [{ name: 'Sales', values: 'B2:B7' }] },
  {
    ...base,
    anchor: 'A41',
    kind: 'column',
    title: 'Combo',
    categories: 'A2:A7',
    series: [
      { name: 'Sales', values: 'B2:B7' },
      { name: 'Share', values: 'D2:D7', type: 'line', secondary: true },
    ],
    y2Axis: { min: 0, max: 1, numFmt: '0%' },
  },
  { ...base, anchor: 'H41', kind: 'bubble', title: 'Bubble', categories: 'E2:E7', series: [{ name: 'Products', values: 'D2:D7', sizes: 'B2:B7' }], xAxis: { log: true, min: 0.1, max: 10 } },
];

function kindsSheet(): SheetSpec {
  const cells: SheetSpec['cells'] = [{ ref: 'A1', value: 'Month' }, { ref: 'B1', value: 'Sales' }, { ref: 'C1', value: 'Cost' }, { ref: 'D1', value: 'Share' }, { ref: 'E1', value: 'Relative' }];
  for (let i = 0; i < 6; i++) {
    const r = i + 2;
    cells.push({ ref: `A${r}`, value: `M${i + 1}` }, { ref: `B${r}`, value: 100 + i * 37 }, { ref: `C${r}`, value: 60 + i * 11 }, { ref: `D${r}`, value: (i + 1) / 6 }, { ref: `E${r}`, value: 0.2 * (i + 1) ** 2 });
  }
  return { name: 'Charts', lang: 'en-US', cells, charts: KINDS };
}

/** The charts of a file, each as its plot's chart groups (barChart:col, lineChart …), log axes, and series ranges. */
function chartsOf(bytes: Uint8Array): { groups: string[]; log: boolean; secondary: boolean; refs: string[]; title: string }[] {
  const files = unzipSync(bytes);
  return Object.keys(files)
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
    .map((p) => {
      const plot = child(parseXml(strFromU8(files[p])), 'chart/plotArea');
      const groups = (plot?.children ?? [])
        .filter((c: XmlElement) => /Chart$/.test(c.name))
        .map((g) => (g.name === 'barChart' ? `bar:${child(g, 'barDir')?.attrs.val}` : g.name.replace(/Chart$/, '')));
      const valAxes = kids(plot, 'valAx');
      return {
        groups,
        log: descendants(plot, 'logBase').length > 0,
        secondary: valAxes.length + kids(plot, 'catAx').length > 2 && groups.length > 1,
        // Cell ranges only: LibreOffice writes a series name as a text formula ("Sales").
        refs: descendants(plot, 'f')
          .map((f) => f.text)
          .filter((f) => f.includes('!'))
          .map((f) => f.replace(/\$/g, '').replace(/^'?([^'!]+)'?!/, '$1!')),
        title: descendants(child(parseXml(strFromU8(files[p])), 'chart/title'), 't').map((t) => t.text).join(''),
      };
    });
}

const dir = tempDir('ap-charts-');
let kinds: Uint8Array;
let bcg: Uint8Array;
let abc: Uint8Array;
let abcResult: AbcResult;
let lo: { kinds: Uint8Array; bcg: Uint8Array; abc: Uint8Array; abcValues: SheetValues[] };

beforeAll(async () => {
  kinds = await renderWorkbook({ sheets: [kindsSheet()] });
  bcg = await renderWorkbook({ sheets: getTemplate('bcg').build({ lang: 'zh-CN', example: true, today: FIXED_TODAY }) });
  // 200 customers with values falling off like real sales.
  const rows = Array.from({ length: 200 }, (_, i) => [`Customer ${i + 1}`, String(Math.round(1_000_000 / (i + 1) ** 1.1))]);
  abcResult = await runAbc({ headers: ['Customer', 'Value'], rows }, { lang: 'en-US' });
  abc = await renderWorkbook({ sheets: buildAbcSheets(abcResult, { lang: 'en-US', today: FIXED_TODAY }) });
  const files = { kinds, bcg, abc };
  const paths = Object.entries(files).map(([name, bytes]) => {
    const p = path.join(dir, `${name}.xlsx`);
    writeFileSync(p, bytes);
    return p;
  });
  const out = await recalc(paths);
  lo = { kinds: readFileSync(out[0]), bcg: readFileSync(out[1]), abc: readFileSync(out[2]), abcValues: await readWorkbook(out[2]) };
});

test('every chart and drawing part is schema-valid', async () => {
  const report = await validatePackages([
    { label: 'kinds', bytes: kinds },
    { label: 'bcg', bytes: bcg },
    { label: 'abc', bytes: abc },
  ]);
  expect(report.errors).toEqual([]);
  expect(report.validated['dml-chart.xsd']).toBe(KINDS.length + 2);
  expect(report.validated['dml-spreadsheetDrawing.xsd']).toBe(3);
});

test('LibreOffice reads every kind back: columns, bars, a line, a pie, columns + line on two axes, bubbles on a log axis', () => {
  const mine = chartsOf(kinds);
  const theirs = chartsOf(lo.kinds);
  expect(mine.map((c) => c.groups)).toEqual([['bar:col'], ['bar:bar'], ['line'], ['pie'], ['bar:col', 'line'], ['bubble']]);
  expect(theirs.map((c) => c.groups)).toEqual(mine.map((c) => c.groups));
  expect(theirs.map((c) => c.title)).toEqual(KINDS.map((k) => k.title));
  expect(theirs.map((c) => c.log)).toEqual([false, false, false, false, false, true]);
  expect(theirs[4].secondary).toBe(true);
  // The series point at the same cells.
  for (let i = 0; i < mine.length; i++) expect(new Set(theirs[i].refs)).toEqual(new Set(mine[i].refs));
});

test('the BCG template’s bubble chart survives LibreOffice with its log axis and ranges', () => {
  const [mine] = chartsOf(bcg);
  const [theirs] = chartsOf(lo.bcg);
  expect(mine.groups).toEqual(['bubble']);
  expect(theirs).toMatchObject({ groups: ['bubble'], log: true, title: mine.title });
  expect(new Set(theirs.refs)).toEqual(new Set(mine.refs));
});

describe('the ABC Pareto for 200 customers', () => {
  test(`plots the top ${PARETO_MAX_BARS - 1} and one bar for the other 171, and says so in the title`, () => {
    const [chart] = chartsOf(abc);
    expect(chart.groups).toEqual(['bar:col', 'line']);
    expect(chart.title).toBe('Pareto: the top 29 customers, the other 171 as one bar');
    expect(chartsOf(lo.abc)[0]).toMatchObject({ groups: ['bar:col', 'line'], title: chart.title });
  });

  test('LibreOffice computes the chart data: the top customers in order, the rest’s sum, 100 % at the end', () => {
    const [sheet] = lo.abcValues;
    const [chartSpec] = buildAbcSheets(abcResult, { lang: 'en-US', today: FIXED_TODAY })[0].charts!;
    const col = (range: string) => {
      const m = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(range)!;
      return Array.from({ length: Number(m[3]) - Number(m[2]) + 1 }, (_, i) => sheet.values.get(`${m[1]}${Number(m[2]) + i}`));
    };
    const labels = col(chartSpec.categories);
    const values = col(chartSpec.series[0].values) as number[];
    const cum = col(chartSpec.series[1].values) as number[];
    expect(labels).toHaveLength(PARETO_MAX_BARS);
    expect(labels.slice(0, 29)).toEqual(abcResult.customers.slice(0, 29).map((c) => c.customer));
    expect(labels[29]).toBe('Other 171 customers');
    expect(values.slice(0, 29)).toEqual(abcResult.customers.slice(0, 29).map((c) => c.value.toNumber()));
    const rest = abcResult.customers.slice(29).reduce((s, c) => s + c.value.toNumber(), 0);
    expect(values[29]).toBeCloseTo(rest, 6);
    expect(cum[29]).toBe(1);
    expect(cum[28]).toBeCloseTo(abcResult.customers.slice(0, 29).reduce((s, c) => s + c.value.toNumber(), 0) / abcResult.total.toNumber(), 12);
  });
});
