import { useMemo } from 'react';
import type { OutcomesReport } from '../../../core/schemas/outcomes-report';
import { t } from '../../i18n/sv';
import { BarChart } from '../../components/BarChart';

/** Exits by reason and gender as bars, with the table alternative BarChart always offers. */
export function OutcomesChart({ report }: { report: OutcomesReport }) {
  const { categories, series } = useMemo(
    () => ({
      categories: report.exit_reasons.map((r) => r.label),
      series: (['woman', 'man', 'other'] as const).map((g) => ({ name: t.genders[g], values: report.exit_reasons.map((r) => r[g]) })),
    }),
    [report],
  );
  if (categories.length === 0) return null;
  if (series.every((s) => s.values.every((v) => v === null))) return <p className="muted">{t.report.chartHidden}</p>;
  return <BarChart title={t.report.chartTitle} summary={t.report.chartSummary(categories.length)} categories={categories} series={series} categoryHeader={t.report.reason} />;
}
