/**
 * One reading of a ChartSpec for both writers (the Office writer's Excel chart API calls and
 * the .xlsx chart parts): which series is drawn how, on which axis, and the axes' settings.
 * A Pareto chart is columns (first series) with a line (second series) on a secondary 0–100 %
 * axis; every other kind draws its series as the kind says unless a series asks otherwise.
 */
import { parseCell, type RangePos } from './a1';
import type { ChartAxisSpec, ChartSeriesType, ChartSpec, SheetSpec } from './sheet-spec';

export interface PlannedSeries {
  name: string;
  /** Category labels (x values for bubbles); the chart's categories. */
  categories: string;
  values: string;
  sizes?: string;
  type: ChartSeriesType;
  secondary: boolean;
  /** RGB hex: the theme's accent colours in turn, as Excel colours new series. */
  color: string;
}

export interface ChartPlan {
  title: string;
  anchor: string;
  width: number;
  height: number;
  /** The chart's own type: what the first series is drawn as. */
  type: ChartSeriesType;
  series: PlannedSeries[];
  /** The category axis (the x value axis of a bubble chart). */
  xAxis: ChartAxisSpec;
  /** The primary value axis. */
  yAxis: ChartAxisSpec;
  /** The secondary value axis, when a series is drawn on it. */
  y2Axis?: ChartAxisSpec;
}

/** Excel's default accent colours (Office theme), in the order it gives them to series. */
export const SERIES_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'] as const;

export function planChart(spec: ChartSpec): ChartPlan {
  const pareto = spec.kind === 'pareto';
  const type: ChartSeriesType = spec.kind === 'pareto' ? 'column' : spec.kind;
  const series = spec.series.map((s, i) => {
    const own: ChartSeriesType = pareto && i === 1 ? 'line' : (s.type ?? type);
    return {
      name: s.name,
      categories: spec.categories,
      values: s.values,
      ...(s.sizes !== undefined ? { sizes: s.sizes } : {}),
      type: own,
      secondary: pareto ? i === 1 : Boolean(s.secondary),
      color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length],
    };
  });
  const secondary = series.some((s) => s.secondary);
  const y2Axis: ChartAxisSpec | undefined = secondary ? { ...(pareto ? { min: 0, max: 1, numFmt: '0%' } : {}), ...spec.y2Axis } : undefined;
  return {
    title: spec.title,
    anchor: spec.anchor,
    width: spec.width,
    height: spec.height,
    type,
    series,
    xAxis: { ...spec.xAxis },
    yAxis: { ...spec.yAxis },
    ...(y2Axis ? { y2Axis } : {}),
  };
}

/** Excel's default column (8.43 characters, 64 px) and row (15 pt) sizes, in points. */
const DEFAULT_COLUMN_POINTS = 48;
const DEFAULT_ROW_POINTS = 15;

/** A column width in characters as points: Excel adds 5 px of padding to 7 px per character. */
export function columnPoints(width: number): number {
  return (Math.floor(width * 7) + 5) * 0.75;
}

/**
 * The cells a chart covers, from its anchor, its size and the sheet's column widths and row
 * heights: what a print area must include for the chart to print.
 */
export function chartCells(sheet: Pick<SheetSpec, 'columns' | 'rowHeights'>, chart: Pick<ChartSpec, 'anchor' | 'width' | 'height'>): RangePos {
  const start = parseCell(chart.anchor);
  const widths = new Map((sheet.columns ?? []).map((c) => [c.index, c.hidden ? 0 : columnPoints(c.width)]));
  let right = start.col;
  for (let left = chart.width - (widths.get(right) ?? DEFAULT_COLUMN_POINTS); left > 0; left -= widths.get(right) ?? DEFAULT_COLUMN_POINTS) right++;
  const heights = sheet.rowHeights ?? {};
  let bottom = start.row;
  for (let left = chart.height - (heights[bottom] ?? DEFAULT_ROW_POINTS); left > 0; left -= heights[bottom] ?? DEFAULT_ROW_POINTS) bottom++;
  return { top: start.row, left: start.col, bottom, right };
}
