import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { WorklistCounts } from './WorklistSections';
import { worklistQuery } from './worklist-queries';

/** The start page's worklist: what is due, counted, with the way to the whole list. */
export function WorklistSummary() {
  const { data } = useQuery(worklistQuery);
  return (
    <section aria-labelledby="worklist-summary" className="card">
      <h2 id="worklist-summary">{t.worklist.counts}</h2>
      {data ? <WorklistCounts worklist={data} /> : <p>{t.app.loading}</p>}
      <p><Link to="/arbetslista">{t.worklist.title}</Link></p>
    </section>
  );
}
