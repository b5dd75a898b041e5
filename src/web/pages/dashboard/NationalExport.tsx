import { t } from '../../i18n/sv';
import { query } from '../../lib/api';

const td = t.dashboard;

/** The förbund's year for Uppföljning Finsam (docs/national-export.md), as the files the server writes. */
export function NationalExport({ association, year }: { association: string; year: string }) {
  const href = (format: 'csv' | 'xlsx') => `/api/v1/reports/national${query({ association, year, format })}`;
  return (
    <section className="card" aria-labelledby="national">
      <h3 id="national">{td.national}</h3>
      <p>{td.nationalIntro(year)}</p>
      <div className="actions">
        <a className="btn" href={href('csv')} download>{td.nationalCsv}</a>
        <a className="btn btn--secondary" href={href('xlsx')} download>{td.nationalXlsx}</a>
      </div>
    </section>
  );
}
