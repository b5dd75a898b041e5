import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n/sv';

let firstPage = true;

/**
 * The page's one h1, its introduction, actions, and the document title that names the page.
 * After a navigation inside the app, focus moves to the h1 so a screen reader announces the new
 * page and the keyboard continues from its top (on the first load focus stays at the skip link).
 */
export function PageHeader({ title, intro, actions, above }: { title: string; intro?: ReactNode; actions?: ReactNode; above?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t.app.name}`;
  }, [title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    const active = document.activeElement;
    // Not when the user is already working inside the page (a dialog, a field).
    if (!active || active === document.body || !document.getElementById('main')?.contains(active) || active.closest('nav')) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-header">
      <div>
        {above && <div className="breadcrumb">{above}</div>}
        <h1 ref={ref} tabIndex={-1}>{title}</h1>
        {intro && <p>{intro}</p>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}
