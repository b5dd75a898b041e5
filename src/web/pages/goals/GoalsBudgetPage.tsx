import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import type { z } from 'zod';
import type { budgetView } from '../../../core/schemas/budget';
import type { goalList } from '../../../core/schemas/goals';
import type { KeyFiguresReport } from '../../../core/schemas/key-figures-report';
import { t } from '../../i18n/sv';
import { formatNumber, formatPercent } from '../../i18n/format';
import { get } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { interventionQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { ErrorNotice } from '../../components/Notice';
import { useResultNotice } from '../../components/ResultNotice';
import { QueryError } from '../NotFoundPage';
import { FollowUpMethodDialog } from '../interventions/FollowUpMethodDialog';
import { BudgetDialog } from './BudgetDialog';
import { CostImport } from './CostImport';
import { MonthlyCosts } from './MonthlyCosts';
import { projectYears, yearShown } from '../../lib/years';
import { YearChooser } from './YearChooser';
import { FiguresDownloads } from './FiguresDownloads';
import { GoalDialog, RemoveGoalDialog } from './GoalDialogs';
import { KeyFiguresTable } from './KeyFiguresTable';

// "Mål och budget" (issue 12): the intervention's goals with fulfilment, rule and inputs; the
// year's budget against actual, the costs month by month and the cost figures; the national
// follow-up's facts; the year's key figures with their files. The year is any of the project
// period (?ar=2025). Those the server lets edit (`can.edit`) add, change and remove goals, set the
// year's budget, type or import the costs here; the follow-up method follows `can.update`.

const t2 = t.goalsBudget;
const goalsQuery = (id: string) => queryOptions({ queryKey: ['goals', id], queryFn: () => get<z.infer<typeof goalList>>(`/api/v1/interventions/${id}/goals`) });
const budgetQuery = (id: string, year: number) =>
  queryOptions({ queryKey: ['budget', id, year], queryFn: () => get<z.infer<typeof budgetView>>(`/api/v1/interventions/${id}/budget?year=${year}`) });
const figuresQuery = (code: string | undefined, year: number) =>
  queryOptions({ queryKey: ['figures', code, year], queryFn: () => get<KeyFiguresReport>(`/api/v1/reports/figures?intervention=${encodeURIComponent(code!)}&period=${year}`), enabled: Boolean(code) });

const valueText = (value: number | string | null, kind: string) =>
  value === null ? '–' : typeof value === 'string' ? value : ['volume', 'employment'].includes(kind) ? formatNumber(value) : formatPercent(value);

export function GoalsBudgetPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { ar } = useSearch({ strict: false }) as { ar?: number };
  const intervention = useQuery(interventionQuery(id));
  const years = intervention.data ? projectYears(intervention.data.startDate, intervention.data.endDate) : [];
  const year = years.length ? yearShown(years, ar) : (ar ?? new Date().getFullYear());
  const goals = useQuery(goalsQuery(id));
  const budget = useQuery(budgetQuery(id, year));
  const figures = useQuery(figuresQuery(intervention.data?.code, year));
  const codes = useCodes();
  const { done, notice } = useResultNotice();
  if (intervention.error) return <QueryError error={intervention.error} />;
  if (!intervention.data) return <p>{t.app.loading}</p>;
  const i = intervention.data;

  return (
    <div className="stack">
      <PageHeader title={`${t2.title}: ${i.name}`} above={<Link to="/insatser/$id" params={{ id: i.id }}>{i.name}</Link>} intro={t2.intro(year)} />
      <YearChooser key={year} interventionId={i.id} years={years} year={year} />
      {notice}
      <section className="card" aria-labelledby="goals">
        <h2 id="goals">{t2.goals}</h2>
        <ErrorNotice error={goals.error} />
        {goals.data?.can.edit && <div className="actions"><GoalDialog interventionId={i.id} year={year} onDone={done} /></div>}
        {goals.data && goals.data.goals.length === 0 && <p>{t2.noGoals}</p>}
        {goals.data && goals.data.goals.length > 0 && (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t2.goals}</caption>
              <thead>
                <tr>
                  <th scope="col">{t2.goal}</th><th scope="col">{t2.period}</th><th scope="col">{t2.result}</th>
                  <th scope="col">{t2.target}</th><th scope="col">{t2.status}</th><th scope="col">{t2.rule}</th>
                  {goals.data.can.edit && <th scope="col">{t2.actions}</th>}
                </tr>
              </thead>
              <tbody>
                {goals.data.goals.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.title}</th>
                    <td>{g.period === 'project' ? t.intervention.period : g.period}</td>
                    <td>{valueText(g.fulfilment.value, g.kind)}</td>
                    <td>{g.fulfilment.target === null ? '–' : valueText(g.fulfilment.target, g.kind)}</td>
                    <td>{t2.statuses[g.fulfilment.status]}</td>
                    <td>
                      {g.fulfilment.rule}
                      {g.fulfilment.inputs.length > 0 && (
                        <ul>{g.fulfilment.inputs.map((input) => <li key={input.label}>{input.label}: {typeof input.value === 'number' ? formatNumber(input.value) : input.value ?? '–'}</li>)}</ul>
                      )}
                    </td>
                    {goals.data?.can.edit && (
                      <td>
                        <div className="actions">
                          <GoalDialog key={JSON.stringify(g)} interventionId={i.id} year={year} goal={g} onDone={done} />
                          <RemoveGoalDialog interventionId={i.id} goal={g} onDone={done} />
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="budget">
        <h2 id="budget">{t2.budget(year)}</h2>
        <ErrorNotice error={budget.error} />
        {budget.data && (
          <>
            {budget.data.can.edit && (
              <div className="actions">
                <BudgetDialog key={JSON.stringify([budget.data.rows, budget.data.grant, budget.data.administrativeCost])} interventionId={i.id} budget={budget.data} onDone={done} />
              </div>
            )}
            <dl className="facts">
              <dt>{t2.grant}</dt><dd>{t2.kronor(budget.data.grant)}</dd>
            </dl>
            {budget.data.rows.length === 0 ? <p>{t2.noBudget}</p> : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">{t2.budget(year)}</caption>
                  <thead><tr><th scope="col">{t2.category}</th><th scope="col">{t2.budgeted}</th><th scope="col">{t2.actual}</th><th scope="col">{t2.difference}</th></tr></thead>
                  <tbody>
                    {[...budget.data.rows, budget.data.total].map((r) => (
                      <tr key={r.category}>
                        <th scope="row">{r.category === 'total' ? t2.total : codes.label('cost_category', r.category)}</th>
                        <td>{t2.kronor(r.budget)}</td><td>{t2.kronor(r.actual)}</td><td>{t2.kronor(r.difference)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <h3>{t2.costFigures}</h3>
            <dl className="facts">
              <dt>{t2.costPerParticipant}</dt><dd>{t2.kronor(budget.data.costPerParticipant)}</dd>
              <dt>{t2.participants}</dt><dd>{formatNumber(budget.data.participants)}</dd>
              <dt>{t2.costPerOutcome}</dt><dd>{t2.kronor(budget.data.costPerOutcome)}</dd>
              <dt>{t2.outcomes}</dt><dd>{formatNumber(budget.data.exitsToWorkOrStudies)}</dd>
            </dl>
          </>
        )}
      </section>
      {budget.data && <MonthlyCosts interventionId={i.id} budget={budget.data} onDone={done} />}
      {budget.data?.can.edit && <CostImport interventionId={i.id} />}
      <section className="card" aria-labelledby="national">
        <h2 id="national">{t2.followUp.title}</h2>
        <p className="muted">{t2.followUp.intro}</p>
        <dl className="facts">
          <dt>{t.intervention.followUpMethod}</dt><dd>{t.intervention.followUpMethods[i.followUpMethod] ?? i.followUpMethod}</dd>
          <dt>{`${t2.administrativeCost} ${year}`}</dt><dd>{budget.data ? t2.kronor(budget.data.administrativeCost) : '–'}</dd>
        </dl>
        {i.can.update && <div className="actions"><FollowUpMethodDialog key={i.followUpMethod} intervention={i} onDone={done} /></div>}
      </section>
      <section className="card" aria-labelledby="figures">
        <h2 id="figures">{t2.keyFigures(year)}</h2>
        <ErrorNotice error={figures.error} />
        {figures.data && (
          <dl className="facts">
            <dt>{t2.unique}</dt><dd>{formatNumber(figures.data.flow.unique_participants.total)}</dd>
            <dt>{t2.volume}</dt><dd>{formatPercent(figures.data.volume.share)}</dd>
            <dt>{t2.occupancy}</dt><dd>{figures.data.occupancy.mean_active === null ? '–' : figures.data.occupancy.mean_active.toLocaleString('sv-SE')}</dd>
            <dt>{t2.occupancyRate}</dt><dd>{formatPercent(figures.data.occupancy.rate)}</dd>
            <dt>{t2.completion}</dt><dd>{formatPercent(figures.data.completion.share)}</dd>
            <dt>{t2.workOrStudies}</dt><dd>{formatPercent(figures.data.work_or_studies.total.share)}</dd>
          </dl>
        )}
        {figures.data && <FiguresDownloads code={i.code} period={String(year)} />}
        {figures.data && <KeyFiguresTable report={figures.data} interventionId={i.id} period={String(year)} drillDown={i.can.drillDown} />}
      </section>
    </div>
  );
}
