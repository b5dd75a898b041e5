import { useMemo } from 'react';
import type { DashboardView } from '../../../core/schemas/dashboard';
import { t } from '../../i18n/sv';
import { BarChart } from '../../components/BarChart';

const td = t.dashboard;
/** A share as whole percent for a bar (the table alternative shows the same number). */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

/** The dashboard's figures as bars: results in percent, and the cost figures in kronor. */
export function DashboardCharts({ view }: { view: DashboardView }) {
  const { categories, shares, costs } = useMemo(() => {
    const rows = view.interventions;
    return {
      categories: rows.map((i) => i.name),
      shares: [
        { name: td.columns.volume, values: rows.map((i) => percent(i.volume.share)) },
        { name: td.columns.workOrStudies, values: rows.map((i) => percent(i.workOrStudies.share)) },
        { name: td.columns.completion, values: rows.map((i) => percent(i.completion.share)) },
      ],
      costs: [
        { name: td.columns.costPerParticipant, values: rows.map((i) => (i.cost.perParticipant === null ? null : Math.round(i.cost.perParticipant))) },
        { name: td.columns.costPerOutcome, values: rows.map((i) => (i.cost.perOutcome === null ? null : Math.round(i.cost.perOutcome))) },
      ],
    };
  }, [view]);
  return (
    <>
      <BarChart title={td.sharesChart} summary={td.sharesSummary(categories.length)} categories={categories} series={shares} categoryHeader={td.columns.intervention} />
      <BarChart title={td.costChart} summary={td.costSummary(categories.length)} categories={categories} series={costs} categoryHeader={td.columns.intervention} />
    </>
  );
}
