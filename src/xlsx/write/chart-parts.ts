/**
 * Charts in a worksheet: xl/drawings/drawingN.xml places each chart on the sheet (a one-cell
 * anchor: top-left cell and size), xl/charts/chartK.xml describes it in DrawingML (dml-chart.xsd).
 * Column, bar, line, pie and bubble charts, combinations of columns and lines on two value axes,
 * log-scale axes. Series refer to the sheet's cells; where the spec knows the values (constants,
 * cached formula results) they are stored as the series' cache too, so viewers that do not
 * calculate still draw the chart.
 */
import { cellRef, parseCell, parseRange, quoteSheet } from '../../sheets/core/a1';
import type { ChartPlan, PlannedSeries } from '../../sheets/core/chart-plan';
import type { CachedValue, ChartAxisSpec, ChartSeriesType } from '../../sheets/core/sheet-spec';
import type { FontFace } from './font-faces';
import { CHART_NS, DRAWINGML_NS, R_NS, XDR_NS, XML_DECLARATION } from './namespaces';
import { escapeAttr, escapeText, numberText } from './xml-text';

/** EMUs per point (DrawingML measures in English Metric Units). */
const EMU_PER_POINT = 12_700;

export interface ChartContext {
  /** The sheet the chart sits on (ranges without a sheet name refer to it). */
  sheet: string;
  face: FontFace;
  lang: string;
  /** Sheet renames the chart's ranges follow. */
  mapFormula(formula: string): string;
  /** The value a cell of this sheet is known to hold, if any. */
  valueAt(ref: string): CachedValue | undefined;
  /** The number format of a cell of this sheet, if it has one (axes show values in it). */
  formatAt(ref: string): string | undefined;
  clean(text: string): string;
}

/** The drawing part of one sheet: one anchor per chart, each pointing at its chart part by relationship id. */
export function drawingXml(charts: { plan: ChartPlan; relId: string }[]): string {
  const anchors = charts.map(({ plan, relId }, i) => {
    const p = parseCell(plan.anchor);
    return (
      '<xdr:oneCellAnchor>' +
      `<xdr:from><xdr:col>${p.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${Math.round(plan.width * EMU_PER_POINT)}" cy="${Math.round(plan.height * EMU_PER_POINT)}"/>` +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${R_NS}">${anchors.join('')}</xdr:wsDr>`;
}

/** Axis ids: category and value axes of the primary group, then of the secondary group. */
const AX = { cat: 10, val: 20, cat2: 30, val2: 40 } as const;

export function chartXml(plan: ChartPlan, ctx: ChartContext): string {
  const secondary = plan.series.filter((s) => s.secondary);
  const primary = plan.series.filter((s) => !s.secondary);
  const groups: string[] = [];
  // Series of one type on one axis group form one chart group, in the order they first appear.
  const groupOf = (list: PlannedSeries[], axes: [number, number]) => {
    const types = [...new Set(list.map((s) => s.type))];
    for (const type of types) groups.push(chartGroup(type, list.filter((s) => s.type === type), axes, plan, ctx));
  };
  groupOf(primary, [AX.cat, AX.val]);
  groupOf(secondary, [AX.cat2, AX.val2]);

  let axes = '';
  if (plan.type === 'bubble') {
    axes += valueAxis(AX.cat, AX.val, 'b', plan.xAxis, ctx, false) + valueAxis(AX.val, AX.cat, 'l', plan.yAxis, ctx, true);
  } else if (plan.type !== 'pie') {
    const horizontal = plan.type === 'bar';
    axes += categoryAxis(AX.cat, AX.val, horizontal ? 'l' : 'b', plan.xAxis, false, ctx);
    axes += valueAxis(AX.val, AX.cat, horizontal ? 'b' : 'l', plan.yAxis, ctx, true);
    if (secondary.length) {
      axes += categoryAxis(AX.cat2, AX.val2, horizontal ? 'l' : 'b', {}, true, ctx);
      axes += valueAxis(AX.val2, AX.cat2, horizontal ? 't' : 'r', plan.y2Axis ?? {}, ctx, false, 'max');
    }
  }
  const legendPos = plan.type === 'pie' ? 'r' : 'b';
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${R_NS}">` +
    '<c:roundedCorners val="0"/>' +
    '<c:chart>' +
    title(ctx.clean(plan.title), ctx, 1400) +
    '<c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${groups.join('')}${axes}</c:plotArea>` +
    // A legend with one entry (a single-series chart that is not a pie) repeats the title: none.
    (plan.type !== 'pie' && plan.series.length === 1 ? '' : `<c:legend><c:legendPos val="${legendPos}"/><c:overlay val="0"/></c:legend>`) +
    // Hidden cells are plotted: a template may keep a chart's data in a hidden column (BCG's x values).
    '<c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>' +
    `<c:txPr>${bodyText(ctx, 1000)}</c:txPr>` +
    '</c:chartSpace>'
  );
}

function chartGroup(type: ChartSeriesType, list: PlannedSeries[], axes: [number, number], plan: ChartPlan, ctx: ChartContext): string {
  const offset = plan.series.indexOf(list[0]);
  const ser = list.map((s, i) => seriesXml(type, s, offset + i, ctx)).join('');
  const axIds = `<c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/>`;
  switch (type) {
    case 'column':
    case 'bar':
      return `<c:barChart><c:barDir val="${type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}<c:gapWidth val="60"/>${axIds}</c:barChart>`;
    case 'line':
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>`;
    case 'pie':
      return `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
    case 'bubble':
      return `<c:bubbleChart><c:varyColors val="0"/>${ser}<c:bubbleScale val="100"/><c:showNegBubbles val="0"/>${axIds}</c:bubbleChart>`;
  }
}

function seriesXml(type: ChartSeriesType, s: PlannedSeries, index: number, ctx: ChartContext): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeText(ctx.clean(s.name))}</c:v></c:tx>`;
  const fill = `<a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill>`;
  switch (type) {
    case 'column':
    case 'bar':
      return `<c:ser>${head}<c:spPr>${fill}</c:spPr><c:invertIfNegative val="0"/>${categoryData('cat', s.categories, ctx)}${numberData('val', s.values, ctx)}</c:ser>`;
    case 'line':
      return (
        `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="4"/><c:spPr>${fill}</c:spPr></c:marker>` +
        `${categoryData('cat', s.categories, ctx)}${numberData('val', s.values, ctx)}<c:smooth val="0"/></c:ser>`
      );
    case 'pie':
      return `<c:ser>${head}${categoryData('cat', s.categories, ctx)}${numberData('val', s.values, ctx)}</c:ser>`;
    case 'bubble':
      return (
        // Bubbles three-quarters opaque, so overlapping ones stay visible.
        `<c:ser>${head}<c:spPr><a:solidFill><a:srgbClr val="${s.color}"><a:alpha val="75000"/></a:srgbClr></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `${numberData('xVal', s.categories, ctx)}${numberData('yVal', s.values, ctx)}${s.sizes ? numberData('bubbleSize', s.sizes, ctx) : ''}<c:bubble3D val="0"/></c:ser>`
      );
  }
}

// ------------------------------------------------------------------ data references

/** "B10:B59" on this sheet → "'Sheet'!$B$10:$B$59"; another sheet's range keeps its sheet. */
function absoluteRef(range: string, ctx: ChartContext): { formula: string; cells?: string[] } {
  const mapped = ctx.mapFormula(range);
  const bang = mapped.lastIndexOf('!');
  const sheetPart = bang < 0 ? quoteSheet(ctx.sheet) : mapped.slice(0, bang);
  const area = (bang < 0 ? mapped : mapped.slice(bang + 1)).replace(/\$/g, '');
  const r = parseRange(area);
  const abs = (row: number, col: number) => cellRef(row, col, true);
  const formula = `${sheetPart}!${abs(r.top, r.left)}${r.top === r.bottom && r.left === r.right ? '' : `:${abs(r.bottom, r.right)}`}`;
  if (bang >= 0) return { formula };
  const cells: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push(cellRef(row, col));
  return { formula, cells };
}

const known = (v: CachedValue | undefined): v is Exclude<CachedValue, null> => v !== undefined && v !== null && !(typeof v === 'object' && !(v instanceof Date));

/** Category labels: text (strRef) unless every known label is a number (numRef). */
function categoryData(tag: string, range: string, ctx: ChartContext): string {
  const ref = absoluteRef(range, ctx);
  const values = ref.cells?.map((c) => ctx.valueAt(c));
  const numeric = values !== undefined && values.some(known) && values.every((v) => !known(v) || typeof v === 'number');
  if (numeric) return numberData(tag, range, ctx);
  let cache = '';
  if (values) {
    const pts = values.map((v, i) => (known(v) ? `<c:pt idx="${i}"><c:v>${escapeText(ctx.clean(String(v)))}</c:v></c:pt>` : '')).join('');
    cache = `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
  }
  return `<c:${tag}><c:strRef><c:f>${escapeText(ref.formula)}</c:f>${cache}</c:strRef></c:${tag}>`;
}

function numberData(tag: string, range: string, ctx: ChartContext): string {
  const ref = absoluteRef(range, ctx);
  let cache = '';
  if (ref.cells) {
    const pts = ref.cells
      .map((c, i) => {
        const v = ctx.valueAt(c);
        const n = typeof v === 'number' ? numberText(v) : typeof v === 'boolean' ? (v ? '1' : '0') : undefined;
        return n === undefined ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`;
      })
      .join('');
    const format = ctx.formatAt(ref.cells[0]) ?? 'General';
    cache = `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${ref.cells.length}"/>${pts}</c:numCache>`;
  }
  return `<c:${tag}><c:numRef><c:f>${escapeText(ref.formula)}</c:f>${cache}</c:numRef></c:${tag}>`;
}

// ------------------------------------------------------------------ axes and text

function scaling(a: ChartAxisSpec): string {
  return (
    '<c:scaling>' +
    (a.log ? '<c:logBase val="10"/>' : '') +
    '<c:orientation val="minMax"/>' +
    (a.max !== undefined ? `<c:max val="${numberText(a.max)}"/>` : '') +
    (a.min !== undefined ? `<c:min val="${numberText(a.min)}"/>` : '') +
    '</c:scaling>'
  );
}

const GRID = '<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
const AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>';

function categoryAxis(id: number, cross: number, pos: string, a: ChartAxisSpec, hidden: boolean, ctx: ChartContext): string {
  return (
    `<c:catAx><c:axId val="${id}"/>${scaling(a)}<c:delete val="${hidden ? 1 : 0}"/><c:axPos val="${pos}"/>` +
    (a.title ? title(ctx.clean(a.title), ctx, 1000) : '') +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    AXIS_LINE +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function valueAxis(id: number, cross: number, pos: string, a: ChartAxisSpec, ctx: ChartContext, grid: boolean, crosses: 'autoZero' | 'max' = 'autoZero'): string {
  const vertical = pos === 'l' || pos === 'r';
  return (
    `<c:valAx><c:axId val="${id}"/>${scaling(a)}<c:delete val="0"/><c:axPos val="${pos}"/>` +
    (grid ? GRID : '') +
    (a.title ? title(ctx.clean(a.title), ctx, 1000, vertical) : '') +
    (a.numFmt ? `<c:numFmt formatCode="${escapeAttr(a.numFmt)}" sourceLinked="0"/>` : '<c:numFmt formatCode="General" sourceLinked="1"/>') +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    AXIS_LINE +
    `<c:crossAx val="${cross}"/><c:crosses val="${crosses}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** Text properties naming the sheet's face for Latin and East Asian text. */
function runProps(ctx: ChartContext, size: number, bold: boolean, tag: 'defRPr' | 'rPr'): string {
  const face = escapeAttr(ctx.face.name);
  return `<a:${tag} lang="${ctx.lang}" sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="404040"/></a:solidFill><a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/></a:${tag}>`;
}

function bodyText(ctx: ChartContext, size: number): string {
  return `<a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps(ctx, size, false, 'defRPr')}</a:pPr><a:endParaRPr lang="${ctx.lang}"/></a:p>`;
}

function title(text: string, ctx: ChartContext, size: number, rotated = false): string {
  const body = rotated ? '<a:bodyPr rot="-5400000" vert="horz"/>' : '<a:bodyPr/>';
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr>${runProps(ctx, size, true, 'defRPr')}</a:pPr>` +
    `<a:r>${runProps(ctx, size, true, 'rPr')}<a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}
