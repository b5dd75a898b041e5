import { Link } from '@tanstack/react-router';
import { t } from '../i18n/sv';
import { PageHeader } from '../components/PageHeader';
import { Notice } from '../components/Notice';
import { ApiError } from '../lib/api';

/** "Not found" inside the app; out of scope looks exactly the same (principle 3). */
export function NotFoundContent() {
  return (
    <div>
      <PageHeader title={t.app.notFoundTitle} intro={t.app.notFoundText} />
      <Link to="/">{t.app.toStart}</Link>
    </div>
  );
}

export function NotFoundPage() {
  return (
    <main id="main" className="app-main">
      <div className="app-main__inner">
        <NotFoundContent />
      </div>
    </main>
  );
}

/** A failed request for a page's data: 404 as not found, anything else with the server's message. */
export function QueryError({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return <NotFoundContent />;
  return (
    <div>
      <PageHeader title={t.app.errorTitle} />
      <Notice tone="error">{error instanceof Error ? error.message : t.common.serverError}</Notice>
      <div className="actions">
        {retry && <button type="button" className="btn btn--secondary" onClick={retry}>{t.app.retry}</button>}
        <Link to="/">{t.app.toStart}</Link>
      </div>
    </div>
  );
}

export function RouteErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  return (
    <main id="main" className="app-main">
      <div className="app-main__inner">
        <QueryError error={error} retry={reset} />
      </div>
    </main>
  );
}
