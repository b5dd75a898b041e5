import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { formatDate, formatNumber } from '../../i18n/format';
import { interventionsQuery, type Intervention } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';

const columns: Column<Intervention>[] = [
  { key: 'name', header: t.intervention.name, rowHeader: true, cell: (i) => <Link to="/insatser/$id" params={{ id: i.id }}>{i.name}</Link>, sortValue: (i) => i.name },
  { key: 'code', header: t.intervention.code, cell: (i) => i.code, sortValue: (i) => i.code },
  { key: 'owner', header: t.intervention.owner, cell: (i) => i.owner.name, sortValue: (i) => i.owner.name },
  { key: 'association', header: t.intervention.association, cell: (i) => i.association?.name ?? '–', sortValue: (i) => i.association?.name ?? null },
  { key: 'start', header: t.intervention.period, cell: (i) => `${formatDate(i.startDate)} – ${i.endDate ? formatDate(i.endDate) : ''}`, sortValue: (i) => i.startDate },
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
