import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { formatNumber } from '../../i18n/format';
import { PeriodText } from '../../components/DateText';
import { interventionsQuery, type Intervention } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';

const columns: Column<Intervention>[] = [
  // The code under the name, not a column of its own: the table fits 1280 px without scrolling.
  {
    key: 'name', header: t.intervention.name, rowHeader: true, sortValue: (i) => i.name,
    cell: (i) => <><Link to="/insatser/$id" params={{ id: i.id }}>{i.name}</Link><br /><span className="muted text-sm">{t.intervention.code}: {i.code}</span></>,
  },
  { key: 'owner', header: t.intervention.owner, cell: (i) => i.owner.name, sortValue: (i) => i.owner.name },
  { key: 'association', header: t.intervention.association, cell: (i) => i.association?.name ?? '–', sortValue: (i) => i.association?.name ?? null },
  { key: 'start', header: t.intervention.period, cell: (i) => <PeriodText from={i.startDate} to={i.endDate} />, sortValue: (i) => i.startDate },
  { key: 'places', header: t.intervention.places, numeric: true, cell: (i) => formatNumber(i.places), sortValue: (i) => i.places },
  { key: 'target', header: t.intervention.volumeTarget, numeric: true, cell: (i) => formatNumber(i.volumeTarget), sortValue: (i) => i.volumeTarget },
  { key: 'teams', header: t.intervention.teams, numeric: true, cell: (i) => formatNumber(i.teams.length), sortValue: (i) => i.teams.length },
];

export function InterventionsPage() {
  const { data: interventions = [] } = useQuery(interventionsQuery);
  return (
    <div>
      <PageHeader title={t.intervention.listTitle} intro={t.intervention.listIntro} />
      {interventions.length === 0 ? (
        <EmptyState>{t.intervention.empty}</EmptyState>
      ) : (
        <DataTable caption={t.intervention.listTitle} captionHidden columns={columns} rows={interventions} rowKey={(i) => i.id} initialSort={{ key: 'name', direction: 'ascending' }} pageSize={20} />
      )}
    </div>
  );
}
