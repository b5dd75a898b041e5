import { useEffect, useRef, useState } from 'react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { t } from '../i18n/sv';
import { lastActivity } from '../lib/api';
import { logout, meQuery } from '../lib/session';
import { Button } from './Button';
import { NavMenu } from './NavMenu';

/** The server ends a session after 30 minutes without requests; the page says so at that moment. */
const idleLimitMs = 30 * 60 * 1000;

/** Header, navigation and main landmark around every page behind the login. */
export function AppShell() {
  const { data: me } = useQuery(meQuery);
  const [menuOpen, setMenuOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const mainRef = useRef<HTMLElement>(null);

  const menuToggleRef = useRef<HTMLSpanElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs on purpose when the page changes: navigating closes the menu
  useEffect(() => setMenuOpen(false), [pathname]);

  // Escape closes the open menu on a phone and puts focus back on its button (WCAG 2.1.2, 1.4.13).
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuToggleRef.current?.querySelector('button')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity < idleLimitMs) return;
      queryClient.clear();
      void navigate({ to: '/logga-in', search: { orsak: 'utgangen', tillbaka: window.location.pathname } });
    }, 15_000);
    return () => window.clearInterval(timer);
  }, [navigate, queryClient]);

  if (!me) return null;

  const signOut = async () => {
    await logout();
    queryClient.clear();
    await navigate({ to: '/logga-in', search: { orsak: 'utloggad' } });
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main (WCAG 2.4.1) and works without script; the handler only moves focus */}
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            {t.app.name}
            <small>{t.app.tagline}</small>
          </Link>
          <div className="user-box">
            <span>{t.app.signedInAs(me.user.displayName)}</span>
            {me.hasPassword && <Link to="/byt-losenord" className="btn btn--on-dark">{t.app.changePassword}</Link>}
            <Button variant="on-dark" onPress={() => void signOut()}>{t.app.logout}</Button>
            <span className="menu-toggle" ref={menuToggleRef}>
              <Button variant="on-dark" aria-expanded={menuOpen} aria-controls="app-nav" onPress={() => setMenuOpen((o) => !o)}>
                {menuOpen ? t.app.closeMenu : t.app.menu}
              </Button>
            </span>
          </div>
        </div>
      </header>
      <div className="app-body">
        <NavMenu id="app-nav" open={menuOpen} can={me.can} />
        <main id="main" className="app-main" ref={mainRef} tabIndex={-1}>
          <div className="app-main__inner">
            <Outlet />
          </div>
        </main>
      </div>
    </>
  );
}
