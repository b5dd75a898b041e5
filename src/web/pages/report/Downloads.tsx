import type { OutcomesReport } from '../../../core/schemas/outcomes-report';
import { t } from '../../i18n/sv';
import { query } from '../../lib/api';
import type { ReportParams } from '../../lib/queries';

/** CSV from the server (same-origin link with the session cookie); JSON as the report already loaded. */
export function Downloads({ params, report }: { params: ReportParams; report: OutcomesReport }) {
  const name = `utfall-${report.period.from}-${report.period.to}`;
  const json = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(report, null, 2))}`;
  return (
    <div className="actions">
      <a className="btn btn--secondary" href={`/api/v1/reports/outcomes.csv${query({ ...params })}`} download={`${name}.csv`}>{t.report.downloadCsv}</a>
      <a className="btn btn--secondary" href={json} download={`${name}.json`}>{t.report.downloadJson}</a>
    </div>
  );
}
