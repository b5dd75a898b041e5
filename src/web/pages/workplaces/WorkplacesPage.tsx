import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import { workplacesQuery, type WorkplaceList } from '../case/activity-queries';
import { NewWorkplaceDialog } from './NewWorkplaceDialog';

type Row = WorkplaceList['items'][number];

/** The förbund's shared workplace register. */
export function WorkplacesPage() {
  const wt = t.workplaces;
  const codes = useCodes();
  const { data } = useQuery(workplacesQuery);
  const places = (w: Row) => w.places.map((p) => `${codes.label('activity_type', p.activityType)}: ${p.places}`).join(', ') || t.common.none;
  const columns: Column<Row>[] = [
    { key: 'name', header: wt.columns.name, rowHeader: true, sortValue: (w) => w.name, cell: (w) => <Link to="/arbetsplatser/$id" params={{ id: w.id }}>{w.name}</Link> },
    { key: 'sector', header: wt.columns.sector, cell: (w) => codes.label('workplace_sector', w.sector) },
    { key: 'orgNumber', header: wt.columns.orgNumber, cell: (w) => w.orgNumber ?? t.common.none },
    { key: 'places', header: wt.columns.places, cell: places },
  ];
  return (
    <div className="stack">
      <PageHeader title={wt.title} />
      <p>{wt.intro}</p>
      {data?.can.create && <NewWorkplaceDialog />}
      {!data ? <p>{t.app.loading}</p> : data.items.length === 0 ? <p>{wt.empty}</p> : (
        <DataTable caption={wt.caption} columns={columns} rows={data.items} rowKey={(w) => w.id} initialSort={{ key: 'name', direction: 'ascending' }} pageSize={50} />
      )}
    </div>
  );
}
