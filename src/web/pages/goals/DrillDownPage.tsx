import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import type { DrillDownView } from '../../../core/schemas/drill-down';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { get, query } from '../../lib/api';
import { interventionQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { QueryError } from '../NotFoundPage';
import { ParticipantTable } from '../participants/ParticipantTable';

// The enrolments behind one number of the key figures (issue 12, item 3). The server decides who
// may see them (anyone else gets "not found") and audits every enrolment shown.

const td = t.drillDown;
export type DrillDownSearch = { period?: string; figur?: string; grupp?: string; kolumn?: string };

const drillDownQuery = (code: string | undefined, s: DrillDownSearch) =>
  queryOptions({
    queryKey: ['drill-down', code, s],
    queryFn: () => get<DrillDownView>(`/api/v1/reports/figures/records${query({ intervention: code, period: s.period, figure: s.figur, group: s.grupp, cell: s.kolumn })}`),
    enabled: Boolean(code),
  });

export function DrillDownPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const search = useSearch({ strict: false }) as DrillDownSearch;
  const intervention = useQuery(interventionQuery(id));
  const list = useQuery(drillDownQuery(intervention.data?.code, search));
  if (intervention.error || list.error) return <QueryError error={intervention.error ?? list.error} />;
  if (!intervention.data || !list.data) return <p role="status">{t.app.loading}</p>;
  const v = list.data;
  const what = [v.figure === 'exit_group' ? `${td.figures.exit_group} ${td.groups[v.group ?? ''] ?? v.group}` : td.figures[v.figure], td.cells[v.cell]].join(', ');
  return (
    <div className="stack">
      <PageHeader
        title={`${td.title}: ${what}`}
        above={<Link to="/insatser/$id/mal-och-budget" params={{ id }}>{`${t.goalsBudget.title}: ${intervention.data.name}`}</Link>}
        intro={`${td.intro} ${t.report.periodLabel(formatDate(v.period.from), formatDate(v.period.to))}`}
      />
      <p>{td.count(v.count)}</p>
      {v.protectedIdentity > 0 && <Notice tone="info">{td.protectedIdentity(v.protectedIdentity)}</Notice>}
      {v.items.length === 0 ? <EmptyState>{td.empty}</EmptyState> : <ParticipantTable caption={td.caption} rows={v.items} />}
    </div>
  );
}
