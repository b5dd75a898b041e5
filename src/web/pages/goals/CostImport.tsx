import type { z } from 'zod';
import type { costImportResult } from '../../../core/schemas/budget';
import { t } from '../../i18n/sv';
import { formatNumber } from '../../i18n/format';
import { upload } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { Notice } from '../../components/Notice';
import { ImportFileForm, useImportRun } from '../import/useImportRun';
import { useRefresh } from './GoalDialogs';

// "Importera kostnader från ekonomisystemet" on Mål och budget (issue 12; docs/finance-costs-csv.md):
// the enrolment import's flow, check then import, for the intervention's cost export.

const ti = t.goalsBudget.costImport;
type Result = z.infer<typeof costImportResult>;

/**
 * The file as text. The API takes the text, so the browser decodes it: strictly as UTF-8, since a
 * finance system's export saved as Windows-1252 would otherwise fail on every "ö" with a misleading
 * "unknown cost category".
 */
async function textOf(file: File): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error(ti.notUtf8);
  }
}

/** The file's text sent as the API's { csv }, with upload progress. */
async function send(interventionId: string, file: File, dryRun: boolean, onProgress: (fraction: number) => void) {
  const body = new Blob([JSON.stringify({ csv: await textOf(file) })], { type: 'application/json' });
  return upload<Result>(`/api/v1/interventions/${interventionId}/costs/import?dryRun=${dryRun}`, body, 'application/json', onProgress);
}

export function CostImport({ interventionId }: { interventionId: string }) {
  const refresh = useRefresh();
  const run = useImportRun<Result>((file, dryRun, onProgress) => send(interventionId, file, dryRun, onProgress), refresh);
  const { state } = run;
  return (
    <section className="stack" aria-labelledby="cost-import">
      <h2 id="cost-import">{ti.title}</h2>
      <p>{ti.intro}</p>
      <ImportFileForm run={run} label={ti.title} fieldId="cost-file" fileHelp={ti.fileHelp} />
      {(state.step === 'checked' || state.step === 'done') && <CostImportSummary result={state.summary} />}
    </section>
  );
}

/** What the file holds: rows, months and the amount per cost category. */
function CostImportSummary({ result }: { result: Result }) {
  const codes = useCodes();
  const title = result.dryRun ? ti.checkedTitle : ti.doneTitle;
  return (
    <section className="card stack" aria-labelledby="cost-import-summary">
      <h3 id="cost-import-summary">{title}</h3>
      <Notice tone="success">{result.dryRun ? ti.checked(result.rows) : ti.done(result.rows)}</Notice>
      <dl className="figure-list">
        <div><dt>{ti.rows}</dt><dd>{formatNumber(result.rows)}</dd></div>
        <div><dt>{ti.months}</dt><dd>{result.months.length === 0 ? '–' : `${result.months[0]} – ${result.months[result.months.length - 1]}`}</dd></div>
        <div><dt>{ti.total}</dt><dd>{t.goalsBudget.kronorExact(result.total)}</dd></div>
      </dl>
      <div className="table-wrap">
        <table className="data">
          <caption>{ti.byCategory}</caption>
          <thead><tr><th scope="col">{t.goalsBudget.category}</th><th scope="col" className="num">{ti.total}</th></tr></thead>
          <tbody>
            {Object.entries(result.byCategory).map(([category, amount]) => (
              <tr key={category}><th scope="row">{codes.label('cost_category', category)}</th><td className="num">{t.goalsBudget.kronorExact(amount)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
