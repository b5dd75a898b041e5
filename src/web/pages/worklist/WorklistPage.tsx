import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n/sv';
import { WorklistSections } from './WorklistSections';
import { worklistQuery } from './worklist-queries';

/** The case worker's worklist, with links to the caseloads of their teams. */
export function WorklistPage() {
  const wl = t.worklist;
  const { data } = useQuery(worklistQuery);
  return (
    <div className="stack">
      <PageHeader title={wl.title} />
      <p>{wl.intro}</p>
      {!data ? <p>{t.app.loading}</p> : (
        <>
          {data.teams.length > 0 && (
            <nav aria-label={wl.toCaseload}>
              <h2>{wl.toCaseload}</h2>
              <ul>
                {data.teams.map((team) => (
                  <li key={team.id}><Link to="/team/$id" params={{ id: team.id }}>{`${team.name} (${team.intervention})`}</Link></li>
                ))}
              </ul>
            </nav>
          )}
          <WorklistSections worklist={data} />
        </>
      )}
    </div>
  );
}
