import { Link } from '@tanstack/react-router';
import { t } from '../i18n/sv';
import type { Abilities } from '../lib/abilities';

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

/** The main navigation: only what the user may use is offered. */
export function NavMenu({ id, open, abilities }: { id: string; open: boolean; abilities: Abilities }) {
  const work: Item[] = [
    { to: '/', label: t.nav.start, exact: true },
    { to: '/insatser', label: t.nav.interventions },
    ...(abilities.participants ? [{ to: '/deltagare', label: t.nav.participants, exact: true }, { to: '/deltagare/ny', label: t.nav.enrol }] : []),
    ...(abilities.reports ? [{ to: '/rapporter', label: t.nav.reports }] : []),
    ...(abilities.importKinds.length > 0 ? [{ to: '/import', label: t.nav.import }] : []),
  ];
  const admin: Item[] = [
    ...(abilities.users ? [{ to: '/admin/anvandare', label: t.nav.users }] : []),
    ...(abilities.organisations ? [{ to: '/admin/organisationer', label: t.nav.organisations }] : []),
    ...(abilities.codeLists ? [{ to: '/admin/kodlistor', label: t.nav.codeLists }] : []),
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
