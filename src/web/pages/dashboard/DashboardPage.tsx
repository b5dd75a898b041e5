import { useState, type FormEvent } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { DashboardView } from '../../../core/schemas/dashboard';
import { t } from '../../i18n/sv';
import { currentYear } from '../../i18n/format';
import { get, query } from '../../lib/api';
import { meQuery } from '../../lib/session';
import { organisationsQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, Notice } from '../../components/Notice';
import { DashboardTable } from './DashboardTable';
import { DashboardCharts } from './DashboardCharts';
import { NationalExport } from './NationalExport';

// The förbund's dashboard (issue 12, item 8): its interventions side by side for a year, a
// tertial or a month, suppressed figures only. The förbund and the period live in the address.

const td = t.dashboard;
export type DashboardSearch = { forbund?: string; period?: string };

/** Hela året, the tertials and the months: the part of "2026-…" after the year. */
const partOptions = [
  ...Object.entries(td.parts).map(([value, label]) => ({ value, label })),
  ...td.months.map((name, i) => ({ value: String(i + 1).padStart(2, '0'), label: name[0].toUpperCase() + name.slice(1) })),
];

const dashboardQuery = (association: string, period: string) =>
  queryOptions({ queryKey: ['dashboard', association, period], queryFn: () => get<DashboardView>(`/api/v1/reports/dashboard${query({ association, period })}`) });

export function DashboardPage() {
  const search = useSearch({ strict: false }) as DashboardSearch;
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const associations = organisations.filter((o) => me?.can.dashboardAssociations.includes(o.id));
  const shown = search.forbund ?? associations[0]?.code;
  const period = search.period ?? String(currentYear());
  // Empty until chosen: the förbund shown (the first one once the organisations have loaded).
  const [chosen, setAssociation] = useState('');
  const association = chosen || shown || '';
  const [year, setYear] = useState(period.slice(0, 4));
  const [part, setPart] = useState(period.length > 4 ? period.slice(5) : 'year');
  const dashboard = useQuery({ ...dashboardQuery(shown ?? '', period), enabled: Boolean(shown) });
  const years = Array.from({ length: 6 }, (_, i) => String(currentYear() - i));

  const show = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/forbund/oversikt', search: { forbund: association, period: part === 'year' ? year : `${year}-${part}` } });
  };

  if (associations.length === 0) return (<div><PageHeader title={td.title} /><EmptyState>{t.start.nothing}</EmptyState></div>);
  return (
    <div className="stack">
      <PageHeader title={td.title} intro={td.intro} />
      <form onSubmit={show} noValidate className="card stack" aria-label={td.title}>
        <div className="form-grid">
          {associations.length > 1 && (
            <SelectField label={td.association} name="association" value={association} onChange={setAssociation} options={associations.map((a) => ({ value: a.code, label: a.name }))} isRequired />
          )}
          <SelectField label={td.year} name="year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: y }))} isRequired />
          <SelectField label={td.part} name="part" value={part} onChange={setPart} options={partOptions} isRequired />
        </div>
        <div className="actions"><Button type="submit">{td.show}</Button></div>
      </form>
      <ErrorNotice error={dashboard.error} />
      {dashboard.isLoading && <p role="status">{td.loading}</p>}
      {dashboard.data && (
        <section aria-labelledby="dashboard-result" className="stack">
          <h2 id="dashboard-result">{td.heading(dashboard.data.association.name, td.periodName(dashboard.data.period.name))}</h2>
          <Notice tone="info">{t.start.suppressedNote(dashboard.data.threshold)}</Notice>
          {dashboard.data.interventions.length === 0 ? <EmptyState>{td.none}</EmptyState> : (
            <>
              <DashboardTable view={dashboard.data} />
              <DashboardCharts view={dashboard.data} />
            </>
          )}
          {/* The förbund whose admin the user is: the national follow-up is theirs (access/dashboard-policy.ts). */}
          {me?.can.reportAssociations.includes(associations.find((a) => a.code === shown)?.id ?? '') && (
            <NationalExport association={dashboard.data.association.code} year={dashboard.data.period.name.slice(0, 4)} />
          )}
        </section>
      )}
    </div>
  );
}
