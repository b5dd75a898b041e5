import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/sv';
import { caseloadQuery, type Caseload } from './worklist-queries';

type Row = Caseload['items'][number];

/** The team's shared caseload: the binder's view, as far as the user may see. */
export function CaseloadPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const wl = t.worklist;
  const { data } = useQuery(caseloadQuery(id));
  const nextStep = (r: Row) => {
    const steps = [r.nextFollowUp && wl.followUp(formatDate(r.nextFollowUp)), r.nextMeeting && wl.meeting(formatDate(r.nextMeeting))].filter(Boolean);
    return steps.join(', ') || wl.noNextStep;
  };
  const columns: Column<Row>[] = [
    { key: 'participant', header: wl.participant, rowHeader: true, sortValue: (r) => r.participant, cell: (r) => <Link to="/deltagare/$id" params={{ id: r.enrolmentId }}>{r.participant}</Link> },
    { key: 'subGoal', header: wl.currentSubGoal, cell: (r) => r.subGoal ?? wl.noSubGoal },
    { key: 'next', header: wl.nextStep, sortValue: (r) => r.nextFollowUp ?? r.nextMeeting, cell: nextStep },
    { key: 'start', header: t.activities.fields.startDate, sortValue: (r) => r.startDate, cell: (r) => formatDate(r.startDate) },
  ];
  return (
    <div className="stack">
      <PageHeader title={data ? `${wl.caseloadTitle}: ${data.team.name}` : wl.caseloadTitle} />
      <p>{wl.caseloadIntro}</p>
      {!data ? <p>{t.app.loading}</p> : data.items.length === 0 ? <p>{wl.none}</p> : (
        <DataTable caption={wl.caseloadTitle} captionHidden columns={columns} rows={data.items} rowKey={(r) => r.enrolmentId} initialSort={{ key: 'participant', direction: 'ascending' }} pageSize={50} />
      )}
    </div>
  );
}
