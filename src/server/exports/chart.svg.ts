import * as echarts from 'echarts';
import { formatCell, isHidden, swedishNumber } from '../../core/reports/cell-format.js';
import type { ReportChart, ReportColumnKind } from '../../core/reports/document.js';

/** Colours with at least 3:1 contrast to white and to each other's neighbours (WCAG 1.4.11). */
export const seriesColours = ['#1f5f99', '#c2501d', '#2e7d4f', '#6b4c9a', '#8a6d00'];

export type ChartSize = { width: number; height: number };
export const chartSize: ChartSize = { width: 640, height: 300 };

/** The chart's bars: a category per row, a series per numeric column; a hidden or empty cell draws no bar. */
export function chartData(chart: ReportChart) {
  const columns = new Map(chart.table.columns.map((c) => [c.key, c]));
  const categoryKind = columns.get(chart.categoryKey)?.kind ?? 'text';
  const kind: ReportColumnKind = columns.get(chart.seriesKeys[0]!)?.kind ?? 'count';
  return {
    kind,
    categories: chart.table.rows.map((row) => formatCell(row[chart.categoryKey], categoryKind)),
    series: chart.seriesKeys.map((key) => ({
      name: columns.get(key)?.label ?? key,
      values: chart.table.rows.map((row) => {
        const cell = row[key];
        return typeof cell === 'number' && !isHidden(cell) ? cell : null;
      }),
    })),
  };
}

/**
 * A report chart as SVG, rendered by ECharts on the server (the web app draws the same options).
 * Labels carry a transparent text border: pdfmake's SVG reader draws ECharts' default white
 * border over the text and the labels vanish.
 */
export function chartSvg(chart: ReportChart, size: ChartSize = chartSize): string {
  const { kind, categories, series } = chartData(chart);
  const format = (value: number) => (kind === 'share' ? formatCell(value, 'share') : swedishNumber(value, kind === 'number' ? 2 : 0));
  // A share axis ends at 100 % only when a bar comes near it; small shares get room to differ.
  const highest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption({
      animation: false,
      color: seriesColours,
      textStyle: { fontFamily: 'Helvetica', color: '#1a1a1a' },
      title: { text: chart.title, left: 'center', textStyle: { fontSize: 14, fontWeight: 'bold', textBorderColor: 'transparent' } },
      legend: { show: series.length > 1, bottom: 0, textStyle: { textBorderColor: 'transparent' } },
      grid: { left: 56, right: 16, top: 56, bottom: series.length > 1 ? 56 : 32, containLabel: false },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, textBorderColor: 'transparent', fontSize: 10 } },
      yAxis: { type: 'value', max: kind === 'share' && highest > 0.8 ? 1 : undefined, axisLabel: { formatter: format, textBorderColor: 'transparent' } },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        label: { show: true, position: 'top', fontSize: 10, textBorderColor: 'transparent', formatter: (p: { value: number | null }) => (p.value === null ? '' : format(p.value)) },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
