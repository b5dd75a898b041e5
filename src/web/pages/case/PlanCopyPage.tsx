import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { Button } from '../../components/Button';
import { QueryError } from '../NotFoundPage';
import { planCopyTexts as c, subGoalStatusText } from '../../../core/case/plan-copy-texts';
import { planCopyQuery } from './case-queries';

/** The participant's own copy as an accessible page (the same content as the PDF), printable. */
export function PlanCopyPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useQuery(planCopyQuery(id));
  if (query.error) return <QueryError error={query.error} />;
  if (!query.data) return <p>{t.app.loading}</p>;
  const copy = query.data;
  return (
    <article className="stack plan-copy">
      <p className="no-print"><Link to="/deltagare/$id" params={{ id }}>{t.case.copy.back}</Link></p>
      <h1>{c.title}</h1>
      {copy.name && <p className="lead">{copy.name}</p>}
      <p className="muted">{c.updated} {c.day(copy.updatedAt)}</p>
      <h2>{c.goal}</h2>
      <p className="lead">{copy.mainGoal ?? '–'}</p>
      {copy.ownWords && (
        <>
          <h2>{c.ownWords}</h2>
          <blockquote>{copy.ownWords}</blockquote>
        </>
      )}
      <h2>{c.steps}</h2>
      {copy.subGoals.length === 0 ? <p>{c.noSteps}</p> : (
        <ul className="stack">
          {copy.subGoals.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the copy is read-only, in the plan's order
            <li key={i}>
              <strong>{g.text ?? '–'}</strong>
              <br />
              {c.who}: {g.responsible ?? c.you}. {c.when}: {g.targetDate ? c.day(g.targetDate) : '–'}. {c.status}: {subGoalStatusText[g.status]}.
            </li>
          ))}
        </ul>
      )}
      <h2>{c.next}</h2>
      <ul>
        <li>{c.nextMeeting}: {copy.nextMeeting ? c.dayTime(copy.nextMeeting) : c.notBooked}</li>
        <li>{c.nextFollowUp}: {copy.nextFollowUp ? c.day(copy.nextFollowUp) : c.notBooked}</li>
      </ul>
      <h2>{c.contacts}</h2>
      {copy.contacts.length === 0 ? <p>–</p> : <ul>{copy.contacts.map((p) => <li key={`${p.name}|${p.organisation}`}>{p.name}, {p.organisation}</li>)}</ul>}
      <p>{c.footer}</p>
      <div className="actions no-print">
        <Button onPress={() => window.print()}>{t.case.copy.print}</Button>
      </div>
    </article>
  );
}
