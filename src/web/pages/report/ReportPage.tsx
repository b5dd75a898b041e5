import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { currentYear, formatDate } from '../../i18n/format';
import { meQuery } from '../../lib/session';
import { interventionsQuery, organisationsQuery, outcomesQuery, type ReportParams } from '../../lib/queries';
import { projectOf, reportPeriodOf, type ReportPeriodChoice } from './reportPeriod';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PeriodFields } from './PeriodFields';
import { OutcomesTables } from './OutcomesTables';
import { OutcomesChart } from './OutcomesChart';
import { Downloads } from './Downloads';

/** The outcomes report: pick scope and period, see the board table and a bar chart, download CSV/JSON. */
export function ReportPage() {
  const search = useSearch({ strict: false }) as { insats?: string };
  const { data: me } = useQuery(meQuery);
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const associations = me?.can.reportAssociations ?? [];
  const scopes = [
    ...interventions.filter((i) => i.can.report).map((i) => ({ value: `intervention:${i.code}`, label: i.name, group: t.report.interventionGroup })),
    ...organisations.filter((o) => associations.includes(o.id)).map((o) => ({ value: `association:${o.code}`, label: o.name, group: t.report.associationGroup })),
  ];
  const initialScope = search.insats ? `intervention:${search.insats}` : (scopes[0]?.value ?? '');
  const [scope, setScope] = useState(initialScope);
  const [period, setPeriod] = useState<ReportPeriodChoice>({ kind: 'year', year: String(currentYear()), month: '1', tertial: '1', from: '', to: '' });
  const [params, setParams] = useState<ReportParams | null>(null);
  const [error, setError] = useState<string>();
  const report = useQuery({ ...outcomesQuery(params ?? { from: '', to: '' }), enabled: params !== null });
  // Whether this scope's figures are suppressed is the server's answer, read off this year's
  // report (asked for by every page showing this year): the custom range is offered only when not.
  const [scopeKind, scopeCode] = scope.split(':');
  const year = currentYear();
  const probe = useQuery({ ...outcomesQuery({ [scopeKind]: scopeCode, from: `${year}-01-01`, to: `${year}-12-31` }), enabled: Boolean(scopeCode) });
  const suppressed = probe.data ? probe.data.rules.suppression_threshold !== null : probe.error ? true : undefined;
  const project = projectOf(scopeKind === 'intervention' ? interventions.find((i) => i.code === scopeCode) : undefined, suppressed !== false);
  const hasProject = project !== null;
  useEffect(() => {
    if ((period.kind === 'custom' && suppressed !== false) || (period.kind === 'project' && !hasProject)) setPeriod((p) => ({ ...p, kind: 'year' }));
  }, [period.kind, suppressed, hasProject]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    const chosen = reportPeriodOf(period, project);
    if (!scope || !chosen) return setError(!scope ? t.report.scope : t.report.periodKind);
    if (chosen.from > chosen.to) return setError('Välj ett slutdatum efter startdatum');
    setError(undefined);
    const [kind, code] = scope.split(':');
    setParams({ [kind]: code, from: chosen.from, to: chosen.to });
  };

  if (scopes.length === 0) return (<div><PageHeader title={t.report.title} /><EmptyState>{t.report.scopeEmpty}</EmptyState></div>);
  return (
    <div className="stack">
      <PageHeader title={t.report.title} intro={t.report.intro} />
      <form onSubmit={show} noValidate className="card stack" aria-label={t.report.title}>
        {error && <Notice tone="error">{error}</Notice>}
        <div className="form-grid">
          <SelectField label={t.report.scope} name="scope" value={scope} onChange={setScope} options={scopes} isRequired />
        </div>
        <PeriodFields value={period} onChange={setPeriod} suppressed={suppressed} project={project} />
        <div className="actions"><Button type="submit">{t.report.show}</Button></div>
      </form>
      {!params && <EmptyState>{t.report.pick}</EmptyState>}
      <ErrorNotice error={report.error} />
      {report.data && (
        <section aria-labelledby="report-result" className="stack">
          <div className="page-header" style={{ marginBottom: 0 }}>
            <div>
              <h2 id="report-result">{scopes.find((s) => s.value === scope)?.label}</h2>
              <p className="muted">{t.report.periodLabel(formatDate(report.data.period.from), formatDate(report.data.period.to))}</p>
            </div>
            <Downloads params={params!} report={report.data} />
          </div>
          <OutcomesTables report={report.data} headingLevel={3} />
          <OutcomesChart report={report.data} />
        </section>
      )}
    </div>
  );
}
