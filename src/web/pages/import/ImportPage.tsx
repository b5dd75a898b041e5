import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { ApiError, upload, type RowError } from '../../lib/api';
import { meQuery } from '../../lib/session';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/Button';
import { RadioGroupField } from '../../components/ChoiceGroup';
import { ProgressBar } from '../../components/ProgressBar';
import { Notice } from '../../components/Notice';
import { EmptyState } from '../../components/EmptyState';
import { ImportErrors } from './ImportErrors';
import { ImportSummary, type Summary } from './ImportSummary';

type State =
  | { step: 'idle' }
  | { step: 'busy'; dryRun: boolean; progress: number }
  | { step: 'invalid'; errors: RowError[]; message: string }
  | { step: 'failed'; message: string }
  | { step: 'checked' | 'done'; summary: Summary };

/** CSV import: validate first (dry run) and show every row error, then import with progress and a summary. */
export function ImportPage() {
  const { data: me } = useQuery(meQuery);
  const kinds = me?.can.importKinds ?? [];
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>(kinds[kinds.length - 1] ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });

  const run = async (dryRun: boolean) => {
    if (!file) return setState({ step: 'failed', message: t.importPage.chooseFileFirst });
    setState({ step: 'busy', dryRun, progress: 0 });
    try {
      const summary = await upload<Summary>(`/api/v1/imports/${kind}?dryRun=${dryRun}`, file, 'text/csv; charset=utf-8', (progress) =>
        setState({ step: 'busy', dryRun, progress }),
      );
      if (!dryRun) await queryClient.invalidateQueries();
      setState({ step: dryRun ? 'checked' : 'done', summary });
    } catch (error) {
      if (error instanceof ApiError && error.rowErrors.length > 0) setState({ step: 'invalid', errors: error.rowErrors, message: error.message });
      else setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  if (kinds.length === 0) return (<div><PageHeader title={t.importPage.title} /><EmptyState>{t.app.notFoundText}</EmptyState></div>);
  return (
    <div className="stack">
      <PageHeader title={t.importPage.title} intro={t.importPage.intro} />
      <form onSubmit={check} noValidate className="card stack" aria-label={t.importPage.title}>
        <RadioGroupField label={t.importPage.kind} name="kind" value={kind} onChange={(v) => { setKind(v); setState({ step: 'idle' }); }}
          options={kinds.map((k) => ({ value: k, label: t.importPage.kinds[k], help: t.importPage.kindHelp[k] }))} />
        <div className="field">
          <label htmlFor="import-file">{t.importPage.file}</label>
          <span id="import-file-help" className="help">{t.importPage.fileHelp}</span>
          <input id="import-file" className="file-input" type="file" accept=".csv,text/csv" aria-describedby="import-file-help"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setState({ step: 'idle' }); }} />
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={state.step === 'busy'}>{state.step === 'busy' && state.dryRun ? t.importPage.validating : t.importPage.validate}</Button>
          <Button variant="secondary" isDisabled={state.step !== 'checked'} onPress={() => void run(false)}>
            {state.step === 'busy' && !state.dryRun ? t.importPage.importing : t.importPage.import}
          </Button>
        </div>
      </form>
      {state.step === 'busy' && <ProgressBar label={state.dryRun ? t.importPage.validating : t.importPage.progress} value={state.progress} />}
      {state.step === 'failed' && <Notice tone="error">{state.message}</Notice>}
      {state.step === 'invalid' && <ImportErrors errors={state.errors} message={state.message} />}
      {(state.step === 'checked' || state.step === 'done') && <ImportSummary summary={state.summary} />}
    </div>
  );
}
