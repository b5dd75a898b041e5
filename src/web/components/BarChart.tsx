import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/sv';
import { Button } from './Button';

export type BarSeries = { name: string; values: (number | null)[] };

type BarChartProps = {
  title: string;
  /** One sentence for screen readers saying what the chart shows. */
  summary: string;
  categories: string[];
  series: BarSeries[];
  /** Header of the category column in the table alternative. */
  categoryHeader: string;
  /** Lines over the categories in order (a series over time) instead of horizontal bars. */
  line?: boolean;
  /** How a value reads on the axis and in the table; counts by default. */
  formatValue?: (value: number | null) => string;
};

const palette = ['#1d5a85', '#b34700', '#4d7a2a', '#6b4c9a'];

/**
 * A horizontal bar chart (or, with `line`, a line chart over time) drawn by ECharts (loaded only when a chart is shown, to keep the first
 * page small), always with a table alternative holding the same numbers.
 */
export function BarChart({ title, summary, categories, series, categoryHeader, line = false, formatValue = formatNumber }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | undefined;
    const onResize = () => chart?.resize();
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: 'svg', locale: 'SV' });
      instance.setOption({
        color: palette,
        aria: { enabled: false },
        animation: false,
        textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1b2430' },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0, textStyle: { color: '#1b2430' } },
        tooltip: { trigger: 'axis', axisPointer: { type: line ? 'line' : 'shadow' }, valueFormatter: formatValue },
        ...(line
          ? {
              xAxis: { type: 'category', data: categories, axisLabel: { color: '#1b2430', fontSize: 12 } },
              yAxis: { type: 'value', axisLabel: { color: '#4a5563', formatter: formatValue } },
            }
          : {
              xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#4a5563' } },
              yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { color: '#1b2430', width: 170, overflow: 'break', lineHeight: 15, fontSize: 12 } },
            }),
        series: series.map((s) => ({ type: line ? 'line' : 'bar', name: s.name, data: s.values, label: { show: false } })),
      });
      chart = instance;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [categories, series, line, formatValue]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} className="chart__canvas" role="img" aria-label={summary} style={{ height: line ? '20rem' : `${Math.max(12, categories.length * 3.5 + 6)}rem` }} />
      <div className="actions">
        <Button variant="quiet" onPress={() => setShowTable((v) => !v)} aria-expanded={showTable}>
          {showTable ? t.chart.hideTable : t.chart.showTable}
        </Button>
      </div>
      {showTable && (
        <div className="table-wrap">
          <table className="data">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryHeader}</th>
                {series.map((s) => (
                  <th key={s.name} scope="col" className="num">{s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  {series.map((s) => (
                    <td key={s.name} className="num">{formatValue(s.values[i] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
