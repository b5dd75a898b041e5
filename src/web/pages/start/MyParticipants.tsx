import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { enrolmentsQuery } from '../../lib/queries';
import { t } from '../../i18n/sv';
import { ParticipantTable } from '../participants/ParticipantTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { ButtonLink } from '../../components/Button';

/** A case worker's active participants and the latest enrolments and exits in their scope. */
export function MyParticipants() {
  const active = useQuery(enrolmentsQuery({ status: 'active', pageSize: 10 }));
  const recent = useQuery(enrolmentsQuery({ status: 'exited', pageSize: 5 }));
  return (
    <>
      <section aria-labelledby="my-participants">
        <div className="page-header" style={{ marginBottom: 'var(--space-3)' }}>
          <h2 id="my-participants">{t.start.myParticipants}</h2>
          <div className="actions">
            <ButtonLink to="/deltagare/ny">{t.nav.enrol}</ButtonLink>
            <Link to="/deltagare">{t.start.allParticipants}</Link>
          </div>
        </div>
        <ErrorNotice error={active.error} />
        {active.data && (active.data.items.length === 0 ? <EmptyState>{t.start.myParticipantsEmpty}</EmptyState> : <ParticipantTable caption={t.start.myParticipants} rows={active.data.items} />)}
      </section>
      {recent.data && recent.data.items.length > 0 && (
        <section aria-labelledby="recent-exits">
          <h2 id="recent-exits">{t.start.recent}</h2>
          <ParticipantTable caption={t.start.recent} rows={recent.data.items} />
        </section>
      )}
    </>
  );
}
