import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { currentYear, formatDate } from '../../i18n/format';
import { meQuery } from '../../lib/session';
import { interventionsQuery, organisationsQuery, outcomesQuery, type ReportParams } from '../../lib/queries';
import { choiceLabel, choiceOfSearch, projectOf, reportPeriodOf, searchOfChoice, serverPeriodName, type ReportPeriodChoice, type ReportSearch } from './reportPeriod';
import { PrintHeading } from '../../components/PrintHeading';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PeriodFields } from './PeriodFields';
import { OutcomesTables } from './OutcomesTables';
import { OutcomesChart } from './OutcomesChart';
import { Downloads } from './Downloads';
import { MonthlyResults } from './MonthlyResults';

/** The outcomes report: pick scope and period, see the board table and a bar chart, download CSV/JSON. */
export function ReportPage() {
  const search = useSearch({ strict: false }) as ReportSearch;
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const associations = me?.can.reportAssociations ?? [];
  const scopes = [
    ...interventions.filter((i) => i.can.report).map((i) => ({ value: `intervention:${i.code}`, label: i.name, group: t.report.interventionGroup })),
    ...organisations.filter((o) => associations.includes(o.id)).map((o) => ({ value: `association:${o.code}`, label: o.name, group: t.report.associationGroup })),
  ];
  // The selection lives in the address: a reload or a shared link opens the same report.
  const searchScope = search.insats ? `intervention:${search.insats}` : search.forbund ? `association:${search.forbund}` : undefined;
  const initialScope = searchScope ?? (scopes[0]?.value ?? '');
  const [scope, setScope] = useState(initialScope);
  const basePeriod: ReportPeriodChoice = { kind: 'year', year: String(currentYear()), month: '1', tertial: '1', from: '', to: '' };
  const searchChoice = choiceOfSearch(search, basePeriod);
  const [period, setPeriod] = useState<ReportPeriodChoice>(searchChoice ?? basePeriod);
  // When the address changes (back, forward, a link), the form follows it.
  const searchKey = `${searchScope}|${search.period}|${search.fran}|${search.till}`;
  const [seenKey, setSeenKey] = useState(searchKey);
  if (seenKey !== searchKey) {
    setSeenKey(searchKey);
    if (searchScope) setScope(searchScope);
    if (searchChoice) setPeriod(searchChoice);
  }
  const [error, setError] = useState<string>();
  // Whether this scope's figures are suppressed is the server's answer, read off this year's
  // report (asked for by every page showing this year): the custom range is offered only when not.
  const [scopeKind, scopeCode] = scope.split(':');
  const year = currentYear();
  const probe = useQuery({ ...outcomesQuery({ [scopeKind]: scopeCode, from: `${year}-01-01`, to: `${year}-12-31` }), enabled: Boolean(scopeCode) });
  const suppressed = probe.data ? probe.data.rules.suppression_threshold !== null : probe.error ? true : undefined;
  const project = projectOf(scopeKind === 'intervention' ? interventions.find((i) => i.code === scopeCode) : undefined, suppressed !== false);
  const hasProject = project !== null;
  const shownChoice = searchScope ? searchChoice : null;
  const shownPeriod = shownChoice ? reportPeriodOf(shownChoice, project) : null;
  const [shownKind, shownCode] = (searchScope ?? '').split(':');
  const params: ReportParams | null = shownPeriod && shownCode ? { [shownKind]: shownCode, from: shownPeriod.from, to: shownPeriod.to } : null;
  const report = useQuery({ ...outcomesQuery(params ?? { from: '', to: '' }), enabled: params !== null });
  const shownIntervention = shownKind === 'intervention' ? interventions.find((i) => i.code === shownCode) : undefined;
  const comparable = useMemo(() => interventions.filter((i) => i.can.report && i.code !== shownCode), [interventions, shownCode]);
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
    void navigate({ to: '/rapporter', search: { [kind === 'intervention' ? 'insats' : 'forbund']: code, ...searchOfChoice(period) } });
  };

  if (scopes.length === 0) return (<div><PageHeader title={t.report.title} /><EmptyState>{t.report.scopeEmpty}</EmptyState></div>);
  return (
    <div className="stack">
      {report.data && (
        <PrintHeading
          what={`${t.report.title}: ${scopes.find((s) => s.value === searchScope)?.label ?? shownCode}`}
          period={[shownChoice && choiceLabel(shownChoice), t.report.periodLabel(formatDate(report.data.period.from), formatDate(report.data.period.to))].filter(Boolean).join(', ')}
        />
      )}
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
              <h2 id="report-result">{scopes.find((s) => s.value === searchScope)?.label}</h2>
              <p className="muted">{t.report.periodLabel(formatDate(report.data.period.from), formatDate(report.data.period.to))}</p>
            </div>
            <Downloads params={params!} report={report.data} period={shownChoice ? serverPeriodName(shownChoice) : undefined} />
          </div>
          <OutcomesTables report={report.data} headingLevel={3} />
          <OutcomesChart report={report.data} />
          {shownIntervention && <MonthlyResults intervention={shownIntervention} others={comparable} period={report.data.period} />}
        </section>
      )}
    </div>
  );
}
