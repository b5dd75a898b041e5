import { Link } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { DateText } from '../../components/DateText';
import { useCodes } from '../../lib/codes';
import type { EnrolmentSummary } from '../../lib/queries';
import { DataTable, type Column } from '../../components/DataTable';

export const displayName = (e: Pick<EnrolmentSummary, 'name' | 'participantRef'>) => e.name ?? e.participantRef ?? t.participants.noName;

/** Enrolments as a table; the name links to the participant's page. */
export function ParticipantTable({ caption, rows, sortable = true }: { caption: string; rows: EnrolmentSummary[]; sortable?: boolean }) {
  const codes = useCodes();
  const columns: Column<EnrolmentSummary>[] = [
    {
      key: 'name', header: t.participants.name, rowHeader: true,
      cell: (e) => <Link to="/deltagare/$id" params={{ id: e.id }}>{displayName(e)}</Link>,
      sortValue: sortable ? displayName : undefined,
    },
    { key: 'ref', header: t.participants.ref, cell: (e) => e.participantRef ?? '–', sortValue: sortable ? (e) => e.participantRef : undefined },
    { key: 'intervention', header: t.participants.intervention, cell: (e) => e.intervention.name, sortValue: sortable ? (e) => e.intervention.name : undefined },
    { key: 'team', header: t.participants.team, cell: (e) => e.team?.name ?? '–' },
    { key: 'gender', header: t.participants.gender, cell: (e) => codes.label('gender', e.gender) },
    { key: 'start', header: t.participants.start, cell: (e) => <DateText iso={e.startDate} />, sortValue: sortable ? (e) => e.startDate : undefined },
    {
      key: 'exit', header: t.participants.exit,
      cell: (e) => (e.exitDate ? <><DateText iso={e.exitDate} /> ({codes.label('exit_reason', e.exitReason)})</> : t.participants.active),
      sortValue: sortable ? (e) => e.exitDate : undefined,
    },
  ];
  return <DataTable caption={caption} captionHidden columns={columns} rows={rows} rowKey={(e) => e.id} />;
}
