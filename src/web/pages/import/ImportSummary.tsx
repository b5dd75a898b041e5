import { t } from '../../i18n/sv';
import { formatNumber } from '../../i18n/format';
import { Notice } from '../../components/Notice';

export type Summary = { ok: true; dryRun: boolean; alreadyImported: boolean; rows: number; created: number; updated: number; unchanged: number; anonymous: number };

/** What a check or an import did, in numbers. */
export function ImportSummary({ summary }: { summary: Summary }) {
  const title = summary.dryRun ? t.importPage.dryRunTitle : t.importPage.summaryTitle;
  return (
    <section className="card" aria-labelledby="import-summary">
      <h2 id="import-summary">{title}</h2>
      <Notice tone="success">{summary.alreadyImported ? t.importPage.alreadyImported : summary.dryRun ? t.importPage.valid(summary.rows) : title}</Notice>
      <dl className="figure-list">
        <div><dt>{t.importPage.rows}</dt><dd>{formatNumber(summary.rows)}</dd></div>
        <div><dt>{t.importPage.created}</dt><dd>{formatNumber(summary.created)}</dd></div>
        <div><dt>{t.importPage.updated}</dt><dd>{formatNumber(summary.updated)}</dd></div>
        <div><dt>{t.importPage.unchanged}</dt><dd>{formatNumber(summary.unchanged)}</dd></div>
        <div><dt>{t.importPage.anonymousRows}</dt><dd>{formatNumber(summary.anonymous)}</dd></div>
      </dl>
    </section>
  );
}
