import { Link } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import type { DocumentSummary } from './queries';

const t2 = t.reportDocuments;

/** Reports with their status: the intervention's, or the board's published ones (with the intervention named). */
export function DocumentsTable({ documents, caption, showIntervention = false }: { documents: DocumentSummary[]; caption: string; showIntervention?: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t2.report}</th>
            {showIntervention && <th scope="col">{t2.board.intervention}</th>}
            <th scope="col">{t2.period}</th><th scope="col">{t2.status}</th><th scope="col">{t2.version}</th><th scope="col">{t2.updated}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <th scope="row"><Link to="/rapportdokument/$id" params={{ id: d.id }}>{d.title}</Link></th>
              {showIntervention && <td>{d.intervention.name}</td>}
              <td>{formatDate(d.from)} – {formatDate(d.to)}</td>
              <td>{t2.statuses[d.status]}</td>
              <td>{d.version || '–'}</td>
              <td>{formatDate(d.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
