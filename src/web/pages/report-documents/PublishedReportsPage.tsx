import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { ButtonLink } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../NotFoundPage';
import { DocumentsTable } from './DocumentsTable';
import { publishedQuery, templatesQuery } from './queries';

const t2 = t.reportDocuments;

/** The board member's list: the reports the förbund has published. */
export function PublishedReportsPage() {
  const published = useQuery(publishedQuery);
  const templates = useQuery(templatesQuery);
  if (published.error) return <QueryError error={published.error} />;
  return (
    <div className="stack">
      <PageHeader
        title={t2.board.title}
        intro={t2.board.intro}
        actions={templates.data && templates.data.copyTo.length > 0 ? <ButtonLink variant="secondary" to="/rapportmallar">{t2.templates.link}</ButtonLink> : undefined}
      />
      <section className="card" aria-labelledby="published">
        <h2 id="published">{t2.board.title}</h2>
        {!published.data ? <p>{t.app.loading}</p> : published.data.documents.length === 0 ? <p>{t2.noneForBoard}</p> : <DocumentsTable documents={published.data.documents} caption={t2.board.title} showIntervention />}
      </section>
    </div>
  );
}
