import { Link } from '@tanstack/react-router';
import { t } from '../i18n/sv';
import type { Can } from '../lib/session';

type Item = { to: string; label: string; exact?: boolean };

const NavList = ({ items }: { items: Item[] }) => (
  <ul>
    {items.map((item) => (
      <li key={item.to}>
        <Link to={item.to} className="nav-link" activeOptions={{ exact: item.exact ?? false }} activeProps={{ 'aria-current': 'page' }}>
          {item.label}
        </Link>
      </li>
    ))}
  </ul>
);

/** The main navigation: only what the server says the user may use is offered. */
export function NavMenu({ id, open, can }: { id: string; open: boolean; can: Can }) {
  const work: Item[] = [
    { to: '/', label: t.nav.start, exact: true },
    { to: '/insatser', label: t.nav.interventions },
    ...(can.participants ? [{ to: '/arbetslista', label: t.worklist.title }] : []),
    ...(can.participants ? [{ to: '/deltagare', label: t.nav.participants, exact: true }] : []),
    ...(can.participants ? [{ to: '/arbetsplatser', label: t.workplaces.title }] : []),
    ...(can.enrol ? [{ to: '/deltagare/ny', label: t.nav.enrol }] : []),
    ...(can.reports ? [{ to: '/rapporter', label: t.nav.reports }] : []),
    ...(can.boardReports ? [{ to: '/publicerade-rapporter', label: t.reportDocuments.board.nav }] : []),
    ...(can.dashboardAssociations.length > 0 ? [{ to: '/forbund/oversikt', label: t.dashboard.nav }] : []),
    ...(can.importKinds.length > 0 ? [{ to: '/import', label: t.nav.import }] : []),
    ...(can.logReview ? [{ to: '/loggkontroll', label: t.nav.logReview }] : []),
    ...(can.surveys ? [{ to: '/enkater', label: t.surveys.navResults, exact: true }] : []),
    ...(can.surveyTranslations ? [{ to: '/enkater/fragor', label: t.surveys.navTranslations }] : []),
  ];
  const admin: Item[] = [
    ...(can.users ? [{ to: '/admin/anvandare', label: t.nav.users }] : []),
    ...(can.organisations ? [{ to: '/admin/organisationer', label: t.nav.organisations }] : []),
    ...(can.codeLists ? [{ to: '/admin/kodlistor', label: t.nav.codeLists }] : []),
  ];
  return (
    <nav id={id} className="app-nav" aria-label={t.app.mainNav} data-open={open}>
      <NavList items={work} />
      {admin.length > 0 && (
        <>
          <h2>{t.nav.admin}</h2>
          <NavList items={admin} />
        </>
      )}
    </nav>
  );
}
