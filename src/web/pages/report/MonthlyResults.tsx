import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { forecastSentence, monthLabel, seriesLabel } from '../../../core/figures/monthly-results-csv';
import type { MonthlyResultsReport } from '../../../core/schemas/monthly-results-report';
import { formatNumber, formatPercent } from '../../i18n/format';
import { t } from '../../i18n/sv';
import { monthlyResultsQuery, type Intervention, type MonthlyParams } from '../../lib/queries';
import { BarChart } from '../../components/BarChart';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice, Notice } from '../../components/Notice';

const L = t.monthly;
const MAX_MONTHS = 60;

type Props = { intervention: Intervention; others: Intervention[]; period: { from: string; to: string } };

/** How many calendar months `from` … `to` (dates) touch. */
const monthCount = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/**
 * The monthly result series of an intervention over the report's months (Malmökraften's bild 1–2):
 * a line per series with the table alternative, a comparison picker and the forecast sentence.
 */
export function MonthlyResults({ intervention, others, period }: Props) {
  const [compare, setCompare] = useState('');
  const tooLong = monthCount(period.from, period.to) > MAX_MONTHS;
  const params: MonthlyParams = {
    intervention: intervention.code,
    from: period.from.slice(0, 7),
    to: period.to.slice(0, 7),
    ...(compare === 'last_year' ? { compareLastYear: 'true' as const } : {}),
    ...(compare.startsWith('team:') ? { compareTeam: compare.slice(5) } : {}),
    ...(compare.startsWith('intervention:') ? { compareIntervention: compare.slice(13) } : {}),
  };
  const report = useQuery({ ...monthlyResultsQuery(params), enabled: !tooLong });
  const names = useMemo(() => nameOf(intervention, others), [intervention, others]);
  const options = [
    { value: '', label: L.compareNone },
    { value: 'last_year', label: L.compareLastYear },
    ...intervention.teams.map((team) => ({ value: `team:${team.name}`, label: L.team(team.name), group: L.teamGroup })),
    ...others.map((o) => ({ value: `intervention:${o.code}`, label: o.name, group: L.interventionGroup })),
  ];
  return (
    <section aria-labelledby="monthly-results" className="card stack">
      <h3 id="monthly-results">{L.title}</h3>
      <p className="muted">{L.intro}</p>
      <div className="form-grid">
        <SelectField label={L.compare} name="compare" value={compare} onChange={setCompare} options={options} />
      </div>
      {tooLong && <Notice>{L.tooLong}</Notice>}
      {report.isPending && !tooLong && <p role="status">{L.loading}</p>}
      <ErrorNotice error={report.error} />
      {report.data && <MonthlyBody report={report.data} names={names} />}
    </section>
  );
}

/** A series' name as people know it: the intervention's name rather than its code. */
const nameOf = (intervention: Intervention, others: Intervention[]) => (series: MonthlyResultsReport['series'][number]) => {
  if (series.kind === 'intervention') return [intervention, ...others].find((i) => i.code === series.scope.intervention)?.name ?? seriesLabel(series);
  return series.kind === 'last_year' ? L.lastYear : seriesLabel(series);
};

/** A series' key among the others: its kind and scope (a comparison intervention differs by scope). */
const keyOf = (s: MonthlyResultsReport['series'][number]) => `${s.kind} ${JSON.stringify(s.scope)}`;

function MonthlyBody({ report, names }: { report: MonthlyResultsReport; names: (s: MonthlyResultsReport['series'][number]) => string }) {
  const { categories, lines } = useMemo(
    () => ({
      categories: report.series[0]!.months.map((m) => monthLabel(m.month)),
      lines: report.series.map((s) => ({ name: names(s), values: s.months.map((m) => m.result) })),
    }),
    [report, names],
  );
  return (
    <>
      <BarChart
        line
        title={L.chartTitle}
        summary={L.chartSummary(categories.length, lines.length)}
        categories={categories}
        series={lines}
        categoryHeader={L.month}
        formatValue={formatPercent}
      />
      {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrolling table is a focusable, named region so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={L.tableCaption}>
        <table className="data">
          <caption>{L.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{L.month}</th>
              {report.series.flatMap((s) => [
                <th key={`${keyOf(s)}a`} scope="col" className="num">{L.active(names(s))}</th>,
                <th key={`${keyOf(s)}o`} scope="col" className="num">{L.outcomes(names(s))}</th>,
                <th key={`${keyOf(s)}r`} scope="col" className="num">{L.result(names(s))}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {categories.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {report.series.flatMap((s) => [
                  <td key={`${keyOf(s)}a`} className="num">{formatNumber(s.months[i]!.active)}</td>,
                  <td key={`${keyOf(s)}o`} className="num">{formatNumber(s.months[i]!.outcomes)}</td>,
                  <td key={`${keyOf(s)}r`} className="num">{formatPercent(s.months[i]!.result)}</td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h4>{L.forecastTitle}</h4>
        <p>{report.forecast ? forecastSentence(report.forecast) : L.noForecast}</p>
      </div>
      {report.rules.suppression_threshold !== null && <p className="muted">{L.suppressed}</p>}
    </>
  );
}
