import type { DocumentView } from './queries';
import { t } from '../../i18n/sv';
import { cellText } from './DocumentContent';

const t2 = t.reportDocuments.differences;

/** "Fruset värde / värde i dag": the frozen version's figures that later registrations changed. */
export function Differences({ differences }: { differences: DocumentView['differences'] }) {
  return (
    <section className="card" aria-labelledby="differences">
      <h2 id="differences">{t2.title}</h2>
      {differences.length === 0 ? <p>{t2.none}</p> : (
        <>
          <p>{t2.intro}</p>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t2.title}</caption>
              <thead>
                <tr><th scope="col">{t2.table}</th><th scope="col">{t2.row}</th><th scope="col">{t2.column}</th><th scope="col">{t2.frozen}</th><th scope="col">{t2.today}</th><th scope="col">{t2.difference}</th></tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={`${d.section}|${d.table}|${d.row}|${d.column}`}>
                    <td>{d.table}</td><th scope="row">{d.row}</th><td>{d.column}</td>
                    <td>{cellText(d.frozen, d.kind)}</td><td>{cellText(d.today, d.kind)}</td>
                    <td>{d.difference === null ? '–' : `${d.difference > 0 ? '+' : ''}${cellText(d.difference, d.kind)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
