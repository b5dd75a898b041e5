import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { useCodes } from '../../lib/codes';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { meetingsQuery, planQuery, type Meetings } from './case-queries';
import { MeetingForm } from './MeetingForm';

const when = (local: string) => `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;

/** The case page's "Möten" tab: the meetings the consent lets this user see, and a form for a new one. */
export function MeetingsTab({ enrolmentId }: { enrolmentId: string }) {
  const { data } = useQuery(meetingsQuery(enrolmentId));
  const { data: plan } = useQuery(planQuery(enrolmentId));
  const codes = useCodes();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(0);
  const m = t.case.meetings;
  if (!data) return <p>{t.app.loading}</p>;
  const goals = new Map((plan?.subGoals ?? []).map((g) => [g.id, g.text ?? '–']));
  const typeLabel = (type: string) => codes.label('meeting_type', type);
  return (
    <section aria-labelledby="meetings-heading" className="stack">
      <h2 id="meetings-heading">{m.title}</h2>
      {saved > 0 && !adding && <Notice tone="success" focus key={saved}>{m.saved}</Notice>}
      {!adding && data.can.create && (
        <div className="actions">
          <Button onPress={() => setAdding(true)}>{m.add}</Button>
        </div>
      )}
      {adding && <MeetingForm enrolmentId={enrolmentId} meetings={data} subGoals={plan?.subGoals ?? []} onDone={(ok) => { setAdding(false); if (ok) setSaved((n) => n + 1); }} />}
      {data.items.length === 0 ? <p>{data.can.create ? m.none : m.notCovered}</p> : (
        <ol className="stack meeting-list">
          {data.items.map((meeting: Meetings['items'][number]) => (
            <li key={meeting.id} className="card stack">
              <h3>{typeLabel(meeting.type)}, {when(meeting.heldAt)}</h3>
              <p className="muted">{m.heldBy(meeting.organisation.name, meeting.by)}{meeting.health ? ` · ${t.case.health}` : ''}</p>
              <dl className="facts">
                <dt>{m.participantPresent}</dt><dd>{meeting.participantPresent ? t.common.yes : t.common.no}</dd>
                <dt>{m.staff}</dt><dd>{meeting.staff.map((s) => `${s.name} (${s.organisation})`).join(', ') || '–'}</dd>
                <dt>{m.others}</dt><dd>{meeting.otherRoles.map((r) => m.roles[r] ?? r).join(', ') || '–'}</dd>
                <dt>{m.notes}</dt><dd className="prewrap">{meeting.notes ?? '–'}</dd>
                <dt>{m.next}</dt><dd>{meeting.nextMeetingAt ? when(meeting.nextMeetingAt) : '–'}</dd>
              </dl>
              {meeting.actions.length > 0 && (
                <>
                  <h4>{m.actions}</h4>
                  <ul>
                    {meeting.actions.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a meeting's actions are fixed, in their stored order
                      <li key={i}>{a.text ?? '–'}{a.subGoalId && goals.has(a.subGoalId) ? ` (${t.case.plan.subGoal.toLowerCase()}: ${goals.get(a.subGoalId)})` : ''}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
