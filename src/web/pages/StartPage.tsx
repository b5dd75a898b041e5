import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { t } from '../i18n/sv';
import { currentYear } from '../i18n/format';
import { meQuery } from '../lib/session';
import { interventionsQuery } from '../lib/queries';
import { PageHeader } from '../components/PageHeader';
import { FlashNotice } from '../components/FlashNotice';
import { EmptyState } from '../components/EmptyState';
import { InterventionCard } from './start/InterventionCard';
import { MyParticipants } from './start/MyParticipants';
import { WorklistSummary } from './worklist/WorklistSummary';

/** The start page follows what the user may do: participants first, then figures, then administration. */
export function StartPage() {
  const { data: me } = useQuery(meQuery);
  const { data: interventions = [] } = useQuery(interventionsQuery);
  if (!me) return null;
  const { can } = me;
  const reported = interventions.filter((i) => i.can.report).slice(0, 12);
  const admin = can.users || can.organisations || can.codeLists;
  return (
    <div className="stack">
      <PageHeader title={t.start.title(me.user.displayName)} />
      <FlashNotice />
      {can.participants && <WorklistSummary />}
      {can.participants && <MyParticipants />}
      {reported.length > 0 && (
        <section aria-labelledby="figures">
          <h2 id="figures">{t.start.interventionsTitle}</h2>
          <p className="muted">{t.start.figuresNote(currentYear())}</p>
          <div className="grid-cards">
            {reported.map((i) => <InterventionCard key={i.id} intervention={i} />)}
          </div>
        </section>
      )}
      {can.dashboardAssociations.length > 0 && (
        <section aria-labelledby="dashboard" className="card">
          <h2 id="dashboard">{t.dashboard.title}</h2>
          <p>{t.dashboard.intro}</p>
          <Link to="/forbund/oversikt">{t.dashboard.nav}</Link>
        </section>
      )}
      {can.logReview && (
        <section aria-labelledby="log-review" className="card">
          <h2 id="log-review">{t.start.logReviewTitle}</h2>
          <p>{t.start.logReviewIntro}</p>
          <Link to="/loggkontroll">{t.nav.logReview}</Link>
        </section>
      )}
      {admin && (
        <section aria-labelledby="admin" className="card">
          <h2 id="admin">{t.start.adminTitle}</h2>
          <p>{t.start.adminIntro}</p>
          <ul>
            {can.users && <li><Link to="/admin/anvandare">{t.nav.users}</Link></li>}
            {can.organisations && <li><Link to="/admin/organisationer">{t.nav.organisations}</Link></li>}
            {can.codeLists && <li><Link to="/admin/kodlistor">{t.nav.codeLists}</Link></li>}
          </ul>
        </section>
      )}
      {!can.participants && reported.length === 0 && !admin && !can.logReview && can.dashboardAssociations.length === 0 && (
        <EmptyState>{interventions.length > 0 ? <Link to="/insatser">{t.nav.interventions}</Link> : t.start.nothing}</EmptyState>
      )}
    </div>
  );
}
