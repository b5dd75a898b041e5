import { useQuery } from '@tanstack/react-query';
import { DataTable, type Column } from '../../components/DataTable';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import { ActivityDialog } from './ActivityDialog';
import { activitiesQuery, type Activity } from './activity-queries';

// The case page's "Aktiviteter" tab: the enrolment's activities and placements that the consent
// lets this user see (the server decides; `can` flags say what may be changed).

export function ActivitiesTab({ enrolmentId }: { enrolmentId: string }) {
  const codes = useCodes();
  const { data } = useQuery(activitiesQuery(enrolmentId));
  const at = t.activities;

  const typeOf = (a: Activity) => {
    const type = codes.label('activity_type', a.activityType);
    if (!a.employmentType) return type;
    return `${type}: ${codes.label('employment_type', a.employmentType)} (${a.extension ? at.extensionShort : at.newEmployment})`;
  };
  const columns: Column<Activity>[] = [
    { key: 'type', header: at.columns.type, cell: typeOf, rowHeader: true, sortValue: typeOf },
    { key: 'where', header: at.columns.where, cell: (a) => a.workplace?.name ?? a.provider ?? t.common.none },
    { key: 'period', header: at.columns.period, cell: (a) => at.period(formatDate(a.startDate), a.endDate ? formatDate(a.endDate) : null), sortValue: (a) => a.startDate },
    { key: 'hours', header: at.columns.hours, cell: (a) => a.hoursPerWeek ?? t.common.none, numeric: true },
    { key: 'status', header: at.columns.status, cell: (a) => at.statuses[a.status] ?? a.status },
    { key: 'controller', header: at.columns.controller, cell: (a) => a.controller.name },
    {
      key: 'edit',
      header: t.common.edit,
      cell: (a) => (a.can.update ? <ActivityDialog enrolmentId={enrolmentId} activity={a} triggerLabel={at.editNamed(typeOf(a), formatDate(a.startDate))} /> : null),
    },
  ];

  return (
    <section aria-labelledby="activities-heading">
      <h2 id="activities-heading">{at.title}</h2>
      <p>{at.intro}</p>
      {data?.can.create && <ActivityDialog enrolmentId={enrolmentId} />}
      {!data ? (
        <p>{t.app.loading}</p>
      ) : data.items.length === 0 ? (
        <p>{at.empty}</p>
      ) : (
        <DataTable caption={at.caption} captionHidden columns={columns} rows={data.items} rowKey={(a) => a.id} initialSort={{ key: 'period', direction: 'descending' }} />
      )}
    </section>
  );
}
