import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import { workplaceQuery, type Workplace } from '../case/activity-queries';

type Placement = Workplace['placedNow'][number];

/** One workplace: its contacts and places, and who is placed or queued as far as the user may see. */
export function WorkplacePage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const wt = t.workplaces;
  const codes = useCodes();
  const { data: w } = useQuery(workplaceQuery(id));
  if (!w) return <p>{t.app.loading}</p>;
  const placements = (heading: string, key: string, rows: Placement[]) => (
    <section aria-labelledby={key} className="card">
      <h2 id={key}>{heading}</h2>
      {rows.length === 0 ? <p>{wt.noneVisible}</p> : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{heading}</caption>
            <thead><tr><th scope="col">{wt.participant}</th><th scope="col">{wt.activity}</th><th scope="col">{wt.period}</th></tr></thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.activityId}>
                  <th scope="row"><Link to="/deltagare/$id" params={{ id: p.enrolmentId }}>{p.participant}</Link></th>
                  <td>{codes.label('activity_type', p.activityType)}</td>
                  <td>{t.activities.period(formatDate(p.startDate), p.endDate ? formatDate(p.endDate) : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
  return (
    <div className="stack">
      <PageHeader title={w.name} />
      <section aria-labelledby="workplace-facts" className="card">
        <h2 id="workplace-facts">{wt.title}</h2>
        <dl className="facts">
          <dt>{wt.fields.association}</dt><dd>{w.association.name}</dd>
          <dt>{wt.fields.sector}</dt><dd>{codes.label('workplace_sector', w.sector)}</dd>
          <dt>{wt.fields.orgNumber}</dt><dd>{w.orgNumber ?? t.common.none}</dd>
          <dt>{wt.fields.address}</dt><dd>{w.address ?? t.common.none}</dd>
          <dt>{wt.fields.supervisors}</dt>
          <dd>{w.supervisors.length === 0 ? t.common.none : w.supervisors.map((s) => [s.name, s.phone, s.email].filter(Boolean).join(', ')).join('; ')}</dd>
          <dt>{wt.fields.places}</dt>
          <dd>{w.places.map((p) => `${codes.label('activity_type', p.activityType)}: ${p.places}`).join(', ') || t.common.none}</dd>
        </dl>
      </section>
      {placements(wt.placedNow, 'placed-now', w.placedNow)}
      {placements(wt.queued, 'queued', w.queued)}
    </div>
  );
}
