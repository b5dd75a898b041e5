import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { formatDate, formatNumber, todayIso } from '../../i18n/format';
import { interventionQuery, outcomesQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/Button';
import { KeyFigures, targetFor } from '../../components/Figures';
import { ErrorNotice } from '../../components/Notice';
import { QueryError } from '../NotFoundPage';
import { OutcomesTables } from '../report/OutcomesTables';
import { TeamDialog } from './TeamDialog';
import { TargetDialog } from './TargetDialog';
import { FollowUpMethodDialog } from './FollowUpMethodDialog';
import { useResultNotice } from '../../components/ResultNotice';

/** An intervention: facts, teams, volume against target, and this year's outcomes table. */
export function InterventionPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const intervention = useQuery(interventionQuery(id));
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const can = intervention.data?.can;
  const report = useQuery({ ...outcomesQuery({ intervention: intervention.data?.code, from: `${year}-01-01`, to: `${year}-12-31` }), enabled: Boolean(can?.report) });
  const { done, notice } = useResultNotice();
  const now = useQuery({ ...outcomesQuery({ intervention: intervention.data?.code, from: today, to: today }), enabled: Boolean(can?.report) });
  if (intervention.error) return <QueryError error={intervention.error} />;
  if (!intervention.data) return <p>{t.app.loading}</p>;
  const i = intervention.data;
  const target = targetFor(i, year);

  return (
    <div className="stack">
      <PageHeader
        title={i.name}
        above={<Link to="/insatser">{t.intervention.listTitle}</Link>}
        intro={`${i.owner.name}${i.association ? ` · ${i.association.name}` : ''}`}
        actions={
          <>
            {i.can.enrol && <ButtonLink to="/deltagare/ny" search={{ insats: i.id }}>{t.intervention.enrolHere}</ButtonLink>}
            {i.can.enrol && <ButtonLink variant="secondary" to="/insatser/$id/anonyma" params={{ id: i.id }}>{t.intervention.anonymousHere}</ButtonLink>}
            {i.can.enrol && <ButtonLink variant="secondary" to="/deltagare">{t.intervention.participantsHere}</ButtonLink>}
            {i.can.report && <ButtonLink variant="secondary" to="/insatser/$id/mal-och-budget" params={{ id: i.id }}>{t.goalsBudget.link}</ButtonLink>}
            {i.can.report && <ButtonLink variant="secondary" to="/insatser/$id/rapporter" params={{ id: i.id }}>{t.reportDocuments.link}</ButtonLink>}
          </>
        }
      />
      <section className="card" aria-labelledby="facts">
        <h2 id="facts">{t.intervention.facts}</h2>
        <dl className="facts">
          <dt>{t.intervention.code}</dt><dd>{i.code}</dd>
          <dt>{t.intervention.period}</dt><dd>{formatDate(i.startDate)} – {i.endDate ? formatDate(i.endDate) : ''}</dd>
          <dt>{t.intervention.orientation}</dt><dd>{t.intervention.orientations[i.orientation] ?? i.orientation}</dd>
          <dt>{t.intervention.followUp}</dt><dd>{t.intervention.followUpKinds[i.followUp] ?? i.followUp}</dd>
          <dt>{t.intervention.followUpMethod}</dt><dd>{t.intervention.followUpMethods[i.followUpMethod] ?? i.followUpMethod}</dd>
          <dt>{t.intervention.places}</dt><dd>{formatNumber(i.places)}</dd>
          <dt>{t.intervention.targetFor(year)}</dt><dd>{formatNumber(target)}</dd>
          {now.data && <><dt>{t.intervention.activeNow}</dt><dd>{formatNumber(now.data.flow.active.total)}</dd></>}
        </dl>
        {notice}
        {i.can.update && (
          <div className="actions" style={{ marginTop: 'var(--space-4)' }}>
            <TargetDialog intervention={i} year={year} />
            <FollowUpMethodDialog key={i.followUpMethod} intervention={i} onDone={done} />
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="teams">
        <h2 id="teams">{t.intervention.teams}</h2>
        {i.teams.length === 0 ? <p className="muted">{t.intervention.noTeams}</p> : (
          <ul>{i.teams.map((team) => <li key={team.id}>{team.name}</li>)}</ul>
        )}
        {i.can.manageTeams && <TeamDialog interventionId={i.id} />}
      </section>
      {i.can.report && (
        <section aria-labelledby="outcomes">
          <h2 id="outcomes">{t.intervention.outcomesTitle(year)}</h2>
          <ErrorNotice error={report.error} />
          {report.data && (
            <div className="stack">
              <div className="card">
                <h3>{t.intervention.fulfilment}</h3>
                <p className="muted">{t.intervention.fulfilmentHelp}</p>
                <KeyFigures report={report.data} target={target} />
              </div>
              <OutcomesTables report={report.data} headingLevel={3} />
              <p><Link to="/rapporter" search={{ insats: i.code }}>{t.intervention.openReport}</Link></p>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
