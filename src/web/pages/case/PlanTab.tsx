import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { Button, ButtonLink } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { planQuery, type Plan } from './case-queries';
import { PlanForm } from './PlanForm';

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

/** The case page's "Handlingsplan" tab: the plan as the consent lets this user see it, its history, the participant's copy. */
export function PlanTab({ enrolmentId }: { enrolmentId: string }) {
  const { data: plan } = useQuery(planQuery(enrolmentId));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(0);
  const p = t.case.plan;
  if (!plan) return <p>{t.app.loading}</p>;
  const empty = !plan.current && !plan.can.save;
  return (
    <section aria-labelledby="plan-heading" className="stack">
      <h2 id="plan-heading">{p.title}</h2>
      {saved > 0 && !editing && <Notice tone="success" focus key={saved}>{p.saved}</Notice>}
      {empty && <p>{plan.exists ? p.none : p.notCovered}</p>}
      {!editing && plan.can.save && (
        <div className="actions">
          <Button onPress={() => setEditing(true)}>{plan.current ? p.edit : p.create}</Button>
        </div>
      )}
      {editing ? (
        <PlanForm enrolmentId={enrolmentId} plan={plan} onDone={() => { setEditing(false); setSaved((n) => n + 1); }} />
      ) : (
        plan.current && <CurrentPlan plan={plan} />
      )}
      {plan.can.print && (
        <div className="card stack">
          <p>{p.copyHelp}</p>
          <div className="actions">
            <a className="btn btn--secondary" href={`/api/v1/enrolments/${enrolmentId}/plan/copy.pdf`} download>{p.copyPdf}</a>
            <ButtonLink variant="secondary" to="/deltagare/$id/handlingsplan" params={{ id: enrolmentId }}>{p.copyPage}</ButtonLink>
          </div>
        </div>
      )}
      {plan.history.length > 0 && <PlanHistory plan={plan} />}
    </section>
  );
}

function CurrentPlan({ plan }: { plan: Plan }) {
  const p = t.case.plan;
  const c = plan.current!;
  return (
    <>
      <dl className="facts">
        <dt>{p.mainGoal}</dt><dd>{c.mainGoal ?? '–'}</dd>
        <dt>{p.ownWords}</dt><dd>{c.ownWords ?? '–'}</dd>
        <dt>{p.nextFollowUp}</dt><dd>{formatDate(c.nextFollowUp)}</dd>
      </dl>
      <h3>{p.subGoals}</h3>
      {plan.subGoals.length === 0 ? <p>{p.noSubGoals}</p> : (
        // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrolling table is a focusable, named region (WCAG 2.1.1)
        <div className="table-wrap" tabIndex={0} role="region" aria-label={p.subGoals}>
          <table className="data">
            <caption className="visually-hidden">{p.subGoals}</caption>
            <thead><tr><th scope="col">{p.subGoal}</th><th scope="col">{p.responsible}</th><th scope="col">{p.targetDate}</th><th scope="col">{p.status}</th><th scope="col">{p.writtenBy}</th></tr></thead>
            <tbody>
              {plan.subGoals.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.text ?? '–'}{g.health && <span className="muted"> ({t.case.health.toLowerCase()})</span>}</th>
                  <td>{g.responsible?.name ?? p.participant}</td>
                  <td>{formatDate(g.targetDate)}</td>
                  <td>{p.statuses[g.status]}</td>
                  <td>{g.organisation.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function PlanHistory({ plan }: { plan: Plan }) {
  const p = t.case.plan;
  return (
    <section aria-labelledby="plan-history" className="stack">
      <h3 id="plan-history">{p.history}</h3>
      <ol className="history-list">
        {plan.history.map((r) => (
          <li key={r.id}>
            <p><strong>{p.revisionBy(r.by.userName ?? '–', r.by.organisation.name, stockholm.format(new Date(r.at)))}</strong></p>
            <ul>
              {r.changes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a revision's changes are fixed and never reordered
                <li key={i}>{p.changes[c.field] ?? c.field}{c.field === 'nextFollowUp' && c.to ? `: ${formatDate(c.to)}` : ''}{c.field === 'subGoalStatus' && c.to ? `: ${p.statuses[c.to]}` : ''}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
