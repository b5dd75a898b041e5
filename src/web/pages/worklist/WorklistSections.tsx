import { Link } from '@tanstack/react-router';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import { sections, type WorkItem, type Worklist } from './worklist-queries';

/** Counts of what is due, each a link to its section of the worklist (the start page's summary). */
export function WorklistCounts({ worklist }: { worklist: Worklist }) {
  const wl = t.worklist;
  return (
    <ul className="worklist-counts">
      {sections.map((key) => (
        <li key={key}>
          <Link to="/arbetslista" hash={key}>
            <strong>{worklist[key].length}</strong> {wl[key]}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Every section of the worklist as a table of participants. */
export function WorklistSections({ worklist }: { worklist: Worklist }) {
  const wl = t.worklist;
  const codes = useCodes();
  const what = (key: (typeof sections)[number], item: WorkItem) =>
    item.what === null ? t.common.none : codes.label(key === 'meetings' ? 'meeting_type' : 'activity_type', item.what);
  return (
    <>
      {sections.map((key) => (
        <section key={key} id={key} aria-labelledby={`${key}-heading`} className="card">
          <h2 id={`${key}-heading`}>{wl[key]} ({worklist[key].length})</h2>
          {worklist[key].length === 0 ? <p>{wl.none}</p> : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{wl[key]}</caption>
                <thead>
                  <tr><th scope="col">{wl.participant}</th><th scope="col">{wl.intervention}</th><th scope="col">{wl.date}</th><th scope="col">{wl.what}</th></tr>
                </thead>
                <tbody>
                  {worklist[key].map((item) => (
                    <tr key={`${item.enrolmentId}-${item.date}-${item.what ?? ''}`}>
                      <th scope="row"><Link to="/deltagare/$id" params={{ id: item.enrolmentId }}>{item.participant}</Link></th>
                      <td>{item.intervention}</td>
                      <td>{formatDate(item.date)}</td>
                      <td>
                        {key === 'exitSurvey' ? (
                          <Link to="/deltagare/$id" params={{ id: item.enrolmentId }} hash="enkater" aria-label={wl.sendExitSurveyTo(item.participant)}>{wl.sendExitSurvey}</Link>
                        ) : what(key, item)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
